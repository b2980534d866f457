// Tests of 12.1 vp_kernel.
#include <cmath>

#include <gtest/gtest.h>

#include "diffusion_sdes.hpp"

using ch12::vp_kernel;

TEST(VpKernel, ValuesAtAnInteriorTime) {
    // β_min = 0.1, β_max = 20, T = 1, t = 0.5: ∫β = 0.05 + 19.9·0.25/2 = 2.5375.
    const auto k = vp_kernel(0.1, 20.0, 1.0, 0.5);
    EXPECT_NEAR(k.m, std::exp(-0.5 * 2.5375), 1e-13);
    EXPECT_NEAR(k.v, 1.0 - std::exp(-2.5375), 1e-13);
}

TEST(VpKernel, HorizonScalesTime) {
    // T = 2, t = 1: ∫β = 0.5·1 + 3.5·1/(2·2) = 1.375.
    const auto k = vp_kernel(0.5, 4.0, 2.0, 1.0);
    EXPECT_NEAR(k.m, std::exp(-0.5 * 1.375), 1e-13);
    EXPECT_NEAR(k.v, 1.0 - std::exp(-1.375), 1e-13);
}

TEST(VpKernel, StartsAtIdentityAndPreservesVariance) {
    const auto k0 = vp_kernel(0.1, 20.0, 1.0, 0.0);
    EXPECT_EQ(k0.m, 1.0);
    EXPECT_EQ(k0.v, 0.0);
    for (double t : {0.1, 0.7, 1.0}) {
        const auto k = vp_kernel(0.3, 12.0, 1.0, t);
        EXPECT_NEAR(k.m * k.m + k.v, 1.0, 1e-14) << "t = " << t;
    }
}

TEST(VpKernel, SatisfiesTheMomentOdes) {
    // dm/dt = −½β(t) m and dv/dt = β(t)(1 − v), from Itô's formula.
    const double bmin = 0.2, bmax = 8.0, T = 1.5, t = 0.6, h = 1e-5;
    const double beta = bmin + t / T * (bmax - bmin);
    const auto k = vp_kernel(bmin, bmax, T, t), kp = vp_kernel(bmin, bmax, T, t + h), km = vp_kernel(bmin, bmax, T, t - h);
    EXPECT_NEAR((kp.m - km.m) / (2 * h), -0.5 * beta * k.m, 1e-8);
    EXPECT_NEAR((kp.v - km.v) / (2 * h), beta * (1 - k.v), 1e-8);
}

TEST(VpKernel, AccurateForTinyTimes) {
    // v_t = β_min t (1 + O(t)): 1 − e^{−∫β} cancels catastrophically here.
    const double t = 1e-12;
    const auto k = vp_kernel(0.1, 20.0, 1.0, t);
    EXPECT_NEAR(k.v / (0.1 * t), 1.0, 1e-9);
}
