// 08.3: the noisy posterior h(η) and its slope.
#include "ranking_label_noise.hpp"
#include "wb/exercise.hpp"

namespace ch08 {

NoisyPosterior noisy_posterior(double eta, FlipRates r) {
    // BEGIN SOLUTION 08.3 noisy_posterior
    // P(ỹ = 1 | x) = P(ỹ = 1 | y = 1, x) η + P(ỹ = 1 | y = 0, x)(1 − η): a positive keeps its
    // label with probability 1 − ρ₁, a negative is flipped up with probability ρ₀.
    // MUTANT rates_swapped: const double value = (1.0 - r.rho0) * eta + r.rho1 * (1.0 - eta);
    const double value = (1.0 - r.rho1) * eta + r.rho0 * (1.0 - eta);
    // The product rule on both terms: h′ = 1 − ρ₀ − ρ₁ + ρ₀′(1 − η) − ρ₁′η.
    // MUTANT constant_rates_slope: const double slope = 1.0 - r.rho0 - r.rho1;
    // MUTANT rho1_term_sign: const double slope = 1.0 - r.rho0 - r.rho1 + r.drho0 * (1.0 - eta) + r.drho1 * eta;
    const double slope = 1.0 - r.rho0 - r.rho1 + r.drho0 * (1.0 - eta) - r.drho1 * eta;
    return {value, slope};
    // END SOLUTION
}

}  // namespace ch08
