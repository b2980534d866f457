// Probe of 03.5 lad_fit: the LAD minimum may not be unique, so the judge checks the
// student's β by its objective Σ|r_i| against the reference's, and the scale at β.
#include <cmath>

#include "common.hpp"

WB_PROBE(p) {
    for (std::size_t i = 0; i < 4; ++i) {
        const auto D = ch03probe::random_data(p, 41, 2 + i % 2);
        const auto f = ch03::lad_fit(D.X, D.y);
        const auto beta = p.raw_all(f.beta);
        p.require(beta.size() == D.X.shape(1), "β has the wrong length");
        if (beta.size() != D.X.shape(1)) return;
        auto objective = [&](const wb::Vec& b) {
            double s = 0.0;
            for (std::size_t r = 0; r < D.y.size(); ++r) {
                double fit = 0.0;
                for (std::size_t j = 0; j < b.size(); ++j) fit += D.X(r, j) * b(j);
                s += std::fabs(D.y(r) - fit);
            }
            return s;
        };
        p.require(std::isfinite(objective(beta)) && objective(beta) <= objective(f.beta) * (1.0 + 1e-7) + 1e-9,
                  "β does not minimise Σ|y_i − x_iᵀβ|");
        p.value("converged", f.converged ? 1.0 : 0.0, 0.0, 0.0);
        p.expect("the scale MAD·1.4826 at β", f.scale, ch03::mad_sigma(D.y - xt::linalg::dot(D.X, beta)), 1e-9, 1e-12);
    }
}
