#include "wb/check.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "wb/critical.hpp"

namespace wb {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::array<std::string_view, 7> kKinds = {"exact", "monte_carlo", "less", "greater",
                                                    "within", "gradient", "holds"};
constexpr std::array<std::string_view, 5> kVerdicts = {"pass", "fail", "rejected", "accepted", "error"};

// One side of a Monte Carlo claim: a value, its standard error and the degrees of
// freedom that se was estimated with (∞: known or asymptotic).
struct Side {
    double value, se, df;
};

// What is wrong with an estimate as evidence, or "" if nothing.
std::string problem(const char* what, Estimate e) {
    if (!std::isfinite(e.value) || !std::isfinite(e.se))
        return fmt::format("non-finite {}: {} ± {}", what, e.value, e.se);
    if (e.se < 0) return fmt::format("negative standard error of {}: {}", what, e.se);
    if (e.se > 0 && e.n == 1) return fmt::format("the standard error of {} comes from n = 1", what);
    return "";
}

Side side(Estimate e) { return {e.value, e.se, e.se > 0 ? degrees_of_freedom(e.n) : kInf}; }

// R = a/b with the delta-method error se_R = √(se_a² + R² se_b²)/|b|, and the df of
// that sum of two variance terms by Welch–Satterthwaite.
Side ratio_side(Estimate a, Estimate b) {
    const double R = a.value / b.value;
    const double va = (a.se / b.value) * (a.se / b.value), vb = (R * b.se / b.value) * (R * b.se / b.value);
    return {R, std::sqrt(va + vb), welch_df(va, side(a).df, vb, side(b).df)};
}

}  // namespace

std::string_view name(Kind k) { return kKinds[static_cast<std::size_t>(k)]; }
std::string_view name(Verdict v) { return kVerdicts[static_cast<std::size_t>(v)]; }
std::vector<std::string_view> kind_names() { return {kKinds.begin(), kKinds.end()}; }
std::vector<std::string_view> verdict_names() { return {kVerdicts.begin(), kVerdicts.end()}; }

bool Checks::record(CheckRecord r) {
    r.control = control_;
    if (r.verdict != Verdict::error) {
        r.verdict = control_ ? (r.holds ? Verdict::accepted : Verdict::rejected)
                             : (r.holds ? Verdict::pass : Verdict::fail);
    } else {
        r.holds = false;
    }
    r.ok = r.verdict == Verdict::pass || r.verdict == Verdict::rejected;
    if (!control_) r.margin = CheckRecord::none;
    sink_->push_back(std::move(r));
    return sink_->back().holds;
}

bool Checks::exact(const std::string& claim, double lhs, double rhs, double rtol, double atol) {
    CheckRecord r{.claim = claim, .kind = Kind::exact, .lhs = lhs, .rhs = rhs};
    const double scale = std::max(std::fabs(lhs), std::fabs(rhs));
    const double diff = std::fabs(lhs - rhs);
    r.stat = scale > 0 ? diff / scale : diff;
    r.tol = rtol;
    r.resolution = rtol + (scale > 0 ? atol / scale : atol);
    const double bound = rtol * scale + atol;
    r.margin = bound > 0 ? diff / bound : (diff > 0 ? kInf : 0.0);
    if (!std::isfinite(lhs) || !std::isfinite(rhs)) {
        r.verdict = Verdict::error;
        r.detail = fmt::format("non-finite: lhs {}, rhs {}", lhs, rhs);
    } else {
        r.holds = diff <= bound;
        if (atol > 0) r.detail = fmt::format("|lhs − rhs| = {:.3g}, atol {:.3g}", diff, atol);
    }
    return record(std::move(r));
}

namespace {
// The shared part of every Monte Carlo claim: the combined se and df, the critical
// value, decisiveness and resolving power. Returns "" or the error.
std::string mc_setup(CheckRecord& r, double se, double df, double scale, const McOptions& o) {
    r.df = df;
    r.tol = critical_value(o.z_max, df);
    r.decisive = o.decisive;
    r.se_scale = scale > 0 && std::isfinite(scale) ? se / scale : kInf;
    r.resolution = r.tol * r.se_scale;
    if (!(se > 0)) return "se = 0: not a Monte Carlo claim (use exact, or holds for a deterministic bound)";
    return "";
}

bool decisive(const CheckRecord& r) { return r.se_scale <= r.decisive; }

std::string decisive_detail(const CheckRecord& r) {
    return decisive(r) ? "" : fmt::format("not decisive: se/scale = {:.3g} > {:.3g}", r.se_scale, r.decisive);
}
}  // namespace

bool Checks::monte_carlo(const std::string& claim, Estimate lhs, double rhs, McOptions o) {
    return monte_carlo(claim, lhs, Estimate{rhs, 0.0, 0}, o);
}

