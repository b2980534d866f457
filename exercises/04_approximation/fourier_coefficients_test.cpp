// Tests of 04.1 fourier_coefficients.
#include <cmath>

#include <gtest/gtest.h>

#include "approximation.hpp"
#include "wb/constants.hpp"

using ch04::fourier_coefficients;

TEST(FourierCoefficients, TrigonometricPolynomialIsRecoveredExactly) {
    // f = 3 + 2 cos x − sin 2x + 0.5 cos 3x: a₀ = 6 (S_K uses a₀/2), a₁ = 2, b₂ = −1, a₃ = 0.5.
    const auto f = [](double x) { return 3 + 2 * std::cos(x) - std::sin(2 * x) + 0.5 * std::cos(3 * x); };
    for (std::size_t n : {9u, 16u, 64u}) {  // few points: the rule is exact up to degree n − 1 − K
        const auto c = fourier_coefficients(f, 4, n);
        ASSERT_EQ(c.a.size(), 5u);
        ASSERT_EQ(c.b.size(), 5u);
        EXPECT_NEAR(c.a(0), 6.0, 1e-12) << "n = " << n;
        EXPECT_NEAR(c.a(1), 2.0, 1e-12);
        EXPECT_NEAR(c.b(2), -1.0, 1e-12);
        EXPECT_NEAR(c.a(3), 0.5, 1e-12);
        for (std::size_t k : {2u, 4u}) EXPECT_NEAR(c.a(k), 0.0, 1e-12);
        for (std::size_t k : {0u, 1u, 3u, 4u}) EXPECT_NEAR(c.b(k), 0.0, 1e-12);
    }
}

TEST(FourierCoefficients, ExpCosAgainstBessel) {
    // e^{cos x} = I₀(1) + 2 Σ I_k(1) cos kx: a_k = 2 I_k(1).
    const auto c = fourier_coefficients([](double x) { return std::exp(std::cos(x)); }, 6, 32);
    for (std::size_t k = 0; k <= 6; ++k)
        EXPECT_NEAR(c.a(k), 2 * std::cyl_bessel_i(static_cast<double>(k), 1.0), 1e-13) << "k = " << k;
}

TEST(FourierCoefficients, SawtoothFromAnOddNumberOfPoints) {
    // An odd number of points, with f(−π) ≠ 0: the point π (= −π) must not be counted twice.
    const auto f = [](double x) { return std::exp(std::sin(x)) + std::cos(x); };
    const auto c = fourier_coefficients(f, 2, 7);
    // e^{sin x}: a₀ = 2 I₀(1) (up to aliasing from degree ≥ 5, < 1e-4 here), plus cos x: a₁ = 1.
    EXPECT_NEAR(c.a(0), 2 * std::cyl_bessel_i(0.0, 1.0), 1e-4);
    EXPECT_NEAR(c.a(1), 1.0, 1e-4);
}
