#include "wb/critical.hpp"

#include <cmath>
#include <limits>
#include <numbers>

#include <gtest/gtest.h>

namespace wb {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

TEST(Critical, TailsOfNormalAndT) {
    EXPECT_NEAR(normal_two_sided_tail(1.959963984540054), 0.05, 1e-15);
    EXPECT_NEAR(normal_two_sided_tail(4.0), 6.334248366623996e-05, 1e-18);
    // df = 1 is the Cauchy: P(|T| > t) = 1 − (2/π) atan t.
    for (double t : {0.5, 1.0, 3.0, 100.0})
        EXPECT_NEAR(student_t_two_sided_tail(t, 1.0), 1.0 - 2.0 / std::numbers::pi * std::atan(t), 1e-13) << t;
    // df = 2: P(|T| > t) = 1 − t/√(2 + t²).
    for (double t : {0.5, 2.0, 30.0})
        EXPECT_NEAR(student_t_two_sided_tail(t, 2.0), 1.0 - t / std::sqrt(2.0 + t * t), 1e-13) << t;
    EXPECT_EQ(student_t_two_sided_tail(4.0, kInf), normal_two_sided_tail(4.0));
}

TEST(Critical, QuantilesAgainstTables) {
    // Two-sided 5%, 1% and 0.1% points of Student's t (standard tables, 9 digits).
    EXPECT_NEAR(student_t_two_sided_quantile(0.05, 1), 12.7062047362, 1e-8);
    EXPECT_NEAR(student_t_two_sided_quantile(0.05, 2), 4.30265272975, 1e-9);
    EXPECT_NEAR(student_t_two_sided_quantile(0.05, 5), 2.57058183564, 1e-9);
    EXPECT_NEAR(student_t_two_sided_quantile(0.05, 10), 2.22813885196, 1e-9);
    EXPECT_NEAR(student_t_two_sided_quantile(0.05, 30), 2.04227245630, 1e-9);
    EXPECT_NEAR(student_t_two_sided_quantile(0.01, 5), 4.03214298356, 1e-9);
    EXPECT_NEAR(student_t_two_sided_quantile(0.001, 10), 4.58689385870, 1e-8);
    EXPECT_NEAR(student_t_two_sided_quantile(0.05, kInf), 1.95996398454, 1e-10);
}

TEST(Critical, SameFalseAlarmRateAsFourSigma) {
    const double alpha = normal_two_sided_tail(4.0);
    // Closed forms: df = 1, t = tan(π(1 − α)/2); df = 2, from 1 − t/√(2 + t²) = α,
    // t = q·√(2/(1 − q²)) with q = 1 − α.
    EXPECT_NEAR(critical_value(4.0, 1) / std::tan(std::numbers::pi * (1.0 - alpha) / 2.0), 1.0, 1e-12);
    const double q = 1.0 - alpha;
    EXPECT_NEAR(critical_value(4.0, 2) / (q * std::sqrt(2.0 / (1.0 - q * q))), 1.0, 1e-12);
    // Every df gives back the same tail.
    for (double df : {3.0, 7.0, 7.5, 19.0, 99.0, 1e4, 1e5})
        EXPECT_NEAR(student_t_two_sided_tail(critical_value(4.0, df), df) / alpha, 1.0, 1e-9) << df;
    EXPECT_NEAR(critical_value(4.0, 7), 8.46693, 1e-5);  // checked by quadrature of the t density
    // Falls to z_max as df grows, continuously across the switch to Cornish–Fisher.
    EXPECT_EQ(critical_value(4.0, kInf), 4.0);
    EXPECT_GT(critical_value(4.0, 1e3), critical_value(4.0, 1e4));
    EXPECT_NEAR(critical_value(4.0, 1e6 * (1 - 1e-9)), critical_value(4.0, 1e6 * (1 + 1e-9)), 1e-9);
    EXPECT_NEAR(critical_value(4.0, 1e12), 4.0, 1e-10);
}

TEST(Critical, DegreesOfFreedom) {
    EXPECT_EQ(degrees_of_freedom(0), kInf);
    EXPECT_EQ(degrees_of_freedom(8), 7.0);
    // Welch–Satterthwaite: equal terms with equal df give 2·df; a known term adds nothing.
    EXPECT_DOUBLE_EQ(welch_df(1.0, 7.0, 1.0, 7.0), 14.0);
    EXPECT_DOUBLE_EQ(welch_df(1.0, 7.0, 0.0, 3.0), 7.0);
    EXPECT_EQ(welch_df(1.0, kInf, 2.0, kInf), kInf);
    EXPECT_DOUBLE_EQ(welch_df(1.0, 7.0, 3.0, kInf), 16.0 * 7.0);
}

}  // namespace
}  // namespace wb
