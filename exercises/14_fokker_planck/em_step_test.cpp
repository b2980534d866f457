// Tests of 14.3 em_step.
#include <cmath>

#include <gtest/gtest.h>

#include "fokker_planck.hpp"

namespace {

const wb::PointwiseSde Sde([](double x, double) { return -x; }, [](double x, double) { return std::sqrt(1 + x * x); },
                           [](double x, double) { return x / std::sqrt(1 + x * x); });

}  // namespace

TEST(EmStep, KnownValues) {
    // x = 1, h = 0.01, dW = 0.05: 1 − 0.01 + √2 · 0.05.
    EXPECT_NEAR(ch14::em_step(Sde, 1.0, 0.0, 0.01, 0.05), 0.99 + std::sqrt(2.0) * 0.05, 1e-14);
    // x = −2, h = 0.1, dW = −0.2: −2 + 0.2 − √5 · 0.2.
    EXPECT_NEAR(ch14::em_step(Sde, -2.0, 0.0, 0.1, -0.2), -1.8 - std::sqrt(5.0) * 0.2, 1e-14);
}

TEST(EmStep, NoNoiseIsAnEulerStep) {
    EXPECT_NEAR(ch14::em_step(Sde, 0.5, 0.0, 0.2, 0.0), 0.4, 1e-15);
}