bool Checks::monte_carlo(const std::string& claim, Estimate lhs, Estimate rhs, McOptions o) {
    CheckRecord r{.claim = claim, .kind = Kind::monte_carlo, .lhs = lhs.value, .rhs = rhs.value,
                  .lhs_se = lhs.se, .rhs_se = rhs.se};
    const Side a = side(lhs), b = side(rhs);
    const double se = std::hypot(a.se, b.se);
    const double scale = o.scale > 0 ? o.scale : std::max(std::fabs(a.value), std::fabs(b.value));
    std::string err = problem("lhs", lhs);
    if (err.empty()) err = problem("rhs", rhs);
    if (err.empty()) err = mc_setup(r, se, welch_df(a.se * a.se, a.df, b.se * b.se, b.df), scale, o);
    r.stat = std::fabs(a.value - b.value) / se;
    if (err.empty() && !std::isfinite(r.stat)) err = fmt::format("non-finite |z| = {}", r.stat);
    if (!err.empty()) {
        r.verdict = Verdict::error;
        r.detail = err;
        return record(std::move(r));
    }
    const bool agrees = r.stat <= r.tol;
    r.margin = r.stat / r.tol;
    // A check must agree AND be decisive. A control is rejected only by evidence
    // (|z| > c): an estimate too noisy to tell does not reject anything.
    r.holds = control_ ? agrees : agrees && decisive(r);
    r.detail = decisive_detail(r);
    return record(std::move(r));
}

bool Checks::one_sided(const std::string& claim, Kind kind, Estimate a_est, Estimate b_est, McOptions o) {
    const Side a = side(a_est), b = side(b_est);
    CheckRecord r{.claim = claim, .kind = kind, .lhs = a.value, .rhs = b.value, .lhs_se = a.se, .rhs_se = b.se};
    std::string err = problem("lhs", a_est);
    if (err.empty()) err = problem("rhs", b_est);
    const double se = std::hypot(a.se, b.se);
    const double scale = o.scale > 0 ? o.scale : std::max(std::fabs(a.value), std::fabs(b.value));
    if (err.empty()) err = mc_setup(r, se, welch_df(a.se * a.se, a.df, b.se * b.se, b.df), scale, o);
    r.stat = (kind == Kind::less ? b.value - a.value : a.value - b.value) / se;
    return finish_one_sided(std::move(r), std::move(err));
}

bool Checks::ratio_claim(const std::string& claim, Kind kind, Estimate a, Estimate b, double r, McOptions o) {
    std::string err = problem("numerator", a);
    if (err.empty()) err = problem("denominator", b);
    if (err.empty() && b.value == 0) err = "ratio with a zero denominator";
    const Side R = ratio_side(a, b);
    CheckRecord rec{.claim = claim, .kind = kind, .lhs = R.value, .rhs = r, .lhs_se = R.se};
    const double scale = o.scale > 0 ? o.scale : std::max(std::fabs(R.value), std::fabs(r));
    if (err.empty() && !std::isfinite(r)) err = fmt::format("non-finite factor r = {}", r);
    if (err.empty()) err = mc_setup(rec, R.se, R.df, scale, o);
    rec.stat = (kind == Kind::less ? r - R.value : R.value - r) / R.se;
    return finish_one_sided(std::move(rec), std::move(err));
}

bool Checks::finish_one_sided(CheckRecord r, std::string err) {
    if (err.empty() && !std::isfinite(r.stat)) err = fmt::format("non-finite z = {}", r.stat);
    if (!err.empty()) {
        r.verdict = Verdict::error;
        r.detail = err;
        return record(std::move(r));
    }
    r.margin = -r.stat / r.tol;
    // A check needs evidence for the claim, a control evidence against it.
    r.holds = control_ ? r.stat > -r.tol : r.stat >= r.tol && decisive(r);
    r.detail = decisive_detail(r);
    return record(std::move(r));
}

bool Checks::less(const std::string& claim, Estimate a, Estimate b, McOptions o) {
    return one_sided(claim, Kind::less, a, b, o);
}
bool Checks::less(const std::string& claim, Estimate a, double b, McOptions o) {
    return one_sided(claim, Kind::less, a, Estimate{b, 0.0, 0}, o);
}
bool Checks::greater(const std::string& claim, Estimate a, Estimate b, McOptions o) {
    return one_sided(claim, Kind::greater, a, b, o);
}
bool Checks::greater(const std::string& claim, Estimate a, double b, McOptions o) {
    return one_sided(claim, Kind::greater, a, Estimate{b, 0.0, 0}, o);
}

