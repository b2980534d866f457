// Test helper shared by the strong-order tests of 11.2 and 11.3 (not an exercise).
//
// Geometric Brownian motion dX = μX dt + sX dW, X_0 = 1, with μ = 2, s = 1, T = 1, is
// solved by a one-step scheme and compared with its exact solution
// X_T = exp((μ − s²/2)T + sW_T) on the same Brownian path: the fine increments
// (256 per unit time) are summed for the coarser steps h = T·stride/256. Returns
// the fitted log–log slope of E|X_T − X_T^h| over strides 2…32 (fixed seed, 4000
// paths), with the errors for messages.
#pragma once

#include <cmath>
#include <vector>

#include "wb/rng.hpp"
#include "wb/stats.hpp"

namespace ch11::testing {

struct StrongOrder {
    double slope;
    std::vector<double> errors;
};

// `step(x, t, h, dW)` advances one step of the scheme under test on GBM(μ, s).
template <class Step>
StrongOrder gbm_strong_order(Step step, double mu, double s) {
    const double T = 1.0;
    const int fine = 256, paths = 4000;
    const std::vector<int> strides = {2, 4, 8, 16, 32};
    std::vector<double> hs, err(strides.size(), 0.0);
    for (int st : strides) hs.push_back(T * st / fine);
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
                x = step(x, k * T / fine, hs[l], dW);
            }
            err[l] += std::fabs(x - exact) / paths;
        }
    }
    return {wb::fit_loglog(hs, err).slope, err};
}

}  // namespace ch11::testing
