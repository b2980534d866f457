// Chapter 02's models: a 1-D minimiser, and a linear classifier trained by gradient descent.
#pragma once

#include <functional>

#include "wb/types.hpp"

namespace ch02 {

// argmin of a unimodal f on [a, b] by golden-section search, to |b − a| ≤ tol.
double golden_min(const std::function<double(double)>& f, double a, double b, double tol = 1e-10);

// A linear score z = w·x + b on 2-D points.
struct Linear {
    double w1 = 0, w2 = 0, b = 0;
    double score(double x1, double x2) const { return w1 * x1 + w2 * x2 + b; }
};

// A batch loss of the scores z (n): returns the loss and writes dL/dz_i into dz (n).
using BatchLoss = std::function<double(const wb::Vec& z, wb::Vec& dz)>;

// Fits a Linear model to the points X (n, 2) by gradient descent with momentum on
// loss(X w + b), from the start `init`, for `iters` steps of size lr. Returns the
// fit; *grad_norm (if given) receives the norm of the final gradient in (w1, w2, b).
Linear train_linear(const wb::Mat& X, const BatchLoss& loss, Linear init, std::size_t iters, double lr,
                    double* grad_norm = nullptr);

}  // namespace ch02
