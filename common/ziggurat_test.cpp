// Statistical tests of the ziggurat normal sampler (Rng::normal).
//
// Each decision rule is set for a false-alarm probability ≲ 1e-5 per assertion
// (|z| < 4.42 two-sided; χ² and KS quantiles at 1e-5), so the whole file fails by
// chance with probability ≲ 1e-4 whatever the seed. A control shows that each
// test rejects a plausible ziggurat slip of the kind it is meant to catch.
#include <algorithm>
#include <bit>
#include <cmath>
#include <functional>
#include <vector>

#include <gtest/gtest.h>

#include "wb/rng.hpp"
#include "wb/special.hpp"
#include "wb/stats.hpp"

namespace wb {
namespace {

constexpr double Z5 = 4.42;  // two-sided 1e-5 normal critical value

// The layer edges x_0 > x_1 = r > … > x_256 = 0, recovered from the tables.
std::vector<double> layer_edges() {
    std::vector<double> x(257);
    for (std::size_t i = 0; i < 256; ++i) x[i] = detail::zig_ws[i] * 0x1.0p53;
    x[256] = 0.0;
    return x;
}

// Upper 1e-5 quantile of χ²_k by Wilson–Hilferty (accurate to < 1% for k ≥ 50).
double chi2_crit(double k) {
    const double z = 4.265, a = 2.0 / (9.0 * k);  // z: one-sided 1e-5
    return k * std::pow(1.0 - a + z * std::sqrt(a), 3);
}

// Pearson χ² of the counts of |z| in the bins [e_b, e_{b+1}) (edges increasing, the
// last bin open to ∞) against the exact normal probabilities; also returns the dof.
struct Chi2 {
    double stat;
    double dof;
};
Chi2 chi2_abs(const std::vector<double>& abs_z, const std::vector<double>& edges) {
    std::vector<double> count(edges.size(), 0.0);
    for (double a : abs_z) {
        if (a < edges.front()) continue;
        const auto it = std::upper_bound(edges.begin(), edges.end(), a);
        count[static_cast<std::size_t>(it - edges.begin()) - 1] += 1.0;
    }
    const double n = static_cast<double>(abs_z.size());
    double stat = 0.0, pin = 0.0;
    for (std::size_t b = 0; b < edges.size(); ++b) {
        const double hi = b + 1 < edges.size() ? normal_cdf(-edges[b + 1]) : 0.0;
        const double p = 2.0 * (normal_cdf(-edges[b]) - hi);  // P(e_b ≤ |Z| < e_{b+1})
        pin += p;
        stat += (count[b] - n * p) * (count[b] - n * p) / (n * p);
    }
    double inside = 0;
    for (double c : count) inside += c;
    // The draws below edges.front() form one more bin.
    const double pout = 1.0 - pin;
    if (pout > 1e-12) stat += (n - inside - n * pout) * (n - inside - n * pout) / (n * pout);
    return {stat, static_cast<double>(edges.size()) - (pout > 1e-12 ? 0.0 : 1.0)};
}

std::vector<double> abs_normals(Rng& rng, std::size_t n, double scale = 1.0) {
    std::vector<double> a(n);
    for (auto& v : a) v = std::fabs(scale * rng.normal());
    return a;
}

// The fast path takes the sign from the table: its second half is the first negated.
TEST(Ziggurat, SignedWidthsAreTheWidthsNegated) {
    for (std::size_t i = 0; i < 256; ++i) {
        ASSERT_GT(detail::zig_ws[i], 0.0) << i;
        ASSERT_EQ(detail::zig_ws[256 + i], -detail::zig_ws[i]) << i;
    }
}

TEST(Ziggurat, TablesHaveEqualAreaLayersThatTileTheHalfGaussian) {
    const auto x = layer_edges();
    const double r = x[1], v = x[0] * detail::zig_f[1];
    EXPECT_EQ(r, detail::zig_r);
    // v = r f(r) + ∫_r^∞ f (base layer); every other layer has area v.
    EXPECT_NEAR((r * std::exp(-0.5 * r * r) + std::sqrt(Pi / 2) * std::erfc(r / Sqrt2)) / v, 1.0, 1e-13);
    for (std::size_t i = 1; i < 256; ++i)
        EXPECT_NEAR(x[i] * (detail::zig_f[i + 1] - detail::zig_f[i]) / v, 1.0, 1e-10) << "layer " << i;
    // The ziggurat covers the half-Gaussian with 0.67% to spare (the rejection rate).
    EXPECT_NEAR(256 * v / std::sqrt(Pi / 2), 1.0067, 1e-4);
    for (std::size_t i = 0; i <= 256; ++i) EXPECT_NEAR(detail::zig_f[i], std::exp(-0.5 * x[i] * x[i]), 1e-15);
    // Thresholds are ⌊2^53 x_{i+1}/x_i⌋ in exact arithmetic; in doubles they agree to a few units.
    for (std::size_t i = 0; i < 256; ++i)
        EXPECT_NEAR(static_cast<double>(detail::zig_k[i]), x[i + 1] / x[i] * 0x1.0p53, 4.0) << i;
}

TEST(Ziggurat, RecordedDrawsAreTheSameOnEveryMachine) {
    // Pins the sampler bit for bit (integer table lookups and one multiply on the
    // fast path): if these change, every chapter's numbers change.
    Rng r(1);
    std::vector<double> got;
    for (int i = 0; i < 6; ++i) got.push_back(r.normal());
    const std::vector<double> want = {0x1.89be51b84f6fap+0,  0x1.a9aad11290e7fp-3,  0x1.cae92566d069p-2,
                                      -0x1.506755105e81ap-1, -0x1.4046d574c4d92p-1, -0x1.12b7b290bf2cap-3};
    for (std::size_t i = 0; i < want.size(); ++i) EXPECT_EQ(got[i], want[i]) << i;
}

TEST(Ziggurat, MomentsUpToTheFourth) {
    Rng rng(20260);
    const std::size_t n = 2000000;
    RunningStats m1, m2, m3, m4;
    std::size_t positive = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double z = rng.normal(), z2 = z * z;
        m1.add(z);
        m2.add(z2);
        m3.add(z2 * z);
        m4.add(z2 * z2);
        positive += z > 0;
    }
    const double sn = std::sqrt(static_cast<double>(n));
    // Exact standard errors: Var Z = 1, Var Z² = 2, Var Z³ = 15, Var Z⁴ = 96.
    EXPECT_LT(std::fabs(m1.mean()) * sn, Z5);
    EXPECT_LT(std::fabs(m2.mean() - 1.0) * sn / std::sqrt(2.0), Z5);
    EXPECT_LT(std::fabs(m3.mean()) * sn / std::sqrt(15.0), Z5);
    EXPECT_LT(std::fabs(m4.mean() - 3.0) * sn / std::sqrt(96.0), Z5);
    // The sign bit: Binomial(n, ½).
    EXPECT_LT(std::fabs(static_cast<double>(positive) - 0.5 * n) / (0.5 * sn), Z5);
}

TEST(Ziggurat, KolmogorovSmirnovAgainstPhi) {
    Rng rng(77);
    std::vector<double> z(1000000);
    for (auto& v : z) v = rng.normal();
    // P(√n D > 2.47) ≈ 2 e^{−2·2.47²} = 1e-5.
    const double crit = 2.47 / std::sqrt(static_cast<double>(z.size()));
    EXPECT_LT(ks_statistic(z, normal_cdf), crit);
    // Control: a 2% scale error (e.g. tables for the wrong f) is rejected.
    for (auto& v : z) v *= 1.02;
    EXPECT_GT(ks_statistic(z, normal_cdf), crit);
}

TEST(Ziggurat, CountsInEveryLayerAndAtEveryLayerEdge) {
    // 10⁷ draws: χ² over the 256 layers' x-intervals (wedges) and over bins hugging
    // both sides of every edge x_i, where a wrong wedge or fast-path bound shows.
    Rng rng(31337);
    const auto a = abs_normals(rng, 10000000);
    const auto x = layer_edges();
    std::vector<double> layers(x.rbegin(), x.rend() - 1);  // 0 = x_256 < x_255 < … < x_1 = r
    const Chi2 c1 = chi2_abs(a, layers);
    EXPECT_LT(c1.stat, chi2_crit(c1.dof)) << "dof " << c1.dof;
    // Bins [x_i − d_i, x_i), [x_i, x_i + d_i) with d_i a quarter of the narrower
    // neighbouring interval, so they never overlap; the gaps between them are bins too.
    std::vector<double> edges;
    for (std::size_t i = 255; i >= 1; --i) {
        const double down = x[i] - x[i + 1], up = i >= 2 ? x[i - 1] - x[i] : down;
        const double d = 0.25 * std::min(up, down);
        edges.insert(edges.end(), {x[i] - d, x[i], x[i] + d});
    }
    const Chi2 c2 = chi2_abs(a, edges);
    EXPECT_LT(c2.stat, chi2_crit(c2.dof)) << "dof " << c2.dof;
    // Control: a wedge slip — points just outside each layer's rectangle accepted
    // with probability 1 instead of f — is rejected by the edge test. Emulated by
    // pushing 2% of the draws that fall in the inner quarter below an edge to the
    // other side of it.
    std::vector<double> slip = a;
    Rng coin(5);
    for (auto& v : slip) {
        const auto it = std::upper_bound(x.rbegin(), x.rend(), v);
        if (it == x.rend() || *it == x.front()) continue;  // x_0 is not an edge
        const double edge = *it, below = *(it - 1);
        if (v > edge - 0.25 * (edge - below) && coin.uniform() < 0.02) v = 2 * edge - v;
    }
    EXPECT_GT(chi2_abs(slip, edges).stat, chi2_crit(c2.dof));
}

TEST(Ziggurat, TailProbabilitiesAndTheShapeOfTheTail) {
    Rng rng(4242);
    const std::size_t n = 100000000;  // ~26,000 draws beyond r
    const double r = detail::zig_r;
    std::size_t beyond4 = 0;
    std::vector<double> tail;
    for (std::size_t i = 0; i < n; ++i) {
        const double a = std::fabs(rng.normal());
        beyond4 += a > 4.0;
        if (a > r) tail.push_back(a);
    }
    // Counts are Binomial(n, p) with p small: z on the Poisson sd √(np).
    const double p4 = 2 * normal_cdf(-4.0), pr = 2 * normal_cdf(-r);
    EXPECT_LT(std::fabs(static_cast<double>(beyond4) - n * p4) / std::sqrt(n * p4), Z5);
    EXPECT_LT(std::fabs(static_cast<double>(tail.size()) - n * pr) / std::sqrt(n * pr), Z5);
    // Given |Z| > r the law is Φ(−x)/Φ(−r) in the survival function: KS at 1e-5.
    auto tail_cdf = [&](double x) { return 1.0 - normal_cdf(-x) / normal_cdf(-r); };
    const double crit = 2.47 / std::sqrt(static_cast<double>(tail.size()));
    EXPECT_LT(ks_statistic(tail, tail_cdf), crit);
    // Control: the tail drawn as r + E/r without the rejection step (a common slip).
    std::vector<double> naive(tail.size());
    for (auto& v : naive) v = r + rng.exponential() / r;
    EXPECT_GT(ks_statistic(naive, tail_cdf), crit);
}

}  // namespace
}  // namespace wb

