// Tests of 13.4 ct_monte_carlo.
#include <cmath>

#include <gtest/gtest.h>

#include "ou.hpp"
#include "wb/rng.hpp"

using ch13::ct_monte_carlo;
using ch13::OuKernel;

TEST(CtMonteCarlo, HandWorkedTwoPointCase) {
    // m = 1, v = 4, "marginal score" g(x) = x. x_t = {0 + 2·1, 1 − 2·1} = {2, −1};
    // conditional scores −z/2 = {−0.5, 0.5}; squared gaps {6.25, 2.25}.
    xt::xtensor<double, 1> x0 = {0.0, 1.0}, z = {1.0, -1.0};
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
    xt::xtensor<double, 1> x0 = xt::empty<double>({n}), z = xt::empty<double>({n});
    for (std::size_t i = 0; i < n; ++i) {
        x0(i) = s * rng.normal();
        z(i) = rng.normal();
    }
    const auto e = ct_monte_carlo(x0, z, OuKernel{m, v}, [&](double x) { return -x / var; });
    const double exact = 1.0 / v - 1.0 / var;
    EXPECT_LT(e.se, 0.02 * exact);
    EXPECT_NEAR(e.value, exact, 4 * e.se);
}
