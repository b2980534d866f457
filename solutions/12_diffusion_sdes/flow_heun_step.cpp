// 12.3: one Heun step of the probability-flow ODE.
#include "diffusion_sdes.hpp"
#include "wb/exercise.hpp"

namespace ch12 {

void flow_heun_step(const wb::Sde& forward, const wb::Score& score, wb::Mat& x, double t, double h) {
    // BEGIN SOLUTION 12.3 flow_heun_step
    // Velocity v = f − ½ g² s; Heun: an Euler predictor to t + h, then the average of the
    // velocities at both ends.
    wb::Mat f, g, s;
    auto velocity = [&](const wb::Mat& y, double tt) -> wb::Mat {
        forward.drift(y, tt, f);
        forward.diffusion(y, tt, g);
        score(y, tt, s);
        // MUTANT full_score: return f - g * g * s;
        return f - 0.5 * g * g * s;
    };
    const wb::Mat k1 = velocity(x, t);
    // MUTANT euler_only: const wb::Mat k2 = k1;
    // MUTANT corrector_at_t: const wb::Mat k2 = velocity(x + h * k1, t);
    const wb::Mat k2 = velocity(x + h * k1, t + h);
    x = x + (0.5 * h) * (k1 + k2);
    // END SOLUTION
}

}  // namespace ch12
