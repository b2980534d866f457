// Tests of 13.2 conditional_score.
#include <cmath>
#include <numbers>

#include <gtest/gtest.h>

#include "ou.hpp"

using ch13::conditional_score;
using ch13::OuKernel;

TEST(ConditionalScore, KnownValue) {
    // −(x_t − m x_0)/v = −(1.5 − 0.5·1)/0.25 = −4.
    EXPECT_DOUBLE_EQ(conditional_score(1.5, 1.0, OuKernel{0.5, 0.25}), -4.0);
}

TEST(ConditionalScore, ZeroAtTheKernelMeanAndPointsBackToIt) {
    const OuKernel k{0.8, 0.3};
    EXPECT_NEAR(conditional_score(0.8 * 2.0, 2.0, k), 0.0, 1e-15);
    EXPECT_GT(conditional_score(0.0, 2.0, k), 0.0);
    EXPECT_LT(conditional_score(3.0, 2.0, k), 0.0);
}

TEST(ConditionalScore, IsTheDerivativeOfTheLogKernel) {
    const OuKernel k{0.6, 0.45};
    const double x0 = -0.7, h = 1e-6;
    auto logp = [&](double x) { return -0.5 * std::log(2 * std::numbers::pi * k.v) - (x - k.m * x0) * (x - k.m * x0) / (2 * k.v); };
    for (double x : {-2.0, 0.1, 1.3}) {
        EXPECT_NEAR(conditional_score(x, x0, k), (logp(x + h) - logp(x - h)) / (2 * h), 1e-6) << "x_t = " << x;
    }
}
