// Tests of 02.3 focal_loss.
#include <cmath>
#include <optional>

#include <gtest/gtest.h>

#include "losses.hpp"

using ch02::focal_loss;

namespace {
// FL written directly from its definition (fine for moderate z).
double fl(double z, int y, double gamma, std::optional<double> alpha) {
    const double p = 1.0 / (1.0 + std::exp(-z)), pt = y == 1 ? p : 1.0 - p;
    const double at = alpha ? (y == 1 ? *alpha : 1.0 - *alpha) : 1.0;
    return -at * std::pow(1.0 - pt, gamma) * std::log(pt);
}
double ce(double z, int y) { return fl(z, y, 0.0, std::nullopt); }
}  // namespace

TEST(FocalLoss, MatchesTheDefinition) {
    for (double gamma : {0.5, 1.0, 2.0, 5.0})
        for (double z : {-3.0, -0.4, 0.0, 1.1, 4.0})
            for (int y : {0, 1}) {
                EXPECT_NEAR(focal_loss(z, y, gamma, 0.25).loss, fl(z, y, gamma, 0.25), 1e-13) << z << " " << y;
                EXPECT_NEAR(focal_loss(z, y, gamma, std::nullopt).loss, fl(z, y, gamma, std::nullopt), 1e-13);
            }
}

TEST(FocalLoss, AtGammaZeroItIsAlphaWeightedCrossEntropy) {
    for (double z : {-2.0, 0.3, 1.7}) {
        EXPECT_NEAR(focal_loss(z, 1, 0.0, 0.25).loss, 0.25 * ce(z, 1), 1e-14);
        EXPECT_NEAR(focal_loss(z, 0, 0.0, 0.25).loss, 0.75 * ce(z, 0), 1e-14);
        // No α weighting: exactly CE. (α = 1 would give negatives weight 0.)
        EXPECT_NEAR(focal_loss(z, 0, 0.0, std::nullopt).loss, ce(z, 0), 1e-14);
        EXPECT_NEAR(focal_loss(z, 1, 0.0, std::nullopt).loss, ce(z, 1), 1e-14);
        EXPECT_EQ(focal_loss(z, 0, 0.0, 1.0).loss, 0.0);
    }
}

TEST(FocalLoss, GradientMatchesFiniteDifferences) {
    const double h = 1e-6;
    for (double gamma : {0.0, 0.5, 2.0, 5.0})
        for (double z : {-3.0, -0.6, 0.2, 2.5})
            for (int y : {0, 1}) {
                const double fd = (fl(z + h, y, gamma, 0.3) - fl(z - h, y, gamma, 0.3)) / (2 * h);
                EXPECT_NEAR(focal_loss(z, y, gamma, 0.3).grad, fd, 1e-7 * (1 + std::fabs(fd)))
                    << "gamma " << gamma << " z " << z << " y " << y;
            }
}

TEST(FocalLoss, StableForLargeLogits) {
    // Confidently wrong: −log p_t ≈ |z|, (1 − p_t)^γ ≈ 1.
    EXPECT_NEAR(focal_loss(-800.0, 1, 2.0, std::nullopt).loss, 800.0, 1e-12);
    EXPECT_NEAR(focal_loss(800.0, 0, 2.0, std::nullopt).loss, 800.0, 1e-12);
    EXPECT_NEAR(focal_loss(800.0, 0, 2.0, std::nullopt).grad, 1.0, 1e-12);
    // Confidently right, z_t = 30: FL = (1 − p_t)^γ log(1 + e^{−30}) with 1 − p_t = σ(−30), to full precision.
    const double q = 1.0 / (1.0 + std::exp(30.0)), want = q * q * std::log1p(std::exp(-30.0));
    EXPECT_NEAR(focal_loss(30.0, 1, 2.0, std::nullopt).loss / want, 1.0, 1e-12);
    EXPECT_NEAR(focal_loss(-30.0, 0, 2.0, std::nullopt).loss / want, 1.0, 1e-12);
}
