// 11.3: one Milstein step.
#include "schemes.hpp"
#include "wb/exercise.hpp"

namespace ch11 {

double milstein_step(double x, double t, double h, double dW, const wb::ScalarSde& sde) {
    // EXERCISE 11.3 milstein_step: write this part (hint: ./workbook hint 11.3)
    throw wb::NotImplemented("11.3 milstein_step");
}

}  // namespace ch11
