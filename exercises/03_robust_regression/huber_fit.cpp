// 03.4: Huber's M-estimator by IRLS with a MAD scale.
#include <cmath>
#include <stdexcept>

#include <xtensor-blas/xlinalg.hpp>

#include "robust.hpp"
#include "wb/exercise.hpp"

namespace ch03 {

RobustFit huber_fit(const wb::Mat& X, const wb::Vec& y, double k, double scale, double tol, int max_iter) {
    if (X.shape(0) != y.size() || X.shape(0) <= X.shape(1))
        throw std::invalid_argument("huber_fit: need X of shape (n, p) with n > p and y of length n");
    if (!(k > 0) || !(scale >= 0) || !(tol > 0) || max_iter < 1)
        throw std::invalid_argument("huber_fit: need k > 0, scale >= 0, tol > 0, max_iter >= 1");
    // EXERCISE 03.4 huber_fit: write this part (hint: ./workbook hint 03.4)
    throw wb::NotImplemented("03.4 huber_fit");
}

}  // namespace ch03
