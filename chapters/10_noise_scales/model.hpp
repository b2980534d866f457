// Chapter 10's models: the two-mode data density and its law along the line joining the
// modes, the noised density by quadrature (independent of any closed form), its Fisher
// information, the committor of Langevin dynamics, and the RBF score model fitted by DSM.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "wb/gauss.hpp"
#include "wb/rng.hpp"
#include "wb/types.hpp"

namespace ch10 {

// Song & Ermon's toy density 0.2·N((−5,−5), I) + 0.8·N((5,5), I), d = 2.
wb::GaussianMixture two_modes();
// Its law along u = (x₁ + x₂)/√2, the line joining the modes: 0.2·N(−5√2, 1) + 0.8·N(5√2, 1).
// Across the line, v = (x₂ − x₁)/√2 is N(0, 1) for both components, so p(x) = p_u(u)·φ(v).
wb::GaussianMixture two_modes_along_u();

// log q_σ(x) for q_σ = p ∗ N(0, σ²I), p a mixture with diagonal covariances, x (d): each
// component's convolution factorises over coordinates, and each 1-D factor
// ∫ N(x_j − y; 0, σ²) N(y; μ, s²) dy is an expectation over the wider of the two normals,
// taken by Gauss–Hermite quadrature. Uses no closed form for the noised mixture.
double noised_log_density_quadrature(const wb::GaussianMixture& p, double sigma, std::span<const double> x);

// J(q) = E_q ‖∇log q‖² for a 2-D mixture q with isotropic components, by a tensor
// Gauss–Hermite rule (nodes per axis) over each component, with the library's score.
double fisher_information_2d(const wb::GaussianMixture& q, std::size_t nodes = 40);

// The committor of dU = ½ (log p)′(U) dt + dW for a 1-D two-component mixture p: the
// probability of reaching the left mode μ₀ before the right one μ₁, from u,
//   q(u) = ∫_u^{μ₁} dy/p(y) / ∫_{μ₀}^{μ₁} dy/p(y)   (1 left of μ₀, 0 right of μ₁),
// tabulated on a grid over [μ₀, μ₁] (cumulative trapezoid rule).
class Committor {
public:
    explicit Committor(const wb::GaussianMixture& p, std::size_t grid = 40000);
    double operator()(double u) const;

private:
    double lo_, hi_, h_;
    std::vector<double> q_;
};

// The probability that Langevin chains started uniformly on the square [−b, b]² end in the
// mode at −(5, 5): E q(u₀) with u₀ = (x₁ + x₂)/√2, whose law is triangular, by quadrature.
double small_mode_weight_from_uniform(const Committor& q, double b);

// Gaussian radial basis functions φ_j(x) = exp(−(x − c_j)²/(2w²)) on evenly spaced centres
// c_j, and the score model s_θ(x) = Σ_j θ_j φ_j(x), linear in θ (F centres).
struct RbfScore {
    std::vector<double> centres;
    double width;
    wb::Vec theta;  // (F)
    double operator()(double x) const;
};

// The DSM fit of s_θ at noise level σ on data x (n), with ridge penalty λ‖θ‖²: minimises
// (1/n) Σ_i (s_θ(x_i + σε_i) + ε_i/σ)² + λ‖θ‖², ε_i ~ N(0, 1) from rng, by one linear solve.
RbfScore fit_dsm(const wb::Vec& x, double sigma, double lambda, std::span<const double> centres, double width,
                 wb::Rng& rng);

}  // namespace ch10
