// 04.1: Fourier coefficients by the periodic trapezoid rule.
#include <cmath>
#include <stdexcept>

#include "approximation.hpp"
#include "wb/constants.hpp"
#include "wb/exercise.hpp"

namespace ch04 {

Fourier fourier_coefficients(const std::function<double(double)>& f, std::size_t K, std::size_t n) {
    if (n < 2 * K + 1) throw std::invalid_argument("fourier_coefficients: need n >= 2K + 1 points");
    Fourier c{xt::zeros<double>({K + 1}), xt::zeros<double>({K + 1})};
    // BEGIN SOLUTION 04.1 fourier_coefficients
    // On a periodic grid the trapezoid rule gives every point the weight 2π/n; times 1/π: 2/n.
    // MUTANT both_endpoints: for (std::size_t j = 0; j <= n; ++j) {
    for (std::size_t j = 0; j < n; ++j) {
        const double x = -wb::Pi + 2 * wb::Pi * static_cast<double>(j) / static_cast<double>(n);
        const double fx = f(x);
        for (std::size_t k = 0; k <= K; ++k) {
            c.a(k) += fx * std::cos(static_cast<double>(k) * x);
            c.b(k) += fx * std::sin(static_cast<double>(k) * x);
        }
    }
    // MUTANT weight_one_over_n: const double w = 1.0 / static_cast<double>(n);
    const double w = 2.0 / static_cast<double>(n);
    c.a *= w;
    c.b *= w;
    // MUTANT a0_halved: c.a(0) /= 2;
    c.b(0) = 0.0;
    // END SOLUTION
    return c;
}

}  // namespace ch04
