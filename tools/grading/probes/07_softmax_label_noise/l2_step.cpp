// Probe of 07.4 l2_step at random weights, gradients, λ and η.
#include "probe.hpp"
#include "softmax_label_noise.hpp"

WB_PROBE(p) {
    for (int t = 0; t < 10; ++t) {
        const std::size_t d = 1 + p.rng().below(4), K = 2 + p.rng().below(4);
        wb::Mat w = xt::empty<double>({d, K}), g = xt::empty<double>({d, K});
        for (double& v : w) v = p.rng().normal(0.0, 1.0);
        for (double& v : g) v = p.rng().normal(0.0, 1.0);
        const double lambda = p.rng().uniform(0.0, 1.0), eta = p.rng().uniform(0.01, 1.0);
        p.values("W after the step", ch07::l2_step(w, g, lambda, eta), 1e-9, 1e-12);
    }
}
