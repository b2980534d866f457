// Probe of 11.4 tamed_em_step: one step from random (x, t, h, ΔW) with random coefficients.
#include "common.hpp"

WB_PROBE(p) {
    ch11probe::probe_one_step(p, [](double x, double t, double h, double dW, const wb::ScalarSde& sde) { return ch11::tamed_em_step(x, t, h, dW, sde); });
}
