// Tests of 14.1 fv_step.
#include <cmath>

#include <gtest/gtest.h>

#include "fokker_planck.hpp"

namespace {

// b = −x, D = 1 + x²: state-dependent diffusion.
const wb::PointwiseSde Sde([](double x, double) { return -x; }, [](double x, double) { return std::sqrt(1 + x * x); },
                           [](double x, double) { return x / std::sqrt(1 + x * x); });

}  // namespace

TEST(FvStep, OneStepByHand) {
    // b = 1, D = 1 on three cells of width ½, p = (1, 2, 4): J_1 = 1.5 − 1 = 0.5, J_2 = 3 − 2 = 1,
    // so with dt/h = 0.2: p = (1 − 0.1, 2 − 0.1, 4 + 0.2).
    const wb::PointwiseSde sde([](double, double) { return 1.0; }, [](double, double) { return 1.0; });
    const ch14::Grid grid{0.0, 0.5, 3};
    wb::Vec p = {1.0, 2.0, 4.0};
    ch14::fv_step(sde, grid, p, 0.0, 0.1);
    EXPECT_NEAR(p(0), 0.9, 1e-14);
    EXPECT_NEAR(p(1), 1.9, 1e-14);
    EXPECT_NEAR(p(2), 4.2, 1e-14);
}

TEST(FvStep, ConservesMass) {
    const ch14::Grid grid{-4.0, 0.1, 80};
    wb::Vec p = xt::empty<double>({grid.M});
    for (std::size_t i = 0; i < grid.M; ++i) p(i) = std::exp(-std::pow(grid.centre(i) - 1.0, 2));
    double m0 = 0.0;
    for (double v : p) m0 += v;
    for (int k = 0; k < 500; ++k) ch14::fv_step(Sde, grid, p, 0.0, 2e-4);  // within the limit h²/max D
    double m = 0.0;
    for (double v : p) m += v;
    EXPECT_NEAR(m, m0, 1e-12 * m0);
}

TEST(FvStep, LeavesTheZeroFluxStateUnchanged) {
    // The discrete state with no flux through any edge, from its recursion
    //   p_{i+1} (D_{i+1}/(2h) − b_{i+½}/2) = p_i (D_i/(2h) + b_{i+½}/2),
    // is a fixed point of the conservative step for state-dependent D.
    const ch14::Grid grid{-3.0, 0.2, 30};
    wb::Vec p = xt::empty<double>({grid.M});
    p(0) = 1.0;
    for (std::size_t i = 0; i + 1 < grid.M; ++i) {
        const double xl = grid.centre(i), xr = grid.centre(i + 1), b = -grid.edge(i + 1);
        p(i + 1) = p(i) * ((1 + xl * xl) / (2 * grid.h) + b / 2) / ((1 + xr * xr) / (2 * grid.h) - b / 2);
    }
    const wb::Vec before = p;
    ch14::fv_step(Sde, grid, p, 0.0, 0.01);
    for (std::size_t i = 0; i < grid.M; ++i) EXPECT_NEAR(p(i), before(i), 1e-13) << "cell " << i;
}
