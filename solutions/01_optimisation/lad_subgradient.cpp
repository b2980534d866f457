// 01.1: a subgradient of the least-absolute-deviations objective.
#include <stdexcept>

#include "optimisation.hpp"
#include "wb/exercise.hpp"

namespace ch01 {

wb::Vec lad_subgradient(const wb::Mat& A, const wb::Vec& y, const wb::Vec& w) {
    const std::size_t n = A.shape(0), p = A.shape(1);
    if (y.size() != n || w.size() != p || n == 0) throw std::invalid_argument("lad_subgradient: A (n, p), y (n), w (p)");
    // BEGIN SOLUTION 01.1 lad_subgradient
    // ∂|r_i| = {sign(r_i)} for r_i ≠ 0 and [−1, 1] at r_i = 0 (we take 0); the chain rule
    // through r_i = y_i − a_iᵀw contributes −a_i, and f averages over the n rows.
    wb::Vec g = xt::zeros<double>({p});
    for (std::size_t i = 0; i < n; ++i) {
        double r = y(i);
        for (std::size_t j = 0; j < p; ++j) r -= A(i, j) * w(j);
        // MUTANT squared_loss: const double s = 2 * r;
        // MUTANT sign_flipped: const double s = r < 0 ? 1.0 : r > 0 ? -1.0 : 0.0;
        const double s = r > 0 ? 1.0 : r < 0 ? -1.0 : 0.0;
        for (std::size_t j = 0; j < p; ++j) g(j) -= s * A(i, j);
    }
    // MUTANT no_average: return g;
    return g / static_cast<double>(n);
    // END SOLUTION
}

}  // namespace ch01
