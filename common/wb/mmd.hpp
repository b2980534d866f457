// The maximum mean discrepancy (Gretton et al. 2012) between a sample and a known
// Gaussian mixture, with the Gaussian kernel k(x, y) = exp(−|x − y|²/(2ℓ²)): a measure of
// sample quality with an honest standard error (chapters 12 and 14).
#pragma once

#include <cstddef>
#include <span>

#include "wb/gauss.hpp"
#include "wb/stats.hpp"
#include "wb/types.hpp"

namespace wb {

// MMD²(q, p) = E_q k(x, x') − 2 E_{q×p} k(x, y) + E_p k(y, y') for the law q of the rows of
// x (n, d) and the mixture p. The terms involving p are closed forms (p convolved with the
// kernel is again a mixture), so only q is sampled. The rows are cut into B blocks of
// b = ⌊n / B⌋ consecutive draws (a remainder is dropped); each block gives the unbiased
// U-statistic
//   U = 1/(b(b−1)) Σ_{i≠j∈B} k(x_i, x_j) − 2/b Σ_{i∈B} E_p k(x_i, ·) + E_p k,
// and the estimate is their mean, with its se from the spread over the B independent blocks
// (Estimate::n = B, a Student-t critical value). E U = MMD²(q, p) ≥ 0, zero iff q = p.
//
// Why B = 200 by default: when q = p the U-statistic is degenerate, its law a weighted sum of
// centred χ²₁ (skewed to the right at every b), and a mean of few blocks keeps the skew; worse,
// the blocks' spread is then small exactly when their mean is low, so the t-statistic has a long
// left tail (20 blocks of 100 reached |t| = 5.5 on 3 of 200 seeds of chapter 12). Fixing the
// number of blocks rather than their size keeps the mean near-normal while the se under q = p,
// ∝ 1/√(n (b − 1)), still falls as 1/n (chapter 12 §4 gives the measured false-alarm rates).
class MixtureMmd {
public:
    static constexpr std::size_t DefaultBlocks = 200;  // blocks of the estimate

    MixtureMmd(const GaussianMixture& p, double ell);
    // E_{y~p} k(x, y) at one point x (d).
    double mean_embedding(std::span<const double> x) const;
    double self_term() const { return self_; }  // E_{y,y'~p} k(y, y')
    // The estimate from the rows of x (n, d) in `blocks` ≥ 2 blocks of b = ⌊n / blocks⌋ ≥ 2 rows.
    Estimate operator()(const Mat& x, std::size_t blocks = DefaultBlocks) const;

private:
    GaussianMixture smooth_;  // p convolved with N(0, ℓ² I)
    double ell_, norm_, self_;
};

}  // namespace wb
