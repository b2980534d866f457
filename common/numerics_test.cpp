#include "wb/numerics.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "wb/constants.hpp"

namespace wb {
namespace {

TEST(Numerics, SimpsonIsExactForCubicsAndFourthOrderOtherwise) {
    EXPECT_NEAR(simpson([](double x) { return x * x * x - 2 * x; }, 0.0, 2.0, 2), 0.0, 1e-14);
    auto err = [](std::size_t n) { return std::fabs(simpson([](double x) { return std::exp(x); }, 0.0, 1.0, n) - (std::exp(1.0) - 1)); };
    EXPECT_NEAR(std::log2(err(8) / err(16)), 4.0, 0.05);
    EXPECT_THROW(simpson([](double x) { return x; }, 0.0, 1.0, 3), std::invalid_argument);
}

TEST(Numerics, LinspaceIncludesBothEnds) {
    const auto g = linspace(-1.0, 1.0, 5);
    ASSERT_EQ(g.size(), 5u);
    EXPECT_EQ(g.front(), -1.0);
    EXPECT_EQ(g[2], 0.0);
    EXPECT_EQ(g.back(), 1.0);
    EXPECT_THROW(linspace(0, 1, 1), std::invalid_argument);
}

}  // namespace
}  // namespace wb

namespace wb {
namespace {

TEST(Numerics, GaussHermiteWeightsSumToOneAndMomentsAreExact) {
    for (std::size_t n : {1u, 2u, 5u, 20u, 80u, 200u}) {
        const GaussHermite& q = gauss_hermite(n);
        ASSERT_EQ(q.nodes.size(), n);
        double s = 0.0;
        for (double w : q.weights) s += w;
        EXPECT_NEAR(s, 1.0, 1e-13) << n;
        for (std::size_t i = 0; i + 1 < n; ++i) EXPECT_LT(q.nodes[i], q.nodes[i + 1]);
    }
    // E Z^{2k} = (2k − 1)!!: exact up to degree 2n − 1.
    double dfact = 1.0;
    for (int k = 1; k <= 10; ++k) {
        dfact *= 2 * k - 1;
        EXPECT_NEAR(gauss_expect([&](double z) { return std::pow(z, 2 * k); }, 12) / dfact, 1.0, 1e-12) << k;
    }
    EXPECT_NEAR(gauss_expect([](double z) { return z * z * z; }), 0.0, 1e-13);
    // E e^{sZ} = e^{s²/2}; a 4-node rule is visibly wrong for s = 2 (the control).
    for (double s : {0.5, 2.0, 3.0}) EXPECT_NEAR(gauss_expect([&](double z) { return std::exp(s * z); }) / std::exp(0.5 * s * s), 1.0, 1e-13);
    EXPECT_GT(std::fabs(gauss_expect([](double z) { return std::exp(2 * z); }, 4) / std::exp(2.0) - 1), 1e-3);
    EXPECT_THROW(gauss_hermite(0), std::invalid_argument);
}

TEST(Numerics, GaussHermiteAgreesWithSimpsonOnASmoothFunction) {
    auto f = [](double z) { return std::cos(z) * std::exp(0.3 * z); };
    const double ref = simpson([&](double z) { return f(z) * std::exp(-0.5 * z * z) / std::sqrt(2 * Pi); }, -14, 14, 20000);
    EXPECT_NEAR(gauss_expect(f), ref, 1e-13);
}

TEST(Numerics, LogspaceGeomspaceAndGrid2d) {
    const auto l = logspace(-2, 1, 4);
    ASSERT_EQ(l.size(), 4u);
    EXPECT_NEAR(l[0], 0.01, 1e-17);
    EXPECT_NEAR(l[3], 10.0, 1e-14);
    const auto g = geomspace(1.0 / 64, 0.5, 6);
    EXPECT_EQ(g.front(), 1.0 / 64);
    EXPECT_EQ(g.back(), 0.5);
    for (std::size_t i = 1; i < g.size(); ++i) EXPECT_NEAR(g[i] / g[i - 1], 2.0, 1e-14);
    EXPECT_THROW(geomspace(0.0, 1.0, 3), std::invalid_argument);
    const Mat G = grid2d(std::vector<double>{0, 1, 2}, std::vector<double>{-1, 1});
    ASSERT_EQ(G.shape(0), 6u);
    EXPECT_EQ(G(1, 0), 1.0);  // x varies fastest
    EXPECT_EQ(G(1, 1), -1.0);
    EXPECT_EQ(G(5, 0), 2.0);
    EXPECT_EQ(G(5, 1), 1.0);
}

}  // namespace
}  // namespace wb
