// Random smooth coefficients c(x, t) = a x + b sin(t) + c x² / (1 + x²) for the chapter 11 probes.
#pragma once
#include <cmath>

#include "probe.hpp"
#include "schemes.hpp"

namespace ch11probe {
inline ch11::Coefficient random_coefficient(wb::probe::Probe& p) {
    const double a = p.rng().normal(), b = p.rng().normal(), c = p.rng().normal();
    return [=](double x, double t) { return a * x + b * std::sin(t) + c * x * x / (1.0 + x * x); };
}
}  // namespace ch11probe
