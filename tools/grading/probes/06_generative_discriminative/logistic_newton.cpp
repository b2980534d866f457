// Probe of 06.3 logistic_newton: the minimiser (unique: the objective is strictly convex
// on overlapping data, and for λ > 0).
#include "common.hpp"

WB_PROBE(p) {
    for (int t = 0; t < 5; ++t) {
        wb::Mat x;
        wb::Vec y;
        ch06_probe::labelled(p, 60 + p.rng().below(60), 1 + p.rng().below(3), x, y);
        const double lambda = t % 2 ? p.rng().uniform(0.1, 3.0) : 0.0;
        const auto m = ch06::logistic_newton(x, y, lambda);
        p.values("w", m.w, 1e-6, 1e-8);
        p.value("b", m.b, 1e-6, 1e-8);
    }
}
