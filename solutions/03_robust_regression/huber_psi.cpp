// 03.2: Huber's ψ function and the IRLS weight.
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "robust.hpp"
#include "wb/exercise.hpp"

namespace ch03 {

double huber_psi(double r, double k) {
    if (!(k > 0)) throw std::invalid_argument("huber_psi: k must be positive");
    // BEGIN SOLUTION 03.2 huber_psi
    // ψ = ρ′: the identity inside [−k, k], clipped outside, so one residual's pull is bounded.
    // MUTANT psi_clipped_above_only: return std::min(r, k);
    // MUTANT psi_sign_lost: return std::fabs(r) <= k ? r : k;
    return std::clamp(r, -k, k);
    // END SOLUTION
}

double huber_weight(double r, double k) {
    if (!(k > 0)) throw std::invalid_argument("huber_weight: k must be positive");
    // BEGIN SOLUTION 03.2 huber_psi
    // w = ψ(r)/r: 1 inside [−k, k] (including r = 0, the limit), k/|r| outside.
    const double a = std::fabs(r);
    // MUTANT weight_of_signed_r: return a <= k ? 1.0 : k / r;
    return a <= k ? 1.0 : k / a;
    // END SOLUTION
}

}  // namespace ch03
