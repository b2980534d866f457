#include "model.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <xtensor-blas/xlinalg.hpp>

#include "wb/constants.hpp"

namespace ch04 {

namespace {
Fourier zeros(std::size_t K) { return {xt::zeros<double>({K + 1}), xt::zeros<double>({K + 1})}; }
}  // namespace

Fourier square_wave_coefficients(std::size_t K) {
    Fourier c = zeros(K);
    for (std::size_t k = 1; k <= K; k += 2) c.b(k) = 4 / (wb::Pi * static_cast<double>(k));
    return c;
}

Fourier abs_coefficients(std::size_t K) {
    Fourier c = zeros(K);
    c.a(0) = wb::Pi;
    for (std::size_t k = 1; k <= K; k += 2) c.a(k) = -4 / (wb::Pi * static_cast<double>(k * k));
    return c;
}

Fourier sawtooth_coefficients(std::size_t K) {
    Fourier c = zeros(K);
    for (std::size_t k = 1; k <= K; ++k) c.b(k) = (k % 2 ? 2.0 : -2.0) / static_cast<double>(k);
    return c;
}

Fourier expcos_coefficients(std::size_t K) {
    Fourier c = zeros(K);
    for (std::size_t k = 0; k <= K; ++k) c.a(k) = 2 * std::cyl_bessel_i(static_cast<double>(k), 1.0);
    return c;
}

double parseval_error(double norm2, const Fourier& c) {
    double head = c.a(0) * c.a(0) / 2;
    for (std::size_t k = 1; k <= c.degree(); ++k) head += c.a(k) * c.a(k) + c.b(k) * c.b(k);
    return std::sqrt(std::max(norm2 - wb::Pi * head, 0.0));
}

double expcos_error(std::size_t K) {
    // a_k = 2I_k(1) ≈ 2/(2^k k!): forty more terms are far below double precision.
    double tail = 0.0;
    for (std::size_t k = K + 40; k > K; --k) {
        const double a = 2 * std::cyl_bessel_i(static_cast<double>(k), 1.0);
        tail += a * a;
    }
    return std::sqrt(wb::Pi * tail);
}

double sine_integral(double x) {
    if (std::fabs(x) > 8) throw std::invalid_argument("sine_integral: series used only for |x| <= 8");
    // Si(x) = Σ_n (−1)^n x^{2n+1} / ((2n+1)(2n+1)!).
    double term = x, sum = 0.0;  // term = (−1)^n x^{2n+1}/(2n+1)!
    for (int n = 0; n < 60; ++n) {
        sum += term / (2 * n + 1);
        term *= -x * x / ((2 * n + 2) * (2 * n + 3));
    }
    return sum;
}

double ReluNet::operator()(double x) const {
    wb::Vec h{x};
    for (std::size_t l = 0; l < W.size(); ++l) {
        wb::Vec z = xt::linalg::dot(W[l], h) + b[l];
        h = xt::maximum(z, 0.0);
    }
    return xt::linalg::vdot(w_out, h) + c_out;
}

std::size_t ReluNet::units() const {
    std::size_t u = 0;
    for (const auto& w : W) u += w.shape(0);
    return u;
}

ReluNet yarotsky_network(int m) {
    if (m < 1) throw std::invalid_argument("yarotsky_network: m must be >= 1");
    // Layer s holds relu(g_{s−1}), relu(g_{s−1} − ½), relu(g_{s−1} − 1) and relu(y_{s−1}),
    // y_{s−1} = x − Σ_{r<s} g_r/4^r ≥ x² ≥ 0 (so the ReLU passes it unchanged). With
    // u = the layer's first three units, g = 2u₁ − 4u₂ + 2u₃.
    ReluNet net;
    net.W.push_back(wb::Mat{{1.0}, {1.0}, {1.0}, {1.0}});  // g₀ = y₀ = x
    net.b.push_back(wb::Vec{0.0, -0.5, -1.0, 0.0});
    double w = 1.0;
    for (int s = 2; s <= m; ++s) {
        w /= 4;  // weight of g_{s−1}
        net.W.push_back(wb::Mat{{2, -4, 2, 0}, {2, -4, 2, 0}, {2, -4, 2, 0}, {-2 * w, 4 * w, -2 * w, 1}});
        net.b.push_back(wb::Vec{0.0, -0.5, -1.0, 0.0});
    }
    w /= 4;  // weight of g_m
    net.w_out = wb::Vec{-2 * w, 4 * w, -2 * w, 1};
    return net;
}

ReluNet shallow_square_network(int m) {
    // x² interpolated at k h, h = 2^{−m}: slope h on the first cell, +2h at each node after it.
    const std::size_t N = std::size_t{1} << m;
    const double h = 1.0 / static_cast<double>(N);
    ReluNet net;
    net.W.push_back(xt::ones<double>({N, std::size_t{1}}));
    net.b.push_back(-h * xt::arange<double>(static_cast<double>(N)));
    net.w_out = xt::full_like(net.b[0], 2 * h);
    net.w_out(0) = h;
    return net;
}

wb::Mat relu_features(const wb::Vec& x, const wb::Vec& w, const wb::Vec& c) {
    wb::Mat phi = xt::empty<double>({x.size(), w.size()});
    for (std::size_t i = 0; i < x.size(); ++i)
        for (std::size_t j = 0; j < w.size(); ++j) phi(i, j) = std::max(w(j) * x(i) + c(j), 0.0);
    return phi;
}

wb::Mat tanh_features(const wb::Vec& x, const wb::Vec& w, const wb::Vec& c) {
    wb::Mat phi = xt::empty<double>({x.size(), w.size()});
    for (std::size_t i = 0; i < x.size(); ++i)
        for (std::size_t j = 0; j < w.size(); ++j) phi(i, j) = std::tanh(w(j) * x(i) + c(j));
    return phi;
}

wb::Vec ridge(const wb::Mat& Phi, const wb::Vec& y, double lambda) {
    if (!(lambda > 0)) throw std::invalid_argument("ridge: lambda must be positive");
    // Solve in the smaller of the two spaces: (ΦᵀΦ + λI)β = Φᵀy, or β = Φᵀ(ΦΦᵀ + λI)⁻¹y.
    const std::size_t n = Phi.shape(0), N = Phi.shape(1);
    if (N <= n) {
        wb::Mat G = xt::linalg::dot(xt::transpose(Phi), Phi);
        for (std::size_t j = 0; j < N; ++j) G(j, j) += lambda;
        return xt::linalg::solve(G, xt::linalg::dot(xt::transpose(Phi), y));
    }
    wb::Mat G = xt::linalg::dot(Phi, xt::transpose(Phi));
    for (std::size_t i = 0; i < n; ++i) G(i, i) += lambda;
    return xt::linalg::dot(xt::transpose(Phi), xt::linalg::solve(G, y));
}

}  // namespace ch04
