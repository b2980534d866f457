// Probe of 05.3 ridge_fit on random designs and penalties.
#include "fourier_features.hpp"
#include "probe.hpp"

WB_PROBE(p) {
    for (int r = 0; r < 4; ++r) {
        const std::size_t pdim = 1 + p.rng().below(6), n = pdim + 3 + p.rng().below(20);
        wb::Mat phi = xt::empty<double>({n, pdim});
        wb::Vec y = xt::empty<double>({n});
        for (auto& v : phi) v = p.rng().normal();
        for (auto& v : y) v = p.rng().normal();
        const double lambda = r == 0 ? 0.0 : p.rng().uniform(0.01, 10.0);
        const wb::Vec beta = ch05::ridge_fit(phi, y, lambda);
        p.value("size of β", static_cast<double>(beta.size()), 0.0, 0.0);
        if (beta.size() == pdim) p.values("β", beta, 1e-7, 1e-10);
    }
}
