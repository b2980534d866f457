// Probe of 12.4 mixture_score: random diagonal mixtures of 1–3 components in 1–3
// dimensions, random kernels, points near and far from the components.
#include "diffusion_sdes.hpp"
#include "probe.hpp"

WB_PROBE(p) {
    for (int i = 0; i < 15; ++i) {
        const std::size_t K = 1 + static_cast<std::size_t>(p.rng().below(3)), d = 1 + static_cast<std::size_t>(p.rng().below(3));
        wb::Vec w = xt::empty<double>({K});
        wb::Mat mu = xt::empty<double>({K, d}), var = xt::empty<double>({K, d});
        double total = 0.0;
        for (std::size_t j = 0; j < K; ++j) {
            w(j) = p.rng().uniform(0.2, 1.0);
            total += w(j);
            for (std::size_t c = 0; c < d; ++c) {
                mu(j, c) = p.rng().normal(0.0, 2.0);
                var(j, c) = p.rng().uniform(0.05, 2.0);
            }
        }
        w /= total;
        const wb::GaussianMixture p0(w, mu, var);
        const ch12::VpKernel k{p.rng().uniform(0.05, 1.0), p.rng().uniform(0.01, 1.0)};
        const std::size_t n = 3;
        wb::Mat x = xt::empty<double>({n, d}), s;
        for (std::size_t r = 0; r < n; ++r)
            for (std::size_t c = 0; c < d; ++c) x(r, c) = p.rng().normal(0.0, r == 2 ? 30.0 : 2.0);
        ch12::mixture_score(x, p0, k, s);
        p.values("score", s, 1e-8, 1e-10);
    }
}
