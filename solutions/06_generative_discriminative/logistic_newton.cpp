// 06.3: logistic regression by Newton's method (iteratively reweighted least squares).
#include <cmath>

#include <xtensor-blas/xlinalg.hpp>

#include "generative_discriminative.hpp"
#include "wb/exercise.hpp"

namespace ch06 {

Linear logistic_newton(const wb::Mat& x, const wb::Vec& y, double lambda) {
    // BEGIN SOLUTION 06.3 logistic_newton
    const std::size_t n = x.shape(0), d = x.shape(1);
    // θ = (w, b) (d + 1); the design row of point i is (x_i, 1).
    wb::Vec theta = xt::zeros<double>({d + 1});
    for (int step = 0; step < 100; ++step) {
        // Gradient of the objective g = Σ (p_i − y_i)(x_i, 1) + λ(w, 0) and Hessian
        // H = Σ p_i(1 − p_i)(x_i, 1)(x_i, 1)ᵀ + λ diag(1, …, 1, 0).
        wb::Vec g = xt::zeros<double>({d + 1});
        wb::Mat H = xt::zeros<double>({d + 1, d + 1});
        for (std::size_t i = 0; i < n; ++i) {
            double eta = theta(d);
            for (std::size_t j = 0; j < d; ++j) eta += theta(j) * x(i, j);
            const double p = 1.0 / (1.0 + std::exp(-eta));
            const double v = p * (1.0 - p);
            for (std::size_t j = 0; j <= d; ++j) {
                const double zj = j < d ? x(i, j) : 1.0;
                // MUTANT residual_sign: g(j) += (y(i) - p) * zj;
                g(j) += (p - y(i)) * zj;
                for (std::size_t k = 0; k <= d; ++k) H(j, k) += v * zj * (k < d ? x(i, k) : 1.0);
            }
        }
        // MUTANT penalise_b: for (std::size_t j = 0; j <= d; ++j) {
        for (std::size_t j = 0; j < d; ++j) {
            // MUTANT penalty_only_in_hessian:
            g(j) += lambda * theta(j);
            H(j, j) += lambda;
        }
        const wb::Vec delta = xt::linalg::solve(H, g);
        theta -= delta;
        // MUTANT one_step: break;
        if (xt::amax(xt::abs(delta))() < 1e-10) break;
    }
    return {xt::view(theta, xt::range(0, d)), theta(d)};
    // END SOLUTION
}

}  // namespace ch06
