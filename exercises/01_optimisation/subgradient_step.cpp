// 01.2: one step of the subgradient method with the 1/√t schedule.
#include <cmath>
#include <stdexcept>

#include "optimisation.hpp"
#include "wb/exercise.hpp"

namespace ch01 {

wb::Vec subgradient_step(const wb::Vec& w, const wb::Vec& g, std::size_t t, double eta) {
    if (w.size() != g.size() || t == 0) throw std::invalid_argument("subgradient_step: w, g (p), t ≥ 1");
    // EXERCISE 01.2 subgradient_step: write this part (hint: ./workbook hint 01.2)
    throw wb::NotImplemented("01.2 subgradient_step");
}

}  // namespace ch01
