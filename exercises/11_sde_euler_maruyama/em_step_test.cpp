// Tests of 11.2 em_step.
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "schemes.hpp"
#include "wb/rng.hpp"
#include "wb/stats.hpp"

using ch11::em_step;

TEST(EmStep, KnownValue) {
    // GBM dX = μX dt + sX dW with μ = 0.5, s = 0.8 at x = 1.3, h = 0.01, ΔW = 0.07.
    const double x = 1.3, h = 0.01, dW = 0.07;
    const double got = em_step(x, 0.0, h, dW, [](double y, double) { return 0.5 * y; }, [](double y, double) { return 0.8 * y; });
    EXPECT_DOUBLE_EQ(got, x + h * 0.5 * x + 0.8 * x * dW);
}

TEST(EmStep, AddsGTimesDWToTheEulerStepWithCoefficientsAtTheStart) {
    // f = x t, g = x + t at (x, t) = (2, 1), h = 0.25: Euler part 2 + 0.25·2 = 2.5, noise part 3 ΔW.
    auto f = [](double x, double t) { return x * t; };
    auto g = [](double x, double t) { return x + t; };
    EXPECT_DOUBLE_EQ(em_step(2.0, 1.0, 0.25, 0.0, f, g), 2.5);
    EXPECT_DOUBLE_EQ(em_step(2.0, 1.0, 0.25, -0.4, f, g), 2.5 - 1.2);
}

TEST(EmStep, MeanSquareRecursionOfTheLinearTestEquation) {
    // dX = λX dt + μX dW: X_1 = (1 + hλ + μΔW) X_0 is affine in ΔW, so the two-point rule
    // ΔW = ±√h integrates its square exactly: E X_1² = (|1 + hλ|² + hμ²) X_0².
    for (auto [lambda, mu, h] : {std::tuple{-3.0, std::sqrt(3.0), 0.25}, {-3.0, std::sqrt(3.0), 0.5}, {1.0, 0.5, 0.1}}) {
        auto f = [l = lambda](double x, double) { return l * x; };
        auto g = [m = mu](double x, double) { return m * x; };
        const double x0 = 1.3, r = std::sqrt(h);
        const double up = em_step(x0, 0.0, h, r, f, g), down = em_step(x0, 0.0, h, -r, f, g);
        const double exact = ((1 + h * lambda) * (1 + h * lambda) + h * mu * mu) * x0 * x0;
        EXPECT_NEAR(0.5 * (up * up + down * down), exact, 1e-12 * exact) << "h = " << h;
    }
}

TEST(EmStep, StrongOrderOneHalfOnGeometricBrownianMotion) {
    // GBM with μ = 2, s = 1, X_0 = 1, T = 1 against its exact solution on the same
    // Brownian path: E|X_T − X_T^h| ∝ h^{1/2}. Fixed seed, 4000 paths.
    const double mu = 2.0, s = 1.0, T = 1.0;
    const int fine = 256, paths = 4000;
    const std::vector<int> strides = {2, 4, 8, 16, 32};  // h = T·stride/256
    std::vector<double> hs, err(strides.size(), 0.0);
    for (int st : strides) hs.push_back(T * st / fine);
    auto f = [mu](double x, double) { return mu * x; };
    auto g = [s](double x, double) { return s * x; };
    wb::Rng rng(11);
    std::vector<double> dw(fine);
    for (int p = 0; p < paths; ++p) {
        double W = 0;
        for (auto& v : dw) W += v = std::sqrt(T / fine) * rng.normal();
        const double exact = std::exp((mu - 0.5 * s * s) * T + s * W);
        for (std::size_t l = 0; l < strides.size(); ++l) {
            double x = 1.0;
            for (int k = 0; k < fine; k += strides[l]) {
                double dW = 0;
                for (int j = k; j < k + strides[l]; ++j) dW += dw[j];
                x = em_step(x, k * T / fine, hs[l], dW, f, g);
            }
            err[l] += std::fabs(x - exact) / paths;
        }
    }
    const auto fit = wb::fit_loglog(hs, err);
    EXPECT_NEAR(fit.slope, 0.5, 0.1) << "errors " << err[0] << " ... " << err.back();
}
