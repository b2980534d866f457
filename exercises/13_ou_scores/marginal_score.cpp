// 13.3: the marginal score of an OU-noised Gaussian mixture.
#include <algorithm>
#include <cmath>
#include <vector>

#include "ou.hpp"
#include "wb/exercise.hpp"

namespace ch13 {

double marginal_score(double xt, const wb::GaussianMixture& p0, const OuKernel& k) {
    // EXERCISE 13.3 marginal_score: write this part (hint: ./workbook hint 13.3)
    throw wb::NotImplemented("13.3 marginal_score");
}

}  // namespace ch13
