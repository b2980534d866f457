// Tests of 12.3 flow_heun_step.
#include <cmath>

#include <gtest/gtest.h>

#include "diffusion_sdes.hpp"

using ch12::flow_heun_step;

namespace {
// A score that depends on t, so a corrector evaluated at the wrong time shows.
const wb::Score Toy = [](const wb::Mat& x, double t, wb::Mat& s) { s = -x / (1.0 + t) + 0.3; };
}  // namespace

TEST(FlowHeunStep, OneBackwardVpStepByHand) {
    const wb::VpSde vp(0.5, 10.0, 1.0);
    const double t = 0.6, h = -0.1;
    auto velocity = [&](double x, double tt) {
        const double beta = 0.5 + tt * 9.5;
        return -0.5 * beta * x - 0.5 * beta * (-x / (1.0 + tt) + 0.3);
    };
    const wb::Mat x0 = {{1.0, -2.0}, {0.5, 3.0}};
    wb::Mat x = x0;
    flow_heun_step(vp, Toy, x, t, h);
    for (std::size_t i = 0; i < 2; ++i)
        for (std::size_t c = 0; c < 2; ++c) {
            const double k1 = velocity(x0(i, c), t), k2 = velocity(x0(i, c) + h * k1, t + h);
            EXPECT_NEAR(x(i, c), x0(i, c) + 0.5 * h * (k1 + k2), 1e-13) << "row " << i << ", coordinate " << c;
        }
}

TEST(FlowHeunStep, SecondOrderOnALinearFlow) {
    // OU dx = −θx dt + σ dW with a Gaussian score −x/c: v = (−θ + σ²/(2c)) x = a x, and
    // Heun's step is x (1 + a h + (a h)²/2), the Taylor polynomial of e^{a h} to second order.
    const wb::OrnsteinUhlenbeck ou(1.0, 1.0);
    const double c = 0.25, a = -1.0 + 0.5 / c, h = 0.05;
    const wb::Score gauss = [c](const wb::Mat& x, double, wb::Mat& s) { s = -x / c; };
    wb::Mat x = {{1.0}, {-0.5}};
    flow_heun_step(ou, gauss, x, 0.3, h);
    EXPECT_NEAR(x(0, 0), 1.0 * (1 + a * h + 0.5 * a * a * h * h), 1e-13);
    EXPECT_NEAR(x(1, 0), -0.5 * (1 + a * h + 0.5 * a * a * h * h), 1e-13);
}
