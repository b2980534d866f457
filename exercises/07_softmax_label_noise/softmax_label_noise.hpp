// Chapter 07 exercise API: softmax symmetry, regularisation and label noise.
//
// A linear softmax classifier has weights W (d, K), one column W_k per class; an input
// x (d) gets logits z = Wᵀx (K) and class probabilities p = softmax(z). Every function
// here is one exercise; none calls another, so a broken one never blocks the rest.
//
//   07.1 softmax      stable softmax of a logit vector
//   07.2 ce_gradient  the mean cross-entropy's gradient in W
//   07.3 gce          generalised cross-entropy and its gradient in the logits
//   07.4 l2_step      one gradient step on CE + (λ/2)‖W‖²
#pragma once

#include <cstddef>
#include <span>

#include "wb/types.hpp"

namespace ch07 {

// 07.1 softmax: p_k = e^{z_k} / Σ_j e^{z_j} for logits z (K ≥ 1). Finite and summing to 1
// for any finite z, also when some |z_k| is in the thousands.
wb::Vec softmax(const wb::Vec& z);

// 07.2 ce_gradient: the gradient (d, K) in W of the mean cross-entropy
// L(W) = (1/n) Σ_i −log softmax(Wᵀx_i)_{y_i}, for inputs x (n, d) (row i is x_i),
// labels y (n) with values in 0..K−1 and weights w (d, K). Finite for any finite input.
wb::Mat ce_gradient(const wb::Mat& x, std::span<const std::size_t> y, const wb::Mat& w);

// 07.3 gce: generalised cross-entropy L_q(z, y) = (1 − p_y^q)/q of logits z (K) with
// label y < K and 0 < q ≤ 1 (Zhang & Sabuncu 2018), and its gradient in z (K). Both finite
// for any finite z (p_y may underflow: then the loss is 1/q and the gradient 0).
struct LossGrad {
    double loss;
    wb::Vec grad;
};
LossGrad gce(const wb::Vec& z, std::size_t y, double q);

// 07.4 l2_step: one gradient-descent step W − η ∇R(W) on R(W) = L(W) + (λ/2)‖W‖²_F,
// given W (d, K), the gradient g = ∇L(W) (d, K), λ ≥ 0 and the step size η > 0.
wb::Mat l2_step(const wb::Mat& w, const wb::Mat& g, double lambda, double eta);

}  // namespace ch07
