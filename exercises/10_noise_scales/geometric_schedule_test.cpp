// Tests of 10.1 geometric_schedule.
#include <cmath>
#include <stdexcept>

#include <gtest/gtest.h>

#include "noise_scales.hpp"

using ch10::geometric_schedule;

TEST(GeometricSchedule, EndsAreTheGivenLevels) {
    const wb::Vec s = geometric_schedule(20.0, 1.0, 10);
    ASSERT_EQ(s.size(), 10u);
    EXPECT_NEAR(s(0), 20.0, 1e-12);
    EXPECT_NEAR(s(9), 1.0, 1e-12);
}

TEST(GeometricSchedule, ConsecutiveRatiosAreEqual) {
    // σ_max = 50, σ_min = 0.01, L = 7: every ratio σ_{i+1}/σ_i = (0.01/50)^{1/6}.
    const wb::Vec s = geometric_schedule(50.0, 0.01, 7);
    const double r = std::pow(0.01 / 50.0, 1.0 / 6.0);
    ASSERT_EQ(s.size(), 7u);
    for (std::size_t i = 0; i + 1 < s.size(); ++i) EXPECT_NEAR(s(i + 1) / s(i), r, 1e-12) << "i = " << i;
}

TEST(GeometricSchedule, MiddleLevelIsTheGeometricMean) {
    // Odd L: the middle level is √(σ_max σ_min), not the arithmetic mean.
    const wb::Vec s = geometric_schedule(9.0, 1.0, 5);
    EXPECT_NEAR(s(2), 3.0, 1e-12);
}

TEST(GeometricSchedule, TwoLevels) {
    const wb::Vec s = geometric_schedule(4.0, 0.5, 2);
    ASSERT_EQ(s.size(), 2u);
    EXPECT_NEAR(s(0), 4.0, 1e-12);
    EXPECT_NEAR(s(1), 0.5, 1e-12);
}

TEST(GeometricSchedule, RejectsBadInput) {
    EXPECT_THROW(geometric_schedule(10.0, 1.0, 1), std::invalid_argument);
    EXPECT_THROW(geometric_schedule(1.0, 10.0, 5), std::invalid_argument);
    EXPECT_THROW(geometric_schedule(10.0, 0.0, 5), std::invalid_argument);
}
