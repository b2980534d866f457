// 12.3: one Heun step of the probability-flow ODE.
#include "diffusion_sdes.hpp"
#include "wb/exercise.hpp"

namespace ch12 {

void flow_heun_step(const wb::Sde& forward, const wb::Score& score, wb::Mat& x, double t, double h) {
    // EXERCISE 12.3 flow_heun_step: write this part (hint: ./workbook hint 12.3)
    throw wb::NotImplemented("12.3 flow_heun_step");
}

}  // namespace ch12
