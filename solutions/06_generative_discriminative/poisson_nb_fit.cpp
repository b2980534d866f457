// 06.4: Naive Bayes with Poisson likelihoods.
#include <cmath>

#include "generative_discriminative.hpp"
#include "wb/exercise.hpp"

namespace ch06 {

Linear poisson_nb_fit(const wb::Mat& x, const wb::Vec& y) {
    // BEGIN SOLUTION 06.4 poisson_nb_fit
    const std::size_t n = x.shape(0), d = x.shape(1);
    // Rates λ_{y j}: the class means of each feature.
    double count[2] = {0.0, 0.0};
    wb::Mat rate = xt::zeros<double>({std::size_t{2}, d});
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t c = y(i) > 0.5 ? 1 : 0;
        count[c] += 1.0;
        for (std::size_t j = 0; j < d; ++j) rate(c, j) += x(i, j);
    }
    // log Pois(x; λ) = x log λ − λ − log x!: the log x! cancel between the classes, and what
    // is left is linear in x: w_j = log(λ_{1j}/λ_{0j}), b = Σ_j (λ_{0j} − λ_{1j}) + log(π₁/π₀).
    wb::Vec w = xt::empty<double>({d});
    // MUTANT no_prior: double b = 0.0;
    double b = std::log(count[1] / count[0]);
    for (std::size_t j = 0; j < d; ++j) {
        const double l0 = rate(0, j) / count[0], l1 = rate(1, j) / count[1];
        w(j) = std::log(l1 / l0);
        // MUTANT rate_sign: b += l1 - l0;
        // MUTANT no_rate_term:
        b += l0 - l1;
    }
    return {w, b};
    // END SOLUTION
}

}  // namespace ch06
