// 13.2: the conditional score of the Gaussian kernel.
#include "ou.hpp"
#include "wb/exercise.hpp"

namespace ch13 {

double conditional_score(double xt, double x0, const OuKernel& k) {
    // EXERCISE 13.2 conditional_score: write this part (hint: ./workbook hint 13.2)
    throw wb::NotImplemented("13.2 conditional_score");
}

}  // namespace ch13
