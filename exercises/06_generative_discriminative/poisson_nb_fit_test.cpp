// Tests of 06.4 poisson_nb_fit.
#include <cmath>

#include <gtest/gtest.h>

#include "generative_discriminative.hpp"

using ch06::poisson_nb_fit;

TEST(PoissonNbFit, LogOddsOfTheFittedPoissons) {
    // Class 0 (2 points): rates (1, 3); class 1 (3 points): rates (4, 2).
    const wb::Mat x = {{0, 4}, {2, 2}, {5, 1}, {3, 2}, {4, 3}};
    const wb::Vec y = {0, 0, 1, 1, 1};
    const double l0[2] = {1.0, 3.0}, l1[2] = {4.0, 2.0};
    auto log_pois = [](double k, double l) { return k * std::log(l) - l - std::lgamma(k + 1); };
    const auto m = poisson_nb_fit(x, y);
    ASSERT_EQ(m.w.size(), 2u);
    for (auto [u, v] : {std::pair{0.0, 0.0}, {3.0, 1.0}, {7.0, 9.0}, {1.0, 12.0}}) {
        const double want = std::log(3.0 / 2.0) + log_pois(u, l1[0]) + log_pois(v, l1[1]) - log_pois(u, l0[0]) -
                            log_pois(v, l0[1]);
        EXPECT_NEAR(m.w(0) * u + m.w(1) * v + m.b, want, 1e-10) << "at x = (" << u << ", " << v << ")";
    }
}

TEST(PoissonNbFit, EqualRatesGiveOnlyThePrior) {
    const wb::Mat x = {{1, 2}, {3, 2}, {2, 1}, {2, 3}, {2, 2}, {2, 2}};
    const wb::Vec y = {0, 0, 1, 1, 1, 1};
    const auto m = poisson_nb_fit(x, y);
    EXPECT_NEAR(m.w(0), 0.0, 1e-12);
    EXPECT_NEAR(m.w(1), 0.0, 1e-12);
    EXPECT_NEAR(m.b, std::log(2.0), 1e-12);
}
