// Tests of 06.3 logistic_newton.
#include <array>
#include <cmath>

#include <gtest/gtest.h>

#include "generative_discriminative.hpp"

using ch06::logistic_newton;

namespace {
// Two overlapping classes in the plane (not separable), 3 of class 1 among 8.
const wb::Mat X = {{0.0, 1.0}, {1.0, 0.0}, {2.0, 2.0}, {1.5, -1.0}, {3.0, 0.5}, {2.5, 2.5}, {0.5, 0.5}, {3.5, 1.0}};
const wb::Vec Y = {0, 0, 1, 0, 1, 0, 1, 0};

// The gradient of −Σ log P(y_i | x_i) + (λ/2)‖w‖² at (w, b): (w-part..., b-part).
std::array<double, 3> gradient(const ch06::Linear& m, double lambda) {
    std::array<double, 3> g = {lambda * m.w(0), lambda * m.w(1), 0.0};
    for (std::size_t i = 0; i < X.shape(0); ++i) {
        const double p = 1.0 / (1.0 + std::exp(-(m.w(0) * X(i, 0) + m.w(1) * X(i, 1) + m.b)));
        g[0] += (p - Y(i)) * X(i, 0);
        g[1] += (p - Y(i)) * X(i, 1);
        g[2] += p - Y(i);
    }
    return g;
}
}  // namespace

TEST(LogisticNewton, GradientVanishesWithoutPenalty) {
    const auto m = logistic_newton(X, Y, 0.0);
    ASSERT_EQ(m.w.size(), 2u);
    for (double g : gradient(m, 0.0)) EXPECT_NEAR(g, 0.0, 1e-8);
}

TEST(LogisticNewton, GradientVanishesWithRidgeOnWOnly) {
    // b is not penalised: its gradient component is the plain Σ (p_i − y_i).
    const auto m = logistic_newton(X, Y, 1.5);
    for (double g : gradient(m, 1.5)) EXPECT_NEAR(g, 0.0, 1e-8);
}

TEST(LogisticNewton, InterceptOnlyFitMatchesTheBaseRate) {
    // A feature that is always 0, and a ridge on w: w = 0 and σ(b) is the base rate 3/8.
    const wb::Mat x = {{0.0}, {0.0}, {0.0}, {0.0}, {0.0}, {0.0}, {0.0}, {0.0}};
    const auto m = logistic_newton(x, Y, 1.0);
    EXPECT_NEAR(m.w(0), 0.0, 1e-12);
    EXPECT_NEAR(1.0 / (1.0 + std::exp(-m.b)), 3.0 / 8.0, 1e-10);
}
