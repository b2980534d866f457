#include "wb/sde.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <tuple>

namespace wb {

double ScalarSde::g_x(double, double) const { return 0.0; }

// The scalar view through a 1 × 1 batch.
static double at_point(const Sde& sde, void (Sde::*field)(const Batch&, double, Batch&) const, double x, double t) {
    Batch b = xt::empty<double>({std::size_t{1}, std::size_t{1}}), out = xt::empty<double>({std::size_t{1}, std::size_t{1}});
    b(0, 0) = x;
    (sde.*field)(b, t, out);
    return out(0, 0);
}
double Sde::f(double x, double t) const { return at_point(*this, &Sde::drift, x, t); }
double Sde::g(double x, double t) const { return at_point(*this, &Sde::diffusion, x, t); }
double Sde::g_x(double x, double t) const { return at_point(*this, &Sde::diffusion_dx, x, t); }

// Elementwise application of scalar coefficients.
static void pointwise(const std::function<double(double, double)>& c, const Batch& x, double t, Batch& out) {
    out.resize(x.shape());
    const double* xp = x.data();
    double* op = out.data();
    for (std::size_t i = 0; i < x.size(); ++i) op[i] = c(xp[i], t);
}
void PointwiseSde::drift(const Batch& x, double t, Batch& out) const { pointwise(f_, x, t, out); }
void PointwiseSde::diffusion(const Batch& x, double t, Batch& out) const { pointwise(g_, x, t, out); }
void PointwiseSde::diffusion_dx(const Batch& x, double t, Batch& out) const {
    if (gx_) pointwise(gx_, x, t, out);
    else Sde::diffusion_dx(x, t, out);
}

void Sde::diffusion_dx(const Batch& x, double, Batch& gx) const {
    gx.resize(x.shape());
    gx.fill(0.0);
}

OrnsteinUhlenbeck::OrnsteinUhlenbeck(double th, double sg) : theta(th), sigma(sg) {
    if (!(th > 0.0) || !(sg > 0.0)) throw std::invalid_argument("OrnsteinUhlenbeck: theta and sigma must be positive");
}
// out = c·x as one plain loop over raw memory: these fields sit in the inner loop of
// every solver.
static void scaled(const Batch& x, double c, Batch& out) {
    if (out.shape() != x.shape()) out.resize(x.shape());
    const double* xp = x.data();
    double* op = out.data();
    for (std::size_t i = 0, n = x.size(); i < n; ++i) op[i] = c * xp[i];
}

void OrnsteinUhlenbeck::drift(const Batch& x, double, Batch& f) const { scaled(x, -theta, f); }
void OrnsteinUhlenbeck::diffusion(const Batch& x, double, Batch& g) const {
    g.resize(x.shape());
    g.fill(sigma);
}
double OrnsteinUhlenbeck::mean_scale(double t) const { return std::exp(-theta * t); }
double OrnsteinUhlenbeck::variance(double t) const {
    return sigma * sigma * (-std::expm1(-2.0 * theta * t)) / (2.0 * theta);
}

void GeometricBrownian::drift(const Batch& x, double, Batch& f) const { scaled(x, mu, f); }
void GeometricBrownian::diffusion(const Batch& x, double, Batch& g) const { scaled(x, s, g); }
void GeometricBrownian::diffusion_dx(const Batch& x, double, Batch& gx) const {
    gx.resize(x.shape());
    gx.fill(s);
}

void FunctionSde::diffusion_dx(const Batch& x, double t, Batch& gx) const {
    if (gx_) gx_(x, t, gx);
    else Sde::diffusion_dx(x, t, gx);
}

const char* scheme_name(Scheme s) {
    switch (s) {
        case Scheme::Euler: return "Euler";
        case Scheme::EulerMaruyama: return "Euler-Maruyama";
        case Scheme::Milstein: return "Milstein";
        case Scheme::TamedEM: return "tamed Euler-Maruyama";
    }
    return "?";
}

void StepWork::resize(const Batch& x) {
    if (f.shape() != x.shape()) {
        f.resize(x.shape());
        g.resize(x.shape());
    }
}

void step(const Sde& sde, Scheme scheme, Batch& x, double t, double h, const Batch& dW, StepWork& w) {
    if (scheme != Scheme::Euler && dW.shape() != x.shape())
        throw std::invalid_argument("step: dW must have the shape of x");
    sde.advance(scheme, x, t, h, dW, w);
}

// The elementwise schemes in one pass over n paths, with the coefficients inlined:
// the same expressions as Sde::advance evaluates from its scratch arrays, so the
// same bits. each(put) calls put(i, dW_i) for i = 0, …, n − 1: stored or drawn
// increments. False for a scheme that is not elementwise.
template <class F, class G, class Gx, class Each>
[[gnu::always_inline]] inline bool fused(Scheme scheme, double* xp, std::size_t n, double h, F f, G g, Gx gx, Each each) {
    switch (scheme) {
        case Scheme::Euler:
            for (std::size_t i = 0; i < n; ++i) xp[i] += h * f(xp[i]);
            return true;
        case Scheme::EulerMaruyama:
            each([=](std::size_t i, double dw) {
                const double xi = xp[i];
                xp[i] = xi + (h * f(xi) + g(xi) * dw);
            });
            return true;
        case Scheme::Milstein:
            each([=](std::size_t i, double dw) {
                const double xi = xp[i], gi = g(xi);
                xp[i] = xi + (h * f(xi) + gi * dw + 0.5 * gi * gx(xi) * (dw * dw - h));
            });
            return true;
        case Scheme::TamedEM: return false;  // tames by each path's drift norm: not elementwise
    }
    return false;
}

static auto stored(const double* dw, std::size_t n) {
    return [dw, n](auto&& put) {
        for (std::size_t i = 0; i < n; ++i) put(i, dw[i]);
    };
}
static auto ou_coefficients(double th, double sg) {
    return std::tuple([th](double v) { return -th * v; }, [sg](double) { return sg; }, [](double) { return 0.0; });
}
static auto gbm_coefficients(double m, double sd) {
    return std::tuple([m](double v) { return m * v; }, [sd](double v) { return sd * v; }, [sd](double) { return sd; });
}

// The fused steps on stored increments, with AVX2 clones where the CPU has it: elementwise
// +, −, × without FMA (the build enables none) round as SSE2's do, so the bits are the same.
[[gnu::target_clones("avx2", "default")]] static bool ou_fused(Scheme scheme, double* xp, std::size_t n, double h,
                                                                double th, double sg, const double* dw) {
    const auto [f, g, gx] = ou_coefficients(th, sg);
    return fused(scheme, xp, n, h, f, g, gx, stored(dw, n));
}
[[gnu::target_clones("avx2", "default")]] static bool gbm_fused(Scheme scheme, double* xp, std::size_t n, double h,
                                                                 double m, double sd, const double* dw) {
    const auto [f, g, gx] = gbm_coefficients(m, sd);
    return fused(scheme, xp, n, h, f, g, gx, stored(dw, n));
}

// A step that draws its increments, √h Z into w.dW as fill_normal(w.dW, √h) would: in
// chunks of paths, each filled and then stepped while both stay in L1 (the same draws in
// the same order, so the same bits as fill-then-step). False for a scheme that is not
// elementwise; Euler draws nothing.
template <class Fused>
static bool draw_fused(Fused fused_step, Scheme scheme, Batch& x, double h, Rng& rng, StepWork& w) {
    if (scheme == Scheme::TamedEM) return false;
    double* xp = x.data();
    const std::size_t n = x.size();
    if (scheme == Scheme::Euler) return fused_step(scheme, xp, n, nullptr);
    if (w.dW.shape() != x.shape()) w.dW.resize(x.shape());
    double* dw = w.dW.data();
    const double sq = std::sqrt(h);
    constexpr std::size_t Chunk = 1024;
    for (std::size_t i = 0; i < n; i += Chunk) {
        const std::size_t m = std::min(Chunk, n - i);
        rng.fill_normal(std::span<double>(dw + i, m), sq);
        fused_step(scheme, xp + i, m, dw + i);
    }
    return true;
}

void OrnsteinUhlenbeck::advance(Scheme scheme, Batch& x, double t, double h, const Batch& dW, StepWork& w) const {
    if (!ou_fused(scheme, x.data(), x.size(), h, theta, sigma, dW.data())) Sde::advance(scheme, x, t, h, dW, w);
}

void OrnsteinUhlenbeck::draw_and_advance(Scheme scheme, Batch& x, double t, double h, Rng& rng, StepWork& w) const {
    const auto chunk = [&](Scheme sc, double* xp, std::size_t n, const double* dw) { return ou_fused(sc, xp, n, h, theta, sigma, dw); };
    if (!draw_fused(chunk, scheme, x, h, rng, w)) Sde::draw_and_advance(scheme, x, t, h, rng, w);
}

void GeometricBrownian::advance(Scheme scheme, Batch& x, double t, double h, const Batch& dW, StepWork& w) const {
    if (!gbm_fused(scheme, x.data(), x.size(), h, mu, s, dW.data())) Sde::advance(scheme, x, t, h, dW, w);
}

void GeometricBrownian::draw_and_advance(Scheme scheme, Batch& x, double t, double h, Rng& rng, StepWork& w) const {
    const auto chunk = [&](Scheme sc, double* xp, std::size_t n, const double* dw) { return gbm_fused(sc, xp, n, h, mu, s, dw); };
    if (!draw_fused(chunk, scheme, x, h, rng, w)) Sde::draw_and_advance(scheme, x, t, h, rng, w);
}

void Sde::draw_and_advance(Scheme scheme, Batch& x, double t, double h, Rng& rng, StepWork& w) const {
    if (w.dW.shape() != x.shape()) w.dW.resize(x.shape());
    rng.fill_normal(w.dW, std::sqrt(h));
    advance(scheme, x, t, h, w.dW, w);
}

void Sde::advance(Scheme scheme, Batch& x, double t, double h, const Batch& dW, StepWork& w) const {
    w.resize(x);
    drift(x, t, w.f);
    const std::size_t n = x.size();
    double* xp = x.data();
    const double* fp = w.f.data();
    if (scheme == Scheme::Euler) {
        for (std::size_t i = 0; i < n; ++i) xp[i] += h * fp[i];
        return;
    }
    diffusion(x, t, w.g);
    const double* gp = w.g.data();
    const double* dw = dW.data();
    switch (scheme) {
        case Scheme::EulerMaruyama:
            for (std::size_t i = 0; i < n; ++i) xp[i] += h * fp[i] + gp[i] * dw[i];
            break;
        case Scheme::Milstein: {
            diffusion_dx(x, t, w.gx);
            const double* gxp = w.gx.data();
            for (std::size_t i = 0; i < n; ++i)
                xp[i] += h * fp[i] + gp[i] * dw[i] + 0.5 * gp[i] * gxp[i] * (dw[i] * dw[i] - h);
            break;
        }
        case Scheme::TamedEM: {
            // Tame by the Euclidean norm of each path's drift.
            const std::size_t rows = x.shape(0), d = x.shape(1);
            for (std::size_t r = 0; r < rows; ++r) {
                double nf = 0.0;
                for (std::size_t j = 0; j < d; ++j) nf += fp[r * d + j] * fp[r * d + j];
                const double tame = h / (1.0 + h * std::sqrt(nf));
                for (std::size_t j = 0; j < d; ++j) xp[r * d + j] += tame * fp[r * d + j] + gp[r * d + j] * dw[r * d + j];
            }
            break;
        }
        case Scheme::Euler: break;
    }
}

void step(const Sde& sde, Scheme scheme, Batch& x, double t, double h, Rng& rng, StepWork& w) {
    if (scheme == Scheme::Euler) sde.advance(scheme, x, t, h, w.dW, w);  // draws nothing
    else sde.draw_and_advance(scheme, x, t, h, rng, w);
}

void heun_step(const Sde& ode, Batch& x, double t, double h, StepWork& w) {
    w.resize(x);
    ode.drift(x, t, w.f);
    w.x2 = x + h * w.f;
    ode.drift(w.x2, t + h, w.g);  // g is scratch here
    x += 0.5 * h * (w.f + w.g);
}

void integrate(const Sde& sde, Scheme scheme, Batch& x, double t0, double h, std::size_t steps, Rng& rng,
               const std::function<void(std::size_t, double, const Batch&)>& observe) {
    StepWork w;
    if (observe) observe(0, t0, x);
    for (std::size_t k = 0; k < steps; ++k) {
        const double t = t0 + h * static_cast<double>(k);
        step(sde, scheme, x, t, h, rng, w);
        if (observe) observe(k + 1, t + h, x);
    }
}

// ---- Coupled grids ----------------------------------------------------------------

namespace {

// Grid l completes a step every 2^l fine steps: at fine step j (0-based) the grids
// 0 … levels_done(j) − 1 complete one (coarser grids only when finer ones do).
std::size_t levels_done(std::size_t j, std::size_t L) {
    std::size_t l = 0;
    while (l < L && (j + 1) % (std::size_t{1} << l) == 0) ++l;
    return l;
}

// All paths a fine step at a time through wb::step, for any SDE. Grid 0 steps on the
// fine increments dW; grid l ≥ 1 on acc[l], which sums grid l − 1's increments.
void coupled_by_steps(const Sde& sde, std::span<const Scheme> schemes, double hf, std::size_t fine, Rng& rng,
                      CoupledPaths& out, const std::function<void(std::size_t, std::size_t)>& progress) {
    const std::size_t L = out.x[0].size(), S = schemes.size(), n = out.W.size();
    const std::array<std::size_t, 2> shape{n, std::size_t{1}};  // (paths, dimension 1)
    std::vector<std::vector<Mat>> x(S);
    for (std::size_t k = 0; k < S; ++k)
        for (const Vec& v : out.x[k]) {
            x[k].push_back(xt::empty<double>(shape));
            std::copy(v.begin(), v.end(), x[k].back().begin());
        }
    std::vector<Mat> acc(L, xt::zeros<double>(shape));
    std::vector<StepWork> work(S * L);
    Mat dW = xt::empty<double>(shape);
    const double sh = std::sqrt(hf);
    for (std::size_t j = 0; j < fine; ++j) {
        rng.each_normal(n, [dw = dW.data(), w = out.W.data(), sh](std::size_t i, double z) {
            dw[i] = z * sh;
            w[i] += dw[i];
        });
        for (std::size_t l = 0, done = levels_done(j, L); l < done; ++l) {
            const std::size_t stride = std::size_t{1} << l;
            const double h = hf * static_cast<double>(stride), t = hf * static_cast<double>(j + 1 - stride);
            const Mat& inc = l == 0 ? dW : acc[l];
            for (std::size_t k = 0; k < S; ++k) step(sde, schemes[k], x[k][l], t, h, inc, work[k * L + l]);
            if (l + 1 < L) acc[l + 1] += inc;
            if (l > 0) acc[l].fill(0.0);
        }
        if (progress) progress(j + 1, fine);
    }
    for (std::size_t k = 0; k < S; ++k)
        for (std::size_t l = 0; l < L; ++l) std::copy(x[k][l].begin(), x[k][l].end(), out.x[k][l].begin());
}

// The same for an elementwise, time-homogeneous SDE (coefficients f, g, gx of x alone),
// in blocks: the normals of StepBlock fine steps are drawn first, in the order above,
// then each block of PathBlock paths takes those steps on every grid while its state
// (about 20 arrays of PathBlock doubles) stays in cache. Per path the operations and
// their order are those of coupled_by_steps, so the bits are too. Four steps of 45 000
// normals (1.4 MB) stay near L2; measured on this 2-core EPYC, 16 steps ran 15% slower.
constexpr std::size_t PathBlock = 512, StepBlock = 4;

template <class F, class G, class Gx>
[[gnu::always_inline]] inline void coupled_blocked(F f, G g, Gx gx, std::span<const Scheme> schemes, double hf,
                                                   std::size_t fine, Rng& rng, CoupledPaths& out,
                                                   const std::function<void(std::size_t, std::size_t)>& progress) {
    const std::size_t L = out.x[0].size(), S = schemes.size(), n = out.W.size();
    std::vector<Vec> acc(L, xt::zeros<double>({n}));
    std::vector<double> buf(StepBlock * n);
    const double sh = std::sqrt(hf);
    for (std::size_t j0 = 0; j0 < fine; j0 += StepBlock) {
        const std::size_t j1 = std::min(fine, j0 + StepBlock);
        for (std::size_t j = j0; j < j1; ++j)
            rng.each_normal(n, [row = buf.data() + (j - j0) * n, sh](std::size_t i, double z) { row[i] = z * sh; });
        for (std::size_t p = 0; p < n; p += PathBlock) {
            const std::size_t m = std::min(n - p, PathBlock);
            double* W = out.W.data() + p;
            for (std::size_t j = j0; j < j1; ++j) {
                const double* dw = buf.data() + (j - j0) * n + p;
                for (std::size_t i = 0; i < m; ++i) W[i] += dw[i];
                for (std::size_t l = 0, done = levels_done(j, L); l < done; ++l) {
                    const double h = hf * static_cast<double>(std::size_t{1} << l);
                    double* a = acc[l].data() + p;
                    const double* inc = l == 0 ? dw : a;
                    for (std::size_t k = 0; k < S; ++k)
                        fused(schemes[k], out.x[k][l].data() + p, m, h, f, g, gx, stored(inc, m));
                    if (l + 1 < L) {
                        double* up = acc[l + 1].data() + p;
                        for (std::size_t i = 0; i < m; ++i) up[i] += inc[i];
                    }
                    if (l > 0) std::fill_n(a, m, 0.0);
                }
            }
        }
        if (progress) progress(j1, fine);
    }
}

// AVX2 clones of the blocked loops where the CPU has it: elementwise +, −, × without
// FMA (the build enables none) round as SSE2's do, so the bits are the same.
[[gnu::target_clones("avx2", "default")]] void gbm_blocked(double mu, double s, std::span<const Scheme> schemes,
                                                         double hf, std::size_t fine, Rng& rng, CoupledPaths& out,
                                                         const std::function<void(std::size_t, std::size_t)>& progress) {
    const auto [f, g, gx] = gbm_coefficients(mu, s);
    coupled_blocked(f, g, gx, schemes, hf, fine, rng, out, progress);
}
[[gnu::target_clones("avx2", "default")]] void ou_blocked(double theta, double sigma, std::span<const Scheme> schemes,
                                                        double hf, std::size_t fine, Rng& rng, CoupledPaths& out,
                                                        const std::function<void(std::size_t, std::size_t)>& progress) {
    const auto [f, g, gx] = ou_coefficients(theta, sigma);
    coupled_blocked(f, g, gx, schemes, hf, fine, rng, out, progress);
}

}  // namespace

CoupledPaths coupled_paths(const Sde& sde, std::span<const Scheme> schemes, double x0, double T, int K, int levels,
                           std::size_t n, Rng& rng, const std::function<void(std::size_t, std::size_t)>& progress) {
    if (schemes.empty()) throw std::invalid_argument("coupled_paths: no scheme given");
    if (!(T > 0) || !std::isfinite(T)) throw std::invalid_argument("coupled_paths: T must be positive and finite");
    if (K < 0 || K > 40) throw std::invalid_argument("coupled_paths: the fine grid's 2^K steps need 0 <= K <= 40");
    if (levels < 1 || levels > K + 1)
        throw std::invalid_argument("coupled_paths: levels must be in 1 … K + 1 (the coarsest grid has one step)");
    const std::size_t fine = std::size_t{1} << K, L = static_cast<std::size_t>(levels);
    const double hf = T / static_cast<double>(fine);
    CoupledPaths out{std::vector<std::vector<Vec>>(schemes.size(), std::vector<Vec>(L, xt::ones<double>({n}) * x0)),
                     xt::zeros<double>({n})};
    const bool elementwise = std::none_of(schemes.begin(), schemes.end(), [](Scheme s) { return s == Scheme::TamedEM; });
    if (const auto* gbm = dynamic_cast<const GeometricBrownian*>(&sde); gbm && elementwise)
        gbm_blocked(gbm->mu, gbm->s, schemes, hf, fine, rng, out, progress);
    else if (const auto* ou = dynamic_cast<const OrnsteinUhlenbeck*>(&sde); ou && elementwise)
        ou_blocked(ou->theta, ou->sigma, schemes, hf, fine, rng, out, progress);
    else
        coupled_by_steps(sde, schemes, hf, fine, rng, out, progress);
    return out;
}

}  // namespace wb
