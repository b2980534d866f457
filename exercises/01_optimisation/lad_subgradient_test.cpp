// Tests of 01.1 lad_subgradient. At a kink any element of the subdifferential is
// correct, so the tests there check membership (the subgradient inequality and the
// support function), never one particular choice of sign(0).
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "optimisation.hpp"
#include "wb/rng.hpp"

using ch01::lad_subgradient;

namespace {

double lad(const wb::Mat& A, const wb::Vec& y, const wb::Vec& w) {
    double s = 0.0;
    for (std::size_t i = 0; i < A.shape(0); ++i) s += std::fabs(y(i) - A(i, 0) * w(0) - A(i, 1) * w(1));
    return s / static_cast<double>(A.shape(0));
}

// Is g in ∂f(w)? For every direction d, gᵀd ≤ f'(w; d), the largest gᵀd over ∂f(w).
bool in_subdifferential(const wb::Mat& A, const wb::Vec& y, const wb::Vec& w, const wb::Vec& g) {
    const double n = static_cast<double>(A.shape(0));
    for (int k = 0; k < 3600; ++k) {
        const double a = 2 * 3.14159265358979 * k / 3600.0, d0 = std::cos(a), d1 = std::sin(a);
        double support = 0.0;
        for (std::size_t i = 0; i < A.shape(0); ++i) {
            const double r = y(i) - A(i, 0) * w(0) - A(i, 1) * w(1), ad = A(i, 0) * d0 + A(i, 1) * d1;
            support += (std::fabs(r) < 1e-12 ? std::fabs(ad) : -(r > 0 ? 1.0 : -1.0) * ad) / n;
        }
        if (g(0) * d0 + g(1) * d1 > support + 1e-12) return false;
    }
    return true;
}

}  // namespace

TEST(LadSubgradient, KnownValue) {
    // r = (1, −1, 3): signs (+, −, +), g = −(1/3)[(1, 0) − (1, 1) + (1, 2)] = (−1/3, −1/3).
    const wb::Mat A = {{1, 0}, {1, 1}, {1, 2}};
    const wb::Vec y = {1, 0, 5}, w = {0, 1};
    const wb::Vec g = lad_subgradient(A, y, w);
    ASSERT_EQ(g.size(), 2u);
    EXPECT_NEAR(g(0), -1.0 / 3, 1e-12);
    EXPECT_NEAR(g(1), -1.0 / 3, 1e-12);
}

TEST(LadSubgradient, GradientWhereSmooth) {
    // Away from the kinks ∂f = {∇f}: compare with central differences on random data.
    wb::Rng rng(7);
    for (int rep = 0; rep < 5; ++rep) {
        const std::size_t n = 15;
        wb::Mat A = xt::ones<double>({n, std::size_t{2}});
        wb::Vec y = xt::empty<double>({n});
        for (std::size_t i = 0; i < n; ++i) A(i, 1) = rng.normal(), y(i) = rng.normal(1.0, 2.0);
        const wb::Vec w = {rng.normal(), rng.normal()};
        const wb::Vec g = lad_subgradient(A, y, w);
        for (std::size_t j = 0; j < 2; ++j) {
            wb::Vec wp = w, wm = w;
            wp(j) += 1e-7, wm(j) -= 1e-7;
            EXPECT_NEAR(g(j), (lad(A, y, wp) - lad(A, y, wm)) / 2e-7, 1e-6) << "component " << j;
        }
    }
}

TEST(LadSubgradient, AnyElementOfTheSubdifferentialAtAKink) {
    // The line through points 0 and 1 makes r_0 = r_1 = 0: a kink of f.
    const wb::Mat A = {{1, -1}, {1, 1}, {1, 0.5}, {1, -0.2}, {1, 2}};
    const wb::Vec y = {-1, 3, 0.7, 1.5, 4.2}, w = {1, 2};
    const wb::Vec g = lad_subgradient(A, y, w);
    ASSERT_EQ(g.size(), 2u);
    EXPECT_TRUE(in_subdifferential(A, y, w, g)) << "g = (" << g(0) << ", " << g(1) << ") is not in ∂f(w)";
    // The subgradient inequality f(v) ≥ f(w) + gᵀ(v − w) on points near and far.
    wb::Rng rng(11);
    for (int k = 0; k < 500; ++k) {
        const double s = std::pow(10.0, rng.uniform(-5.0, 1.0));
        const wb::Vec v = {w(0) + s * rng.normal(), w(1) + s * rng.normal()};
        EXPECT_GE(lad(A, y, v) - lad(A, y, w) - g(0) * (v(0) - w(0)) - g(1) * (v(1) - w(1)), -1e-12);
    }
    // The membership test itself accepts every choice s_0, s_1 ∈ {−1, 0, 1} at the kink.
    for (double s0 : {-1.0, 0.0, 1.0})
        for (double s1 : {-1.0, 0.0, 1.0}) {
            // r_2 = −1.3, r_3 = 0.9, r_4 = −0.8: signs (−, +, −).
            const wb::Vec choice = {-(s0 + s1 - 1 + 1 - 1) / 5.0, -(-s0 + s1 - 0.5 - 0.2 - 2) / 5.0};
            EXPECT_TRUE(in_subdifferential(A, y, w, choice)) << "s = (" << s0 << ", " << s1 << ")";
        }
}
