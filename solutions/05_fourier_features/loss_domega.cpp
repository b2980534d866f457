// 05.2: the derivative of the squared loss with respect to the frequency.
#include <cmath>

#include "fourier_features.hpp"
#include "wb/exercise.hpp"

namespace ch05 {

double loss_domega(const wb::Vec& x, const wb::Vec& y, double a, double b, double omega) {
    // BEGIN SOLUTION 05.2 loss_domega
    // r_i = y_i − a cos ωx_i − b sin ωx_i and ∂r_i/∂ω = x_i (a sin ωx_i − b cos ωx_i),
    // so ∂ℓ/∂ω = (2/n) Σ r_i ∂r_i/∂ω.
    double g = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double c = std::cos(omega * x(i)), s = std::sin(omega * x(i));
        const double r = y(i) - a * c - b * s;
        // MUTANT drops_x: g += r * (a * s - b * c);
        // MUTANT flipped_inner: g += r * x(i) * (b * c - a * s);
        // MUTANT cos_derivative_sign: g += r * x(i) * (-a * s - b * c);
        g += r * x(i) * (a * s - b * c);
    }
    // MUTANT missing_two: return g / static_cast<double>(x.size());
    return 2.0 * g / static_cast<double>(x.size());
    // END SOLUTION
}

}  // namespace ch05
