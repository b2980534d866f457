// Tests of 13.1 ou_kernel.
#include <cmath>

#include <gtest/gtest.h>

#include "ou.hpp"

using ch13::ou_kernel;

TEST(OuKernel, ValuesAtTLn2) {
    // θ = 1, σ = √2, t = ln 2: m = 1/2 and v = 2(1 − 1/4)/2 = 3/4.
    const auto k = ou_kernel(1.0, std::sqrt(2.0), std::log(2.0));
    EXPECT_NEAR(k.m, 0.5, 1e-14);
    EXPECT_NEAR(k.v, 0.75, 1e-14);
}

TEST(OuKernel, StartsAtIdentityAndForgetsTheStart) {
    const auto k0 = ou_kernel(0.7, 1.3, 0.0);
    EXPECT_EQ(k0.m, 1.0);
    EXPECT_EQ(k0.v, 0.0);
    // As t → ∞ the kernel tends to the stationary law N(0, σ²/(2θ)).
    const auto kinf = ou_kernel(0.7, 1.3, 200.0);
    EXPECT_NEAR(kinf.m, 0.0, 1e-12);
    EXPECT_NEAR(kinf.v, 1.3 * 1.3 / 1.4, 1e-12);
}

TEST(OuKernel, SatisfiesTheMomentOdes) {
    // dm/dt = −θ m and dv/dt = σ² − 2θ v (from Itô's formula).
    const double th = 1.7, sg = 0.9, t = 0.4, h = 1e-5;
    const auto k = ou_kernel(th, sg, t), kp = ou_kernel(th, sg, t + h), km = ou_kernel(th, sg, t - h);
    EXPECT_NEAR((kp.m - km.m) / (2 * h), -th * k.m, 1e-8);
    EXPECT_NEAR((kp.v - km.v) / (2 * h), sg * sg - 2 * th * k.v, 1e-8);
}

TEST(OuKernel, AccurateForTinyTimes) {
    // v_t = σ² t (1 − θ t + ...): 1 − e^{−2θt} cancels catastrophically here.
    const double th = 2.0, sg = 1.5, t = 1e-12;
    const auto k = ou_kernel(th, sg, t);
    EXPECT_NEAR(k.v / (sg * sg * t), 1.0 - th * t, 1e-9);
}
