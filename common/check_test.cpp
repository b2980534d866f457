#include "wb/check.hpp"

#include <cmath>

#include <gtest/gtest.h>

namespace wb {
namespace {

TEST(Checks, ExactPassesWithinToleranceAndFailsOutside) {
    std::vector<CheckRecord> r;
    Checks c(&r);
    EXPECT_TRUE(c.exact("a = a", 1.0, 1.0 + 1e-12));
    EXPECT_FALSE(c.exact("a = b", 1.0, 1.001));
    EXPECT_FALSE(c.exact("nan", NAN, NAN));
    EXPECT_TRUE(r[0].ok);
    EXPECT_FALSE(r[1].ok);
}

TEST(Checks, MonteCarloNeedsAgreementAndDecisiveness) {
    std::vector<CheckRecord> r;
    Checks c(&r);
    EXPECT_TRUE(c.monte_carlo("agrees", {1.01, 0.01, 100}, 1.0));
    EXPECT_FALSE(c.monte_carlo("off by 10 se", {1.1, 0.01, 100}, 1.0));
    // Agreement within z but se is 50% of the value: not decisive, so it fails.
    EXPECT_FALSE(c.monte_carlo("not decisive", {1.0, 0.5, 100}, 1.0));
    EXPECT_NE(r[2].detail.find("not decisive"), std::string::npos);
    // A zero-valued claim needs an explicit scale to be decisive.
    EXPECT_FALSE(c.monte_carlo("zero, no scale", {0.001, 0.01, 100}, 0.0));
    EXPECT_TRUE(c.monte_carlo("zero, scale", {0.001, 0.01, 100}, 0.0, {.scale = 1.0}));
}

TEST(Checks, ControlsMustBeRejected) {
    std::vector<CheckRecord> r;
    Checks control(&r, true);
    control.monte_carlo("wrong value", {2.0, 0.01, 100}, 1.0);  // rejected: good
    control.monte_carlo("too noisy to reject", {1.2, 1.0, 100}, 1.0);  // accepted: bad
    EXPECT_TRUE(r[0].control);
    EXPECT_TRUE(r[0].ok);
    EXPECT_FALSE(r[1].ok);
}

TEST(Checks, GradientAgainstFiniteDifferences) {
    std::vector<CheckRecord> r;
    Checks c(&r);
    auto f = [](std::span<const double> x) { return std::sin(x[0]) * x[1] * x[1]; };
    std::vector<double> x = {0.3, 1.7};
    std::vector<double> g = {std::cos(0.3) * 1.7 * 1.7, 2 * std::sin(0.3) * 1.7};
    EXPECT_TRUE(c.gradient("∇f", f, x, g));
    std::vector<double> wrong = {g[0], std::sin(0.3) * 1.7};  // dropped factor 2
    EXPECT_FALSE(c.gradient("∇f without the 2", f, x, wrong));
    // Largest difference sin(0.3)·1.7, relative to the largest component cos(0.3)·1.7².
    EXPECT_NEAR(r[1].stat, std::sin(0.3) * 1.7 / (std::cos(0.3) * 1.7 * 1.7), 1e-6);
}

}  // namespace
}  // namespace wb
