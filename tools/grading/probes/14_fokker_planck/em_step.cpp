// Probe of 14.3 em_step at random (x, h, dW) for a state-dependent diffusion.
#include <cmath>

#include "fokker_planck.hpp"
#include "probe.hpp"

WB_PROBE(p) {
    const double c = p.rng().uniform(0.2, 2.0);
    const wb::PointwiseSde sde([](double x, double) { return -x; }, [c](double x, double) { return std::sqrt(c + x * x); },
                               [c](double x, double) { return x / std::sqrt(c + x * x); });
    for (int i = 0; i < 20; ++i) {
        const double x = p.rng().normal(0.0, 2.0), h = p.rng().uniform(0.001, 0.1), dW = p.rng().normal(0.0, std::sqrt(h));
        p.value("x_next", ch14::em_step(sde, x, 0.0, h, dW), 1e-10, 1e-13);
    }
}
