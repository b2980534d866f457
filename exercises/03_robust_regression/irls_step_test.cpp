// Tests of 03.3 irls_step.
#include <algorithm>
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "robust.hpp"
#include "wb/constants.hpp"
#include "wb/rng.hpp"
#include "wb/stats.hpp"

using ch03::irls_step;
using wb::Mat;
using wb::Vec;

namespace {
// A line with Student-t noise and two gross outliers.
void make_data(Vec& x, Vec& y, std::uint64_t seed) {
    wb::Rng rng(seed);
    const std::size_t n = 25;
    x = xt::empty<double>({n});
    y = xt::empty<double>({n});
    for (std::size_t i = 0; i < n; ++i) {
        x(i) = rng.uniform(0, 10);
        y(i) = 1 + 2 * x(i) + rng.student_t(3);
    }
    y(3) += 40;
    y(17) -= 25;
}

// Σ ψ(r_i/s) x_i for a line, ψ clipped at k.
std::vector<double> estimating_equations(const Vec& x, const Vec& y, const Vec& b, double k, double s) {
    std::vector<double> g(2, 0.0);
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double psi = std::clamp((y(i) - b(0) - b(1) * x(i)) / s, -k, k);
        g[0] += psi;
        g[1] += psi * x(i);
    }
    return g;
}
}  // namespace

TEST(IrlsStep, MatchesAStepWorkedByHand) {
    Vec x, y;
    make_data(x, y, 31);
    const Vec b0 = {0.5, 2.5};
    const double k = 1.345;
    const std::size_t n = x.size();
    // Residuals, MAD scale, weights, then the 2 × 2 weighted normal equations by Cramer's rule.
    std::vector<double> r(n);
    for (std::size_t i = 0; i < n; ++i) r[i] = y(i) - b0(0) - b0(1) * x(i);
    const double s = wb::mad(r) * wb::MadToSigma;
    double sw = 0, swx = 0, swxx = 0, swy = 0, swxy = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double u = std::fabs(r[i]) / s, w = u <= k ? 1.0 : k / u;
        sw += w, swx += w * x(i), swxx += w * x(i) * x(i), swy += w * y(i), swxy += w * x(i) * y(i);
    }
    const double det = sw * swxx - swx * swx;
    const double a = (swxx * swy - swx * swxy) / det, b = (sw * swxy - swx * swy) / det;

    const auto step = irls_step(ch03::line_design(x), y, b0, k);
    EXPECT_NEAR(step.scale, s, 1e-12 * s);
    ASSERT_EQ(step.beta.size(), 2u);
    EXPECT_NEAR(step.beta(0), a, 1e-10);
    EXPECT_NEAR(step.beta(1), b, 1e-10);
}

TEST(IrlsStep, UsesAGivenScale) {
    Vec x, y;
    make_data(x, y, 32);
    const Vec b0 = {1.0, 2.0};
    const auto step = irls_step(ch03::line_design(x), y, b0, 1.345, 2.5);
    EXPECT_DOUBLE_EQ(step.scale, 2.5);
    // With a huge threshold every weight is 1 and one step is least squares.
    const auto ls = irls_step(ch03::line_design(x), y, b0, 1e9, 1.0);
    const auto ref = ch03::weighted_least_squares(ch03::line_design(x), y, xt::ones<double>({x.size()}));
    EXPECT_NEAR(ls.beta(0), ref(0), 1e-10);
    EXPECT_NEAR(ls.beta(1), ref(1), 1e-10);
}

TEST(IrlsStep, NeverIncreasesHubersObjectiveAtAFixedScale) {
    // IRLS is a majorise–minimise step: the weighted squares lie above ρ and touch it at β.
    Vec x, y;
    make_data(x, y, 33);
    const Mat X = ch03::line_design(x);
    const double k = 1.345, s = 1.2;
    wb::Rng rng(7);
    for (int t = 0; t < 20; ++t) {
        const Vec b = {rng.uniform(-5, 5), rng.uniform(0, 4)};
        const auto step = irls_step(X, y, b, k, s);
        EXPECT_LE(ch03::huber_objective(X, y, step.beta, k, s), ch03::huber_objective(X, y, b, k, s) + 1e-12);
    }
}

TEST(IrlsStep, ItsFixedPointSolvesTheEstimatingEquations) {
    Vec x, y;
    make_data(x, y, 34);
    const Mat X = ch03::line_design(x);
    const double k = 1.345, s = 1.0;
    Vec b = {0.0, 0.0};
    for (int t = 0; t < 300; ++t) b = irls_step(X, y, b, k, s).beta;
    const auto g = estimating_equations(x, y, b, k, s);
    EXPECT_NEAR(g[0], 0.0, 1e-8);
    EXPECT_NEAR(g[1], 0.0, 1e-7);
    const auto again = irls_step(X, y, b, k, s);
    EXPECT_NEAR(again.beta(0), b(0), 1e-10);
    EXPECT_NEAR(again.beta(1), b(1), 1e-10);
}
