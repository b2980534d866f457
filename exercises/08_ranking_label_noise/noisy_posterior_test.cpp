// Tests of 08.3 noisy_posterior.
#include <vector>

#include <gtest/gtest.h>

#include "ranking_label_noise.hpp"

using ch08::FlipRates;
using ch08::noisy_posterior;

namespace {

// Rates that depend on η: ρ₀ = 0.2(1 − η)², ρ₁ = 0.3η², with their derivatives.
FlipRates curved(double eta) {
    return {0.2 * (1 - eta) * (1 - eta), 0.3 * eta * eta, -0.4 * (1 - eta), 0.6 * eta};
}

}  // namespace

TEST(NoisyPosterior, ConstantRates) {
    // (1 − 0.3)·0.7 + 0.1·0.3 = 0.52; slope 1 − 0.1 − 0.3.
    const auto h = noisy_posterior(0.7, {0.1, 0.3, 0.0, 0.0});
    EXPECT_NEAR(h.value, 0.52, 1e-12);
    EXPECT_NEAR(h.slope, 0.6, 1e-12);
    EXPECT_NEAR(noisy_posterior(0.0, {0.1, 0.3, 0.0, 0.0}).value, 0.1, 1e-12);
    EXPECT_NEAR(noisy_posterior(1.0, {0.1, 0.3, 0.0, 0.0}).value, 0.7, 1e-12);
}

TEST(NoisyPosterior, SlopeIsTheDerivativeOfTheValue) {
    for (double eta : {0.1, 0.35, 0.5, 0.8, 0.95}) {
        const double d = 1e-6;
        const double fd = (noisy_posterior(eta + d, curved(eta + d)).value -
                           noisy_posterior(eta - d, curved(eta - d)).value) / (2 * d);
        EXPECT_NEAR(noisy_posterior(eta, curved(eta)).slope, fd, 1e-8) << "η = " << eta;
    }
}
