#include "model.hpp"

#include <cmath>

#include <xtensor-blas/xlinalg.hpp>
#include <xtensor/xmath.hpp>

namespace ch09 {

namespace {
double dbl(std::size_t n) { return static_cast<double>(n); }
}  // namespace

void rbf_at(const RbfScore& m, const double* x, RbfAt& w) {
    const std::size_t d = m.d, K = m.K, P = m.P();
    const double il2 = 1.0 / (m.ell * m.ell);
    w.x.assign(x, x + d);
    w.G.assign(d * P, 0.0);
    w.phi.assign(K, 0.0);
    w.r.assign(K * d, 0.0);
    w.div.assign(P, 0.0);
    for (std::size_t k = 0; k < K; ++k) {
        double r2 = 0;
        for (std::size_t i = 0; i < d; ++i) {
            w.r[k * d + i] = x[i] - m.c[k * d + i];
            r2 += w.r[k * d + i] * w.r[k * d + i];
        }
        const double phi = std::exp(-0.5 * r2 * il2);
        w.phi[k] = phi;
        for (std::size_t i = 0; i < d; ++i) w.G[i * P + k] = -phi * w.r[k * d + i] * il2;  // ∇φ_k
        w.div[k] = phi * (r2 * il2 * il2 - dbl(d) * il2);                                  // Δφ_k
    }
    for (std::size_t i = 0; i < d; ++i) w.G[i * P + K] = -x[i];
    w.div[K] = -dbl(d);
}

void rbf_dir(const RbfScore& m, const RbfAt& w, const double* v, double* u, double* q) {
    const std::size_t d = m.d, K = m.K;
    const double il2 = 1.0 / (m.ell * m.ell);
    double vv = 0, vx = 0;
    for (std::size_t i = 0; i < d; ++i) {
        vv += v[i] * v[i];
        vx += v[i] * w.x[i];
    }
    for (std::size_t k = 0; k < K; ++k) {
        double vr = 0;
        for (std::size_t i = 0; i < d; ++i) vr += v[i] * w.r[k * d + i];
        u[k] = -w.phi[k] * vr * il2;
        q[k] = w.phi[k] * (vr * vr * il2 * il2 - vv * il2);
    }
    u[K] = -vx;
    q[K] = -vv;
}

Mat rbf_jacobian(const RbfScore& m, const RbfAt& w, const std::vector<double>& theta) {
    const std::size_t d = m.d;
    const double il2 = 1.0 / (m.ell * m.ell);
    Mat J = xt::zeros<double>({d, d});
    for (std::size_t k = 0; k < m.K; ++k) {
        const double a = theta[k] * w.phi[k];
        for (std::size_t i = 0; i < d; ++i) {
            for (std::size_t j = 0; j < d; ++j) J(i, j) += a * w.r[k * d + i] * w.r[k * d + j] * il2 * il2;
            J(i, i) -= a * il2;
        }
    }
    for (std::size_t i = 0; i < d; ++i) J(i, i) -= theta[m.K];
    return J;
}

void gram(const std::vector<double>& G, std::size_t d, std::size_t P, std::vector<double>& M) {
    M.assign(P * P, 0.0);
    for (std::size_t i = 0; i < d; ++i)
        for (std::size_t a = 0; a < P; ++a) {
            const double ga = G[i * P + a];
            for (std::size_t c = 0; c < P; ++c) M[a * P + c] += ga * G[i * P + c];
        }
}

std::vector<double> minimiser(const Quad& q) {
    const std::size_t P = q.P;
    Mat A = xt::zeros<double>({P, P});
    Vec rhs = xt::zeros<double>({P});
    double tr = 0;
    for (std::size_t a = 0; a < P; ++a) {
        for (std::size_t c = 0; c < P; ++c) A(a, c) = q.A[a * P + c] / q.n;
        rhs(a) = -q.b[a] / q.n;
        tr += A(a, a);
    }
    for (std::size_t a = 0; a < P; ++a) A(a, a) += 1e-8 * tr / dbl(P);
    const Vec th = xt::linalg::solve(A, rhs);
    return {th.begin(), th.end()};
}

double excess(const Quad& fisher, const std::vector<double>& th, const std::vector<double>& star) {
    double e = 0;
    for (std::size_t a = 0; a < fisher.P; ++a)
        for (std::size_t c = 0; c < fisher.P; ++c)
            e += 0.5 * (th[a] - star[a]) * fisher.A[a * fisher.P + c] / fisher.n * (th[c] - star[c]);
    return e;
}

double rel_error(const std::vector<double>& th, const std::vector<double>& star) {
    double e = 0, s = 0;
    for (std::size_t a = 0; a < th.size(); ++a) {
        e += (th[a] - star[a]) * (th[a] - star[a]);
        s += star[a] * star[a];
    }
    return std::sqrt(e / s);
}

Quad fisher_quad(const RbfScore& m, const Mat& X, const Mat& S) {
    Fitter f(m);
    Quad q(m.P());
    for (std::size_t r = 0; r < X.shape(0); ++r) {
        f.at(&X(r, 0));
        f.add_fisher(&S(r, 0), q);
    }
    return q;
}

Quad fisher_quad_weighted(const RbfScore& m, const Mat& X, const Mat& S, const Vec& w) {
    Fitter f(m);
    Quad q(m.P());
    const double wmax = xt::amax(w)();
    for (std::size_t r = 0; r < X.shape(0); ++r) {
        if (w(r) < 1e-14 * wmax) continue;
        f.at(&X(r, 0));
        f.add_fisher_weighted(&S(r, 0), w(r), q);
    }
    q.n = 1.0;
    return q;
}

Quad dsm_quad(const RbfScore& m, const Mat& X, const Mat& Z, double sigma) {
    Fitter f(m);
    Quad q(m.P());
    std::vector<double> xn(m.d);
    for (std::size_t r = 0; r < X.shape(0); ++r) {
        for (std::size_t i = 0; i < m.d; ++i) xn[i] = X(r, i) + sigma * Z(r, i);
        f.at(xn.data());
        f.add_dsm(&Z(r, 0), sigma, q);
    }
    return q;
}

void rbf_score(const RbfScore& m, const std::vector<double>& theta, const double* x, double* s) {
    RbfAt w;
    rbf_at(m, x, w);
    for (std::size_t i = 0; i < m.d; ++i) {
        s[i] = 0;
        for (std::size_t a = 0; a < m.P(); ++a) s[i] += w.G[i * m.P() + a] * theta[a];
    }
}

RbfScore grid_model() {
    RbfScore m{2, 16, {}, 1.2};
    for (int a = 0; a < 4; ++a)
        for (int b = 0; b < 4; ++b) {
            m.c.push_back(-3.0 + 2.0 * a);
            m.c.push_back(-3.0 + 2.0 * b);
        }
    return m;
}

Fitter::Sliced Fitter::sliced(const Mat& V, std::size_t row0, std::size_t nv) {
    const std::size_t P = m.P();
    Sliced t{std::vector<double>(P * P, 0.0), std::vector<double>(P, 0.0)};
    u.assign(P, 0.0);
    q.assign(P, 0.0);
    for (std::size_t j = 0; j < nv; ++j) {
        rbf_dir(m, w, &V(row0 + j, 0), u.data(), q.data());
        for (std::size_t a = 0; a < P; ++a) {
            for (std::size_t c = 0; c < P; ++c) t.uu[a * P + c] += u[a] * u[c] / static_cast<double>(nv);
            t.qbar[a] += q[a] / static_cast<double>(nv);
        }
    }
    return t;
}

}  // namespace ch09
