// Probe of 13.1 ou_kernel: m_t and v_t at random (θ, σ, t).
#include <cmath>

#include "ou.hpp"
#include "probe.hpp"

WB_PROBE(p) {
    for (int i = 0; i < 20; ++i) {
        const double theta = p.rng().uniform(0.1, 3.0), sigma = p.rng().uniform(0.2, 2.0);
        const double t = std::exp(p.rng().uniform(std::log(0.01), std::log(5.0)));
        const auto k = ch13::ou_kernel(theta, sigma, t);
        p.value("m_t", k.m, 1e-9);
        p.value("v_t", k.v, 1e-9);
    }
}
