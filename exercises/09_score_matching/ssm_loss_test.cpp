// Tests of 09.2: the projected score, its directional derivative by one dual pass,
// and the SSM loss, against the model's closed-form Jacobian.
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "score_matching.hpp"

namespace {

ch09::TanhScore model(std::size_t d, std::uint64_t seed) {
    wb::Rng rng(seed);
    return ch09::TanhScore::random(d, 5, 0.8, 0.7, rng);
}

xt::xtensor<double, 2> normal(std::size_t n, std::size_t d, std::uint64_t seed) {
    wb::Rng rng(seed);
    return rng.normal_matrix(n, d);
}

// vᵀ J v with J the closed-form Jacobian.
double vJv(const ch09::TanhScore& s, const double* x, const double* v) {
    std::vector<double> J(s.d * s.d);
    s.jacobian(x, J.data());
    double q = 0;
    for (std::size_t j = 0; j < s.d; ++j)
        for (std::size_t i = 0; i < s.d; ++i) q += v[j] * J[j * s.d + i] * v[i];
    return q;
}

}  // namespace

TEST(SliceTerms, ProjectionIsVTransposeS) {
    const auto s = model(3, 1);
    const auto X = normal(20, 3, 2), V = normal(20, 3, 3);
    const auto t = ch09::slice_terms(s, X, V);
    ASSERT_EQ(t.proj.size(), 20u);
    std::vector<double> sx(3);
    for (std::size_t r = 0; r < 20; ++r) {
        s(&X(r, 0), sx.data());
        EXPECT_NEAR(t.proj(r), V(r, 0) * sx[0] + V(r, 1) * sx[1] + V(r, 2) * sx[2], 1e-12) << "row " << r;
    }
}

TEST(SliceTerms, DirectionalDerivativeIsVTransposeJacobianV) {
    const auto s = model(4, 4);
    const auto X = normal(30, 4, 5), V = normal(30, 4, 6);
    const auto t = ch09::slice_terms(s, X, V);
    ASSERT_EQ(t.dir.size(), 30u);
    for (std::size_t r = 0; r < 30; ++r) EXPECT_NEAR(t.dir(r), vJv(s, &X(r, 0), &V(r, 0)), 1e-12) << "row " << r;
}

TEST(SliceTerms, DirectionalDerivativeMatchesCentralDifferences) {
    const auto s = model(2, 7);
    const auto X = normal(10, 2, 8), V = normal(10, 2, 9);
    const auto t = ch09::slice_terms(s, X, V);
    const double h = 1e-5;
    std::vector<double> xp(2), xm(2), sp(2), sm(2);
    for (std::size_t r = 0; r < 10; ++r) {
        for (std::size_t i = 0; i < 2; ++i) {
            xp[i] = X(r, i) + h * V(r, i);
            xm[i] = X(r, i) - h * V(r, i);
        }
        s(xp.data(), sp.data());
        s(xm.data(), sm.data());
        const double fd = (V(r, 0) * (sp[0] - sm[0]) + V(r, 1) * (sp[1] - sm[1])) / (2 * h);
        EXPECT_NEAR(t.dir(r), fd, 1e-6 * (1 + std::fabs(fd))) << "row " << r;
    }
}

TEST(SliceTerms, BasisDirectionsAddUpToTheDivergence) {
    // Σ_i e_iᵀ J e_i = tr J = ∇·s: slicing along the axes recovers the divergence.
    const std::size_t d = 3;
    const auto s = model(d, 10);
    const auto X0 = normal(5, d, 11);
    xt::xtensor<double, 2> X = xt::zeros<double>({5 * d, d}), V = xt::zeros<double>({5 * d, d});
    for (std::size_t r = 0; r < 5; ++r)
        for (std::size_t i = 0; i < d; ++i) {
            for (std::size_t j = 0; j < d; ++j) X(r * d + i, j) = X0(r, j);
            V(r * d + i, i) = 1.0;
        }
    const auto t = ch09::slice_terms(s, X, V);
    for (std::size_t r = 0; r < 5; ++r)
        EXPECT_NEAR(t.dir(r * d) + t.dir(r * d + 1) + t.dir(r * d + 2), s.divergence(&X0(r, 0)), 1e-12);
}

TEST(SsmLoss, LinearScoreHasTheClosedFormLoss) {
    // s(x) = c − λx: ½(vᵀc − λ vᵀx)² − λ‖v‖² per sample.
    ch09::TanhScore s{2, 0, {}, {}, {}, {0.5, -1.0}, 1.5};
    const xt::xtensor<double, 2> X = {{1.0, 2.0}, {-1.0, 0.5}};
    const xt::xtensor<double, 2> V = {{1.0, -1.0}, {0.5, 2.0}};
    double want = 0;
    for (std::size_t r = 0; r < 2; ++r) {
        const double p = V(r, 0) * 0.5 - V(r, 1) * 1.0 - 1.5 * (V(r, 0) * X(r, 0) + V(r, 1) * X(r, 1));
        want += 0.5 * p * p - 1.5 * (V(r, 0) * V(r, 0) + V(r, 1) * V(r, 1));
    }
    EXPECT_NEAR(ch09::ssm_loss(s, X, V), want / 2, 1e-12);
}

TEST(SsmLoss, IsTheMeanOfHalfSquaredProjectionPlusDirectionalDerivative) {
    const auto s = model(3, 12);
    const auto X = normal(50, 3, 13), V = normal(50, 3, 14);
    std::vector<double> sx(3);
    double want = 0;
    for (std::size_t r = 0; r < 50; ++r) {
        s(&X(r, 0), sx.data());
        const double p = V(r, 0) * sx[0] + V(r, 1) * sx[1] + V(r, 2) * sx[2];
        want += 0.5 * p * p + vJv(s, &X(r, 0), &V(r, 0));
    }
    EXPECT_NEAR(ch09::ssm_loss(s, X, V), want / 50, 1e-10);
}
