// Tests of 13.4 ct_monte_carlo.
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "ou.hpp"
#include "wb/rng.hpp"

using ch13::ct_monte_carlo;
using ch13::OuKernel;

TEST(CtMonteCarlo, HandWorkedTwoPointCase) {
    // m = 1, v = 4, "marginal score" g(x) = x. x_t = {0 + 2·1, 1 − 2·1} = {2, −1};
    // conditional scores −z/2 = {−0.5, 0.5}; squared gaps {6.25, 2.25}.
    wb::Vec x0 = {0.0, 1.0}, z = {1.0, -1.0};
    const auto e = ct_monte_carlo(x0, z, OuKernel{1.0, 4.0}, [](double x) { return x; });
    EXPECT_DOUBLE_EQ(e.value, 4.25);
    EXPECT_NEAR(e.se, 2.0, 1e-12);  // sd √8 over √2
    EXPECT_EQ(e.n, 2u);
}

TEST(CtMonteCarlo, GaussianStartMatchesTheClosedForm) {
    // p_0 = N(0, s²): C_t = 1/v − 1/(m² s² + v).
    const double s = 0.8, m = 0.6, v = 0.5, var = m * m * s * s + v;
    wb::Rng rng(13);
    const std::size_t n = 200000;
    wb::Vec x0 = xt::empty<double>({n}), z = xt::empty<double>({n});
    for (std::size_t i = 0; i < n; ++i) {
        x0(i) = s * rng.normal();
        z(i) = rng.normal();
    }
    const auto e = ct_monte_carlo(x0, z, OuKernel{m, v}, [&](double x) { return -x / var; });
    const double exact = 1.0 / v - 1.0 / var;
    EXPECT_LT(e.se, 0.02 * exact);
    EXPECT_NEAR(e.value, exact, 4 * e.se);
}

TEST(CtMonteCarlo, StandardErrorStaysAccurateWhenTheGapIsLarge) {
    // A "marginal score" off by 10⁷: the squared gaps are ≈ 10¹⁴ and spread by ≈ 2·10⁷, so
    // Var = E[d⁴] − E[d²]² would cancel 14 of 16 digits. A running (Welford) update or two
    // passes keep them; the reference here is two passes.
    const double c = 1e7;
    wb::Rng rng(14);
    const std::size_t n = 2000;
    wb::Vec x0 = xt::zeros<double>({n}), z = xt::empty<double>({n});
    for (std::size_t i = 0; i < n; ++i) z(i) = rng.normal();
    const auto e = ct_monte_carlo(x0, z, OuKernel{1.0, 1.0}, [c](double) { return -c; });
    std::vector<double> d2(n);
    double mean = 0, ss = 0;
    for (std::size_t i = 0; i < n; ++i) mean += (d2[i] = (c - z(i)) * (c - z(i))) / static_cast<double>(n);
    for (double v : d2) ss += (v - mean) * (v - mean);
    const double se = std::sqrt(ss / static_cast<double>(n - 1) / static_cast<double>(n));
    EXPECT_NEAR(e.value, mean, 1e-12 * mean);
    EXPECT_NEAR(e.se, se, 1e-6 * se) << "use a stable accumulator such as wb::RunningStats";
}
