// Tests of 12.2 reverse_sde_step.
#include <cmath>

#include <gtest/gtest.h>

#include "diffusion_sdes.hpp"

using ch12::reverse_sde_step;

namespace {
// A score that depends on t, so a step evaluated at the wrong time shows.
const wb::Score Toy = [](const wb::Mat& x, double t, wb::Mat& s) { s = -x / (1.0 + t) + 0.3; };
}  // namespace

TEST(ReverseSdeStep, OneVpStepByHand) {
    const wb::VpSde vp(0.5, 10.0, 1.0);
    const double t = 0.4, h = 0.05, beta = 0.5 + 0.4 * 9.5;
    const wb::Mat x0 = {{1.0, -2.0}, {0.5, 0.25}}, dW = {{0.1, -0.2}, {0.0, 0.3}};
    wb::Mat x = x0;
    reverse_sde_step(vp, Toy, x, t, h, dW);
    for (std::size_t i = 0; i < 2; ++i)
        for (std::size_t c = 0; c < 2; ++c) {
            const double f = -0.5 * beta * x0(i, c), s = -x0(i, c) / 1.4 + 0.3;
            EXPECT_NEAR(x(i, c), x0(i, c) - h * (f - beta * s) + std::sqrt(beta) * dW(i, c), 1e-13)
                << "row " << i << ", coordinate " << c;
        }
}

TEST(ReverseSdeStep, ZeroNoiseWithVeSde) {
    // VE: f = 0, g² = dσ²/dt; with dW = 0 the step is x + h g² s.
    const wb::VeSde ve(0.1, 5.0, 1.0);
    const double t = 0.7, h = 0.02, g2 = ve.g(0.0, t) * ve.g(0.0, t);
    const wb::Mat x0 = {{2.0}, {-1.0}, {0.0}}, dW = xt::zeros<double>({3, 1});
    wb::Mat x = x0;
    reverse_sde_step(ve, Toy, x, t, h, dW);
    for (std::size_t i = 0; i < 3; ++i) EXPECT_NEAR(x(i, 0), x0(i, 0) + h * g2 * (-x0(i, 0) / 1.7 + 0.3), 1e-10) << "row " << i;
}
