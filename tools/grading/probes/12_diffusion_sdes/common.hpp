// Shared inputs of the chapter 12 probes: a random VP SDE, a random batch and a
// random time-dependent affine score s(x, t) = −a x/(1 + t) + b (a > 0).
#pragma once

#include <cmath>

#include "diffusion_sdes.hpp"
#include "probe.hpp"

namespace ch12probe {

struct Case {
    wb::VpSde sde;
    wb::Score score;
    wb::Mat x;  // (n, d)
    double t, h;
};

inline Case random_case(wb::probe::Probe& p) {
    const double bmin = p.rng().uniform(0.05, 1.0), bmax = bmin + p.rng().uniform(1.0, 20.0);
    const double a = p.rng().uniform(0.5, 3.0), b = p.rng().normal(0.0, 0.5);
    const std::size_t n = 1 + static_cast<std::size_t>(p.rng().below(4)), d = 1 + static_cast<std::size_t>(p.rng().below(3));
    wb::Mat x = xt::empty<double>({n, d});
    for (auto& v : x) v = p.rng().normal(0.0, 1.5);
    const double t = p.rng().uniform(0.05, 0.95), h = p.rng().uniform(0.001, 0.04);
    return {wb::VpSde(bmin, bmax, 1.0), [a, b](const wb::Mat& y, double tt, wb::Mat& s) { s = -a * y / (1.0 + tt) + b; },
            std::move(x), t, h};
}

}  // namespace ch12probe
