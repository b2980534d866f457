// 12.2: one Euler–Maruyama step of the reverse-time SDE.
#include "diffusion_sdes.hpp"
#include "wb/exercise.hpp"

namespace ch12 {

void reverse_sde_step(const wb::Sde& forward, const wb::Score& score, wb::Mat& x, double t, double h,
                      const wb::Mat& dW) {
    // EXERCISE 12.2 reverse_sde_step: write this part (hint: ./workbook hint 12.2)
    throw wb::NotImplemented("12.2 reverse_sde_step");
}

}  // namespace ch12
