// 11.3: one Milstein step.
#include "schemes.hpp"
#include "wb/exercise.hpp"

namespace ch11 {

double milstein_step(double x, double t, double h, double dW, const Coefficient& f, const Coefficient& g,
                     const Coefficient& gx) {
    // BEGIN SOLUTION 11.3 milstein_step
    // Euler–Maruyama plus the next Itô–Taylor term: g ∂ₓg ∫∫ dW dW = ½ g ∂ₓg (ΔW² − h).
    const double gv = g(x, t);
    // MUTANT no_minus_h: return x + h * f(x, t) + gv * dW + 0.5 * gv * gx(x, t) * dW * dW;
    // MUTANT no_half: return x + h * f(x, t) + gv * dW + gv * gx(x, t) * (dW * dW - h);
    return x + h * f(x, t) + gv * dW + 0.5 * gv * gx(x, t) * (dW * dW - h);
    // END SOLUTION
}

}  // namespace ch11
