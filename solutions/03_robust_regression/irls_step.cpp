// 03.3: one iteratively reweighted least-squares step for Huber's estimator.
#include <cmath>
#include <stdexcept>

#include <xtensor-blas/xlinalg.hpp>

#include "robust.hpp"
#include "wb/exercise.hpp"

namespace ch03 {

IrlsStep irls_step(const wb::Mat& X, const wb::Vec& y, const wb::Vec& beta, double k, double scale) {
    if (X.shape(0) != y.size() || X.shape(1) != beta.size())
        throw std::invalid_argument("irls_step: X (n, p), y (n) and beta (p) do not match");
    if (!(k > 0) || !(scale >= 0)) throw std::invalid_argument("irls_step: need k > 0 and scale >= 0");
    // BEGIN SOLUTION 03.3 irls_step
    const wb::Vec r = y - xt::linalg::dot(X, beta);
    // MUTANT raw_mad: const double s = scale > 0 ? scale : mad_sigma(r) / wb::MadToSigma;
    const double s = scale > 0 ? scale : mad_sigma(r);
    if (!(s > 0)) throw std::domain_error("irls_step: the residual scale is zero (more than half fit exactly)");
    // w_i = ψ(u_i)/u_i with u_i = r_i/ŝ: the fixed point of β ↦ (XᵀWX)⁻¹XᵀWy solves
    // Σ w_i r_i x_i = ŝ Σ ψ(r_i/ŝ) x_i = 0, Huber's estimating equations.
    wb::Vec w = xt::empty<double>({r.size()});
    for (std::size_t i = 0; i < r.size(); ++i) {
        const double u = std::fabs(r(i)) / s;
        // MUTANT psi_as_weight: w(i) = u <= k ? 1.0 : k;
        w(i) = u <= k ? 1.0 : k / u;
    }
    return {weighted_least_squares(X, y, w), s};
    // END SOLUTION
}

}  // namespace ch03
