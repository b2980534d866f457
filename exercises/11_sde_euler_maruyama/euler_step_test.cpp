// Tests of 11.1 euler_step.
#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

#include "schemes.hpp"

using ch11::euler_step;

TEST(EulerStep, KnownValue) {
    // f(x, t) = x² − t at (2, 0.5), h = 0.1: 2 + 0.1·(4 − 0.5) = 2.35.
    EXPECT_DOUBLE_EQ(euler_step(2.0, 0.5, 0.1, [](double x, double t) { return x * x - t; }), 2.35);
}

TEST(EulerStep, EvaluatesTheDriftAtTheStartOfTheStep) {
    // f = t: the explicit scheme uses f(x, t), not f at t + h: 1 + 0.5·2 = 2.
    EXPECT_DOUBLE_EQ(euler_step(1.0, 2.0, 0.5, [](double, double t) { return t; }), 2.0);
}

TEST(EulerStep, DahlquistRecursionIsExact) {
    // y' = λy: N steps give (1 + hλ)^N y_0; they decay iff |1 + hλ| < 1.
    for (auto [lambda, h] : {std::pair{-4.0, 0.125}, {-4.0, 0.375}, {-4.0, 0.625}, {2.0, 0.15}}) {
        double y = 1.0;
        for (int k = 0; k < 20; ++k) y = euler_step(y, k * h, h, [l = lambda](double x, double) { return l * x; });
        const double exact = std::pow(1.0 + h * lambda, 20);
        EXPECT_NEAR(y, exact, 1e-12 * std::max(1.0, std::fabs(exact))) << "hλ = " << h * lambda;
    }
}

TEST(EulerStep, ConvergesWithOrderOne) {
    // y' = cos t − y, y(0) = 0 has y(t) = (sin t + cos t − e^{−t})/2; halving h halves the error at t = 2.
    auto error = [](int n) {
        const double h = 2.0 / n;
        double y = 0.0;
        for (int k = 0; k < n; ++k) y = euler_step(y, k * h, h, [](double x, double t) { return std::cos(t) - x; });
        return std::fabs(y - 0.5 * (std::sin(2.0) + std::cos(2.0) - std::exp(-2.0)));
    };
    EXPECT_NEAR(std::log2(error(200) / error(400)), 1.0, 0.02);
}
