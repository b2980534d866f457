// Tests of 07.2 ce_gradient.
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "softmax_label_noise.hpp"

using ch07::ce_gradient;

namespace {

// The mean cross-entropy, written independently: −z_y + log Σ_k e^{z_k}, around the max.
double mean_ce(const wb::Mat& x, const std::vector<std::size_t>& y, const wb::Mat& w) {
    double total = 0.0;
    for (std::size_t i = 0; i < x.shape(0); ++i) {
        std::vector<double> z(w.shape(1), 0.0);
        double c = -INFINITY;
        for (std::size_t k = 0; k < z.size(); ++k) {
            for (std::size_t j = 0; j < x.shape(1); ++j) z[k] += x(i, j) * w(j, k);
            c = std::max(c, z[k]);
        }
        double s = 0.0;
        for (double zk : z) s += std::exp(zk - c);
        total += c + std::log(s) - z[y[i]];
    }
    return total / static_cast<double>(x.shape(0));
}

}  // namespace

TEST(CeGradient, OneExampleAtZeroWeights) {
    // W = 0: p = (½, ½), so the gradient x (p − e_0)ᵀ = [[−½, ½], [−1, 1]].
    const wb::Mat x{{1.0, 2.0}};
    const std::vector<std::size_t> y{0};
    const wb::Mat g = ce_gradient(x, y, wb::Mat(xt::zeros<double>({2, 2})));
    ASSERT_EQ(g.shape(0), 2u);
    ASSERT_EQ(g.shape(1), 2u);
    EXPECT_NEAR(g(0, 0), -0.5, 1e-15);
    EXPECT_NEAR(g(0, 1), 0.5, 1e-15);
    EXPECT_NEAR(g(1, 0), -1.0, 1e-15);
    EXPECT_NEAR(g(1, 1), 1.0, 1e-15);
}

TEST(CeGradient, MatchesFiniteDifferences) {
    const wb::Mat x{{0.5, -1.0, 1.0}, {2.0, 0.3, 1.0}, {-1.5, 0.8, 1.0}, {0.1, 0.1, 1.0}};
    const std::vector<std::size_t> y{2, 0, 1, 1};
    const wb::Mat w{{0.2, -0.4, 1.1}, {0.7, 0.0, -0.3}, {-0.5, 0.9, 0.2}};
    const wb::Mat g = ce_gradient(x, y, w);
    const double h = 1e-6;
    for (std::size_t j = 0; j < 3; ++j)
        for (std::size_t k = 0; k < 3; ++k) {
            wb::Mat wp = w, wm = w;
            wp(j, k) += h;
            wm(j, k) -= h;
            EXPECT_NEAR(g(j, k), (mean_ce(x, y, wp) - mean_ce(x, y, wm)) / (2 * h), 1e-8) << j << "," << k;
        }
}

TEST(CeGradient, ClassSumsVanish) {
    // Σ_k ∂L/∂W_k = (1/n) Σ_i x_i Σ_k (p_ik − [k = y_i]) = 0.
    const wb::Mat x{{3.0, -1.0}, {-2.0, 4.0}, {1.0, 1.0}};
    const std::vector<std::size_t> y{1, 3, 0};
    const wb::Mat w{{0.3, -2.0, 1.0, 0.5}, {1.5, 0.2, -0.7, 0.0}};
    const wb::Mat g = ce_gradient(x, y, w);
    for (std::size_t j = 0; j < 2; ++j) EXPECT_NEAR(g(j, 0) + g(j, 1) + g(j, 2) + g(j, 3), 0.0, 1e-14);
}

TEST(CeGradient, FiniteForLargeWeights) {
    // Logits of ±2000: the gradient of a confidently wrong example is x (e_other − e_y)ᵀ.
    const wb::Mat x{{1.0, 1.0}};
    const std::vector<std::size_t> y{0};
    const wb::Mat w{{-1000.0, 1000.0}, {-1000.0, 1000.0}};
    const wb::Mat g = ce_gradient(x, y, w);
    EXPECT_NEAR(g(0, 0), -1.0, 1e-15);
    EXPECT_NEAR(g(0, 1), 1.0, 1e-15);
    EXPECT_NEAR(g(1, 0), -1.0, 1e-15);
    EXPECT_NEAR(g(1, 1), 1.0, 1e-15);
}
