// Probe of 10.2 noised_score: random mixtures of 1–4 components in 1–3 dimensions, points
// near and far (up to 40 standard deviations) from the components.
#include <cmath>

#include "noise_scales.hpp"
#include "probe.hpp"

WB_PROBE(p) {
    for (int i = 0; i < 20; ++i) {
        const std::size_t K = 1 + static_cast<std::size_t>(p.rng().below(4)), d = 1 + static_cast<std::size_t>(p.rng().below(3));
        wb::Vec w = xt::empty<double>({K});
        wb::Mat mu = xt::empty<double>({K, d}), var = xt::empty<double>({K, d});
        double total = 0.0;
        for (std::size_t k = 0; k < K; ++k) {
            w(k) = p.rng().uniform(0.1, 1.0);
            total += w(k);
            for (std::size_t j = 0; j < d; ++j) {
                mu(k, j) = p.rng().normal(0.0, 3.0);
                var(k, j) = std::exp(p.rng().uniform(-2.0, 1.0));
            }
        }
        w /= total;
        const wb::GaussianMixture mix(w, mu, var);
        const double sigma = std::exp(p.rng().uniform(-3.0, 2.0));
        wb::Mat x = xt::empty<double>({std::size_t{5}, d});
        for (std::size_t r = 0; r < 5; ++r)
            for (std::size_t j = 0; j < d; ++j) x(r, j) = p.rng().normal(0.0, r < 3 ? 3.0 : 40.0);
        p.values("∇log q_σ", ch10::noised_score(mix, sigma, x), 1e-8, 1e-10);
    }
}
