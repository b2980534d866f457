// Test helper shared by the strong-order tests of 11.2 and 11.3 (not an exercise).
//
// Geometric Brownian motion dX = μX dt + sX dW, X_0 = 1, T = 1 (`wb::GeometricBrownian`),
// is solved by a one-step scheme and compared with its exact solution
// X_T = exp((μ − s²/2)T + sW_T) on the same Brownian path: the fine increments
// (256 per unit time) are summed for the coarser steps h = T·stride/256. Returns
// the fitted log–log slope of E|X_T − X_T^h| over strides 2…32 (fixed seed, 4000
// paths), with the errors for messages.
#pragma once

#include <cmath>
#include <cstddef>
#include <vector>

#include "wb/rng.hpp"
#include "wb/sde.hpp"
#include "wb/stats.hpp"

namespace ch11::testing {

struct StrongOrder {
    double slope;
    std::vector<double> errors;
};

// `scheme(x, t, h, dW, sde)` is the one-step map under test (em_step, milstein_step).
template <class Scheme>
StrongOrder gbm_strong_order(Scheme scheme, double mu, double s) {
    const double T = 1.0;
    const std::size_t fine = 256, paths = 4000;
    const std::vector<std::size_t> strides = {2, 4, 8, 16, 32};
    const wb::GeometricBrownian gbm(mu, s);
    const auto step = [&](double x, double t, double h, double dW) { return scheme(x, t, h, dW, gbm); };
    std::vector<double> hs, err(strides.size(), 0.0);
    for (std::size_t st : strides) hs.push_back(T * static_cast<double>(st) / static_cast<double>(fine));
    wb::Rng rng(11);
    std::vector<double> dw(fine);
    for (std::size_t p = 0; p < paths; ++p) {
        double W = 0;
        for (auto& v : dw) W += v = std::sqrt(T / static_cast<double>(fine)) * rng.normal();
        const double exact = std::exp((mu - 0.5 * s * s) * T + s * W);
        for (std::size_t l = 0; l < strides.size(); ++l) {
            std::vector<double> coarse(fine / strides[l], 0.0);  // the increments over steps of size hs[l]
            for (std::size_t j = 0; j < fine; ++j) coarse[j / strides[l]] += dw[j];
            const double x = wb::scalar_path(step, 1.0, 0.0, hs[l], coarse).back();
            err[l] += std::fabs(x - exact) / static_cast<double>(paths);
        }
    }
    return {wb::fit_loglog(hs, err).slope, err};
}

}  // namespace ch11::testing
