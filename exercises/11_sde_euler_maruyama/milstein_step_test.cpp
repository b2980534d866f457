// Tests of 11.3 milstein_step.
#include <cmath>

#include <gtest/gtest.h>

#include "gbm_strong_error.hpp"
#include "schemes.hpp"
#include "wb/sde.hpp"

using ch11::milstein_step;

namespace {
const double Mu = 0.5, S = 0.8;
// Written out from its coefficients, so that the test does not lean on the library's GBM.
const wb::PointwiseSde gbm([](double x, double) { return Mu * x; }, [](double x, double) { return S * x; },
                           [](double, double) { return S; });
}  // namespace

TEST(MilsteinStep, KnownValueOnGeometricBrownianMotion) {
    const double x = 1.3, h = 0.01, dW = 0.07;
    EXPECT_DOUBLE_EQ(milstein_step(x, 0.0, h, dW, gbm),
                     x + h * Mu * x + S * x * dW + 0.5 * S * x * S * (dW * dW - h));
}

TEST(MilsteinStep, IsEulerMaruyamaForAdditiveNoise) {
    // ∂g/∂x = 0: the correction vanishes. f = −x, g = 0.3 at x = 2, h = 0.1, ΔW = 0.2.
    const wb::PointwiseSde additive([](double x, double) { return -x; }, [](double, double) { return 0.3; },
                                    [](double, double) { return 0.0; });
    EXPECT_DOUBLE_EQ(milstein_step(2.0, 0.0, 0.1, 0.2, additive), 2.0 - 0.2 + 0.06);
}

TEST(MilsteinStep, OneStepMomentsOnGeometricBrownianMotion) {
    // The step is quadratic in ΔW, its square quartic: the 3-point Gauss–Hermite rule
    // (ΔW = 0, ±√(3h), weights 2/3, 1/6, 1/6) integrates both exactly.
    // E X_1 = (1 + μh) x;  E X_1² = ((1 + μh)² + s²h + ½ s⁴h²) x².
    const double x = 1.3;
    for (double h : {0.5, 0.1, 0.01}) {
        const double r = std::sqrt(3 * h);
        const double a = milstein_step(x, 0.0, h, 0.0, gbm), b = milstein_step(x, 0.0, h, r, gbm),
                     c = milstein_step(x, 0.0, h, -r, gbm);
        const double m1 = (2 * a + (b + c) / 2) / 3, m2 = (2 * a * a + (b * b + c * c) / 2) / 3;
        EXPECT_NEAR(m1, (1 + Mu * h) * x, 1e-12) << "h = " << h;
        const double exact = ((1 + Mu * h) * (1 + Mu * h) + S * S * h + 0.5 * S * S * S * S * h * h) * x * x;
        EXPECT_NEAR(m2, exact, 1e-12 * exact) << "h = " << h;
    }
}

TEST(MilsteinStep, StrongOrderOneOnGeometricBrownianMotion) {
    // GBM with μ = 2, s = 1, X_0 = 1, T = 1 against its exact solution on the same
    // Brownian path: E|X_T − X_T^h| ∝ h. Fixed seed, 4000 paths.
    const auto r = ch11::testing::gbm_strong_order(milstein_step, 2.0, 1.0);
    EXPECT_NEAR(r.slope, 1.0, 0.1) << "errors " << r.errors.front() << " ... " << r.errors.back();
}
