// Tests of 02.2 softmax_cross_entropy.
#include <cmath>

#include <gtest/gtest.h>

#include "losses.hpp"

using ch02::softmax_cross_entropy;

namespace {
// −log softmax(z)_y written naively (fine for moderate logits).
double nll(const wb::Vec& z, std::size_t y) {
    double sum = 0.0;
    for (double v : z) sum += std::exp(v);
    return -std::log(std::exp(z(y)) / sum);
}
}  // namespace

TEST(SoftmaxCrossEntropy, KnownValues) {
    // Equal logits: p = 1/K, loss = log K, gradient 1/K − e_y.
    const wb::Vec z = {0.5, 0.5, 0.5, 0.5};
    const auto r = softmax_cross_entropy(z, 2);
    EXPECT_NEAR(r.loss, std::log(4.0), 1e-14);
    ASSERT_EQ(r.grad.size(), 4u);
    for (std::size_t k = 0; k < 4; ++k) EXPECT_NEAR(r.grad(k), 0.25 - (k == 2 ? 1.0 : 0.0), 1e-14);
    const wb::Vec u = {1.0, -2.0, 0.3};
    for (std::size_t y = 0; y < 3; ++y) EXPECT_NEAR(softmax_cross_entropy(u, y).loss, nll(u, y), 1e-13);
}

TEST(SoftmaxCrossEntropy, GradientMatchesFiniteDifferences) {
    const wb::Vec z = {1.2, -0.7, 2.1, 0.0, -1.4};
    const double h = 1e-6;
    for (std::size_t y : {0u, 2u, 4u}) {
        const auto r = softmax_cross_entropy(z, y);
        double sum = 0.0;
        for (std::size_t k = 0; k < z.size(); ++k) {
            wb::Vec zp = z, zm = z;
            zp(k) += h;
            zm(k) -= h;
            EXPECT_NEAR(r.grad(k), (nll(zp, y) - nll(zm, y)) / (2 * h), 1e-7) << "k = " << k;
            sum += r.grad(k);
        }
        EXPECT_NEAR(sum, 0.0, 1e-14);  // softmax sums to 1, the one-hot too
    }
}

TEST(SoftmaxCrossEntropy, StableForLogitsOfSize1000) {
    // Shifting every logit by c changes nothing: compare with the logits shifted to (0, −1, −2).
    const wb::Vec big = {1000.0, 999.0, 998.0}, small = {0.0, -1.0, -2.0};
    for (std::size_t y = 0; y < 3; ++y) {
        const auto r = softmax_cross_entropy(big, y);
        ASSERT_TRUE(std::isfinite(r.loss));
        EXPECT_NEAR(r.loss, nll(small, y), 1e-11);
        const auto s = softmax_cross_entropy(small, y);
        for (std::size_t k = 0; k < 3; ++k) EXPECT_NEAR(r.grad(k), s.grad(k), 1e-11);  // z − lse at 1000 rounds to ~1e-13
    }
    // Very negative logits: the exponentials underflow without the shift.
    const wb::Vec neg = {-1000.0, -1001.0};
    EXPECT_NEAR(softmax_cross_entropy(neg, 1).loss, std::log1p(std::exp(1.0)), 1e-12);
}
