#include "model.hpp"

#include <cmath>
#include <complex>

#include "wb/constants.hpp"

namespace ch05 {

ProfileFit profile_fit(const wb::Vec& x, const wb::Vec& y, double omega) {
    // Gram matrix [cc cs; cs ss] and right-hand side [cy; sy] of the two features.
    double cc = 0, cs = 0, ss = 0, cy = 0, sy = 0, yy = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double c = std::cos(omega * x(i)), s = std::sin(omega * x(i));
        cc += c * c, cs += c * s, ss += s * s, cy += c * y(i), sy += s * y(i), yy += y(i) * y(i);
    }
    const double det = cc * ss - cs * cs;
    ProfileFit f;
    f.a = (cy * ss - sy * cs) / det;
    f.b = (sy * cc - cy * cs) / det;
    // ‖y − Φβ‖² = ‖y‖² − βᵀΦᵀy at the least-squares β; clamp the last-bit negative value at a perfect fit.
    f.loss = std::max(0.0, yy - f.a * cy - f.b * sy) / static_cast<double>(x.size());
    return f;
}

double sinusoid_loss(const wb::Vec& x, const wb::Vec& y, double a, double b, double omega) {
    double sum = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double r = y(i) - a * std::cos(omega * x(i)) - b * std::sin(omega * x(i));
        sum += r * r;
    }
    return sum / static_cast<double>(x.size());
}

double periodogram(const wb::Vec& x, const wb::Vec& y, double omega) {
    std::complex<double> z = 0;
    for (std::size_t i = 0; i < x.size(); ++i) z += y(i) * std::polar(1.0, -omega * x(i));
    return std::norm(z) / static_cast<double>(x.size());
}

std::vector<std::size_t> local_minima(const wb::Vec& v) {
    std::vector<std::size_t> m;
    for (std::size_t i = 1; i + 1 < v.size(); ++i)
        if (v(i) < v(i - 1) && v(i) < v(i + 1)) m.push_back(i);
    return m;
}

std::vector<double> descend(const std::function<double(double)>& dL, double omega0, double eta,
                            std::size_t max_steps, double tol) {
    std::vector<double> path{omega0};
    for (std::size_t k = 0; k < max_steps; ++k) {
        const double next = path.back() - eta * dL(path.back());
        const bool done = std::abs(next - path.back()) < tol;
        path.push_back(next);
        if (done) break;
    }
    return path;
}

Series hourly_series(std::size_t hours, double sigma, wb::Rng& rng) {
    Series s{xt::empty<double>({hours}), xt::zeros<double>({hours}), xt::empty<double>({hours})};
    for (std::size_t i = 0; i < hours; ++i) {
        s.t(i) = static_cast<double>(i);
        for (const Component& c : HourlyComponents)
            s.mean(i) += c.amplitude * std::cos(2 * wb::Pi * s.t(i) / c.period - c.phase);
        s.y(i) = s.mean(i) + sigma * rng.normal();
    }
    return s;
}

}  // namespace ch05
