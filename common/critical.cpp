#include "wb/critical.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

#include "wb/special.hpp"

namespace wb {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
// Above this many degrees of freedom the quantile comes from the Cornish–Fisher
// expansion (A&S 26.7.5), whose next term is O(z⁹/df⁴) < 10⁻¹⁵ here; below it the
// incomplete beta, whose lgamma differences lose accuracy as df grows.
constexpr double kLargeDf = 1e6;

// Continued fraction of the incomplete beta (modified Lentz), for x < (a+1)/(a+b+2).
double beta_cf(double a, double b, double x) {
    constexpr double tiny = 1e-300, eps = 1e-16;
    double c = 1.0, d = 1.0 - (a + b) * x / (a + 1.0);
    if (std::fabs(d) < tiny) d = tiny;
    d = 1.0 / d;
    double h = d;
    for (int m = 1; m <= 10000; ++m) {
        const double m2 = 2.0 * m;
        double aa = m * (b - m) * x / ((a + m2 - 1.0) * (a + m2));
        d = 1.0 + aa * d;
        if (std::fabs(d) < tiny) d = tiny;
        c = 1.0 + aa / c;
        if (std::fabs(c) < tiny) c = tiny;
        d = 1.0 / d;
        h *= d * c;
        aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0));
        d = 1.0 + aa * d;
        if (std::fabs(d) < tiny) d = tiny;
        c = 1.0 + aa / c;
        if (std::fabs(c) < tiny) c = tiny;
        d = 1.0 / d;
        const double del = d * c;
        h *= del;
        if (std::fabs(del - 1.0) < eps) return h;
    }
    return h;
}

// Regularised incomplete beta I_x(a, b), given x and 1 − x separately (so a tiny
// 1 − x keeps its digits).
double inc_beta(double a, double b, double x, double one_minus_x) {
    if (x <= 0.0) return 0.0;
    if (one_minus_x <= 0.0) return 1.0;
    const double lfront = log_gamma(a + b) - log_gamma(a) - log_gamma(b) + a * std::log(x) +
                          b * std::log(one_minus_x);
    if (x < (a + 1.0) / (a + b + 2.0)) return std::exp(lfront) * beta_cf(a, b, x) / a;
    return 1.0 - std::exp(lfront) * beta_cf(b, a, one_minus_x) / b;
}

// Cornish–Fisher: the t quantile from the normal quantile z at the same probability.
double cornish_fisher(double z, double df) {
    const double z2 = z * z, z3 = z2 * z, z5 = z3 * z2, z7 = z5 * z2;
    const double g1 = (z3 + z) / 4.0, g2 = (5 * z5 + 16 * z3 + 3 * z) / 96.0,
                 g3 = (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384.0;
    return z + g1 / df + g2 / (df * df) + g3 / (df * df * df);
}

// The x ≥ 0 with tail(x) = alpha for a decreasing tail: bracket by doubling, then bisect.
template <class Tail>
double invert_tail(double alpha, Tail tail) {
    double lo = 0.0, hi = 1.0;
    while (tail(hi) > alpha) {
        lo = hi;
        hi *= 2.0;
        if (hi > 1e300) return kInf;
    }
    for (int i = 0; i < 200 && hi - lo > 1e-15 * hi; ++i) {
        const double mid = 0.5 * (lo + hi);
        (tail(mid) > alpha ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}
}  // namespace

double normal_two_sided_tail(double z) { return std::erfc(std::fabs(z) / std::sqrt(2.0)); }

double student_t_two_sided_tail(double t, double df) {
    if (!(df > 0)) throw std::invalid_argument("student_t_two_sided_tail: df must be positive");
    if (std::isinf(df)) return normal_two_sided_tail(t);
    const double t2 = t * t;
    if (std::isinf(t2)) return 0.0;
    return inc_beta(df / 2.0, 0.5, df / (df + t2), t2 / (df + t2));
}

double student_t_two_sided_quantile(double alpha, double df) {
    if (!(alpha > 0.0 && alpha < 1.0))
        throw std::invalid_argument("student_t_two_sided_quantile: alpha must be in (0, 1)");
    if (!(df > 0)) throw std::invalid_argument("student_t_two_sided_quantile: df must be positive");
    if (df > kLargeDf) {
        const double z = invert_tail(alpha, normal_two_sided_tail);
        return std::isinf(df) ? z : cornish_fisher(z, df);
    }
    return invert_tail(alpha, [df](double t) { return student_t_two_sided_tail(t, df); });
}

double critical_value(double z_max, double df) {
    if (!(z_max > 0)) throw std::invalid_argument("critical_value: z_max must be positive");
    if (std::isinf(df)) return z_max;
    if (df > kLargeDf) return cornish_fisher(z_max, df);
    return student_t_two_sided_quantile(normal_two_sided_tail(z_max), df);
}

double degrees_of_freedom(unsigned long long n) {
    return n == 0 ? kInf : static_cast<double>(n) - 1.0;
}

double welch_df(double v1, double df1, double v2, double df2) {
    const double num = (v1 + v2) * (v1 + v2);
    const double den = (std::isinf(df1) ? 0.0 : v1 * v1 / df1) + (std::isinf(df2) ? 0.0 : v2 * v2 / df2);
    return den > 0 ? num / den : kInf;
}

}  // namespace wb
