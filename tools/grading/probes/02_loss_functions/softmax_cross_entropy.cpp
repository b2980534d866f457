// Probe of 02.2 softmax_cross_entropy: random logits of 2–8 classes, some of size 1000.
#include <cmath>

#include "losses.hpp"
#include "probe.hpp"

WB_PROBE(p) {
    for (int i = 0; i < 20; ++i) {
        const std::size_t K = 2 + static_cast<std::size_t>(p.rng().below(7));
        const double shift = i % 3 == 0 ? p.rng().uniform(-1000.0, 1000.0) : 0.0;
        wb::Vec z = wb::Vec::from_shape({K});
        for (std::size_t k = 0; k < K; ++k) z(k) = shift + 3.0 * p.rng().normal();
        const std::size_t y = static_cast<std::size_t>(p.rng().below(K));
        const auto r = ch02::softmax_cross_entropy(z, y);
        p.value("loss", r.loss, 1e-9, 1e-12);
        p.values("gradient", r.grad, 1e-9, 1e-12);
    }
}
