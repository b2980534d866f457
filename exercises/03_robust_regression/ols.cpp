// 03.1: ordinary least squares through xtensor-blas.
#include <stdexcept>

#include <xtensor-blas/xlinalg.hpp>

#include "robust.hpp"
#include "wb/exercise.hpp"

namespace ch03 {

OlsFit ols(const wb::Mat& X, const wb::Vec& y) {
    if (X.shape(0) != y.size() || X.shape(0) <= X.shape(1))
        throw std::invalid_argument("ols: need X of shape (n, p) with n > p and y of length n");
    // EXERCISE 03.1 ols: write this part (hint: ./workbook hint 03.1)
    throw wb::NotImplemented("03.1 ols");
}

}  // namespace ch03
