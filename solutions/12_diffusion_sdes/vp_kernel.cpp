// 12.1: the VP perturbation kernel.
#include <cmath>

#include "diffusion_sdes.hpp"
#include "wb/exercise.hpp"

namespace ch12 {

VpKernel vp_kernel(double beta_min, double beta_max, double T, double t) {
    // BEGIN SOLUTION 12.1 vp_kernel
    // The drift is linear, so m_t = exp(−½B) with B = ∫_0^t β = β_min t + (β_max − β_min) t²/(2T),
    // and the variance solves dv/dt = β(1 − v), v_0 = 0: v_t = 1 − e^{−B}. expm1 keeps v_t
    // accurate when B is tiny (1 − e^{−B} would cancel).
    // MUTANT no_half_t2: const double B = beta_min * t + (beta_max - beta_min) * t * t / T;
    // MUTANT beta_at_t: const double B = (beta_min + (t / T) * (beta_max - beta_min)) * t;
    const double B = beta_min * t + 0.5 * (beta_max - beta_min) * t * t / T;
    // MUTANT no_half_mean: const double m = std::exp(-B);
    const double m = std::exp(-0.5 * B);
    // MUTANT one_minus_exp: const double v = 1.0 - std::exp(-B);
    const double v = -std::expm1(-B);
    return {m, v};
    // END SOLUTION
}

}  // namespace ch12
