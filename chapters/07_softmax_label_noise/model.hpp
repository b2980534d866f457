// Chapter 07's model: labelled 2-D data, symmetric label noise, full-batch training of a
// linear softmax classifier under CE, MAE and GCE, and the hard-margin multiclass SVM.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "wb/rng.hpp"
#include "wb/types.hpp"

namespace ch07 {

using Labels = std::vector<std::size_t>;

// Inputs x (n, d) and labels y (n) in 0..K−1.
struct Labeled {
    wb::Mat x;
    Labels y;
};

// K = 3 classes with unit-variance Gaussian noise around the directions u_k = (cos 2πk/3,
// sin 2πk/3): x = r u_y + ε, r = far with probability far_fraction, else 1. Rows are
// (x₁, x₂, 1): the constant feature carries the biases. Labels uniform on 0..2.
Labeled triangle_classes(wb::Rng& rng, std::size_t n, double far, double far_fraction);

// Symmetric label noise on labels y (n) in 0..K−1: example i keeps its label unless
// u[i] < rho, and is then given the class y_i + 1 + ⌊v[i]·(K − 1)⌋ mod K, one of the other
// K − 1 uniformly. With the same uniforms u, v (n each) the mislabelled sets are nested in rho.
Labels symmetric_noise(const Labels& y, std::size_t K, double rho, std::span<const double> u,
                       std::span<const double> v);

// The losses of §5, each a weight on CE's logit gradient p − e_y: CE 1, MAE 2p_y, GCE p_y^q.
enum class Loss { CE, MAE, GCE };

// `steps` full-batch gradient steps of size eta on the mean loss from W = 0, for data with
// d = 3 columns and labels in 0..2; returns W (3, 3). `q` is used by GCE only.
wb::Mat train(const Labeled& data, const Labels& y, Loss loss, double q, double eta, std::size_t steps);

// The fraction of rows of data whose largest logit is their label's (ties count as errors).
double accuracy(const wb::Mat& w, const Labeled& data);

// p_y^q for every example under weights w: the GCE weight of each example (n).
wb::Vec gce_weights(const wb::Mat& w, const Labeled& data, const Labels& y, double q);

// The hard-margin multiclass SVM without biases, min ½‖W‖²_F subject to
// (W_{y_i} − W_k)ᵀx_i ≥ 1 for all i and k ≠ y_i, by coordinate ascent on its dual
// (one multiplier α_ik ≥ 0 per constraint). Returns W (d, K) and the dual value Σα − ½‖W‖².
struct HardMargin {
    wb::Mat w;
    double dual;
};
HardMargin hard_margin(const wb::Mat& x, const Labels& y, std::size_t K, std::size_t sweeps);

// The smallest margin min_i min_{k≠y_i} (W_{y_i} − W_k)ᵀx_i.
double min_margin(const wb::Mat& w, const wb::Mat& x, const Labels& y);

}  // namespace ch07
