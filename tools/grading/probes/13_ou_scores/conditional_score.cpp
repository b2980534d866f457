// Probe of 13.2 conditional_score at random (x_t, x_0, m, v).
#include "ou.hpp"
#include "probe.hpp"

WB_PROBE(p) {
    for (int i = 0; i < 20; ++i) {
        const ch13::OuKernel k{p.rng().uniform(0.05, 1.0), p.rng().uniform(0.05, 2.0)};
        const double x0 = p.rng().normal(0.0, 2.0), xt = p.rng().normal(0.0, 2.0);
        p.value("conditional score", ch13::conditional_score(xt, x0, k), 1e-10, 1e-12);
    }
}