bool Checks::within(const std::string& claim, Estimate x, double lo, double hi, McOptions o) {
    const Side s = side(x);
    CheckRecord r{.claim = claim, .kind = Kind::within, .lhs = s.value, .lhs_se = s.se, .lo = lo, .hi = hi};
    // rhs: the bound the estimate is nearer to, which decides the claim.
    r.rhs = std::fabs(s.value - lo) <= std::fabs(hi - s.value) ? lo : hi;
    std::string err = problem("lhs", x);
    if (err.empty() && !(std::isfinite(lo) && std::isfinite(hi) && lo < hi))
        err = fmt::format("within: need finite lo < hi, got [{}, {}]", lo, hi);
    const double scale = o.scale > 0 ? o.scale : std::max({std::fabs(s.value), std::fabs(lo), std::fabs(hi)});
    if (err.empty()) err = mc_setup(r, s.se, s.df, scale, o);
    r.stat = std::min(s.value - lo, hi - s.value) / s.se;
    return finish_one_sided(std::move(r), std::move(err));
}

bool Checks::ratio_at_least(const std::string& claim, Estimate a, Estimate b, double r, McOptions o) {
    return ratio_claim(claim, Kind::greater, a, b, r, o);
}
bool Checks::ratio_at_least(const std::string& claim, Estimate ratio, double r, McOptions o) {
    return one_sided(claim, Kind::greater, ratio, Estimate{r, 0.0, 0}, o);
}
bool Checks::ratio_at_most(const std::string& claim, Estimate a, Estimate b, double r, McOptions o) {
    return ratio_claim(claim, Kind::less, a, b, r, o);
}
bool Checks::ratio_at_most(const std::string& claim, Estimate ratio, double r, McOptions o) {
    return one_sided(claim, Kind::less, ratio, Estimate{r, 0.0, 0}, o);
}

bool Checks::gradient(const std::string& claim, const std::function<double(std::span<const double>)>& f,
                      std::span<const double> x, std::span<const double> grad, double rtol, double h, double atol) {
    CheckRecord r{.claim = claim, .kind = Kind::gradient};
    std::vector<double> xp(x.begin(), x.end());
    double maxdiff = 0, gscale = 0;
    std::size_t worst = 0;
    double worst_fd = 0;
    bool finite = true;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double hi = h * std::max(1.0, std::fabs(x[i]));
        xp[i] = x[i] + hi;
        const double fp = f(xp);
        xp[i] = x[i] - hi;
        const double fm = f(xp);
        xp[i] = x[i];
        const double fd = (fp - fm) / (2 * hi);
        const double d = std::fabs(fd - grad[i]);
        finite = finite && std::isfinite(d);
        gscale = std::max({gscale, std::fabs(fd), std::fabs(grad[i])});
        if (d >= maxdiff) {
            maxdiff = d;
            worst = i;
            worst_fd = fd;
        }
    }
    r.lhs = grad.empty() ? 0 : grad[worst];
    r.rhs = worst_fd;
    r.stat = gscale > 0 ? maxdiff / gscale : maxdiff;
    r.tol = rtol + (gscale > 0 ? atol / gscale : atol);
    r.resolution = r.tol;
    r.margin = r.tol > 0 ? r.stat / r.tol : kInf;
    if (!finite || !std::isfinite(r.stat)) {
        r.verdict = Verdict::error;
        r.detail = "non-finite gradient or finite difference";
    } else {
        r.holds = r.stat <= r.tol;
        r.detail = fmt::format("largest difference at component {} of {}", worst, x.size());
    }
    return record(std::move(r));
}

bool Checks::holds(const std::string& claim, bool condition, double lhs, double rhs, const std::string& detail) {
    CheckRecord r{.claim = claim, .kind = Kind::holds, .lhs = lhs, .rhs = rhs, .holds = condition, .detail = detail};
    if (std::isnan(lhs) || std::isnan(rhs)) {
        r.verdict = Verdict::error;
        r.detail = fmt::format("NaN in a predicate: lhs {}, rhs {}", lhs, rhs);
    }
    return record(std::move(r));
}

bool Checks::holds(const std::string& claim, bool condition, Estimate lhs, Estimate rhs, const std::string& detail) {
    CheckRecord r{.claim = claim, .kind = Kind::holds, .lhs = lhs.value, .rhs = rhs.value, .lhs_se = lhs.se,
                  .rhs_se = rhs.se, .holds = condition, .detail = detail};
    if (lhs.se != 0 || rhs.se != 0) {
        r.verdict = Verdict::error;
        r.detail = "holds on a random estimate (it has a standard error): use less, greater, within or "
                   "ratio_at_least, which test it";
        return record(std::move(r));
    }
    return holds(claim, condition, lhs.value, rhs.value, detail);
}
bool Checks::holds(const std::string& claim, bool condition, Estimate lhs, double rhs, const std::string& detail) {
    return holds(claim, condition, lhs, Estimate{rhs, 0.0, 0}, detail);
}
bool Checks::holds(const std::string& claim, bool condition, double lhs, Estimate rhs, const std::string& detail) {
    return holds(claim, condition, Estimate{lhs, 0.0, 0}, rhs, detail);
}

}  // namespace wb
