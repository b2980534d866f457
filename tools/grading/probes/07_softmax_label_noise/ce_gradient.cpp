// Probe of 07.2 ce_gradient on random inputs, labels and weights.
#include <vector>

#include "probe.hpp"
#include "softmax_label_noise.hpp"

WB_PROBE(p) {
    for (int t = 0; t < 10; ++t) {
        const std::size_t n = 1 + p.rng().below(8), d = 1 + p.rng().below(4), K = 2 + p.rng().below(4);
        wb::Mat x = xt::empty<double>({n, d}), w = xt::empty<double>({d, K});
        for (double& v : x) v = p.rng().normal(0.0, 2.0);
        for (double& v : w) v = p.rng().normal(0.0, t < 7 ? 1.0 : 100.0);
        std::vector<std::size_t> y(n);
        for (auto& yi : y) yi = p.rng().below(K);
        p.values("CE gradient", ch07::ce_gradient(x, y, w), 1e-9, 1e-12);
    }
}
