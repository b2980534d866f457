// 13.4: a Monte Carlo estimate of C_t.
#include <cmath>
#include <stdexcept>

#include "ou.hpp"
#include "wb/exercise.hpp"

namespace ch13 {

wb::Estimate ct_monte_carlo(const wb::Vec& x0, const wb::Vec& z, const OuKernel& k,
                            const std::function<double(double)>& marginal_score) {
    if (x0.size() != z.size() || x0.size() < 2) throw std::invalid_argument("ct_monte_carlo: need n >= 2 pairs");
    // EXERCISE 13.4 ct_monte_carlo: write this part (hint: ./workbook hint 13.4)
    throw wb::NotImplemented("13.4 ct_monte_carlo");
}

}  // namespace ch13
