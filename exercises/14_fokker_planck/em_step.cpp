// 14.3: one Euler–Maruyama step with state-dependent diffusion.
#include <cmath>

#include "fokker_planck.hpp"
#include "wb/exercise.hpp"

namespace ch14 {

double em_step(const wb::ScalarSde& sde, double x, double t, double h, double dW) {
    // EXERCISE 14.3 em_step: write this part (hint: ./workbook hint 14.3)
    throw wb::NotImplemented("14.3 em_step");
}

}  // namespace ch14
