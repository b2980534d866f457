// Verified derivations: every step of a chapter is a claim `lhs = rhs` that the
// program evaluates, and every chapter runs controls, wrong variants that the same
// check must reject.
//
// Kinds of claim:
//   exact        |lhs - rhs| <= rtol * max(|lhs|, |rhs|) + atol
//   monte_carlo  |z| <= z_max with z = (lhs - rhs) / se, AND decisive:
//                se <= decisive * scale (scale = max(|lhs|, |rhs|) unless given);
//                a claim that is not decisive fails, it does not pass
//   gradient     analytic gradient against central finite differences
//   holds        a plain predicate (an inequality, a bound) with the numbers behind it
// A control is the same check applied to a wrong variant; it must come out false.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <vector>

#include "wb/stats.hpp"

namespace wb {

struct CheckRecord {
    std::string claim;    // readable math, e.g. "E[s·∇log p] = −E[∇·s]"
    std::string kind;     // exact | monte_carlo | gradient | holds
    bool control = false; // a wrong variant that must be rejected
    double lhs = 0, rhs = 0, lhs_se = 0, rhs_se = 0;
    double stat = 0;      // relative error, |z|, or max gradient difference
    double tol = 0;       // the bound stat was compared to
    bool holds = false;   // did the claim hold numerically?
    bool ok = false;      // check: holds; control: !holds
    std::string detail;   // e.g. "not decisive: se/scale = 0.2 > 0.05"
};

struct McOptions {
    double z_max = 4.0;      // two-sided; 4 keeps false alarms below 1e-4 per claim
    double decisive = 0.05;  // se must be at most this fraction of the scale
    double scale = 0.0;      // 0: max(|lhs|, |rhs|)
};

// The checks of one section; `control()` gives the same checks as controls.
class Checks {
public:
    explicit Checks(std::vector<CheckRecord>* sink, bool control = false) : sink_(sink), control_(control) {}

    bool exact(const std::string& claim, double lhs, double rhs, double rtol = 1e-10, double atol = 0.0);
    // Monte Carlo estimate against a known value.
    bool monte_carlo(const std::string& claim, Estimate lhs, double rhs, McOptions o = {});
    // Two independent Monte Carlo estimates (standard errors add in quadrature).
    bool monte_carlo(const std::string& claim, Estimate lhs, Estimate rhs, McOptions o = {});
    // grad f(x) given analytically, against central differences with step h.
    bool gradient(const std::string& claim, const std::function<double(std::span<const double>)>& f,
                  std::span<const double> x, std::span<const double> grad, double rtol = 1e-6, double h = 1e-5);
    // A predicate with the two numbers it compares (e.g. value and bound).
    bool holds(const std::string& claim, bool condition, double lhs, double rhs, const std::string& detail = "");

private:
    bool record(CheckRecord r);
    std::vector<CheckRecord>* sink_;
    bool control_;
};

}  // namespace wb
