// 04.4: the minimum-norm least-squares output layer.
#include <stdexcept>

#include <xtensor-blas/xlinalg.hpp>
#include <xtensor/xview.hpp>

#include "approximation.hpp"
#include "wb/exercise.hpp"

namespace ch04 {

wb::Vec min_norm_lstsq(const wb::Mat& Phi, const wb::Vec& y) {
    if (Phi.shape(0) != y.size()) throw std::invalid_argument("min_norm_lstsq: Phi has n rows, y has n entries");
    // EXERCISE 04.4 min_norm_lstsq: write this part (hint: ./workbook hint 04.4)
    throw wb::NotImplemented("04.4 min_norm_lstsq");
}

}  // namespace ch04
