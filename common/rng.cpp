#include "wb/rng.hpp"

#include <array>
#include <cmath>
#include <cstring>
#include <numeric>
#include <stdexcept>

#include "wb/constants.hpp"
#include "wb/special.hpp"

namespace wb {

std::uint64_t hash_name(std::string_view s, std::uint64_t h) {
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

// splitmix64 finaliser: decorrelates nearby seeds before they reach PCG.
static std::uint64_t mix(std::uint64_t z) {
    z += 0x9e3779b97f4a7c15ull;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

Rng::Rng(std::uint64_t seed, std::uint64_t stream) : gen_(mix(seed), mix(stream ^ 0x5851f42d4c957f2dull)) {}

Rng Rng::for_section(std::uint64_t seed, std::string_view chapter, std::string_view section) {
    std::uint64_t h = hash_name(chapter);
    h = hash_name("/", h);
    h = hash_name(section, h);
    return Rng(seed, h);
}

Rng Rng::split(std::uint64_t index) const {
    // A child is keyed by the parent's current state and the index only.
    Rng copy = *this;
    std::uint64_t base = copy.gen_();
    return Rng(mix(base) ^ mix(index + 1), index);
}

std::uint64_t Rng::below(std::uint64_t n) {
    if (n == 0) throw std::invalid_argument("Rng::below: n must be positive");
    // Lemire's nearly-divisionless rejection keeps the draw exactly uniform.
    std::uint64_t x = gen_();
    __uint128_t m = static_cast<__uint128_t>(x) * n;
    auto l = static_cast<std::uint64_t>(m);
    if (l < n) {
        std::uint64_t t = (0 - n) % n;
        while (l < t) {
            x = gen_();
            m = static_cast<__uint128_t>(x) * n;
            l = static_cast<std::uint64_t>(m);
        }
    }
    return static_cast<std::uint64_t>(m >> 64);
}

double Rng::normal_edge(std::uint64_t b) {
    for (;;) {
        const std::size_t i = b & 0xff;
        const std::uint64_t j = b >> 11;
        const double x = static_cast<double>(j) * detail::zig_ws[i];
        if (j < detail::zig_k[i]) return (b & 0x100) ? -x : x;
        if (i == 0) {
            // The tail beyond r (Marsaglia 1964): x = r + E₁/r, accepted when 2E₂ > (E₁/r)²
            // for independent exponentials E₁, E₂.
            double t, e;
            do {
                t = exponential() / detail::zig_r;
                e = exponential();
            } while (2.0 * e <= t * t);
            return (b & 0x100) ? -(detail::zig_r + t) : detail::zig_r + t;
        }
        // The wedge of layer i: y uniform on [f(x_i), f(x_{i+1})], accepted under the curve.
        const double y = detail::zig_f[i] + uniform() * (detail::zig_f[i + 1] - detail::zig_f[i]);
        if (y < std::exp(-0.5 * x * x)) return (b & 0x100) ? -x : x;
        b = gen_();
    }
}

// The fills step a local copy of the generator's state (kept in registers) and hand
// it back before anything that draws through gen_ (the rare wedge and tail path).
void Rng::fill_normal(std::span<double> a, double scale) {
    double* p = a.data();
    // scale · x = x exactly when scale = 1; the loop without the multiply is ~5% faster.
    if (scale == 1.0)
        each_normal(a.size(), [p](std::size_t k, double x) { p[k] = x; });
    else
        each_normal(a.size(), [p, scale](std::size_t k, double x) { p[k] = scale * x; });
}

void Rng::fill_uniform(std::span<double> a) {
    using detail::Pcg64;
    auto s = gen_.state();
    const auto inc = gen_.inc(), m2 = Pcg64::twice_multiplier(), inc2 = Pcg64::twice_increment(inc);
    double* p = a.data();
    const std::size_t n = a.size();
    std::size_t k = 0;
    if (n >= 2) {
        // The even and odd draws on two chains (Pcg64::twice_multiplier).
        auto x = s;
        Pcg64::next(x, inc);
        auto y = x;
        Pcg64::next(y, inc);
        for (;;) {
            p[k] = static_cast<double>(Pcg64::output_of(x) >> 11) * 0x1.0p-53;
            p[k + 1] = static_cast<double>(Pcg64::output_of(y) >> 11) * 0x1.0p-53;
            k += 2;
            s = y;
            if (k + 1 >= n) break;
            x = x * m2 + inc2;
            y = y * m2 + inc2;
        }
    }
    if (k < n) p[k] = static_cast<double>(Pcg64::next(s, inc) >> 11) * 0x1.0p-53;
    gen_.set_state(s);
}

void Rng::fill_rademacher(std::span<double> a) {
    // Bit k of each draw gives sign k (set: +1). Four signs at a time come from a table
    // of 16 rows: one 32-byte copy instead of four dependent shift steps, the same values.
    static constexpr auto rows = [] {
        std::array<std::array<double, 4>, 16> t{};
        for (unsigned v = 0; v < 16; ++v)
            for (unsigned k = 0; k < 4; ++k) t[v][k] = (v >> k & 1) ? 1.0 : -1.0;
        return t;
    }();
    auto s = gen_.state();
    const auto inc = gen_.inc();
    double* p = a.data();
    const std::size_t n = a.size();
    for (std::size_t i = 0; i < n; i += 64) {
        std::uint64_t b = detail::Pcg64::next(s, inc);
        const std::size_t m = n - i < 64 ? n - i : 64;
        std::size_t k = 0;
        for (; k + 4 <= m; k += 4, b >>= 4) std::memcpy(p + i + k, rows[b & 15].data(), sizeof(rows[0]));
        for (; k < m; ++k, b >>= 1) p[i + k] = (b & 1) ? 1.0 : -1.0;
    }
    gen_.set_state(s);
}

double Rng::gamma(double k) {
    if (!(k > 0.0)) throw std::invalid_argument("Rng::gamma: shape must be positive");
    if (k < 1.0) {
        // Boost the shape: Gamma(k) = Gamma(k + 1) * U^(1/k).
        const double u = uniform();
        return gamma(k + 1.0) * std::pow(u > 0 ? u : 0x1.0p-53, 1.0 / k);
    }
    const double d = k - 1.0 / 3.0, c = 1.0 / std::sqrt(9.0 * d);
    for (;;) {
        double x, v;
        do {
            x = normal();
            v = 1.0 + c * x;
        } while (v <= 0.0);
        v = v * v * v;
        const double u = uniform();
        if (u < 1.0 - 0.0331 * x * x * x * x) return d * v;
        if (std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v))) return d * v;
    }
}

double Rng::student_t(double nu) {
    if (!(nu > 0.0)) throw std::invalid_argument("Rng::student_t: nu must be positive");
    return normal() / std::sqrt(chi_square(nu) / nu);
}

double Rng::cauchy() {
    double u;
    do u = uniform(); while (u == 0.0 || u == 0.5);
    return std::tan(Pi * (u - 0.5));
}

double Rng::exponential() {
    double u;
    do u = uniform(); while (u == 0.0);
    return -std::log(u);
}

std::int64_t Rng::poisson(double lambda) {
    if (!(lambda >= 0.0)) throw std::invalid_argument("Rng::poisson: lambda must be >= 0");
    if (lambda == 0.0) return 0;
    if (lambda < 10.0) {
        // Inversion by sequential search.
        const double l = std::exp(-lambda);
        std::int64_t k = 0;
        double p = l, c = l, u = uniform();
        while (u > c) {
            ++k;
            p *= lambda / static_cast<double>(k);
            c += p;
            if (p < 1e-300 && static_cast<double>(k) > lambda) break;
        }
        return k;
    }
    // PTRS: transformed rejection with squeeze (Hörmann 1993).
    const double slam = std::sqrt(lambda), loglam = std::log(lambda);
    const double b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
    const double invalpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2.0);
    for (;;) {
        const double u = uniform() - 0.5, v = uniform();
        const double us = 0.5 - std::fabs(u);
        const double k = std::floor((2.0 * a / us + b) * u + lambda + 0.43);
        if (us >= 0.07 && v <= vr) return static_cast<std::int64_t>(k);
        if (k < 0.0 || (us < 0.013 && v > us)) continue;
        if (std::log(v) + std::log(invalpha) - std::log(a / (us * us) + b) <=
            -lambda + k * loglam - log_gamma(k + 1.0))
            return static_cast<std::int64_t>(k);
    }
}

