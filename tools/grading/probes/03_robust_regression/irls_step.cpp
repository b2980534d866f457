// Probe of 03.3 irls_step: from a random β, with the MAD scale and with a given one.
#include "common.hpp"

WB_PROBE(p) {
    for (std::size_t i = 0; i < 4; ++i) {
        const auto D = ch03probe::random_data(p, 40, 2 + i % 2);
        wb::Vec beta = xt::empty<double>({D.X.shape(1)});
        for (auto& b : beta) b = p.rng().normal();
        const double k = p.rng().uniform(1.0, 2.0), scale = i % 2 ? p.rng().uniform(0.5, 2.0) : 0.0;
        const auto s = ch03::irls_step(D.X, D.y, beta, k, scale);
        p.values("β⁺", s.beta, 1e-8, 1e-10);
        p.value("the scale", s.scale, 1e-9);
    }
}
