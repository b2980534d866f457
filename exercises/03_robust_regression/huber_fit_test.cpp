// Tests of 03.4 huber_fit.
#include <algorithm>
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "robust.hpp"
#include "wb/constants.hpp"
#include "wb/rng.hpp"
#include "wb/stats.hpp"

using ch03::huber_fit;
using wb::Mat;
using wb::Vec;

namespace {
// y = 1 + 2x on x = 0..19 with a small symmetric wiggle, plus three gross outliers.
void outlier_line(Vec& x, Vec& y) {
    const std::size_t n = 20;
    x = xt::empty<double>({n});
    y = xt::empty<double>({n});
    for (std::size_t i = 0; i < n; ++i) {
        x(i) = static_cast<double>(i);
        y(i) = 1 + 2 * x(i) + ((i % 4 == 0) ? 0.3 : (i % 4 == 1) ? -0.2 : (i % 4 == 2) ? 0.1 : -0.25);
    }
    y(15) += 60;
    y(17) += 45;
    y(19) += 80;
}
}  // namespace

TEST(HuberFit, ResistsGrossOutliersAndSolvesTheEstimatingEquations) {
    Vec x, y;
    outlier_line(x, y);
    const auto f = huber_fit(ch03::line_design(x), y);
    EXPECT_TRUE(f.converged);
    ASSERT_EQ(f.beta.size(), 2u);
    EXPECT_NEAR(f.beta(1), 2.0, 0.05);  // least squares gives a slope near 4.9
    EXPECT_NEAR(f.beta(0), 1.0, 0.5);
    // At the fixed point: ŝ = MAD(r)·MadToSigma and Σ ψ(r_i/ŝ)(1, x_i) = 0.
    std::vector<double> r(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) r[i] = y(i) - f.beta(0) - f.beta(1) * x(i);
    EXPECT_NEAR(f.scale, wb::mad(r) * wb::MadToSigma, 1e-8 * f.scale);
    double g0 = 0, g1 = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double psi = std::clamp(r[i] / f.scale, -ch03::HuberK, ch03::HuberK);
        g0 += psi;
        g1 += psi * x(i);
    }
    EXPECT_NEAR(g0, 0.0, 1e-7);
    EXPECT_NEAR(g1, 0.0, 1e-6);
}

TEST(HuberFit, IsScaleAndRegressionEquivariant) {
    wb::Rng rng(41);
    const std::size_t n = 60;
    Vec x = xt::empty<double>({n}), y = xt::empty<double>({n});
    for (std::size_t i = 0; i < n; ++i) {
        x(i) = rng.uniform(-2, 2);
        y(i) = 0.3 + 0.7 * x(i) + rng.cauchy();
    }
    const Mat X = ch03::line_design(x);
    const auto f = huber_fit(X, y);
    const auto fc = huber_fit(X, 1000.0 * y);  // change of units
    EXPECT_NEAR(fc.beta(0), 1000.0 * f.beta(0), 1e-6 * (1 + std::fabs(fc.beta(0))));
    EXPECT_NEAR(fc.beta(1), 1000.0 * f.beta(1), 1e-6 * (1 + std::fabs(fc.beta(1))));
    EXPECT_NEAR(fc.scale, 1000.0 * f.scale, 1e-6 * fc.scale);
    const auto fr = huber_fit(X, y + 5.0 - 3.0 * x);  // y + Xγ with γ = (5, −3)
    EXPECT_NEAR(fr.beta(0), f.beta(0) + 5.0, 1e-7);
    EXPECT_NEAR(fr.beta(1), f.beta(1) - 3.0, 1e-7);
}

TEST(HuberFit, AFixedScaleIsNotScaleEquivariant) {
    Vec x, y;
    outlier_line(x, y);
    const Mat X = ch03::line_design(x);
    const auto f = huber_fit(X, y, ch03::HuberK, 1.0);
    const auto fc = huber_fit(X, 1000.0 * y, ch03::HuberK, 1.0);
    EXPECT_EQ(f.scale, 1.0);
    // In millimetres every residual is "large": the fit turns into LAD, another line.
    EXPECT_GT(std::fabs(fc.beta(0) / 1000.0 - f.beta(0)), 1e-3);
}

TEST(HuberFit, AHugeThresholdGivesLeastSquares) {
    Vec x, y;
    outlier_line(x, y);
    const auto f = huber_fit(ch03::line_design(x), y, 1e9);
    const std::vector<double> xv(x.begin(), x.end()), yv(y.begin(), y.end());
    const auto line = wb::fit_line(xv, yv);
    EXPECT_NEAR(f.beta(0), line.intercept, 1e-9);
    EXPECT_NEAR(f.beta(1), line.slope, 1e-9);
    EXPECT_LE(f.iterations, 3);
}
