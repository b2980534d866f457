#include "wb/sde.hpp"

#include <cmath>

#include <gtest/gtest.h>
#include <xtensor/xview.hpp>

#include "wb/stats.hpp"

namespace wb {
namespace {

TEST(Sde, OneStepOfEachSchemeMatchesItsFormula) {
    GeometricBrownian gbm(0.5, 0.8);
    const double x0 = 1.3, h = 0.01, dw = 0.07;
    Batch dW = {{dw}};
    StepWork w;
    Batch x = {{x0}};
    step(gbm, Scheme::Euler, x, 0, h, dW, w);
    EXPECT_DOUBLE_EQ(x(0, 0), x0 + h * 0.5 * x0);
    x = {{x0}};
    step(gbm, Scheme::EulerMaruyama, x, 0, h, dW, w);
    EXPECT_DOUBLE_EQ(x(0, 0), x0 + h * 0.5 * x0 + 0.8 * x0 * dw);
    x = {{x0}};
    step(gbm, Scheme::Milstein, x, 0, h, dW, w);
    EXPECT_DOUBLE_EQ(x(0, 0), x0 + h * 0.5 * x0 + 0.8 * x0 * dw + 0.5 * 0.8 * x0 * 0.8 * (dw * dw - h));
    x = {{x0}};
    step(gbm, Scheme::TamedEM, x, 0, h, dW, w);
    const double f = 0.5 * x0;
    EXPECT_DOUBLE_EQ(x(0, 0), x0 + h * f / (1 + h * f) + 0.8 * x0 * dw);
}

TEST(Sde, HeunIsSecondOrderOnExponentialGrowth) {
    GeometricBrownian ode(1.0, 0.0);
    auto err = [&](std::size_t n) {
        Batch x = {{1.0}};
        StepWork w;
        for (std::size_t k = 0; k < n; ++k) heun_step(ode, x, 0, 1.0 / static_cast<double>(n), w);
        return std::fabs(x(0, 0) - std::exp(1.0));
    };
    EXPECT_NEAR(std::log2(err(50) / err(100)), 2.0, 0.05);
}

TEST(Sde, OrnsteinUhlenbeckMarginalMatchesSimulation) {
    OrnsteinUhlenbeck ou(1.5, 0.7);
    auto p0 = GaussianMixture::univariate({0.5, 0.5}, {-2.0, 2.0}, {0.3, 0.3});
    Rng r(21);
    Batch x = p0.sample(r, 40000);
    const double T = 0.8;
    integrate(ou, Scheme::EulerMaruyama, x, 0.0, T / 400, 400, r);
    auto pt = ou.marginal(p0, T);
    xt::xtensor<double, 1> col = xt::view(x, xt::all(), 0);
    auto v = variance_se(col);
    // EM's bias at h = 0.002 is far below the Monte Carlo error here.
    EXPECT_NEAR(v.value, pt.variance()(0), 4 * v.se);
    EXPECT_DOUBLE_EQ(ou.variance(T), 0.49 * (1 - std::exp(-2 * 1.5 * T)) / 3.0);
}

}  // namespace
}  // namespace wb
