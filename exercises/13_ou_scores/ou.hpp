// Chapter 13 exercises: the Ornstein–Uhlenbeck kernel and its scores.
//
// The process is dx = −θ x dt + σ dW (θ > 0 the mean-reversion rate, σ > 0 the
// noise scale). Every function here is one exercise; none calls another, so a
// broken one never blocks the rest.
#pragma once

#include <functional>

#include "wb/gauss.hpp"
#include "wb/stats.hpp"
#include "wb/types.hpp"

namespace ch13 {

// The perturbation kernel p(x_t | x_0) = N(m x_0, v).
struct OuKernel {
    double m;  // m_t = e^{−θt}
    double v;  // v_t = σ²(1 − e^{−2θt}) / (2θ)
};

// 13.1 ou_kernel: m_t and v_t for dx = −θx dt + σ dW at time t ≥ 0.
OuKernel ou_kernel(double theta, double sigma, double t);

// 13.2 conditional_score: ∇_{x_t} log p(x_t | x_0) for the kernel k.
double conditional_score(double xt, double x0, const OuKernel& k);

// 13.3 marginal_score: ∇ log p_t(x_t) where p_t is p_0 pushed through the kernel k.
// p0 is a 1-D mixture Σ_j w_j N(mu_j, s_j²) (wb::GaussianMixture::univariate): read
// w_j = p0.weights()(j), mu_j = p0.means()(j, 0), s_j² = p0.variances()(j, 0), for
// j < p0.components(). Write the sum yourself (p0.transformed(...) is the chapter's
// reference). Must stay finite far from every component (use log-sum-exp).
double marginal_score(double xt, const wb::GaussianMixture& p0, const OuKernel& k);

// 13.4 ct_monte_carlo: C_t = E‖∇log p(x_t|x_0) − ∇log p_t(x_t)‖², estimated from
// draws x0 (n) ~ p_0 and independent z (n) ~ N(0, 1), n ≥ 2, with x_t = m x_0 + √v z;
// marginal_score(x) is ∇log p_t(x). Returns the sample mean, its standard error and n.
wb::Estimate ct_monte_carlo(const wb::Vec& x0, const wb::Vec& z, const OuKernel& k,
                            const std::function<double(double)>& marginal_score);

}  // namespace ch13
