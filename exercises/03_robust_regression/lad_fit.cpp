// 03.5: least absolute deviations (median regression) by IRLS.
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <xtensor-blas/xlinalg.hpp>

#include "robust.hpp"
#include "wb/exercise.hpp"

namespace ch03 {

RobustFit lad_fit(const wb::Mat& X, const wb::Vec& y, double tol, int max_iter) {
    if (X.shape(0) != y.size() || X.shape(0) <= X.shape(1))
        throw std::invalid_argument("lad_fit: need X of shape (n, p) with n > p and y of length n");
    if (!(tol > 0) || max_iter < 1) throw std::invalid_argument("lad_fit: need tol > 0 and max_iter >= 1");
    // EXERCISE 03.5 lad_fit: write this part (hint: ./workbook hint 03.5)
    throw wb::NotImplemented("03.5 lad_fit");
}

}  // namespace ch03
