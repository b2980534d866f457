// 12.2: one Euler–Maruyama step of the reverse-time SDE.
#include "diffusion_sdes.hpp"
#include "wb/exercise.hpp"

namespace ch12 {

void reverse_sde_step(const wb::Sde& forward, const wb::Score& score, wb::Mat& x, double t, double h,
                      const wb::Mat& dW) {
    // BEGIN SOLUTION 12.2 reverse_sde_step
    // Time runs backward: x_{t−h} = x_t − h [f − g² s](x_t, t) + g ΔW̄, every factor at the
    // left end (time t) of the step, as in forward Euler–Maruyama.
    wb::Mat f, g, s;
    forward.drift(x, t, f);
    forward.diffusion(x, t, g);
    score(x, t, s);
    // MUTANT forward_drift_sign: x = x + h * (f - g * g * s) + g * dW;
    // MUTANT g_not_squared: x = x - h * (f - g * s) + g * dW;
    // MUTANT half_score: x = x - h * (f - 0.5 * g * g * s) + g * dW;
    x = x - h * (f - g * g * s) + g * dW;
    // END SOLUTION
}

}  // namespace ch12
