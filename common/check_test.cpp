#include "wb/check.hpp"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "wb/critical.hpp"

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
    EXPECT_EQ(r[2].verdict, Verdict::error);  // NaN is an error, not a fail
    EXPECT_DOUBLE_EQ(r[0].resolution, 1e-10);
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
    EXPECT_EQ(r[0].verdict, Verdict::rejected);
    EXPECT_NEAR(r[0].margin, 100.0 / critical_value(4.0, 99), 1e-9);  // |z| = 100 against t₉₉'s bound
    EXPECT_FALSE(r[1].ok);
    EXPECT_EQ(r[1].verdict, Verdict::accepted);
}

TEST(Checks, NonFiniteEvidenceIsAnErrorForChecksAndControls) {
    std::vector<CheckRecord> r;
    Checks c(&r), control(&r, true);
    const double inf = std::numeric_limits<double>::infinity();
    // A mean of data with an overflowed path: value ∞, se NaN.
    const std::vector<double> data = {1.0, 2.0, inf};
    const Estimate e = mean_se(data);
    EXPECT_FALSE(c.monte_carlo("mean with ∞", e, 1.0));
    EXPECT_FALSE(control.monte_carlo("control rejected only by ∞", e, 1.0));
    EXPECT_FALSE(control.greater("control: ∞ > 1", {inf, 1.0, 100}, 1.0));
    EXPECT_FALSE(control.exact("control: ∞ = 1", inf, 1.0));
    EXPECT_FALSE(control.within("control: NaN in [0, 1]", {NAN, 0.1, 100}, 0.0, 1.0));
    EXPECT_FALSE(c.ratio_at_least("ratio over 0", {1.0, 0.1, 100}, {0.0, 0.1, 100}, 2.0));
    EXPECT_FALSE(c.holds("NaN bound", true, NAN, 1.0));
    for (const auto& x : r) {
        EXPECT_EQ(x.verdict, Verdict::error) << x.claim;
        EXPECT_FALSE(x.ok) << x.claim;
        EXPECT_FALSE(x.detail.empty()) << x.claim;
    }
    // se = 0 is not a Monte Carlo claim; an se from one sample is no se.
    r.clear();
    c.monte_carlo("no se", {1.0, 0.0, 100}, 2.0);
    c.monte_carlo("se from n = 1", {1.0, 0.1, 1}, 1.0);
    EXPECT_EQ(r[0].verdict, Verdict::error);
    EXPECT_EQ(r[1].verdict, Verdict::error);
}

TEST(Checks, HoldsOnARandomEstimateIsAnError) {
    std::vector<CheckRecord> r;
    Checks c(&r), control(&r, true);
    const Estimate x{1.2, 0.01, 1000}, exact_x{1.2, 0.0, 0};
    EXPECT_FALSE(c.holds("x > 1 on a raw estimate", x.value > 1, x, 1.0));
    EXPECT_FALSE(control.holds("control: x < 1 on a raw estimate", x.value < 1, 1.0, x));
    EXPECT_TRUE(c.holds("x > 1 for a number without se", exact_x.value > 1, exact_x, 1.0));
    EXPECT_TRUE(c.holds("∞ is allowed in a deterministic bound", true, std::numeric_limits<double>::infinity(), 1.0));
    EXPECT_EQ(r[0].verdict, Verdict::error);
    EXPECT_EQ(r[1].verdict, Verdict::error);
    EXPECT_NE(r[0].detail.find("greater"), std::string::npos);
    EXPECT_EQ(r[2].verdict, Verdict::pass);
    EXPECT_EQ(r[3].verdict, Verdict::pass);
}

TEST(Checks, FewReplicationsUseStudentT) {
    std::vector<CheckRecord> r;
    Checks c(&r);
    // 8 replications: c = t₇ at the |z| ≤ 4 rate, 8.47; |z| = 5.6 is no evidence against.
    EXPECT_TRUE(c.monte_carlo("t₇", {1.0 + 5.6 * 0.001, 0.001, 8}, 1.0));
    EXPECT_DOUBLE_EQ(r[0].df, 7.0);
    EXPECT_NEAR(r[0].tol, 8.46693, 1e-4);
    // With n = 0 (a known se) the same |z| fails.
    EXPECT_FALSE(c.monte_carlo("normal", {1.0 + 5.6 * 0.001, 0.001, 0}, 1.0));
    EXPECT_TRUE(std::isnan(r[1].df) || std::isinf(r[1].df));
    EXPECT_DOUBLE_EQ(r[1].tol, 4.0);
    // Large n: the t bound is within 0.5% of 4, so big samples lose nothing.
    c.monte_carlo("n = 1000", {1.0, 0.001, 1000}, 1.0);
    c.monte_carlo("n = 10⁴", {1.0, 0.001, 10000}, 1.0);
    EXPECT_NEAR(r[2].tol, 4.017, 1e-3);
    EXPECT_NEAR(r[3].tol, 4.0017, 1e-3);
    // Two estimates of 8 with equal se: Welch–Satterthwaite gives 14 df.
    c.monte_carlo("two of 8", {1.0, 0.01, 8}, {1.0, 0.01, 8});
    EXPECT_DOUBLE_EQ(r[4].df, 14.0);
    EXPECT_DOUBLE_EQ(r[4].tol, critical_value(4.0, 14.0));
}

