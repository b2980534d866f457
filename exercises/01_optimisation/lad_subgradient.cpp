// 01.1: a subgradient of the least-absolute-deviations objective.
#include <stdexcept>

#include "optimisation.hpp"
#include "wb/exercise.hpp"

namespace ch01 {

wb::Vec lad_subgradient(const wb::Mat& A, const wb::Vec& y, const wb::Vec& w) {
    const std::size_t n = A.shape(0), p = A.shape(1);
    if (y.size() != n || w.size() != p || n == 0) throw std::invalid_argument("lad_subgradient: A (n, p), y (n), w (p)");
    // EXERCISE 01.1 lad_subgradient: write this part (hint: ./workbook hint 01.1)
    throw wb::NotImplemented("01.1 lad_subgradient");
}

}  // namespace ch01
