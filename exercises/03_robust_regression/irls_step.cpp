// 03.3: one iteratively reweighted least-squares step for Huber's estimator.
#include <cmath>
#include <stdexcept>

#include <xtensor-blas/xlinalg.hpp>

#include "robust.hpp"
#include "wb/exercise.hpp"

namespace ch03 {

IrlsStep irls_step(const wb::Mat& X, const wb::Vec& y, const wb::Vec& beta, double k, double scale) {
    if (X.shape(0) != y.size() || X.shape(1) != beta.size())
        throw std::invalid_argument("irls_step: X (n, p), y (n) and beta (p) do not match");
    if (!(k > 0) || !(scale >= 0)) throw std::invalid_argument("irls_step: need k > 0 and scale >= 0");
    // EXERCISE 03.3 irls_step: write this part (hint: ./workbook hint 03.3)
    throw wb::NotImplemented("03.3 irls_step");
}

}  // namespace ch03
