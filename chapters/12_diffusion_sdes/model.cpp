#include "model.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <xtensor-blas/xlinalg.hpp>
#include <xtensor/xview.hpp>


namespace ch12 {

GridScoreModel::GridScoreModel(const wb::Mat& x0, const wb::VpSde& sde, double t_min, std::size_t N, wb::Rng& rng,
                               Target target)
    : sde_(sde), t_min_(t_min), N_(N) {
    const std::size_t n = x0.shape(0);
    if (x0.shape(1) != 2 || n < F) throw std::invalid_argument("GridScoreModel: need x0 (n >= F, 2)");
    wb::Mat phi = xt::empty<double>({n, F}), y = xt::empty<double>({n, std::size_t{2}}), z = xt::empty<double>({n, std::size_t{2}});
    for (std::size_t k = 0; k <= N; ++k) {
        const double t = time(k), m = sde_.mean_scale(t), v = sde_.variance(t), sv = std::sqrt(v);
        const double coef = target == Target::Score ? -1.0 / sv : -1.0;
        rng.fill_normal(z);
        for (std::size_t i = 0; i < n; ++i) {
            const double xt_[2] = {m * x0(i, 0) + sv * z(i, 0), m * x0(i, 1) + sv * z(i, 1)};
            features(xt_, v, &phi(i, 0));
            // The DSM target: the conditional score ∇log p(x_t | x_0) = −z/√v.
            y(i, 0) = coef * z(i, 0);
            y(i, 1) = coef * z(i, 1);
        }
        // Least squares: (ΦᵀΦ + λI) A = Φᵀ y, with a tiny ridge for nearly collinear features.
        // Plain loops (xtensor-blas's dot falls back to a slow generic kernel here); the upper
        // triangle only, mirrored after.
        wb::Mat gram = xt::zeros<double>({F, F}), rhs = xt::zeros<double>({F, std::size_t{2}});
        for (std::size_t i = 0; i < n; ++i) {
            const double* p = &phi(i, 0);
            for (std::size_t a = 0; a < F; ++a) {
                const double pa = p[a];
                double* row = &gram(a, 0);
                for (std::size_t c = a; c < F; ++c) row[c] += pa * p[c];
                rhs(a, 0) += pa * y(i, 0);
                rhs(a, 1) += pa * y(i, 1);
            }
        }
        for (std::size_t a = 0; a < F; ++a)
            for (std::size_t c = 0; c < a; ++c) gram(a, c) = gram(c, a);
        double tr = 0.0;
        for (std::size_t a = 0; a < F; ++a) tr += gram(a, a);
        for (std::size_t a = 0; a < F; ++a) gram(a, a) += 1e-5 * tr / F;
        A_.push_back(xt::linalg::solve(gram, rhs));
    }
}

double GridScoreModel::time(std::size_t k) const {
    return t_min_ + static_cast<double>(k) * (sde_.T - t_min_) / static_cast<double>(N_);
}

void GridScoreModel::features(const double* x, double v, double* phi) const {
    const double spacing = 2.0 * L / static_cast<double>(G - 1), w = 1.0 / (2.0 * (spacing * spacing + v));
    // The bumps factor over the two coordinates: 2G exponentials instead of G².
    double e0[G], e1[G];
    for (std::size_t a = 0; a < G; ++a) {
        const double c = -L + spacing * static_cast<double>(a), r0 = x[0] - c, r1 = x[1] - c;
        e0[a] = std::exp(-r0 * r0 * w);
        e1[a] = std::exp(-r1 * r1 * w);
    }
    phi[0] = 1.0;
    phi[1] = x[0];
    phi[2] = x[1];
    for (std::size_t a = 0; a < G; ++a)
        for (std::size_t b = 0; b < G; ++b) phi[3 + a * G + b] = e0[a] * e1[b];
}

void GridScoreModel::score(const wb::Mat& x, double t, wb::Mat& out) const {
    const double u = (t - t_min_) / (sde_.T - t_min_) * static_cast<double>(N_);
    const std::size_t k = static_cast<std::size_t>(std::lround(std::clamp(u, 0.0, static_cast<double>(N_))));
    const wb::Mat& A = A_[k];
    const double v = sde_.variance(time(k));
    const std::size_t n = x.shape(0);
    out.resize({n, 2});
    double phi[F];
    for (std::size_t i = 0; i < n; ++i) {
        features(&x(i, 0), v, phi);
        double s0 = 0.0, s1 = 0.0;
        for (std::size_t a = 0; a < F; ++a) {
            s0 += phi[a] * A(a, 0);
            s1 += phi[a] * A(a, 1);
        }
        out(i, 0) = s0;
        out(i, 1) = s1;
    }
}

}  // namespace ch12
