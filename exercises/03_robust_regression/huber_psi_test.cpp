// Tests of 03.2 huber_psi (ψ and the IRLS weight).
#include <cmath>

#include <gtest/gtest.h>

#include "robust.hpp"

using ch03::huber_psi;
using ch03::huber_weight;

TEST(HuberPsi, IdentityInsideClippedOutside) {
    EXPECT_DOUBLE_EQ(huber_psi(0.5), 0.5);
    EXPECT_DOUBLE_EQ(huber_psi(-1.0), -1.0);
    EXPECT_DOUBLE_EQ(huber_psi(0.0), 0.0);
    EXPECT_DOUBLE_EQ(huber_psi(3.0), 1.345);
    EXPECT_DOUBLE_EQ(huber_psi(-3.0), -1.345);
    EXPECT_DOUBLE_EQ(huber_psi(1e300), 1.345);
    EXPECT_DOUBLE_EQ(huber_psi(2.5, 2.0), 2.0);
    EXPECT_DOUBLE_EQ(huber_psi(1.5, 2.0), 1.5);
    // Odd and continuous at ±k.
    for (double r : {0.1, 1.0, 1.345, 2.0, 7.0}) EXPECT_DOUBLE_EQ(huber_psi(-r), -huber_psi(r));
    EXPECT_NEAR(huber_psi(1.345 + 1e-12), huber_psi(1.345 - 1e-12), 1e-11);
}

TEST(HuberPsi, WeightTimesResidualIsPsi) {
    EXPECT_DOUBLE_EQ(huber_weight(0.0), 1.0);  // the limit ψ(r)/r → 1 as r → 0
    EXPECT_DOUBLE_EQ(huber_weight(1.0), 1.0);
    EXPECT_DOUBLE_EQ(huber_weight(-1.345), 1.0);
    EXPECT_DOUBLE_EQ(huber_weight(10.0), 0.1345);
    EXPECT_DOUBLE_EQ(huber_weight(-4.0, 2.0), 0.5);
    for (double r = -6.0; r <= 6.0; r += 0.25)
        for (double k : {0.5, 1.345, 3.0}) EXPECT_NEAR(huber_weight(r, k) * r, huber_psi(r, k), 1e-15);
}

TEST(HuberPsi, PsiIsTheDerivativeOfHubersRho) {
    // ρ(r) = r²/2 for |r| ≤ k and k|r| − k²/2 outside: ψ = ρ′ everywhere (ρ is C¹).
    const double k = 1.345, h = 1e-6;
    auto rho = [k](double r) { return std::fabs(r) <= k ? 0.5 * r * r : k * std::fabs(r) - 0.5 * k * k; };
    for (double r = -4.0; r <= 4.0; r += 0.1) {
        if (std::fabs(std::fabs(r) - k) < 2 * h) continue;
        EXPECT_NEAR(huber_psi(r, k), (rho(r + h) - rho(r - h)) / (2 * h), 1e-8) << "r = " << r;
    }
}
