// Probe of 07.3 gce: loss and gradient at random logits, labels and q.
#include <cmath>

#include "probe.hpp"
#include "softmax_label_noise.hpp"

WB_PROBE(p) {
    for (int i = 0; i < 20; ++i) {
        const std::size_t K = 2 + p.rng().below(5), y = p.rng().below(K);
        const double q = p.rng().uniform(0.05, 1.0);
        wb::Vec z = xt::empty<double>({K});
        for (double& zk : z) zk = p.rng().normal(0.0, i < 15 ? 2.0 : 300.0);
        const auto r = ch07::gce(z, y, q);
        // Subnormal gradients are written as 0 (the report format rejects them).
        p.value("L_q", r.loss, 1e-9, 1e-12);
        for (double g : r.grad) p.value("dL_q/dz", std::abs(g) < 1e-300 ? 0.0 : g, 1e-9, 1e-12);
    }
}
