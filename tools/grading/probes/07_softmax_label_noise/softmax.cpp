// Probe of 07.1 softmax at random logits, some of them in the hundreds.
#include <cmath>

#include "probe.hpp"
#include "softmax_label_noise.hpp"

WB_PROBE(p) {
    for (int i = 0; i < 20; ++i) {
        const std::size_t K = 2 + p.rng().below(5);
        const double scale = i < 10 ? 3.0 : 400.0;
        wb::Vec z = xt::empty<double>({K});
        for (double& zk : z) zk = p.rng().normal(0.0, scale);
        // Subnormal probabilities are written as 0 (the report format rejects them).
        for (double pk : ch07::softmax(z)) p.value("softmax", std::abs(pk) < 1e-300 ? 0.0 : pk, 1e-9, 1e-14);
    }
}
