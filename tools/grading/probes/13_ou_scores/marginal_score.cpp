// Probe of 13.3 marginal_score: random mixtures of 1–3 components, random kernels.
#include <vector>

#include "ou.hpp"
#include "probe.hpp"
#include "wb/gauss.hpp"

WB_PROBE(p) {
    for (int i = 0; i < 20; ++i) {
        const std::size_t K = 1 + static_cast<std::size_t>(p.rng().below(3));
        wb::Vec w = wb::Vec::from_shape({K}), mu = wb::Vec::from_shape({K}), s = wb::Vec::from_shape({K});
        double total = 0.0;
        for (std::size_t c = 0; c < K; ++c) {  // component c
            w(c) = p.rng().uniform(0.2, 1.0);
            mu(c) = p.rng().normal(0.0, 2.0);
            s(c) = p.rng().uniform(0.3, 1.5);
            total += w(c);
        }
        w /= total;
        const auto p0 = wb::GaussianMixture::univariate(w, mu, s);
        const ch13::OuKernel k{p.rng().uniform(0.1, 1.0), p.rng().uniform(0.05, 1.5)};
        const double xt = p.rng().normal(0.0, 3.0);
        p.value("marginal score", ch13::marginal_score(xt, p0, k), 1e-8, 1e-10);
    }
}
