// The SDE interface of score-based generative models (chapters 12 and 14), written
// once on top of wb::Sde (score_sde's sde_lib, in C++):
//   - noising processes with closed-form kernels p(x_t | x_0) = N(m_t x_0, v_t I) and
//     a prior N(0, σ_p² I) to start sampling from: VP, VE (and OU in wb/sde.hpp);
//   - the reverse-time SDE of any forward SDE from any score s(x, t) ≈ ∇log p_t;
//   - the probability-flow ODE with the divergence of its velocity, for the
//     change-of-variables log-likelihood;
//   - ODE steppers (Euler, Heun, RK4).
// Diffusion is diagonal, D = diag(g²), possibly state-dependent; then (∇·D)_j = ∂_j g_j²
// = 2 g_j ∂_j g_j, and the probability-flow velocity is the one function
//   v(x, t) = f − ½ ∇·D − ½ D ∇log p_t.
#pragma once

#include <cstddef>
#include <functional>

#include "wb/rng.hpp"
#include "wb/sde.hpp"
#include "wb/types.hpp"

namespace wb {

// A score field s(x, t) ≈ ∇log p_t(x), row-wise: x and s are (n, d).
using Score = std::function<void(const Mat& x, double t, Mat& s)>;

// A linear noising SDE on [0, T] with a Gaussian prior N(0, σ_p² I) ≈ p_T.
class NoisingSde : public LinearSde {
public:
    explicit NoisingSde(double T_) : T(T_) {}
    virtual double prior_variance() const = 0;  // σ_p²
    // n draws of the prior, (n, d).
    Mat prior_sample(Rng& rng, std::size_t n, std::size_t d) const;
    // log N(x; 0, σ_p² I) per row.
    Vec prior_log_density(const Mat& x) const;
    double T;
};

// Variance preserving (DDPM's limit): dX = −½β(t) X dt + √β(t) dW with
// β(t) = β_min + (t/T)(β_max − β_min); m_t = exp(−½∫₀ᵗβ), v_t = 1 − m_t², prior N(0, I).
class VpSde : public NoisingSde {
public:
    VpSde(double beta_min = 0.1, double beta_max = 20.0, double horizon = 1.0);
    double beta(double t) const { return beta_min + (t / T) * (beta_max - beta_min); }
    void drift(const Mat& x, double t, Mat& f) const override;
    void diffusion(const Mat& x, double t, Mat& g) const override;
    double f(double x, double t) const override { return -0.5 * beta(t) * x; }
    double g(double, double t) const override;
    double g_x(double, double) const override { return 0.0; }
    double mean_scale(double t) const override;
    double variance(double t) const override;
    double prior_variance() const override { return 1.0; }
    double beta_min, beta_max;
};

// Variance exploding (SMLD): dX = √(dσ²/dt) dW with σ(t) = σ_min (σ_max/σ_min)^{t/T};
// m_t = 1, v_t = σ(t)² − σ_min², prior N(0, σ_max² I).
class VeSde : public NoisingSde {
public:
    VeSde(double sigma_min = 0.01, double sigma_max = 50.0, double horizon = 1.0);
    double sigma(double t) const;
    void drift(const Mat& x, double t, Mat& f) const override;
    void diffusion(const Mat& x, double t, Mat& g) const override;
    double f(double, double) const override { return 0.0; }
    double g(double, double t) const override;
    double g_x(double, double) const override { return 0.0; }
    double mean_scale(double) const override { return 1.0; }
    double variance(double t) const override;
    double prior_variance() const override { return sigma_max * sigma_max; }
    double sigma_min, sigma_max;
};

// (∇·D)(x, t) for diagonal D = diag(g²): 2 g ∂g/∂x elementwise, (n, d).
void diffusion_divergence(const Sde& sde, const Mat& x, double t, Mat& out);

// The reverse-time SDE of `forward` on [0, T], in τ = T − t so that the ordinary
// solvers (wb::integrate) run it forward in τ from the prior at τ = 0:
//   dY = [−f + ∇·D + D s](Y, T − τ) dτ + g(Y, T − τ) dW_τ.
// (In t this is Anderson's dX = [f − ∇·D − D ∇log p_t] dt + g dW̄, i.e. f − g² ∇log p_t
// for state-independent g.) `forward` must outlive it.
class ReverseSde : public Sde {
public:
    ReverseSde(const Sde& forward, Score score, double T);
    void drift(const Mat& y, double tau, Mat& out) const override;
    void diffusion(const Mat& y, double tau, Mat& out) const override;
    void diffusion_dx(const Mat& y, double tau, Mat& out) const override;

private:
    const Sde& fwd_;
    Score score_;
    double T_;
    mutable Mat s_, d_, g_;
};

// The probability-flow ODE dx/dt = v(x, t) = f − ½∇·D − ½ D s of `forward` (same
// marginals p_t as the SDE when s = ∇log p_t), as an Sde with zero diffusion.
class ProbabilityFlow : public Sde {
public:
    ProbabilityFlow(const Sde& forward, Score score);
    void drift(const Mat& x, double t, Mat& v) const override;
    void diffusion(const Mat& x, double t, Mat& g) const override;
    // ∇·v per row (n), by central differences in each coordinate (step h·(1 + |x_j|));
    // the error is O(h²) relative for smooth fields.
    Vec divergence(const Mat& x, double t, double h = 1e-4) const;

private:
    const Sde& fwd_;
    Score score_;
    mutable Mat s_, d_, g_;
};

// ---- ODE steppers -------------------------------------------------------------------
enum class OdeMethod { Euler, Heun, RK4 };
struct OdeWork {
    Mat k1, k2, k3, k4, tmp;
};
// One step of dx/dt = ode.drift(x, t) (h may be negative: integrate backward).
void ode_step(const Sde& ode, OdeMethod method, Mat& x, double t, double h, OdeWork& w);
// `steps` steps of size h from t0 (x updated in place).
void integrate_ode(const Sde& ode, OdeMethod method, Mat& x, double t0, double h, std::size_t steps);

// log p_0(x_0) per row by the change of variables along the probability flow:
//   log p_0(x_0) = log p_T(x_T) + ∫_0^T ∇·v(x_t, t) dt,
// integrating (x, ∫∇·v) with RK4 over `steps` steps from t0 to t1; log_p1(x_T) is the
// log-density at t1 (e.g. a NoisingSde's prior_log_density).
Vec flow_log_likelihood(const ProbabilityFlow& flow, const Mat& x0, double t0, double t1, std::size_t steps,
                        const std::function<Vec(const Mat&)>& log_p1);

}  // namespace wb
