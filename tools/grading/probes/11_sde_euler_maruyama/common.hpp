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
}  // namespace ch11probe
