// Chapter 08's model: a binormal ranking problem, label-flip noise as a function of the
// clean posterior, and AUC estimates with their standard errors.
#pragma once

#include <span>
#include <vector>

#include "ranking_label_noise.hpp"
#include "wb/rng.hpp"
#include "wb/stats.hpp"
#include "wb/types.hpp"

namespace ch08 {

// P(y = 1) = ½ and x | y ~ N(+μ, 1) for y = 1, N(−μ, 1) for y = 0, so the clean posterior is
// η(x) = σ(2μx) and the AUC of any increasing function of x is Φ(√2 μ).
inline constexpr double Mu = 0.75;
double clean_posterior(double x);

// n points of each class: x (2n), y (2n, the first n positive).
struct Sample {
    wb::Vec x;
    std::vector<int> y;
};
Sample draw(wb::Rng& rng, std::size_t n_per_class);

// Flip rates as functions of η: ρ₀ constant, ρ₁(η) = rho1 + step·S((η − centre)/width) with
// the logistic S. step = 0 is class-conditional noise.
struct Noise {
    double rho0 = 0, rho1 = 0, step = 0, centre = 0.5, width = 0.1;
    FlipRates at(double eta) const;
};

// Noisy labels: each y_i flipped with probability ρ_{y_i}(η(x_i)), drawn by `rng`
// (independent of the formula h of exercise 08.3). x, y as in Sample.
std::vector<int> flip_labels(const Sample& d, const Noise& noise, wb::Rng& rng);

// h(η(x_i)) for every x_i (exercise 08.3): the noisy posterior used as a score.
wb::Vec noisy_score(const wb::Vec& x, const Noise& noise);

// The O(n²) pair count: wins plus half the ties over all (positive, negative) pairs.
double auc_pairs(std::span<const double> score, std::span<const int> label);

// The AUC with its standard error from the placement values (DeLong et al. 1988):
// se² = Var(V₁₀)/m + Var(V₀₁)/n over the m positives and n negatives; Estimate::n = min(m, n).
wb::Estimate auc_estimate(std::span<const double> score, std::span<const int> label);
// AUC(a) − AUC(b) on the same labels, with the paired (DeLong) standard error.
wb::Estimate auc_difference(std::span<const double> a, std::span<const double> b, std::span<const int> label);

// The population AUC of the score s(x) by quadrature over the binormal model: against the
// clean labels, or against labels flipped by `noise` (ỹ = 1 with probability h(η(x))).
// `score_on_grid` holds s(x) at the points of auc_grid() (6001 points on [−9, 9]).
double clean_auc(const std::vector<double>& score_on_grid);
double noisy_label_auc(const std::vector<double>& score_on_grid, const Noise& noise);
// The quadrature grid the two functions above expect scores on.
const std::vector<double>& auc_grid();

}  // namespace ch08
