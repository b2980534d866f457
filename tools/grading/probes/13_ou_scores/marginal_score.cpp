// Probe of 13.3 marginal_score: random mixtures of 1–3 components, random kernels.
#include "ou.hpp"
#include "probe.hpp"

WB_PROBE(p) {
    for (int i = 0; i < 20; ++i) {
        const int K = 1 + static_cast<int>(p.rng().below(3));
        ch13::Mixture1D p0;
        double total = 0.0;
        for (int j = 0; j < K; ++j) {
            p0.w.push_back(p.rng().uniform(0.2, 1.0));
            p0.mu.push_back(p.rng().normal(0.0, 2.0));
            p0.s.push_back(p.rng().uniform(0.3, 1.5));
            total += p0.w.back();
        }
        for (auto& w : p0.w) w /= total;
        const ch13::OuKernel k{p.rng().uniform(0.1, 1.0), p.rng().uniform(0.05, 1.5)};
        const double xt = p.rng().normal(0.0, 3.0);
        p.value("marginal score", ch13::marginal_score(xt, p0, k), 1e-8, 1e-10);
    }
}
