// 13.3: the marginal score of an OU-noised Gaussian mixture.
#include <algorithm>
#include <cmath>
#include <vector>

#include "ou.hpp"
#include "wb/exercise.hpp"

namespace ch13 {

double marginal_score(double xt, const Mixture1D& p0, const OuKernel& k) {
    // BEGIN SOLUTION 13.3 marginal_score
    // Component j of p_t is N(m mu_j, m² s_j² + v); the score is the
    // responsibility-weighted average of the component scores.
    const std::size_t K = p0.w.size();
    std::vector<double> logw(K), comp(K);
    double top = -INFINITY;
    for (std::size_t j = 0; j < K; ++j) {
        // MUTANT m_not_squared: const double var = k.m * p0.s[j] * p0.s[j] + k.v;
        const double var = k.m * k.m * p0.s[j] * p0.s[j] + k.v;
        const double r = xt - k.m * p0.mu[j];
        // MUTANT no_normaliser: logw[j] = std::log(p0.w[j]) - 0.5 * r * r / var;
        logw[j] = std::log(p0.w[j]) - 0.5 * std::log(var) - 0.5 * r * r / var;
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
