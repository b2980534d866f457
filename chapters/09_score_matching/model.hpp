// Chapter 09's model linear in its parameters (the Gaussian RBF energy) and its exact fitter:
// every score matching objective of the model is a quadratic form in θ, accumulated over samples
// and minimised by one linear solve. Used by §11–§14 of chapter.cpp only.
#pragma once

#include <cstddef>
#include <vector>

#include "wb/types.hpp"

namespace ch09 {

using wb::Mat;
using wb::Vec;

// ---- A model linear in its parameters: Gaussian RBF energy -------------------------
// s_θ(x) = Σ_k α_k ∇φ_k(x) − β x,  φ_k(x) = exp(−‖x − c_k‖²/(2ℓ²)),  θ = (α_1..α_K, β).
// It is the gradient of log p̃_θ = Σ α_k φ_k − β‖x‖²/2, so s_θ(x) = G(x) θ with G (d, K+1),
// and every score matching objective is a quadratic form ½θᵀAθ + bᵀθ in θ.
struct RbfScore {
    std::size_t d = 0, K = 0;
    std::vector<double> c;  // centres, (K, d)
    double ell = 1.0;
    std::size_t P() const { return K + 1; }
};

// What the objectives need from the model at one point x.
struct RbfAt {
    std::vector<double> x, G, phi, r, div;  // x (d); G (d, P); φ (K); r = x − c_k (K, d); ∇·G_p (P)
};

void rbf_at(const RbfScore& m, const double* x, RbfAt& w);

// For a direction v: u = G(x)ᵀv (so vᵀs_θ = uᵀθ) and q_p = vᵀ∇ₓ(vᵀG_p) = vᵀH_p v.
void rbf_dir(const RbfScore& m, const RbfAt& w, const double* v, double* u, double* q);

// The Jacobian ∇ₓs_θ(x) = Σ α_k H_k − β I, (d, d), symmetric.
Mat rbf_jacobian(const RbfScore& m, const RbfAt& w, const std::vector<double>& theta);

// A quadratic objective L(θ) = ½θᵀAθ + bᵀθ (+ θ-free terms), accumulated as a mean over samples.
struct Quad {
    std::size_t P = 0;
    std::vector<double> A, b;
    double n = 0;
    explicit Quad(std::size_t p = 0) : P(p), A(p * p, 0.0), b(p, 0.0) {}
    void add_matrix(const std::vector<double>& M) {
        for (std::size_t e = 0; e < P * P; ++e) A[e] += M[e];
    }
    void add_outer(const double* u, double wgt = 1.0) {
        for (std::size_t a = 0; a < P; ++a)
            for (std::size_t c = 0; c < P; ++c) A[a * P + c] += wgt * u[a] * u[c];
    }
    void add_linear(const double* c, double wgt = 1.0) {
        for (std::size_t a = 0; a < P; ++a) b[a] += wgt * c[a];
    }
};

// GᵀG for G (d, P).
void gram(const std::vector<double>& G, std::size_t d, std::size_t P, std::vector<double>& M);

// argmin θ = −(A + εI)⁻¹ b, with a tiny ridge ε = 1e-8 tr(A)/P against round-off.
std::vector<double> minimiser(const Quad& q);

// ½(θ − θ*)ᵀA(θ − θ*): the excess Fisher divergence when q is the Fisher quadratic.
double excess(const Quad& fisher, const std::vector<double>& th, const std::vector<double>& star);
double rel_error(const std::vector<double>& th, const std::vector<double>& star);

// The estimators compared. Each adds one sample x (with its directions V, m rows, or
// noise z) to its quadratic:
//   Fisher  ½E‖Gθ − ∇log p‖²            A += GᵀG,               b −= Gᵀ∇log p
//   ISM     E[½‖Gθ‖² + ∇·(Gθ)]           A += GᵀG,               b += ∇·G
//   SSM     E[½(vᵀGθ)² + vᵀ∇(vᵀGθ)]      A += mean_v (Gᵀv)(Gᵀv)ᵀ, b += mean_v q_v
//   SSM-VR  E[½‖Gθ‖² + vᵀ∇(vᵀGθ)]        A += GᵀG,               b += mean_v q_v
//   DSM     ½E‖G(x̃)θ + z/σ‖²             A += G(x̃)ᵀG(x̃),         b += G(x̃)ᵀz/σ
struct Fitter {
    const RbfScore& m;
    RbfAt w;
    std::vector<double> GG, u, q;  // GᵀG (P, P); scratch u, q (P)
    explicit Fitter(const RbfScore& model) : m(model) {}

