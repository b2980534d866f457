// Tests of 02.1 binary_cross_entropy.
#include <cmath>

#include <gtest/gtest.h>

#include "losses.hpp"

using ch02::binary_cross_entropy;

namespace {
// −log of the Bernoulli likelihood, written directly (fine for moderate z).
double nll(double z, int y) {
    const double p = 1.0 / (1.0 + std::exp(-z));
    return y == 1 ? -std::log(p) : -std::log(1.0 - p);
}
}  // namespace

TEST(BinaryCrossEntropy, IsTheBernoulliNegativeLogLikelihood) {
    EXPECT_NEAR(binary_cross_entropy(0.0, 1).loss, std::log(2.0), 1e-15);
    EXPECT_NEAR(binary_cross_entropy(0.0, 0).loss, std::log(2.0), 1e-15);
    for (double z : {-7.5, -2.0, -0.3, 0.8, 3.0, 9.0})
        for (int y : {0, 1}) EXPECT_NEAR(binary_cross_entropy(z, y).loss, nll(z, y), 1e-12 * (1 + nll(z, y))) << z;
}

TEST(BinaryCrossEntropy, GradientIsPMinusYAndMatchesFiniteDifferences) {
    const double h = 1e-6;
    for (double z : {-6.0, -1.5, 0.0, 0.4, 2.5, 6.0})
        for (int y : {0, 1}) {
            const double g = binary_cross_entropy(z, y).grad;
            const double fd = (nll(z + h, y) - nll(z - h, y)) / (2 * h);
            EXPECT_NEAR(g, fd, 1e-7) << "z = " << z << ", y = " << y;
            EXPECT_NEAR(g, 1.0 / (1.0 + std::exp(-z)) - y, 1e-14);
        }
    // Confidently wrong: the gradient stays near −1, it does not vanish.
    EXPECT_NEAR(binary_cross_entropy(-30.0, 1).grad, -1.0, 1e-12);
}

TEST(BinaryCrossEntropy, StableForLargeLogits) {
    // Confidently wrong: loss ≈ |z|, finite.
    EXPECT_NEAR(binary_cross_entropy(800.0, 0).loss, 800.0, 1e-12);
    EXPECT_NEAR(binary_cross_entropy(-800.0, 1).loss, 800.0, 1e-12);
    EXPECT_NEAR(binary_cross_entropy(800.0, 0).grad, 1.0, 1e-15);
    EXPECT_NEAR(binary_cross_entropy(-800.0, 1).grad, -1.0, 1e-15);
    // Confidently right: loss = log(1 + e^{−40}) ≈ e^{−40}, to full relative precision.
    const double tiny = std::log1p(std::exp(-40.0));
    EXPECT_NEAR(binary_cross_entropy(40.0, 1).loss / tiny, 1.0, 1e-12);
    EXPECT_NEAR(binary_cross_entropy(-40.0, 0).loss / tiny, 1.0, 1e-12);
}
