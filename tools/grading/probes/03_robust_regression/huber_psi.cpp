// Probe of 03.2 huber_psi: ψ_k and the weight at random residuals and tuning constants.
#include "common.hpp"

WB_PROBE(p) {
    for (int i = 0; i < 30; ++i) {
        const double k = p.rng().uniform(0.5, 2.5), r = i == 0 ? 0.0 : p.rng().normal(0.0, 3.0);
        p.value("ψ_k(r)", ch03::huber_psi(r, k), 1e-12, 1e-15);
        p.value("w_k(r)", ch03::huber_weight(r, k), 1e-12, 1e-15);
    }
}
