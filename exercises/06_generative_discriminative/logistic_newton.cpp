// 06.3: logistic regression by Newton's method (iteratively reweighted least squares).
#include <cmath>

#include <xtensor-blas/xlinalg.hpp>

#include "generative_discriminative.hpp"
#include "wb/exercise.hpp"

namespace ch06 {

Linear logistic_newton(const wb::Mat& x, const wb::Vec& y, double lambda) {
    // EXERCISE 06.3 logistic_newton: write this part (hint: ./workbook hint 06.3)
    throw wb::NotImplemented("06.3 logistic_newton");
}

}  // namespace ch06
