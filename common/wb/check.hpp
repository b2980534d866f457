// Verified derivations: every step of a chapter is a claim that the program
// evaluates, and every chapter runs controls, wrong variants that the same check
// must reject.
//
// Kinds of claim (Kind), with the statistic `stat` and the bound `tol` it meets:
//   exact        lhs = rhs for deterministic numbers:
//                  stat = |lhs − rhs| / max(|lhs|, |rhs|) ≤ tol = rtol (+ atol/scale)
//   monte_carlo  lhs = rhs for estimates:  z = (lhs − rhs)/se,  se = √(se_l² + se_r²);
//                  passes when stat = |z| ≤ tol = c (no evidence against) AND decisive
//   less         lhs < rhs:  stat = (rhs − lhs)/se ≥ tol = c  (evidence for the claim)
//   greater      lhs > rhs:  stat = (lhs − rhs)/se ≥ tol = c
//   within       lo ≤ lhs ≤ hi:  stat = min(lhs − lo, hi − lhs)/se ≥ tol = c
//   gradient     analytic gradient against central finite differences:
//                  stat = max_i |g_i − fd_i| / max_i(|g_i|, |fd_i|) ≤ tol = rtol
//   holds        a deterministic predicate with the two numbers behind it
//
// Critical value c. A standard error estimated from n replications makes z a
// Student-t variable with n − 1 degrees of freedom, so c = critical_value(z_max, df)
// (wb/critical.hpp): the same two-sided false-alarm rate as |z| ≤ z_max = 4 under
// the normal (α ≈ 6.3·10⁻⁵), e.g. c = 8.47 for 8 replications. Estimate::n says how
// many independent terms the se was estimated from: df = n − 1; n = 0 means the se
// is known or comes from an asymptotic formula (df = ∞, c = z_max). For large n the
// two agree (c = 4.017 at n = 1000, 4.002 at n = 10⁴), so use n = 0 only where the
// se is not an estimate from n terms. Two estimates combine by Welch–Satterthwaite.
//
// Decisive. Every Monte Carlo check also needs se ≤ decisive·scale (scale =
// max(|lhs|, |rhs|), for within max(|lhs|, |lo|, |hi|), unless given): a claim too
// noisy to tell fails, it does not pass. The record keeps se/scale and the bound;
// design sample sizes so se/scale ≤ 60% of the bound (the report counts those above).
//
// One-sided claims (less, greater, within) are checks when the numbers show them
// (stat ≥ c), controls when the numbers refute them (stat ≤ −c). In between, the
// check fails and the control is accepted: neither is evidence.
//
// Errors. A non-finite number (NaN, ∞: an overflow, a mean of data with ∞), a
// Monte Carlo claim with se = 0, an se from n = 1, or a `holds` fed an estimate with
// an se, is recorded as an error, for checks and controls alike: a control is
// rejected only by finite evidence. Errors make the chapter fail.
//
// Resolving power. `resolution` is the smallest relative deviation of the rhs the
// claim would detect: c·se/scale for Monte Carlo claims, the tolerance for exact and
// gradient claims. A control's `margin` is how far past the bound its evidence went:
// stat/tol for exact, monte_carlo and gradient; −stat/tol for one-sided claims
// (> 1 means rejected).
#pragma once

#include <functional>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "wb/stats.hpp"

namespace wb {

enum class Kind { exact, monte_carlo, less, greater, within, gradient, holds };
enum class Verdict { pass, fail, rejected, accepted, error };
// The names used in the report (checks.json), e.g. "monte_carlo", "rejected".
std::string_view name(Kind k);
std::string_view name(Verdict v);
// Every kind and verdict, in declaration order (for the schema test).
std::vector<std::string_view> kind_names();
std::vector<std::string_view> verdict_names();

struct CheckRecord {
    static constexpr double none = std::numeric_limits<double>::quiet_NaN();
    std::string claim;    // readable math, e.g. "E[s·∇log p] = −E[∇·s]"
    Kind kind = Kind::exact;
    bool control = false; // a wrong variant that must be rejected
    double lhs = 0, rhs = 0, lhs_se = 0, rhs_se = 0;
    double lo = none, hi = none;  // within: the interval
    double stat = 0;      // the statistic, as in the table above
    double tol = 0;       // the bound stat is compared to (c or rtol)
    double df = none;     // degrees of freedom behind c (∞: normal); Monte Carlo only
    double se_scale = none, decisive = none;  // se/scale and its bound; Monte Carlo only
    double resolution = none;  // smallest relative deviation of the rhs detected
    double margin = none;      // controls: how far past the bound (> 1: rejected)
    bool holds = false;   // did the claim hold numerically?
    Verdict verdict = Verdict::fail;
    bool ok = false;      // check: pass; control: rejected
    std::string detail;   // e.g. "not decisive: se/scale = 0.2 > 0.05"
};

struct McOptions {
    double z_max = 4.0;      // normal-equivalent bound; sets the false-alarm rate
    double decisive = 0.05;  // se must be at most this fraction of the scale
    double scale = 0.0;      // 0: max(|lhs|, |rhs|) (within: and |lo|, |hi|)
};

// The checks of one section; `control()` gives the same checks as controls.
class Checks {
public:
    explicit Checks(std::vector<CheckRecord>* sink, bool control = false) : sink_(sink), control_(control) {}

