#include "model.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <xtensor-blas/xlinalg.hpp>

#include "wb/numerics.hpp"
#include "wb/special.hpp"

namespace ch10 {

wb::GaussianMixture two_modes() {
    return wb::GaussianMixture::isotropic({0.2, 0.8}, {{-5.0, -5.0}, {5.0, 5.0}}, {1.0, 1.0});
}

wb::GaussianMixture two_modes_along_u() {
    const double a = 5.0 * wb::Sqrt2;
    return wb::GaussianMixture::univariate({0.2, 0.8}, {-a, a}, {1.0, 1.0});
}

double noised_log_density_quadrature(const wb::GaussianMixture& p, double sigma, std::span<const double> x) {
    const std::size_t K = p.components(), d = p.dim();
    if (x.size() != d) throw std::invalid_argument("noised_log_density_quadrature: x has the wrong length");
    std::vector<double> logs(K);
    for (std::size_t k = 0; k < K; ++k) {
        double l = std::log(p.weights()(k));
        for (std::size_t j = 0; j < d; ++j) {
            const double mu = p.means()(k, j), s = std::sqrt(p.variances()(k, j));
            // ∫ N(x − y; 0, σ²) N(y; μ, s²) dy as E_Z of the narrower density at the wider
            // normal's draw, so the integrand is smooth on the scale of the nodes.
            // (The integrand's width in z is s/σ in the first form, σ/s in the second.)
            const double f = s >= sigma
                                 ? wb::gauss_expect([&](double z) { return wb::normal_pdf(x[j] - sigma * z, mu, s * s); })
                                 : wb::gauss_expect([&](double z) { return wb::normal_pdf(x[j], mu + s * z, sigma * sigma); });
            l += std::log(f);
        }
        logs[k] = l;
    }
    return wb::log_sum_exp(logs);
}

double fisher_information_2d(const wb::GaussianMixture& q, std::size_t nodes) {
    if (q.dim() != 2) throw std::invalid_argument("fisher_information_2d: a 2-D mixture");
    const wb::GaussHermite& gh = wb::gauss_hermite(nodes);
    double J = 0.0;
    double x[2], g[2];
    for (std::size_t k = 0; k < q.components(); ++k) {
        const double s = std::sqrt(q.variances()(k, 0));
        double Ek = 0.0;
        for (std::size_t a = 0; a < nodes; ++a)
            for (std::size_t b = 0; b < nodes; ++b) {
                x[0] = q.means()(k, 0) + s * gh.nodes[a];
                x[1] = q.means()(k, 1) + s * gh.nodes[b];
                q.score(std::span<const double>(x, 2), std::span<double>(g, 2));
                Ek += gh.weights[a] * gh.weights[b] * (g[0] * g[0] + g[1] * g[1]);
            }
        J += q.weights()(k) * Ek;
    }
    return J;
}

Committor::Committor(const wb::GaussianMixture& p, std::size_t grid) {
    if (p.dim() != 1 || p.components() != 2 || grid < 2) throw std::invalid_argument("Committor: a 1-D mixture of two");
    lo_ = std::min(p.means()(0, 0), p.means()(1, 0));
    hi_ = std::max(p.means()(0, 0), p.means()(1, 0));
    h_ = (hi_ - lo_) / static_cast<double>(grid - 1);
    // 1/p is about e^{25} at the barrier: integrate exp(−log p − M) with M = max(−log p).
    std::vector<double> neg(grid);
    for (std::size_t i = 0; i < grid; ++i) neg[i] = -p.log_density(lo_ + h_ * static_cast<double>(i));
    const double M = *std::max_element(neg.begin(), neg.end());
    q_.assign(grid, 0.0);
    for (std::size_t i = grid - 1; i-- > 0;) q_[i] = q_[i + 1] + 0.5 * h_ * (std::exp(neg[i] - M) + std::exp(neg[i + 1] - M));
    const double total = q_[0];
    for (double& v : q_) v /= total;
}

double Committor::operator()(double u) const {
    if (u <= lo_) return 1.0;
    if (u >= hi_) return 0.0;
    const double t = (u - lo_) / h_;
    const auto i = std::min(static_cast<std::size_t>(t), q_.size() - 2);
    const double f = t - static_cast<double>(i);
    return (1 - f) * q_[i] + f * q_[i + 1];
}

double small_mode_weight_from_uniform(const Committor& q, double b) {
    // s = x₁ + x₂ has the triangular density (2b − |s|)/(4b²) on [−2b, 2b]; u₀ = s/√2.
    const std::size_t m = 400000;
    const double h = 4 * b / static_cast<double>(m);
    double w = 0.0;
    for (std::size_t i = 0; i <= m; ++i) {
        const double s = -2 * b + h * static_cast<double>(i);
        const double f = (2 * b - std::fabs(s)) / (4 * b * b) * q(s / wb::Sqrt2);
        w += (i == 0 || i == m ? 0.5 : 1.0) * f * h;
    }
    return w;
}

double RbfScore::operator()(double x) const {
    double s = 0.0;
    for (std::size_t j = 0; j < centres.size(); ++j) {
        const double r = (x - centres[j]) / width;
        s += theta(j) * std::exp(-0.5 * r * r);
    }
    return s;
}

RbfScore fit_dsm(const wb::Vec& x, double sigma, double lambda, std::span<const double> centres, double width,
                 wb::Rng& rng) {
    const std::size_t n = x.size(), F = centres.size();
    if (n == 0 || F == 0 || !(sigma > 0) || !(width > 0)) throw std::invalid_argument("fit_dsm: empty data or bad scale");
    wb::Mat G = xt::zeros<double>({F, F});  // (1/n) Σ φ φᵀ + λ I
    wb::Vec h = xt::zeros<double>({F});     // −(1/n) Σ φ ε/σ
    std::vector<double> phi(F);
    for (std::size_t i = 0; i < n; ++i) {
        const double eps = rng.normal(), xt_ = x(i) + sigma * eps;
        for (std::size_t j = 0; j < F; ++j) {
            const double r = (xt_ - centres[j]) / width;
            phi[j] = std::exp(-0.5 * r * r);
        }
        for (std::size_t a = 0; a < F; ++a) {
            if (phi[a] == 0.0) continue;
            h(a) -= phi[a] * eps / sigma;
            for (std::size_t c = 0; c < F; ++c) G(a, c) += phi[a] * phi[c];
        }
    }
    G /= static_cast<double>(n);
    h /= static_cast<double>(n);
    for (std::size_t a = 0; a < F; ++a) G(a, a) += lambda;
    return {std::vector<double>(centres.begin(), centres.end()), width, xt::linalg::solve(G, h)};
}

}  // namespace ch10