TEST(Checks, OneSidedClaimsNeedEvidenceForChecksAndAgainstForControls) {
    std::vector<CheckRecord> r;
    Checks c(&r), control(&r, true);
    const Estimate a{1.0, 0.01, 0}, b{1.1, 0.01, 0};  // b − a = 0.1, se √2·0.01: z = 7.07
    EXPECT_TRUE(c.less("a < b", a, b));
    EXPECT_TRUE(c.greater("b > a", b, a));
    EXPECT_NEAR(r[0].stat, 0.1 / std::hypot(0.01, 0.01), 1e-9);
    EXPECT_EQ(r[0].kind, Kind::less);
    EXPECT_FALSE(c.greater("a > b", a, b));         // refuted: a failing check
    EXPECT_FALSE(c.less("a < a + 2 se", a, 1.02));  // true, but z = 2 < 4 is no evidence: fails
    EXPECT_EQ(r[3].verdict, Verdict::fail);
    r.clear();
    EXPECT_FALSE(control.greater("control: a > b", a, b));  // refuted: rejected
    EXPECT_EQ(r[0].verdict, Verdict::rejected);
    EXPECT_NEAR(r[0].margin, 7.0710678 / 4.0, 1e-6);
    control.less("control: a < a + 2 se", a, 1.02);  // not refuted: accepted
    EXPECT_EQ(r[1].verdict, Verdict::accepted);
    // The resolving power is c·se/scale.
    EXPECT_NEAR(r[0].resolution, 4.0 * std::hypot(0.01, 0.01) / 1.1, 1e-12);
}

TEST(Checks, OneSidedChecksMustBeDecisive) {
    std::vector<CheckRecord> r;
    Checks c(&r);
    // z = 10 for the claim, but se is 10% of the scale: not decisive.
    EXPECT_FALSE(c.greater("noisy", {10.0, 1.0, 0}, 0.0));
    EXPECT_NE(r[0].detail.find("not decisive"), std::string::npos);
    EXPECT_TRUE(c.greater("noisy, with decisive 0.2", {10.0, 1.0, 0}, 0.0, {.decisive = 0.2}));
    EXPECT_NEAR(r[1].se_scale, 0.1, 1e-12);
}

TEST(Checks, WithinAnInterval) {
    std::vector<CheckRecord> r;
    Checks c(&r), control(&r, true);
    EXPECT_TRUE(c.within("slope in [−1.1, −0.9]", {-1.0, 0.01, 0}, -1.1, -0.9));
    EXPECT_NEAR(r[0].stat, 10.0, 1e-9);
    EXPECT_FALSE(c.within("slope in [−1.03, −0.9]: too close to a bound", {-1.0, 0.01, 0}, -1.03, -0.9));
    EXPECT_FALSE(control.within("control: slope in [−0.5, 0]", {-1.0, 0.01, 0}, -0.5, 0.0));
    EXPECT_EQ(r[2].verdict, Verdict::rejected);
    EXPECT_DOUBLE_EQ(r[2].rhs, -0.5);  // the bound nearer the estimate
    control.within("control: slope in [−0.98, 0]", {-1.0, 0.01, 0}, -0.98, 0.0);  // 2 se outside: not refuted
    EXPECT_EQ(r[3].verdict, Verdict::accepted);
    c.within("lo > hi", {0.0, 0.01, 0}, 1.0, -1.0);
    EXPECT_EQ(r[4].verdict, Verdict::error);
}

TEST(Checks, RatioByTheDeltaMethod) {
    std::vector<CheckRecord> r;
    Checks c(&r), control(&r, true);
    // a/b = 3 with 1% relative errors on each: se_R = 3·√2·0.01.
    const Estimate a{3.0, 0.03, 0}, b{1.0, 0.01, 0};
    EXPECT_TRUE(c.ratio_at_least("a exceeds b by 2×", a, b, 2.0));
    EXPECT_NEAR(r[0].lhs, 3.0, 1e-12);
    EXPECT_NEAR(r[0].lhs_se, 3.0 * std::sqrt(2.0) * 0.01, 1e-12);
    EXPECT_NEAR(r[0].stat, 1.0 / (3.0 * std::sqrt(2.0) * 0.01), 1e-9);
    EXPECT_EQ(r[0].kind, Kind::greater);
    EXPECT_FALSE(control.ratio_at_least("control: a exceeds b by 4×", a, b, 4.0));
    EXPECT_EQ(r[1].verdict, Verdict::rejected);
    EXPECT_TRUE(c.ratio_at_most("a is at most 4 b", a, b, 4.0));
    // An already estimated ratio (e.g. paired): the same as greater(R, r).
    EXPECT_TRUE(c.ratio_at_least("R ≥ 2", {3.0, 0.05, 500}, 2.0));
    EXPECT_DOUBLE_EQ(r[3].df, 499.0);
    // Replications: df of the ratio by Welch–Satterthwaite on the relative variances.
    c.ratio_at_least("from 8 and 8", {3.0, 0.03, 8}, {1.0, 0.01, 8}, 2.0);
    EXPECT_NEAR(r[4].df, 14.0, 1e-9);
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

TEST(Checks, GradientAtAStationaryPointNeedsAnAbsoluteTolerance) {
    std::vector<CheckRecord> r;
    Checks c(&r);
    // f = 1e6 + (x − 1)², at x = 1 + 1e-9: the gradient 2e-9 is far below the differences'
    // rounding (~1e-16·1e6/1e-5 = 1e-5), so a relative tolerance alone cannot hold.
    auto f = [](std::span<const double> x) { return 1e6 + (x[0] - 1) * (x[0] - 1); };
    std::vector<double> x = {1 + 1e-9}, g = {2e-9}, wrong = {0.5};
    EXPECT_FALSE(c.gradient("∇f, relative only", f, x, g));
    EXPECT_TRUE(c.gradient("∇f, atol 1e-4", f, x, g, 1e-6, 1e-5, 1e-4));
    EXPECT_FALSE(c.gradient("a wrong ∇f, atol 1e-4", f, x, wrong, 1e-6, 1e-5, 1e-4));
}

}  // namespace
}  // namespace wb
