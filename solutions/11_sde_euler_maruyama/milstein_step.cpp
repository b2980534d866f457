// 11.3: one Milstein step.
#include "schemes.hpp"
#include "wb/exercise.hpp"

namespace ch11 {

double milstein_step(double x, double t, double h, double dW, const wb::ScalarSde& sde) {
    // BEGIN SOLUTION 11.3 milstein_step
    // Euler–Maruyama plus the next Itô–Taylor term: g ∂ₓg ∫∫ dW dW = ½ g ∂ₓg (ΔW² − h).
    const double gv = sde.g(x, t);
    // MUTANT no_minus_h: return x + h * sde.f(x, t) + gv * dW + 0.5 * gv * sde.g_x(x, t) * dW * dW;
    // MUTANT no_half: return x + h * sde.f(x, t) + gv * dW + gv * sde.g_x(x, t) * (dW * dW - h);
    return x + h * sde.f(x, t) + gv * dW + 0.5 * gv * sde.g_x(x, t) * (dW * dW - h);
    // END SOLUTION
}

}  // namespace ch11
