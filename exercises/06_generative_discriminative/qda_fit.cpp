// 06.2: quadratic discriminant analysis, fitted by maximum likelihood.
#include <cmath>

#include <xtensor-blas/xlinalg.hpp>

#include "generative_discriminative.hpp"
#include "wb/exercise.hpp"

namespace ch06 {

Quadratic qda_fit(const wb::Mat& x, const wb::Vec& y) {
    // EXERCISE 06.2 qda_fit: write this part (hint: ./workbook hint 06.2)
    throw wb::NotImplemented("06.2 qda_fit");
}

}  // namespace ch06
