// 09.1 Hutchinson's trace estimator with three laws of the slicing direction.
#include <cmath>
#include <span>
#include <stdexcept>

#include "score_matching.hpp"
#include "wb/exercise.hpp"

namespace ch09 {

xt::xtensor<double, 2> slicing_directions(Slice kind, std::size_t m, std::size_t d, wb::Rng& rng) {
    xt::xtensor<double, 2> V = xt::zeros<double>({m, d});
    for (std::size_t r = 0; r < m; ++r) {
        double* v = &V(r, 0);
        // EXERCISE 09.1 hutchinson: write this part (hint: ./workbook hint 09.1)
        (void)kind, (void)rng, (void)v;
        throw wb::NotImplemented("09.1 hutchinson");
    }
    return V;
}

xt::xtensor<double, 1> hutchinson_samples(const xt::xtensor<double, 2>& A, const xt::xtensor<double, 2>& V) {
    const std::size_t m = V.shape(0), d = V.shape(1);
    if (A.shape(0) != d || A.shape(1) != d) throw std::invalid_argument("hutchinson_samples: A must be (d, d)");
    xt::xtensor<double, 1> q = xt::zeros<double>({m});
    // EXERCISE 09.1 hutchinson: write this part (hint: ./workbook hint 09.1)
    throw wb::NotImplemented("09.1 hutchinson");
    return q;
}

}  // namespace ch09
