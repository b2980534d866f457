#include "wb/numerics.hpp"

#include <cmath>

#include <gtest/gtest.h>

namespace wb {
namespace {

TEST(Numerics, SimpsonIsExactForCubicsAndFourthOrderOtherwise) {
    EXPECT_NEAR(simpson([](double x) { return x * x * x - 2 * x; }, 0.0, 2.0, 2), 0.0, 1e-14);
    auto err = [](std::size_t n) { return std::fabs(simpson([](double x) { return std::exp(x); }, 0.0, 1.0, n) - (std::exp(1.0) - 1)); };
    EXPECT_NEAR(std::log2(err(8) / err(16)), 4.0, 0.05);
    EXPECT_THROW(simpson([](double x) { return x; }, 0.0, 1.0, 3), std::invalid_argument);
}

TEST(Numerics, LinspaceIncludesBothEnds) {
    const auto g = linspace(-1.0, 1.0, 5);
    ASSERT_EQ(g.size(), 5u);
    EXPECT_EQ(g.front(), -1.0);
    EXPECT_EQ(g[2], 0.0);
    EXPECT_EQ(g.back(), 1.0);
    EXPECT_THROW(linspace(0, 1, 1), std::invalid_argument);
}

}  // namespace
}  // namespace wb
