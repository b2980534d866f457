// Probe of 13.4 ct_monte_carlo on given draws with an affine "marginal score".
#include "ou.hpp"
#include "probe.hpp"

WB_PROBE(p) {
    for (int i = 0; i < 5; ++i) {
        const std::size_t n = 20 + p.rng().below(40);
        xt::xtensor<double, 1> x0 = xt::empty<double>({n}), z = xt::empty<double>({n});
        for (std::size_t j = 0; j < n; ++j) {
            x0(j) = p.rng().normal(0.5, 1.5);
            z(j) = p.rng().normal();
        }
        const ch13::OuKernel k{p.rng().uniform(0.1, 1.0), p.rng().uniform(0.1, 2.0)};
        const double a = p.rng().uniform(-2.0, 0.0), b = p.rng().normal();
        const auto e = ch13::ct_monte_carlo(x0, z, k, [&](double x) { return a * x + b; });
        p.value("C_t estimate", e.value, 1e-9);
        p.value("its standard error", e.se, 1e-8);
        p.value("its sample size", static_cast<double>(e.n), 0.0, 0.0);
    }
}
