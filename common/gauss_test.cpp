#include "wb/gauss.hpp"

#include <cmath>

#include <gtest/gtest.h>
#include <xtensor/xview.hpp>

#include "wb/constants.hpp"
#include "wb/stats.hpp"

namespace wb {
namespace {

GaussianMixture two_d() {
    return GaussianMixture({0.3, 0.7}, {{-1.0, 0.5}, {2.0, -1.0}}, {{0.5, 1.0}, {1.5, 0.3}});
}

// Each coordinate's sample mean and variance agree with the mixture's within 4 se.
void expect_moments(const xt::xtensor<double, 2>& X, const GaussianMixture& g) {
    const auto m = g.mean();
    const auto v = g.variance();
    for (std::size_t j = 0; j < g.dim(); ++j) {
        xt::xtensor<double, 1> col = xt::view(X, xt::all(), j);
        const auto e = mean_se(col);
        EXPECT_NEAR(e.value, m(j), 4 * e.se) << "coordinate " << j;
        const auto ve = variance_se(col);
        EXPECT_NEAR(ve.value, v(j), 4 * ve.se) << "coordinate " << j;
    }
}

TEST(GaussianMixture, SingleGaussianDensityAndScore) {
    auto g = GaussianMixture::univariate({1.0}, {1.0}, {2.0});
    const double x = 0.3;
    EXPECT_NEAR(g.log_density(std::vector<double>{x}), -0.5 * Log2Pi - std::log(2.0) - 0.5 * 0.49 / 4, 1e-14);
    std::vector<double> s(1);
    g.score(std::vector<double>{x}, s);
    EXPECT_NEAR(s[0], -(x - 1.0) / 4.0, 1e-14);
}

TEST(GaussianMixture, ScoreIsTheGradientOfTheLogDensity) {
    auto g = two_d();
    std::vector<double> x = {0.4, -0.2}, s(2);
    g.score(x, s);
    for (int j = 0; j < 2; ++j) {
        auto xp = x, xm = x;
        xp[j] += 1e-6;
        xm[j] -= 1e-6;
        EXPECT_NEAR(s[j], (g.log_density(xp) - g.log_density(xm)) / 2e-6, 1e-7);
    }
}

TEST(GaussianMixture, SamplesHaveTheMixtureMoments) {
    auto g = two_d();
    Rng r(11);
    auto X = g.sample(r, 100000);
    expect_moments(X, g);
}

TEST(GaussianMixture, TransformedIsTheLawOfScaledNoisedDraws) {
    auto g = two_d();
    const double m = 0.6, v = 0.8;
    auto h = g.transformed(m, v);
    Rng r(12);
    auto X = g.sample(r, 100000);
    for (std::size_t i = 0; i < X.shape(0); ++i)
        for (std::size_t j = 0; j < 2; ++j) X(i, j) = m * X(i, j) + std::sqrt(v) * r.normal();
    expect_moments(X, h);
}

TEST(GaussianMixture, PosteriorSumsToOneAndBatchMatchesPoints) {
    auto g = two_d();
    xt::xtensor<double, 2> X = {{0.0, 0.0}, {3.0, -2.0}, {-40.0, 50.0}};
    auto P = g.posterior(X);
    auto S = g.score(X);
    auto L = g.log_density(X);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_NEAR(P(i, 0) + P(i, 1), 1.0, 1e-12);
        std::vector<double> x = {X(i, 0), X(i, 1)}, s(2);
        g.score(x, s);
        EXPECT_DOUBLE_EQ(S(i, 0), s[0]);
        EXPECT_DOUBLE_EQ(L(i), g.log_density(x));
        EXPECT_TRUE(std::isfinite(L(i)));
    }
}

TEST(GaussianMixture, RejectsBadParameters) {
    EXPECT_THROW(GaussianMixture({1.0}, {{0.0}}, {{-1.0}}), std::invalid_argument);
    EXPECT_THROW(GaussianMixture({1.0, 1.0}, {{0.0}}, {{1.0}}), std::invalid_argument);
    EXPECT_THROW(two_d().transformed(1.0, -0.1), std::invalid_argument);
}

}  // namespace
}  // namespace wb

