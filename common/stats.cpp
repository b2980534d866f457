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

Estimate mean_se(Values x) {
    RunningStats s;
    for (double v : x) s.add(v);
    return {s.mean(), s.se(), s.count()};
}

Estimate paired_difference(Values a, Values b) {
    if (a.size() != b.size()) throw std::invalid_argument("paired_difference: sizes differ");
    RunningStats s;
    for (std::size_t i = 0; i < a.size(); ++i) s.add(a[i] - b[i]);
    return {s.mean(), s.se(), s.count()};
}

Estimate variance_se(Values x) {
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

static double mean_of(Values x) {
    double s = 0.0;
    for (double v : x) s += v;
    return s / static_cast<double>(x.size());
}

Estimate ratio_of_means(Values u, Values w) {
    if (u.size() != w.size() || u.size() < 2) throw std::invalid_argument("ratio_of_means: need n >= 2 pairs");
    const double W = mean_of(w), R = mean_of(u) / W;
    RunningStats phi;
    for (std::size_t i = 0; i < u.size(); ++i) phi.add((u[i] - R * w[i]) / W);
    return {R, phi.se(), u.size()};
}

Estimate ratio_of_means_difference(Values u1, Values w1, Values u2, Values w2) {
    const std::size_t n = u1.size();
    if (w1.size() != n || u2.size() != n || w2.size() != n || n < 2)
        throw std::invalid_argument("ratio_of_means_difference: need four paired samples of n >= 2");
    const double W1 = mean_of(w1), W2 = mean_of(w2), R1 = mean_of(u1) / W1, R2 = mean_of(u2) / W2;
    RunningStats phi;
    for (std::size_t i = 0; i < n; ++i) phi.add((u1[i] - R1 * w1[i]) / W1 - (u2[i] - R2 * w2[i]) / W2);
    return {R1 - R2, phi.se(), n};
}

Estimate variance_ratio(Values a, Values b) {
    const std::size_t R = a.size();
    if (b.size() != R || R < 2) throw std::invalid_argument("variance_ratio: need paired samples of n >= 2");
    RunningStats sa, sb;
    for (std::size_t i = 0; i < R; ++i) {
        sa.add(a[i]);
        sb.add(b[i]);
    }
    const double va = sa.variance(), vb = sb.variance(), r = va / vb;
    RunningStats phi;
    for (std::size_t i = 0; i < R; ++i)
        phi.add((a[i] - sa.mean()) * (a[i] - sa.mean()) / va - (b[i] - sb.mean()) * (b[i] - sb.mean()) / vb);
    return {r, r * phi.sd() / std::sqrt(static_cast<double>(R)), R};
}

// Type-7 quantile of x, reordering x (selection, not a sort).
static double select_quantile(std::vector<double>& x, double q) {
    if (x.empty()) throw std::invalid_argument("quantile: empty sample");
    if (!(q >= 0.0 && q <= 1.0)) throw std::invalid_argument("quantile: q must be in [0, 1]");
    const double h = q * static_cast<double>(x.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const auto nth = x.begin() + static_cast<std::ptrdiff_t>(lo);
    std::nth_element(x.begin(), nth, x.end());
    const double xlo = *nth;
    if (lo + 1 >= x.size()) return xlo;
    const double xhi = *std::min_element(nth + 1, x.end());  // the next order statistic
    return xlo + (h - static_cast<double>(lo)) * (xhi - xlo);
}

double quantile(Values x, double q) {
    std::vector<double> c(x.begin(), x.end());
    return select_quantile(c, q);
}

double median(Values x) { return quantile(x, 0.5); }

double iqr(Values x) {
    std::vector<double> c(x.begin(), x.end());
    const double q3 = select_quantile(c, 0.75);
    return q3 - select_quantile(c, 0.25);
}

double mad(Values x) {
    std::vector<double> c(x.begin(), x.end());
    const double m = select_quantile(c, 0.5);
    for (auto& v : c) v = std::fabs(v - m);
    return select_quantile(c, 0.5);
}

double weighted_median(Values x, Values w) {
    if (x.empty() || x.size() != w.size()) throw std::invalid_argument("weighted_median: need paired, non-empty x, w");
    std::vector<std::size_t> order(x.size());
    double total = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (!(w[i] >= 0.0)) throw std::invalid_argument("weighted_median: weights must be >= 0");
        order[i] = i;
        total += w[i];
    }
    if (!(total > 0.0)) throw std::invalid_argument("weighted_median: weights sum to zero");
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
    double c = 0.0;
    for (std::size_t i : order) {
        c += w[i];
        if (c >= 0.5 * total) return x[i];
    }
    return x[order.back()];  // rounding at the top end
}

std::vector<double> Histogram::centers() const {
    std::vector<double> c(counts.size());
    for (std::size_t i = 0; i < c.size(); ++i) c[i] = 0.5 * (edges[i] + edges[i + 1]);
    return c;
}

Histogram histogram(Values x, double lo, double hi, std::size_t bins) {
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

double ks_statistic(Values xa, Values xb) {
    if (xa.empty() || xb.empty()) throw std::invalid_argument("ks_statistic: empty sample");
    std::vector<double> a(xa.begin(), xa.end()), b(xb.begin(), xb.end());
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

double wasserstein1(Values xa, Values xb) {
    if (xa.size() != xb.size() || xa.empty())
        throw std::invalid_argument("wasserstein1: samples must be non-empty and of equal size");
    std::vector<double> a(xa.begin(), xa.end()), b(xb.begin(), xb.end());
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    double s = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) s += std::fabs(a[i] - b[i]);
    return s / static_cast<double>(a.size());
}

LineFit fit_line(Values x, Values y) {
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

LineFit fit_loglog(Values x, Values y) {
    if (x.size() != y.size()) throw std::invalid_argument("fit_loglog: sizes differ");
    std::vector<double> lx(x.size()), ly(y.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (!(x[i] > 0 && y[i] > 0)) throw std::invalid_argument("fit_loglog: values must be positive");
        lx[i] = std::log(x[i]);
        ly[i] = std::log(y[i]);
    }
    return fit_line(lx, ly);
}

double LogLogFit::at(double x) const { return std::exp(intercept) * std::pow(x, slope.value); }

LogLogFit loglog_slope(Values x, Values y, Values se_y) {
    const std::size_t n = x.size();
    if (y.size() != n || se_y.size() != n || n < 2)
        throw std::invalid_argument("loglog_slope: need >= 2 points, each with an error");
    std::vector<double> lx(n), ly(n), w(n);
    double sw = 0, sx = 0, sy = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!(x[i] > 0 && y[i] > 0 && se_y[i] > 0))
            throw std::invalid_argument("loglog_slope: x, y and their errors must be positive");
        lx[i] = std::log(x[i]);
        ly[i] = std::log(y[i]);
        const double sl = se_y[i] / y[i];  // se(log y) by the delta method
        w[i] = 1.0 / (sl * sl);
        sw += w[i];
        sx += w[i] * lx[i];
        sy += w[i] * ly[i];
    }
    const double mx = sx / sw, my = sy / sw;
    double sxx = 0, sxy = 0;
    for (std::size_t i = 0; i < n; ++i) {
        sxx += w[i] * (lx[i] - mx) * (lx[i] - mx);
        sxy += w[i] * (lx[i] - mx) * (ly[i] - my);
    }
    if (!(sxx > 0)) throw std::invalid_argument("loglog_slope: x values are all equal");
    LogLogFit f;
    f.slope = {sxy / sxx, 1.0 / std::sqrt(sxx), n};
    f.intercept = my - f.slope.value * mx;
    for (std::size_t i = 0; i < n; ++i) {
        const double r = ly[i] - f.intercept - f.slope.value * lx[i];
        f.chi2 += w[i] * r * r;
    }
    return f;
}

LogLogFit loglog_slope_groups(Values x, Values y, std::span<const std::vector<double>> group_y) {
    if (group_y.size() < 2) throw std::invalid_argument("loglog_slope_groups: need >= 2 groups");
    const LineFit pooled = fit_loglog(x, y);
    RunningStats g;
    for (const auto& e : group_y) g.add(fit_loglog(x, e).slope);
    LogLogFit f;
    f.slope = {pooled.slope, std::hypot(pooled.se_slope, g.se()), x.size()};
    f.intercept = pooled.intercept;
    return f;
}

}  // namespace wb
