// 06.2: quadratic discriminant analysis, fitted by maximum likelihood.
#include <cmath>

#include <xtensor-blas/xlinalg.hpp>

#include "generative_discriminative.hpp"
#include "wb/exercise.hpp"

namespace ch06 {

Quadratic qda_fit(const wb::Mat& x, const wb::Vec& y) {
    // BEGIN SOLUTION 06.2 qda_fit
    const std::size_t n = x.shape(0), d = x.shape(1);
    // Per class c: count, mean (d) and MLE covariance (d, d).
    double count[2] = {0.0, 0.0};
    wb::Mat mu = xt::zeros<double>({std::size_t{2}, d});
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t c = y(i) > 0.5 ? 1 : 0;
        count[c] += 1.0;
        for (std::size_t j = 0; j < d; ++j) mu(c, j) += x(i, j);
    }
    for (std::size_t c = 0; c < 2; ++c)
        for (std::size_t j = 0; j < d; ++j) mu(c, j) /= count[c];
    wb::Mat cov[2] = {xt::zeros<double>({d, d}), xt::zeros<double>({d, d})};
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t c = y(i) > 0.5 ? 1 : 0;
        for (std::size_t j = 0; j < d; ++j)
            for (std::size_t k = 0; k < d; ++k) cov[c](j, k) += (x(i, j) - mu(c, j)) * (x(i, k) - mu(c, k));
    }
    // MUTANT unbiased: for (std::size_t c = 0; c < 2; ++c) cov[c] /= count[c] - 1.0;
    for (std::size_t c = 0; c < 2; ++c) cov[c] /= count[c];
    // log N(x; μ, Σ) = −½(x − μ)ᵀP(x − μ) − ½ log|Σ| + const, P = Σ⁻¹, per class.
    const wb::Mat P0 = xt::linalg::inv(cov[0]), P1 = xt::linalg::inv(cov[1]);
    const wb::Vec m0 = xt::row(mu, 0), m1 = xt::row(mu, 1);
    const wb::Vec p0 = xt::linalg::dot(P0, m0), p1 = xt::linalg::dot(P1, m1);
    // MUTANT a_sign: const wb::Mat A = 0.5 * (P1 - P0);
    const wb::Mat A = -0.5 * (P1 - P0);
    const wb::Vec w = p1 - p0;
    const double logdet = std::log(xt::linalg::det(cov[1]) / xt::linalg::det(cov[0]));
    // MUTANT no_logdet: const double b = -0.5 * xt::sum(m1 * p1)() + 0.5 * xt::sum(m0 * p0)() + std::log(count[1] / count[0]);
    const double b = -0.5 * xt::sum(m1 * p1)() + 0.5 * xt::sum(m0 * p0)() - 0.5 * logdet + std::log(count[1] / count[0]);
    return {A, w, b};
    // END SOLUTION
}

}  // namespace ch06
