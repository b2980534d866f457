// 11.4: one tamed Euler–Maruyama step.
#include <cmath>

#include "schemes.hpp"
#include "wb/exercise.hpp"

namespace ch11 {

double tamed_em_step(double x, double t, double h, double dW, const wb::ScalarSde& sde) {
    // BEGIN SOLUTION 11.4 tamed_em_step
    // h f / (1 + h|f|) equals h f up to O(h²) where f is moderate, and is below 1 in
    // size however large f grows: one step can no longer overshoot to −h x³.
    const double fv = sde.f(x, t);
    // MUTANT no_abs: return x + h * fv / (1.0 + h * fv) + sde.g(x, t) * dW;
    // MUTANT sqrt_h_taming: return x + h * fv / (1.0 + std::sqrt(h) * std::fabs(fv)) + sde.g(x, t) * dW;
    return x + h * fv / (1.0 + h * std::fabs(fv)) + sde.g(x, t) * dW;
    // END SOLUTION
}

}  // namespace ch11
