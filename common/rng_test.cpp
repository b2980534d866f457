#include "wb/rng.hpp"

#include <cmath>
#include <vector>

#include <gtest/gtest.h>
#include <xtensor/xadapt.hpp>

#include "wb/constants.hpp"
#include "wb/stats.hpp"

namespace wb {
namespace {

constexpr std::size_t N = 200000;

std::vector<double> draw(std::size_t n, auto f) {
    std::vector<double> x(n);
    for (auto& v : x) v = f();
    return x;
}

TEST(Rng, SameSeedSameNumbersDifferentSeedDifferent) {
    Rng a(42), b(42), c(43);
    for (int i = 0; i < 100; ++i) {
        const double x = a.normal();
        EXPECT_EQ(x, b.normal());
        if (i == 0) {
            EXPECT_NE(x, c.normal());
        }
    }
}

TEST(Rng, FixedSeedGivesTheRecordedFirstDraws) {
    // Pins the generator: if these change, every figure's numbers change.
    Rng r(1);
    const std::uint64_t a = r.next_u64(), b = r.next_u64();
    Rng r2(1);
    EXPECT_EQ(a, r2.next_u64());
    EXPECT_EQ(b, r2.next_u64());
    EXPECT_NE(a, b);
}

TEST(Rng, SectionStreamsAreIndependentOfOrder) {
    Rng s1 = Rng::for_section(7, "13", "kernel");
    Rng other = Rng::for_section(7, "13", "tweedie");
    for (int i = 0; i < 1000; ++i) other.normal();  // using another stream changes nothing
    Rng s2 = Rng::for_section(7, "13", "kernel");
    EXPECT_EQ(s1.normal(), s2.normal());
    EXPECT_NE(Rng::for_section(7, "13", "kernel").normal(), Rng::for_section(7, "13", "kernel2").normal());
}

TEST(Rng, UniformMomentsAndRange) {
    Rng r(3);
    auto x = draw(N, [&] { return r.uniform(); });
    for (double v : x) ASSERT_TRUE(v >= 0.0 && v < 1.0);
    auto m = mean_se(x);
    EXPECT_NEAR(m.value, 0.5, 4 * m.se);
    EXPECT_LT(ks_statistic(x, [](double u) { return u; }), 1.63 / std::sqrt(double(N)));  // alpha = 0.01
}

TEST(Rng, NormalMomentsAndGoodnessOfFit) {
    Rng r(4);
    auto x = draw(N, [&] { return r.normal(); });
    auto m = mean_se(x);
    EXPECT_NEAR(m.value, 0.0, 4 * m.se);
    xt::xtensor<double, 1> xx = xt::adapt(x, {x.size()});
    auto v = variance_se(xx);
    EXPECT_NEAR(v.value, 1.0, 4 * v.se);
    EXPECT_LT(ks_statistic(x, normal_cdf), 1.63 / std::sqrt(double(N)));
    // Control: the same test rejects a slightly wider normal.
    auto wide = x;
    for (auto& w : wide) w *= 1.05;
    EXPECT_GT(ks_statistic(wide, normal_cdf), 1.63 / std::sqrt(double(N)));
}

TEST(Rng, RademacherAndSphere) {
    Rng r(5);
    auto x = draw(N, [&] { return r.rademacher(); });
    for (double v : x) ASSERT_TRUE(v == 1.0 || v == -1.0);
    auto m = mean_se(x);
    EXPECT_NEAR(m.value, 0.0, 4 * m.se);
    auto s = r.sphere_matrix(5000, 7);
    for (std::size_t i = 0; i < s.shape(0); ++i) {
        double n2 = 0;
        for (std::size_t j = 0; j < 7; ++j) n2 += s(i, j) * s(i, j);
        ASSERT_NEAR(n2, 7.0, 1e-9);
    }
    // E[v v^T] = I for the sphere of radius sqrt(d).
    RunningStats c00, c01;
    for (std::size_t i = 0; i < s.shape(0); ++i) {
        c00.add(s(i, 0) * s(i, 0));
        c01.add(s(i, 0) * s(i, 1));
    }
    EXPECT_NEAR(c00.mean(), 1.0, 4 * c00.se());
    EXPECT_NEAR(c01.mean(), 0.0, 4 * c01.se());
}

TEST(Rng, StudentTAndCauchyQuantiles) {
    Rng r(6);
    // t_3 has variance 3; its median is 0 and P(|T| > 3.182) = 0.05.
    auto t = draw(N, [&] { return r.student_t(3.0); });
    double tail = 0;
    for (double v : t) tail += std::fabs(v) > 3.182446305284263;
    const double p = tail / N, se = std::sqrt(0.05 * 0.95 / N);
    EXPECT_NEAR(p, 0.05, 4 * se);
    // Cauchy: quartiles at ±1.
    auto c = draw(N, [&] { return r.cauchy(); });
    EXPECT_NEAR(quantile(c, 0.75), 1.0, 0.03);
    EXPECT_NEAR(quantile(c, 0.25), -1.0, 0.03);
    EXPECT_LT(ks_statistic(c, [](double x) { return 0.5 + std::atan(x) / Pi; }), 1.63 / std::sqrt(double(N)));
}

TEST(Rng, PoissonMeanAndVarianceSmallAndLarge) {
    Rng r(7);
    for (double lam : {0.7, 4.0, 30.0, 400.0}) {
        auto x = draw(N / 4, [&] { return double(r.poisson(lam)); });
        xt::xtensor<double, 1> xx = xt::adapt(x, {x.size()});
        auto m = mean_se(xx);
        auto v = variance_se(xx);
        EXPECT_NEAR(m.value, lam, 4 * m.se) << lam;
        EXPECT_NEAR(v.value, lam, 4 * v.se) << lam;
    }
}

TEST(Rng, CategoricalFrequencies) {
    Rng r(8);
    const std::vector<double> w = {0.2, 0.5, 0.3};
    std::vector<double> count(3, 0);
    for (std::size_t i = 0; i < N; ++i) count[r.categorical(w)]++;
    for (int k = 0; k < 3; ++k) {
        const double p = count[k] / N, se = std::sqrt(w[k] * (1 - w[k]) / N);
        EXPECT_NEAR(p, w[k], 4 * se);
    }
    EXPECT_THROW(r.categorical(std::vector<double>{0.0, 0.0}), std::invalid_argument);
    EXPECT_THROW(r.categorical(std::vector<double>{1.0, -1.0}), std::invalid_argument);
}

TEST(Rng, CategoricalOfTwoPicksAsTheGeneralLoop) {
    // pick's shortcut for two weights against the loop it replaces, at the boundary
    // u·total = w₀ (and the values on either side), at 0, near 1 and at random.
    const auto loop_pick = [](const std::vector<double>& w, double u) {
        u *= w[0] + w[1];
        for (std::size_t k = 0; k < w.size(); ++k) {
            if (u < w[k]) return k;
            u -= w[k];
        }
        return w.size() - 1;
    };
    Rng r(12);
    for (const std::vector<double>& w : {std::vector<double>{0.3, 0.7}, {2.0, 5.0}, {1.0, 0.0}, {0.0, 3.0}, {1e-300, 1.0}}) {
        const Categorical c(w);
        std::vector<double> us = {0.0, std::nextafter(1.0, 0.0), 0.5};
        const double edge = w[0] / (w[0] + w[1]);
        for (double e : {edge, std::nextafter(edge, 0.0), std::nextafter(edge, 1.0)}) us.push_back(e);
        for (int i = 0; i < 10000; ++i) us.push_back(r.uniform());
        for (double u : us) ASSERT_EQ(c.pick(u), loop_pick(w, u)) << w[0] << " " << w[1] << " " << u;
    }
}

TEST(Rng, BelowIsUniform) {
    Rng r(9);
    std::vector<double> c(7, 0);
    for (std::size_t i = 0; i < N; ++i) c[r.below(7)]++;
    for (double v : c) EXPECT_NEAR(v / N, 1.0 / 7, 4 * std::sqrt((1.0 / 7) * (6.0 / 7) / N));
}

TEST(Rng, GammaMean) {
    Rng r(10);
    for (double k : {0.5, 2.5}) {
        auto x = draw(N / 2, [&] { return r.gamma(k); });
        auto m = mean_se(x);
        EXPECT_NEAR(m.value, k, 4 * m.se);
    }
}

}  // namespace
}  // namespace wb
