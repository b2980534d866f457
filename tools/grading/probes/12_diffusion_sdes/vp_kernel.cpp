// Probe of 12.1 vp_kernel: m_t and v_t at random (β_min, β_max, T, t), tiny t included.
#include <cmath>

#include "diffusion_sdes.hpp"
#include "probe.hpp"

WB_PROBE(p) {
    for (int i = 0; i < 20; ++i) {
        const double bmin = p.rng().uniform(0.01, 2.0), bmax = bmin + p.rng().uniform(0.0, 30.0);
        const double T = p.rng().uniform(0.5, 3.0);
        const double t = i < 4 ? std::exp(p.rng().uniform(std::log(1e-12), std::log(1e-6))) : p.rng().uniform(0.0, T);
        const auto k = ch12::vp_kernel(bmin, bmax, T, t);
        p.value("m_t", k.m, 1e-9);
        p.value("v_t", k.v, 1e-9, 1e-300);
    }
}