namespace wb {
namespace {

// Runs body with the fills reading blocks and stepping the generator inline (both work on
// any CPU; the library picks one by the CPU), restoring the library's choice after.
template <class Body> void in_both_fill_modes(Body body) {
    struct Restore {
        bool saved = detail::block_fills;
        ~Restore() { detail::block_fills = saved; }
    } restore;
    for (bool blocks : {false, true}) {
        SCOPED_TRACE(blocks ? "block fills" : "inline fills");
        detail::block_fills = blocks;
        body();
    }
}

TEST(Ziggurat, FillsGiveExactlyTheSingleDraws) {
    in_both_fill_modes([&] {
        // The fills step a copy of the generator's state: same numbers, same state after.
        // 10⁶ normals pass through the wedge and tail paths thousands of times.
        for (std::uint64_t seed : {1u, 2u, 99u}) {
            Rng a(seed), b(seed);
            std::vector<double> fa(1000003), fs(1001), fu(777), fr(130);
            a.fill_normal(fa);
            a.fill_normal(fs, 0.3);
            a.fill_uniform(fu);
            a.fill_rademacher(fr);
            for (std::size_t i = 0; i < fa.size(); ++i) ASSERT_EQ(std::bit_cast<std::uint64_t>(fa[i]), std::bit_cast<std::uint64_t>(b.normal())) << i;
            for (std::size_t i = 0; i < fs.size(); ++i) ASSERT_EQ(fs[i], 0.3 * b.normal()) << i;
            for (std::size_t i = 0; i < fu.size(); ++i) ASSERT_EQ(fu[i], b.uniform()) << i;
            for (std::size_t i = 0; i < fr.size(); i += 64) {
                std::uint64_t bits = b.next_u64();
                for (std::size_t k = i; k < std::min(i + 64, fr.size()); ++k, bits >>= 1) ASSERT_EQ(fr[k], (bits & 1) ? 1.0 : -1.0) << k;
            }
            EXPECT_EQ(a.next_u64(), b.next_u64());
        }
    });
}

TEST(Ziggurat, FillsOfEveryLengthGiveTheSingleDraws) {
    in_both_fill_modes([&] {
        // Inline, the fills draw in pairs (two chains of the generator); in blocks, from up to
        // 256 draws at a time: short, odd and even lengths, and an edge draw at either place
        // of a pair.
        Rng a(7), b(7);
        std::size_t edges = 0;
        for (std::size_t n : {0u, 1u, 2u, 3u, 4u, 5u, 64u, 65u, 999u, 1000u}) {
            for (int rep = 0; rep < 20; ++rep) {
                std::vector<double> z(n), u(n);
                a.fill_normal(z);
                for (std::size_t i = 0; i < n; ++i) {
                    ASSERT_EQ(std::bit_cast<std::uint64_t>(z[i]), std::bit_cast<std::uint64_t>(b.normal())) << n << " " << i;
                    edges += std::fabs(z[i]) > detail::zig_r;  // only the tail path gives these
                }
                a.fill_uniform(u);
                for (std::size_t i = 0; i < n; ++i) ASSERT_EQ(u[i], b.uniform()) << n << " " << i;
                // Rademacher signs: bit k of each draw, four at a time and the rest one by one.
                a.fill_rademacher(u);
                for (std::size_t i = 0; i < n; i += 64) {
                    std::uint64_t bits = b.next_u64();
                    for (std::size_t k = i; k < std::min(i + 64, n); ++k, bits >>= 1)
                        ASSERT_EQ(u[k], (bits & 1) ? 1.0 : -1.0) << n << " " << k;
                }
                ASSERT_EQ(a.next_u64(), b.next_u64()) << n;
            }
        }
        EXPECT_GT(edges, 0u);  // the tail path ran
    });
}

}  // namespace
}  // namespace wb

