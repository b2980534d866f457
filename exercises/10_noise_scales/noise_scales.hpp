// Chapter 10 exercises: noise scales, noised mixtures and annealed Langevin dynamics.
//
// Every function here is one exercise; none calls another, so a broken one never
// blocks the rest.
#pragma once

#include <cstddef>
#include <functional>

#include "wb/gauss.hpp"
#include "wb/rng.hpp"
#include "wb/types.hpp"

namespace ch10 {

// 10.1 geometric_schedule: L ≥ 2 noise levels from sigma_max down to sigma_min
// (0 < sigma_min < sigma_max), σ_i = σ_max (σ_min/σ_max)^{i/(L−1)} for i = 0 … L−1,
// so consecutive levels have the same ratio. Returns (L); throws std::invalid_argument
// for L < 2 or levels that are not 0 < sigma_min < sigma_max.
wb::Vec geometric_schedule(double sigma_max, double sigma_min, std::size_t L);

// 10.2 noised_score: the score ∇ log q_σ(x) of the noised density q_σ = p ∗ N(0, σ² I)
// at each row of x, (n, d) → (n, d). p is a Gaussian mixture Σ_k π_k N(μ_k, diag(s²_k))
// with K components in d dimensions: π_k = p.weights()(k), μ_kj = p.means()(k, j),
// s²_kj = p.variances()(k, j). Must stay finite far from every component (log-sum-exp).
wb::Mat noised_score(const wb::GaussianMixture& p, double sigma, const wb::Mat& x);

// A score model s(x, σ) at noise level σ: fills out (n, d) for the rows of x (n, d).
using ScoreAt = std::function<void(const wb::Mat& x, double sigma, wb::Mat& out)>;

// 10.3 annealed_langevin: one sweep of annealed Langevin dynamics (Song & Ermon 2019,
// algorithm 1) over the levels sigmas (largest first, length L): at level i the step is
// α_i = eps·σ_i²/σ_L², and `steps` updates x ← x + (α_i/2)·s(x, σ_i) + √α_i·z with z ~ N(0, I)
// drawn from rng. x (n chains, d) is updated in place.
void annealed_langevin(wb::Mat& x, const wb::Vec& sigmas, double eps, std::size_t steps, const ScoreAt& score,
                       wb::Rng& rng);

}  // namespace ch10
