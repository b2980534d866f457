// The standard normal law: density, distribution function, its logarithm without
// underflow, the quantile Φ⁻¹, and named constants and critical values.
#pragma once

#include <cmath>

#include "wb/constants.hpp"

namespace wb {

// Two-sided 95% normal critical value Φ⁻¹(0.975) (the "1.96" of error bars).
inline constexpr double Z95 = 1.95996398454005423552;
inline constexpr double Ln2 = 0.69314718055994530942;
inline constexpr double SqrtPi = 1.77245385090551602730;

// φ(z) = e^{−z²/2}/√(2π) and its logarithm.
inline double normal_pdf(double z) { return InvSqrt2Pi * std::exp(-0.5 * z * z); }
inline double normal_logpdf(double z) { return -0.5 * (Log2Pi + z * z); }
// log N(x; mean, var) of a normal with variance var > 0.
inline double normal_logpdf(double x, double mean, double var) {
    const double r = x - mean;
    return -0.5 * (Log2Pi + std::log(var) + r * r / var);
}
inline double normal_pdf(double x, double mean, double var) { return std::exp(normal_logpdf(x, mean, var)); }

// Φ(z) = P(Z ≤ z).
double normal_cdf(double z);
// log Φ(z), accurate in both tails: no underflow for z ≪ 0 (asymptotic series past
// z = −37, where erfc underflows) and no cancellation for z ≫ 0 (log1p).
double log_normal_cdf(double z);
// The standard normal quantile Φ⁻¹(p) for p in (0, 1), e.g. Φ⁻¹(0.975) = 1.95996…
// (so the two-sided critical value z_{1−α/2} is normal_quantile(1 − α/2)).
double normal_quantile(double p);
// log Γ(x) for x > 0, the value of std::lgamma without its write to the global signgam
// (a data race when sections run at once).
double log_gamma(double x);

}  // namespace wb
