// Tests of 01.3 minibatch_gradient. Any correct sampler passes: the tests decode which
// rows were drawn and test their law, never one particular sequence of draws.
#include <bit>
#include <cmath>
#include <cstdint>
#include <map>

#include <gtest/gtest.h>

#include "optimisation.hpp"
#include "wb/rng.hpp"

using ch01::minibatch_gradient;

namespace {

// Rows a_i = (1, 2^i) with every residual negative at w = 0 (y_i = −10⁶): the gradient is
// +(1/m) Σ_{i∈S} a_i, so m·g(1) = Σ_{i∈S} 2^i names the batch S. n rows.
struct Coded {
    wb::Mat A;
    wb::Vec y, w;
    explicit Coded(std::size_t n) : A(xt::ones<double>({n, std::size_t{2}})), y(xt::empty<double>({n})), w(xt::zeros<double>({std::size_t{2}})) {
        for (std::size_t i = 0; i < n; ++i) A(i, 1) = std::ldexp(1.0, static_cast<int>(i)), y(i) = -1e6;
    }
    // The batch as a bit mask; m·g(0) = m checks the mean.
    std::uint64_t batch(std::size_t m, wb::Rng& rng) const {
        const wb::Vec g = minibatch_gradient(A, y, w, m, rng);
        EXPECT_NEAR(g(0), 1.0, 1e-12) << "the first component averages m ones";
        return static_cast<std::uint64_t>(std::llround(g(1) * static_cast<double>(m)));
    }
};

}  // namespace

TEST(MinibatchGradient, MDistinctRows) {
    const Coded c(12);
    wb::Rng rng(3);
    for (std::size_t m : {1, 2, 5, 11}) {
        for (int k = 0; k < 200; ++k) {
            // Binary addition never raises the bit count, and lowers it when a row repeats.
            EXPECT_EQ(std::popcount(c.batch(m, rng)), static_cast<int>(m)) << "m = " << m << ": a row drawn twice";
        }
    }
}

TEST(MinibatchGradient, FullBatchIsTheFullSubgradient) {
    const Coded c(6);
    wb::Rng rng(5);
    EXPECT_EQ(c.batch(6, rng), 63u);
    // With residuals of both signs, m = n gives the full subgradient (01.1's known value).
    const wb::Mat A = {{1, 0}, {1, 1}, {1, 2}};
    const wb::Vec y = {1, 0, 5}, w = {0, 1};
    const wb::Vec g = minibatch_gradient(A, y, w, 3, rng);
    EXPECT_NEAR(g(0), -1.0 / 3, 1e-12);
    EXPECT_NEAR(g(1), -1.0 / 3, 1e-12);
}

TEST(MinibatchGradient, EverySubsetEquallyLikely) {
    // n = 5, m = 2: 10 subsets, 20000 batches. Pearson's χ² with 9 degrees of freedom
    // exceeds 45 with probability below 10⁻⁶ for a uniform sampler.
    const Coded c(5);
    wb::Rng rng(2026);
    std::map<std::uint64_t, int> count;
    const int K = 20000;
    for (int k = 0; k < K; ++k) ++count[c.batch(2, rng)];
    ASSERT_EQ(count.size(), 10u) << "some 2-subset never drawn, or a row drawn twice";
    double chi2 = 0.0;
    for (const auto& [mask, c_k] : count) chi2 += (c_k - K / 10.0) * (c_k - K / 10.0) / (K / 10.0);
    EXPECT_LT(chi2, 45.0);
}
