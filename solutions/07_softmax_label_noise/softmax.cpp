// 07.1: the stable softmax.
#include <algorithm>
#include <cmath>

#include "softmax_label_noise.hpp"
#include "wb/exercise.hpp"

namespace ch07 {

wb::Vec softmax(const wb::Vec& z) {
    // BEGIN SOLUTION 07.1 softmax
    // softmax(z) = softmax(z − c·1) for every c; c = max_k z_k makes every exponent ≤ 0,
    // so nothing overflows and the largest term is exactly 1 (the sum never underflows).
    // MUTANT naive: const double c = 0.0;
    const double c = *std::max_element(z.begin(), z.end());
    wb::Vec p = xt::empty<double>({z.size()});
    double sum = 0.0;
    for (std::size_t k = 0; k < z.size(); ++k) {
        p(k) = std::exp(z(k) - c);
        sum += p(k);
    }
    // MUTANT unnormalised: ;
    for (double& pk : p) pk /= sum;
    return p;
    // END SOLUTION
}

}  // namespace ch07
