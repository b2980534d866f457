// 02.3: the focal loss of Lin et al. (2017) on a logit, and its gradient.
#include <cmath>
#include <optional>
#include <stdexcept>

#include "losses.hpp"
#include "wb/exercise.hpp"

namespace ch02 {

LossGrad focal_loss(double z, int y, double gamma, std::optional<double> alpha) {
    if (gamma < 0) throw std::invalid_argument("focal_loss: gamma must be >= 0");
    // BEGIN SOLUTION 02.3 focal_loss
    // Write everything through z_t = ±z (the logit of the true class): p_t = σ(z_t),
    // 1 − p_t = σ(−z_t) (no cancellation when p_t ≈ 1), −log p_t = softplus(−z_t).
    const double sign = y == 1 ? 1.0 : -1.0, zt = sign * z;
    const double e = std::exp(-std::fabs(zt));
    const double pt = zt >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
    // MUTANT naive_one_minus_p: const double q = 1.0 - pt;
    const double q = zt >= 0 ? e / (1.0 + e) : 1.0 / (1.0 + e);
    const double nll = std::fmax(-zt, 0.0) + std::log1p(e);  // softplus(−z_t)
    // MUTANT alpha_for_both_classes: const double at = alpha ? *alpha : 1.0;
    const double at = alpha ? (y == 1 ? *alpha : 1.0 - *alpha) : 1.0;
    const double w = std::pow(q, gamma);
    // dFL/dz_t = −α_t q^γ (γ p_t (−log p_t) + q), using dq/dz_t = −p_t q and d(−log p_t)/dz_t = −q.
    // MUTANT gamma_term_dropped: return {at * w * nll, -sign * at * w * q};
    return {at * w * nll, -sign * at * w * (gamma * pt * nll + q)};
    // END SOLUTION
}

}  // namespace ch02
