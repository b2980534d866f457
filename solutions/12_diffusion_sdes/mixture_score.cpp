// 12.4: the time-t score of a Gaussian mixture pushed through the VP kernel.
#include <algorithm>
#include <cmath>
#include <vector>

#include "diffusion_sdes.hpp"
#include "wb/exercise.hpp"

namespace ch12 {

void mixture_score(const wb::Mat& x, const wb::GaussianMixture& p0, const VpKernel& k, wb::Mat& out) {
    // BEGIN SOLUTION 12.4 mixture_score
    // Component j of p_t is N(m μ_j, m² Σ_j + v I); the score is the responsibility-weighted
    // average of the component scores −(x − m μ_j)/(m² σ²_jc + v), coordinate by coordinate.
    const std::size_t n = x.shape(0), d = x.shape(1), K = p0.components();
    out.resize({n, d});
    std::vector<double> var(K * d), logc(K), logw(K);
    for (std::size_t j = 0; j < K; ++j) {
        logc[j] = std::log(p0.weights()(j));
        for (std::size_t c = 0; c < d; ++c) {
            // MUTANT m_not_squared: var[j * d + c] = k.m * p0.variances()(j, c) + k.v;
            // MUTANT no_added_noise: var[j * d + c] = k.m * k.m * p0.variances()(j, c);
            var[j * d + c] = k.m * k.m * p0.variances()(j, c) + k.v;
            // MUTANT no_normaliser:
            logc[j] -= 0.5 * std::log(var[j * d + c]);
        }
    }
    for (std::size_t i = 0; i < n; ++i) {
        double top = -INFINITY;
        for (std::size_t j = 0; j < K; ++j) {
            double q = 0.0;
            for (std::size_t c = 0; c < d; ++c) {
                const double r = x(i, c) - k.m * p0.means()(j, c);
                q += r * r / var[j * d + c];
            }
            logw[j] = logc[j] - 0.5 * q;
            top = std::max(top, logw[j]);
        }
        double den = 0.0;
        for (std::size_t c = 0; c < d; ++c) out(i, c) = 0.0;
        for (std::size_t j = 0; j < K; ++j) {
            // MUTANT no_log_sum_exp: const double a = std::exp(logw[j]);
            const double a = std::exp(logw[j] - top);  // log-sum-exp: the largest term is 1
            den += a;
            for (std::size_t c = 0; c < d; ++c)
                out(i, c) += a * -(x(i, c) - k.m * p0.means()(j, c)) / var[j * d + c];
        }
        for (std::size_t c = 0; c < d; ++c) out(i, c) /= den;
    }
    // END SOLUTION
}

}  // namespace ch12
