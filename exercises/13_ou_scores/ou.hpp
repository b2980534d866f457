// Chapter 13 exercises: the Ornstein–Uhlenbeck kernel and its scores.
//
// The process is dx = −θ x dt + σ dW (θ > 0 the mean-reversion rate, σ > 0 the
// noise scale). Every function here is one exercise; none calls another, so a
// broken one never blocks the rest.
#pragma once

#include <functional>
#include <vector>

#include <xtensor/xtensor.hpp>

#include "wb/stats.hpp"

namespace ch13 {

// The perturbation kernel p(x_t | x_0) = N(m x_0, v).
struct OuKernel {
    double m;  // m_t = e^{−θt}
    double v;  // v_t = σ²(1 − e^{−2θt}) / (2θ)
};

// A 1-D Gaussian mixture p_0 = Σ_k w_k N(mu_k, s_k²); w sums to 1.
struct Mixture1D {
    std::vector<double> w, mu, s;
};

// 13.1 ou_kernel: m_t and v_t for dx = −θx dt + σ dW at time t ≥ 0.
OuKernel ou_kernel(double theta, double sigma, double t);

// 13.2 conditional_score: ∇_{x_t} log p(x_t | x_0) for the kernel k.
double conditional_score(double xt, double x0, const OuKernel& k);

// 13.3 marginal_score: ∇ log p_t(x_t) where p_t is p_0 pushed through the kernel k.
// Must stay finite far from every component (use log-sum-exp).
double marginal_score(double xt, const Mixture1D& p0, const OuKernel& k);

// 13.4 ct_monte_carlo: C_t = E‖∇log p(x_t|x_0) − ∇log p_t(x_t)‖², estimated from
// draws x0 ~ p_0 and independent z ~ N(0, 1) (same length n), with
// x_t = m x_0 + √v z. Returns the sample mean and its standard error.
wb::Estimate ct_monte_carlo(const xt::xtensor<double, 1>& x0, const xt::xtensor<double, 1>& z, const OuKernel& k,
                            const std::function<double(double)>& marginal_score);

}  // namespace ch13
