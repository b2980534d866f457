// Tests of 01.2 subgradient_step.
#include <cmath>

#include <gtest/gtest.h>

#include "optimisation.hpp"

using ch01::subgradient_step;

TEST(SubgradientStep, KnownStep) {
    // t = 4: η_t = 0.3/2 = 0.15, w − η_t g = (1 − 0.075, 2 + 0.15).
    const wb::Vec w = {1, 2}, g = {0.5, -1};
    const wb::Vec next = subgradient_step(w, g, 4, 0.3);
    ASSERT_EQ(next.size(), 2u);
    EXPECT_NEAR(next(0), 0.925, 1e-12);
    EXPECT_NEAR(next(1), 2.15, 1e-12);
}

TEST(SubgradientStep, ScheduleIsOneOverSqrtT) {
    // The step length ‖w_{t+1} − w_t‖ = η ‖g‖/√t at t = 1, 9, 100.
    const wb::Vec w = {0, 0, 0}, g = {3, 0, -4};
    for (std::size_t t : {1, 9, 100}) {
        const wb::Vec next = subgradient_step(w, g, t, 2.0);
        const double len = std::sqrt(next(0) * next(0) + next(1) * next(1) + next(2) * next(2));
        EXPECT_NEAR(len, 2.0 * 5.0 / std::sqrt(static_cast<double>(t)), 1e-12) << "t = " << t;
    }
}

TEST(SubgradientStep, DescendsOnAbsoluteValue) {
    // On f(w) = |w| from w = 1 (g = 1) a short step lowers f.
    const wb::Vec next = subgradient_step(wb::Vec{1.0}, wb::Vec{1.0}, 16, 0.4);
    EXPECT_NEAR(next(0), 0.9, 1e-12);
}
