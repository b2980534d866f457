// Probe of 06.2 qda_fit: (A, w, b) on random overlapping samples.
#include "common.hpp"

WB_PROBE(p) {
    for (int t = 0; t < 5; ++t) {
        wb::Mat x;
        wb::Vec y;
        ch06_probe::labelled(p, 40 + p.rng().below(50), 1 + p.rng().below(3), x, y);
        const auto q = ch06::qda_fit(x, y);
        // A symmetric A is the answer; compare its symmetric part.
        for (std::size_t i = 0; i < q.A.shape(0); ++i)
            for (std::size_t j = 0; j < q.A.shape(1); ++j) p.value("A", 0.5 * (q.A(i, j) + q.A(j, i)), 1e-8, 1e-10);
        p.values("w", q.w, 1e-8, 1e-10);
        p.value("b", q.b, 1e-8, 1e-10);
    }
}
