// Tests of 04.2 partial_sum.
#include <cmath>

#include <gtest/gtest.h>

#include "approximation.hpp"

using ch04::Fourier;
using ch04::partial_sum;

TEST(PartialSum, EvaluatesEveryTerm) {
    // a₀ = 4 (constant 2), a₁ = 1, b₁ = 0.5, a₂ = −0.25, b₂ = 3.
    const Fourier c{wb::Vec{4.0, 1.0, -0.25}, wb::Vec{0.0, 0.5, 3.0}};
    const wb::Vec x{-2.0, 0.0, 0.3, 1.7};
    const wb::Vec s = partial_sum(c, x);
    ASSERT_EQ(s.size(), x.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double want = 2.0 + std::cos(x(i)) + 0.5 * std::sin(x(i)) - 0.25 * std::cos(2 * x(i)) +
                            3.0 * std::sin(2 * x(i));
        EXPECT_NEAR(s(i), want, 1e-13) << "x = " << x(i);
    }
}

TEST(PartialSum, ConstantTermIsHalfOfA0) {
    const Fourier c{wb::Vec{2.0}, wb::Vec{0.0}};  // K = 0: S₀ = a₀/2 = 1
    const wb::Vec s = partial_sum(c, wb::Vec{0.7});
    EXPECT_NEAR(s(0), 1.0, 1e-15);
}

TEST(PartialSum, SquareWaveNearItsJump) {
    // (4/π) Σ_{k odd ≤ 3} sin kx / k at x = π/2: (4/π)(1 − 1/3).
    const double pi = std::acos(-1.0);
    const Fourier c{wb::Vec{0.0, 0.0, 0.0, 0.0}, wb::Vec{0.0, 4 / pi, 0.0, 4 / (3 * pi)}};
    EXPECT_NEAR(partial_sum(c, wb::Vec{pi / 2})(0), (4 / pi) * (1 - 1.0 / 3), 1e-14);
}
