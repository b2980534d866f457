// Probe of 09.3 dsm_loss: the per-sample terms and the loss for a random model.
#include "common.hpp"

WB_PROBE(p) {
    for (std::size_t i = 0; i < 4; ++i) {
        const std::size_t d = 2 + i, n = 25;
        const auto s = ch09::TanhScore::random(d, 4, 0.8, 0.7, p.rng());
        const auto X = ch09probe::normal_matrix(p, n, d, 1.5), Z = ch09probe::normal_matrix(p, n, d);
        const double sigma = p.rng().uniform(0.05, 1.0);
        p.values("DSM terms", ch09::dsm_terms(s, X, Z, sigma), 1e-10, 1e-12);
        p.value("the DSM loss", ch09::dsm_loss(s, X, Z, sigma), 1e-10, 1e-12);
    }
}
