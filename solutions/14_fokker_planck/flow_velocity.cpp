// 14.2: the probability-flow velocity, with the ∂ₓD term that state-dependent diffusion needs.
#include "fokker_planck.hpp"
#include "wb/exercise.hpp"

namespace ch14 {

double flow_velocity(const wb::ScalarSde& sde, double x, double t, double score) {
    // BEGIN SOLUTION 14.2 flow_velocity
    // ∂ₜp = −∂ₓ(b p) + ½ ∂ₓ²(D p) = −∂ₓ[(b − ½ ∂ₓD − ½ D ∂ₓlog p) p], and ∂ₓD = 2 g ∂ₓg.
    const double g = sde.g(x, t), D = g * g, dD = 2.0 * g * sde.g_x(x, t);
    // MUTANT naive: return sde.f(x, t) - 0.5 * D * score;
    // MUTANT full_dd: return sde.f(x, t) - dD - 0.5 * D * score;
    // MUTANT full_score: return sde.f(x, t) - 0.5 * dD - D * score;
    return sde.f(x, t) - 0.5 * dD - 0.5 * D * score;
    // END SOLUTION
}

}  // namespace ch14
