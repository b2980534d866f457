// Tests of 09.3: the denoising score matching loss.
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "score_matching.hpp"

TEST(DsmTerms, LinearScoreHandValue) {
    // s(x) = c − λx at x̃ = x + σz, target −z/σ.
    ch09::TanhScore s{2, 0, {}, {}, {}, {0.5, -1.0}, 2.0};
    const xt::xtensor<double, 2> X = {{1.0, 2.0}}, Z = {{0.5, -1.0}};
    const double sigma = 0.5;
    // x̃ = (1.25, 1.5); s(x̃) = (0.5 − 2.5, −1 − 3) = (−2, −4); z/σ = (1, −2).
    const auto t = ch09::dsm_terms(s, X, Z, sigma);
    ASSERT_EQ(t.size(), 1u);
    EXPECT_NEAR(t(0), 0.5 * ((-2.0 + 1.0) * (-2.0 + 1.0) + (-4.0 - 2.0) * (-4.0 - 2.0)), 1e-12);
}

TEST(DsmTerms, ZeroModelLeavesOnlyTheTarget) {
    // s ≡ 0: each term is ½‖z‖²/σ², so the sign and scale of the target show.
    ch09::TanhScore s{3, 0, {}, {}, {}, {0.0, 0.0, 0.0}, 0.0};
    const xt::xtensor<double, 2> X = {{1.0, 2.0, 3.0}, {0.0, 0.0, 0.0}}, Z = {{1.0, -2.0, 0.5}, {0.0, 3.0, 0.0}};
    const auto t = ch09::dsm_terms(s, X, Z, 0.25);
    EXPECT_NEAR(t(0), 0.5 * (1.0 + 4.0 + 0.25) / 0.0625, 1e-12);
    EXPECT_NEAR(t(1), 0.5 * 9.0 / 0.0625, 1e-12);
}

TEST(DsmTerms, EvaluatesTheModelAtTheNoisyPoint) {
    wb::Rng rng(3);
    const auto s = ch09::TanhScore::random(2, 4, 1.0, 0.3, rng);
    const auto X = rng.normal_matrix(10, 2), Z = rng.normal_matrix(10, 2);
    const double sigma = 0.7;
    const auto t = ch09::dsm_terms(s, X, Z, sigma);
    std::vector<double> xn(2), sx(2);
    for (std::size_t r = 0; r < 10; ++r) {
        for (std::size_t i = 0; i < 2; ++i) xn[i] = X(r, i) + sigma * Z(r, i);
        s(xn.data(), sx.data());
        const double e0 = sx[0] + Z(r, 0) / sigma, e1 = sx[1] + Z(r, 1) / sigma;
        EXPECT_NEAR(t(r), 0.5 * (e0 * e0 + e1 * e1), 1e-12) << "row " << r;
    }
}

TEST(DsmLoss, IsTheMeanOfTheTerms) {
    wb::Rng rng(4);
    const auto s = ch09::TanhScore::random(3, 4, 1.0, 0.5, rng);
    const auto X = rng.normal_matrix(40, 3), Z = rng.normal_matrix(40, 3);
    const auto t = ch09::dsm_terms(s, X, Z, 0.3);
    double want = 0;
    for (double e : t) want += e;
    EXPECT_NEAR(ch09::dsm_loss(s, X, Z, 0.3), want / 40, 1e-12);
}

TEST(DsmLoss, MinimiserIsTheScoreOfTheNoisedData) {
    // p = N(0, 1) in 1-D and s(x) = −λx: the DSM loss is quadratic in λ, minimised at
    // the score of q_σ = N(0, 1 + σ²), λ = 1/(1 + σ²), not at p's λ = 1.
    wb::Rng rng(5);
    const std::size_t n = 200000;
    const auto X = rng.normal_matrix(n, 1), Z = rng.normal_matrix(n, 1);
    const double sigma = 0.8;
    auto loss = [&](double lambda) {
        ch09::TanhScore s{1, 0, {}, {}, {}, {0.0}, lambda};
        return ch09::dsm_loss(s, X, Z, sigma);
    };
    // Quadratic through λ = 0, ±1: L(λ) = a − bλ + ½cλ², minimiser b/c.
    const double l0 = loss(0.0), lp = loss(1.0), lm = loss(-1.0);
    const double b = (lm - lp) / 2, c = lp + lm - 2 * l0;
    EXPECT_NEAR(b / c, 1.0 / (1.0 + sigma * sigma), 0.01);
}
