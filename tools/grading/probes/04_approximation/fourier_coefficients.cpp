// Probe of 04.1 fourier_coefficients: random trigonometric-polynomial-plus-smooth targets, random K and n.
#include <cmath>

#include "approximation.hpp"
#include "probe.hpp"

WB_PROBE(p) {
    for (int i = 0; i < 10; ++i) {
        const double c = p.rng().uniform(-2.0, 2.0), s = p.rng().uniform(-2.0, 2.0), q = p.rng().uniform(0.2, 1.5);
        const std::size_t K = 1 + static_cast<std::size_t>(p.rng().below(8));
        const std::size_t n = 2 * K + 1 + static_cast<std::size_t>(p.rng().below(40));
        const auto f = [=](double x) { return c + s * std::sin(2 * x) + std::exp(q * std::cos(x - 0.3)); };
        const auto coef = ch04::fourier_coefficients(f, K, n);
        p.values("a_k", coef.a, 1e-9, 1e-11);
        p.values("b_k", coef.b, 1e-9, 1e-11);
    }
}
