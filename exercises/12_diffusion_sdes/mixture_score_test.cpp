// Tests of 12.4 mixture_score.
#include <array>
#include <cmath>
#include <numbers>
#include <vector>

#include <gtest/gtest.h>

#include "diffusion_sdes.hpp"

using ch12::mixture_score;
using ch12::VpKernel;

namespace {
// A 2-D mixture with diagonal covariances, kept as plain numbers so the reference
// below does not go through the library's mixture.
struct Params {
    std::vector<double> w;                    // (K)
    std::vector<std::array<double, 2>> mu, s2;  // (K, 2) means and variances
    wb::GaussianMixture mixture() const {
        const std::size_t K = w.size();
        wb::Mat m = xt::empty<double>({K, std::size_t{2}}), v = xt::empty<double>({K, std::size_t{2}});
        for (std::size_t j = 0; j < K; ++j)
            for (std::size_t c = 0; c < 2; ++c) {
                m(j, c) = mu[j][c];
                v(j, c) = s2[j][c];
            }
        return wb::GaussianMixture(wb::to_vec(w), m, v);
    }
};

// log p_t written out directly, for finite differences.
double log_pt(double x0, double x1, const Params& p, const VpKernel& k) {
    double s = 0;
    const double x[2] = {x0, x1};
    for (std::size_t j = 0; j < p.w.size(); ++j) {
        double dens = p.w[j];
        for (std::size_t c = 0; c < 2; ++c) {
            const double var = k.m * k.m * p.s2[j][c] + k.v, r = x[c] - k.m * p.mu[j][c];
            dens *= std::exp(-0.5 * r * r / var) / std::sqrt(2 * std::numbers::pi * var);
        }
        s += dens;
    }
    return std::log(s);
}
}  // namespace

TEST(MixtureScore, OneComponentIsAGaussianScore) {
    const Params p{{1.0}, {{2.0, -1.0}}, {{0.25, 0.5}}};
    const VpKernel k{0.5, 0.75};
    wb::Mat x = {{0.2, 0.4}, {-1.0, 3.0}}, s;
    mixture_score(x, p.mixture(), k, s);
    ASSERT_EQ(s.shape(0), 2u);
    ASSERT_EQ(s.shape(1), 2u);
    // Component: N((1, −0.5), diag(0.0625 + 0.75, 0.125 + 0.75)).
    for (std::size_t i = 0; i < 2; ++i) {
        EXPECT_NEAR(s(i, 0), -(x(i, 0) - 1.0) / 0.8125, 1e-13);
        EXPECT_NEAR(s(i, 1), -(x(i, 1) + 0.5) / 0.875, 1e-13);
    }
}

TEST(MixtureScore, ThreeComponentsMatchTheGradientOfLogPt) {
    const Params p{{0.2, 0.5, 0.3}, {{-1.5, 0.5}, {1.0, -1.0}, {0.0, 2.0}}, {{0.09, 0.3}, {0.25, 0.16}, {1.0, 0.04}}};
    const VpKernel k{0.8, 0.36};
    const double h = 1e-6;
    const wb::Mat x = {{-2.0, 0.3}, {0.0, 0.0}, {0.9, -1.2}, {0.4, 1.8}, {2.5, 2.5}};
    wb::Mat s;
    mixture_score(x, p.mixture(), k, s);
    for (std::size_t i = 0; i < x.shape(0); ++i) {
        const double a = x(i, 0), b = x(i, 1);
        EXPECT_NEAR(s(i, 0), (log_pt(a + h, b, p, k) - log_pt(a - h, b, p, k)) / (2 * h), 1e-6) << "row " << i;
        EXPECT_NEAR(s(i, 1), (log_pt(a, b + h, p, k) - log_pt(a, b - h, p, k)) / (2 * h), 1e-6) << "row " << i;
    }
}

TEST(MixtureScore, StableFarFromEveryComponent) {
    // At |x| = 80 every density underflows to 0; the score must still be the widest
    // component's score.
    const Params p{{0.5, 0.5}, {{-1.0, 0.0}, {1.0, 0.0}}, {{0.01, 0.01}, {0.04, 0.04}}};
    const VpKernel k{1.0, 0.01};
    const double var2 = 0.04 + 0.01;
    wb::Mat x = {{80.0, 0.0}, {-80.0, 10.0}}, s;
    mixture_score(x, p.mixture(), k, s);
    for (std::size_t i = 0; i < 2; ++i) {
        ASSERT_TRUE(std::isfinite(s(i, 0)) && std::isfinite(s(i, 1))) << "row " << i;
        EXPECT_NEAR(s(i, 0), -(x(i, 0) - 1.0) / var2, 1e-6 * std::fabs(x(i, 0) / var2)) << "row " << i;
    }
}
