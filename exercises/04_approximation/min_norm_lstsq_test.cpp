// Tests of 04.4 min_norm_lstsq.
#include <cmath>

#include <gtest/gtest.h>
#include <xtensor-blas/xlinalg.hpp>

#include "approximation.hpp"
#include "wb/rng.hpp"

using ch04::min_norm_lstsq;

namespace {
wb::Mat random_matrix(wb::Rng& rng, std::size_t n, std::size_t d) {
    wb::Mat a = xt::empty<double>({n, d});
    for (auto& v : a) v = rng.normal();
    return a;
}
wb::Vec random_vector(wb::Rng& rng, std::size_t n) {
    wb::Vec v = xt::empty<double>({n});
    for (auto& x : v) x = rng.normal();
    return v;
}
// A random problem X (n, d), y (n,) and the answer β (d,).
struct Problem {
    wb::Mat X;
    wb::Vec y, beta;
};
Problem solve_random(std::uint64_t seed, std::size_t n, std::size_t d) {
    wb::Rng rng(seed);
    Problem p{random_matrix(rng, n, d), random_vector(rng, n), {}};
    p.beta = min_norm_lstsq(p.X, p.y);
    return p;
}
}  // namespace

TEST(MinNormLstsq, OverdeterminedMatchesTheNormalEquations) {
    const auto [X, y, beta] = solve_random(1, 20, 4);
    ASSERT_EQ(beta.size(), 4u);
    // The residual is orthogonal to every column (the normal equations).
    const auto g = xt::linalg::dot(xt::transpose(X), y - xt::linalg::dot(X, beta));  // auto: no xarray → xtensor copy
    for (double v : g) EXPECT_NEAR(v, 0.0, 1e-10);
}

TEST(MinNormLstsq, UnderdeterminedInterpolatesWithLeastNorm) {
    const auto [X, y, beta] = solve_random(2, 5, 12);
    ASSERT_EQ(beta.size(), 12u);
    const auto r = y - xt::linalg::dot(X, beta);
    for (double v : r) EXPECT_NEAR(v, 0.0, 1e-10);
    // Least norm: β lies in the row space of X, β = Xᵀα (check with α from the 5×5 system).
    const auto alpha = xt::linalg::solve(xt::linalg::dot(X, xt::transpose(X)), y);
    const auto want = xt::linalg::dot(xt::transpose(X), alpha);
    for (std::size_t j = 0; j < 12; ++j) EXPECT_NEAR(beta(j), want(j), 1e-10) << "j = " << j;
}

TEST(MinNormLstsq, RankDeficientPicksTheLeastNormMinimiser) {
    // Two identical columns: any (b₁, b₂) with b₁ + b₂ = c fits; least norm splits c evenly.
    wb::Mat X = xt::empty<double>({6, 2});
    wb::Vec y = xt::empty<double>({6});
    for (std::size_t i = 0; i < 6; ++i) {
        X(i, 0) = X(i, 1) = static_cast<double>(i) - 2.5;
        y(i) = 3.0 * X(i, 0) + (i % 2 ? 0.1 : -0.1);
    }
    const wb::Vec beta = min_norm_lstsq(X, y);
    EXPECT_NEAR(beta(0), beta(1), 1e-10);
    double sxy = 0, sxx = 0;
    for (std::size_t i = 0; i < 6; ++i) sxy += X(i, 0) * y(i), sxx += X(i, 0) * X(i, 0);
    EXPECT_NEAR(beta(0) + beta(1), sxy / sxx, 1e-10);
}

TEST(MinNormLstsq, OneColumn) {
    // β = ⟨x, y⟩/⟨x, x⟩ for a single column.
    const wb::Mat X{{1.0}, {2.0}, {-1.0}};
    const wb::Vec y{1.0, 1.0, 2.0};
    const wb::Vec beta = min_norm_lstsq(X, y);
    ASSERT_EQ(beta.size(), 1u);
    EXPECT_NEAR(beta(0), 1.0 / 6.0, 1e-14);
}
