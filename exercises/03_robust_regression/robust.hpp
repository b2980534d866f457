// Chapter 03 exercises: least squares, Huber's M-estimator and least absolute
// deviations for the linear model y = Xβ + ε.
//
// Shapes: X is (n, p) with n > p (its first column is usually all ones), y is (n),
// β is (p). Every function marked with an exercise id is one exercise; none calls
// another, so a broken one never blocks the rest. The inline helpers at the end are
// provided (read them, they are part of the chapter).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <vector>

#include <xtensor-blas/xlinalg.hpp>
#include <xtensor/xtensor.hpp>
#include <xtensor/xview.hpp>

#include "wb/constants.hpp"
#include "wb/stats.hpp"
#include "wb/types.hpp"

namespace ch03 {

// Huber's tuning constant: 95% efficiency under Gaussian noise (Huber & Ronchetti 2009).
inline constexpr double HuberK = 1.345;

// Least-squares fit with the quantities inference needs.
struct OlsFit {
    wb::Vec beta;       // (p)    argmin_β ‖y − Xβ‖²
    wb::Vec residuals;  // (n)    y − Xβ̂
    double sigma2;     //        RSS / (n − p), unbiased for Var ε
    wb::Mat cov;        // (p, p) σ̂² (XᵀX)⁻¹, the estimated covariance of β̂
};

// A robust fit found by iteration.
struct RobustFit {
    wb::Vec beta;      // (p)
    double scale;     // ŝ used in the last step (Huber) or MAD·1.4826 of the residuals (LAD)
    int iterations;   // IRLS steps taken
    bool converged;   // max|Δβ| ≤ tol·(1 + max|β|) within max_iter steps
};

// One IRLS step: the new coefficients and the scale the weights used.
struct IrlsStep {
    wb::Vec beta;  // (p)
    double scale;
};

// 03.1 ols: least squares through xtensor-blas (xt::linalg::lstsq), with residuals,
// σ̂² = RSS/(n − p) and the covariance estimate σ̂²(XᵀX)⁻¹.
OlsFit ols(const wb::Mat& X, const wb::Vec& y);

// 03.2 huber_psi: Huber's ψ_k(r) = r for |r| ≤ k, k·sign(r) otherwise (k > 0), and the
// IRLS weight w_k(r) = ψ_k(r)/r, with w_k(0) = 1.
double huber_psi(double r, double k = HuberK);
double huber_weight(double r, double k = HuberK);

// 03.3 irls_step: one IRLS step for Huber's estimator from the coefficients beta:
// residuals r = y − Xβ, the scale ŝ (MAD(r)·MadToSigma when scale == 0, else the
// given scale), weights w_i = w_k(r_i/ŝ), and β⁺ solving XᵀWX β⁺ = XᵀWy.
IrlsStep irls_step(const wb::Mat& X, const wb::Vec& y, const wb::Vec& beta, double k = HuberK, double scale = 0.0);

// 03.4 huber_fit: Huber's M-estimator by IRLS from the least-squares start, re-estimating
// the scale by MAD at every step (scale == 0) or holding it at the given value.
// Stops when max|Δβ| ≤ tol·(1 + max|β|) or after max_iter steps.
RobustFit huber_fit(const wb::Mat& X, const wb::Vec& y, double k = HuberK, double scale = 0.0, double tol = 1e-10,
                    int max_iter = 200);

// 03.5 lad_fit: least absolute deviations, argmin_β Σ|y_i − x_iᵀβ|, by IRLS with weights
// 1/max(|r_i|, δ) from the least-squares start; same stopping rule as huber_fit.
RobustFit lad_fit(const wb::Mat& X, const wb::Vec& y, double tol = 1e-10, int max_iter = 500);

// ---- Provided helpers (not exercises) ----------------------------------------

// The design matrix [1, x] of a straight line: shape (n, 2).
inline wb::Mat line_design(const wb::Vec& x) {
    wb::Mat X = xt::ones<double>({x.size(), std::size_t{2}});
    xt::view(X, xt::all(), 1) = x;
    return X;
}

// Weighted least squares: solves the normal equations XᵀWX β = XᵀWy (W = diag w,
// w ≥ 0) with xt::linalg::solve. X (n, p), y (n), w (n) → β (p).
inline wb::Vec weighted_least_squares(const wb::Mat& X, const wb::Vec& y, const wb::Vec& w) {
    const std::size_t n = X.shape(0), p = X.shape(1);
    if (y.size() != n || w.size() != n) throw std::invalid_argument("weighted_least_squares: shapes differ");
    // Accumulate XᵀWX and XᵀWy in one pass over the rows (p is small; wb::Mat is
    // row-major, so row i starts at X.data() + i·p).
    static_assert(wb::Mat::static_layout == xt::layout_type::row_major);
    wb::Mat A = xt::zeros<double>({p, p});
    wb::Vec b = xt::zeros<double>({p});
    const double* xi = X.data();
    for (std::size_t i = 0; i < n; ++i, xi += p) {
        for (std::size_t j = 0; j < p; ++j) {
            const double wx = w(i) * xi[j];
            b(j) += wx * y(i);
            for (std::size_t l = 0; l <= j; ++l) A(j, l) += wx * xi[l];
        }
    }
    for (std::size_t j = 0; j < p; ++j)
        for (std::size_t l = j + 1; l < p; ++l) A(j, l) = A(l, j);
    return xt::linalg::solve(A, b);
}

// Robust scale: ŝ = MAD(r)·MadToSigma, which estimates σ for Gaussian r and ignores
// up to half of the values being wild (wb::mad selects with std::nth_element, O(n):
// IRLS calls it every step). r (n) → ŝ.
inline double mad_sigma(const wb::Vec& r) { return wb::mad(r) * wb::MadToSigma; }

// Huber's objective Σ ρ_k(r_i/s) with ρ_k(u) = u²/2 for |u| ≤ k, k|u| − k²/2 otherwise.
inline double huber_objective(const wb::Mat& X, const wb::Vec& y, const wb::Vec& beta, double k, double s) {
    double total = 0.0;
    for (std::size_t i = 0; i < X.shape(0); ++i) {
        double fit = 0.0;
        for (std::size_t j = 0; j < X.shape(1); ++j) fit += X(i, j) * beta(j);
        const double u = std::fabs(y(i) - fit) / s;
        total += u <= k ? 0.5 * u * u : k * u - 0.5 * k * k;
    }
    return total;
}

}  // namespace ch03
