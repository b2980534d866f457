// Tests of 11.2 em_step.
#include <cmath>
#include <tuple>

#include <gtest/gtest.h>

#include "gbm_strong_error.hpp"
#include "schemes.hpp"
#include "wb/sde.hpp"

using ch11::em_step;

TEST(EmStep, KnownValue) {
    // GBM dX = μX dt + sX dW with μ = 0.5, s = 0.8 at x = 1.3, h = 0.01, ΔW = 0.07.
    const double x = 1.3, h = 0.01, dW = 0.07;
    const double got = em_step(x, 0.0, h, dW, wb::GeometricBrownian(0.5, 0.8));
    EXPECT_DOUBLE_EQ(got, x + h * 0.5 * x + 0.8 * x * dW);
}

TEST(EmStep, AddsGTimesDWToTheEulerStepWithCoefficientsAtTheStart) {
    // f = x t, g = x + t at (x, t) = (2, 1), h = 0.25: Euler part 2 + 0.25·2 = 2.5, noise part 3 ΔW.
    const wb::PointwiseSde sde([](double x, double t) { return x * t; }, [](double x, double t) { return x + t; });
    EXPECT_DOUBLE_EQ(em_step(2.0, 1.0, 0.25, 0.0, sde), 2.5);
    EXPECT_DOUBLE_EQ(em_step(2.0, 1.0, 0.25, -0.4, sde), 2.5 - 1.2);
}

TEST(EmStep, MeanSquareRecursionOfTheLinearTestEquation) {
    // dX = λX dt + μX dW: X_1 = (1 + hλ + μΔW) X_0 is affine in ΔW, so the two-point rule
    // ΔW = ±√h integrates its square exactly: E X_1² = (|1 + hλ|² + hμ²) X_0².
    for (auto [lambda, mu, h] : {std::tuple{-3.0, std::sqrt(3.0), 0.25}, {-3.0, std::sqrt(3.0), 0.5}, {1.0, 0.5, 0.1}}) {
        const wb::GeometricBrownian linear(lambda, mu);  // dX = λX dt + μX dW
        const double x0 = 1.3, r = std::sqrt(h);
        const double up = em_step(x0, 0.0, h, r, linear), down = em_step(x0, 0.0, h, -r, linear);
        const double exact = ((1 + h * lambda) * (1 + h * lambda) + h * mu * mu) * x0 * x0;
        EXPECT_NEAR(0.5 * (up * up + down * down), exact, 1e-12 * exact) << "h = " << h;
    }
}

TEST(EmStep, StrongOrderOneHalfOnGeometricBrownianMotion) {
    // GBM with μ = 2, s = 1, X_0 = 1, T = 1 against its exact solution on the same
    // Brownian path: E|X_T − X_T^h| ∝ h^{1/2}. Fixed seed, 4000 paths.
    const auto r = ch11::testing::gbm_strong_order(em_step, 2.0, 1.0);
    EXPECT_NEAR(r.slope, 0.5, 0.1) << "errors " << r.errors.front() << " ... " << r.errors.back();
}
