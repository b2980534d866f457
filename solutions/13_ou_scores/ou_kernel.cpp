// 13.1: the OU perturbation kernel.
#include <cmath>

#include "ou.hpp"
#include "wb/exercise.hpp"

namespace ch13 {

OuKernel ou_kernel(double theta, double sigma, double t) {
    // BEGIN SOLUTION 13.1 ou_kernel
    // x_t = e^{−θt} x_0 + σ ∫_0^t e^{−θ(t−s)} dW_s; Itô's isometry gives the variance.
    // expm1 keeps v_t accurate when 2θt is tiny (1 − e^{−ε} would cancel).
    const double m = std::exp(-theta * t);
    // MUTANT one_minus_exp: const double v = sigma * sigma * (1.0 - std::exp(-2.0 * theta * t)) / (2.0 * theta);
    // MUTANT rate_theta: const double v = sigma * sigma * -std::expm1(-theta * t) / (2.0 * theta);
    // MUTANT no_two_below: const double v = sigma * sigma * -std::expm1(-2.0 * theta * t) / theta;
    const double v = sigma * sigma * -std::expm1(-2.0 * theta * t) / (2.0 * theta);
    return {m, v};
    // END SOLUTION
}

}  // namespace ch13
