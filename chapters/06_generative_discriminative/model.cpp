// Chapter 06's models (see model.hpp). Plain loops: d is small and n is large.
#include "model.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "wb/constants.hpp"
#include "wb/numerics.hpp"
#include "wb/special.hpp"

namespace ch06 {

wb::Vec log_odds(const Linear& m, const wb::Mat& x) {
    const std::size_t n = x.shape(0), d = x.shape(1);
    wb::Vec out = xt::empty<double>({n});
    for (std::size_t i = 0; i < n; ++i) {
        double t = m.b;
        for (std::size_t j = 0; j < d; ++j) t += m.w(j) * x(i, j);
        out(i) = t;
    }
    return out;
}

wb::Vec log_odds(const Quadratic& m, const wb::Mat& x) {
    const std::size_t n = x.shape(0), d = x.shape(1);
    wb::Vec out = xt::empty<double>({n});
    for (std::size_t i = 0; i < n; ++i) {
        double t = m.b;
        for (std::size_t j = 0; j < d; ++j) {
            t += m.w(j) * x(i, j);
            for (std::size_t k = 0; k < d; ++k) t += x(i, j) * m.A(j, k) * x(i, k);
        }
        out(i) = t;
    }
    return out;
}

wb::Vec mistakes(const wb::Vec& lo, const wb::Vec& y) {
    wb::Vec out = xt::empty<double>({lo.size()});
    for (std::size_t i = 0; i < lo.size(); ++i) out(i) = ((lo(i) > 0.0) != (y(i) > 0.5)) ? 1.0 : 0.0;
    return out;
}

wb::Vec bayes_risk(const wb::Vec& lo) {
    wb::Vec out = xt::empty<double>({lo.size()});
    for (std::size_t i = 0; i < lo.size(); ++i) out(i) = 1.0 / (1.0 + std::exp(std::fabs(lo(i))));
    return out;
}

Gaussian::Gaussian(wb::Vec mean, wb::Mat covariance) : mu(std::move(mean)), cov(std::move(covariance)) {
    const std::size_t d = mu.size();
    L = xt::zeros<double>({d, d});
    // Cholesky–Banachiewicz, row by row.
    for (std::size_t i = 0; i < d; ++i)
        for (std::size_t j = 0; j <= i; ++j) {
            double s = cov(i, j);
            for (std::size_t k = 0; k < j; ++k) s -= L(i, k) * L(j, k);
            if (i == j) {
                if (s <= 0.0) throw std::invalid_argument("Gaussian: covariance is not positive definite");
                L(i, i) = std::sqrt(s);
            } else {
                L(i, j) = s / L(j, j);
            }
        }
    for (std::size_t i = 0; i < d; ++i) logdet += 2.0 * std::log(L(i, i));
}

double Gaussian::log_pdf(const wb::Mat& x, std::size_t row) const {
    // Solve L z = x − mu by forward substitution; (x − mu)ᵀ cov⁻¹ (x − mu) = ‖z‖².
    const std::size_t d = mu.size();
    std::vector<double> z(d);
    double q = 0.0;
    for (std::size_t i = 0; i < d; ++i) {
        double s = x(row, i) - mu(i);
        for (std::size_t k = 0; k < i; ++k) s -= L(i, k) * z[k];
        z[i] = s / L(i, i);
        q += z[i] * z[i];
    }
    return -0.5 * (q + logdet + static_cast<double>(d) * wb::Log2Pi);
}

void Gaussian::sample(wb::Rng& rng, wb::Mat& x, std::size_t row) const {
    const std::size_t d = mu.size();
    std::vector<double> z(d);
    for (auto& v : z) v = rng.normal();
    for (std::size_t i = 0; i < d; ++i) {
        double s = mu(i);
        for (std::size_t k = 0; k <= i; ++k) s += L(i, k) * z[k];
        x(row, i) = s;
    }
}

Labeled GaussianPair::sample(wb::Rng& rng, std::size_t n, bool balanced) const {
    Labeled out{xt::empty<double>({n, g0.mu.size()}), xt::empty<double>({n})};
    for (std::size_t i = 0; i < n; ++i) {
        const bool one = balanced ? (i % 2 == 1) : rng.uniform() < pi1;
        out.y(i) = one ? 1.0 : 0.0;
        (one ? g1 : g0).sample(rng, out.x, i);
    }
    return out;
}

wb::Vec GaussianPair::log_odds(const wb::Mat& x) const {
    wb::Vec out = xt::empty<double>({x.shape(0)});
    const double prior = std::log(pi1 / (1.0 - pi1));
    for (std::size_t i = 0; i < x.shape(0); ++i) out(i) = prior + g1.log_pdf(x, i) - g0.log_pdf(x, i);
    return out;
}

ClassMoments class_moments(const Labeled& data) {
    const std::size_t n = data.x.shape(0), d = data.x.shape(1);
    ClassMoments m{{0.0, 0.0}, {xt::zeros<double>({d}), xt::zeros<double>({d})},
                   {xt::zeros<double>({d, d}), xt::zeros<double>({d, d})}, xt::zeros<double>({d, d})};
    for (std::size_t i = 0; i < n; ++i) {
        const int c = data.y(i) > 0.5;
        m.n[c] += 1.0;
        for (std::size_t j = 0; j < d; ++j) m.mu[c](j) += data.x(i, j);
    }
    for (int c = 0; c < 2; ++c) m.mu[c] /= m.n[c];
    for (std::size_t i = 0; i < n; ++i) {
        const int c = data.y(i) > 0.5;
        for (std::size_t j = 0; j < d; ++j)
            for (std::size_t k = 0; k < d; ++k)
                m.cov[c](j, k) += (data.x(i, j) - m.mu[c](j)) * (data.x(i, k) - m.mu[c](k));
    }
    m.pooled = (m.cov[0] + m.cov[1]) / static_cast<double>(n);
    for (int c = 0; c < 2; ++c) m.cov[c] /= m.n[c];
    return m;
}

double linear_error(const Linear& m, const wb::Vec& mu0, const wb::Vec& mu1, const wb::Mat& cov, double pi1) {
    // wᵀx + b | y ~ N(wᵀmu_y + b, wᵀ cov w).
    const std::size_t d = mu0.size();
    double a0 = m.b, a1 = m.b, v = 0.0;
    for (std::size_t j = 0; j < d; ++j) {
        a0 += m.w(j) * mu0(j);
        a1 += m.w(j) * mu1(j);
        for (std::size_t k = 0; k < d; ++k) v += m.w(j) * cov(j, k) * m.w(k);
    }
    if (v <= 0.0) return m.b > 0.0 ? 1.0 - pi1 : pi1;
    const double sd = std::sqrt(v);
    return (1.0 - pi1) * wb::normal_cdf(a0 / sd) + pi1 * wb::normal_cdf(-a1 / sd);
}

Linear gaussian_nb_fit(const Labeled& data) {
    const ClassMoments m = class_moments(data);
    const std::size_t d = m.mu[0].size();
    // log N(x_j; μ_1j, v_j) − log N(x_j; μ_0j, v_j) summed over the features.
    Linear out{xt::empty<double>({d}), std::log(m.n[1] / m.n[0])};
    for (std::size_t j = 0; j < d; ++j) {
        const double v = m.pooled(j, j);
        out.w(j) = (m.mu[1](j) - m.mu[0](j)) / v;
        out.b += (m.mu[0](j) * m.mu[0](j) - m.mu[1](j) * m.mu[1](j)) / (2.0 * v);
    }
    return out;
}

Labeled Ring::sample(wb::Rng& rng, std::size_t n) const {
    Labeled out{xt::empty<double>({n, std::size_t{2}}), xt::empty<double>({n})};
    for (std::size_t i = 0; i < n; ++i) {
        const bool one = rng.uniform() < 0.5;
        out.y(i) = one ? 1.0 : 0.0;
        if (one) {
            const double r = std::fabs(R + tau * rng.normal()), a = 2.0 * wb::Pi * rng.uniform();
            out.x(i, 0) = r * std::cos(a);
            out.x(i, 1) = r * std::sin(a);
        } else {
            out.x(i, 0) = s * rng.normal();
            out.x(i, 1) = s * rng.normal();
        }
    }
    return out;
}

// Rayleigh: the radius of N(0, s² I) in the plane.
double Ring::core_radial(double r) const { return r / (s * s) * std::exp(-r * r / (2 * s * s)); }
// The folded normal |R + τ ε|.
double Ring::ring_radial(double r) const {
    return (wb::normal_pdf((r - R) / tau) + wb::normal_pdf((r + R) / tau)) / tau;
}

wb::Vec Ring::log_odds(const wb::Mat& x) const {
    // A density in the plane is its radial density over 2πr; the 2πr cancels in the ratio.
    wb::Vec out = xt::empty<double>({x.shape(0)});
    for (std::size_t i = 0; i < x.shape(0); ++i) {
        const double r = std::hypot(x(i, 0), x(i, 1));
        const double log_core = std::log(r / (s * s)) - r * r / (2 * s * s);
        const double a = -0.5 * ((r - R) / tau) * ((r - R) / tau), c = -0.5 * ((r + R) / tau) * ((r + R) / tau);
        const double log_ring = a + std::log1p(std::exp(c - a)) - std::log(tau) - 0.5 * wb::Log2Pi;
        out(i) = log_ring - log_core;
    }
    return out;
}

double Ring::bayes_error() const {
    const double hi = std::max(R + 12 * tau, 12 * s);
    return wb::simpson([&](double r) { return 0.5 * std::min(core_radial(r), ring_radial(r)); }, 0.0, hi, 400000);
}

Labeled Moons::sample(wb::Rng& rng, std::size_t n) const {
    Labeled out{xt::empty<double>({n, std::size_t{2}}), xt::empty<double>({n})};
    for (std::size_t i = 0; i < n; ++i) {
        const bool one = rng.uniform() < 0.5;
        const double t = wb::Pi * rng.uniform();
        out.y(i) = one ? 1.0 : 0.0;
        out.x(i, 0) = (one ? 1.0 - std::cos(t) : std::cos(t)) + sigma * rng.normal();
        out.x(i, 1) = (one ? 0.5 - std::sin(t) : std::sin(t)) + sigma * rng.normal();
    }
    return out;
}

wb::Vec Moons::log_odds(const wb::Mat& x) const {
    // p_c(x) = (1/π) ∫₀^π N(x; c(θ), σ² I) dθ by Simpson's rule in log-sum-exp form.
    constexpr std::size_t K = 400;  // even: Simpson intervals
    std::vector<double> ct(K + 1), st(K + 1), wt(K + 1);
    for (std::size_t k = 0; k <= K; ++k) {
        const double t = wb::Pi * static_cast<double>(k) / K;
        ct[k] = std::cos(t);
        st[k] = std::sin(t);
        wt[k] = (k == 0 || k == K) ? 1.0 : (k % 2 ? 4.0 : 2.0);
    }
    const double inv2v = 1.0 / (2 * sigma * sigma);
    std::vector<double> e(K + 1);
    auto log_density = [&](double x0, double x1, bool one) {
        double mx = -1e300;
        for (std::size_t k = 0; k <= K; ++k) {
            const double c0 = one ? 1.0 - ct[k] : ct[k], c1 = one ? 0.5 - st[k] : st[k];
            e[k] = -((x0 - c0) * (x0 - c0) + (x1 - c1) * (x1 - c1)) * inv2v;
            mx = std::max(mx, e[k]);
        }
        double sum = 0.0;
        for (std::size_t k = 0; k <= K; ++k) sum += wt[k] * std::exp(e[k] - mx);
        return mx + std::log(sum);  // the common factors cancel in the log-odds
    };
    wb::Vec out = xt::empty<double>({x.shape(0)});
    for (std::size_t i = 0; i < x.shape(0); ++i) out(i) = log_density(x(i, 0), x(i, 1), true) - log_density(x(i, 0), x(i, 1), false);
    return out;
}

wb::Vec knn_log_odds(const Labeled& train, const wb::Mat& query, std::size_t k) {
    const std::size_t n = train.x.shape(0), d = train.x.shape(1);
    std::vector<std::pair<double, double>> dist(n);  // (squared distance, label)
    wb::Vec out = xt::empty<double>({query.shape(0)});
    for (std::size_t q = 0; q < query.shape(0); ++q) {
        for (std::size_t i = 0; i < n; ++i) {
            double s = 0.0;
            for (std::size_t j = 0; j < d; ++j) s += (train.x(i, j) - query(q, j)) * (train.x(i, j) - query(q, j));
            dist[i] = {s, train.y(i)};
        }
        std::nth_element(dist.begin(), dist.begin() + static_cast<std::ptrdiff_t>(k), dist.end());
        double c = 0.0;
        for (std::size_t i = 0; i < k; ++i) c += dist[i].second;
        out(q) = std::log((c + 0.5) / (static_cast<double>(k) - c + 0.5));
    }
    return out;
}

}  // namespace ch06

#include <xtensor-blas/xlinalg.hpp>

namespace ch06 {
Linear lda_closed_form(const wb::Vec& mu0, const wb::Vec& mu1, const wb::Mat& cov, double pi1) {
    const wb::Vec p0 = xt::linalg::solve(cov, mu0), p1 = xt::linalg::solve(cov, mu1);
    return {p1 - p0, -0.5 * xt::sum(mu1 * p1)() + 0.5 * xt::sum(mu0 * p0)() + std::log(pi1 / (1.0 - pi1))};
}
}  // namespace ch06