    // The model's pieces at x: G(x), GᵀG, the divergences of G's columns.
    void at(const double* x) {
        rbf_at(m, x, w);
        gram(w.G, m.d, m.P(), GG);
    }
    void add_ism(Quad& f) const {
        f.add_matrix(GG);
        f.add_linear(w.div.data());
        f.n += 1;
    }
    // SSM's pieces at the current x from the nv directions in rows row0 .. row0 + nv − 1 of V (·, d):
    // uu = mean_v u uᵀ with u = Gᵀv (P, P), and qbar = mean_v q_v (P).
    struct Sliced {
        std::vector<double> uu, qbar;
    };
    Sliced sliced(const Mat& V, std::size_t row0, std::size_t nv);
    // SSM and SSM-VR share the linear part; SSM-VR takes ISM's quadratic part GᵀG.
    void add_ssm(const Sliced& t, Quad& f) const {
        f.add_matrix(t.uu);
        f.add_linear(t.qbar.data());
        f.n += 1;
    }
    void add_ssm_vr(const Sliced& t, Quad& f) const {
        f.add_matrix(GG);
        f.add_linear(t.qbar.data());
        f.n += 1;
    }
    // The Fisher divergence to a known score g at the current point.
    void add_fisher(const double* g, Quad& f) const {
        f.add_matrix(GG);
        for (std::size_t a = 0; a < m.P(); ++a)
            for (std::size_t i = 0; i < m.d; ++i) f.b[a] -= w.G[i * m.P() + a] * g[i];
        f.n += 1;
    }
    // The same with weight wgt, without a per-point Quad: the bits of adding wgt times a fresh
    // add_fisher (0 + a = a, 0 − a = −a exactly).
    void add_fisher_weighted(const double* g, double wgt, Quad& f) const {
        for (std::size_t e = 0; e < GG.size(); ++e) f.A[e] += wgt * GG[e];
        for (std::size_t a = 0; a < m.P(); ++a) {
            double ba = 0.0;
            for (std::size_t i = 0; i < m.d; ++i) ba -= w.G[i * m.P() + a] * g[i];
            f.b[a] += wgt * ba;
        }
    }
    // DSM at the current point x̃ = x + σz.
    void add_dsm(const double* z, double sigma, Quad& f) const {
        f.add_matrix(GG);
        for (std::size_t a = 0; a < m.P(); ++a)
            for (std::size_t i = 0; i < m.d; ++i) f.b[a] += w.G[i * m.P() + a] * z[i] / sigma;
        f.n += 1;
    }
};

Quad fisher_quad(const RbfScore& m, const Mat& X, const Mat& S);
// The Fisher quadratic with weights: Σ_r w_r ½‖G(x_r)θ − g_r‖², for X, S (n, d) and w (n), as a
// quadrature of ∫ p ½‖s_θ − g‖² dx when w_r = p(x_r)·(cell area). Points with negligible weight are skipped.
Quad fisher_quad_weighted(const RbfScore& m, const Mat& X, const Mat& S, const Vec& w);
Quad dsm_quad(const RbfScore& m, const Mat& X, const Mat& Z, double sigma);

// s_θ(x) = G(x)θ at one point.
void rbf_score(const RbfScore& m, const std::vector<double>& theta, const double* x, double* s);

// RBF centres on a 4×4 grid over [−3, 3]², ℓ = 1.2: the 2-D model of the comparisons.
RbfScore grid_model();

}  // namespace ch09
