// Tests of 07.1 softmax.
#include <cmath>

#include <gtest/gtest.h>

#include "softmax_label_noise.hpp"

using ch07::softmax;

TEST(Softmax, KnownValues) {
    // e^{z} = 1, 2, 3: p = 1/6, 2/6, 3/6.
    const wb::Vec p = softmax(wb::Vec{0.0, std::log(2.0), std::log(3.0)});
    ASSERT_EQ(p.size(), 3u);
    EXPECT_NEAR(p(0), 1.0 / 6, 1e-15);
    EXPECT_NEAR(p(1), 2.0 / 6, 1e-15);
    EXPECT_NEAR(p(2), 3.0 / 6, 1e-15);
}

TEST(Softmax, LargePositiveLogits) {
    // softmax(1000 + (0, 1, −1)) = softmax(0, 1, −1); e^{1000} overflows.
    const wb::Vec p = softmax(wb::Vec{1000.0, 1001.0, 999.0});
    const double s = 1 + std::exp(1.0) + std::exp(-1.0);
    EXPECT_NEAR(p(0), 1 / s, 1e-14);
    EXPECT_NEAR(p(1), std::exp(1.0) / s, 1e-14);
    EXPECT_NEAR(p(2), std::exp(-1.0) / s, 1e-14);
}

TEST(Softmax, LargeNegativeLogits) {
    // e^{−1000} underflows to 0 in both terms: the naive ratio is 0/0.
    const wb::Vec p = softmax(wb::Vec{-1000.0, -1000.0});
    EXPECT_NEAR(p(0), 0.5, 1e-15);
    EXPECT_NEAR(p(1), 0.5, 1e-15);
}

TEST(Softmax, OneLogitAndShiftInvariance) {
    EXPECT_NEAR(softmax(wb::Vec{-3.5})(0), 1.0, 1e-15);
    const wb::Vec z{0.3, -1.2, 2.0, 0.0};
    const wb::Vec p = softmax(z), q = softmax(wb::Vec(z + 7.25));
    double sum = 0.0;
    for (std::size_t k = 0; k < 4; ++k) {
        EXPECT_NEAR(p(k), q(k), 1e-15);
        sum += p(k);
    }
    EXPECT_NEAR(sum, 1.0, 1e-15);
}
