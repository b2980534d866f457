#include "wb/diffusion.hpp"

#include <cmath>
#include <stdexcept>

#include "wb/special.hpp"

namespace wb {

Mat NoisingSde::prior_sample(Rng& rng, std::size_t n, std::size_t d) const {
    Mat x = xt::empty<double>({n, d});
    rng.fill_normal(x, std::sqrt(prior_variance()));
    return x;
}

Vec NoisingSde::prior_log_density(const Mat& x) const {
    const double v = prior_variance();
    Vec out = xt::empty<double>({x.shape(0)});
    for (std::size_t i = 0; i < x.shape(0); ++i) {
        double s = 0.0;
        for (std::size_t j = 0; j < x.shape(1); ++j) s += normal_logpdf(x(i, j), 0.0, v);
        out(i) = s;
    }
    return out;
}

VpSde::VpSde(double bmin, double bmax, double horizon) : NoisingSde(horizon), beta_min(bmin), beta_max(bmax) {
    if (!(bmin > 0.0 && bmax >= bmin && horizon > 0.0))
        throw std::invalid_argument("VpSde: need 0 < beta_min <= beta_max and T > 0");
}
void VpSde::drift(const Mat& x, double t, Mat& f) const { f = (-0.5 * beta(t)) * x; }
void VpSde::diffusion(const Mat& x, double t, Mat& g) const {
    g.resize(x.shape());
    g.fill(std::sqrt(beta(t)));
}
double VpSde::g(double, double t) const { return std::sqrt(beta(t)); }
// ∫₀ᵗ β = β_min t + (β_max − β_min) t²/(2T).
double VpSde::mean_scale(double t) const {
    return std::exp(-0.5 * (beta_min * t + 0.5 * (beta_max - beta_min) * t * t / T));
}
double VpSde::variance(double t) const {
    return -std::expm1(-(beta_min * t + 0.5 * (beta_max - beta_min) * t * t / T));  // 1 − m_t², no cancellation
}

VeSde::VeSde(double smin, double smax, double horizon) : NoisingSde(horizon), sigma_min(smin), sigma_max(smax) {
    if (!(smin > 0.0 && smax > smin && horizon > 0.0))
        throw std::invalid_argument("VeSde: need 0 < sigma_min < sigma_max and T > 0");
}
double VeSde::sigma(double t) const { return sigma_min * std::pow(sigma_max / sigma_min, t / T); }
// dσ²/dt = 2σ² log(σ_max/σ_min)/T.
double VeSde::g(double, double t) const { return sigma(t) * std::sqrt(2.0 * std::log(sigma_max / sigma_min) / T); }
void VeSde::drift(const Mat& x, double, Mat& f) const {
    f.resize(x.shape());
    f.fill(0.0);
}
void VeSde::diffusion(const Mat& x, double t, Mat& g) const {
    g.resize(x.shape());
    g.fill(VeSde::g(0.0, t));
}
double VeSde::variance(double t) const { return sigma(t) * sigma(t) - sigma_min * sigma_min; }

void diffusion_divergence(const Sde& sde, const Mat& x, double t, Mat& out) {
    Mat g;
    sde.diffusion(x, t, g);
    sde.diffusion_dx(x, t, out);
    out = 2.0 * g * out;
}

ReverseSde::ReverseSde(const Sde& forward, Score score, double T) : fwd_(forward), score_(std::move(score)), T_(T) {}

void ReverseSde::drift(const Mat& y, double tau, Mat& out) const {
    const double t = T_ - tau;
    fwd_.drift(y, t, out);
    fwd_.diffusion(y, t, g_);
    score_(y, t, s_);
    diffusion_divergence(fwd_, y, t, d_);
    out = -out + d_ + g_ * g_ * s_;
}
void ReverseSde::diffusion(const Mat& y, double tau, Mat& out) const { fwd_.diffusion(y, T_ - tau, out); }
void ReverseSde::diffusion_dx(const Mat& y, double tau, Mat& out) const { fwd_.diffusion_dx(y, T_ - tau, out); }

ProbabilityFlow::ProbabilityFlow(const Sde& forward, Score score) : fwd_(forward), score_(std::move(score)) {}

void ProbabilityFlow::drift(const Mat& x, double t, Mat& v) const {
    fwd_.drift(x, t, v);
    fwd_.diffusion(x, t, g_);
    score_(x, t, s_);
    diffusion_divergence(fwd_, x, t, d_);
    v = v - 0.5 * d_ - 0.5 * g_ * g_ * s_;
}
void ProbabilityFlow::diffusion(const Mat& x, double, Mat& g) const {
    g.resize(x.shape());
    g.fill(0.0);
}

Vec ProbabilityFlow::divergence(const Mat& x, double t, double h) const {
    const std::size_t n = x.shape(0), d = x.shape(1);
    Vec div = xt::zeros<double>({n});
    Mat xp = x, vp, vm;
    for (std::size_t j = 0; j < d; ++j) {
        Vec hj = xt::empty<double>({n});
        for (std::size_t i = 0; i < n; ++i) {
            hj(i) = h * (1.0 + std::fabs(x(i, j)));
            xp(i, j) = x(i, j) + hj(i);
        }
        drift(xp, t, vp);
        for (std::size_t i = 0; i < n; ++i) xp(i, j) = x(i, j) - hj(i);
        drift(xp, t, vm);
        for (std::size_t i = 0; i < n; ++i) {
            div(i) += (vp(i, j) - vm(i, j)) / (2.0 * hj(i));
            xp(i, j) = x(i, j);
        }
    }
    return div;
}

void ode_step(const Sde& ode, OdeMethod method, Mat& x, double t, double h, OdeWork& w) {
    ode.drift(x, t, w.k1);
    switch (method) {
        case OdeMethod::Euler: x += h * w.k1; return;
        case OdeMethod::Heun:
            w.tmp = x + h * w.k1;
            ode.drift(w.tmp, t + h, w.k2);
            x += (0.5 * h) * (w.k1 + w.k2);
            return;
        case OdeMethod::RK4:
            w.tmp = x + (0.5 * h) * w.k1;
            ode.drift(w.tmp, t + 0.5 * h, w.k2);
            w.tmp = x + (0.5 * h) * w.k2;
            ode.drift(w.tmp, t + 0.5 * h, w.k3);
            w.tmp = x + h * w.k3;
            ode.drift(w.tmp, t + h, w.k4);
            x += (h / 6.0) * (w.k1 + 2.0 * w.k2 + 2.0 * w.k3 + w.k4);
            return;
    }
}

void integrate_ode(const Sde& ode, OdeMethod method, Mat& x, double t0, double h, std::size_t steps) {
    OdeWork w;
    for (std::size_t k = 0; k < steps; ++k) ode_step(ode, method, x, t0 + static_cast<double>(k) * h, h, w);
}

Vec flow_log_likelihood(const ProbabilityFlow& flow, const Mat& x0, double t0, double t1, std::size_t steps,
                        const std::function<Vec(const Mat&)>& log_p1) {
    if (steps == 0) throw std::invalid_argument("flow_log_likelihood: need steps >= 1");
    const double h = (t1 - t0) / static_cast<double>(steps);
    Mat x = x0, k1, k2, k3, k4, tmp;
    Vec acc = xt::zeros<double>({x0.shape(0)});
    for (std::size_t k = 0; k < steps; ++k) {
        const double t = t0 + static_cast<double>(k) * h;
        // RK4 on the pair (x, ∫∇·v dt): the divergence at each stage's point.
        flow.drift(x, t, k1);
        const Vec d1 = flow.divergence(x, t);
        tmp = x + (0.5 * h) * k1;
        flow.drift(tmp, t + 0.5 * h, k2);
        const Vec d2 = flow.divergence(tmp, t + 0.5 * h);
        tmp = x + (0.5 * h) * k2;
        flow.drift(tmp, t + 0.5 * h, k3);
        const Vec d3 = flow.divergence(tmp, t + 0.5 * h);
        tmp = x + h * k3;
        flow.drift(tmp, t + h, k4);
        const Vec d4 = flow.divergence(tmp, t + h);
        x += (h / 6.0) * (k1 + 2.0 * k2 + 2.0 * k3 + k4);
        acc += (h / 6.0) * (d1 + 2.0 * d2 + 2.0 * d3 + d4);
    }
    return log_p1(x) + acc;
}

}  // namespace wb
