// 13.3: the marginal score of an OU-noised Gaussian mixture.
#include <algorithm>
#include <cmath>
#include <vector>

#include "ou.hpp"
#include "wb/exercise.hpp"

namespace ch13 {

double marginal_score(double xt, const wb::GaussianMixture& p0, const OuKernel& k) {
    // BEGIN SOLUTION 13.3 marginal_score
    // Component j of p_t is N(m mu_j, m² s_j² + v); the score is the
    // responsibility-weighted average of the component scores.
    const std::size_t K = p0.components();
    std::vector<double> logw(K), comp(K);
    double top = -INFINITY;
    for (std::size_t j = 0; j < K; ++j) {
        const double w = p0.weights()(j), mu = p0.means()(j, 0), s2 = p0.variances()(j, 0);
        // MUTANT m_not_squared: const double var = k.m * s2 + k.v;
        const double var = k.m * k.m * s2 + k.v;
        const double r = xt - k.m * mu;
        // MUTANT no_normaliser: logw[j] = std::log(w) - 0.5 * r * r / var;
        logw[j] = std::log(w) - 0.5 * std::log(var) - 0.5 * r * r / var;
        comp[j] = -r / var;
        top = std::max(top, logw[j]);
    }
    double num = 0.0, den = 0.0;
    for (std::size_t j = 0; j < K; ++j) {
        // MUTANT no_log_sum_exp: const double a = std::exp(logw[j]);
        const double a = std::exp(logw[j] - top);  // log-sum-exp: the largest term is 1
        num += a * comp[j];
        den += a;
    }
    return num / den;
    // END SOLUTION
}

}  // namespace ch13
