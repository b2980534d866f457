#include "wb/stats.hpp"

#include <algorithm>
#include <cmath>

#include "wb/rng.hpp"

#include <gtest/gtest.h>

namespace wb {
namespace {

TEST(Stats, WelfordMatchesTwoPassAndSurvivesAnOffset) {
    std::vector<double> x = {1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16};
    RunningStats s;
    for (double v : x) s.add(v);
    EXPECT_DOUBLE_EQ(s.mean(), 1e9 + 10);
    EXPECT_NEAR(s.variance(), 30.0, 1e-6);  // naive sum of squares loses this
    RunningStats a, b;
    a.add(x[0]);
    a.add(x[1]);
    b.add(x[2]);
    b.add(x[3]);
    a.merge(b);
    EXPECT_NEAR(a.variance(), 30.0, 1e-6);
    EXPECT_NEAR(s.se(), std::sqrt(30.0 / 4), 1e-9);
}

TEST(Stats, QuantilesMedianIqrMad) {
    std::vector<double> x = {5, 1, 3, 2, 4};
    EXPECT_DOUBLE_EQ(median(x), 3);
    EXPECT_DOUBLE_EQ(quantile(x, 0.25), 2);
    EXPECT_DOUBLE_EQ(iqr(x), 2);
    EXPECT_DOUBLE_EQ(mad(x), 1);
    EXPECT_DOUBLE_EQ(quantile({1, 2}, 0.5), 1.5);
    EXPECT_THROW(quantile({}, 0.5), std::invalid_argument);
}

TEST(Stats, NormalQuantileInvertsCdf) {
    EXPECT_NEAR(normal_quantile(0.975), 1.959963984540054, 1e-12);
    for (double p : {1e-6, 0.01, 0.3, 0.5, 0.9, 0.999}) EXPECT_NEAR(normal_cdf(normal_quantile(p)), p, 1e-12 + 1e-9 * p);
}

TEST(Stats, HistogramDensityIntegratesToOne) {
    std::vector<double> x = {0.1, 0.2, 0.5, 0.9, 0.95};
    auto h = histogram(x, 0.0, 1.0, 4);
    double area = 0;
    for (std::size_t i = 0; i < 4; ++i) area += h.density[i] * 0.25;
    EXPECT_NEAR(area, 1.0, 1e-12);
    EXPECT_EQ(h.counts[0], 2u);
    EXPECT_EQ(h.counts[3], 2u);
}

TEST(Stats, KsAndWasserstein) {
    EXPECT_DOUBLE_EQ(ks_statistic({1, 2, 3}, {1, 2, 3}), 0.0);
    EXPECT_DOUBLE_EQ(ks_statistic({1, 2}, {3, 4}), 1.0);
    EXPECT_GT(ks_pvalue(0.01, 1000, 1000), 0.99);
    EXPECT_LT(ks_pvalue(0.2, 1000, 1000), 1e-10);
    EXPECT_DOUBLE_EQ(wasserstein1({0, 1}, {2, 3}), 2.0);
}

TEST(Stats, LineFitRecoversSlopeWithStandardError) {
    std::vector<double> x, y;
    for (int i = 0; i < 20; ++i) {
        x.push_back(i);
        y.push_back(2.0 + 0.5 * i + ((i % 2) ? 0.1 : -0.1));
    }
    auto f = fit_line(x, y);
    EXPECT_NEAR(f.slope, 0.5, 0.01);
    EXPECT_NEAR(f.intercept, 2.0, 0.1);
    EXPECT_GT(f.se_slope, 0.0);
    EXPECT_LT(f.se_slope, 0.01);
    std::vector<double> h = {0.1, 0.01, 0.001}, e = {0.3, 0.03, 0.003};
    EXPECT_NEAR(fit_loglog(h, e).slope, 1.0, 1e-12);
}

}  // namespace
}  // namespace wb

