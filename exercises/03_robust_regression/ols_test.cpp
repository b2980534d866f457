// Tests of 03.1 ols.
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "robust.hpp"
#include "wb/rng.hpp"
#include "wb/stats.hpp"

using wb::Mat;
using ch03::ols;
using wb::Vec;

TEST(Ols, RecoversAnExactLine) {
    const Vec x = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    const Vec y = 1.0 + 2.0 * x;
    const auto f = ols(ch03::line_design(x), y);
    ASSERT_EQ(f.beta.size(), 2u);
    EXPECT_NEAR(f.beta(0), 1.0, 1e-12);
    EXPECT_NEAR(f.beta(1), 2.0, 1e-12);
    EXPECT_NEAR(xt::amax(xt::abs(f.residuals))(), 0.0, 1e-12);
    EXPECT_NEAR(f.sigma2, 0.0, 1e-20);
}

TEST(Ols, ResidualsOrthogonalToTheColumnsAreLeftAlone) {
    // e sums to 0 and Σ x e = 0, so y = 1 + 2x + e has β̂ = (1, 2) exactly, residuals e,
    // σ̂² = Σe²/(n − p) = 10/3 and XᵀX = diag(5, 10): Cov β̂ = diag(2/3, 1/3).
    const Vec x = {-2, -1, 0, 1, 2}, e = {1, -2, 0, 2, -1};
    const auto f = ols(ch03::line_design(x), 1.0 + 2.0 * x + e);
    EXPECT_NEAR(f.beta(0), 1.0, 1e-12);
    EXPECT_NEAR(f.beta(1), 2.0, 1e-12);
    for (std::size_t i = 0; i < 5; ++i) EXPECT_NEAR(f.residuals(i), e(i), 1e-12);
    EXPECT_NEAR(f.sigma2, 10.0 / 3.0, 1e-12);
    ASSERT_EQ(f.cov.shape(0), 2u);
    ASSERT_EQ(f.cov.shape(1), 2u);
    EXPECT_NEAR(f.cov(0, 0), 2.0 / 3.0, 1e-12);
    EXPECT_NEAR(f.cov(1, 1), 1.0 / 3.0, 1e-12);
    EXPECT_NEAR(f.cov(0, 1), 0.0, 1e-12);
    EXPECT_NEAR(f.cov(1, 0), 0.0, 1e-12);
}

TEST(Ols, MatchesTheClosedFormForALine) {
    // Slope Sxy/Sxx, intercept ȳ − b x̄, and the slope's standard error from wb::fit_line.
    wb::Rng rng(3);
    const std::size_t n = 40;
    Vec x = xt::empty<double>({n}), y = xt::empty<double>({n});
    for (std::size_t i = 0; i < n; ++i) {
        x(i) = rng.uniform(-3, 5);
        y(i) = 0.5 - 1.5 * x(i) + rng.student_t(4);
    }
    const auto f = ols(ch03::line_design(x), y);
    const std::vector<double> xv(x.begin(), x.end()), yv(y.begin(), y.end());
    const auto line = wb::fit_line(xv, yv);
    EXPECT_NEAR(f.beta(0), line.intercept, 1e-10);
    EXPECT_NEAR(f.beta(1), line.slope, 1e-10);
    EXPECT_NEAR(std::sqrt(f.cov(1, 1)), line.se_slope, 1e-10);
    EXPECT_NEAR(std::sqrt(f.cov(0, 0)), line.se_intercept, 1e-10);
}

TEST(Ols, SolvesTheNormalEquationsForSeveralColumns) {
    // A quadratic design: Xᵀ(y − Xβ̂) = 0, and the residuals are y − Xβ̂.
    wb::Rng rng(4);
    const std::size_t n = 30;
    Mat X = xt::ones<double>({n, std::size_t{3}});
    Vec y = xt::empty<double>({n});
    for (std::size_t i = 0; i < n; ++i) {
        const double t = rng.uniform(-1, 1);
        X(i, 1) = t;
        X(i, 2) = t * t;
        y(i) = 1 + t - 2 * t * t + 0.3 * rng.normal();
    }
    const auto f = ols(X, y);
    ASSERT_EQ(f.beta.size(), 3u);
    for (std::size_t j = 0; j < 3; ++j) {
        double g = 0, r2 = 0;
        for (std::size_t i = 0; i < n; ++i) {
            double fit = 0;
            for (std::size_t l = 0; l < 3; ++l) fit += X(i, l) * f.beta(l);
            EXPECT_NEAR(f.residuals(i), y(i) - fit, 1e-12);
            g += X(i, j) * (y(i) - fit);
            r2 += (y(i) - fit) * (y(i) - fit);
        }
        EXPECT_NEAR(g, 0.0, 1e-10);
        EXPECT_NEAR(f.sigma2, r2 / static_cast<double>(n - 3), 1e-12);
    }
}
