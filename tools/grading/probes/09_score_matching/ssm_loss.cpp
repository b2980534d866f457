// Probe of 09.2 ssm_loss: both per-sample terms and the loss for a random model.
#include "common.hpp"

WB_PROBE(p) {
    for (std::size_t i = 0; i < 4; ++i) {
        const std::size_t d = 2 + i, n = 25;
        const auto s = ch09::TanhScore::random(d, 4, 0.8, 0.7, p.rng());
        const auto X = ch09probe::normal_matrix(p, n, d, 1.5), V = ch09probe::normal_matrix(p, n, d);
        const auto t = ch09::slice_terms(s, X, V);
        p.values("vᵀs", t.proj, 1e-10, 1e-12);
        p.values("vᵀ∇(vᵀs)", t.dir, 1e-10, 1e-12);
        p.value("the SSM loss", ch09::ssm_loss(s, X, V), 1e-10, 1e-12);
    }
}
