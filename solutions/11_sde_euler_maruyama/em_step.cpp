// 11.2: one Euler–Maruyama step.
#include <cmath>

#include "schemes.hpp"
#include "wb/exercise.hpp"

namespace ch11 {

double em_step(double x, double t, double h, double dW, const wb::ScalarSde& sde) {
    // BEGIN SOLUTION 11.2 em_step
    // Left-point rule for both integrals: ∫ f ds ≈ f(x, t) h and ∫ g dW ≈ g(x, t) ΔW.
    // MUTANT dw_times_sqrt_h: return x + h * sde.f(x, t) + sde.g(x, t) * std::sqrt(h) * dW;
    // MUTANT g_squared: return x + h * sde.f(x, t) + sde.g(x, t) * sde.g(x, t) * dW;
    return x + h * sde.f(x, t) + sde.g(x, t) * dW;
    // END SOLUTION
}

}  // namespace ch11
