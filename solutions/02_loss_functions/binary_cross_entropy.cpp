// 02.1: the binary cross-entropy on a logit, stable for every z.
#include <algorithm>
#include <cmath>

#include "losses.hpp"
#include "wb/exercise.hpp"

namespace ch02 {

LossGrad binary_cross_entropy(double z, int y) {
    // BEGIN SOLUTION 02.1 binary_cross_entropy
    // −log σ(z) = softplus(−z) and −log(1 − σ(z)) = softplus(z), so the loss is
    // softplus(z) − y z = max(z, 0) − y z + log1p(e^{−|z|}): no exp overflows, the two
    // large terms cancel exactly (max(z, 0) − y z is 0 or |z|), and log1p keeps the tiny
    // loss of a confident right answer (e^{−40} is not 0).
    // BEGIN MUTANT naive_log_sigmoid
    // const double p = 1.0 / (1.0 + std::exp(-z));
    // return {-(y * std::log(p) + (1 - y) * std::log(1.0 - p)), p - y};
    // END MUTANT
    const double e = std::exp(-std::fabs(z));
    // MUTANT log_not_log1p: const double loss = std::max(z, 0.0) - y * z + std::log(1.0 + e);
    const double loss = std::max(z, 0.0) - y * z + std::log1p(e);
    // σ(z) without overflow: e^{z}/(1 + e^{z}) for z < 0.
    const double p = z >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
    // MUTANT mse_on_sigmoid_gradient: return {loss, (p - y) * p * (1.0 - p)};
    // MUTANT gradient_sign: return {loss, y - p};
    return {loss, p - y};
    // END SOLUTION
}

}  // namespace ch02
