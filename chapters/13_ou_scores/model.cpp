#include "model.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

#include <xtensor-blas/xlinalg.hpp>

#include "wb/numerics.hpp"
#include "wb/special.hpp"

namespace ch13 {
namespace {

// [lo, hi] holding all but < 1e-30 of a 1-D mixture's mass: its means ± 12 sd.
std::pair<double, double> support(const wb::GaussianMixture& p) {
    double lo = INFINITY, hi = -INFINITY;
    for (std::size_t j = 0; j < p.components(); ++j) {
        const double mu = p.means()(j, 0), sd = std::sqrt(p.variances()(j, 0));
        lo = std::min(lo, mu - 12 * sd);
        hi = std::max(hi, mu + 12 * sd);
    }
    return {lo, hi};
}

constexpr std::size_t Intervals = 8000;  // Simpson's rule: error far below every tolerance used

}  // namespace

double kernel_moment(double x_t, int power, const OuKernel& k, const wb::GaussianMixture& p0) {
    if (power != 0 && power != 1) throw std::invalid_argument("kernel_moment: power must be 0 or 1");
    const auto [lo, hi] = support(p0);
    return wb::simpson(
        [&](double x0) {
            const double joint = std::exp(wb::normal_logpdf(x_t, k.m * x0, k.v) + p0.log_density(x0));
            return power == 0 ? joint : x0 * joint;
        },
        lo, hi, Intervals);
}

double fisher_information(const wb::GaussianMixture& p) {
    const auto [lo, hi] = support(p);
    return wb::simpson(
        [&](double x) {
            const double g = p.score(x);
            return g * g * p.density(x);
        },
        lo, hi, Intervals);
}

double ct_exact(const wb::LinearSde& sde, const wb::GaussianMixture& p0, double t) {
    return 1.0 / sde.variance(t) - fisher_information(sde.marginal(p0, t));
}

TanhFeatures::Row TanhFeatures::at(double x) {
    Row f{};
    f[0] = 1.0;
    f[1] = x;
    for (std::size_t j = 0; j < Centres.size(); ++j) f[2 + j] = std::tanh(x - Centres[j]);
    return f;
}

double TanhFeatures::value(const wb::Vec& phi, double x) {
    const Row f = at(x);
    double s = 0.0;
    for (std::size_t a = 0; a < Size; ++a) s += phi(a) * f[a];
    return s;
}

wb::Vec TanhFeatures::project(const std::function<double(double)>& g, const wb::GaussianMixture& p) {
    const auto [lo, hi] = support(p);
    wb::Mat A = xt::zeros<double>({Size, Size});
    wb::Vec b = xt::zeros<double>({Size});
    for (std::size_t a = 0; a < Size; ++a) {
        b(a) = wb::simpson([&](double x) { return at(x)[a] * g(x) * p.density(x); }, lo, hi, Intervals);
        for (std::size_t c = 0; c <= a; ++c)
            A(a, c) = A(c, a) =
                wb::simpson([&](double x) { const Row f = at(x); return f[a] * f[c] * p.density(x); }, lo, hi, Intervals);
    }
    return xt::linalg::solve(A, b);
}

wb::Vec TanhFeatures::least_squares(const wb::Vec& x, const wb::Vec& y) {
    if (x.size() != y.size() || x.size() < Size) throw std::invalid_argument("least_squares: need n >= F paired values");
    wb::Mat G = xt::zeros<double>({Size, Size});  // Σ f fᵀ
    wb::Vec h = xt::zeros<double>({Size});        // Σ f y
    for (std::size_t i = 0; i < x.size(); ++i) {
        const Row f = at(x(i));
        for (std::size_t a = 0; a < Size; ++a) {
            h(a) += f[a] * y(i);
            for (std::size_t c = 0; c < Size; ++c) G(a, c) += f[a] * f[c];
        }
    }
    return xt::linalg::solve(G, h);
}

}  // namespace ch13
