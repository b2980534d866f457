// Probe of 03.4 huber_fit: the converged fit with the MAD scale and with a fixed one.
#include "common.hpp"

WB_PROBE(p) {
    for (std::size_t i = 0; i < 4; ++i) {
        const auto D = ch03probe::random_data(p, 50, 2 + i % 2);
        const double scale = i % 2 ? p.rng().uniform(0.5, 2.0) : 0.0;
        const auto f = ch03::huber_fit(D.X, D.y, ch03::HuberK, scale);
        p.value("converged", f.converged ? 1.0 : 0.0, 0.0, 0.0);
        p.values("β", f.beta, 1e-6, 1e-8);
        p.value("the scale", f.scale, 1e-6);
    }
}
