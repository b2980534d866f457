// Tests of 11.1 euler_step.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <utility>

#include <gtest/gtest.h>

#include "schemes.hpp"
#include "wb/sde.hpp"

using ch11::euler_step;

namespace {
// The ODE dx/dt = f(x, t) as an SDE without noise.
wb::PointwiseSde ode(wb::PointwiseSde::Coefficient f) { return {std::move(f), [](double, double) { return 0.0; }}; }
}  // namespace

TEST(EulerStep, KnownValue) {
    // f(x, t) = x² − t at (2, 0.5), h = 0.1: 2 + 0.1·(4 − 0.5) = 2.35.
    EXPECT_DOUBLE_EQ(euler_step(2.0, 0.5, 0.1, ode([](double x, double t) { return x * x - t; })), 2.35);
}

TEST(EulerStep, EvaluatesTheDriftAtTheStartOfTheStep) {
    // f = t: the explicit scheme uses f(x, t), not f at t + h: 1 + 0.5·2 = 2.
    EXPECT_DOUBLE_EQ(euler_step(1.0, 2.0, 0.5, ode([](double, double t) { return t; })), 2.0);
}

TEST(EulerStep, DahlquistRecursionIsExact) {
    // y' = λy: N steps give (1 + hλ)^N y_0; they decay iff |1 + hλ| < 1.
    for (auto [lambda, h] : {std::pair{-4.0, 0.125}, {-4.0, 0.375}, {-4.0, 0.625}, {2.0, 0.15}}) {
        const auto test = ode([l = lambda](double x, double) { return l * x; });
        const auto step = [&](double x, double t, double dt) { return euler_step(x, t, dt, test); };
        const double y = wb::ode_path(step, 1.0, 0.0, h, 20).back();
        const double exact = std::pow(1.0 + h * lambda, 20);
        EXPECT_NEAR(y, exact, 1e-12 * std::max(1.0, std::fabs(exact))) << "hλ = " << h * lambda;
    }
}

TEST(EulerStep, ConvergesWithOrderOne) {
    // y' = cos t − y, y(0) = 0 has y(t) = (sin t + cos t − e^{−t})/2; halving h halves the error at t = 2.
    auto error = [](int n) {
        const double h = 2.0 / n;
        const auto forced = ode([](double x, double t) { return std::cos(t) - x; });
        const auto step = [&](double x, double t, double dt) { return euler_step(x, t, dt, forced); };
        const double y = wb::ode_path(step, 0.0, 0.0, h, static_cast<std::size_t>(n)).back();
        return std::fabs(y - 0.5 * (std::sin(2.0) + std::cos(2.0) - std::exp(-2.0)));
    };
    EXPECT_NEAR(std::log2(error(200) / error(400)), 1.0, 0.02);
}
