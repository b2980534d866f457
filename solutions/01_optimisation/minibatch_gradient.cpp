// 01.3: a mini-batch subgradient, the batch drawn without replacement.
#include <numeric>
#include <stdexcept>
#include <utility>
#include <vector>

#include "optimisation.hpp"
#include "wb/exercise.hpp"

namespace ch01 {

wb::Vec minibatch_gradient(const wb::Mat& A, const wb::Vec& y, const wb::Vec& w, std::size_t m, wb::Rng& rng) {
    const std::size_t n = A.shape(0), p = A.shape(1);
    if (y.size() != n || w.size() != p || m == 0 || m > n)
        throw std::invalid_argument("minibatch_gradient: A (n, p), y (n), w (p), 1 ≤ m ≤ n");
    // BEGIN SOLUTION 01.3 minibatch_gradient
    // A partial Fisher–Yates shuffle: step k swaps a uniform pick of the n − k indices
    // not yet taken into place k, so the first m places are a uniform m-subset.
    std::vector<std::size_t> idx(n);
    std::iota(idx.begin(), idx.end(), std::size_t{0});
    wb::Vec g = xt::zeros<double>({p});
    for (std::size_t k = 0; k < m; ++k) {
        // MUTANT never_stays: const std::size_t pick = k + 1 < n ? k + 1 + rng.below(n - k - 1) : k;
        const std::size_t pick = k + rng.below(n - k);
        std::swap(idx[k], idx[pick]);
        // MUTANT with_replacement: const std::size_t i = rng.below(n);
        const std::size_t i = idx[k];
        double r = y(i);
        for (std::size_t j = 0; j < p; ++j) r -= A(i, j) * w(j);
        const double s = r > 0 ? 1.0 : r < 0 ? -1.0 : 0.0;
        for (std::size_t j = 0; j < p; ++j) g(j) -= s * A(i, j);
    }
    // MUTANT divides_by_n: return g / static_cast<double>(n);
    return g / static_cast<double>(m);
    // END SOLUTION
}

}  // namespace ch01
