#include "model.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "wb/numerics.hpp"
#include "wb/special.hpp"

namespace ch08 {

namespace {

double logistic(double z) { return 1.0 / (1.0 + std::exp(-z)); }

// Placement values: for a positive, the fraction of negatives it beats (ties ½); for a
// negative, the fraction of positives that beat it. (n) in the order of the data.
std::vector<double> placements(std::span<const double> s, std::span<const int> y) {
    const std::size_t n = s.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return s[a] < s[b]; });
    const double pos = static_cast<double>(std::count(y.begin(), y.end(), 1));
    const double neg = static_cast<double>(n) - pos;
    std::vector<double> v(n);
    double pos_below = 0, neg_below = 0;
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        double p = 0, q = 0;
        for (; j < n && s[order[j]] == s[order[i]]; ++j) (y[order[j]] == 1 ? p : q) += 1;
        for (std::size_t k = i; k < j; ++k)
            v[order[k]] = y[order[k]] == 1 ? (neg_below + 0.5 * q) / neg
                                            : (pos - pos_below - p + 0.5 * p) / pos;
        pos_below += p;
        neg_below += q;
        i = j;
    }
    return v;
}

// The mean of the positives' placements and the DeLong standard error.
wb::Estimate from_placements(const std::vector<double>& v, std::span<const int> y) {
    std::vector<double> vp, vn;
    for (std::size_t i = 0; i < v.size(); ++i) (y[i] == 1 ? vp : vn).push_back(v[i]);
    const wb::Estimate a = wb::mean_se(vp), b = wb::mean_se(vn);
    return {a.value, std::sqrt(a.se * a.se + b.se * b.se), std::min(vp.size(), vn.size())};
}

// The population AUC of a score on the grid against class weights w1, w0 (grid points).
double grid_auc(const std::vector<double>& s, const std::vector<double>& w1, const std::vector<double>& w0) {
    std::vector<std::size_t> order(s.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return s[a] < s[b]; });
    double below = 0, sum = 0, t1 = 0, t0 = 0;
    for (std::size_t k : order) {
        sum += w1[k] * (below + 0.5 * w0[k]);  // a grid point ties only with itself
        below += w0[k];
        t1 += w1[k];
        t0 += w0[k];
    }
    return sum / (t1 * t0);
}

}  // namespace

double clean_posterior(double x) { return logistic(2.0 * Mu * x); }

Sample draw(wb::Rng& rng, std::size_t n) {
    Sample d{wb::Vec::from_shape({2 * n}), std::vector<int>(2 * n, 0)};
    for (std::size_t i = 0; i < 2 * n; ++i) {
        d.y[i] = i < n ? 1 : 0;
        d.x(i) = rng.normal(i < n ? Mu : -Mu, 1.0);
    }
    return d;
}

FlipRates Noise::at(double eta) const {
    const double g = logistic((eta - centre) / width);
    return {rho0, rho1 + step * g, 0.0, step * g * (1.0 - g) / width};
}

std::vector<int> flip_labels(const Sample& d, const Noise& noise, wb::Rng& rng) {
    std::vector<int> out(d.y);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const FlipRates r = noise.at(clean_posterior(d.x(i)));
        if (rng.uniform() < (d.y[i] == 1 ? r.rho1 : r.rho0)) out[i] = 1 - out[i];
    }
    return out;
}

wb::Vec noisy_score(const wb::Vec& x, const Noise& noise) {
    wb::Vec s = wb::Vec::from_shape({x.size()});
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double eta = clean_posterior(x(i));
        s(i) = noisy_posterior(eta, noise.at(eta)).value;
    }
    return s;
}

double auc_pairs(std::span<const double> s, std::span<const int> y) {
    double wins = 0, pairs = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (y[i] != 1) continue;
        for (std::size_t j = 0; j < s.size(); ++j) {
            if (y[j] != 0) continue;
            wins += s[i] > s[j] ? 1.0 : s[i] == s[j] ? 0.5 : 0.0;
            pairs += 1;
        }
    }
    return wins / pairs;
}

wb::Estimate auc_estimate(std::span<const double> s, std::span<const int> y) {
    return from_placements(placements(s, y), y);
}

wb::Estimate auc_difference(std::span<const double> a, std::span<const double> b, std::span<const int> y) {
    std::vector<double> va = placements(a, y);
    const std::vector<double> vb = placements(b, y);
    for (std::size_t i = 0; i < va.size(); ++i) va[i] -= vb[i];
    return from_placements(va, y);
}

const std::vector<double>& auc_grid() {
    static const std::vector<double> x = wb::linspace(-9.0, 9.0, 6001);
    return x;
}

double clean_auc(const std::vector<double>& s) {
    std::vector<double> w1, w0;
    for (double x : auc_grid()) {
        w1.push_back(wb::normal_pdf(x - Mu));
        w0.push_back(wb::normal_pdf(x + Mu));
    }
    return grid_auc(s, w1, w0);
}

double noisy_label_auc(const std::vector<double>& s, const Noise& noise) {
    std::vector<double> w1, w0;
    for (double x : auc_grid()) {
        const double p = wb::normal_pdf(x - Mu) + wb::normal_pdf(x + Mu), eta = clean_posterior(x);
        const double h = noisy_posterior(eta, noise.at(eta)).value;
        w1.push_back(p * h);
        w0.push_back(p * (1.0 - h));
    }
    return grid_auc(s, w1, w0);
}

}  // namespace ch08
