// 14.3: one Euler–Maruyama step with state-dependent diffusion.
#include <cmath>

#include "fokker_planck.hpp"
#include "wb/exercise.hpp"

namespace ch14 {

double em_step(const wb::ScalarSde& sde, double x, double t, double h, double dW) {
    // BEGIN SOLUTION 14.3 em_step
    // Itô: both coefficients at the start of the step; the noise scales with g = √D, not D.
    // MUTANT d_not_g: return x + sde.f(x, t) * h + sde.g(x, t) * sde.g(x, t) * dW;
    // MUTANT g_at_end: return x + sde.f(x, t) * h + sde.g(x + sde.f(x, t) * h, t) * dW;
    // MUTANT sqrt_h_twice: return x + sde.f(x, t) * h + sde.g(x, t) * std::sqrt(h) * dW;
    return x + sde.f(x, t) * h + sde.g(x, t) * dW;
    // END SOLUTION
}

}  // namespace ch14
