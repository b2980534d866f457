// Probe of 11.1 euler_step: one step from random (x, t, h, ΔW) with random coefficients.
#include <cmath>

#include "common.hpp"

WB_PROBE(p) {
    for (int i = 0; i < 20; ++i) {
        const ch11probe::RandomSde sde(p);
        const double x = p.rng().normal(0.0, 2.0), t = p.rng().uniform(0.0, 3.0);
        const double h = std::exp(p.rng().uniform(std::log(1e-3), std::log(0.5))), dW = std::sqrt(h) * p.rng().normal();
        (void)dW;  // not every scheme uses it
        p.value("the next state", ch11::euler_step(x, t, h, sde), 1e-11, 1e-13);
    }
}
