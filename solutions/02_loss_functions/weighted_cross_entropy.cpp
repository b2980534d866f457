// 02.4: the class-weighted softmax cross-entropy of a batch.
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "losses.hpp"
#include "wb/exercise.hpp"

namespace ch02 {

BatchLossGrad weighted_cross_entropy(const wb::Mat& Z, const std::vector<std::size_t>& y, const wb::Vec& w) {
    const std::size_t n = Z.shape(0), K = Z.shape(1);
    if (n == 0 || K == 0 || y.size() != n || w.size() != K) throw std::invalid_argument("weighted_cross_entropy: shapes");
    for (std::size_t i = 0; i < n; ++i)
        if (y[i] >= K) throw std::invalid_argument("weighted_cross_entropy: class out of range");
    // BEGIN SOLUTION 02.4 weighted_cross_entropy
    // Row i contributes w_{y_i} (lse_i − Z_{i y_i}); its gradient is w_{y_i} (softmax(Z_i) − e_{y_i}).
    // Both are divided by the batch weight W = Σ_i w_{y_i}.
    double W = 0.0;
    // MUTANT normalised_by_n: W = static_cast<double>(n);
    for (std::size_t i = 0; i < n; ++i) W += w(y[i]);
    double loss = 0.0;
    wb::Mat grad = wb::Mat::from_shape({n, K});
    for (std::size_t i = 0; i < n; ++i) {
        const double* row = &Z(i, 0);  // rows are contiguous (row-major)
        // MUTANT naive_softmax: const double m = 0.0;
        const double m = *std::max_element(row, row + K);
        double sum = 0.0;
        for (std::size_t k = 0; k < K; ++k) sum += std::exp(row[k] - m);
        const double lse = m + std::log(sum);
        const double wi = w(y[i]) / W;
        loss += wi * (lse - row[y[i]]);
        for (std::size_t k = 0; k < K; ++k) {
            const double d = std::exp(row[k] - lse) - (k == y[i] ? 1.0 : 0.0);
            // MUTANT gradient_unweighted: grad(i, k) = d / static_cast<double>(n);
            grad(i, k) = wi * d;
        }
    }
    return {loss, grad};
    // END SOLUTION
}

}  // namespace ch02