namespace wb {
namespace {

TEST(Ziggurat, UniformNormalPairsGiveTheSingleDraws) {
    in_both_fill_modes([&] {
        // Pairs are read two draws at a time from blocks of 256; an edge path that takes an
        // odd number of extra draws leaves a pair across two blocks. 2·10⁵ pairs pass through
        // both cases many times; lengths around the block size and tiny ones too.
        Rng a(11), b(11);
        std::size_t edges = 0;
        for (std::size_t n : {0u, 1u, 2u, 3u, 7u, 127u, 128u, 129u, 255u, 256u, 257u, 200000u}) {
            std::vector<double> u(n), z(n);
            a.each_uniform_normal(n, [&](std::size_t k, double uk, double zk) {
                u[k] = uk;
                z[k] = zk;
            });
            for (std::size_t i = 0; i < n; ++i) {
                ASSERT_EQ(u[i], b.uniform()) << n << " " << i;
                ASSERT_EQ(std::bit_cast<std::uint64_t>(z[i]), std::bit_cast<std::uint64_t>(b.normal())) << n << " " << i;
                edges += std::fabs(z[i]) > detail::zig_r;
            }
            ASSERT_EQ(a.next_u64(), b.next_u64()) << n;
        }
        EXPECT_GT(edges, 0u);
    });
}

TEST(Ziggurat, RunOfFastDrawsIsTheSameOnBothKernels) {
    // zig_run and zig_pair_run (AVX-512 where the CPU has it) against the scalar loops:
    // where the run stops (a draw that fails the fast test at every place of an 8-lane
    // group, or none) and the values written up to there.
    Rng r(21);
    std::size_t stops = 0;
    for (int rep = 0; rep < 4000; ++rep) {
        std::uint64_t b[40];
        for (auto& x : b) x = r.next_u64();
        const std::size_t m = 1 + r.below(40);
        if (rep % 2 == 0) b[r.below(m)] = 0xffffffffffffff00u | r.below(256);  // j at its maximum: fails
        double z1[40], z2[40];
        const std::size_t n1 = detail::zig_run(b, m, z1), n2 = detail::zig_run_portable(b, m, z2);
        ASSERT_EQ(n1, n2) << rep;
        stops += n1 < m;
        for (std::size_t i = 0; i < n1; ++i) ASSERT_EQ(std::bit_cast<std::uint64_t>(z1[i]), std::bit_cast<std::uint64_t>(z2[i])) << rep << " " << i;
        // Pairs: the first of each a uniform, the second a normal.
        double u1[20], u2[20];
        const std::size_t p1 = detail::zig_pair_run(b, m / 2, u1, z1), p2 = detail::zig_pair_run_portable(b, m / 2, u2, z2);
        ASSERT_EQ(p1, p2) << rep;
        for (std::size_t i = 0; i < p1; ++i) {
            ASSERT_EQ(u1[i], u2[i]) << rep << " " << i;
            ASSERT_EQ(u1[i], static_cast<double>(b[2 * i] >> 11) * 0x1.0p-53);
            ASSERT_EQ(std::bit_cast<std::uint64_t>(z1[i]), std::bit_cast<std::uint64_t>(z2[i])) << rep << " " << i;
        }
    }
    EXPECT_GT(stops, 1900u);  // the planted failures stop the run
}

// A kernel against Pcg64::next: counts around the 32-lane blocks and the short-count
// cut-over, several streams, the state after, and nothing written past count.
void expect_sequential(void (*fill)(detail::Pcg64::State&, detail::Pcg64::State, std::uint64_t*, std::size_t)) {
    using detail::Pcg64;
    std::vector<std::size_t> counts;
    for (std::size_t n = 0; n <= 300; ++n) counts.push_back(n);
    for (std::size_t n : {1023u, 1024u, 1025u, 4096u + 31u, 100003u}) counts.push_back(n);
    for (std::uint64_t stream : {0u, 1u, 12345u}) {
        Rng seed_rng(stream + 5, stream);
        for (std::size_t n : counts) {
            const Pcg64 g(seed_rng.next_u64(), seed_rng.next_u64());
            const auto inc = g.inc();
            auto s = g.state(), ref = g.state();
            std::vector<std::uint64_t> out(n + 1, 0xdeadbeef);
            fill(s, inc, out.data(), n);
            for (std::size_t i = 0; i < n; ++i) ASSERT_EQ(out[i], Pcg64::next(ref, inc)) << n << " " << i;
            ASSERT_EQ(out[n], 0xdeadbeefu) << n;
            ASSERT_TRUE(s == ref) << n;
        }
    }
}

TEST(Pcg64Fill, PortableKernelGivesTheSequentialDraws) { expect_sequential(&detail::pcg64_fill_portable); }

TEST(Pcg64Fill, DispatchedKernelGivesTheSequentialDraws) {
    // pcg64_fill: the AVX512-IFMA kernel on CPUs that have it (the portable one elsewhere).
    if (!detail::pcg64_fill_is_simd()) GTEST_SKIP() << "this CPU has no AVX512-IFMA; the portable kernel is tested above";
    expect_sequential(&detail::pcg64_fill);
}

}  // namespace
}  // namespace wb
