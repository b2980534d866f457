// Tests of 02.4 weighted_cross_entropy.
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "losses.hpp"

using ch02::weighted_cross_entropy;

namespace {
// The weighted loss written directly from its definition (fine for moderate logits).
double direct(const wb::Mat& Z, const std::vector<std::size_t>& y, const wb::Vec& w) {
    double num = 0.0, den = 0.0;
    for (std::size_t i = 0; i < Z.shape(0); ++i) {
        double sum = 0.0;
        for (std::size_t k = 0; k < Z.shape(1); ++k) sum += std::exp(Z(i, k));
        num += w(y[i]) * -std::log(std::exp(Z(i, y[i])) / sum);
        den += w(y[i]);
    }
    return num / den;
}
const wb::Mat Z0 = {{0.3, -1.2, 2.0}, {1.5, 0.1, -0.4}, {-0.8, 0.9, 0.2}, {2.2, -0.5, 0.0}};
const std::vector<std::size_t> Y0 = {2, 0, 0, 1};
const wb::Vec W0 = {1.0, 5.0, 0.5};
}  // namespace

TEST(WeightedCrossEntropy, MatchesTheDefinition) {
    EXPECT_NEAR(weighted_cross_entropy(Z0, Y0, W0).loss, direct(Z0, Y0, W0), 1e-13);
    // Equal weights: the plain mean cross-entropy, whatever their common value.
    const wb::Vec ones = {2.0, 2.0, 2.0};
    EXPECT_NEAR(weighted_cross_entropy(Z0, Y0, ones).loss, direct(Z0, Y0, ones), 1e-13);
    // One row: the weight cancels.
    const wb::Mat one = {{0.0, std::log(3.0)}};
    EXPECT_NEAR(weighted_cross_entropy(one, {1}, wb::Vec{1.0, 9.0}).loss, std::log(4.0 / 3.0), 1e-14);
}

TEST(WeightedCrossEntropy, GradientMatchesFiniteDifferences) {
    const auto r = weighted_cross_entropy(Z0, Y0, W0);
    ASSERT_EQ(r.grad.shape(0), 4u);
    ASSERT_EQ(r.grad.shape(1), 3u);
    const double h = 1e-6;
    for (std::size_t i = 0; i < 4; ++i)
        for (std::size_t k = 0; k < 3; ++k) {
            wb::Mat zp = Z0, zm = Z0;
            zp(i, k) += h;
            zm(i, k) -= h;
            EXPECT_NEAR(r.grad(i, k), (direct(zp, Y0, W0) - direct(zm, Y0, W0)) / (2 * h), 1e-8) << i << "," << k;
        }
}

TEST(WeightedCrossEntropy, StableForLogitsOfSize1000) {
    const wb::Mat big = Z0 + 1000.0;
    const auto r = weighted_cross_entropy(big, Y0, W0), s = weighted_cross_entropy(Z0, Y0, W0);
    ASSERT_TRUE(std::isfinite(r.loss));
    EXPECT_NEAR(r.loss, s.loss, 1e-11);
    for (std::size_t i = 0; i < 4; ++i)
        for (std::size_t k = 0; k < 3; ++k) EXPECT_NEAR(r.grad(i, k), s.grad(i, k), 1e-11);  // logits of 1000 round to ~1e-13
}
