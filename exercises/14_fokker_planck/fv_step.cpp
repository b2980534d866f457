// 14.1: one conservative finite-volume step of ∂ₜp = −∂ₓ(b p) + ½ ∂ₓ²(D p).
#include <stdexcept>
#include <vector>

#include "fokker_planck.hpp"
#include "wb/exercise.hpp"

namespace ch14 {

void fv_step(const wb::ScalarSde& sde, const Grid& grid, wb::Vec& p, double t, double dt) {
    if (p.size() != grid.M || grid.M < 2) throw std::invalid_argument("fv_step: p must have the grid's M >= 2 cells");
    // EXERCISE 14.1 fv_step: write this part (hint: ./workbook hint 14.1)
    throw wb::NotImplemented("14.1 fv_step");
}

}  // namespace ch14
