// Statistics the checks and figures need: stable means and standard errors,
// ratio estimates, quantiles, histograms, distances between samples, and
// least-squares slopes. Every sample is read through `Values` (wb/types.hpp): a
// std::span<const double> that a Vec or a std::vector converts to without a copy.
#pragma once

#include <concepts>
#include <cstddef>
#include <span>
#include <vector>

#include "wb/special.hpp"
#include "wb/types.hpp"

namespace wb {

// Welford's running mean and variance: one pass, no catastrophic cancellation.
class RunningStats {
public:
    void add(double x);
    void merge(const RunningStats& o);
    std::size_t count() const { return n_; }
    double mean() const { return mean_; }
    double variance() const;  // unbiased (n - 1)
    double sd() const;
    double se() const;  // standard error of the mean

private:
    std::size_t n_ = 0;
    double mean_ = 0.0, m2_ = 0.0;
};

// A Monte Carlo estimate: the value and its standard error.
struct Estimate {
    double value = 0.0;
    double se = 0.0;
    std::size_t n = 0;
};

Estimate mean_se(Values x);
// Mean of a - b over paired samples (common random numbers reduce the error).
Estimate paired_difference(Values a, Values b);
// Variance with the standard error of the sample variance (uses the 4th moment).
Estimate variance_se(Values x);

// Ratio estimates with delta-method standard errors (influence functions).
// ū / w̄ from paired draws (u_i, w_i): se = sd((u − R w)/w̄)/√n.
Estimate ratio_of_means(Values u, Values w);
// R₁ − R₂ = ū₁/w̄₁ − ū₂/w̄₂ from four paired samples (one draw i feeds all four).
Estimate ratio_of_means_difference(Values u1, Values w1, Values u2, Values w2);
// Var(a) / Var(b) from paired replications: log r = log v_a − log v_b has influence
// φ_i = (a_i − ā)²/v_a − (b_i − b̄)²/v_b, so se(r) ≈ r·sd(φ)/√R.
Estimate variance_ratio(Values a, Values b);

// Quantile by linear interpolation between order statistics (type 7), by selection
// (nth_element, O(n)); the sample is copied, never reordered.
double quantile(Values x, double q);
double median(Values x);
double iqr(Values x);
// Median absolute deviation about the median (unscaled; × MadToSigma estimates σ).
double mad(Values x);
// A minimiser of Σ w_i |x_i − m| (the lower weighted median): the smallest x_k whose
// cumulative weight, in increasing order of x, reaches half the total. w_i ≥ 0.
double weighted_median(Values x, Values w);

struct Histogram {
    std::vector<double> edges;    // bins + 1 edges
    std::vector<double> density;  // normalised so the area is 1 over the range
    std::vector<std::size_t> counts;
    std::vector<double> centers() const;
};
Histogram histogram(Values x, double lo, double hi, std::size_t bins);

// Two-sample Kolmogorov-Smirnov statistic sup |F_a - F_b| and its asymptotic
// p-value; one-sample version against a CDF.
double ks_statistic(Values a, Values b);
double ks_pvalue(double D, std::size_t n, std::size_t m);
template <class Cdf>
    requires std::invocable<Cdf, double>
double ks_statistic(Values a, Cdf cdf);
// 1-D Wasserstein-1 distance between two equal-weight empirical distributions.
double wasserstein1(Values a, Values b);

// Least squares y = a + b x with the standard errors of a and b.
struct LineFit {
    double intercept = 0.0, slope = 0.0;
    double se_intercept = 0.0, se_slope = 0.0;
    double r2 = 0.0;
};
LineFit fit_line(Values x, Values y);
// Unweighted slope on log-log axes (the scatter about the line is the only error).
LineFit fit_loglog(Values x, Values y);

// A power law y ≈ c x^p fitted on log–log axes, with the standard error of p.
struct LogLogFit {
    Estimate slope;          // p and se(p)
    double intercept = 0.0;  // log c
    double chi2 = 0.0;       // Σ ((log y − fit)/se_log y)² (weighted fit only)
    double at(double x) const;  // c x^p, to draw the fitted line
};
// Weighted least squares of log y on log x, weights 1/se(log y)² with
// se(log y) = se_y / y (delta method); se(p) = 1/√(Σ w (log x − mean)²) from the
// known point errors alone.
LogLogFit loglog_slope(Values x, Values y, Values se_y);
// Unweighted fit to the pooled points y; se(p) combines the scatter about the line
// and the spread of the slopes fitted to independent groups (e.g. of paths),
// se = hypot(se_scatter, sd(group slopes)/√G). group_y[g] holds group g's points.
LogLogFit loglog_slope_groups(Values x, Values y, std::span<const std::vector<double>> group_y);

}  // namespace wb

#include "wb/stats_impl.hpp"
