#include "model.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace ch01 {

LadData lad_data(wb::Rng& rng, std::size_t n) {
    LadData d{xt::empty<double>({n, std::size_t{2}}), xt::empty<double>({n})};
    for (std::size_t i = 0; i < n; ++i) {
        const double x = rng.uniform(-1.0, 1.0);
        d.A(i, 0) = 1.0;
        d.A(i, 1) = x;
        d.y(i) = 0.5 + 1.5 * x + 0.5 * rng.student_t(3.0);
    }
    return d;
}

double lad_objective(const wb::Mat& A, const wb::Vec& y, const wb::Vec& w) {
    const std::size_t n = A.shape(0), p = A.shape(1);
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        double r = y(i);
        for (std::size_t j = 0; j < p; ++j) r -= A(i, j) * w(j);
        sum += std::fabs(r);
    }
    return sum / static_cast<double>(n);
}

LadOptimum lad_by_enumeration(const wb::Mat& A, const wb::Vec& y) {
    if (A.shape(1) != 2) throw std::invalid_argument("lad_by_enumeration: p = 2 only");
    const std::size_t n = A.shape(0);
    LadOptimum best{xt::zeros<double>({std::size_t{2}}), std::numeric_limits<double>::infinity()};
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j) {
            // The line through points i and j: solve [a_i; a_j] w = (y_i, y_j) by Cramer's rule.
            const double det = A(i, 0) * A(j, 1) - A(i, 1) * A(j, 0);
            if (std::fabs(det) < 1e-12) continue;
            const wb::Vec w = {(y(i) * A(j, 1) - A(i, 1) * y(j)) / det, (A(i, 0) * y(j) - y(i) * A(j, 0)) / det};
            const double f = lad_objective(A, y, w);
            if (f < best.f) best = {w, f, i, j};
        }
    return best;
}

double lad_directional_derivative(const wb::Mat& A, const wb::Vec& y, const wb::Vec& w, const wb::Vec& d, double tie,
                                  bool kinks) {
    const std::size_t n = A.shape(0), p = A.shape(1);
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        double r = y(i), ad = 0.0;
        for (std::size_t j = 0; j < p; ++j) {
            r -= A(i, j) * w(j);
            ad += A(i, j) * d(j);
        }
        if (std::fabs(r) > tie) sum -= (r > 0 ? 1.0 : -1.0) * ad;
        else if (kinks) sum += std::fabs(ad);
    }
    return sum / static_cast<double>(n);
}

double subgradient_bound(const wb::Mat& A) {
    const std::size_t n = A.shape(0), p = A.shape(1);
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        double s2 = 0.0;
        for (std::size_t j = 0; j < p; ++j) s2 += A(i, j) * A(i, j);
        sum += std::sqrt(s2);
    }
    return sum / static_cast<double>(n);
}

}  // namespace ch01
