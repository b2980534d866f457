// Tests of 06.1 lda_fit.
#include <cmath>

#include <gtest/gtest.h>

#include "generative_discriminative.hpp"

using ch06::lda_fit;

TEST(LdaFit, OneDimensionByHand) {
    // Class 0: {0, 2} (mean 1); class 1: {3, 5, 4, 4} (mean 4). Pooled MLE variance
    // (1 + 1 + 1 + 1 + 0 + 0)/6 = 2/3, so w = 3/(2/3) = 4.5 and
    // b = −½·16/(2/3) + ½·1/(2/3) + log(4/2) = −11.25 + log 2.
    const wb::Mat x = {{0.0}, {2.0}, {3.0}, {5.0}, {4.0}, {4.0}};
    const wb::Vec y = {0, 0, 1, 1, 1, 1};
    const auto m = lda_fit(x, y);
    ASSERT_EQ(m.w.size(), 1u);
    EXPECT_NEAR(m.w(0), 4.5, 1e-12);
    EXPECT_NEAR(m.b, -11.25 + std::log(2.0), 1e-12);
}

TEST(LdaFit, PosteriorIsThatOfTheFittedGaussians) {
    // Two dimensions with correlated features and unequal class sizes: the log-odds must be
    // log(π₁N(x; μ₁, Σ)/(π₀N(x; μ₀, Σ))) with the MLE moments, computed here by hand.
    const wb::Mat x = {{0.0, 0.0}, {1.0, 2.0}, {2.0, 1.0}, {3.0, 3.0}, {2.5, 0.5},
                       {4.0, 2.0}, {5.0, 4.0}, {3.5, 1.0}, {4.5, 3.5}};
    const wb::Vec y = {0, 0, 0, 0, 1, 1, 1, 1, 1};
    double mu[2][2] = {{0, 0}, {0, 0}}, cnt[2] = {0, 0};
    for (std::size_t i = 0; i < 9; ++i) {
        const int c = y(i) > 0.5;
        cnt[c] += 1;
        mu[c][0] += x(i, 0);
        mu[c][1] += x(i, 1);
    }
    for (int c = 0; c < 2; ++c) mu[c][0] /= cnt[c], mu[c][1] /= cnt[c];
    double S[2][2] = {{0, 0}, {0, 0}};
    for (std::size_t i = 0; i < 9; ++i) {
        const int c = y(i) > 0.5;
        const double a = x(i, 0) - mu[c][0], b = x(i, 1) - mu[c][1];
        S[0][0] += a * a / 9, S[0][1] += a * b / 9, S[1][1] += b * b / 9;
    }
    const double det = S[0][0] * S[1][1] - S[0][1] * S[0][1];
    auto quad = [&](double a, double b) { return (S[1][1] * a * a - 2 * S[0][1] * a * b + S[0][0] * b * b) / det; };
    const auto m = lda_fit(x, y);
    for (auto [u, v] : {std::pair{0.0, 0.0}, {3.0, 1.5}, {-1.0, 4.0}, {6.0, -2.0}}) {
        const double want = std::log(cnt[1] / cnt[0]) - 0.5 * quad(u - mu[1][0], v - mu[1][1]) +
                            0.5 * quad(u - mu[0][0], v - mu[0][1]);
        EXPECT_NEAR(m.w(0) * u + m.w(1) * v + m.b, want, 1e-9) << "at x = (" << u << ", " << v << ")";
    }
}
