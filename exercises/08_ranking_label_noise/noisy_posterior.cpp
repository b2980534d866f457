// 08.3: the noisy posterior h(η) and its slope.
#include "ranking_label_noise.hpp"
#include "wb/exercise.hpp"

namespace ch08 {

NoisyPosterior noisy_posterior(double eta, FlipRates r) {
    // EXERCISE 08.3 noisy_posterior: write this part (hint: ./workbook hint 08.3)
    throw wb::NotImplemented("08.3 noisy_posterior");
}

}  // namespace ch08
