// Probe of 05.2 loss_domega at random data and parameters.
#include "fourier_features.hpp"
#include "probe.hpp"

WB_PROBE(p) {
    for (int r = 0; r < 10; ++r) {
        const std::size_t n = 2 + p.rng().below(40);
        wb::Vec x = xt::empty<double>({n}), y = xt::empty<double>({n});
        for (std::size_t i = 0; i < n; ++i) {
            x(i) = p.rng().uniform(0.0, 30.0);
            y(i) = p.rng().normal(0.0, 1.5);
        }
        const double a = p.rng().normal(), b = p.rng().normal(), w = p.rng().uniform(0.05, 2.0);
        p.value("∂ℓ/∂ω", ch05::loss_domega(x, y, a, b, w), 1e-9, 1e-12);
    }
}
