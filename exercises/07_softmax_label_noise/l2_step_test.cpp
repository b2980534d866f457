// Tests of 07.4 l2_step.
#include <gtest/gtest.h>

#include "softmax_label_noise.hpp"

using ch07::l2_step;

TEST(L2Step, KnownValues) {
    // λ = 0.2, η = 0.5: W − η(g + λW) = 0.9 W − 0.5 g.
    const wb::Mat w{{1.0, -2.0}, {0.5, 4.0}};
    const wb::Mat g{{0.2, 0.6}, {-1.0, 0.0}};
    const wb::Mat r = l2_step(w, g, 0.2, 0.5);
    ASSERT_EQ(r.shape(0), 2u);
    ASSERT_EQ(r.shape(1), 2u);
    EXPECT_NEAR(r(0, 0), 0.9 * 1.0 - 0.1, 1e-15);
    EXPECT_NEAR(r(0, 1), 0.9 * -2.0 - 0.3, 1e-15);
    EXPECT_NEAR(r(1, 0), 0.9 * 0.5 + 0.5, 1e-15);
    EXPECT_NEAR(r(1, 1), 0.9 * 4.0, 1e-15);
}

TEST(L2Step, WithoutPenaltyIsAGradientStep) {
    const wb::Mat w{{1.0, 2.0, 3.0}};
    const wb::Mat g{{1.0, -1.0, 0.5}};
    const wb::Mat r = l2_step(w, g, 0.0, 0.1);
    EXPECT_NEAR(r(0, 0), 0.9, 1e-15);
    EXPECT_NEAR(r(0, 1), 2.1, 1e-15);
    EXPECT_NEAR(r(0, 2), 2.95, 1e-15);
}

TEST(L2Step, FixedPointWhereTheRegularisedGradientVanishes) {
    // g + λW = 0 is a stationary point of the regularised loss: the step leaves W in place.
    const wb::Mat w{{0.5, -1.5}, {2.0, 0.25}};
    const double lambda = 0.3;
    const wb::Mat r = l2_step(w, wb::Mat(-lambda * w), lambda, 0.7);
    for (std::size_t i = 0; i < 2; ++i)
        for (std::size_t j = 0; j < 2; ++j) EXPECT_NEAR(r(i, j), w(i, j), 1e-15);
}
