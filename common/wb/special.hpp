// The standard normal law: density, distribution function, its logarithm without
// underflow, the quantile Φ⁻¹, and named constants and critical values.
#pragma once

#include <bit>
#include <cmath>
#include <cstdint>

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

// e^a for a ≤ 0 from basic arithmetic only: within 2 ulp of std::exp, the same bits on
// every machine (libm's exp is not: glibc has FMA and non-FMA variants), and inline and
// branch-free, so loops over many points vectorise (under -fno-trapping-math, as
// common/CMakeLists.txt compiles gauss.cpp). e^a = 2^k e^r with k = round(a/ln 2),
// r = a − k ln 2 in two parts (Cody & Waite), |r| ≤ ln 2/2, and e^r by its Taylor series
// to r¹³ (the remainder is below 10⁻¹⁷). Below −708, where e^a < 2^−1022 is subnormal,
// it returns 0; exp_nonpositive(0) = 1 exactly. Used for the softmax-type weights
// e^{l_k − max l} of the mixture scores.
inline double exp_nonpositive(double a) {
    constexpr double Log2e = 1.44269504088896340736, Ln2Hi = 0x1.62e42fee00000p-1, Ln2Lo = 0x1.a39ef35793c76p-33;
    constexpr double Shift = 0x1.8p52;  // adding it rounds to an integer, held in the low bits
    const double t = a * Log2e + Shift;
    const double k = t - Shift;
    const double r = (a - k * Ln2Hi) - k * Ln2Lo;
    double p = 1.0 / 6227020800.0;  // 1/13!
    p = p * r + 1.0 / 479001600.0;
    p = p * r + 1.0 / 39916800.0;
    p = p * r + 1.0 / 3628800.0;
    p = p * r + 1.0 / 362880.0;
    p = p * r + 1.0 / 40320.0;
    p = p * r + 1.0 / 5040.0;
    p = p * r + 1.0 / 720.0;
    p = p * r + 1.0 / 120.0;
    p = p * r + 1.0 / 24.0;
    p = p * r + 1.0 / 6.0;
    p = p * r + 0.5;
    p = p * r + 1.0;
    p = p * r + 1.0;
    // 2^k from k's bits in t: (k + 1023) << 52, the exponent field of 2^k.
    const double scale = std::bit_cast<double>((std::bit_cast<std::uint64_t>(t) + 1023) << 52);
    return a < -708.0 ? 0.0 : p * scale;
}

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