    bool exact(const std::string& claim, double lhs, double rhs, double rtol = 1e-10, double atol = 0.0);
    // lhs = rhs: an estimate against a known value, or two independent estimates.
    bool monte_carlo(const std::string& claim, Estimate lhs, double rhs, McOptions o = {});
    bool monte_carlo(const std::string& claim, Estimate lhs, Estimate rhs, McOptions o = {});
    // a < b and a > b, one-sided: (b − a)/se ≥ c, resp. (a − b)/se ≥ c. For paired
    // samples pass the paired difference against 0 (and a scale).
    bool less(const std::string& claim, Estimate a, Estimate b, McOptions o = {});
    bool less(const std::string& claim, Estimate a, double b, McOptions o = {});
    bool greater(const std::string& claim, Estimate a, Estimate b, McOptions o = {});
    bool greater(const std::string& claim, Estimate a, double b, McOptions o = {});
    // lo ≤ x ≤ hi: min(x − lo, hi − x)/se ≥ c.
    bool within(const std::string& claim, Estimate x, double lo, double hi, McOptions o = {});
    // "a exceeds b by a factor r": a/b ≥ r, for independent a and b, with the
    // delta-method error of the ratio R = a/b: se_R = |R|·√((se_a/a)² + (se_b/b)²),
    // tested as greater(R, r). The ratio's df combine by Welch–Satterthwaite on the
    // two relative variances.
    bool ratio_at_least(const std::string& claim, Estimate a, Estimate b, double r, McOptions o = {});
    // The same for a ratio already estimated with its error (e.g. a paired ratio).
    bool ratio_at_least(const std::string& claim, Estimate ratio, double r, McOptions o = {});
    // a/b ≤ r ("a is at most r times b"), as ratio_at_least with less.
    bool ratio_at_most(const std::string& claim, Estimate a, Estimate b, double r, McOptions o = {});
    bool ratio_at_most(const std::string& claim, Estimate ratio, double r, McOptions o = {});
    // grad f(x) given analytically, against central differences with step h: the largest
    // difference ≤ rtol·(largest component) + atol. Give atol near a stationary point, where
    // the components vanish and the differences' rounding (~ε|f|/h) does not.
    bool gradient(const std::string& claim, const std::function<double(std::span<const double>)>& f,
                  std::span<const double> x, std::span<const double> grad, double rtol = 1e-6, double h = 1e-5,
                  double atol = 0.0);
    // A deterministic predicate with the two numbers it compares (e.g. value and
    // bound). NaN among them is an error.
    bool holds(const std::string& claim, bool condition, double lhs, double rhs, const std::string& detail = "");
    // A predicate on estimates is an error when either carries a standard error:
    // random numbers need less/greater/within.
    bool holds(const std::string& claim, bool condition, Estimate lhs, double rhs, const std::string& detail = "");
    bool holds(const std::string& claim, bool condition, double lhs, Estimate rhs, const std::string& detail = "");
    bool holds(const std::string& claim, bool condition, Estimate lhs, Estimate rhs, const std::string& detail = "");

private:
    bool record(CheckRecord r);
    bool one_sided(const std::string& claim, Kind kind, Estimate a, Estimate b, McOptions o);
    bool ratio_claim(const std::string& claim, Kind kind, Estimate a, Estimate b, double r, McOptions o);
    bool finish_one_sided(CheckRecord r, std::string err);
    std::vector<CheckRecord>* sink_;
    bool control_;
};

}  // namespace wb
