// Small numerical helpers several chapters share: quadrature and grids.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <vector>

#include "wb/types.hpp"

namespace wb {

// Composite Simpson's rule for ∫_a^b f on `intervals` (even) sub-intervals; the
// error is O(h⁴) for smooth f.
template <class F>
double simpson(F f, double a, double b, std::size_t intervals = 4000) {
    if (intervals < 2 || intervals % 2) throw std::invalid_argument("simpson: intervals must be even and >= 2");
    const double h = (b - a) / static_cast<double>(intervals);
    double s = f(a) + f(b);
    for (std::size_t i = 1; i < intervals; ++i) s += (i % 2 ? 4.0 : 2.0) * f(a + h * static_cast<double>(i));
    return s * h / 3.0;
}

// Gauss–Hermite rule for the standard normal: E f(Z) ≈ Σ_i w_i f(z_i), exact for
// polynomials of degree < 2n. Nodes are the roots of the orthonormal Hermite
// polynomial q_n (found by bracketing and bisection, so they are the same on every
// machine); the weights are Christoffel's, w_i = 1/Σ_{j<n} q_j(z_i)². 1 ≤ n ≤ 200.
struct GaussHermite {
    std::vector<double> nodes, weights;
};
const GaussHermite& gauss_hermite(std::size_t n);

// E f(Z), Z ~ N(0, 1), for smooth f (an entire function grows slower than e^{z²/2}):
// with the default 80 nodes, e.g. E e^{sZ} is exact to 1e-15 for |s| ≤ 3.
template <class F>
double gauss_expect(F&& f, std::size_t n = 80) {
    const GaussHermite& q = gauss_hermite(n);
    double s = 0.0;
    for (std::size_t i = 0; i < q.nodes.size(); ++i) s += q.weights[i] * f(q.nodes[i]);
    return s;
}

// n evenly spaced points from a to b inclusive (n >= 2), e.g. the x values of a curve.
inline std::vector<double> linspace(double a, double b, std::size_t n) {
    if (n < 2) throw std::invalid_argument("linspace: need n >= 2");
    std::vector<double> g(n);
    for (std::size_t i = 0; i < n; ++i) g[i] = a + (b - a) * static_cast<double>(i) / static_cast<double>(n - 1);
    g[n - 1] = b;
    return g;
}
// n points from 10^a to 10^b, evenly spaced in the exponent.
std::vector<double> logspace(double a, double b, std::size_t n);
// n points from a to b (both > 0) with a constant ratio, e.g. step sizes h.
std::vector<double> geomspace(double a, double b, std::size_t n);
// The points (x_j, y_i) of a 2-D grid as rows of an (ny·nx, 2) matrix, x varying
// fastest: row i·nx + j is (x[j], y[i]) (the order gnuplot's surfaces read).
Mat grid2d(Values x, Values y);

}  // namespace wb
