// Statistics the checks and figures need: stable means and standard errors,
// quantiles, histograms, distances between samples, and least-squares slopes.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include <xtensor/xtensor.hpp>

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

Estimate mean_se(std::span<const double> x);
Estimate mean_se(const xt::xtensor<double, 1>& x);
// Mean of a - b over paired samples (common random numbers reduce the error).
Estimate paired_difference(const xt::xtensor<double, 1>& a, const xt::xtensor<double, 1>& b);
// Variance with the standard error of the sample variance (uses the 4th moment).
Estimate variance_se(const xt::xtensor<double, 1>& x);

// Two-sided normal quantile z_{1 - alpha/2}, e.g. 1.96 for alpha = 0.05.
double normal_quantile(double p);
double normal_cdf(double z);

// Quantile by linear interpolation between order statistics (type 7).
double quantile(std::vector<double> x, double q);
double median(std::vector<double> x);
double iqr(std::vector<double> x);
// Median absolute deviation about the median (unscaled).
double mad(std::vector<double> x);

struct Histogram {
    std::vector<double> edges;    // bins + 1 edges
    std::vector<double> density;  // normalised so the area is 1 over the range
    std::vector<std::size_t> counts;
    std::vector<double> centers() const;
};
Histogram histogram(std::span<const double> x, double lo, double hi, std::size_t bins);

// Two-sample Kolmogorov-Smirnov statistic sup |F_a - F_b| and its asymptotic
// p-value; one-sample version against a CDF.
double ks_statistic(std::vector<double> a, std::vector<double> b);
double ks_pvalue(double D, std::size_t n, std::size_t m);
template <class Cdf>
double ks_statistic(std::vector<double> a, Cdf cdf);
// 1-D Wasserstein-1 distance between two equal-weight empirical distributions.
double wasserstein1(std::vector<double> a, std::vector<double> b);

// Least squares y = a + b x with the standard errors of a and b.
struct LineFit {
    double intercept = 0.0, slope = 0.0;
    double se_intercept = 0.0, se_slope = 0.0;
    double r2 = 0.0;
};
LineFit fit_line(std::span<const double> x, std::span<const double> y);
// Slope on log-log axes: the order of convergence.
LineFit fit_loglog(std::span<const double> x, std::span<const double> y);

}  // namespace wb

#include "wb/stats_impl.hpp"
