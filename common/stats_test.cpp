#include "wb/stats.hpp"

#include <cmath>

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
