// Chapter 12 exercises: the variance-preserving SDE, its time-t mixture score, and
// one step of each sampler (the reverse-time SDE and the probability-flow ODE).
//
// Shapes: a batch of points is a wb::Mat (n, d), row i is point i. A score field is
// wb::Score (common/wb/diffusion.hpp): score(x, t, s) writes s(x, t) ≈ ∇log p_t(x) into
// s, (n, d). A forward SDE dX = f(X, t) dt + g(t) dW is a wb::Sde: sde.drift(x, t, f)
// and sde.diffusion(x, t, g) write f and g elementwise, (n, d) each. Every function
// here is one exercise; none calls another, so a broken one never blocks the rest.
#pragma once

#include "wb/diffusion.hpp"
#include "wb/gauss.hpp"
#include "wb/sde.hpp"
#include "wb/types.hpp"

namespace ch12 {

// The perturbation kernel p(x_t | x_0) = N(m x_0, v I).
struct VpKernel {
    double m;  // m_t = exp(−½ ∫_0^t β(s) ds)
    double v;  // v_t = 1 − m_t²
};

// 12.1 vp_kernel: m_t and v_t of the VP SDE dx = −½β(t) x dt + √β(t) dW with
// β(t) = β_min + (t/T)(β_max − β_min), at time 0 ≤ t ≤ T. Must stay accurate for tiny t.
VpKernel vp_kernel(double beta_min, double beta_max, double T, double t);

// 12.2 reverse_sde_step: one Euler–Maruyama step of the reverse-time SDE
//   dx = [f(x, t) − g(t)² ∇log p_t(x)] dt + g(t) dW̄
// from time t down to t − h (h > 0): x (n, d) holds the state at t and is replaced by
// the state at t − h; dW (n, d) are the Brownian increments, each N(0, h). The forward
// diffusion g must not depend on x (VP, VE, OU).
void reverse_sde_step(const wb::Sde& forward, const wb::Score& score, wb::Mat& x, double t, double h,
                      const wb::Mat& dW);

// 12.3 flow_heun_step: one Heun step of the probability-flow ODE
//   dx/dt = f(x, t) − ½ g(t)² ∇log p_t(x)
// from time t to t + h (h < 0 integrates backward, towards the data): x (n, d) is
// replaced by the state at t + h. The forward diffusion g must not depend on x.
void flow_heun_step(const wb::Sde& forward, const wb::Score& score, wb::Mat& x, double t, double h);

// 12.4 mixture_score: ∇log p_t at the rows of x (n, d), into out (n, d), where p_t is
// the law of m x_0 + √v z for x_0 ~ p0 and z ~ N(0, I). p0 is a Gaussian mixture with
// diagonal covariances: weight w_j = p0.weights()(j), mean p0.means()(j, c) and variance
// p0.variances()(j, c) in coordinate c < p0.dim(), for j < p0.components(). Write the
// sum yourself (p0.transformed(...) is the chapter's reference). Must stay finite far
// from every component (use log-sum-exp).
void mixture_score(const wb::Mat& x, const wb::GaussianMixture& p0, const VpKernel& k, wb::Mat& out);

}  // namespace ch12
