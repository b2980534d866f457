// Tests of 04.3 yarotsky.
#include <cmath>

#include <gtest/gtest.h>

#include "approximation.hpp"

using ch04::tent;
using ch04::yarotsky_square;

TEST(Tent, IsTheHatOnTheUnitIntervalAndZeroOutside) {
    for (double x : {0.0, 0.1, 0.25, 0.5, 0.6, 0.9, 1.0})
        EXPECT_NEAR(tent(x), x <= 0.5 ? 2 * x : 2 - 2 * x, 1e-15) << "x = " << x;
    for (double x : {-3.0, -0.2, 1.2, 2.0, 7.5}) EXPECT_NEAR(tent(x), 0.0, 1e-15) << "x = " << x;
}

TEST(Yarotsky, InterpolatesTheSquareAtDyadicNodes) {
    // f_m is the piecewise-linear interpolant of x² at k/2^m.
    for (int m = 0; m <= 6; ++m) {
        const double h = std::ldexp(1.0, -m);
        for (int k = 0; k <= (1 << m); ++k) {
            const double x = k * h;
            EXPECT_NEAR(yarotsky_square(x, m), x * x, 1e-14) << "m = " << m << ", x = " << x;
            if (k < (1 << m)) {  // at the midpoint: the average of the nodes' values
                const double mid = x + h / 2, want = (x * x + (x + h) * (x + h)) / 2;
                EXPECT_NEAR(yarotsky_square(mid, m), want, 1e-14) << "m = " << m << ", x = " << mid;
            }
        }
    }
}

TEST(Yarotsky, ErrorIsFourToTheMinusMOverFour) {
    for (int m = 1; m <= 8; ++m) {
        const double h = std::ldexp(1.0, -m), x = 3 * h / 2;  // a midpoint
        EXPECT_NEAR(yarotsky_square(x, m) - x * x, h * h / 4, 1e-15) << "m = " << m;
    }
}