Categorical::Categorical(std::span<const double> w) : w_(w), total_(0.0) {
    for (double x : w) {
        if (!(x >= 0.0)) throw std::invalid_argument("Rng::categorical: weights must be >= 0");
        total_ += x;
    }
    if (!(total_ > 0.0)) throw std::invalid_argument("Rng::categorical: weights sum to zero");
}

std::size_t Rng::categorical(std::span<const double> w) { return Categorical(w)(*this); }

xt::xtensor<double, 2> Rng::normal_matrix(std::size_t n, std::size_t d) {
    xt::xtensor<double, 2> a = xt::empty<double>({n, d});
    fill_normal(a);
    return a;
}

xt::xtensor<double, 1> Rng::normal_vector(std::size_t n) {
    xt::xtensor<double, 1> a = xt::empty<double>({n});
    fill_normal(a);
    return a;
}

xt::xtensor<double, 2> Rng::rademacher_matrix(std::size_t n, std::size_t d) {
    xt::xtensor<double, 2> a = xt::empty<double>({n, d});
    fill_rademacher(a);
    return a;
}

xt::xtensor<double, 2> Rng::sphere_matrix(std::size_t n, std::size_t d) {
    xt::xtensor<double, 2> a = normal_matrix(n, d);
    const double r = std::sqrt(static_cast<double>(d));
    for (std::size_t i = 0; i < n; ++i) {
        double s = 0.0;
        for (std::size_t j = 0; j < d; ++j) s += a(i, j) * a(i, j);
        const double f = r / std::sqrt(s);
        for (std::size_t j = 0; j < d; ++j) a(i, j) *= f;
    }
    return a;
}

}  // namespace wb
