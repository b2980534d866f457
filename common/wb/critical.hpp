// Critical values for the Monte Carlo checks: Student-t quantiles at the false-alarm
// rate of a normal |z| ≤ z_max, for standard errors estimated from few replications.
//
// A standard error estimated from k independent replications makes (x̄ − μ)/se a
// Student-t variable with k − 1 degrees of freedom, not a normal one. A check that
// accepts |z| ≤ 4 under the normal has the two-sided false-alarm rate
//   α = 2(1 − Φ(4)) = erfc(4/√2) ≈ 6.334·10⁻⁵;
// with k − 1 degrees of freedom the same rate needs |t| ≤ t_{k−1}(1 − α/2), e.g.
// 8.47 for k = 8. critical_value(z_max, df) gives that bound; df = ∞ gives z_max.
#pragma once

namespace wb {

// Two-sided tail of the standard normal: P(|Z| > z) = erfc(z/√2).
double normal_two_sided_tail(double z);
// Two-sided tail of Student's t with df > 0 degrees of freedom (df may be
// fractional, as Welch–Satterthwaite gives; df = ∞ is the normal):
//   P(|T| > t) = I_{df/(df+t²)}(df/2, 1/2), the regularised incomplete beta.
double student_t_two_sided_tail(double t, double df);
// The t ≥ 0 with P(|T| > t) = alpha, for 0 < alpha < 1.
double student_t_two_sided_quantile(double alpha, double df);
// The bound on |t| with the same two-sided false-alarm rate as |z| ≤ z_max under the
// normal: t_df(1 − α/2) with α = erfc(z_max/√2). Equals z_max for df = ∞; grows as df
// falls (critical_value(4, 7) ≈ 8.47, critical_value(4, 1) ≈ 1.0·10⁴).
double critical_value(double z_max, double df);
// Degrees of freedom of a standard error estimated from n independent terms: n − 1;
// n = 0 means "known, or from an asymptotic formula": ∞.
double degrees_of_freedom(unsigned long long n);
// Welch–Satterthwaite degrees of freedom of sqrt(v1 + v2) where v1, v2 are variance
// terms with df1, df2: (v1 + v2)² / (v1²/df1 + v2²/df2). An infinite df adds 0.
double welch_df(double v1, double df1, double v2, double df2);

}  // namespace wb
