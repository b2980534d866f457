// Chapter 09 exercise API: score matching without the data score.
//
//   09.1 hutchinson  slicing directions v ~ p(v) (Gaussian, Rademacher, sphere of
//                    radius √d) and Hutchinson's samples vᵀAv, whose mean estimates tr A
//   09.2 ssm_loss    the sliced score matching loss, with vᵀ∇ₓ(vᵀs) from ONE
//                    forward-mode (dual-number) evaluation of the score model
//   09.3 dsm_loss    the denoising score matching loss of Vincent (2011)
//
// The score model TanhScore is shared by the tests, the solutions and the chapter.
// It is a template on the scalar type, so the same code runs on double and on
// wb::Dual<double>.
#pragma once

#include <cmath>
#include <cstddef>
#include <vector>

#include <xtensor/xtensor.hpp>

#include "wb/dual.hpp"
#include "wb/rng.hpp"

namespace ch09 {

// The law p(v) of the slicing direction. All three have E[v vᵀ] = I.
//   Gaussian    v ~ N(0, I)
//   Rademacher  v_i = ±1 independently, each with probability ½
//   Sphere      v uniform on the sphere of radius √d
enum class Slice { Gaussian, Rademacher, Sphere };

inline const char* slice_name(Slice k) {
    return k == Slice::Gaussian ? "Gaussian" : k == Slice::Rademacher ? "Rademacher" : "sphere";
}

// A nonlinear score model s_θ: ℝᵈ → ℝᵈ with h hidden units,
//   s(x) = W tanh(U x + b) + c − λ x,
// W (d, h) and U (h, d) row-major, b (h), c (d). Its Jacobian is
//   ∇ₓs(x) = W diag(1 − t²) U − λ I,  t = tanh(U x + b),
// not constant in x, so the divergence term of score matching is not constant either.
struct TanhScore {
    std::size_t d = 0, h = 0;
    std::vector<double> W, U, b, c;
    double lambda = 1.0;

    // Entries of W, U, b, c drawn N(0, scale²).
    static TanhScore random(std::size_t d, std::size_t h, double scale, double lambda, wb::Rng& rng) {
        TanhScore m{d, h, std::vector<double>(d * h), std::vector<double>(h * d), std::vector<double>(h),
                    std::vector<double>(d), lambda};
        for (auto* p : {&m.W, &m.U, &m.b, &m.c})
            for (auto& e : *p) e = scale * rng.normal();
        return m;
    }

    // s(x) for x (d) into s (d); T = double or wb::Dual<double>.
    template <class T>
    void operator()(const T* x, T* s) const {
        using std::tanh;  // wb::tanh for Dual is found by argument-dependent lookup
        for (std::size_t j = 0; j < d; ++j) s[j] = T(c[j]) - lambda * x[j];
        for (std::size_t k = 0; k < h; ++k) {
            T a = T(b[k]);
            for (std::size_t i = 0; i < d; ++i) a += U[k * d + i] * x[i];
            const T t = tanh(a);
            for (std::size_t j = 0; j < d; ++j) s[j] += W[j * h + k] * t;
        }
    }

    // J_ji = ∂s_j/∂x_i at x, row-major (d, d), in closed form.
    void jacobian(const double* x, double* J) const {
        for (std::size_t j = 0; j < d; ++j)
            for (std::size_t i = 0; i < d; ++i) J[j * d + i] = j == i ? -lambda : 0.0;
        for (std::size_t k = 0; k < h; ++k) {
            double a = b[k];
            for (std::size_t i = 0; i < d; ++i) a += U[k * d + i] * x[i];
            const double t = std::tanh(a), g = 1.0 - t * t;
            for (std::size_t j = 0; j < d; ++j)
                for (std::size_t i = 0; i < d; ++i) J[j * d + i] += W[j * h + k] * g * U[k * d + i];
        }
    }

    // ∇ₓ·s(x) = tr ∇ₓs(x).
    double divergence(const double* x) const {
        double div = -lambda * static_cast<double>(d);
        for (std::size_t k = 0; k < h; ++k) {
            double a = b[k], wu = 0.0;
            for (std::size_t i = 0; i < d; ++i) {
                a += U[k * d + i] * x[i];
                wu += W[i * h + k] * U[k * d + i];
            }
            const double t = std::tanh(a);
            div += (1.0 - t * t) * wu;
        }
        return div;
    }
};

// ---- 09.1 hutchinson -------------------------------------------------------------
// m directions v ~ p(v) in ℝᵈ as the rows of an (m, d) array, drawn from rng.
xt::xtensor<double, 2> slicing_directions(Slice kind, std::size_t m, std::size_t d, wb::Rng& rng);
// q_r = v_rᵀ A v_r for each row v_r of V (m, d); A is (d, d), not necessarily
// symmetric. The mean of q is Hutchinson's (1989) estimate of tr A.
xt::xtensor<double, 1> hutchinson_samples(const xt::xtensor<double, 2>& A, const xt::xtensor<double, 2>& V);

// ---- 09.2 ssm_loss ---------------------------------------------------------------
// The two per-sample pieces of sliced score matching, for rows x_r of X (n, d) and
// v_r of V (n, d):
//   proj_r = v_rᵀ s(x_r)                 the projected score
//   dir_r  = v_rᵀ ∇ₓ(v_rᵀ s)(x_r)         its derivative along v_r (= v_rᵀ J v_r)
// Both come from ONE evaluation of s at the dual point x_r + ε v_r.
struct SliceTerms {
    xt::xtensor<double, 1> proj, dir;
};
SliceTerms slice_terms(const TanhScore& s, const xt::xtensor<double, 2>& X, const xt::xtensor<double, 2>& V);
// The SSM loss in answer B's scaling (the written assignment on sliced score matching), averaged over the rows:
//   L_SSM = mean_r [ ½ (v_rᵀ s(x_r))² + v_rᵀ ∇ₓ(v_rᵀ s)(x_r) ].
double ssm_loss(const TanhScore& s, const xt::xtensor<double, 2>& X, const xt::xtensor<double, 2>& V);

// ---- 09.3 dsm_loss ---------------------------------------------------------------
// Denoising score matching (Vincent 2011) with x̃ = x + σ z, z ~ N(0, I): the
// per-sample terms ½ ‖s(x̃_r) − ∇_x̃ log q_σ(x̃_r | x_r)‖² for rows x_r of X and z_r of
// Z (both (n, d)), where ∇_x̃ log q_σ(x̃ | x) = −(x̃ − x)/σ² = −z/σ.
xt::xtensor<double, 1> dsm_terms(const TanhScore& s, const xt::xtensor<double, 2>& X, const xt::xtensor<double, 2>& Z,
                                 double sigma);
// Their mean: the DSM loss.
double dsm_loss(const TanhScore& s, const xt::xtensor<double, 2>& X, const xt::xtensor<double, 2>& Z, double sigma);

}  // namespace ch09
