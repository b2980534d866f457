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
    // EXERCISE 01.3 minibatch_gradient: write this part (hint: ./workbook hint 01.3)
    throw wb::NotImplemented("01.3 minibatch_gradient");
}

}  // namespace ch01
