// 10.2: the score of a noised Gaussian mixture.
#include <algorithm>
#include <cmath>
#include <vector>

#include "noise_scales.hpp"
#include "wb/exercise.hpp"

namespace ch10 {

wb::Mat noised_score(const wb::GaussianMixture& p, double sigma, const wb::Mat& x) {
    // BEGIN SOLUTION 10.2 noised_score
    const std::size_t n = x.shape(0), d = x.shape(1), K = p.components();
    // Component k of q_σ is N(μ_k, diag(s²_k + σ²)): adding independent noise adds variances.
    // Flat copies (K·d) of μ and 1/v, and log π_k − ½ Σ_j log(2π v_kj), for the loop below.
    std::vector<double> mu(K * d), prec(K * d), lognorm(K);
    for (std::size_t k = 0; k < K; ++k) {
        double l = std::log(p.weights()(k));
        for (std::size_t j = 0; j < d; ++j) {
            // MUTANT sigma_not_squared: const double v = p.variances()(k, j) + sigma;
            const double v = p.variances()(k, j) + sigma * sigma;
            mu[k * d + j] = p.means()(k, j);
            prec[k * d + j] = 1.0 / v;
            // MUTANT no_log_det:
            l -= 0.5 * std::log(2.0 * M_PI * v);
        }
        lognorm[k] = l;
    }
    wb::Mat out = xt::zeros<double>({n, d});
    std::vector<double> lk(K);
    const double* X = x.data();
    double* S = out.data();
    for (std::size_t i = 0; i < n; ++i, X += d, S += d) {
        // ℓ_k = log(π_k N_k(x)); responsibilities r_k = exp(ℓ_k − max) / Σ exp(ℓ_k − max).
        std::size_t top = 0;
        for (std::size_t k = 0; k < K; ++k) {
            double q = 0.0;
            for (std::size_t j = 0; j < d; ++j) {
                const double r = X[j] - mu[k * d + j];
                q += r * r * prec[k * d + j];
            }
            lk[k] = lognorm[k] - 0.5 * q;
            if (lk[k] > lk[top]) top = k;
        }
        // MUTANT naive_exp: const double m = 0.0;
        const double m = lk[top];
        double total = 0.0;
        for (std::size_t k = 0; k < K; ++k) total += (lk[k] = std::exp(lk[k] - m));
        // ∇log q_σ(x) = Σ_k r_k (μ_k − x)/v_k.
        for (std::size_t k = 0; k < K; ++k) {
            const double r = lk[k] / total;
            for (std::size_t j = 0; j < d; ++j)
                // MUTANT sign_flip: S[j] += r * (X[j] - mu[k * d + j]) * prec[k * d + j];
                S[j] += r * (mu[k * d + j] - X[j]) * prec[k * d + j];
        }
    }
    return out;
    // END SOLUTION
}

}  // namespace ch10
