// 10.1: a geometric schedule of noise levels.
#include <cmath>
#include <stdexcept>

#include "noise_scales.hpp"
#include "wb/exercise.hpp"

namespace ch10 {

wb::Vec geometric_schedule(double sigma_max, double sigma_min, std::size_t L) {
    // EXERCISE 10.1 geometric_schedule: write this part (hint: ./workbook hint 10.1)
    throw wb::NotImplemented("10.1 geometric_schedule");
}

}  // namespace ch10
