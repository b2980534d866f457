// 11.1: one explicit Euler step for an ODE.
#include "schemes.hpp"
#include "wb/exercise.hpp"

namespace ch11 {

double euler_step(double x, double t, double h, const wb::ScalarSde& ode) {
    // EXERCISE 11.1 euler_step: write this part (hint: ./workbook hint 11.1)
    throw wb::NotImplemented("11.1 euler_step");
}

}  // namespace ch11
