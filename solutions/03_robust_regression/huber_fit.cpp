// 03.4: Huber's M-estimator by IRLS with a MAD scale.
#include <cmath>
#include <stdexcept>

#include <xtensor-blas/xlinalg.hpp>

#include "robust.hpp"
#include "wb/exercise.hpp"

namespace ch03 {

RobustFit huber_fit(const wb::Mat& X, const wb::Vec& y, double k, double scale, double tol, int max_iter) {
    if (X.shape(0) != y.size() || X.shape(0) <= X.shape(1))
        throw std::invalid_argument("huber_fit: need X of shape (n, p) with n > p and y of length n");
    if (!(k > 0) || !(scale >= 0) || !(tol > 0) || max_iter < 1)
        throw std::invalid_argument("huber_fit: need k > 0, scale >= 0, tol > 0, max_iter >= 1");
    // BEGIN SOLUTION 03.4 huber_fit
    const std::size_t n = X.shape(0);
    // Start from least squares (all weights 1); the Huber objective is convex for a
    // fixed scale, so the start only affects how many steps are needed.
    RobustFit f{weighted_least_squares(X, y, xt::ones<double>({n})), scale, 0, false};
    wb::Vec w = xt::empty<double>({n});
    while (f.iterations < max_iter) {
        const wb::Vec r = y - xt::linalg::dot(X, f.beta);
        // MUTANT scale_of_the_start_only: f.scale = scale > 0 ? scale : f.iterations == 0 ? mad_sigma(r) : f.scale;
        f.scale = scale > 0 ? scale : mad_sigma(r);
        if (!(f.scale > 0)) throw std::domain_error("huber_fit: the residual scale is zero");
        for (std::size_t i = 0; i < n; ++i) {
            const double u = std::fabs(r(i)) / f.scale;
            // MUTANT psi_as_weight: w(i) = u <= k ? 1.0 : k;
            w(i) = u <= k ? 1.0 : k / u;
        }
        const wb::Vec next = weighted_least_squares(X, y, w);
        ++f.iterations;
        const double step = xt::amax(xt::abs(next - f.beta))();
        f.beta = next;
        if (step <= tol * (1.0 + xt::amax(xt::abs(next))())) {
            // MUTANT never_converged:
            f.converged = true;
            break;
        }
    }
    return f;
    // END SOLUTION
}

}  // namespace ch03
