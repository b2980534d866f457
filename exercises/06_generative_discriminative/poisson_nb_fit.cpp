// 06.4: Naive Bayes with Poisson likelihoods.
#include <cmath>

#include "generative_discriminative.hpp"
#include "wb/exercise.hpp"

namespace ch06 {

Linear poisson_nb_fit(const wb::Mat& x, const wb::Vec& y) {
    // EXERCISE 06.4 poisson_nb_fit: write this part (hint: ./workbook hint 06.4)
    throw wb::NotImplemented("06.4 poisson_nb_fit");
}

}  // namespace ch06
