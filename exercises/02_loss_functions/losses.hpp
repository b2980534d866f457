// Chapter 02 exercises: cross-entropy losses written to be stable, with their gradients.
//
//   02.1 binary_cross_entropy    −log-likelihood of a Bernoulli label given a logit z
//   02.2 softmax_cross_entropy   −log softmax(z)_y over K classes (log-sum-exp)
//   02.3 focal_loss              Lin et al.'s −α_t (1 − p_t)^γ log p_t on a logit z
//   02.4 weighted_cross_entropy  class-weighted softmax cross-entropy of a batch
//
// Every function takes logits (unbounded real scores), never probabilities, and must stay
// finite and accurate for logits of any size (|z| = 1000 included). None calls another, so
// a broken one never blocks the rest.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "wb/types.hpp"

namespace ch02 {

// A scalar loss and its derivative in the logit z.
struct LossGrad {
    double loss;
    double grad;  // d loss / dz
};

// 02.1 binary_cross_entropy: −[y log σ(z) + (1 − y) log(1 − σ(z))] for a label
// y ∈ {0, 1} and a logit z, with σ(z) = 1/(1 + e^{−z}); grad = σ(z) − y.
LossGrad binary_cross_entropy(double z, int y);

// A loss over K classes and its gradient in the logits.
struct VecLossGrad {
    double loss;
    wb::Vec grad;  // (K): d loss / dz_k
};

// 02.2 softmax_cross_entropy: −log p_y with p = softmax(z), for logits z (K ≥ 1) and a
// class y < K; grad = p − e_y (e_y the one-hot vector of y).
VecLossGrad softmax_cross_entropy(const wb::Vec& z, std::size_t y);

// 02.3 focal_loss: FL = −α_t (1 − p_t)^γ log p_t for a label y ∈ {0, 1} and a logit z,
// where p_t = σ(z) if y = 1 and 1 − σ(z) if y = 0, and γ ≥ 0. With a weight α ∈ [0, 1],
// α_t = α if y = 1 and 1 − α if y = 0 (Lin et al. 2017); with alpha = std::nullopt there is
// no α weighting (α_t ≡ 1). grad = d FL / dz.
LossGrad focal_loss(double z, int y, double gamma, std::optional<double> alpha);

// A batch loss and its gradient in every logit.
struct BatchLossGrad {
    double loss;
    wb::Mat grad;  // (n, K): d loss / dZ_ik
};

// 02.4 weighted_cross_entropy: the class-weighted mean of the softmax cross-entropies of
// the n rows of Z (n, K) with classes y (n), y_i < K, and class weights w (K), w_k > 0:
//   L = Σ_i w_{y_i} (−log softmax(Z_i)_{y_i}) / Σ_i w_{y_i},
// normalised by the total weight of the batch (as PyTorch's mean reduction), so equal
// weights give the plain mean cross-entropy; grad is dL/dZ (n, K).
BatchLossGrad weighted_cross_entropy(const wb::Mat& Z, const std::vector<std::size_t>& y, const wb::Vec& w);

}  // namespace ch02
