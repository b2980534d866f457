// 06.1: linear discriminant analysis, fitted by maximum likelihood.
#include <cmath>

#include <xtensor-blas/xlinalg.hpp>

#include "generative_discriminative.hpp"
#include "wb/exercise.hpp"

namespace ch06 {

Linear lda_fit(const wb::Mat& x, const wb::Vec& y) {
    // EXERCISE 06.1 lda_fit: write this part (hint: ./workbook hint 06.1)
    throw wb::NotImplemented("06.1 lda_fit");
}

}  // namespace ch06
