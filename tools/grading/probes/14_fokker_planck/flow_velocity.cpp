// Probe of 14.2 flow_velocity at random (x, score) for a state-dependent diffusion.
#include <cmath>

#include "fokker_planck.hpp"
#include "probe.hpp"

WB_PROBE(p) {
    const double c = p.rng().uniform(0.2, 2.0);
    const wb::PointwiseSde sde([](double x, double) { return -x + 0.3 * x * x; }, [c](double x, double) { return std::sqrt(c + x * x); },
                               [c](double x, double) { return x / std::sqrt(c + x * x); });
    for (int i = 0; i < 20; ++i) {
        const double x = p.rng().normal(0.0, 2.0), score = p.rng().normal(0.0, 2.0);
        p.value("velocity", ch14::flow_velocity(sde, x, 0.0, score), 1e-10, 1e-12);
    }
}
