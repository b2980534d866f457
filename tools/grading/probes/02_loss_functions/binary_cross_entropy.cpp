// Probe of 02.1 binary_cross_entropy: random logits of every size, both labels.
#include <cmath>

#include "losses.hpp"
#include "probe.hpp"

WB_PROBE(p) {
    for (int i = 0; i < 30; ++i) {
        const double z = p.rng().normal() * std::exp(p.rng().uniform(-2.0, 6.5));  // |z| up to ~1000
        const int y = static_cast<int>(p.rng().below(2));
        const auto r = ch02::binary_cross_entropy(z, y);
        p.value("loss", r.loss, 1e-9, 1e-300);
        p.value("gradient", r.grad, 1e-9, 1e-300);
    }
}
