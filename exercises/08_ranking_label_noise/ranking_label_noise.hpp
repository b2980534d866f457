// Chapter 08 exercise API: Ranking under instance-dependent label noise.
//
//   08.1 auc              the AUC of scores against 0/1 labels, ties counted one half
//   08.2 roc_curve        the ROC curve, one point per distinct score
//   08.3 noisy_posterior  η̃ = h(η) and its slope h′(η) for label-flip rates ρ₀, ρ₁
#pragma once

#include <span>
#include <vector>

namespace ch08 {

// 08.1 auc: the Mann–Whitney AUC of `score` (n values) against `label` (n values, each 0 or
// 1; at least one of each): the fraction of (positive, negative) pairs in which the positive
// scores higher, a tie counting one half. O(n log n) (sort once; equal scores share the
// average of their ranks).
double auc(std::span<const double> score, std::span<const int> label);

// 08.2 roc_curve: the empirical ROC curve of `score` against `label` (as for auc). The
// threshold t runs down through the distinct scores; each point is
//   fpr = #{negatives with score ≥ t} / #negatives,  tpr = #{positives with score ≥ t} / #positives,
// starting at (0, 0) before the highest score and ending at (1, 1). Equal scores are passed
// together, so a tie between classes is one diagonal segment. k distinct scores give
// k + 1 points.
struct RocCurve {
    std::vector<double> fpr, tpr;  // same length, both nondecreasing
};
RocCurve roc_curve(std::span<const double> score, std::span<const int> label);

// 08.3 noisy_posterior: the label-flip rates at a point x, ρ₀ = P(ỹ = 1 | y = 0, x) and
// ρ₁ = P(ỹ = 0 | y = 1, x), given as functions of the clean posterior η = P(y = 1 | x), with
// their derivatives in η.
struct FlipRates {
    double rho0 = 0, rho1 = 0;    // ρ₀(η), ρ₁(η), in [0, 1]
    double drho0 = 0, drho1 = 0;  // dρ₀/dη, dρ₁/dη
};
// The noisy posterior η̃ = P(ỹ = 1 | x) = h(η) and its derivative h′(η), for η in [0, 1].
struct NoisyPosterior {
    double value = 0;  // h(η)
    double slope = 0;  // h′(η) = dh/dη, with the rates' derivatives
};
NoisyPosterior noisy_posterior(double eta, FlipRates r);

}  // namespace ch08
