#include "wb/stats.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace wb {

void RunningStats::add(double x) {
    ++n_;
    const double d = x - mean_;
    mean_ += d / static_cast<double>(n_);
    m2_ += d * (x - mean_);
}

void RunningStats::merge(const RunningStats& o) {
    if (o.n_ == 0) return;
    const double n = static_cast<double>(n_ + o.n_);
    const double d = o.mean_ - mean_;
    m2_ += o.m2_ + d * d * static_cast<double>(n_) * static_cast<double>(o.n_) / n;
    mean_ += d * static_cast<double>(o.n_) / n;
    n_ += o.n_;
}

double RunningStats::variance() const {
    return n_ > 1 ? m2_ / static_cast<double>(n_ - 1) : std::numeric_limits<double>::quiet_NaN();
}
double RunningStats::sd() const { return std::sqrt(variance()); }
double RunningStats::se() const { return std::sqrt(variance() / static_cast<double>(n_)); }

Estimate mean_se(std::span<const double> x) {
    RunningStats s;
    for (double v : x) s.add(v);
    return {s.mean(), s.se(), s.count()};
}

Estimate mean_se(const xt::xtensor<double, 1>& x) {
    return mean_se(std::span<const double>(x.data(), x.size()));
}

Estimate paired_difference(const xt::xtensor<double, 1>& a, const xt::xtensor<double, 1>& b) {
    if (a.size() != b.size()) throw std::invalid_argument("paired_difference: sizes differ");
    RunningStats s;
    for (std::size_t i = 0; i < a.size(); ++i) s.add(a(i) - b(i));
    return {s.mean(), s.se(), s.count()};
}

Estimate variance_se(const xt::xtensor<double, 1>& x) {
    const std::size_t n = x.size();
    if (n < 4) throw std::invalid_argument("variance_se: need at least 4 samples");
    RunningStats s;
    for (double v : x) s.add(v);
    const double m = s.mean();
    double m4 = 0.0;
    for (double v : x) m4 += std::pow(v - m, 4);
    m4 /= static_cast<double>(n);
    const double var = s.variance();
    // Var(s^2) ~ (mu4 - sigma^4 (n-3)/(n-1)) / n.
    const double nd = static_cast<double>(n);
    const double vv = (m4 - var * var * (nd - 3.0) / (nd - 1.0)) / nd;
    return {var, std::sqrt(std::max(vv, 0.0)), n};
}

double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

