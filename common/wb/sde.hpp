// Stochastic differential equations dX = f(X, t) dt + g(X, t) dW with diagonal
// noise, and the solvers written once against that interface.
//
// A batch of paths is an (n, d) matrix: row i is path i. Every solver advances all
// paths by one step of size h:
//   Euler (ODE)       X + h f
//   Euler–Maruyama    X + h f + g ΔW,                      ΔW ~ N(0, h)
//   Milstein          X + h f + g ΔW + ½ g ∂ₓg (ΔW² − h)
//   tamed EM          X + h f / (1 + h‖f‖) + g ΔW          (Hutzenthaler et al. 2012)
//   Heun (ODE)        X + h/2 [f(X) + f(X + h f(X))]
#pragma once

#include <cmath>
#include <cstddef>
#include <functional>
#include <span>
#include <vector>

#include "wb/gauss.hpp"
#include "wb/rng.hpp"
#include "wb/types.hpp"

namespace wb {

using Batch = Mat;  // compat: (n paths, d dimensions); removed when the chapters are ported

enum class Scheme { Euler, EulerMaruyama, Milstein, TamedEM };
const char* scheme_name(Scheme s);

// Scratch space reused across steps, so a step allocates nothing.
struct StepWork {
    Batch f, g, gx, x2, dW;
    void resize(const Batch& x);
};

// The scalar view of an SDE (d = 1): the coefficients at one state x and time t,
// which one-step schemes written for a single path take.
class ScalarSde {
public:
    virtual ~ScalarSde() = default;
    virtual double f(double x, double t) const = 0;  // drift
    virtual double g(double x, double t) const = 0;  // diffusion
    // ∂g/∂x, needed by Milstein; the default is for additive noise.
    virtual double g_x(double x, double t) const;
};

// Every SDE is also a scalar one: the scalar view evaluates the batch methods on a
// 1 × 1 batch (the processes below override it with the closed forms).
class Sde : public ScalarSde {
public:
    double f(double x, double t) const override;
    double g(double x, double t) const override;
    double g_x(double x, double t) const override;
    virtual void drift(const Batch& x, double t, Batch& f) const = 0;
    // Diagonal diffusion, elementwise: g(i, j) multiplies dW(i, j).
    virtual void diffusion(const Batch& x, double t, Batch& g) const = 0;
    // ∂g/∂x elementwise, needed by Milstein; the default is for additive noise.
    virtual void diffusion_dx(const Batch& x, double t, Batch& gx) const;
    // One step of `scheme` for every path (what wb::step runs): the default evaluates
    // drift and diffusion into w, then combines them, three passes over the batch; the
    // processes with closed-form coefficients below do it in one, to the same bits.
    virtual void advance(Scheme scheme, Batch& x, double t, double h, const Batch& dW, StepWork& w) const;
    // The same step with its increments drawn into w.dW, √h Z as rng.fill_normal(w.dW, √h)
    // draws them; the processes below draw each increment as they step (one pass, the same bits).
    virtual void draw_and_advance(Scheme scheme, Batch& x, double t, double h, Rng& rng, StepWork& w) const;
};

// dX = −a(t) X dt + b(t) dW: the marginal of X_t given X_0 is N(m_t X_0, v_t I), so a
// Gaussian-mixture start stays a Gaussian mixture (Ornstein–Uhlenbeck, VP SDE).
class LinearSde : public Sde {
public:
    virtual double mean_scale(double t) const = 0;  // m_t
    virtual double variance(double t) const = 0;    // v_t
    GaussianMixture marginal(const GaussianMixture& p0, double t) const { return p0.transformed(mean_scale(t), variance(t)); }
};

// Ornstein–Uhlenbeck dX = −θ X dt + σ dW:  m_t = e^{−θt},  v_t = σ²(1 − e^{−2θt})/(2θ).
class OrnsteinUhlenbeck : public LinearSde {
public:
    OrnsteinUhlenbeck(double theta, double sigma);
    void drift(const Batch& x, double t, Batch& f) const override;
    void diffusion(const Batch& x, double t, Batch& g) const override;
    double mean_scale(double t) const override;
    double variance(double t) const override;
    void advance(Scheme scheme, Batch& x, double t, double h, const Batch& dW, StepWork& w) const override;
    void draw_and_advance(Scheme scheme, Batch& x, double t, double h, Rng& rng, StepWork& w) const override;
    double f(double x, double) const override { return -theta * x; }
    double g(double, double) const override { return sigma; }
    double g_x(double, double) const override { return 0.0; }
    double theta, sigma;
};

// Geometric Brownian motion dX = μ X dt + s X dW, exact X_T = X_0 exp((μ − s²/2) T + s W_T).
class GeometricBrownian : public Sde {
public:
    GeometricBrownian(double mu_, double s_) : mu(mu_), s(s_) {}
    void drift(const Batch& x, double t, Batch& f) const override;
    void diffusion(const Batch& x, double t, Batch& g) const override;
    void diffusion_dx(const Batch& x, double t, Batch& gx) const override;
    void advance(Scheme scheme, Batch& x, double t, double h, const Batch& dW, StepWork& w) const override;
    void draw_and_advance(Scheme scheme, Batch& x, double t, double h, Rng& rng, StepWork& w) const override;
    double f(double x, double) const override { return mu * x; }
    double g(double x, double) const override { return s * x; }
    double g_x(double, double) const override { return s; }
    double mu, s;
};

// An SDE from plain functions (for chapter-specific processes).
class FunctionSde : public Sde {
public:
    using Field = std::function<void(const Batch&, double, Batch&)>;
    FunctionSde(Field f, Field g, Field gx = nullptr) : f_(std::move(f)), g_(std::move(g)), gx_(std::move(gx)) {}
    void drift(const Batch& x, double t, Batch& f) const override { f_(x, t, f); }
    void diffusion(const Batch& x, double t, Batch& g) const override { g_(x, t, g); }
    void diffusion_dx(const Batch& x, double t, Batch& gx) const override;

private:
    Field f_, g_, gx_;
};

// An SDE from scalar coefficients applied to every element (diagonal noise, the same
// law in each coordinate): usable by the batch solvers and by scalar schemes alike.
class PointwiseSde : public Sde {
public:
    using Coefficient = std::function<double(double x, double t)>;
    // gx = ∂g/∂x may be empty for additive noise.
    PointwiseSde(Coefficient f, Coefficient g, Coefficient gx = nullptr)
        : f_(std::move(f)), g_(std::move(g)), gx_(std::move(gx)) {}
    void drift(const Batch& x, double t, Batch& out) const override;
    void diffusion(const Batch& x, double t, Batch& out) const override;
    void diffusion_dx(const Batch& x, double t, Batch& out) const override;
    double f(double x, double t) const override { return f_(x, t); }
    double g(double x, double t) const override { return g_(x, t); }
    double g_x(double x, double t) const override { return gx_ ? gx_(x, t) : 0.0; }

private:
    Coefficient f_, g_, gx_;
};


// One step of `scheme` from (x, t) with step h and Brownian increments dW (same
// shape as x; ignored by Euler). x is updated in place.
void step(const Sde& sde, Scheme scheme, Batch& x, double t, double h, const Batch& dW, StepWork& w);
// The same step with ΔW = √h Z drawn from rng into w.dW (none for Euler).
void step(const Sde& sde, Scheme scheme, Batch& x, double t, double h, Rng& rng, StepWork& w);
// One Heun step of the ODE dx/dt = f(x, t) (the SDE's drift; diffusion unused).
void heun_step(const Sde& ode, Batch& x, double t, double h, StepWork& w);

// Integrates from t0 over `steps` steps of size h, drawing ΔW from rng.
// `observe(k, t, x)` (optional) is called at k = 0..steps.
void integrate(const Sde& sde, Scheme scheme, Batch& x, double t0, double h, std::size_t steps, Rng& rng,
               const std::function<void(std::size_t, double, const Batch&)>& observe = nullptr);

// ---- Coupled grids ----------------------------------------------------------------
// n paths from x0 over [0, T] on the nested grids h_l = 2^{l−K}·T, l = 0 … levels − 1, all
// on one Brownian path each: the fine grid (2^K steps) steps on ΔW = √h_0 Z, n normals
// drawn per fine step (path i the i-th), and grid l on sums of 2^l fine increments, so the
// grids' errors are coupled and their differences have small variance (strong and weak
// convergence studies, multilevel Monte Carlo).
struct CoupledPaths {
    std::vector<std::vector<Vec>> x;  // x[k][l] (n): X^h_T of schemes[k] on grid l
    Vec W;                            // (n): the Brownian end points W_T
};
// progress(done, 2^K), if given, is called as fine steps complete. GBM and OU step in
// cache-sized blocks of paths and steps; any other SDE steps all paths a step at a time
// through wb::step. Both give the same bits and leave rng where stepping grid by grid would.
CoupledPaths coupled_paths(const Sde& sde, std::span<const Scheme> schemes, double x0, double T, int K, int levels,
                           std::size_t n, Rng& rng,
                           const std::function<void(std::size_t, std::size_t)>& progress = nullptr);

// ---- Scalar paths driven by a one-step scheme ------------------------------------
// `step(x, t, h, dW)` maps the state at t_k = t0 + k h to the state at t_{k+1}; the
// drivers draw dW = √h Z from rng (or take the given increments) and call it at
// t_k = t0 + k·h (not an accumulated sum, so the grid is exact).

// The states x_0 … x_N of one path (N + 1 values).
template <class Step>
std::vector<double> scalar_path(Step&& step, double x0, double t0, double h, std::size_t steps, Rng& rng) {
    std::vector<double> x(steps + 1);
    x[0] = x0;
    const double sh = std::sqrt(h);
    for (std::size_t k = 0; k < steps; ++k) x[k + 1] = step(x[k], t0 + static_cast<double>(k) * h, h, sh * rng.normal());
    return x;
}
// The same from given increments dW (N of them).
template <class Step>
std::vector<double> scalar_path(Step&& step, double x0, double t0, double h, std::span<const double> dW) {
    std::vector<double> x(dW.size() + 1);
    x[0] = x0;
    for (std::size_t k = 0; k < dW.size(); ++k) x[k + 1] = step(x[k], t0 + static_cast<double>(k) * h, h, dW[k]);
    return x;
}
// Only the end point x_N (no allocation).
template <class Step>
double scalar_endpoint(Step&& step, double x0, double t0, double h, std::size_t steps, Rng& rng) {
    const double sh = std::sqrt(h);
    double x = x0;
    for (std::size_t k = 0; k < steps; ++k) x = step(x, t0 + static_cast<double>(k) * h, h, sh * rng.normal());
    return x;
}
// A deterministic one-step map `step(x, t, h)` (an ODE scheme): states x_0 … x_N.
template <class Step>
std::vector<double> ode_path(Step&& step, double x0, double t0, double h, std::size_t steps) {
    std::vector<double> x(steps + 1);
    x[0] = x0;
    for (std::size_t k = 0; k < steps; ++k) x[k + 1] = step(x[k], t0 + static_cast<double>(k) * h, h);
    return x;
}

}  // namespace wb
