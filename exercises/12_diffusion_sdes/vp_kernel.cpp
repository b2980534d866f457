// 12.1: the VP perturbation kernel.
#include <cmath>

#include "diffusion_sdes.hpp"
#include "wb/exercise.hpp"

namespace ch12 {

VpKernel vp_kernel(double beta_min, double beta_max, double T, double t) {
    // EXERCISE 12.1 vp_kernel: write this part (hint: ./workbook hint 12.1)
    throw wb::NotImplemented("12.1 vp_kernel");
}

}  // namespace ch12
