// Tests of 05.2 loss_domega.
#include <array>
#include <cmath>
#include <complex>

#include <gtest/gtest.h>

#include "fourier_features.hpp"

using ch05::loss_domega;

namespace {
// ℓ(a, b, ω) for the finite differences, with a cos ωx + b sin ωx = Re((a − ib) e^{iωx}).
double loss(const wb::Vec& x, const wb::Vec& y, double a, double b, double w) {
    const std::complex<double> c(a, -b);
    double total = 0;
    for (std::size_t i = 0; i < x.size(); ++i) total += std::norm(y(i) - (c * std::polar(1.0, w * x(i))).real());
    return total / static_cast<double>(x.size());
}
}  // namespace

TEST(LossDomega, HandComputed) {
    // x = 2, y = 1, a = 0, b = 1, ω = 0: r = 1, ∂r/∂ω = 2·(0 − 1) = −2, ∂ℓ/∂ω = 2·1·(−2) = −4.
    EXPECT_NEAR(loss_domega(wb::Vec{2.0}, wb::Vec{1.0}, 0.0, 1.0, 0.0), -4.0, 1e-14);
}

TEST(LossDomega, MatchesFiniteDifferences) {
    wb::Vec x = xt::empty<double>({30}), y = xt::empty<double>({30});
    for (std::size_t i = 0; i < 30; ++i) {
        x(i) = 0.5 + 0.37 * static_cast<double>(i);
        y(i) = std::cos(0.9 * x(i) + 0.4) + 0.3 * std::sin(2.3 * static_cast<double>(i));
    }
    for (const auto& [a, b, w] : {std::array<double, 3>{0.8, -0.3, 0.7}, {-1.2, 0.5, 1.4}, {0.2, 1.1, 0.25}}) {
        const double h = 1e-6;
        const double fd = (loss(x, y, a, b, w + h) - loss(x, y, a, b, w - h)) / (2 * h);
        EXPECT_NEAR(loss_domega(x, y, a, b, w), fd, 1e-6 * (1 + std::abs(fd))) << "a " << a << ", b " << b << ", ω " << w;
    }
}

TEST(LossDomega, ZeroAtAPerfectFit) {
    wb::Vec x = xt::empty<double>({10}), y = xt::empty<double>({10});
    for (std::size_t i = 0; i < 10; ++i) {
        x(i) = static_cast<double>(i);
        y(i) = 0.6 * std::cos(0.8 * x(i)) - 0.9 * std::sin(0.8 * x(i));
    }
    EXPECT_NEAR(loss_domega(x, y, 0.6, -0.9, 0.8), 0.0, 1e-12);
}
