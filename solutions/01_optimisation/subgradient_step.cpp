// 01.2: one step of the subgradient method with the 1/√t schedule.
#include <cmath>
#include <stdexcept>

#include "optimisation.hpp"
#include "wb/exercise.hpp"

namespace ch01 {

wb::Vec subgradient_step(const wb::Vec& w, const wb::Vec& g, std::size_t t, double eta) {
    if (w.size() != g.size() || t == 0) throw std::invalid_argument("subgradient_step: w, g (p), t ≥ 1");
    // BEGIN SOLUTION 01.2 subgradient_step
    // MUTANT one_over_t: const double eta_t = eta / static_cast<double>(t);
    // MUTANT off_by_one: const double eta_t = eta / std::sqrt(static_cast<double>(t + 1));
    const double eta_t = eta / std::sqrt(static_cast<double>(t));
    // Descent: move against the subgradient.
    // MUTANT ascent: return w + eta_t * g;
    return w - eta_t * g;
    // END SOLUTION
}

}  // namespace ch01
