// 14.2: the probability-flow velocity, with the ∂ₓD term that state-dependent diffusion needs.
#include "fokker_planck.hpp"
#include "wb/exercise.hpp"

namespace ch14 {

double flow_velocity(const wb::ScalarSde& sde, double x, double t, double score) {
    // EXERCISE 14.2 flow_velocity: write this part (hint: ./workbook hint 14.2)
    throw wb::NotImplemented("14.2 flow_velocity");
}

}  // namespace ch14