namespace wb {
namespace {

TEST(Stats, ValuesBindToVectorsAndVecsWithoutCopies) {
    const std::vector<double> v = {1, 2, 3, 4};
    const Vec x = {1, 2, 3, 4};
    EXPECT_EQ(mean_se(v).value, 2.5);
    EXPECT_EQ(mean_se(x).value, 2.5);
    EXPECT_EQ(Values(x).data(), x.data());
    EXPECT_EQ(median(x), 2.5);
    EXPECT_EQ(paired_difference(x, v).value, 0.0);
}

TEST(Stats, SelectionQuantilesMatchTheSortedDefinition) {
    std::vector<double> x;
    for (int i = 0; i < 101; ++i) x.push_back(std::sin(1.7 * i) * 10);
    std::vector<double> s = x;
    std::sort(s.begin(), s.end());
    for (double q : {0.0, 0.1, 0.25, 0.5, 0.77, 1.0}) {
        const double h = q * 100, lo = std::floor(h);
        const auto i = static_cast<std::size_t>(lo);
        const double want = s[i] + (h - lo) * (s[std::min<std::size_t>(i + 1, 100)] - s[i]);
        EXPECT_NEAR(quantile(x, q), want, 1e-12) << q;
    }
    const std::vector<double> y = {1, 2, 4, 8, 100};
    EXPECT_EQ(mad(y), 3.0);  // |y − 4| = 3 2 0 4 96, median 3
}

TEST(Stats, WeightedMedianMinimisesTheWeightedAbsoluteDeviation) {
    const std::vector<double> x = {3.0, -1.0, 0.5, 2.0, 10.0};
    const std::vector<double> w = {1.0, 0.5, 2.0, 0.2, 3.0};
    const double m = weighted_median(x, w);
    auto loss = [&](double c) {
        double s = 0;
        for (std::size_t i = 0; i < x.size(); ++i) s += w[i] * std::fabs(x[i] - c);
        return s;
    };
    for (double c = -2; c <= 11; c += 0.01) EXPECT_LE(loss(m), loss(c) + 1e-12);
    EXPECT_EQ(weighted_median(std::vector<double>{1, 2, 3}, std::vector<double>{1, 1, 1}), 2.0);
    EXPECT_THROW(weighted_median(x, std::vector<double>{1, 1}), std::invalid_argument);
}

TEST(Stats, RatioEstimatesCoverTheirTargets) {
    // u = 2 w + noise, so ū/w̄ → 2; the delta-method se must match the spread of
    // ratios over independent replications (within its own sampling error).
    RunningStats r, se;
    for (std::uint64_t rep = 0; rep < 400; ++rep) {
        Rng rng(rep);
        Vec u = xt::empty<double>({200}), w = xt::empty<double>({200});
        for (std::size_t i = 0; i < 200; ++i) {
            w(i) = 1.0 + rng.exponential();
            u(i) = 2.0 * w(i) + rng.normal();
        }
        const Estimate e = ratio_of_means(u, w);
        r.add(e.value);
        se.add(e.se);
    }
    EXPECT_LT(std::fabs(r.mean() - 2.0), 4 * r.se());
    // sd of 400 ratios has relative se ≈ 1/√800 = 3.5%: 4 se bound.
    EXPECT_NEAR(r.sd() / se.mean(), 1.0, 0.15);
    const std::vector<double> a = {1, 2, 3, 4}, b = {2, 4, 6, 8};
    EXPECT_NEAR(ratio_of_means_difference(a, b, b, b).value, -0.5, 1e-15);
    EXPECT_NEAR(ratio_of_means_difference(a, b, a, b).se, 0.0, 1e-15);
    EXPECT_NEAR(variance_ratio(b, a).value, 4.0, 1e-14);
    EXPECT_NEAR(variance_ratio(b, a).se, 0.0, 1e-14);  // b = 2a exactly
}

TEST(Stats, LogLogSlopeWeightsPointsByTheirErrors) {
    // y = 3 x^0.5 exactly: slope 0.5 with the known-error standard error.
    const std::vector<double> x = {1, 2, 4, 8}, y = {3, 3 * std::sqrt(2.0), 6, 3 * std::sqrt(8.0)};
    std::vector<double> se;
    for (double v : y) se.push_back(0.01 * v);  // se(log y) = 0.01
    const LogLogFit f = loglog_slope(x, y, se);
    EXPECT_NEAR(f.slope.value, 0.5, 1e-12);
    double mx = 0, sxx = 0;
    for (double v : x) mx += std::log(v) / 4;
    for (double v : x) sxx += (std::log(v) - mx) * (std::log(v) - mx) / 1e-4;
    EXPECT_NEAR(f.slope.se, 1 / std::sqrt(sxx), 1e-12);
    EXPECT_NEAR(f.at(16.0), 12.0, 1e-10);
    EXPECT_NEAR(f.chi2, 0.0, 1e-12);
    // A point with a huge error barely moves the slope.
    std::vector<double> y2 = y, se2 = se;
    y2[3] *= 2;
    se2[3] = 100 * y2[3];
    EXPECT_NEAR(loglog_slope(x, y2, se2).slope.value, 0.5, 1e-4);
    EXPECT_THROW(loglog_slope(x, y, std::vector<double>{1, 1}), std::invalid_argument);
    // Groups: identical groups add no spread, so se is the scatter's alone (0 here).
    const std::vector<std::vector<double>> groups = {y, y, y};
    EXPECT_NEAR(loglog_slope_groups(x, y, groups).slope.se, 0.0, 1e-12);
}

}  // namespace
}  // namespace wb
