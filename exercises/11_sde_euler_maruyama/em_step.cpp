// 11.2: one Euler–Maruyama step.
#include <cmath>

#include "schemes.hpp"
#include "wb/exercise.hpp"

namespace ch11 {

double em_step(double x, double t, double h, double dW, const wb::ScalarSde& sde) {
    // EXERCISE 11.2 em_step: write this part (hint: ./workbook hint 11.2)
    throw wb::NotImplemented("11.2 em_step");
}

}  // namespace ch11
