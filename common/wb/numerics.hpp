// Small numerical helpers several chapters share: quadrature and grids.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <vector>

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

// n evenly spaced points from a to b inclusive (n >= 2), e.g. the x values of a curve.
inline std::vector<double> linspace(double a, double b, std::size_t n) {
    if (n < 2) throw std::invalid_argument("linspace: need n >= 2");
    std::vector<double> g(n);
    for (std::size_t i = 0; i < n; ++i) g[i] = a + (b - a) * static_cast<double>(i) / static_cast<double>(n - 1);
    return g;
}

}  // namespace wb
