// 13.1: the OU perturbation kernel.
#include <cmath>

#include "ou.hpp"
#include "wb/exercise.hpp"

namespace ch13 {

OuKernel ou_kernel(double theta, double sigma, double t) {
    // EXERCISE 13.1 ou_kernel: write this part (hint: ./workbook hint 13.1)
    throw wb::NotImplemented("13.1 ou_kernel");
}

}  // namespace ch13
