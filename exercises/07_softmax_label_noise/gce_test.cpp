// Tests of 07.3 gce.
#include <cmath>

#include <gtest/gtest.h>

#include "softmax_label_noise.hpp"

using ch07::gce;

namespace {

// L_q written independently: p_y = 1 / Σ_k e^{z_k − z_y}.
double gce_loss(const wb::Vec& z, std::size_t y, double q) {
    double s = 0.0;
    for (double zk : z) s += std::exp(zk - z(y));
    return (1.0 - std::pow(1.0 / s, q)) / q;
}

}  // namespace

TEST(Gce, KnownValue) {
    // z = (0, ln 3): p = (¼, ¾). With y = 1, q = 0.7: L = (1 − 0.75^0.7)/0.7,
    // gradient 0.75^0.7 · (p − e_1) = 0.75^0.7 · (¼, −¼).
    const auto r = gce(wb::Vec{0.0, std::log(3.0)}, 1, 0.7);
    const double w = std::pow(0.75, 0.7);
    EXPECT_NEAR(r.loss, (1 - w) / 0.7, 1e-15);
    ASSERT_EQ(r.grad.size(), 2u);
    EXPECT_NEAR(r.grad(0), 0.25 * w, 1e-15);
    EXPECT_NEAR(r.grad(1), -0.25 * w, 1e-15);
}

TEST(Gce, GradientMatchesFiniteDifferences) {
    const wb::Vec z{0.4, -1.3, 2.2, 0.0};
    for (double q : {0.3, 0.7, 1.0})
        for (std::size_t y = 0; y < 4; ++y) {
            const auto r = gce(z, y, q);
            EXPECT_NEAR(r.loss, gce_loss(z, y, q), 1e-13);
            for (std::size_t k = 0; k < 4; ++k) {
                const double h = 1e-6;
                wb::Vec zp = z, zm = z;
                zp(k) += h;
                zm(k) -= h;
                EXPECT_NEAR(r.grad(k), (gce_loss(zp, y, q) - gce_loss(zm, y, q)) / (2 * h), 1e-8);
            }
        }
}

TEST(Gce, AtQOneIsOneMinusPy) {
    const wb::Vec z{1.0, 0.0};
    const double py = 1.0 / (1.0 + std::exp(1.0));
    EXPECT_NEAR(gce(z, 1, 1.0).loss, 1.0 - py, 1e-15);
}

TEST(Gce, FiniteForExtremeLogits) {
    // p_y = e^{−2000}: the loss is 1/q and the example gets no weight.
    const auto r = gce(wb::Vec{1000.0, -1000.0}, 1, 0.7);
    EXPECT_NEAR(r.loss, 1 / 0.7, 1e-15);
    EXPECT_EQ(r.grad(0), 0.0);
    EXPECT_EQ(r.grad(1), 0.0);
    // A confidently right example: loss 0, gradient 0, finite.
    const auto s = gce(wb::Vec{1000.0, -1000.0}, 0, 0.7);
    EXPECT_NEAR(s.loss, 0.0, 1e-15);
    EXPECT_TRUE(std::isfinite(s.grad(0)) && std::isfinite(s.grad(1)));
}
