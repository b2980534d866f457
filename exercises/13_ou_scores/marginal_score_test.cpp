// Tests of 13.3 marginal_score.
#include <cmath>
#include <numbers>
#include <vector>

#include <gtest/gtest.h>

#include "ou.hpp"

using ch13::marginal_score;
using ch13::OuKernel;

namespace {
// A 1-D mixture Σ_j w_j N(mu_j, s_j²), kept as plain numbers so the reference below
// does not go through the library's mixture.
struct Params {
    std::vector<double> w, mu, s;  // (K) each
    wb::GaussianMixture mixture() const {
        return wb::GaussianMixture::univariate(wb::to_vec(w), wb::to_vec(mu), wb::to_vec(s));
    }
};

// log p_t written out directly, for finite differences.
double log_pt(double x, const Params& p, const OuKernel& k) {
    double s = 0;
    for (std::size_t j = 0; j < p.w.size(); ++j) {
        const double var = k.m * k.m * p.s[j] * p.s[j] + k.v;
        s += p.w[j] * std::exp(-0.5 * (x - k.m * p.mu[j]) * (x - k.m * p.mu[j]) / var) / std::sqrt(2 * std::numbers::pi * var);
    }
    return std::log(s);
}
}  // namespace

TEST(MarginalScore, OneComponentIsAGaussianScore) {
    const Params p{{1.0}, {2.0}, {0.5}};
    const OuKernel k{0.5, 0.75};
    // p_t = N(1, 0.25·0.25 + 0.75 = 0.8125).
    EXPECT_NEAR(marginal_score(0.2, p.mixture(), k), -(0.2 - 1.0) / 0.8125, 1e-14);
}

TEST(MarginalScore, TwoComponentsMatchTheDerivativeOfLogPt) {
    const Params p{{0.3, 0.7}, {-1.5, 1.0}, {0.3, 0.5}};
    const OuKernel k{0.7, 0.4};
    const double h = 1e-6;
    for (double x : {-2.5, -0.4, 0.0, 0.9, 2.2}) {
        EXPECT_NEAR(marginal_score(x, p.mixture(), k), (log_pt(x + h, p, k) - log_pt(x - h, p, k)) / (2 * h), 1e-6)
            << "x_t = " << x;
    }
}

TEST(MarginalScore, StableFarFromEveryComponent) {
    // At x = ±60 every density underflows to 0; the score must still be the
    // widest component's score, −(x − m mu)/var.
    const Params p{{0.5, 0.5}, {-1.0, 1.0}, {0.1, 0.2}};
    const OuKernel k{1.0, 0.01};
    const double var2 = 0.04 + 0.01;
    for (double x : {60.0, -60.0}) {
        const double s = marginal_score(x, p.mixture(), k);
        ASSERT_TRUE(std::isfinite(s)) << "x_t = " << x;
        EXPECT_NEAR(s, -(x - 1.0) / var2, 1e-6 * std::fabs(x / var2)) << "x_t = " << x;
    }
}
