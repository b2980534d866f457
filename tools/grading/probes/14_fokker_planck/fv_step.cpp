// Probe of 14.1 fv_step: one step from a random positive density on a random grid.
#include <cmath>

#include "fokker_planck.hpp"
#include "probe.hpp"

WB_PROBE(p) {
    const double a = p.rng().uniform(0.5, 2.0), c = p.rng().uniform(0.2, 1.5);
    const wb::PointwiseSde sde([a](double x, double) { return -a * x; }, [c](double x, double) { return std::sqrt(c + x * x); },
                               [c](double x, double) { return x / std::sqrt(c + x * x); });
    const ch14::Grid grid{p.rng().uniform(-4.0, -2.0), p.rng().uniform(0.1, 0.3), 20};
    wb::Vec q = xt::empty<double>({grid.M});
    for (std::size_t i = 0; i < grid.M; ++i) q(i) = p.rng().uniform(0.1, 1.0);
    ch14::fv_step(sde, grid, q, 0.0, 0.2 * grid.h * grid.h / (c + 16.0));
    for (std::size_t i = 0; i < grid.M; ++i) p.value("cell", q(i), 1e-10, 1e-13);
}