namespace wb {
namespace {

TEST(GaussianMixture1D, ScalarAndBatchInterfacesAgreeWithTheFormula) {
    const auto p = GaussianMixture::univariate({0.4, 0.6}, {-1.5, 1.0}, {0.3, 0.5});
    for (double x : {-3.0, -1.5, 0.1, 2.0}) {
        const double d = 0.4 * normal_pdf(x, -1.5, 0.09) + 0.6 * normal_pdf(x, 1.0, 0.25);
        const double dd = 0.4 * normal_pdf(x, -1.5, 0.09) * (-1.5 - x) / 0.09 + 0.6 * normal_pdf(x, 1.0, 0.25) * (1.0 - x) / 0.25;
        EXPECT_NEAR(p.density(x), d, 1e-14);
        EXPECT_NEAR(p.log_density(x), std::log(d), 1e-13);
        EXPECT_NEAR(p.score(x), dd / d, 1e-12);
    }
    const Vec xs = {-3.0, 0.1, 2.0};
    const Vec s = p.score(xs), l = p.log_density(xs), d = p.density(xs);
    for (std::size_t i = 0; i < xs.size(); ++i) {
        EXPECT_EQ(s(i), p.score(xs(i)));
        EXPECT_EQ(l(i), p.log_density(xs(i)));
        EXPECT_EQ(d(i), p.density(xs(i)));
    }
    // Far from both components the score stays finite (log-sum-exp).
    EXPECT_TRUE(std::isfinite(p.score(80.0)));
    const auto p2 = GaussianMixture::isotropic({1.0}, {{0.0, 0.0}}, {1.0});
    EXPECT_THROW(p2.score(0.0), std::invalid_argument);
}

// The batch score of a 1-D mixture runs a vectorised loop for two components: it must
// give the pointwise score's bits everywhere, at ties of the two components' logs, and
// far out where one weight underflows; and it approaches the nearer component's score.
TEST(GaussianMixture1D, BatchScoresAreThePointwiseOnesBitForBit) {
    const auto two = GaussianMixture::univariate({0.3, 0.7}, {-2.0, 1.5}, {0.5, 0.7});
    const auto three = GaussianMixture::univariate({0.2, 0.5, 0.3}, {-2.0, 0.0, 3.0}, {0.4, 1.0, 0.6});
    Vec xs = xt::linspace<double>(-60.0, 60.0, 1001);  // odd: the vector loop's remainder too
    xs(3) = 0.0;
    for (const auto* p : {&two, &three}) {
        const Vec s = p->score(xs);
        Mat X = xt::empty<double>({xs.size(), std::size_t{1}});
        for (std::size_t i = 0; i < xs.size(); ++i) X(i, 0) = xs(i);
        const Mat S = p->score(X);
        for (std::size_t i = 0; i < xs.size(); ++i) {
            ASSERT_EQ(s(i), p->score(xs(i))) << xs(i);
            ASSERT_EQ(S(i, 0), s(i)) << xs(i);
            ASSERT_TRUE(std::isfinite(s(i))) << xs(i);
        }
    }
    // A tie: equal weights and variances, x midway between the means.
    const auto tie = GaussianMixture::univariate({0.5, 0.5}, {-1.0, 1.0}, {0.5, 0.5});
    EXPECT_EQ(tie.score(Vec{0.0})(0), 0.0);
    EXPECT_EQ(tie.score(Vec{0.0})(0), tie.score(0.0));
    // Far right only the right component counts: score (μ − x)/σ².
    EXPECT_NEAR(two.score(Vec{60.0})(0), (1.5 - 60.0) / 0.49, 1e-12);
}

// 1-D sampling keeps the generator in registers; it must draw what the plain loop of
// single draws (component, then noise) gives.
TEST(GaussianMixture1D, SamplesAreThoseOfSingleDraws) {
    const auto p = GaussianMixture::univariate({0.3, 0.7}, {-2.0, 1.5}, {0.5, 0.7});
    Rng a(9), b(9);
    const Vec x = p.sample_1d(a, 5000);
    const double w[2] = {0.3, 0.7}, mu[2] = {-2.0, 1.5}, sd[2] = {0.5, 0.7};
    for (std::size_t i = 0; i < 5000; ++i) {
        const std::size_t k = b.categorical(w);
        ASSERT_EQ(x(i), mu[k] + sd[k] * b.normal()) << i;
    }
    EXPECT_EQ(a.next_u64(), b.next_u64());
}

TEST(GaussianMixture1D, LabeledSampleMatchesSampleAndLabelsFollowTheWeights) {
    const auto p = GaussianMixture::univariate({0.25, 0.75}, {-5.0, 5.0}, {0.5, 0.5});
    Rng a(3), b(3), c(3);
    const LabeledSample s = p.sample_labeled(a, 4000);
    const Mat X = p.sample(b, 4000);
    const Vec x = p.sample_1d(c, 4000);
    std::size_t ones = 0;
    for (std::size_t i = 0; i < 4000; ++i) {
        EXPECT_EQ(s.x(i, 0), X(i, 0));
        EXPECT_EQ(x(i), X(i, 0));
        EXPECT_EQ(s.labels[i] == 1, X(i, 0) > 0);  // components 20 sd apart
        ones += s.labels[i];
    }
    // Binomial(4000, 0.75): sd = 27.4; |dev| < 4.5 sd fails with probability < 1e-5.
    EXPECT_LT(std::fabs(static_cast<double>(ones) - 3000.0), 4.5 * std::sqrt(4000 * 0.75 * 0.25));
}

}  // namespace
}  // namespace wb
