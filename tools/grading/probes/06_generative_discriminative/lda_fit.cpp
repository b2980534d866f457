// Probe of 06.1 lda_fit: (w, b) on random overlapping samples.
#include "common.hpp"

WB_PROBE(p) {
    for (int t = 0; t < 5; ++t) {
        wb::Mat x;
        wb::Vec y;
        ch06_probe::labelled(p, 30 + p.rng().below(50), 1 + p.rng().below(3), x, y);
        const auto m = ch06::lda_fit(x, y);
        p.values("w", m.w, 1e-8, 1e-10);
        p.value("b", m.b, 1e-8, 1e-10);
    }
}
