// Probe of 06.4 poisson_nb_fit: (w, b) on random Poisson counts.
#include "common.hpp"

WB_PROBE(p) {
    for (int t = 0; t < 5; ++t) {
        const std::size_t n = 30 + p.rng().below(50), d = 1 + p.rng().below(4);
        wb::Mat x = xt::empty<double>({n, d});
        wb::Vec y = xt::empty<double>({n});
        for (std::size_t i = 0; i < n; ++i) {
            const bool one = i < 2 ? i == 1 : p.rng().uniform() < 0.5;
            y(i) = one ? 1.0 : 0.0;
            for (std::size_t j = 0; j < d; ++j)
                x(i, j) = static_cast<double>(p.rng().poisson((one ? 3.0 : 2.0) + static_cast<double>(j))) + (i < 2 ? 1.0 : 0.0);
        }
        const auto m = ch06::poisson_nb_fit(x, y);
        p.values("w", m.w, 1e-9, 1e-12);
        p.value("b", m.b, 1e-9, 1e-12);
    }
}
