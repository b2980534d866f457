#include "model.hpp"

#include <algorithm>
#include <cmath>

#include "wb/constants.hpp"

namespace ch07 {

Labeled triangle_classes(wb::Rng& rng, std::size_t n, double far, double far_fraction) {
    Labeled d{xt::empty<double>({n, std::size_t{3}}), Labels(n)};
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t y = rng.below(3);
        const double r = rng.uniform() < far_fraction ? far : 1.0, a = 2 * wb::Pi * static_cast<double>(y) / 3;
        d.y[i] = y;
        d.x(i, 0) = r * std::cos(a) + rng.normal();
        d.x(i, 1) = r * std::sin(a) + rng.normal();
        d.x(i, 2) = 1.0;
    }
    return d;
}

Labels symmetric_noise(const Labels& y, std::size_t K, double rho, std::span<const double> u,
                       std::span<const double> v) {
    Labels out = y;
    for (std::size_t i = 0; i < y.size(); ++i)
        if (u[i] < rho) out[i] = (y[i] + 1 + static_cast<std::size_t>(v[i] * static_cast<double>(K - 1))) % K;
    return out;
}

namespace {

// Logits z = Wᵀx_i into z (K) and the softmax into p (K); returns p_{y}.
double forward(const wb::Mat& w, const wb::Mat& x, std::size_t i, std::size_t y, double* p) {
    const std::size_t d = w.shape(0), K = w.shape(1);
    double c = -INFINITY;
    for (std::size_t k = 0; k < K; ++k) {
        double z = 0.0;
        for (std::size_t j = 0; j < d; ++j) z += w(j, k) * x(i, j);
        p[k] = z;
        c = std::max(c, z);
    }
    double s = 0.0;
    for (std::size_t k = 0; k < K; ++k) s += (p[k] = std::exp(p[k] - c));
    for (std::size_t k = 0; k < K; ++k) p[k] /= s;
    return p[y];
}

}  // namespace

wb::Mat train(const Labeled& data, const Labels& y, Loss loss, double q, double eta, std::size_t steps) {
    // The inner loop of §5, specialised to d = 3 features and K = 3 classes on local arrays.
    constexpr std::size_t d = 3, K = 3;
    const std::size_t n = data.x.shape(0);
    const double* x = data.x.data();  // row-major (n, 3)
    double w[d][K] = {}, g[d][K];
    for (std::size_t t = 0; t < steps; ++t) {
        for (auto& row : g)
            for (double& v : row) v = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            const double* xi = x + d * i;
            double z[K];
            for (std::size_t k = 0; k < K; ++k) z[k] = w[0][k] * xi[0] + w[1][k] * xi[1] + w[2][k] * xi[2];
            const double c = std::max(z[0], std::max(z[1], z[2]));
            double p[K], s = 0.0;
            for (std::size_t k = 0; k < K; ++k) s += (p[k] = std::exp(z[k] - c));
            for (double& pk : p) pk /= s;
            // The loss's weight on CE's logit gradient p − e_y (§4).
            const double weight = loss == Loss::CE    ? 1.0
                                  : loss == Loss::MAE ? 2 * p[y[i]]
                                                      : std::exp(q * (z[y[i]] - c - std::log(s)));
            p[y[i]] -= 1.0;
            for (std::size_t j = 0; j < d; ++j)
                for (std::size_t k = 0; k < K; ++k) g[j][k] += weight * xi[j] * p[k];
        }
        for (std::size_t j = 0; j < d; ++j)
            for (std::size_t k = 0; k < K; ++k) w[j][k] -= eta / static_cast<double>(n) * g[j][k];
    }
    wb::Mat out = xt::empty<double>({d, K});
    for (std::size_t j = 0; j < d; ++j)
        for (std::size_t k = 0; k < K; ++k) out(j, k) = w[j][k];
    return out;
}

double accuracy(const wb::Mat& w, const Labeled& data) {
    const std::size_t n = data.x.shape(0), K = w.shape(1);
    std::vector<double> p(K);
    std::size_t right = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double py = forward(w, data.x, i, data.y[i], p.data());
        bool best = true;
        for (std::size_t k = 0; k < K; ++k) best = best && (k == data.y[i] || p[k] < py);
        right += best;
    }
    return static_cast<double>(right) / static_cast<double>(n);
}

wb::Vec gce_weights(const wb::Mat& w, const Labeled& data, const Labels& y, double q) {
    const std::size_t n = data.x.shape(0);
    std::vector<double> p(w.shape(1));
    wb::Vec out = xt::empty<double>({n});
    for (std::size_t i = 0; i < n; ++i) out(i) = std::pow(forward(w, data.x, i, y[i], p.data()), q);
    return out;
}

HardMargin hard_margin(const wb::Mat& x, const Labels& y, std::size_t K, std::size_t sweeps) {
    // W(α) = Σ α_ik x_i (e_{y_i} − e_k)ᵀ; the dual Σα − ½‖W(α)‖² is concave and maximised one
    // α_ik at a time in closed form: α ← max(0, α + (1 − margin_ik)/‖x_i(e_y − e_k)ᵀ‖²).
    const std::size_t n = x.shape(0), d = x.shape(1);
    wb::Mat w = xt::zeros<double>({d, K}), alpha = xt::zeros<double>({n, K});
    for (std::size_t s = 0; s < sweeps; ++s)
        for (std::size_t i = 0; i < n; ++i) {
            double xx = 0.0;
            for (std::size_t j = 0; j < d; ++j) xx += x(i, j) * x(i, j);
            for (std::size_t k = 0; k < K; ++k) {
                if (k == y[i]) continue;
                double m = 0.0;
                for (std::size_t j = 0; j < d; ++j) m += (w(j, y[i]) - w(j, k)) * x(i, j);
                const double a = std::max(0.0, alpha(i, k) + (1.0 - m) / (2 * xx)), da = a - alpha(i, k);
                alpha(i, k) = a;
                for (std::size_t j = 0; j < d; ++j) {
                    w(j, y[i]) += da * x(i, j);
                    w(j, k) -= da * x(i, j);
                }
            }
        }
    return {w, xt::sum(alpha)() - 0.5 * xt::sum(w * w)()};
}

double min_margin(const wb::Mat& w, const wb::Mat& x, const Labels& y) {
    double out = INFINITY;
    for (std::size_t i = 0; i < x.shape(0); ++i)
        for (std::size_t k = 0; k < w.shape(1); ++k) {
            if (k == y[i]) continue;
            double m = 0.0;
            for (std::size_t j = 0; j < x.shape(1); ++j) m += (w(j, y[i]) - w(j, k)) * x(i, j);
            out = std::min(out, m);
        }
    return out;
}

}  // namespace ch07
