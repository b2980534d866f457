// Probe of 04.4 min_norm_lstsq: random problems below, at and past interpolation.
#include "approximation.hpp"
#include "probe.hpp"

WB_PROBE(p) {
    for (int i = 0; i < 10; ++i) {
        const std::size_t n = 3 + static_cast<std::size_t>(p.rng().below(10));
        const std::size_t N = 1 + static_cast<std::size_t>(p.rng().below(2 * n));
        wb::Mat X = xt::empty<double>({n, N});
        wb::Vec y = xt::empty<double>({n});
        for (auto& v : X) v = p.rng().normal();
        for (auto& v : y) v = p.rng().normal();
        p.values("beta", ch04::min_norm_lstsq(X, y), 1e-7, 1e-9);
    }
}
