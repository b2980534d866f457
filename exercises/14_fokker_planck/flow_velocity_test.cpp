// Tests of 14.2 flow_velocity.
#include <cmath>

#include <gtest/gtest.h>

#include "fokker_planck.hpp"

namespace {

const wb::PointwiseSde Sde([](double x, double) { return -x; }, [](double x, double) { return std::sqrt(1 + x * x); },
                           [](double x, double) { return x / std::sqrt(1 + x * x); });

}  // namespace

TEST(FlowVelocity, KnownValue) {
    // x = 0.7, score −1.3: v = −0.7 − ½·1.4 − ½·1.49·(−1.3) = −0.4315.
    EXPECT_NEAR(ch14::flow_velocity(Sde, 0.7, 0.0, -1.3), -0.4315, 1e-12);
}

TEST(FlowVelocity, VanishesAtStationarityWithStateDependentD) {
    // p ∝ (1 + x²)⁻² is stationary for b = −x, D = 1 + x²; its score is −4x/(1 + x²).
    for (double x : {-2.5, -0.3, 0.8, 3.0}) EXPECT_NEAR(ch14::flow_velocity(Sde, x, 0.0, -4 * x / (1 + x * x)), 0.0, 1e-12) << x;
}

TEST(FlowVelocity, VanishesAtStationarityWithConstantD) {
    // b = −x, D = 1: stationary N(0, ½), score −2x.
    const wb::PointwiseSde ou([](double x, double) { return -x; }, [](double, double) { return 1.0; });
    for (double x : {-1.0, 0.4, 2.0}) EXPECT_NEAR(ch14::flow_velocity(ou, x, 0.0, -2 * x), 0.0, 1e-12) << x;
}
