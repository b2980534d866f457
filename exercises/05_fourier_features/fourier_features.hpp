// Chapter 05 exercise API: Fourier features and learnable periods.
//
//   05.1 fourier_features  the feature map x ↦ (cos ω_k x, sin ω_k x), k = 1..K
//   05.2 loss_domega       ∂ℓ/∂ω for the model a cos ωx + b sin ωx
//   05.3 ridge_fit         ridge regression on a feature bank
#pragma once

#include "wb/types.hpp"

namespace ch05 {

// 05.1 fourier_features: x (n), omega (K angular frequencies, radians per unit of x)
// → Φ (n, 2K) with Φ(i, 2k) = cos(ω_k x_i) and Φ(i, 2k + 1) = sin(ω_k x_i): each
// frequency's cosine and sine side by side, in the order of omega.
wb::Mat fourier_features(const wb::Vec& x, const wb::Vec& omega);

// 05.2 loss_domega: for x, y (n ≥ 1) and the mean squared loss
//   ℓ(a, b, ω) = (1/n) Σ_i (y_i − a cos ωx_i − b sin ωx_i)²,
// its partial derivative ∂ℓ/∂ω at (a, b, ω).
double loss_domega(const wb::Vec& x, const wb::Vec& y, double a, double b, double omega);

// 05.3 ridge_fit: β (p) minimising ‖y − Φβ‖² + λ‖β‖² (sums, not means), for Φ (n, p),
// y (n) and λ ≥ 0; λ = 0 is least squares (then Φ must have full column rank).
wb::Vec ridge_fit(const wb::Mat& phi, const wb::Vec& y, double lambda);

}  // namespace ch05