double normal_quantile(double p) {
    if (!(p > 0.0 && p < 1.0)) throw std::invalid_argument("normal_quantile: p must be in (0, 1)");
    // Acklam's rational approximation, then two Newton steps on erfc.
    static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                               1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                               6.680131188771972e+01, -1.328068155288572e+01};
    static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                               -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                               3.754408661907416e+00};
    double x;
    if (p < 0.02425) {
        const double q = std::sqrt(-2 * std::log(p));
        x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    } else if (p > 1 - 0.02425) {
        const double q = std::sqrt(-2 * std::log(1 - p));
        x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    } else {
        const double q = p - 0.5, r = q * q;
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
            (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
    for (int i = 0; i < 2; ++i) {
        const double e = normal_cdf(x) - p;
        x -= e * std::sqrt(2 * 3.14159265358979323846) * std::exp(0.5 * x * x);
    }
    return x;
}

double quantile(std::vector<double> x, double q) {
    if (x.empty()) throw std::invalid_argument("quantile: empty sample");
    if (!(q >= 0.0 && q <= 1.0)) throw std::invalid_argument("quantile: q must be in [0, 1]");
    std::sort(x.begin(), x.end());
    const double h = q * static_cast<double>(x.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const std::size_t hi = std::min(lo + 1, x.size() - 1);
    return x[lo] + (h - static_cast<double>(lo)) * (x[hi] - x[lo]);
}

double median(std::vector<double> x) { return quantile(std::move(x), 0.5); }

double iqr(std::vector<double> x) {
    const double q3 = quantile(x, 0.75);
    return q3 - quantile(std::move(x), 0.25);
}

double mad(std::vector<double> x) {
    const double m = median(x);
    for (auto& v : x) v = std::fabs(v - m);
    return median(std::move(x));
}

std::vector<double> Histogram::centers() const {
    std::vector<double> c(counts.size());
    for (std::size_t i = 0; i < c.size(); ++i) c[i] = 0.5 * (edges[i] + edges[i + 1]);
    return c;
}

Histogram histogram(std::span<const double> x, double lo, double hi, std::size_t bins) {
    if (bins == 0 || !(hi > lo)) throw std::invalid_argument("histogram: need bins > 0 and hi > lo");
    Histogram h;
    h.edges.resize(bins + 1);
    const double w = (hi - lo) / static_cast<double>(bins);
    for (std::size_t i = 0; i <= bins; ++i) h.edges[i] = lo + w * static_cast<double>(i);
    h.counts.assign(bins, 0);
    for (double v : x) {
        if (!(v >= lo && v < hi)) continue;
        auto k = static_cast<std::size_t>((v - lo) / w);
        h.counts[std::min(k, bins - 1)]++;
    }
    h.density.resize(bins);
    const double n = static_cast<double>(x.size());
    for (std::size_t i = 0; i < bins; ++i) h.density[i] = static_cast<double>(h.counts[i]) / (n * w);
    return h;
}

double ks_statistic(std::vector<double> a, std::vector<double> b) {
    if (a.empty() || b.empty()) throw std::invalid_argument("ks_statistic: empty sample");
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    const double na = static_cast<double>(a.size()), nb = static_cast<double>(b.size());
    std::size_t i = 0, j = 0;
    double d = 0.0;
    while (i < a.size() && j < b.size()) {
        const double t = std::min(a[i], b[j]);
        while (i < a.size() && a[i] <= t) ++i;
        while (j < b.size() && b[j] <= t) ++j;
        d = std::max(d, std::fabs(static_cast<double>(i) / na - static_cast<double>(j) / nb));
    }
    return d;
}

double ks_pvalue(double D, std::size_t n, std::size_t m) {
    // Kolmogorov's limiting distribution with Stephens' small-sample correction.
    const double ne = static_cast<double>(n) * static_cast<double>(m) / static_cast<double>(n + m);
    const double s = std::sqrt(ne);
    const double lam = (s + 0.12 + 0.11 / s) * D;
    if (lam < 1e-3) return 1.0;
    double p = 0.0;
    for (int k = 1; k <= 100; ++k) {
        const double term = 2.0 * ((k % 2) ? 1.0 : -1.0) * std::exp(-2.0 * k * k * lam * lam);
        p += term;
        if (std::fabs(term) < 1e-12) break;
    }
    return std::clamp(p, 0.0, 1.0);
}

double wasserstein1(std::vector<double> a, std::vector<double> b) {
    if (a.size() != b.size() || a.empty())
        throw std::invalid_argument("wasserstein1: samples must be non-empty and of equal size");
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    double s = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) s += std::fabs(a[i] - b[i]);
    return s / static_cast<double>(a.size());
}

LineFit fit_line(std::span<const double> x, std::span<const double> y) {
    const std::size_t n = x.size();
    if (n != y.size() || n < 3) throw std::invalid_argument("fit_line: need >= 3 paired points");
    double mx = 0, my = 0;
    for (std::size_t i = 0; i < n; ++i) {
        mx += x[i];
        my += y[i];
    }
    mx /= static_cast<double>(n);
    my /= static_cast<double>(n);
    double sxx = 0, sxy = 0, syy = 0;
    for (std::size_t i = 0; i < n; ++i) {
        sxx += (x[i] - mx) * (x[i] - mx);
        sxy += (x[i] - mx) * (y[i] - my);
        syy += (y[i] - my) * (y[i] - my);
    }
    if (sxx == 0.0) throw std::invalid_argument("fit_line: x values are all equal");
    LineFit f;
    f.slope = sxy / sxx;
    f.intercept = my - f.slope * mx;
    double rss = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double r = y[i] - f.intercept - f.slope * x[i];
        rss += r * r;
    }
    const double s2 = rss / static_cast<double>(n - 2);
    f.se_slope = std::sqrt(s2 / sxx);
    f.se_intercept = std::sqrt(s2 * (1.0 / static_cast<double>(n) + mx * mx / sxx));
    f.r2 = syy > 0 ? 1.0 - rss / syy : 1.0;
    return f;
}

LineFit fit_loglog(std::span<const double> x, std::span<const double> y) {
    std::vector<double> lx(x.size()), ly(y.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (!(x[i] > 0 && y[i] > 0)) throw std::invalid_argument("fit_loglog: values must be positive");
        lx[i] = std::log(x[i]);
        ly[i] = std::log(y[i]);
    }
    return fit_line(lx, ly);
}

}  // namespace wb
