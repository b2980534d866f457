// 10.1: a geometric schedule of noise levels.
#include <cmath>
#include <stdexcept>

#include "noise_scales.hpp"
#include "wb/exercise.hpp"

namespace ch10 {

wb::Vec geometric_schedule(double sigma_max, double sigma_min, std::size_t L) {
    // BEGIN SOLUTION 10.1 geometric_schedule
    if (L < 2) throw std::invalid_argument("geometric_schedule: need L ≥ 2 levels");
    if (!(sigma_min > 0.0 && sigma_min < sigma_max)) throw std::invalid_argument("geometric_schedule: need 0 < σ_min < σ_max");
    wb::Vec sigma = xt::empty<double>({L});
    // Exponents i/(L − 1) in [0, 1]: the first level is σ_max, the last σ_min, exactly.
    const double log_ratio = std::log(sigma_min / sigma_max);
    for (std::size_t i = 0; i < L; ++i) {
        // MUTANT linear: sigma(i) = sigma_max + (sigma_min - sigma_max) * static_cast<double>(i) / static_cast<double>(L - 1);
        // MUTANT divide_by_l: sigma(i) = sigma_max * std::exp(log_ratio * static_cast<double>(i) / static_cast<double>(L));
        sigma(i) = sigma_max * std::exp(log_ratio * static_cast<double>(i) / static_cast<double>(L - 1));
    }
    sigma(L - 1) = sigma_min;  // no rounding at the end
    return sigma;
    // END SOLUTION
}

}  // namespace ch10
