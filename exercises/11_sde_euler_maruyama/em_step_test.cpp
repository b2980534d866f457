// Tests of 11.2 em_step.
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "gbm_strong_error.hpp"
#include "schemes.hpp"
#include "wb/rng.hpp"
#include "wb/stats.hpp"

using ch11::em_step;

TEST(EmStep, KnownValue) {
    // GBM dX = μX dt + sX dW with μ = 0.5, s = 0.8 at x = 1.3, h = 0.01, ΔW = 0.07.
    const double x = 1.3, h = 0.01, dW = 0.07;
    const double got = em_step(x, 0.0, h, dW, [](double y, double) { return 0.5 * y; }, [](double y, double) { return 0.8 * y; });
    EXPECT_DOUBLE_EQ(got, x + h * 0.5 * x + 0.8 * x * dW);
}

TEST(EmStep, AddsGTimesDWToTheEulerStepWithCoefficientsAtTheStart) {
    // f = x t, g = x + t at (x, t) = (2, 1), h = 0.25: Euler part 2 + 0.25·2 = 2.5, noise part 3 ΔW.
    auto f = [](double x, double t) { return x * t; };
    auto g = [](double x, double t) { return x + t; };
    EXPECT_DOUBLE_EQ(em_step(2.0, 1.0, 0.25, 0.0, f, g), 2.5);
    EXPECT_DOUBLE_EQ(em_step(2.0, 1.0, 0.25, -0.4, f, g), 2.5 - 1.2);
}

TEST(EmStep, MeanSquareRecursionOfTheLinearTestEquation) {
    // dX = λX dt + μX dW: X_1 = (1 + hλ + μΔW) X_0 is affine in ΔW, so the two-point rule
    // ΔW = ±√h integrates its square exactly: E X_1² = (|1 + hλ|² + hμ²) X_0².
    for (auto [lambda, mu, h] : {std::tuple{-3.0, std::sqrt(3.0), 0.25}, {-3.0, std::sqrt(3.0), 0.5}, {1.0, 0.5, 0.1}}) {
        auto f = [l = lambda](double x, double) { return l * x; };
        auto g = [m = mu](double x, double) { return m * x; };
        const double x0 = 1.3, r = std::sqrt(h);
        const double up = em_step(x0, 0.0, h, r, f, g), down = em_step(x0, 0.0, h, -r, f, g);
        const double exact = ((1 + h * lambda) * (1 + h * lambda) + h * mu * mu) * x0 * x0;
        EXPECT_NEAR(0.5 * (up * up + down * down), exact, 1e-12 * exact) << "h = " << h;
    }
}

TEST(EmStep, StrongOrderOneHalfOnGeometricBrownianMotion) {
    // GBM with μ = 2, s = 1, X_0 = 1, T = 1 against its exact solution on the same
    // Brownian path: E|X_T − X_T^h| ∝ h^{1/2}. Fixed seed, 4000 paths.
    const double mu = 2.0, s = 1.0;
    auto f = [mu](double x, double) { return mu * x; };
    auto g = [s](double x, double) { return s * x; };
    const auto r = ch11::testing::gbm_strong_order(
        [&](double x, double t, double h, double dW) { return em_step(x, t, h, dW, f, g); }, mu, s);
    EXPECT_NEAR(r.slope, 0.5, 0.1) << "errors " << r.errors.front() << " ... " << r.errors.back();
}
