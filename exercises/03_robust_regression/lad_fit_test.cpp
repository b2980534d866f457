// Tests of 03.5 lad_fit.
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "robust.hpp"
#include "wb/constants.hpp"
#include "wb/rng.hpp"
#include "wb/stats.hpp"

using ch03::lad_fit;
using wb::Mat;
using wb::Vec;

namespace {
double lad_objective(const Vec& x, const Vec& y, double a, double b) {
    double s = 0;
    for (std::size_t i = 0; i < x.size(); ++i) s += std::fabs(y(i) - a - b * x(i));
    return s;
}
}  // namespace

TEST(LadFit, InterceptOnlyIsTheSampleMedian) {
    // Median regression on a column of ones: argmin_c Σ|y_i − c| is the median.
    const Vec y = {3.0, -1.0, 7.5, 2.0, 100.0, 2.5, -40.0};
    const auto f = lad_fit(xt::ones<double>({y.size(), std::size_t{1}}), y);
    ASSERT_EQ(f.beta.size(), 1u);
    EXPECT_NEAR(f.beta(0), 2.5, 1e-6);
}

TEST(LadFit, RecoversTheLineThatMostPointsLieOn) {
    // 8 of 11 points lie on y = 1 + 2x; the other three are gross outliers. The LAD
    // line interpolates the majority exactly (least squares is pulled away).
    Vec x = xt::arange<double>(0.0, 11.0), y = 1.0 + 2.0 * x;
    y(2) += 20;
    y(6) -= 15;
    y(9) += 30;
    const auto f = lad_fit(ch03::line_design(x), y);
    EXPECT_TRUE(f.converged);
    EXPECT_NEAR(f.beta(0), 1.0, 1e-5);
    EXPECT_NEAR(f.beta(1), 2.0, 1e-5);
}

TEST(LadFit, ReachesTheBestLineThroughTwoDataPoints) {
    // Some LAD line passes through p = 2 data points (Koenker & Bassett 1978), so
    // enumerating all pairs gives the exact minimum of Σ|r_i|.
    wb::Rng rng(5);
    const std::size_t n = 30;
    Vec x = xt::empty<double>({n}), y = xt::empty<double>({n});
    for (std::size_t i = 0; i < n; ++i) {
        x(i) = rng.uniform(0, 10);
        y(i) = 1 + 2 * x(i) + rng.student_t(2);
    }
    double best = INFINITY;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j) {
            const double b = (y(j) - y(i)) / (x(j) - x(i));
            best = std::min(best, lad_objective(x, y, y(i) - b * x(i), b));
        }
    const auto f = lad_fit(ch03::line_design(x), y);
    ASSERT_EQ(f.beta.size(), 2u);
    const double got = lad_objective(x, y, f.beta(0), f.beta(1));
    EXPECT_GE(got, best - 1e-9 * best);
    EXPECT_LE(got, best * (1 + 1e-5));
    // The reported scale is MAD·MadToSigma of the LAD fit's own residuals (not of the start's).
    std::vector<double> r(n);
    for (std::size_t i = 0; i < n; ++i) r[i] = y(i) - f.beta(0) - f.beta(1) * x(i);
    EXPECT_NEAR(f.scale, wb::mad(r) * wb::MadToSigma, 1e-9 * f.scale);
}

TEST(LadFit, OnlyTheSignsOfTheResidualsMatter) {
    // Points alternate +0.7 above, 0.4 below and on the line y = 1 + 2x (x = 0..14). The
    // LAD line is that line: its optimality conditions involve only the residuals'
    // signs, so moving the points above much further up changes nothing.
    Vec x = xt::arange<double>(0.0, 15.0), y = 1.0 + 2.0 * x;
    for (std::size_t i = 0; i < x.size(); ++i) y(i) += (i % 3 == 0) ? 0.7 : (i % 3 == 1) ? -0.4 : 0.0;
    y(3) += 1000.0;
    y(9) += 500.0;
    y(12) += 50.0;
    const auto f = lad_fit(ch03::line_design(x), y);
    // IRLS creeps towards a vertex; 1e-3 is far below the 0.4 offsets.
    EXPECT_NEAR(f.beta(0), 1.0, 1e-3);
    EXPECT_NEAR(f.beta(1), 2.0, 1e-3);
}
