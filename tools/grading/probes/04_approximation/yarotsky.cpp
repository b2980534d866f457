// Probe of 04.3 yarotsky: the tent on the real line and f_m at random points and depths.
#include "approximation.hpp"
#include "probe.hpp"

WB_PROBE(p) {
    for (int i = 0; i < 20; ++i) p.value("g(x)", ch04::tent(p.rng().uniform(-1.0, 2.0)), 1e-12, 1e-14);
    for (int i = 0; i < 20; ++i) {
        const int m = static_cast<int>(p.rng().below(11));
        p.value("f_m(x)", ch04::yarotsky_square(p.rng().uniform(0.0, 1.0), m), 1e-12, 1e-14);
    }
}
