// Tests of 05.1 fourier_features.
#include <cmath>

#include <gtest/gtest.h>

#include "fourier_features.hpp"
#include "wb/constants.hpp"

using ch05::fourier_features;

TEST(FourierFeatures, Shape) {
    const wb::Mat phi = fourier_features(wb::Vec{0.0, 1.0, 2.0, 3.0, 4.0}, wb::Vec{0.5, 1.0, 2.0});
    ASSERT_EQ(phi.shape(0), 5u);
    EXPECT_EQ(phi.shape(1), 6u);
}

TEST(FourierFeatures, KnownValues) {
    // ω = π/2 and 1 rad per unit of x: at x = 1 the first pair is (cos π/2, sin π/2) = (0, 1).
    const wb::Vec x{0.0, 1.0, 2.5}, omega{wb::Pi / 2, 1.0};
    const wb::Mat phi = fourier_features(x, omega);
    ASSERT_EQ(phi.shape(1), 4u);
    for (std::size_t i = 0; i < x.size(); ++i)
        for (std::size_t k = 0; k < omega.size(); ++k) {
            EXPECT_NEAR(phi(i, 2 * k), std::cos(omega(k) * x(i)), 1e-14) << "row " << i << ", cosine of ω_" << k;
            EXPECT_NEAR(phi(i, 2 * k + 1), std::sin(omega(k) * x(i)), 1e-14) << "row " << i << ", sine of ω_" << k;
        }
    EXPECT_NEAR(phi(1, 0), 0.0, 1e-15);
    EXPECT_NEAR(phi(1, 1), 1.0, 1e-15);
}

TEST(FourierFeatures, PairsAreSideBySide) {
    // At x = 0 every pair is (1, 0): columns alternate 1, 0, 1, 0.
    const wb::Mat phi = fourier_features(wb::Vec{0.0}, wb::Vec{0.3, 0.7, 1.1});
    ASSERT_EQ(phi.shape(1), 6u);
    for (std::size_t j = 0; j < 6; ++j) EXPECT_DOUBLE_EQ(phi(0, j), j % 2 == 0 ? 1.0 : 0.0) << "column " << j;
}
