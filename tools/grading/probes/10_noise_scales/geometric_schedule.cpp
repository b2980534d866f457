// Probe of 10.1 geometric_schedule: random ends and lengths.
#include <cmath>

#include "noise_scales.hpp"
#include "probe.hpp"

WB_PROBE(p) {
    for (int i = 0; i < 20; ++i) {
        const double sigma_min = std::exp(p.rng().uniform(-5.0, 0.0)), sigma_max = sigma_min * std::exp(p.rng().uniform(0.1, 8.0));
        const std::size_t L = 2 + static_cast<std::size_t>(p.rng().below(30));
        p.values("σ_i", ch10::geometric_schedule(sigma_max, sigma_min, L), 1e-10, 1e-14);
    }
}
