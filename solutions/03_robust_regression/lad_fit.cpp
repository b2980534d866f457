// 03.5: least absolute deviations (median regression) by IRLS.
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <xtensor-blas/xlinalg.hpp>

#include "robust.hpp"
#include "wb/exercise.hpp"

namespace ch03 {

RobustFit lad_fit(const wb::Mat& X, const wb::Vec& y, double tol, int max_iter) {
    if (X.shape(0) != y.size() || X.shape(0) <= X.shape(1))
        throw std::invalid_argument("lad_fit: need X of shape (n, p) with n > p and y of length n");
    if (!(tol > 0) || max_iter < 1) throw std::invalid_argument("lad_fit: need tol > 0 and max_iter >= 1");
    // BEGIN SOLUTION 03.5 lad_fit
    const std::size_t n = X.shape(0);
    RobustFit f{weighted_least_squares(X, y, xt::ones<double>({n})), 0.0, 0, false};
    // |r| = r²/|r|: with w_i = 1/|r_i| at the current β, the weighted squares touch the
    // absolute values there and lie above them elsewhere, so every step lowers Σ|r_i|
    // (a majorise–minimise step). δ, tiny next to the residual scale, keeps the weights
    // finite once residuals reach 0 (the LAD fit interpolates p of the points).
    const double s0 = mad_sigma(y - xt::linalg::dot(X, f.beta));
    const double delta = 1e-6 * (s0 > 0 ? s0 : 1.0);
    wb::Vec w = xt::empty<double>({n});
    while (f.iterations < max_iter) {
        const wb::Vec r = y - xt::linalg::dot(X, f.beta);
        // MUTANT weight_of_signed_r: for (std::size_t i = 0; i < n; ++i) w(i) = 1.0 / std::max(r(i), delta);
        for (std::size_t i = 0; i < n; ++i) w(i) = 1.0 / std::max(std::fabs(r(i)), delta);
        const wb::Vec next = weighted_least_squares(X, y, w);
        ++f.iterations;
        const double step = xt::amax(xt::abs(next - f.beta))();
        f.beta = next;
        if (step <= tol * (1.0 + xt::amax(xt::abs(next))())) {
            f.converged = true;
            break;
        }
    }
    // MUTANT scale_of_the_start: f.scale = s0;
    f.scale = mad_sigma(y - xt::linalg::dot(X, f.beta));
    return f;
    // END SOLUTION
}

}  // namespace ch03
