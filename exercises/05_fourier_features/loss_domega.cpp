// 05.2: the derivative of the squared loss with respect to the frequency.
#include <cmath>

#include "fourier_features.hpp"
#include "wb/exercise.hpp"

namespace ch05 {

double loss_domega(const wb::Vec& x, const wb::Vec& y, double a, double b, double omega) {
    // EXERCISE 05.2 loss_domega: write this part (hint: ./workbook hint 05.2)
    throw wb::NotImplemented("05.2 loss_domega");
}

}  // namespace ch05
