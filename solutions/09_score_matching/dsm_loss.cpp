// 09.3 The denoising score matching loss.
#include <stdexcept>
#include <vector>

#include "score_matching.hpp"
#include "wb/exercise.hpp"

namespace ch09 {

xt::xtensor<double, 1> dsm_terms(const TanhScore& s, const xt::xtensor<double, 2>& X, const xt::xtensor<double, 2>& Z,
                                 double sigma) {
    const std::size_t n = X.shape(0), d = X.shape(1);
    if (Z.shape(0) != n || Z.shape(1) != d || s.d != d) throw std::invalid_argument("dsm_terms: shapes differ");
    xt::xtensor<double, 1> out = xt::zeros<double>({n});
    std::vector<double> x_noisy(d), sx(d);
    for (std::size_t r = 0; r < n; ++r) {
        // BEGIN SOLUTION 09.3 dsm_loss
        // The model is evaluated at the noisy point x̃ = x + σz; the target is the
        // score of the noising kernel, −(x̃ − x)/σ² = −z/σ.
        // MUTANT model_at_the_clean_point: for (std::size_t i = 0; i < d; ++i) x_noisy[i] = X(r, i);
        for (std::size_t i = 0; i < d; ++i) x_noisy[i] = X(r, i) + sigma * Z(r, i);
        s(x_noisy.data(), sx.data());
        double e2 = 0.0;
        for (std::size_t i = 0; i < d; ++i) {
            // MUTANT target_sign: const double e = sx[i] - Z(r, i) / sigma;
            // MUTANT target_over_sigma_squared: const double e = sx[i] + Z(r, i) / (sigma * sigma);
            const double e = sx[i] + Z(r, i) / sigma;
            e2 += e * e;
        }
        out(r) = 0.5 * e2;
        // STUB: (void)sigma, (void)x_noisy, (void)sx;
        // STUB: throw wb::NotImplemented("09.3 dsm_loss");
        // END SOLUTION
    }
    return out;
}

double dsm_loss(const TanhScore& s, const xt::xtensor<double, 2>& X, const xt::xtensor<double, 2>& Z, double sigma) {
    double loss = 0.0;
    // BEGIN SOLUTION 09.3 dsm_loss
    const xt::xtensor<double, 1> t = dsm_terms(s, X, Z, sigma);
    for (double e : t) loss += e;
    loss /= static_cast<double>(t.size());
    // STUB: (void)s, (void)X, (void)Z, (void)sigma;
    // STUB: throw wb::NotImplemented("09.3 dsm_loss");
    // END SOLUTION
    return loss;
}

}  // namespace ch09
