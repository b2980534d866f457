// Tests of 10.2 noised_score.
#include <cmath>

#include <gtest/gtest.h>

#include "noise_scales.hpp"

using ch10::noised_score;

namespace {
// Two components in 2-D with different variances, so the log-determinant matters.
wb::GaussianMixture two_components() {
    return wb::GaussianMixture({0.3, 0.7}, {{-1.0, 2.0}, {1.5, -0.5}}, {{0.5, 2.0}, {1.0, 0.25}});
}
// log q_σ(x) written out for the mixture above, for finite differences.
double log_q(const wb::GaussianMixture& p, double sigma, double x0, double x1) {
    double total = 0.0;
    for (std::size_t k = 0; k < p.components(); ++k) {
        double dens = p.weights()(k);
        const double xs[2] = {x0, x1};
        for (std::size_t j = 0; j < 2; ++j) {
            const double v = p.variances()(k, j) + sigma * sigma, r = xs[j] - p.means()(k, j);
            dens *= std::exp(-0.5 * r * r / v) / std::sqrt(2.0 * M_PI * v);
        }
        total += dens;
    }
    return std::log(total);
}
}  // namespace

TEST(NoisedScore, SingleGaussianIsLinear) {
    // One component N(μ, s²): q_σ = N(μ, s² + σ²), score (μ − x)/(s² + σ²).
    const wb::GaussianMixture p({1.0}, {{2.0}}, {{0.5}});
    const wb::Mat x = {{0.0}, {3.0}};
    const wb::Mat s = noised_score(p, 1.5, x);
    ASSERT_EQ(s.shape(0), 2u);
    ASSERT_EQ(s.shape(1), 1u);
    EXPECT_NEAR(s(0, 0), 2.0 / 2.75, 1e-12);
    EXPECT_NEAR(s(1, 0), -1.0 / 2.75, 1e-12);
}

TEST(NoisedScore, MatchesFiniteDifferencesOfLogDensity) {
    const auto p = two_components();
    const wb::Mat x = {{0.0, 0.0}, {-1.2, 1.7}, {2.0, -1.0}, {0.4, 0.9}};
    for (double sigma : {0.1, 0.8, 3.0}) {
        const wb::Mat s = noised_score(p, sigma, x);
        for (std::size_t i = 0; i < x.shape(0); ++i) {
            const double h = 1e-5;
            const double d0 = (log_q(p, sigma, x(i, 0) + h, x(i, 1)) - log_q(p, sigma, x(i, 0) - h, x(i, 1))) / (2 * h);
            const double d1 = (log_q(p, sigma, x(i, 0), x(i, 1) + h) - log_q(p, sigma, x(i, 0), x(i, 1) - h)) / (2 * h);
            EXPECT_NEAR(s(i, 0), d0, 1e-6 * (1 + std::fabs(d0))) << "σ = " << sigma << ", row " << i;
            EXPECT_NEAR(s(i, 1), d1, 1e-6 * (1 + std::fabs(d1))) << "σ = " << sigma << ", row " << i;
        }
    }
}

TEST(NoisedScore, FiniteFarFromEveryComponent) {
    // At x = (−60, 60) every π_k N_k(x) underflows to 0; the score is that of the component
    // with the largest log-density, (μ_k − x)/v_k, finite.
    const auto p = two_components();
    const double sigma = 0.5;
    const wb::Mat x = {{-60.0, 60.0}};
    const wb::Mat s = noised_score(p, sigma, x);
    ASSERT_TRUE(std::isfinite(s(0, 0)) && std::isfinite(s(0, 1)));
    // Component 0 has the wider variance in the second coordinate, so it dominates there.
    const double v0 = 0.5 + 0.25, v1 = 2.0 + 0.25;
    EXPECT_NEAR(s(0, 0), (-1.0 + 60.0) / v0, 1e-9);
    EXPECT_NEAR(s(0, 1), (2.0 - 60.0) / v1, 1e-9);
}
