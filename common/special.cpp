#include "wb/special.hpp"

#include <math.h>  // lgamma_r

#include <stdexcept>

namespace wb {

double log_gamma(double x) {
    int sign = 0;
    return ::lgamma_r(x, &sign);
}

double normal_cdf(double z) { return 0.5 * std::erfc(-z / Sqrt2); }

double log_normal_cdf(double z) {
    if (z > 5.0) return std::log1p(-0.5 * std::erfc(z / Sqrt2));
    if (z > -37.0) return std::log(0.5 * std::erfc(-z / Sqrt2));
    // Φ(z) = φ(z)/|z| · Σ_k (−1)^k (2k−1)!!/z^{2k}; at |z| > 37 six terms reach 1e-16.
    const double q = 1.0 / (z * z);
    double term = 1.0, sum = 1.0;
    for (int k = 1; k <= 6; ++k) {
        term *= -(2.0 * k - 1.0) * q;
        sum += term;
    }
    return normal_logpdf(z) - std::log(-z) + std::log(sum);
}

double normal_quantile(double p) {
    if (!(p > 0.0 && p < 1.0)) throw std::invalid_argument("normal_quantile: p must be in (0, 1)");
    // Acklam's rational approximation, then two Newton steps on erfc.
    static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                               1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                               6.680131188771972e+01, -1.328068155288572e+01};
    static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                               -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                               3.754408661907416e+00};
    double x;
    if (p < 0.02425) {
        const double q = std::sqrt(-2 * std::log(p));
        x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    } else if (p > 1 - 0.02425) {
        const double q = std::sqrt(-2 * std::log(1 - p));
        x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    } else {
        const double q = p - 0.5, r = q * q;
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
            (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
    // Newton on Φ(x) − p: the step is (Φ(x) − p)/φ(x).
    for (int i = 0; i < 2; ++i) x -= (normal_cdf(x) - p) / normal_pdf(x);
    return x;
}

}  // namespace wb
