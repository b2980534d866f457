// 10.3: one sweep of annealed Langevin dynamics.
#include <cmath>
#include <stdexcept>

#include "noise_scales.hpp"
#include "wb/exercise.hpp"

namespace ch10 {

void annealed_langevin(wb::Mat& x, const wb::Vec& sigmas, double eps, std::size_t steps, const ScoreAt& score,
                       wb::Rng& rng) {
    // BEGIN SOLUTION 10.3 annealed_langevin
    if (sigmas.size() == 0) throw std::invalid_argument("annealed_langevin: no noise levels");
    const double sigma_L = sigmas(sigmas.size() - 1);
    wb::Mat s = xt::zeros<double>(x.shape()), z = xt::zeros<double>(x.shape());
    for (std::size_t i = 0; i < sigmas.size(); ++i) {
        // The step shrinks with the level, α_i ∝ σ_i², so that α_i·|s| stays of the same order.
        // MUTANT unscaled_step: const double alpha = eps;
        const double alpha = eps * sigmas(i) * sigmas(i) / (sigma_L * sigma_L);
        for (std::size_t k = 0; k < steps; ++k) {
            score(x, sigmas(i), s);
            rng.fill_normal(z, std::sqrt(alpha));
            // MUTANT no_half: x += alpha * s + z;
            // MUTANT noise_alpha: x += 0.5 * alpha * s + std::sqrt(alpha) * z;
            x += 0.5 * alpha * s + z;
        }
    }
    // END SOLUTION
}

}  // namespace ch10
