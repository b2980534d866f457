// 11.4: one tamed Euler–Maruyama step.
#include <cmath>

#include "schemes.hpp"
#include "wb/exercise.hpp"

namespace ch11 {

double tamed_em_step(double x, double t, double h, double dW, const wb::ScalarSde& sde) {
    // EXERCISE 11.4 tamed_em_step: write this part (hint: ./workbook hint 11.4)
    throw wb::NotImplemented("11.4 tamed_em_step");
}

}  // namespace ch11
