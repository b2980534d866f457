// Probe of 04.2 partial_sum: random coefficients and points.
#include "approximation.hpp"
#include "probe.hpp"

WB_PROBE(p) {
    for (int i = 0; i < 10; ++i) {
        const std::size_t K = static_cast<std::size_t>(p.rng().below(12));
        ch04::Fourier c{xt::zeros<double>({K + 1}), xt::zeros<double>({K + 1})};
        for (std::size_t k = 0; k <= K; ++k) {
            c.a(k) = p.rng().normal();
            c.b(k) = k == 0 ? 0.0 : p.rng().normal();
        }
        wb::Vec x = xt::empty<double>({std::size_t{7}});
        for (auto& v : x) v = p.rng().uniform(-4.0, 4.0);
        p.values("S_K(x)", ch04::partial_sum(c, x), 1e-9, 1e-11);
    }
}
