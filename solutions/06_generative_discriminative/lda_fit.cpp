// 06.1: linear discriminant analysis, fitted by maximum likelihood.
#include <cmath>

#include <xtensor-blas/xlinalg.hpp>

#include "generative_discriminative.hpp"
#include "wb/exercise.hpp"

namespace ch06 {

Linear lda_fit(const wb::Mat& x, const wb::Vec& y) {
    // BEGIN SOLUTION 06.1 lda_fit
    const std::size_t n = x.shape(0), d = x.shape(1);
    // Class counts and means μ_0, μ_1 (d each).
    double n1 = 0.0;
    wb::Mat mu = xt::zeros<double>({std::size_t{2}, d});
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t c = y(i) > 0.5 ? 1 : 0;
        n1 += static_cast<double>(c);
        for (std::size_t j = 0; j < d; ++j) mu(c, j) += x(i, j);
    }
    const double n0 = static_cast<double>(n) - n1;
    for (std::size_t j = 0; j < d; ++j) {
        mu(0, j) /= n0;
        mu(1, j) /= n1;
    }
    // The pooled covariance: every point's deviation from its own class mean, divided by n.
    wb::Mat cov = xt::zeros<double>({d, d});
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t c = y(i) > 0.5 ? 1 : 0;
        for (std::size_t j = 0; j < d; ++j)
            for (std::size_t k = 0; k < d; ++k) cov(j, k) += (x(i, j) - mu(c, j)) * (x(i, k) - mu(c, k));
    }
    cov /= static_cast<double>(n);
    // log N(x; μ1, Σ) − log N(x; μ0, Σ): the xᵀΣ⁻¹x terms cancel, leaving a linear function.
    const wb::Mat P = xt::linalg::inv(cov);
    const wb::Vec m0 = xt::row(mu, 0), m1 = xt::row(mu, 1);
    const wb::Vec p0 = xt::linalg::dot(P, m0), p1 = xt::linalg::dot(P, m1);
    // MUTANT means_swapped: const wb::Vec w = p0 - p1;
    // MUTANT no_precision: const wb::Vec w = m1 - m0;
    const wb::Vec w = p1 - p0;
    // MUTANT no_prior: const double b = -0.5 * xt::sum(m1 * p1)() + 0.5 * xt::sum(m0 * p0)();
    // MUTANT no_half: const double b = -xt::sum(m1 * p1)() + xt::sum(m0 * p0)() + std::log(n1 / n0);
    const double b = -0.5 * xt::sum(m1 * p1)() + 0.5 * xt::sum(m0 * p0)() + std::log(n1 / n0);
    return {w, b};
    // END SOLUTION
}

}  // namespace ch06
