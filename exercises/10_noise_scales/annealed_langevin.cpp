// 10.3: one sweep of annealed Langevin dynamics.
#include <cmath>
#include <stdexcept>

#include "noise_scales.hpp"
#include "wb/exercise.hpp"

namespace ch10 {

void annealed_langevin(wb::Mat& x, const wb::Vec& sigmas, double eps, std::size_t steps, const ScoreAt& score,
                       wb::Rng& rng) {
    // EXERCISE 10.3 annealed_langevin: write this part (hint: ./workbook hint 10.3)
    throw wb::NotImplemented("10.3 annealed_langevin");
}

}  // namespace ch10
