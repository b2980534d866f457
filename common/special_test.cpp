#include "wb/special.hpp"

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

#include <gtest/gtest.h>

#include "wb/numerics.hpp"

namespace wb {
namespace {

// Within 2 ulp of libm's exp on [−708, 0], densely and at the reduction's edges
// (a = (j + ½) ln 2, where r changes sign), exact at 0, 0 below −708.
TEST(Special, ExpNonpositiveIsWithinTwoUlpOfExp) {
    auto ulps = [](double a) {
        const auto x = std::bit_cast<std::int64_t>(exp_nonpositive(a)), y = std::bit_cast<std::int64_t>(std::exp(a));
        return x > y ? x - y : y - x;
    };
    std::int64_t worst = 0;
    for (int i = 0; i <= 1000000; ++i) worst = std::max(worst, ulps(-708.0 * i / 1e6));
    for (int j = 0; j < 1021; ++j) {
        const double edge = -(j + 0.5) * Ln2;
        for (double a : {std::nextafter(edge, 0.0), edge, std::nextafter(edge, -1.0)}) worst = std::max(worst, ulps(a));
    }
    for (double a : {-1e-300, -1e-17, -1e-9, -0.0}) worst = std::max(worst, ulps(a));
    EXPECT_LE(worst, 2);
    EXPECT_EQ(exp_nonpositive(0.0), 1.0);
    EXPECT_EQ(exp_nonpositive(-709.0), 0.0);
    EXPECT_EQ(exp_nonpositive(-std::numeric_limits<double>::infinity()), 0.0);
    EXPECT_TRUE(std::isnan(exp_nonpositive(std::nan(""))));
}

TEST(Special, LogGammaIsLgammaWithoutTheGlobalSign) {
    for (double x : {0.5, 1.0, 2.5, 10.0, 171.5, 1e6}) EXPECT_EQ(log_gamma(x), std::lgamma(x)) << x;
    EXPECT_NEAR(log_gamma(5.0), std::log(24.0), 1e-14);
    EXPECT_NEAR(log_gamma(0.5), 0.5 * std::log(3.14159265358979323846), 1e-15);
}

TEST(Special, PdfAndLogPdfAgreeAndIntegrateToOne) {
    EXPECT_NEAR(normal_pdf(0.0), 1.0 / std::sqrt(2.0 * Pi), 1e-16);
    EXPECT_NEAR(std::log(normal_pdf(1.3)), normal_logpdf(1.3), 1e-14);
    EXPECT_NEAR(normal_logpdf(2.0, 1.0, 4.0), normal_logpdf(0.5) - std::log(2.0), 1e-14);
    EXPECT_NEAR(simpson([](double z) { return normal_pdf(z, 0.5, 2.0); }, -20, 20, 4000), 1.0, 1e-12);
}

TEST(Special, QuantileInvertsTheCdf) {
    EXPECT_NEAR(normal_quantile(0.975), Z95, 1e-14);
    EXPECT_NEAR(normal_quantile(0.5), 0.0, 1e-15);
    for (double p : {1e-300, 1e-10, 0.01, 0.3, 0.9, 1 - 1e-12})
        EXPECT_NEAR(normal_cdf(normal_quantile(p)) / p, 1.0, 1e-9) << p;
    EXPECT_THROW(normal_quantile(0.0), std::invalid_argument);
}

TEST(Special, LogCdfIsFiniteAndAccurateInBothTails) {
    // Where erfc does not underflow, log Φ is log of the direct formula.
    for (double z : {-30.0, -10.0, -1.0, 0.0, 2.0}) EXPECT_NEAR(log_normal_cdf(z), std::log(normal_cdf(z)), 1e-13) << z;
    // Across the switch to the asymptotic series the function is continuous.
    EXPECT_NEAR(log_normal_cdf(-37.0 - 1e-9), log_normal_cdf(-37.0 + 1e-9), 1e-6);
    EXPECT_NEAR(log_normal_cdf(-36.99), std::log(0.5 * std::erfc(36.99 / Sqrt2)), 1e-12);
    // Deep tail: log Φ(z) = log φ(z) − log|z| + log(1 − 1/z² + …).
    const double z = -1e3;
    EXPECT_NEAR(log_normal_cdf(z), normal_logpdf(z) - std::log(1e3) + std::log1p(-1e-6), 1e-9);
    EXPECT_TRUE(std::isfinite(log_normal_cdf(-1e10)));
    // Upper tail: log Φ(z) ≈ −Φ(−z), resolved where 1 − Φ(z) is below the double epsilon.
    EXPECT_NEAR(log_normal_cdf(9.0) / -normal_cdf(-9.0), 1.0, 1e-10);
}

}  // namespace
}  // namespace wb
