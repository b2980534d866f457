// Tests of 06.2 qda_fit.
#include <cmath>

#include <gtest/gtest.h>

#include "generative_discriminative.hpp"

using ch06::qda_fit;

namespace {
double log_odds(const ch06::Quadratic& q, double u, double v) {
    return q.A(0, 0) * u * u + (q.A(0, 1) + q.A(1, 0)) * u * v + q.A(1, 1) * v * v + q.w(0) * u + q.w(1) * v + q.b;
}
}  // namespace

TEST(QdaFit, OneDimensionByHand) {
    // Class 0: {0, 2}: mean 1, MLE variance 1; class 1: {3, 5, 4, 4}: mean 4, variance 1/2.
    // A = −½(2 − 1) = −½, w = 4·2 − 1 = 7, b = −½·32 + ½ − ½ log(1/2) + log 2.
    const wb::Mat x = {{0.0}, {2.0}, {3.0}, {5.0}, {4.0}, {4.0}};
    const wb::Vec y = {0, 0, 1, 1, 1, 1};
    const auto q = qda_fit(x, y);
    ASSERT_EQ(q.w.size(), 1u);
    EXPECT_NEAR(q.A(0, 0), -0.5, 1e-12);
    EXPECT_NEAR(q.w(0), 7.0, 1e-12);
    EXPECT_NEAR(q.b, -16.0 + 0.5 + 1.5 * std::log(2.0), 1e-12);
}

TEST(QdaFit, LogOddsIsThatOfTheFittedGaussians) {
    const wb::Mat x = {{0.0, 0.0}, {1.0, 2.0}, {2.0, 1.0}, {3.0, 3.0}, {2.5, 0.5},
                       {4.0, 2.0}, {5.0, 5.0}, {3.5, 1.0}, {4.5, 3.0}};
    const wb::Vec y = {0, 0, 0, 0, 1, 1, 1, 1, 1};
    // Per-class MLE mean and covariance, and log N(x; μ, Σ) up to the shared −log 2π.
    double mu[2][2] = {{0, 0}, {0, 0}}, cnt[2] = {0, 0}, S[2][3] = {{0, 0, 0}, {0, 0, 0}};
    for (std::size_t i = 0; i < 9; ++i) {
        const int c = y(i) > 0.5;
        cnt[c] += 1, mu[c][0] += x(i, 0), mu[c][1] += x(i, 1);
    }
    for (int c = 0; c < 2; ++c) mu[c][0] /= cnt[c], mu[c][1] /= cnt[c];
    for (std::size_t i = 0; i < 9; ++i) {
        const int c = y(i) > 0.5;
        const double a = x(i, 0) - mu[c][0], b = x(i, 1) - mu[c][1];
        S[c][0] += a * a / cnt[c], S[c][1] += a * b / cnt[c], S[c][2] += b * b / cnt[c];
    }
    auto logpdf = [&](int c, double u, double v) {
        const double det = S[c][0] * S[c][2] - S[c][1] * S[c][1], a = u - mu[c][0], b = v - mu[c][1];
        return -0.5 * (S[c][2] * a * a - 2 * S[c][1] * a * b + S[c][0] * b * b) / det - 0.5 * std::log(det);
    };
    const auto q = qda_fit(x, y);
    ASSERT_EQ(q.A.shape(0), 2u);
    ASSERT_EQ(q.A.shape(1), 2u);
    for (auto [u, v] : {std::pair{0.0, 0.0}, {3.0, 1.5}, {-1.0, 4.0}, {6.0, -2.0}}) {
        const double want = std::log(cnt[1] / cnt[0]) + logpdf(1, u, v) - logpdf(0, u, v);
        EXPECT_NEAR(log_odds(q, u, v), want, 1e-9) << "at x = (" << u << ", " << v << ")";
    }
}
