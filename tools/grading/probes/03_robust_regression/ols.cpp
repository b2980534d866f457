// Probe of 03.1 ols: coefficients, residuals, σ̂² and the covariance on random data.
#include "common.hpp"

WB_PROBE(p) {
    for (std::size_t i = 0; i < 4; ++i) {
        const auto D = ch03probe::random_data(p, 30 + 5 * i, 2 + i % 3);
        const auto f = ch03::ols(D.X, D.y);
        p.values("β", f.beta, 1e-8, 1e-10);
        p.values("a residual", f.residuals, 1e-8, 1e-10);
        p.value("σ²", f.sigma2, 1e-8);
        p.values("a covariance entry", f.cov, 1e-8, 1e-12);
    }
}
