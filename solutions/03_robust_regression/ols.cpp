// 03.1: ordinary least squares through xtensor-blas.
#include <stdexcept>

#include <xtensor-blas/xlinalg.hpp>

#include "robust.hpp"
#include "wb/exercise.hpp"

namespace ch03 {

OlsFit ols(const wb::Mat& X, const wb::Vec& y) {
    if (X.shape(0) != y.size() || X.shape(0) <= X.shape(1))
        throw std::invalid_argument("ols: need X of shape (n, p) with n > p and y of length n");
    // BEGIN SOLUTION 03.1 ols
    const std::size_t n = X.shape(0), p = X.shape(1);
    // lstsq (LAPACK gelsd, an SVD) minimises ‖y − Xβ‖² without forming XᵀX, whose
    // condition number is the square of X's.
    OlsFit f;
    f.beta = std::get<0>(xt::linalg::lstsq(X, y));
    // MUTANT residuals_flipped: f.residuals = xt::linalg::dot(X, f.beta) - y;
    f.residuals = y - xt::linalg::dot(X, f.beta);
    // MUTANT df_n_minus_1: f.sigma2 = xt::sum(f.residuals * f.residuals)() / static_cast<double>(n - 1);
    f.sigma2 = xt::sum(f.residuals * f.residuals)() / static_cast<double>(n - p);
    // Cov β̂ = σ²(XᵀX)⁻¹ when Var(ε|X) = σ²I; plug in σ̂².
    const wb::Mat XtX = xt::linalg::dot(xt::transpose(X), X);
    // MUTANT cov_without_sigma2: f.cov = xt::linalg::inv(XtX);
    f.cov = f.sigma2 * xt::linalg::inv(XtX);
    return f;
    // END SOLUTION
}

}  // namespace ch03
