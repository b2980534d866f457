// Probe of 01.1 lad_subgradient at random smooth points (no residual is 0, so the
// subgradient is the unique gradient and every correct answer gives the same value).
#include "optimisation.hpp"
#include "probe.hpp"

WB_PROBE(p) {
    for (int rep = 0; rep < 10; ++rep) {
        const std::size_t n = 5 + p.rng().below(30);
        wb::Mat A = xt::ones<double>({n, std::size_t{2}});
        wb::Vec y = xt::empty<double>({n});
        for (std::size_t i = 0; i < n; ++i) A(i, 1) = p.rng().normal(), y(i) = p.rng().normal(0.5, 2.0);
        const wb::Vec w = {p.rng().normal(), p.rng().normal()};
        p.values("subgradient", ch01::lad_subgradient(A, y, w), 1e-9, 1e-12);
    }
}
