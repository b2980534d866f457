#include "wb/rng.hpp"

#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <numeric>
#include <stdexcept>

#include "wb/constants.hpp"
#include "wb/special.hpp"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

namespace wb {

namespace detail {
// Calls put(k, draw k) for the next count draws of (s, inc) and leaves s after them: the even
// and the odd draws on two multiply chains (the 128-bit multiply's latency bounds one chain).
template <class Put> static void two_chains(Pcg64::State& s, Pcg64::State inc, std::size_t count, Put put) {
    const auto m2 = Pcg64::twice_multiplier(), inc2 = Pcg64::twice_increment(inc);
    std::size_t k = 0;
    if (count >= 2) {
        auto x = Pcg64::step(s, inc), y = Pcg64::step(x, inc);
        for (;;) {
            put(k, Pcg64::output_of(x));
            put(k + 1, Pcg64::output_of(y));
            k += 2;
            s = y;
            if (k + 1 >= count) break;
            x = x * m2 + inc2;
            y = y * m2 + inc2;
        }
    }
    if (k < count) put(k, Pcg64::next(s, inc));
}
}  // namespace detail

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

double Rng::normal_edge(std::uint64_t b) { return detail::normal_edge(b, gen_); }

// The fills step a local copy of the generator's state (in registers, or in blocks where
// detail::block_fills) and hand it back after the last draw they used.
void Rng::fill_normal(std::span<double> a, double scale) {
    double* p = a.data();
    // scale · x = x exactly when scale = 1; the loop without the multiply is ~5% faster.
    if (scale == 1.0)
        each_normal(a.size(), [p](std::size_t k, double x) { p[k] = x; });
    else
        each_normal(a.size(), [p, scale](std::size_t k, double x) { p[k] = scale * x; });
}

void Rng::fill_uniform(std::span<double> a) {
    double* p = a.data();
    if (!detail::block_fills) {  // stepped inline
        auto s = gen_.state();
        detail::two_chains(s, gen_.inc(), a.size(), [p](std::size_t k, std::uint64_t b) { p[k] = static_cast<double>(b >> 11) * 0x1.0p-53; });
        gen_.set_state(s);
        return;
    }
    detail::DrawBlock d(gen_);
    for (std::size_t k = 0, n = a.size(); k < n;) {
        d.refill(n - k);
        const std::uint64_t* b = d.data();
        const std::size_t m = std::min(d.available(), n - k);
        for (std::size_t i = 0; i < m; ++i) p[k + i] = static_cast<double>(b[i] >> 11) * 0x1.0p-53;
        d.skip(m);
        k += m;
    }
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

// ---- pcg64_fill -------------------------------------------------------------------
namespace detail {

void pcg64_fill_portable(Pcg64::State& s, Pcg64::State inc, std::uint64_t* out, std::size_t count) {
    two_chains(s, inc, count, [out](std::size_t k, std::uint64_t b) { out[k] = b; });
}

#if defined(__x86_64__) && defined(__GNUC__)
#define WB_PCG64_IFMA 1
// GCC 12's avx512fintrin.h initialises the unused source of the shift and rotate
// intrinsics from itself (_mm512_undefined_epi32), which -Wuninitialized reports
// (GCC bug 105593, fixed in GCC 13).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
namespace {
using State = Pcg64::State;
constexpr std::uint64_t Mask52 = (std::uint64_t{1} << 52) - 1, Mask24 = (std::uint64_t{1} << 24) - 1;

// Lanes hold s = l0 + l1·2^52 + l2·2^104 (52, 52 and 24 bits). madd52lo/hi add the low and
// the high 52 bits of the 104-bit product of two lanes' low 52 bits, so s·a mod 2^128 is
// nine of them: the limb products whose weight is below 2^128, each split at 2^52.
struct Limbs {
    __m512i l0, l1, l2;
};

[[gnu::target("avx512f,avx512ifma")]] inline Limbs step_limbs(const Limbs& s, const Limbs& a, const Limbs& c) {
    __m512i r0 = _mm512_madd52lo_epu64(c.l0, s.l0, a.l0);
    __m512i r1 = _mm512_madd52hi_epu64(c.l1, s.l0, a.l0);
    r1 = _mm512_madd52lo_epu64(r1, s.l0, a.l1);
    r1 = _mm512_madd52lo_epu64(r1, s.l1, a.l0);
    __m512i r2 = _mm512_madd52hi_epu64(c.l2, s.l0, a.l1);
    r2 = _mm512_madd52hi_epu64(r2, s.l1, a.l0);
    r2 = _mm512_madd52lo_epu64(r2, s.l0, a.l2);
    r2 = _mm512_madd52lo_epu64(r2, s.l1, a.l1);
    r2 = _mm512_madd52lo_epu64(r2, s.l2, a.l0);
    // Carries: every sum above stays below 2^64 (at most six 52-bit terms).
    const __m512i m52 = _mm512_set1_epi64(static_cast<long long>(Mask52));
    r1 = _mm512_add_epi64(r1, _mm512_srli_epi64(r0, 52));
    r2 = _mm512_add_epi64(r2, _mm512_srli_epi64(r1, 52));
    return {_mm512_and_si512(r0, m52), _mm512_and_si512(r1, m52),
            _mm512_and_si512(r2, _mm512_set1_epi64(static_cast<long long>(Mask24)))};
}

// pcg64's XSL-RR output of each lane: rotr(lo ^ hi, hi >> 58).
[[gnu::target("avx512f,avx512ifma")]] inline __m512i output_limbs(const Limbs& s) {
    const __m512i lo = _mm512_or_si512(s.l0, _mm512_slli_epi64(s.l1, 52));
    const __m512i hi = _mm512_or_si512(_mm512_srli_epi64(s.l1, 12), _mm512_slli_epi64(s.l2, 40));
    return _mm512_rorv_epi64(_mm512_xor_si512(lo, hi), _mm512_srli_epi64(hi, 58));
}

[[gnu::target("avx512f,avx512ifma")]] inline Limbs broadcast_limbs(State x) {
    const auto lo = static_cast<std::uint64_t>(x), hi = static_cast<std::uint64_t>(x >> 64);
    return {_mm512_set1_epi64(static_cast<long long>(lo & Mask52)),
            _mm512_set1_epi64(static_cast<long long>((lo >> 52 | hi << 12) & Mask52)),
            _mm512_set1_epi64(static_cast<long long>(hi >> 40))};
}

constexpr std::size_t Lanes = 32;  // 4 vectors of 8: four independent chains hide madd52's latency

// Lane j (0-based) of vector q starts at s_{n+8q+j+1} = M^{8q+j+1} s + inc·S_{8q+j+1} with
// S_i = 1 + M + … + M^{i−1}: the powers and sums in limbs, computed once.
struct LaneTables {
    alignas(64) std::uint64_t m[3][Lanes]{}, sum[3][Lanes]{};
    State m32 = 0, s32 = 0;  // M^32 and S_32: one step of every lane
    constexpr LaneTables() {
        State mp = 1, sp = 0;
        for (std::size_t j = 0; j < Lanes; ++j) {
            sp += mp;
            mp *= Pcg64::mult();
            split(mp, m, j);
            split(sp, sum, j);
        }
        m32 = mp;
        s32 = sp;
    }
    static constexpr void split(State x, std::uint64_t (&l)[3][Lanes], std::size_t j) {
        const auto lo = static_cast<std::uint64_t>(x), hi = static_cast<std::uint64_t>(x >> 64);
        l[0][j] = lo & Mask52;
        l[1][j] = (lo >> 52 | hi << 12) & Mask52;
        l[2][j] = hi >> 40;
    }
};
constexpr LaneTables lane_tables;

[[gnu::target("avx512f,avx512ifma")]] inline Limbs load_limbs(const std::uint64_t (&l)[3][Lanes], int q) {
    return {_mm512_load_si512(l[0] + 8 * q), _mm512_load_si512(l[1] + 8 * q), _mm512_load_si512(l[2] + 8 * q)};
}

[[gnu::target("avx512f,avx512ifma")]] void fill_ifma(State& s, State inc, std::uint64_t* out, std::size_t count) {
    const std::size_t blocks = count / Lanes;
    const LaneTables& t = lane_tables;
    const Limbs S = broadcast_limbs(s), I = broadcast_limbs(inc), zero = broadcast_limbs(0);
    Limbs v[4];
    for (int q = 0; q < 4; ++q) v[q] = step_limbs(S, load_limbs(t.m, q), step_limbs(I, load_limbs(t.sum, q), zero));
    const Limbs A = broadcast_limbs(t.m32), C = broadcast_limbs(inc * t.s32);
    for (std::size_t b = 0;;) {
        std::uint64_t* o = out + b * Lanes;
        for (int q = 0; q < 4; ++q) _mm512_storeu_si512(o + 8 * q, output_limbs(v[q]));
        if (++b == blocks) break;
        for (int q = 0; q < 4; ++q) v[q] = step_limbs(v[q], A, C);
    }
    // The last lane holds the state after the last draw written.
    alignas(64) std::uint64_t l[3][8];
    _mm512_store_si512(l[0], v[3].l0);
    _mm512_store_si512(l[1], v[3].l1);
    _mm512_store_si512(l[2], v[3].l2);
    s = static_cast<State>(l[0][7]) | static_cast<State>(l[1][7]) << 52 | static_cast<State>(l[2][7]) << 104;
    // GCC omits vzeroupper before a tail call; without it the SSE code that follows (libm's
    // exp in the wedge test) ran about ten times slower.
    _mm256_zeroupper();
    pcg64_fill_portable(s, inc, out + blocks * Lanes, count - blocks * Lanes);
}

// __builtin_cpu_init first: this may run before the constructor that sets up the CPU model.
bool cpu_has_avx512f() {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f");
}
const bool has_avx512f = cpu_has_avx512f();
const bool has_ifma = has_avx512f && __builtin_cpu_supports("avx512ifma");
const bool has_avx512dq = has_avx512f && __builtin_cpu_supports("avx512dq");

// The ziggurat's fast path for eight draws v: the layer's bound and width by gathers, the
// 53-bit integers converted exactly (they are below 2^53), the same multiply as zig_value.
// Writes the eight values to z and returns the mask of the draws that passed.
[[gnu::target("avx512f,avx512dq")]] inline unsigned zig_eight(__m512i v, double* z) {
    const __m512i j = _mm512_srli_epi64(v, 11);
    const __m512i k = _mm512_i64gather_epi64(_mm512_and_si512(v, _mm512_set1_epi64(0xff)), zig_k, 8);
    const __m512d w = _mm512_i64gather_pd(_mm512_and_si512(v, _mm512_set1_epi64(0x1ff)), zig_ws, 8);
    _mm512_storeu_pd(z, _mm512_mul_pd(_mm512_cvtepu64_pd(j), w));
    return static_cast<unsigned>(_mm512_cmplt_epu64_mask(j, k));
}

[[gnu::target("avx512f,avx512dq")]] std::size_t zig_run_avx512(const std::uint64_t* b, std::size_t m, double* z) {
    std::size_t i = 0;
    for (; i + 8 <= m; i += 8) {
        if (const unsigned fast = zig_eight(_mm512_loadu_si512(b + i), z + i); fast != 0xff) {
            _mm256_zeroupper();
            return i + static_cast<std::size_t>(std::countr_one(fast));
        }
    }
    _mm256_zeroupper();
    return i + zig_run_portable(b + i, m - i, z + i);
}

// Pairs: the even and the odd draws of sixteen separated by two permutes.
[[gnu::target("avx512f,avx512dq")]] std::size_t zig_pair_run_avx512(const std::uint64_t* b, std::size_t m, double* u,
                                                                      double* z) {
    const __m512i even = _mm512_setr_epi64(0, 2, 4, 6, 8, 10, 12, 14), odd = _mm512_setr_epi64(1, 3, 5, 7, 9, 11, 13, 15);
    std::size_t i = 0;
    for (; i + 8 <= m; i += 8) {
        const __m512i lo = _mm512_loadu_si512(b + 2 * i), hi = _mm512_loadu_si512(b + 2 * i + 8);
        const __m512i first = _mm512_permutex2var_epi64(lo, even, hi);
        _mm512_storeu_pd(u + i, _mm512_mul_pd(_mm512_cvtepu64_pd(_mm512_srli_epi64(first, 11)), _mm512_set1_pd(0x1.0p-53)));
        if (const unsigned fast = zig_eight(_mm512_permutex2var_epi64(lo, odd, hi), z + i); fast != 0xff) {
            _mm256_zeroupper();
            return i + static_cast<std::size_t>(std::countr_one(fast));
        }
    }
    _mm256_zeroupper();
    return i + zig_pair_run_portable(b + 2 * i, m - i, u + i, z + i);
}
}  // namespace
#pragma GCC diagnostic pop
#endif

#ifdef WB_PCG64_IFMA
bool block_fills = has_ifma && has_avx512dq;
#else
bool block_fills = false;
#endif

bool pcg64_fill_is_simd() {
#ifdef WB_PCG64_IFMA
    return has_ifma;
#else
    return false;
#endif
}

std::size_t zig_run_portable(const std::uint64_t* b, std::size_t m, double* z) {
    std::size_t i = 0;
    for (; i < m && zig_fast(b[i]); ++i) z[i] = zig_value(b[i]);
    return i;
}

std::size_t zig_pair_run_portable(const std::uint64_t* b, std::size_t m, double* u, double* z) {
    std::size_t i = 0;
    for (; i < m && zig_fast(b[2 * i + 1]); ++i) {
        u[i] = static_cast<double>(b[2 * i] >> 11) * 0x1.0p-53;
        z[i] = zig_value(b[2 * i + 1]);
    }
    return i;
}

std::size_t zig_pair_run(const std::uint64_t* b, std::size_t m, double* u, double* z) {
#ifdef WB_PCG64_IFMA
    if (has_avx512dq) return zig_pair_run_avx512(b, m, u, z);
#endif
    return zig_pair_run_portable(b, m, u, z);
}

std::size_t zig_run(const std::uint64_t* b, std::size_t m, double* z) {
#ifdef WB_PCG64_IFMA
    if (has_avx512dq) return zig_run_avx512(b, m, z);
#endif
    return zig_run_portable(b, m, z);
}

void pcg64_fill(Pcg64::State& s, Pcg64::State inc, std::uint64_t* out, std::size_t count) {
#ifdef WB_PCG64_IFMA
    // Below two blocks the lanes' set-up costs more than it saves.
    if (has_ifma && count >= 2 * Lanes) return fill_ifma(s, inc, out, count);
#endif
    pcg64_fill_portable(s, inc, out, count);
}

}  // namespace detail

}  // namespace wb
