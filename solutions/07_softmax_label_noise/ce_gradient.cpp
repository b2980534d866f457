// 07.2: the gradient of the mean cross-entropy of a linear softmax classifier.
#include <cmath>
#include <vector>

#include "softmax_label_noise.hpp"
#include "wb/exercise.hpp"

namespace ch07 {

wb::Mat ce_gradient(const wb::Mat& x, std::span<const std::size_t> y, const wb::Mat& w) {
    // BEGIN SOLUTION 07.2 ce_gradient
    // ∂(−log p_y)/∂z = p − e_y and z = Wᵀx, so ∂/∂W = x (p − e_y)ᵀ; average over the n rows.
    const std::size_t n = x.shape(0), d = x.shape(1), K = w.shape(1);
    wb::Mat g = xt::zeros<double>({d, K});
    std::vector<double> r(K);  // p − e_y of one example
    for (std::size_t i = 0; i < n; ++i) {
        double c = -INFINITY;
        for (std::size_t k = 0; k < K; ++k) {
            r[k] = 0.0;
            for (std::size_t j = 0; j < d; ++j) r[k] += w(j, k) * x(i, j);
            c = std::fmax(c, r[k]);
        }
        double sum = 0.0;
        for (std::size_t k = 0; k < K; ++k) sum += (r[k] = std::exp(r[k] - c));
        for (std::size_t k = 0; k < K; ++k) r[k] /= sum;
        // MUTANT sign: r[y[i]] += 1.0;
        r[y[i]] -= 1.0;
        for (std::size_t j = 0; j < d; ++j)
            for (std::size_t k = 0; k < K; ++k) g(j, k) += x(i, j) * r[k];
    }
    // MUTANT sum_not_mean: return g;
    return g / static_cast<double>(n);
    // END SOLUTION
}

}  // namespace ch07
