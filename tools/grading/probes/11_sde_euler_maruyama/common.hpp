// A random smooth SDE for the chapter 11 probes: each of f, g and ∂g/∂x is
// c(x, t) = a x + b sin(t) + c x² / (1 + x²) with its own random (a, b, c). ∂g/∂x is
// drawn independently of g: the probe compares a submission with the reference on the
// same inputs, so the coefficients need not be consistent, only different.
#pragma once
#include <cmath>

#include "probe.hpp"
#include "schemes.hpp"

namespace ch11probe {
struct Coefficient {
    double a, b, c;
    explicit Coefficient(wb::probe::Probe& p) : a(p.rng().normal()), b(p.rng().normal()), c(p.rng().normal()) {}
    double operator()(double x, double t) const {
        const double sq = std::pow(x, 2);
        return a * x + b * std::sin(t) + c * sq / (1.0 + sq);
    }
};

class RandomSde : public wb::ScalarSde {
public:
    explicit RandomSde(wb::probe::Probe& p) : f_(p), g_(p), gx_(p) {}
    double f(double x, double t) const override { return f_(x, t); }
    double g(double x, double t) const override { return g_(x, t); }
    double g_x(double x, double t) const override { return gx_(x, t); }

private:
    Coefficient f_, g_, gx_;  // drawn in this order
};
// Twenty steps of `scheme(x, t, h, dW, sde)` from random (x, t, h, ΔW) on random SDEs,
// each next state compared with the reference's (the draws in a fixed order).
template <class Scheme>
void probe_one_step(wb::probe::Probe& p, Scheme scheme) {
    for (int i = 0; i < 20; ++i) {
        const RandomSde sde(p);
        const double x = p.rng().normal(0.0, 2.0), t = p.rng().uniform(0.0, 3.0);
        const double h = std::exp(p.rng().uniform(std::log(1e-3), std::log(0.5))), dW = std::sqrt(h) * p.rng().normal();
        p.value("the next state", scheme(x, t, h, dW, sde), 1e-11, 1e-13);
    }
}
}  // namespace ch11probe
