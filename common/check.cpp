#include "wb/check.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace wb {

bool Checks::record(CheckRecord r) {
    r.control = control_;
    r.ok = control_ ? !r.holds : r.holds;
    sink_->push_back(std::move(r));
    return sink_->back().holds;
}

bool Checks::exact(const std::string& claim, double lhs, double rhs, double rtol, double atol) {
    CheckRecord r{.claim = claim, .kind = "exact", .lhs = lhs, .rhs = rhs};
    const double scale = std::max(std::fabs(lhs), std::fabs(rhs));
    const double diff = std::fabs(lhs - rhs);
    r.stat = scale > 0 ? diff / scale : diff;
    r.tol = rtol;
    r.holds = std::isfinite(lhs) && std::isfinite(rhs) && diff <= rtol * scale + atol;
    if (atol > 0) r.detail = fmt::format("|lhs − rhs| = {:.3g}, atol {:.3g}", diff, atol);
    return record(std::move(r));
}

bool Checks::monte_carlo(const std::string& claim, Estimate lhs, double rhs, McOptions o) {
    return monte_carlo(claim, lhs, Estimate{rhs, 0.0, 0}, o);
}

bool Checks::monte_carlo(const std::string& claim, Estimate lhs, Estimate rhs, McOptions o) {
    CheckRecord r{.claim = claim, .kind = "monte_carlo", .lhs = lhs.value, .rhs = rhs.value,
                  .lhs_se = lhs.se, .rhs_se = rhs.se};
    const double se = std::hypot(lhs.se, rhs.se);
    const double scale = o.scale > 0 ? o.scale : std::max(std::fabs(lhs.value), std::fabs(rhs.value));
    const double diff = lhs.value - rhs.value;
    r.stat = se > 0 ? std::fabs(diff) / se : (diff == 0 ? 0.0 : INFINITY);
    r.tol = o.z_max;
    const bool decisive = scale > 0 && se <= o.decisive * scale;
    const bool finite = std::isfinite(lhs.value) && std::isfinite(rhs.value) && std::isfinite(se);
    const bool agrees = finite && r.stat <= o.z_max;
    // A check must agree AND be decisive. A control is rejected only by evidence
    // (|z| > z_max): an estimate too noisy to tell does not reject anything.
    r.holds = control_ ? agrees : agrees && decisive;
    if (!decisive)
        r.detail = fmt::format("not decisive: se/scale = {:.3g} > {:.3g}", scale > 0 ? se / scale : INFINITY, o.decisive);
    else
        r.detail = fmt::format("se {:.3g}, se/scale {:.3g}", se, se / scale);
    return record(std::move(r));
}

bool Checks::gradient(const std::string& claim, const std::function<double(std::span<const double>)>& f,
                      std::span<const double> x, std::span<const double> grad, double rtol, double h) {
    CheckRecord r{.claim = claim, .kind = "gradient"};
    std::vector<double> xp(x.begin(), x.end());
    double maxdiff = 0, gscale = 0;
    std::size_t worst = 0;
    double worst_fd = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double hi = h * std::max(1.0, std::fabs(x[i]));
        xp[i] = x[i] + hi;
        const double fp = f(xp);
        xp[i] = x[i] - hi;
        const double fm = f(xp);
        xp[i] = x[i];
        const double fd = (fp - fm) / (2 * hi);
        const double d = std::fabs(fd - grad[i]);
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
    r.tol = rtol;
    r.holds = std::isfinite(r.stat) && r.stat <= rtol;
    r.detail = fmt::format("largest difference at component {} of {}", worst, x.size());
    return record(std::move(r));
}

bool Checks::holds(const std::string& claim, bool condition, double lhs, double rhs, const std::string& detail) {
    CheckRecord r{.claim = claim, .kind = "holds", .lhs = lhs, .rhs = rhs, .holds = condition, .detail = detail};
    return record(std::move(r));
}

}  // namespace wb
