// 05.3: ridge regression on a feature bank.
#include <xtensor-blas/xlinalg.hpp>
#include <xtensor/xbuilder.hpp>

#include "fourier_features.hpp"
#include "wb/exercise.hpp"

namespace ch05 {

wb::Vec ridge_fit(const wb::Mat& phi, const wb::Vec& y, double lambda) {
    // BEGIN SOLUTION 05.3 ridge_fit
    // The normal equations of ‖y − Φβ‖² + λ‖β‖²: (ΦᵀΦ + λI) β = Φᵀy.
    const std::size_t p = phi.shape(1);
    const auto phit = xt::transpose(phi);
    // MUTANT lambda_times_n: wb::Mat A = xt::linalg::dot(phit, phi) + lambda * static_cast<double>(phi.shape(0)) * xt::eye<double>(p);
    // MUTANT no_ridge: wb::Mat A = xt::linalg::dot(phit, phi);
    wb::Mat A = xt::linalg::dot(phit, phi) + lambda * xt::eye<double>(p);
    const wb::Vec rhs = xt::linalg::dot(phit, y);
    return xt::linalg::solve(A, rhs);
    // END SOLUTION
}

}  // namespace ch05
