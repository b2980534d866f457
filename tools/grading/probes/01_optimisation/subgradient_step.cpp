// Probe of 01.2 subgradient_step at random (w, g, t, η).
#include "optimisation.hpp"
#include "probe.hpp"

WB_PROBE(p) {
    for (int rep = 0; rep < 20; ++rep) {
        const std::size_t d = 1 + p.rng().below(4), t = 1 + p.rng().below(1000);
        wb::Vec w = xt::empty<double>({d}), g = xt::empty<double>({d});
        for (std::size_t j = 0; j < d; ++j) w(j) = p.rng().normal(), g(j) = p.rng().normal();
        p.values("next iterate", ch01::subgradient_step(w, g, t, p.rng().uniform(0.01, 2.0)), 1e-10, 1e-12);
    }
}
