#include "model.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "wb/constants.hpp"

namespace ch14 {

double stationary_density(double x) { return 2.0 / wb::Pi / ((1.0 + x * x) * (1.0 + x * x)); }

double stationary_cdf(double x) { return 0.5 + (std::atan(x) + x / (1.0 + x * x)) / wb::Pi; }

double stationary_quantile(double q) {
    if (!(q > 0.0 && q < 1.0)) throw std::invalid_argument("stationary_quantile: need 0 < q < 1");
    double lo = -1e6, hi = 1e6;
    for (int k = 0; k < 200 && hi - lo > 1e-14 * std::max(1.0, std::abs(lo)); ++k) {
        const double mid = 0.5 * (lo + hi);
        (stationary_cdf(mid) < q ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

wb::Vec stationary_sample(wb::Rng& rng, std::size_t n) {
    wb::Vec x = xt::empty<double>({n});
    for (std::size_t i = 0; i < n; ++i) {
        const double z = rng.normal(), a = rng.normal(), b = rng.normal(), c = rng.normal();
        x(i) = z / std::sqrt(a * a + b * b + c * c);
    }
    return x;
}

wb::Vec zero_flux_state(const wb::ScalarSde& sde, const Grid& grid, bool d_outside) {
    const double h = grid.h;
    wb::Vec p = xt::empty<double>({grid.M});
    p(0) = 1.0;
    for (std::size_t i = 0; i + 1 < grid.M; ++i) {
        const double xe = grid.edge(i + 1), b = sde.f(xe, 0.0);
        double dl = std::pow(sde.g(grid.centre(i), 0.0), 2), dr = std::pow(sde.g(grid.centre(i + 1), 0.0), 2);
        if (d_outside) dl = dr = std::pow(sde.g(xe, 0.0), 2);
        p(i + 1) = p(i) * (dl / (2 * h) + b / 2) / (dr / (2 * h) - b / 2);
    }
    p /= xt::sum(p)() * h;
    return p;
}

GridDensity::GridDensity(const Grid& grid, const wb::Vec& p) : grid_(grid), p_(p), cum_(grid.M + 1, 0.0) {
    if (p.size() != grid.M || grid.M < 3) throw std::invalid_argument("GridDensity: p must have the grid's M >= 3 cells");
    for (std::size_t i = 0; i < grid.M; ++i) cum_[i + 1] = cum_[i] + std::max(p(i), 0.0) * grid.h;
    for (std::size_t i = 0; i + 1 < grid.M; ++i)
        edge_score_.push_back((std::log(std::max(p(i + 1), 1e-300)) - std::log(std::max(p(i), 1e-300))) / grid.h);
}

double GridDensity::cdf(double x) const {
    const double u = (x - grid_.lo) / grid_.h;
    if (u <= 0.0) return 0.0;
    if (u >= static_cast<double>(grid_.M)) return cum_.back();
    const std::size_t i = static_cast<std::size_t>(u);
    return cum_[i] + (cum_[i + 1] - cum_[i]) * (u - static_cast<double>(i));
}

double GridDensity::quantile(double q) const {
    const double target = q * cum_.back();
    const std::size_t i = static_cast<std::size_t>(std::upper_bound(cum_.begin(), cum_.end(), target) - cum_.begin());
    const std::size_t cell = std::clamp<std::size_t>(i, 1, grid_.M) - 1;
    const double w = cum_[cell + 1] - cum_[cell];
    return grid_.edge(cell) + grid_.h * (w > 0.0 ? (target - cum_[cell]) / w : 0.5);
}

double GridDensity::score(double x) const {
    // Interior edge j (1..M−1) sits at u = j; its score is edge_score_[j − 1].
    const double u = std::clamp((x - grid_.lo) / grid_.h, 1.0, static_cast<double>(grid_.M - 1));
    const std::size_t j = std::min(static_cast<std::size_t>(u), grid_.M - 2);  // 1 ≤ j ≤ M − 2 (M ≥ 3)
    const double w = u - static_cast<double>(j);
    return (1.0 - w) * edge_score_[j - 1] + w * edge_score_[j];
}

}  // namespace ch14
