// 04.2: the truncated Fourier series S_K.
#include <cmath>

#include "approximation.hpp"
#include "wb/exercise.hpp"

namespace ch04 {

wb::Vec partial_sum(const Fourier& c, const wb::Vec& x) {
    wb::Vec s = xt::zeros<double>({x.size()});
    // BEGIN SOLUTION 04.2 partial_sum
    // The constant term is a₀/2: a₀ = (1/π)∫f is twice the mean of f.
    const std::size_t K = c.degree();
    for (std::size_t i = 0; i < x.size(); ++i) {
        // MUTANT a0_not_halved: double v = c.a(0);
        double v = c.a(0) / 2;
        // MUTANT last_term_dropped: for (std::size_t k = 1; k < K; ++k) {
        for (std::size_t k = 1; k <= K; ++k) {
            const double kx = static_cast<double>(k) * x(i);
            // MUTANT sin_cos_swapped: v += c.a(k) * std::sin(kx) + c.b(k) * std::cos(kx);
            v += c.a(k) * std::cos(kx) + c.b(k) * std::sin(kx);
        }
        s(i) = v;
    }
    // END SOLUTION
    return s;
}

}  // namespace ch04
