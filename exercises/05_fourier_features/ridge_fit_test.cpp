// Tests of 05.3 ridge_fit.
#include <cmath>

#include <gtest/gtest.h>
#include <xtensor-blas/xlinalg.hpp>

#include "fourier_features.hpp"

using ch05::ridge_fit;

namespace {
// A fixed, well-conditioned design Φ (n, p) and response y (n).
wb::Mat design(std::size_t n, std::size_t p) {
    wb::Mat phi = xt::empty<double>({n, p});
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < p; ++j) phi(i, j) = std::sin(0.5 * static_cast<double>((j + 1) * i) + 0.3 * static_cast<double>(j) + 0.2);
    return phi;
}
wb::Vec response(std::size_t n) {
    wb::Vec y = xt::empty<double>({n});
    for (std::size_t i = 0; i < n; ++i) y(i) = std::cos(0.45 * static_cast<double>(i)) + 0.1 * static_cast<double>(i % 3);
    return y;
}
}  // namespace

TEST(RidgeFit, SatisfiesTheNormalEquations) {
    // The minimiser of ‖y − Φβ‖² + λ‖β‖² has Φᵀ(y − Φβ) = λβ, whatever the method of solution.
    const wb::Mat phi = design(20, 5);
    const wb::Vec y = response(20);
    for (double lambda : {0.0, 0.7, 25.0}) {
        const wb::Vec beta = ridge_fit(phi, y, lambda);
        ASSERT_EQ(beta.size(), 5u);
        const wb::Vec g = xt::linalg::dot(xt::transpose(phi), y - xt::linalg::dot(phi, beta));
        for (std::size_t j = 0; j < 5; ++j) EXPECT_NEAR(g(j), lambda * beta(j), 1e-9) << "λ " << lambda << ", j " << j;
    }
}

TEST(RidgeFit, LeastSquaresRecoversAnExactModel) {
    const wb::Mat phi = design(12, 4);
    wb::Vec beta0 = xt::empty<double>({4});
    for (std::size_t j = 0; j < 4; ++j) beta0(j) = 0.5 * static_cast<double>(j) - 0.7;
    wb::Vec y = xt::zeros<double>({12});
    for (std::size_t i = 0; i < 12; ++i)
        for (std::size_t j = 0; j < 4; ++j) y(i) += phi(i, j) * beta0(j);
    const wb::Vec beta = ridge_fit(phi, y, 0.0);
    for (std::size_t j = 0; j < 4; ++j) EXPECT_NEAR(beta(j), beta0(j), 1e-10);
}

TEST(RidgeFit, ShrinksOrthonormalColumnsByOnePlusLambda) {
    // Columns e_1, e_2 of R⁴: β = Φᵀy/(1 + λ).
    wb::Mat phi = xt::zeros<double>({4, 2});
    phi(0, 0) = 1.0;
    phi(1, 1) = 1.0;
    wb::Vec y = xt::empty<double>({4});
    y(0) = 3.0, y(1) = -2.0, y(2) = 5.0, y(3) = 7.0;
    const wb::Vec beta = ridge_fit(phi, y, 1.0);
    EXPECT_NEAR(beta(0), 1.5, 1e-12);
    EXPECT_NEAR(beta(1), -1.0, 1e-12);
}
