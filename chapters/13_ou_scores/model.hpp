// Chapter 13's models: quadratures of the Ornstein–Uhlenbeck marginal and posterior,
// the exact constant C_t for a mixture start, and the tanh-feature score model of §7
// with its L²(p) projection and its least-squares fit.
#pragma once

#include <array>
#include <cstddef>
#include <functional>

#include "ou.hpp"
#include "wb/gauss.hpp"
#include "wb/sde.hpp"
#include "wb/types.hpp"

namespace ch13 {

// ∫ x0^power p(x_t | x0) p0(x0) dx0 for the kernel k = N(m x0, v) and a 1-D mixture p0,
// power 0 or 1, by Simpson's rule over p0's support (its components' means ± 12 sd):
// power 0 is the marginal density p_t(x_t), power 1 over power 0 the posterior mean
// E[x0 | x_t]. Independent of any closed form for p_t.
double kernel_moment(double x_t, int power, const OuKernel& k, const wb::GaussianMixture& p0);

// Fisher information J(p) = ∫ (∇log p)² p dx of a 1-D mixture p, by Simpson's rule over
// its support (means ± 12 sd).
double fisher_information(const wb::GaussianMixture& p);

// C_t = 1/v_t − J(p_t) (§5) for the linear SDE `sde` started from the 1-D mixture p0.
double ct_exact(const wb::LinearSde& sde, const wb::GaussianMixture& p0, double t);

// The score model of §7, linear in φ (F = 7 parameters):
//   s_φ(x) = φ_0 + φ_1 x + Σ_{j<5} φ_{j+2} tanh(x − c_j),   c_j ∈ {−2, −1, 0, 1, 2}.
struct TanhFeatures {
    static constexpr std::array<double, 5> Centres{-2.0, -1.0, 0.0, 1.0, 2.0};
    static constexpr std::size_t Size = 2 + Centres.size();  // F
    using Row = std::array<double, Size>;                     // f(x), (F)

    // The features f(x) = (1, x, tanh(x − c_0), …, tanh(x − c_4)), (F).
    static Row at(double x);
    // s_φ(x) = φᵀ f(x); phi (F).
    static double value(const wb::Vec& phi, double x);
    // The L²(p) projection of g onto the features: φ* (F) solving E_p[f fᵀ] φ = E_p[f g],
    // both expectations by Simpson's rule over p's support.
    static wb::Vec project(const std::function<double(double)>& g, const wb::GaussianMixture& p);
    // Least squares of targets y (n) on the features of x (n): φ̂ = (Σ f fᵀ)⁻¹ Σ f y, (F).
    static wb::Vec least_squares(const wb::Vec& x, const wb::Vec& y);
};

}  // namespace ch13
