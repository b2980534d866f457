/*md
# Chapter 11: SDEs and the Euler–Maruyama method

A stochastic differential equation (SDE) describes a quantity that moves under a
deterministic push and a random kick at every instant:
$$dX_t = f(X_t, t)\,dt + g(X_t, t)\,dW_t .$$
$f$ is the **drift**, the predictable trend; $g$ is the **diffusion**, the size of the
random fluctuation; $W$ is a Wiener process (Brownian motion), whose increments
$W_{t+h} - W_t \sim N(0, h)$ are independent over disjoint intervals. The equation is
shorthand for the integral equation
$$X_t = X_0 + \int_0^t f(X_s, s)\,ds + \int_0^t g(X_s, s)\,dW_s ,$$
where the second integral is Itô's: the integrand is evaluated at the *left* end of
every subinterval of the Riemann sums that define it. The solution is a random process,
not a function: this is the answer to question 2 of the written assignment on sliced score
matching (both students' answers). Score-based
diffusion models (chapters 12–14) noise data forward with such an equation and sample
by integrating another one backward, so they need a numerical method for it.

This chapter builds that method and asks how good it is:

1. Euler's method for ODEs and the one extra term that turns it into
   Euler–Maruyama (question 3 of the same written assignment);
2. Milstein's correction, from the Itô–Taylor expansion;
3. strong and weak orders of convergence, measured on geometric Brownian motion
   against its exact solution driven by the same Brownian path;
4. stability: Dahlquist's test equation for Euler and mean-square stability for
   Euler–Maruyama (assignment 11's answer to the assignment 08 question, first part);
5. divergence of Euler–Maruyama for a drift that grows faster than linearly, although
   the SDE itself is perfectly well behaved (the same answer, second part),
   and the tamed scheme that cures it.

Notation: step $h$, grid $t_n = nh$, $N = T/h$ steps to the horizon $T$, Wiener
increment $\Delta W_n = W_{t_{n+1}} - W_{t_n}$. The exercises are the four one-step
maps (Euler, Euler–Maruyama, Milstein, tamed Euler–Maruyama) in
`exercises/11_sde_euler_maruyama/schemes.hpp`, each taking the SDE through the
library's scalar view `wb::ScalarSde` (drift `f`, diffusion `g`, `g_x` $= \partial_x g$);
the library's path drivers `wb::scalar_path` and `wb::scalar_endpoint` run them along
a path. The sections that draw with them say so. The convergence study, the heaviest computation, runs on the library's
batched solver `wb::step` (common/wb/sde.hpp), vectorised over paths.
*/
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <xtensor/xmath.hpp>
#include <xtensor/xtensor.hpp>
#include <xtensor/xview.hpp>

#include "schemes.hpp"
#include "wb/chapter.hpp"
#include "wb/constants.hpp"
#include "wb/numerics.hpp"
#include "wb/sde.hpp"
#include "wb/special.hpp"
#include "wb/stats.hpp"

namespace {

// One colour per method, the same in every figure (indices into the Okabe–Ito palette).
constexpr int EulerMaruyama = 0;  // Euler–Maruyama (exercise 11.2)
constexpr int Milstein = 1;       // Milstein (exercise 11.3)
constexpr int Tamed = 2;          // tamed Euler–Maruyama (exercise 11.4)
constexpr int Euler = 3;          // Euler on the drift alone (exercise 11.1)
constexpr int Marked = 4;         // the steps and paths the checks single out
constexpr int Exact = 7;          // exact solutions, laws and formulas shared by the schemes

// |X| past which a path of the cubic drift counts as exploded (it overflows a few steps later).
constexpr double Exploded = 1e6;

double dbl(std::size_t n) { return static_cast<double>(n); }

// A scalar SDE from its coefficients (x, t) ↦ value; ∂g/∂x may be omitted for additive noise.
using Coef = wb::PointwiseSde::Coefficient;
wb::PointwiseSde sde_of(Coef f, Coef g, Coef gx = nullptr) { return {std::move(f), std::move(g), std::move(gx)}; }
// The ODE dx/dt = f(x, t) as an SDE without noise (Euler ignores g).
wb::PointwiseSde ode_of(Coef f) { return sde_of(std::move(f), [](double, double) { return 0.0; }); }

// The exercises' one-step maps bound to one SDE, in the form the path drivers of
// wb/sde.hpp call: step(x, t, h) for Euler, step(x, t, h, dW) for the SDE schemes.
auto euler_of(const wb::ScalarSde& ode) {
    return [&ode](double x, double t, double h) { return ch11::euler_step(x, t, h, ode); };
}
auto em_of(const wb::ScalarSde& sde) {
    return [&sde](double x, double t, double h, double dW) { return ch11::em_step(x, t, h, dW, sde); };
}

// Euler–Maruyama (exercise 11.2) frozen once a path has exploded (|x| ≥ Exploded): a
// path of the cubic drift past 10⁶ overflows within a few steps, a frozen one stays finite.
auto em_until_exploded(const wb::ScalarSde& sde) {
    return [&sde](double x, double t, double h, double dW) {
        return std::fabs(x) < Exploded ? ch11::em_step(x, t, h, dW, sde) : x;
    };
}
auto tamed_of(const wb::ScalarSde& sde) {
    return [&sde](double x, double t, double h, double dW) { return ch11::tamed_em_step(x, t, h, dW, sde); };
}
// The Brownian increments ΔW_0 … ΔW_{steps−1} ~ N(0, h) of one path.
std::vector<double> increments(wb::Rng& rng, std::size_t steps, double h) {
    std::vector<double> dW(steps);
    for (auto& w : dW) w = std::sqrt(h) * rng.normal();
    return dW;
}

// GBM on common Brownian paths (wb::coupled_paths): n paths driven by the same
// increments on grids h = 2^{l−K}·T, l = 0 … levels − 1 (the fine grid has 2^K steps;
// coarser increments are sums of finer ones). x[scheme][l] (n) holds the paths' end
// points X^h_T on grid l; W (n) their Brownian end points W_T, from which the exact X_T
// follows.
wb::CoupledPaths coupled_gbm(wb::Section& s, const wb::Sde& gbm, double x0, double T, int K, int levels,
                             std::size_t n, const std::vector<wb::Scheme>& schemes) {
    return wb::coupled_paths(gbm, schemes, x0, T, K, levels, n, s.rng(),
                             [&s](std::size_t done, std::size_t total) { s.progress(done, total); });
}

// The mean of v (n ≥ (g + 1)·per) over group g of consecutive paths, [g·per, (g + 1)·per).
double group_mean(const wb::Vec& v, std::size_t g, std::size_t per) {
    double m = 0.0;
    for (std::size_t i = g * per; i < (g + 1) * per; ++i) m += v(i);
    return m / dbl(per);
}

// log(2Φ(−z)), the log of a two-sided normal tail, without underflow.
double log_two_tail(double z) { return wb::Ln2 + wb::log_normal_cdf(-z); }

// The legend of a fitted slope with its 95% half-width, "what: slope 0.995 ± 0.003".
std::string slope_label(const std::string& what, wb::Estimate slope) {
    return fmt::format("{}: slope {:.3f} ± {:.3f}", what, slope.value, wb::Z95 * slope.se);
}

// The 95% half-widths Z95·se of a list of standard errors.
std::vector<double> ci95(std::vector<double> se) {
    for (auto& v : se) v *= wb::Z95;
    return se;
}

}  // namespace

int main(int argc, char** argv) {
    wb::Chapter ch("11", "SDEs and the Euler–Maruyama method");

    /*md
    ## 1. From Euler to Euler–Maruyama

    **Euler for ODEs.** For $x' = f(x, t)$, integrate over one step,
    $x(t+h) = x(t) + \int_t^{t+h} f(x(s), s)\,ds$, and freeze the integrand at the left
    end of the interval:
    $$x_{n+1} = x_n + h\,f(x_n, t_n).$$
    The frozen integrand is wrong by $O(h)$ over an interval of length $h$, so each step
    errs by $O(h^2)$ (the *local* error); $N = T/h$ such errors add up to a *global*
    error $O(h)$: Euler is a first-order method. On Dahlquist's test equation
    $y' = \lambda y$ the scheme is the recursion $y_{n+1} = (1 + h\lambda)\,y_n$, so
    $y_N = (1 + h\lambda)^N y_0$ exactly, against $e^{\lambda T} y_0$. The first checks
    run exercise 11.1 on it.

    **Euler–Maruyama.** Apply the same left-point rule to *both* integrals of the SDE.
    The drift integral becomes $h\,f(X_n, t_n)$ as before; the Itô integral, whose
    Riemann sums are themselves left-point sums, becomes
    $g(X_n, t_n)\,(W_{t_{n+1}} - W_{t_n})$:
    $$X_{n+1} = X_n + h\,f(X_n, t_n) + g(X_n, t_n)\,\Delta W_n,\qquad
    \Delta W_n \sim N(0, h)\ \text{independent}.$$
    That is the whole extension (question 3 of the written assignment): one extra term, $g\,\Delta W$, whose
    random increment is drawn as $\sqrt h\,Z$ with $Z \sim N(0,1)$. The scaling is
    $\sqrt h$, not $h$: the increments' variances add, $N$ steps of variance $h$ give
    $\operatorname{Var} W_T = T$ whatever $h$, while $N$ steps of size $h\,Z$ would give
    variance $T h \to 0$. With $g = 0$ the scheme is Euler's.

    **Why a deterministic scheme cannot reproduce the spread.** Take the
    Ornstein–Uhlenbeck process $dX = -\theta X\,dt + \sigma\,dW$ started from
    $N(m_0, s_0^2)$, where $s_0^2 = \sigma^2/(2\theta)$ is the stationary variance.
    Its exact solution has
    $\operatorname{Var} X_T = e^{-2\theta T}s_0^2 + \frac{\sigma^2}{2\theta}(1 - e^{-2\theta T}) = s_0^2$:
    the noise keeps replenishing the spread that the drift removes. Euler on the drift
    alone maps $X_0$ to $(1-\theta h)^N X_0$, a deterministic map, so its endpoint variance
    is $(1-\theta h)^{2N}s_0^2 \to e^{-2\theta T}s_0^2$: the spread only decays. EM's
    endpoint variance follows the exact recursion
    $$V_{n+1} = (1-\theta h)^2 V_n + \sigma^2 h,$$
    (the step is linear in $X_n$ and in the independent $\Delta W_n$), whose fixed
    point $\sigma^2 h / (1 - (1-\theta h)^2) = \frac{\sigma^2}{2\theta}\,\frac{1}{1 - \theta h/2}$
    is the exact one up to $O(h)$. The checks run exercise 11.2 on $n$ paths and compare
    both sample variances with these formulas; the control asks Euler for the exact
    spread and must be rejected.

    ![A deterministic scheme (Euler) against Euler–Maruyama for an Ornstein–Uhlenbeck process](ode_vs_sde.svg)
    */
    ch.section("euler-to-em", "From Euler to Euler–Maruyama  [exercises 11.1, 11.2]", [](wb::Section& s) {
        // Dahlquist's test equation, through exercise 11.1.
        {
            const double lambda = -1.0, h = 0.1;
            const std::size_t N = 10;
            const auto test = ode_of([lambda](double y, double) { return lambda * y; });
            const double y = wb::ode_path(euler_of(test), 1.0, 0.0, h, N).back();
            s.exact("Euler on y' = λy: y_N = (1 + hλ)^N y_0", y, std::pow(1.0 + h * lambda, N), 1e-12);

            // Global error at T = 1 for h = 2^-3 .. 2^-8: the fitted log–log slope is the order.
            std::vector<double> hs, errs;
            for (int k = 3; k <= 8; ++k) {
                const std::size_t steps = std::size_t{1} << k;
                const double hk = 1.0 / dbl(steps);
                const double yk = wb::ode_path(euler_of(test), 1.0, 0.0, hk, steps).back();
                hs.push_back(hk);
                errs.push_back(std::fabs(yk - std::exp(lambda)));
            }
            s.exact("Euler's global error ∝ h¹ (log–log slope, h = 2⁻³…2⁻⁸)", wb::fit_loglog(hs, errs).slope, 1.0, 0.02);
        }

        // The Wiener increment: ΔW = √h Z has mean 0 and variance h.
        {
            const double h = 0.01;
            xt::xtensor<double, 1> dW = xt::empty<double>({s.size(100000, 1000000)});
            s.rng().fill_normal(dW);
            dW *= std::sqrt(h);
            s.monte_carlo("E ΔW = 0", wb::mean_se(dW), 0.0, {.scale = std::sqrt(h)});
            s.monte_carlo("Var ΔW = h", wb::variance_se(dW), h);
        }

        // Ornstein–Uhlenbeck from its stationary spread: Euler (11.1) vs EM (11.2) on n paths.
        const double theta = 2.0, sigma = 1.0, T = 1.0, h = 0.02, m0 = 2.0;
        const double s0 = sigma / std::sqrt(2.0 * theta);  // stationary standard deviation
        const auto N = static_cast<std::size_t>(std::lround(T / h));
        const wb::OrnsteinUhlenbeck ou(theta, sigma);
        const std::size_t n = s.size(20000, 200000);
        wb::Vec x_em = xt::empty<double>({n}), x_eu = xt::empty<double>({n});
        for (std::size_t i = 0; i < n; ++i) {
            const double x0 = m0 + s0 * s.rng().normal();
            x_eu(i) = wb::ode_path(euler_of(ou), x0, 0.0, h, N).back();
            x_em(i) = wb::scalar_endpoint(em_of(ou), x0, 0.0, h, N, s.rng());
        }
        const double a = 1.0 - theta * h;
        double V = s0 * s0;  // the EM variance recursion V_{n+1} = a² V_n + σ² h
        for (std::size_t k = 0; k < N; ++k) V = a * a * V + sigma * sigma * h;
        const double var_exact = s0 * s0;  // e^{−2θT} s0² + σ²(1 − e^{−2θT})/(2θ)
        const double var_euler = std::pow(a, 2.0 * dbl(N)) * s0 * s0;
        s.monte_carlo("EM: E X_N = (1 − θh)^N m_0", wb::mean_se(x_em), std::pow(a, dbl(N)) * m0);
        s.monte_carlo("EM: Var X_N = V_N (exact recursion)", wb::variance_se(x_em), V);
        // The recursion's closed form, V_N − V_∞ = a^{2N}(V_0 − V_∞) with V_∞ = s_0²/(1 − θh/2):
        // its O(h) bias relative to the exact variance, from a second route.
        const double bias = (1.0 - std::pow(a, 2.0 * dbl(N))) * theta * h / (2.0 - theta * h);
        s.exact("V_N / Var X_T − 1 = (1 − (1 − θh)^{2N}) θh/(2 − θh)  (closed form, O(h))", V / var_exact - 1.0, bias,
                1e-9);
        s.monte_carlo("Euler: Var x_N = (1 − θh)^{2N} s_0²", wb::variance_se(x_eu), var_euler);
        s.control().monte_carlo("Euler reproduces the spread: Var x_N = Var X_T", wb::variance_se(x_eu), var_exact);
        s.note(fmt::format("OU θ = {}, σ = {}, h = {}, T = {}: Var X_T = {:.4f}, EM's V_N = {:.4f}, Euler's {:.5f}",
                           theta, sigma, h, T, var_exact, V, var_euler));

        // Figure: a few paths from x_0 = m_0, and the endpoint histograms.
        wb::Figure fig("ode_vs_sde", "Euler (drift only) vs Euler–Maruyama: dX = −2X dt + dW", 1, 2);
        auto& paths = fig.panel(0).xlabel("t").ylabel("X_t").key("top right");
        const std::vector<double> tt = wb::linspace(0.0, T, N + 1);
        for (int p = 0; p < 6; ++p)
            paths.line(tt, wb::scalar_path(em_of(ou), m0, 0.0, h, N, s.rng()), p == 0 ? "Euler–Maruyama paths" : "", EulerMaruyama);
        paths.line(tt, wb::ode_path(euler_of(ou), m0, 0.0, h, N), "Euler (g dropped)", Euler);
        const double mT = std::exp(-theta * T) * m0;
        auto he = wb::histogram(x_em, mT - 2.0, mT + 2.0, 60);
        auto hd = wb::histogram(x_eu, mT - 2.0, mT + 2.0, 60);
        const std::vector<double> xg = wb::linspace(mT - 2.0, mT + 2.0, 201);
        std::vector<double> pg;
        for (double x : xg) pg.push_back(wb::normal_pdf(x, mT, s0 * s0));
        fig.panel(1).xlabel("X_T").ylabel("density").title(fmt::format("endpoints at T = {} from N(m_0, s_0^2)", T))
            .steps(he.edges, he.density, "Euler–Maruyama", EulerMaruyama)
            .steps(hd.edges, hd.density, "Euler (g dropped)", Euler)
            .line(xg, pg, "exact law of X_T", Exact);
        s.save(fig);
    });

    /*md
    ## 2. Milstein's correction

    Euler–Maruyama freezes $g(X_s)$ at the start of the step. Its own Itô expansion
    (Itô's formula applied to $g(X_s)$) shows what that drops: for $s \in [t_n, t_{n+1}]$,
    $$g(X_s) = g(X_n) + g'(X_n)\,g(X_n)\,(W_s - W_{t_n}) + O(h),$$
    (the $O(h)$ collects $ds$ terms), and the first correction is of size
    $\sqrt h$, larger than anything the drift contributes. Keeping it adds
    $g g' \int_{t_n}^{t_{n+1}} (W_s - W_{t_n})\,dW_s$ to the step. This double Itô
    integral is *not* $\frac12 \Delta W^2$ as ordinary calculus would say: on $m$
    substeps of size $\delta = h/m$ the Itô sum is
    $$I_m = \sum_k W_k\,\delta W_k = \tfrac12\Big(\Delta W^2 - \sum_k \delta W_k^2\Big)$$
    ($W_k$ the Brownian motion at substep $k$ measured from the start of the step; the
    identity telescopes $W_{k+1}^2 - W_k^2 = 2W_k\,\delta W_k + \delta W_k^2$), and $\sum_k \delta W_k^2 \to h$ with
    $E\big[(I_m - \tfrac12(\Delta W^2 - h))^2\big] = \tfrac14\operatorname{Var}\sum_k\delta W_k^2 = h^2/(2m)$.
    Hence $\int (W_s - W_{t_n})\,dW_s = \frac12(\Delta W^2 - h)$, and **Milstein's scheme**
    (Milstein 1974; Kloeden & Platen 1992) is
    $$X_{n+1} = X_n + h f + g\,\Delta W + \tfrac12\,g\,\partial_x g\,(\Delta W^2 - h).$$
    The $-h$ keeps the correction's mean at zero; the control drops it (ordinary chain
    rule) and must be rejected.

    **Local errors.** For geometric Brownian motion $dX = \mu X\,dt + sX\,dW$ the exact
    step is $X_{n+1} = X_n \exp((\mu - s^2/2)h + s\,\Delta W)$, so the one-step error of
    each scheme is a function of one Gaussian $\Delta W$, integrated here by quadrature
    (no sampling). Expanding the exponential: EM misses $\frac12 s^2(\Delta W^2 - h)X_n$,
    so its local root-mean-square error is $\propto h$; Milstein keeps that term and
    misses terms like $\mu s\,h\,\Delta W$ and $\frac16 s^3\Delta W^3$, of size
    $h^{3/2}$. The local *mean* error is $X_n(e^{\mu h} - 1 - \mu h) \propto h^2$ for
    both, since their means agree. Milstein's fundamental convergence theorems (Milstein
    & Tretyakov 2004; Kloeden & Platen 1992 for the strong and weak orders of these
    schemes) turn local into global orders: a local rms error $O(h^{p+1/2})$
    together with a local mean error $O(h^{p+1})$ gives global strong order $p$, and a
    local error $O(h^{q+1})$ in the mean of smooth test functions gives global weak
    order $q$. So EM should have strong order ½ and weak order 1,
    Milstein strong order 1 and weak order 1 — what section 3 measures.

    ![Local one-step errors on geometric Brownian motion (quadrature, no sampling)](local_errors.svg)
    */
    ch.section("milstein", "Milstein's correction and local errors  [exercises 11.2, 11.3]", [](wb::Section& s) {
        // The Itô sum of W dW on m substeps against ½(ΔW² − h).
        {
            const double h = 0.1;
            const int m = 16;
            const std::size_t n = s.size(40000, 400000);
            wb::Vec gap2 = xt::empty<double>({n}), ito = xt::empty<double>({n}), naive = xt::empty<double>({n});
            const double sd = std::sqrt(h / m);
            for (std::size_t i = 0; i < n; ++i) {
                double W = 0.0, I = 0.0;
                for (int k = 0; k < m; ++k) {
                    const double dw = sd * s.rng().normal();
                    I += W * dw;  // left point: Itô
                    W += dw;
                }
                const double gap = I - 0.5 * (W * W - h);
                gap2(i) = gap * gap;
                ito(i) = I;
                naive(i) = 0.5 * W * W;
            }
            s.monte_carlo("E(I_m − ½(ΔW² − h))² = h²/(2m)", wb::mean_se(gap2), h * h / (2.0 * m));
            s.monte_carlo("E I_m = E ∫W dW = 0", wb::mean_se(ito), 0.0, {.scale = 0.5 * h});
            s.control().monte_carlo("ordinary chain rule: E I_m = E ½ΔW²", wb::paired_difference(ito, naive), 0.0,
                                    {.scale = 0.5 * h});
        }

        // GBM one-step maps through the exercises, integrated over ΔW = √h z.
        const double mu = 2.0, sg = 1.0, x0 = 1.0;
        const wb::GeometricBrownian gbm(mu, sg);
        {
            const double h = 0.1, r = std::sqrt(h);
            // Milstein's step is quadratic in ΔW: the 3-point Gauss–Hermite rule is exact to degree 5.
            const double a = ch11::milstein_step(x0, 0, h, 0.0, gbm);
            const double b = ch11::milstein_step(x0, 0, h, std::sqrt(3.0) * r, gbm);
            const double c = ch11::milstein_step(x0, 0, h, -std::sqrt(3.0) * r, gbm);
            s.exact("Milstein: E X_1 = (1 + μh) X_0", (2 * a + (b + c) / 2) / 3, (1 + mu * h) * x0, 1e-12);
            s.exact("Milstein: E X_1² = ((1+μh)² + s²h + ½s⁴h²) X_0²", (2 * a * a + (b * b + c * c) / 2) / 3,
                    ((1 + mu * h) * (1 + mu * h) + sg * sg * h + 0.5 * std::pow(sg, 4) * h * h) * x0 * x0, 1e-12);
        }
        std::vector<double> hs, rms_em, rms_mil, mean_em, mean_bad;
        for (int k = 8; k <= 16; ++k) {
            const double h = std::ldexp(1.0, -k), r = std::sqrt(h);
            auto exact = [&](double z) { return x0 * std::exp((mu - 0.5 * sg * sg) * h + sg * r * z); };
            hs.push_back(h);
            rms_em.push_back(std::sqrt(wb::gauss_expect([&](double z) {
                const double e = exact(z) - ch11::em_step(x0, 0, h, r * z, gbm);
                return e * e;
            })));
            rms_mil.push_back(std::sqrt(wb::gauss_expect([&](double z) {
                const double e = exact(z) - ch11::milstein_step(x0, 0, h, r * z, gbm);
                return e * e;
            })));
            mean_em.push_back(
                std::fabs(wb::gauss_expect([&](double z) { return exact(z) - ch11::em_step(x0, 0, h, r * z, gbm); })));
            // The control variant: ½ g g' ΔW² without the −h (ordinary chain rule).
            mean_bad.push_back(std::fabs(wb::gauss_expect([&](double z) {
                const double dW = r * z;
                return exact(z) - (x0 + h * mu * x0 + sg * x0 * dW + 0.5 * sg * sg * x0 * dW * dW);
            })));
        }
        const double s_em = wb::fit_loglog(hs, rms_em).slope, s_mil = wb::fit_loglog(hs, rms_mil).slope;
        const double s_mean = wb::fit_loglog(hs, mean_em).slope, s_bad = wb::fit_loglog(hs, mean_bad).slope;
        s.exact("EM local rms error ∝ h^1 (slope, h = 2⁻⁸…2⁻¹⁶)", s_em, 1.0, 0.02);
        s.exact("Milstein local rms error ∝ h^{3/2}", s_mil, 1.5, 0.02);
        s.exact("EM (= Milstein) local mean error ∝ h²", s_mean, 2.0, 0.02);
        s.control().exact("Milstein without −h: local mean error ∝ h²", s_bad, 2.0, 0.02);

        wb::Figure fig("local_errors", "One-step errors on GBM (μ = 2, s = 1, X_0 = 1)");
        fig.size(720, 520);
        // The control's variant is a wrong Milstein step: Milstein's colour, dashed.
        fig.panel().logx().logy().xlabel("step h").ylabel("one-step error").yrange(1e-12, 1e-2).key(wb::KeyPlace::Best)
            .linepoints(hs, rms_em, fmt::format("EM, rms: slope {:.2f}", s_em), EulerMaruyama)
            .linepoints(hs, rms_mil, fmt::format("Milstein, rms: slope {:.2f}", s_mil), Milstein)
            .linepoints(hs, mean_em, fmt::format("EM and Milstein, mean: slope {:.2f}", s_mean), Exact)
            .dashed(hs, mean_bad, fmt::format("Milstein without -h, mean: slope {:.2f}", s_bad), Milstein);
        s.save(fig);
    });

    /*md
    ## 3. Strong and weak convergence on geometric Brownian motion

    Two questions measure a scheme. **Strong** error: how close is the numerical path
    to the true path driven by the *same* Brownian motion,
    $\varepsilon_s(h) = E\,|X_T - X^h_T|$? **Weak** error: how close are the
    *distributions*, $\varepsilon_w(h) = |E f(X_T) - E f(X^h_T)|$ for test functions
    $f$? A scheme has strong (weak) order $p$ if $\varepsilon \le C h^p$. Sampling of
    diffusion models needs only the weak error; path-wise uses (filtering, coupling,
    multilevel Monte Carlo) need the strong one.

    GBM $dX = \mu X\,dt + sX\,dW$ has the exact solution
    $X_T = X_0 \exp((\mu - s^2/2)T + s W_T)$. We draw the Brownian path on a fine grid of
    $2^K$ steps and sum consecutive increments to get the path on every coarser grid
    ($h = 2^{-k}$), so all step sizes and the exact solution see the same noise: these
    *common random numbers* are what make the strong error measurable at all. All paths
    advance together (one array per grid), the increments come from the workbook's
    sampler, and each step is the library's `wb::step`, whose cost is close to that of
    drawing its normals (`bench_common`: `BM_EulerMaruyamaStep` vs `BM_NormalFill`).

    **Weak errors, made decisive.** $E\,X_T = X_0 e^{\mu T}$ and $E\,X_T^2 = X_0^2 e^{(2\mu + s^2)T}$
    are known, and both schemes' moments obey exact recursions (the step multiplies
    $X_n$ by a factor independent of it): $E X_{n+1} = (1 + \mu h)\,E X_n$ for both,
    since Milstein's correction has mean zero, and
    $$E X_{n+1}^2 = \big((1+\mu h)^2 + s^2 h\big)\,E X_n^2\ \text{(EM)},\qquad
    \big((1+\mu h)^2 + s^2 h + \tfrac12 s^4h^2\big)\,E X_n^2\ \text{(Milstein)}.$$
    So the weak errors for $f(x) = x$ and $f(x) = x^2$ are known exactly, e.g.
    $\varepsilon_w = X_0\,|e^{\mu T} - (1 + \mu h)^N| \approx X_0 e^{\mu T}\mu^2 T h/2$,
    all $\propto h$ as $h \to 0$. *Measuring* them is another matter. A plain Monte
    Carlo estimate of $E f(X^h_T)$ has a standard error $\operatorname{sd} f(X_T)/\sqrt n$
    that swamps an $O(h)$ difference. Estimating the difference
    $E[f(X^h_T) - f(X_T)]$ path by path on common noise helps: its standard error is of
    the order of the strong error over $\sqrt n$. For Milstein that is $O(h)/\sqrt n$,
    the same fraction of the weak error at every step, and a few $10^4$ paths make every
    estimate decisive. For EM it is $O(\sqrt h)/\sqrt n$: relative to the weak error it
    grows like $1/\sqrt{nh}$ — a practical reason to care about strong order even when
    only distributions matter. EM's weak error is still measured on EM's own paths:
    $\operatorname{Var}(X^h_T - X_T) = O(s^4 h)$ while the weak error for $f(x) = x$,
    $X_0((1+\mu h)^N - e^{\mu T})$, depends on $\mu$ alone, so a second run with
    $s = \tfrac12$ and $h = 2^{-7} \dots 2^{-3}$ makes each estimate decisive with
    $4\cdot10^4$–$8\cdot10^4$ paths. The checks compare the Milstein and EM estimates
    with the exact formulas at every step, fit the weak orders from the Monte Carlo
    errors, and check that EM's exact weak error for $f(x) = x^2$ halves with $h$.

    **Fitted orders.** The slope's standard error combines the scatter about the fitted
    line and the spread of the slopes fitted to ten independent groups of paths
    (`wb::loglog_slope_groups`; its critical value is Student's with one degree of
    freedom fewer than the number of steps); the figure shows ±1.96 se. A slope fitted over a finite range also carries
    pre-asymptotic curvature; the steps $h = 2^{-10} \dots 2^{-5}$ ($2^{-9} \dots 2^{-5}$
    under `--quick`) are fine enough that it stays below the statistical resolution,
    except for $f(x) = x^2$ and for EM's coarse steps, whose Monte Carlo slopes are
    compared with the slopes of the exact errors over the same steps. The controls ask
    whether EM's strong order could be 1 (the ODE intuition), Milstein's strong order ½,
    or EM's weak order ½ (its strong order), and must be rejected.

    ![Strong and weak errors against the step, with fitted slopes and 95% intervals](convergence.svg)
    */
    ch.section("convergence", "Strong and weak orders on GBM  [library solver]", [](wb::Section& s) {
        const double mu = 1.0, sg = 1.0, x0 = 1.0, T = 1.0;
        const wb::GeometricBrownian gbm(mu, sg);
        const int K = s.quick() ? 9 : 10;      // finest grid: 2^K steps
        const int levels = s.quick() ? 5 : 6;  // h = 2^-K … 2^-(K-levels+1)
        const std::size_t groups = 10, per_group = s.size(3800, 4500), n = groups * per_group;
        const std::size_t fine = std::size_t{1} << K;
        const wb::CoupledPaths run =
            coupled_gbm(s, gbm, x0, T, K, levels, n, {wb::Scheme::EulerMaruyama, wb::Scheme::Milstein});
        const std::vector<wb::Vec>&x_em = run.x[0], &x_mil = run.x[1];
        const wb::Vec& W = run.W;

        // Errors per grid, over all paths and per group of paths.
        const wb::Vec XT = x0 * xt::exp((mu - 0.5 * sg * sg) * T + sg * W);
        const wb::Vec XT2 = XT * XT;
        std::vector<double> hs, e_em, se_em, e_mil, se_mil;
        std::vector<double> w1, w1se, w2, w2se, x1_mil, x2_mil, x2_em;
        std::vector<std::vector<double>> g_em(groups), g_mil(groups), g_w1(groups), g_w2(groups);
        for (int l = 0; l < levels; ++l) {
            const std::size_t steps = fine >> l;
            const double h = T / dbl(steps), N = dbl(steps);
            const wb::Vec& em = x_em[l];
            const wb::Vec& mil = x_mil[l];
            const wb::Vec a_em = xt::abs(em - XT), a_mil = xt::abs(mil - XT);
            const wb::Vec d1 = mil - XT, d2 = mil * mil - XT2;
            hs.push_back(h);
            const auto s_em = wb::mean_se(a_em), s_mil = wb::mean_se(a_mil);
            e_em.push_back(s_em.value);
            se_em.push_back(s_em.se);
            e_mil.push_back(s_mil.value);
            se_mil.push_back(s_mil.se);
            // Weak errors: exact moment recursions, and Milstein's on common noise.
            const double r1 = 1 + mu * h, r2_em = r1 * r1 + sg * sg * h, r2_mil = r2_em + 0.5 * std::pow(sg, 4) * h * h;
            const double m1T = x0 * std::exp(mu * T), m2T = x0 * x0 * std::exp((2 * mu + sg * sg) * T);
            x1_mil.push_back(std::fabs(x0 * std::pow(r1, N) - m1T));
            x2_mil.push_back(std::fabs(x0 * x0 * std::pow(r2_mil, N) - m2T));
            x2_em.push_back(std::fabs(x0 * x0 * std::pow(r2_em, N) - m2T));
            const auto m1 = wb::mean_se(d1), m2 = wb::mean_se(d2);
            s.monte_carlo(fmt::format("Milstein, h = 2^-{}: E X^h_T − E X_T = X_0((1+μh)^N − e^{{μT}})", K - l), m1,
                          x0 * std::pow(r1, N) - m1T);
            w1.push_back(std::fabs(m1.value));
            w1se.push_back(m1.se);
            w2.push_back(std::fabs(m2.value));
            w2se.push_back(m2.se);
            for (std::size_t gi = 0; gi < groups; ++gi) {
                g_em[gi].push_back(group_mean(a_em, gi, per_group));
                g_mil[gi].push_back(group_mean(a_mil, gi, per_group));
                g_w1[gi].push_back(std::fabs(group_mean(d1, gi, per_group)));
                g_w2[gi].push_back(std::fabs(group_mean(d2, gi, per_group)));
            }
        }
        const wb::Estimate p_em = wb::loglog_slope_groups(hs, e_em, g_em).slope;
        const wb::Estimate p_mil = wb::loglog_slope_groups(hs, e_mil, g_mil).slope;
        const wb::Estimate q1 = wb::loglog_slope_groups(hs, w1, g_w1).slope;
        const wb::Estimate q2 = wb::loglog_slope_groups(hs, w2, g_w2).slope;
        // EM's exact weak error for f = x² halves with h: the local slope at the finest grids.
        const double q2_em = std::log2(x2_em[1] / x2_em[0]);
        s.monte_carlo("EM strong order: slope of E|X_T − X^h_T| = ½", p_em, 0.5);
        s.monte_carlo("Milstein strong order: slope = 1", p_mil, 1.0);
        s.monte_carlo("Milstein weak order (f = x): slope = 1", q1, 1.0);
        const double q2_mil = wb::fit_loglog(hs, x2_mil).slope;
        s.monte_carlo("Milstein weak slope (f = x²) = slope of the exact errors", q2, q2_mil);
        s.exact(fmt::format("EM weak order (f = x², exact): log₂ ε(2h)/ε(h) = 1 + O(h) at h = 2^-{} (tol. 8h)", K),
                q2_em, 1.0, 8.0 * hs[0]);
        s.control().monte_carlo("EM strong order = 1 (as for ODEs)", p_em, 1.0);
        s.control().monte_carlo("Milstein strong order = ½", p_mil, 0.5);
        s.note(fmt::format("GBM μ = {}, s = {}, T = {}; {} paths, h = 2^-{} … 2^-{}", mu, sg, T, n, K, K - levels + 1));

        // EM's weak error on its own paths, coupled with the exact solution on the same
        // Brownian path: Var(X^h_T − X_T) = O(s⁴h) while the weak error for f = x,
        // X_0((1+μh)^N − e^{μT}), depends on μ alone; s = ½ makes it decisive at modest n.
        const double s_w = 0.5;
        const int K_w = 7, levels_w = 5;  // h = 2^-7 … 2^-3
        const std::size_t per_w = s.size(4000, 8000), n_w = groups * per_w;
        const wb::CoupledPaths run_w =
            coupled_gbm(s, wb::GeometricBrownian(mu, s_w), x0, T, K_w, levels_w, n_w, {wb::Scheme::EulerMaruyama});
        const wb::Vec XT_w = x0 * xt::exp((mu - 0.5 * s_w * s_w) * T + s_w * run_w.W);
        std::vector<double> h_w, e_w, se_w, exact_w;
        std::vector<std::vector<double>> g_ew(groups);
        for (int l = 0; l < levels_w; ++l) {
            const double h = std::ldexp(T, l - K_w), N = T / h;
            const wb::Vec d = run_w.x[0][static_cast<std::size_t>(l)] - XT_w;
            const wb::Estimate m = wb::mean_se(d);
            const double exact = x0 * (std::pow(1 + mu * h, N) - std::exp(mu * T));
            s.monte_carlo(fmt::format("EM (s = {}), h = 2^-{}: E X^h_T − E X_T = X_0((1+μh)^N − e^{{μT}})", s_w, K_w - l),
                          m, exact);
            h_w.push_back(h);
            e_w.push_back(std::fabs(m.value));
            se_w.push_back(m.se);
            exact_w.push_back(std::fabs(exact));
            for (std::size_t gi = 0; gi < groups; ++gi) g_ew[gi].push_back(std::fabs(group_mean(d, gi, per_w)));
        }
        const wb::Estimate q_em = wb::loglog_slope_groups(h_w, e_w, g_ew).slope;
        s.monte_carlo("EM weak slope (f = x, own paths, h = 2^-7…2^-3) = slope of the exact errors", q_em,
                      wb::fit_loglog(h_w, exact_w).slope);
        s.control().monte_carlo("EM weak order = ½ (its strong order)", q_em, 0.5);
        s.note(fmt::format("EM's weak error on its own paths: GBM μ = {}, s = {}, {} paths, h = 2^-{} … 2^-{}", mu, s_w,
                           n_w, K_w, K_w - levels_w + 1));

        // Figure: errors with 95% bars, fitted lines.
        auto fitted = [&](const std::vector<double>& e) {
            const wb::LineFit f = wb::fit_loglog(hs, e);
            std::vector<double> y;
            for (double h : hs) y.push_back(std::exp(f.intercept) * std::pow(h, f.slope));
            return y;
        };
        const double xlo = hs.front() / 1.6, xhi = h_w.back() * 1.6;
        std::vector<double> h_x1, x1_exact;  // the exact weak error for f = x over both ranges of steps
        for (int k = K; k >= K_w - levels_w + 1; --k) {
            const double h = std::ldexp(T, -k);
            h_x1.push_back(h);
            x1_exact.push_back(x0 * std::fabs(std::pow(1 + mu * h, T / h) - std::exp(mu * T)));
        }
        std::vector<double> h_w_right;  // EM's points beside Milstein's, not on top of them
        for (double h : h_w) h_w_right.push_back(1.1 * h);
        wb::Figure fig("convergence",
                       fmt::format("Geometric Brownian motion (μ = {}, s = {}, T = {}) on common Brownian paths; bars: 95%",
                                   mu, sg, T),
                       1, 2);
        fig.size(1200, 520);
        fig.panel(0).title("strong error E|X_T − X^h_T|").logx().logy().xlabel("step h").ylabel("error")
            .key(wb::KeyPlace::Best)
            .xrange(xlo, xhi)
            .errorbars(hs, e_em, ci95(se_em), "", EulerMaruyama)
            .dashed(hs, fitted(e_em), slope_label("Euler–Maruyama", p_em), EulerMaruyama)
            .errorbars(hs, e_mil, ci95(se_mil), "", Milstein)
            .dashed(hs, fitted(e_mil), slope_label("Milstein", p_mil), Milstein);
        fig.panel(1).title("weak error |E f(X^h_T) − E f(X_T)|, f = x or x^2").logx().logy().xlabel("step h").ylabel("error")
            .key("bottom right").xrange(xlo, xhi).yrange(1e-6, 10)
            .line(hs, x2_em, "x^2: EM, exact", EulerMaruyama)
            .dashed(hs, x2_mil, "x^2: Milstein, exact", Milstein)
            .errorbars(hs, w2, ci95(w2se), slope_label("x^2: Milstein, MC", q2), Milstein)
            .line(h_x1, x1_exact, "x: EM = Milstein, exact", Exact)
            .errorbars(h_w_right, e_w, ci95(se_w), slope_label("x: EM (s = 0.5, at 1.1h), MC", q_em), EulerMaruyama)
            .errorbars(hs, w1, ci95(w1se), slope_label("x: Milstein, MC", q1), Milstein);
        s.save(fig);
    });

    /*md
    ## 4. Stability: Dahlquist's test equation and mean-square stability

    Convergence is a statement about $h \to 0$; stability asks what happens at the step
    one can afford. For ODEs the yardstick is **Dahlquist's test equation**
    $y' = \lambda y$ with $\operatorname{Re}\lambda < 0$, whose solutions decay. Euler
    gives $y_n = (1 + h\lambda)^n y_0$, which decays if and only if
    $$|1 + h\lambda| < 1,$$
    the disk of radius 1 about $-1$ in the complex $h\lambda$ plane. For real
    $\lambda < 0$ that is $h < 2/|\lambda|$: a stiff equation (large $|\lambda|$) forces a
    tiny step although its solution is boring. The checks take $\lambda = -10$ and
    $h\lambda = -1.5$ (inside) and $-2.5$ (outside) through exercise 11.1.

    For SDEs the analogue (the assignment 08 question) is the linear test equation with
    multiplicative noise,
    $$dX = \lambda X\,dt + \mu X\,dW .$$
    Its second moment solves $\frac{d}{dt}E X^2 = (2\lambda + \mu^2)\,E X^2$ (Itô's
    formula: $d(X^2) = 2X\,dX + \mu^2X^2\,dt$), so the SDE is **mean-square stable**,
    $E X_t^2 \to 0$, if and only if $2\lambda + \mu^2 < 0$. One EM step is
    $X_{n+1} = (1 + h\lambda + \mu\,\Delta W_n)\,X_n$ with $\Delta W_n$ independent of
    $X_n$, so
    $$E X_{n+1}^2 = E(1 + h\lambda + \mu\Delta W_n)^2\;E X_n^2 = \big(|1 + h\lambda|^2 + h\mu^2\big)\,E X_n^2,$$
    exactly, and EM is mean-square stable if and only if
    $$|1 + h\lambda|^2 + h\mu^2 < 1$$
    (Higham 2000; Higham 2001). For real $\lambda$
    this is $h < -(2\lambda + \mu^2)/\lambda^2$. Noise *shrinks* the stable region: the
    term $h\mu^2$ pushes the factor up, so a step for which Euler on the drift alone is
    perfectly stable ($|1 + h\lambda| < 1$) can make EM's second moment explode. The
    example is Higham's, $\lambda = -3$, $\mu = \sqrt 3$: the SDE is stable
    ($2\lambda + \mu^2 = -3$), EM is stable for $h < 1/3$ and unstable beyond; at
    $h = 1/2$, $|1 + h\lambda| = 1/2$ but the factor is $1.75$.

    The checks integrate one step of exercise 11.2 exactly (the step is affine in
    $\Delta W$, so the two-point rule $\Delta W = \pm\sqrt h$ gives $E X_1^2$ without
    error), then simulate $E X_3^2$ on both sides of the boundary, and sweep the
    one-step factor across $h$. The control drops $h\mu^2$ — the ODE intuition that
    stability is a property of the drift — and must be rejected. (Only three steps:
    $X_n^2$ is a product of $n$ independent heavy-tailed factors whose variance grows like
    $(E F^4 / (E F^2)^2)^n$, so longer horizons need astronomically many paths to estimate
    a mean square — itself a lesson about multiplicative noise.)

    ![Stability regions of Euler (ODE) and of the SDE and EM in mean square; simulated second moments](stability.svg)
    */
    ch.section("stability", "Dahlquist and mean-square stability  [exercises 11.1, 11.2]", [](wb::Section& s) {
        // Euler on y' = λy, λ = −10, 40 steps, inside and outside |1 + hλ| < 1 (exercise 11.1).
        const double lam_d = -10.0;
        const auto stiff = ode_of([lam_d](double y, double) { return lam_d * y; });
        double y_in = 0.0, y_out = 0.0;
        for (double h : {0.15, 0.25}) {
            const double y = wb::ode_path(euler_of(stiff), 1.0, 0.0, h, 40).back();
            s.exact(fmt::format("Euler, hλ = {}: y_40 = (1 + hλ)^40", h * lam_d), y, std::pow(1 + h * lam_d, 40), 1e-12);
            (h < 0.2 ? y_in : y_out) = y;
        }
        s.holds("hλ = −1.5 (|1 + hλ| < 1): |y_40| < 10⁻⁶", std::fabs(y_in) < 1e-6, std::fabs(y_in), 1e-6);
        s.holds("hλ = −2.5 (|1 + hλ| > 1): |y_40| > 10⁶", std::fabs(y_out) > 1e6, std::fabs(y_out), 1e6);

        // Mean square: dX = λX dt + μX dW with λ = −3, μ = √3 (Higham 2001).
        const double lambda = -3.0, mu = std::sqrt(3.0);
        const wb::GeometricBrownian linear(lambda, mu);  // dX = λX dt + μX dW
        auto factor = [&](double h) { return (1 + h * lambda) * (1 + h * lambda) + h * mu * mu; };
        // E X_1²/X_0² for one step of exercise 11.2: the step is affine in ΔW, so the
        // two-point rule ΔW = ±√h integrates its square exactly.
        auto one_step_m2 = [&](double h) {
            const double r = std::sqrt(h), up = ch11::em_step(1.0, 0, h, r, linear), dn = ch11::em_step(1.0, 0, h, -r, linear);
            return 0.5 * (up * up + dn * dn);
        };
        s.holds("SDE mean-square stable: 2λ + μ² < 0", 2 * lambda + mu * mu < 0, 2 * lambda + mu * mu, 0.0);
        const double h_star = -(2 * lambda + mu * mu) / (lambda * lambda);
        s.exact("at h* = −(2λ + μ²)/λ² one EM step (exercise 11.2) keeps E X²: E X_1²/X_0² = 1", one_step_m2(h_star), 1.0,
                1e-12);
        {
            const double h = 1e-4;  // EM's second moment tends to the SDE's
            s.exact("(|1 + hλ|² + hμ²)^{T/h} → e^{(2λ+μ²)T}  (h = 10⁻⁴, T = 1, rel. ≤ 10⁻³)",
                    std::pow(factor(h), 1.0 / h), std::exp(2 * lambda + mu * mu), 1e-3);
        }
        const std::size_t n = s.size(40000, 400000);
        const std::size_t steps = 3;
        // Per step h: the simulated E X_k² at t_k = kh, k = 1 … steps, with 95% half-widths.
        struct Simulated {
            double h;
            std::vector<double> t, m2, ci;
        };
        std::vector<Simulated> sims;
        for (double h : {0.25, 0.5}) {
            // One step integrated exactly by the two-point rule (exercise 11.2).
            s.exact(fmt::format("h = {}: E X_1² / X_0² = |1 + hλ|² + hμ² (EM step, exact)", h), one_step_m2(h), factor(h),
                    1e-12);
            // Simulation of E X_n², n ≤ 3, from X_0 = 1.
            std::vector<wb::RunningStats> m2(steps + 1);
            for (std::size_t i = 0; i < n; ++i) {
                const std::vector<double> x = wb::scalar_path(em_of(linear), 1.0, 0.0, h, steps, s.rng());
                for (std::size_t k = 1; k <= steps; ++k) m2[k].add(x[k] * x[k]);
            }
            const wb::Estimate e3{m2[steps].mean(), m2[steps].se(), n};
            s.monte_carlo(fmt::format("h = {} ({} the boundary): E X_3² = (|1 + hλ|² + hμ²)³", h,
                                      h < h_star ? "inside" : "outside"),
                          e3, std::pow(factor(h), dbl(steps)));
            s.control().monte_carlo(fmt::format("h = {}: E X_3² = |1 + hλ|^6 (no hμ² term)", h), e3,
                                    std::pow(1 + h * lambda, 2.0 * dbl(steps)));
            Simulated& sim = sims.emplace_back(Simulated{h, {}, {}, {}});
            for (std::size_t k = 1; k <= steps; ++k) {
                sim.t.push_back(dbl(k) * h);
                sim.m2.push_back(m2[k].mean());
                sim.ci.push_back(wb::Z95 * m2[k].se());
            }
        }
        s.holds("h = ½: Euler stable on the drift (|1 + hλ| = ½) yet EM mean-square unstable", factor(0.5) > 1 &&
                std::fabs(1 + 0.5 * lambda) < 1, factor(0.5), 1.0);

        // The one-step factor simulated across h, on both sides of h* = 1/3.
        std::vector<double> hg, fg, fsim, fse;
        for (double h : wb::linspace(0.01, 0.7, 70)) {
            hg.push_back(h);
            fg.push_back(factor(h));
        }
        std::vector<double> hsw;
        const std::size_t m = s.size(4000, 40000);
        for (int i = 1; i <= 12; ++i) {
            const double h = 0.05 * i, r = std::sqrt(h);
            wb::RunningStats acc;
            for (std::size_t j = 0; j < m; ++j) {
                const double x = ch11::em_step(1.0, 0, h, r * s.rng().normal(), linear);
                acc.add(x * x);
            }
            hsw.push_back(h);
            fsim.push_back(acc.mean());
            fse.push_back(wb::Z95 * acc.se());
        }

        // Figure: the regions and the moments.
        wb::Figure fig("stability", "Stability of Euler (ODE) and mean-square stability of Euler–Maruyama", 2, 2);
        fig.size(1120, 860);
        {
            std::vector<double> xs, lo, hi, cx, cy;
            for (double x : wb::linspace(-2.0, 0.0, 201)) {
                const double w = std::sqrt(std::max(0.0, 1 - (1 + x) * (1 + x)));
                xs.push_back(x);
                lo.push_back(-w);
                hi.push_back(w);
            }
            for (double angle : wb::linspace(0.0, wb::TwoPi, 201)) {
                cx.push_back(-1 + std::cos(angle));
                cy.push_back(std::sin(angle));
            }
            fig.panel(0).title("Euler on y' = λy: |1 + hλ| < 1").xlabel("Re hλ").ylabel("Im hλ").xrange(-3, 1)
                .yrange(-1.6, 1.6).equal_aspect().key("top right")
                .band(xs, lo, hi, "Euler stable", Euler)
                .line(cx, cy, "", Euler)
                .linepoints({-1.5}, {0.0}, "hλ = −1.5, −2.5 (checked)", Marked)
                .linepoints({-2.5}, {0.0}, "", Marked);
        }
        {
            std::vector<double> xs, zero, sde_hi, xe, ze, em_hi, ray_x, ray_y;
            for (double x : wb::linspace(-2.5, 0.0, 201)) {
                xs.push_back(x);
                zero.push_back(0.0);
                sde_hi.push_back(std::min(-2 * x, 3.0));
            }
            for (double x : wb::linspace(-2.0, 0.0, 201)) {
                xe.push_back(x);
                ze.push_back(0.0);
                em_hi.push_back(-2 * x - x * x);
            }
            for (double h : {0.0, 0.6}) {
                ray_x.push_back(h * lambda);
                ray_y.push_back(h * mu * mu);
            }
            fig.panel(1).title("mean-square stable regions of dX = λX dt + μX dW").xlabel("hλ").ylabel("hμ^2").xrange(-2.5, 1.5)
                .yrange(0, 3).key(wb::KeyPlace::TopRight)  // above the ray and the checked steps
                .band(xs, zero, sde_hi, "SDE stable: 2λ + μ^2 < 0", Exact)
                .band(xe, ze, em_hi, "EM stable: |1 + hλ|^2 + hμ^2 < 1", EulerMaruyama)
                .dashed(ray_x, ray_y, "λ = −3, μ^2 = 3, h grows", Exact)
                .linepoints({0.25 * lambda}, {0.25 * mu * mu}, "h = 1/4, 1/2 (checked)", Marked)
                .linepoints({0.5 * lambda}, {0.5 * mu * mu}, "", Marked);
        }
        fig.panel(2).title("one-step factor E X_1^2 / X_0^2, λ = −3, μ = √3").xlabel("step h").ylabel("factor")
            .key("top left")
            .line(hg, fg, "EM: |1 + hλ|^2 + hμ^2", EulerMaruyama)
            .dashed({0.0, 0.7}, {1.0, 1.0}, "stability boundary", Exact)
            .errorbars(hsw, fsim, fse, "EM simulated (95% bars)", EulerMaruyama);
        {
            auto& p = fig.panel(3).title("E X_n^2 against t_n = nh").xlabel("t").ylabel("E X^2").logy().yrange(1e-4, 1e4).key(wb::KeyPlace::Best);
            // Both steps are EM's: one colour, the stable step drawn solid and the unstable one dashed.
            for (const Simulated& sim : sims) {
                std::vector<double> tt, mm;
                for (int k = 0; k <= static_cast<int>(std::lround(3.0 / sim.h)); ++k) {
                    tt.push_back(k * sim.h);
                    mm.push_back(std::pow(factor(sim.h), k));
                }
                const std::string label = fmt::format("EM, h = {}: exact recursion", sim.h);
                if (sim.h < h_star)
                    p.line(tt, mm, label, EulerMaruyama);
                else
                    p.dashed(tt, mm, label, EulerMaruyama);
                p.errorbars(sim.t, sim.m2, sim.ci, fmt::format("EM, h = {}: simulated", sim.h), EulerMaruyama);
            }
            std::vector<double> tt, mm;
            for (double t : wb::linspace(0.0, 3.0, 61)) {
                tt.push_back(t);
                mm.push_back(std::exp((2 * lambda + mu * mu) * t));
            }
            p.line(tt, mm, "SDE: e^{(2λ+μ^2)t}", Exact);
        }
        s.save(fig);
    });

    /*md
    ## 5. A well-behaved SDE on which Euler–Maruyama diverges

    Take $dX = -X^3\,dt + dW$. The drift pulls every path back to 0, harder the further
    out it is; the SDE has a unique global solution with all moments bounded in time
    (its stationary density is $\propto e^{-x^4/2}$). The drift is not globally
    Lipschitz, though, and that is enough to break Euler–Maruyama
    (the assignment 08 question, second part).

    **The threshold.** With $\Delta W = 0$ one EM step is $x \mapsto x(1 - h x^2)$. For
    $h x^2 < 2$ the factor $|1 - hx^2|$ is below 1 and the iterates shrink to 0; at
    $|x| = \sqrt{2/h}$ it is exactly $-1$ (a 2-cycle $\pm\sqrt{2/h}$); beyond it
    $|x_{n+1}| = |x_n|(hx_n^2 - 1) > |x_n|$ and the growth feeds on itself,
    $|x_{n+1}| \approx h|x_n|^3$: the step overshoots the origin by more than it started
    from, every time, and the iterates overflow within a handful of steps. The noise
    can throw a path past $\sqrt{2/h}$ with a small but positive probability, so a
    fraction of EM paths explode. The fraction grows with the initial spread, and with
    $h$ where it is large enough to order: for $s_0 = 2$ the checks find it larger at
    $h = 0.3$ than at $0.2$, and at $0.5$ than at $0.3$; for $s_0 = 0.5$ only a few paths
    in $10^3$ explode even at $h = 0.5$, too few to order the steps. In the figure the dashed curves are the probabilities $P(|X_0| > \sqrt{2/h})$
    of *starting* beyond the threshold: for $X_0 \sim N(0, s_0^2)$ with $s_0 \ge 1$ they
    account for nearly all explosions, while for $s_0 = 0.5$ the noise does the work.

    **Why the moments diverge.** Hutzenthaler, Jentzen & Kloeden (2011) prove
    $\lim_{h\to0} E|X^h_N|^p = \infty$ for every $p \ge 1$ for such equations, while the
    exact moments stay finite. A simplified version of their argument fits here. Start
    at $X_0 = 0$ and write $r_n = \sqrt h\,|X_n|$. On the event
    $A = \{|\Delta W_0| \ge 2/\sqrt h\}$ we have $r_1 \ge 2$, and on
    $B = \{\sqrt h\,|\Delta W_n| \le 1,\ n = 1..N-1\}$,
    $$r_{n+1} \ge r_n(r_n^2 - 1) - 1 \ge \tfrac12 r_n^3\qquad(r_n \ge 2),$$
    so with $s_n = r_n/\sqrt2$, $s_{n+1} \ge s_n^3$ and $|X_N| \ge \sqrt{2/h}\;2^{3^{N-1}/2}$.
    Since $\Delta W_n = \sqrt h Z_n$, $P(A) = 2\Phi(-2/h)$ and
    $P(B) = (1 - 2\Phi(-1/h))^{N-1}$, hence
    $$\log E|X_N| \ge \log 2\Phi(-2/h) + (N-1)\log(1 - 2\Phi(-1/h)) + \tfrac12\log(2/h) + \tfrac{3^{N-1}}{2}\log 2 .$$
    The first term is about $-2/h^2$; the last, with $N = T/h$, grows like $3^{T/h}$.
    The probability of the bad event is astronomically small but its effect is doubly
    exponential, so $E|X_N^h| \to \infty$ as $h \to 0$ — while $E|X_T| < \infty$. Strong
    and weak convergence both fail, though almost every simulated path looks fine. The
    checks confirm the 2-cycle with exercise 11.2, the growth past it and the decay below,
    measure the exploding fraction and its growth with $h$, and evaluate the bound.

    ![Fraction of exploding Euler–Maruyama paths, and the lower bound on E|X_N|](explosion.svg)
    */
    ch.section("explosion", "Superlinear drift: Euler–Maruyama diverges  [exercise 11.2]", [](wb::Section& s) {
        const wb::PointwiseSde cubic = sde_of([](double x, double) { return -x * x * x; }, [](double, double) { return 1.0; });
        {
            const double h = 0.1, c = std::sqrt(2.0 / h);
            s.exact("ΔW = 0: EM maps √(2/h) to −√(2/h) (a 2-cycle), h = 0.1", ch11::em_step(c, 0, h, 0.0, cubic), -c, 1e-12);
            double up = 1.01 * c, down = 0.99 * c;
            int k_up = 0;
            while (std::fabs(up) < 1e6 && k_up < 100) up = ch11::em_step(up, k_up++ * h, h, 0.0, cubic);
            for (int k = 0; k < 200; ++k) down = ch11::em_step(down, k * h, h, 0.0, cubic);
            s.holds(fmt::format("from 1.01·√(2/h): |x_n| > 10⁶ after {} steps", k_up), std::fabs(up) >= 1e6 && k_up < 20,
                    dbl(static_cast<std::size_t>(k_up)), 20.0);
            s.holds("from 0.99·√(2/h): |x_200| < 0.25 (decays to 0)", std::fabs(down) < 0.25, std::fabs(down), 0.25);
        }

        // The exploding fraction over h and the initial spread s_0, T = 2 (exercise 11.2).
        const std::vector<double> hs = {0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5};
        const std::vector<double> s0s = {0.5, 1.0, 1.5, 2.0};
        const double T = 2.0;
        const std::size_t n = s.size(10000, 50000);
        wb::Figure fig("explosion", "dX = −X^3 dt + dW: Euler–Maruyama explodes", 1, 2);
        auto& pf = fig.panel(0).title("fraction of paths with |X_n| > 10^6 before T = 2").logy().xlabel("step h")
            .ylabel("fraction").key(wb::KeyPlace::TopLeft).yrange(1e-5, 30.0);  // the key above the data
        const auto em = em_until_exploded(cubic);
        std::vector<std::vector<wb::Estimate>> frac(s0s.size());  // [s_0][h]: the exploding fraction
        for (std::size_t j = 0; j < s0s.size(); ++j) {
            const int colour = static_cast<int>(j);  // one colour per initial spread (every path is EM's)
            const double s0 = s0s[j];
            std::vector<double> fr, se, beyond;
            for (double h : hs) {
                const auto N = static_cast<std::size_t>(std::lround(T / h));
                std::size_t count = 0;
                for (std::size_t i = 0; i < n; ++i)
                    if (!(std::fabs(wb::scalar_endpoint(em, s0 * s.rng().normal(), 0.0, h, N, s.rng())) < Exploded))
                        ++count;
                const double p = dbl(count) / dbl(n);
                frac[j].push_back({p, std::sqrt(p * (1 - p) / dbl(n)), n});
                fr.push_back(p > 0 ? p : std::nan(""));
                se.push_back(wb::Z95 * frac[j].back().se);
                beyond.push_back(std::exp(log_two_tail(std::sqrt(2.0 / h) / s0)));
            }
            pf.errorbars(hs, fr, se, fmt::format("s_0 = {}", s0), colour);
            pf.dashed(hs, beyond, "", colour);
        }
        s.note("dashed: P(|X_0| > √(2/h)), the chance to start beyond the threshold; noise adds the rest");
        s.control().monte_carlo("EM never explodes: P(explosion) = 0 (h = 0.3, s₀ = 1)", frac[1][5], 0.0);
        // Growth with h, on independent paths per step, where the fractions are large enough to order.
        const auto& f2 = frac[3];  // s₀ = 2; hs[3] = 0.2, hs[5] = 0.3, hs[7] = 0.5
        s.greater("s₀ = 2: P(explosion) at h = 0.3 > at h = 0.2", f2[5], f2[3]);
        s.greater("s₀ = 2: P(explosion) at h = 0.5 > at h = 0.3", f2[7], f2[5]);

        // The lower bound on log₁₀ E|X_N| from X_0 = 0, T = 1, on the steps h = 1/N.
        std::vector<double> hb, lb;
        for (int N = 2; N <= 40; ++N) {
            const double h = 1.0 / N;
            const double logb = log_two_tail(2.0 / h) + (N - 1) * std::log1p(-std::exp(log_two_tail(1.0 / h))) +
                                0.5 * std::log(2.0 / h) + 0.5 * std::pow(3.0, N - 1) * std::log(2.0);
            hb.push_back(h);
            lb.push_back(logb / std::log(10.0));
        }
        const double at01 = lb[8];  // N = 10, h = 0.1
        s.holds("lower bound at h = 0.1: log₁₀ E|X_N| > 308 (beyond the largest double)", at01 > 308, at01, 308);
        bool grows = true;
        for (std::size_t i = 4; i < lb.size(); ++i) grows = grows && lb[i] > lb[i - 1];
        s.holds("the bound grows as h = 1/N decreases (N = 5 … 40)", grows, lb[3], lb.back());
        std::vector<double> lbp;
        for (double v : lb) lbp.push_back(v > 0 ? v : std::nan(""));
        fig.panel(1).title("lower bound on E|X_N|, X_0 = 0, T = 1, h = 1/N").logy().xlabel("step h").xrange(0, 0.2)
            .ylabel("log_{10} of the bound").key("top right")
            .linepoints(hb, lbp, "log_{10} E|X_N| ≥ this", EulerMaruyama)
            .dashed({0.0, 0.2}, {308.0, 308.0}, "largest double: 10^{308}", Exact);
        s.save(fig);
    });

    /*md
    ## 6. The tamed scheme

    Hutzenthaler, Jentzen & Kloeden (2012) replace the drift increment by a *tamed* one,
    $$X_{n+1} = X_n + \frac{h\,f(X_n)}{1 + h\,|f(X_n)|} + g(X_n)\,\Delta W_n .$$
    Where $h|f|$ is small the step is Euler–Maruyama up to $O(h^2)$, so nothing is lost
    in the limit (they prove strong order ½ under a one-sided Lipschitz drift of
    polynomial growth); where $|f|$ is huge the drift increment is capped at size 1,
    so the overshoot $x \mapsto x(1 - hx^2)$ that fed the explosion cannot happen.

    **A bound path by path.** For $f = -x^3$ the tamed drift increment has the sign of
    $-x$ and size below 1, so it moves $x$ toward 0 by less than 1:
    $|x + h f/(1 + h|f|)| \le \max(|x|, 1)$ for every $x$ and every $h$. With $g = 1$,
    $$|X_{n+1}| \le \max(|X_n|, 1) + |\Delta W_n| ,$$
    so every tamed path stays below $B_n$, where $B_0 = |X_0|$ and
    $B_{n+1} = \max(B_n, 1) + |\Delta W_n|$: a few tens at most over a path of 20 steps
    (the report prints the largest), never $10^6$. This is not a statement in probability — it holds on every path, whatever the
    draws — so the checks test it as one: the one-step inequality on a grid of states and
    steps through exercise 11.4, and $|X_n| \le B_n$ at every step of every simulated path.
    The control on the grid is the slip of taming by $1 + h f$ instead of $1 + h|f|$ (for
    $x > 0$ the denominator changes sign and the "tamed" increment points outward); the
    control on the paths asks whether EM, driven by the same increments, keeps the same
    bound.

    **Small and large steps.** The checks run exercise 11.4 and exercise 11.2 on the
    *same* increments. At $h = 0.3$ EM explodes on a fraction of the paths (a Monte Carlo
    claim with its standard error). At $h = 0.01$ both reproduce the stationary second
    moment
    $$E X^2 = \frac{\int x^2 e^{-x^4/2}dx}{\int e^{-x^4/2}dx} = \sqrt2\,\frac{\Gamma(3/4)}{\Gamma(1/4)} \approx 0.478$$
    — EM too, because at that step a path practically never reaches $\sqrt{2/h} \approx 14$.
    That "never" is itself a Monte Carlo claim: with $M = \max_n |X_n|$ over a path,
    Markov's inequality gives $P(M \ge c) \le E M^8 / c^8$, and the estimate of the right
    side with its standard error must lie below $10^{-5}$, so that not one path in $10^5$
    is expected to get there. The control makes the same claim for EM at $h = 0.3$, where
    $\sqrt{2/h} \approx 2.6$ and the fraction of paths reaching it is measured directly.
    The divergence of section 5 is invisible in a finite sample at small $h$, which is
    what makes it dangerous. At $h = 0.3$ EM's sample mean of $X_T^2$ is $+\infty$, which
    is no evidence at all; the last control instead asks whether EM at that step samples
    the stationary law, by the finite fraction of paths ending with $|X_T| > 3$ (exploded
    ones included), a tail of mass $\approx 4\cdot10^{-20}$ under $e^{-x^4/2}$. The figure
    shows EM and the tamed scheme side by side on the same increments:

    ![Euler–Maruyama and tamed Euler–Maruyama on the same Brownian increments](cubic_paths.svg)
    */
    ch.section("taming", "Tamed Euler–Maruyama  [exercises 11.2, 11.4]", [](wb::Section& s) {
        const wb::PointwiseSde cubic = sde_of([](double x, double) { return -x * x * x; }, [](double, double) { return 1.0; });
        const double rare = 1e-5;  // "practically never": fewer than one path in 10⁵

        // The one-step bound with ΔW = 0, |step(x)| ≤ max(|x|, 1), on a grid of states x and
        // steps h (4000 points: none on the root x = h^{−1/3} of the slip's denominator).
        {
            // The largest excess |step(x, h)| − max(|x|, 1) over the grid; ≤ 0 when the bound holds.
            auto worst_excess = [](auto&& step) {
                double worst = -INFINITY;
                for (double h : {0.01, 0.1, 0.3, 1.0})
                    for (double x : wb::linspace(-100.0, 100.0, 4000))
                        worst = std::max(worst, std::fabs(step(x, h)) - std::max(std::fabs(x), 1.0));
                return worst;
            };
            const double tamed = worst_excess([&](double x, double h) { return ch11::tamed_em_step(x, 0, h, 0.0, cubic); });
            s.holds("ΔW = 0: |tamed step(x)| ≤ max(|x|, 1) for x ∈ [−100, 100], h ∈ {0.01, 0.1, 0.3, 1}", tamed <= 1e-12,
                    tamed, 0.0, "largest excess over the grid");
            // The slip: h f/(1 + h f), the sign of f forgotten in the denominator.
            const double slip = worst_excess([](double x, double h) {
                const double f = -x * x * x;
                return x + h * f / (1.0 + h * f);
            });
            s.control().holds("taming by 1 + h f (no |·|): |step(x)| ≤ max(|x|, 1) on the same grid", slip <= 1e-12, slip,
                              0.0, "largest excess over the grid");
        }

        // Large step, same increments: path i draws from its own stream split(i), so a
        // path can be replayed for the figure.
        {
            const double h = 0.3, s0 = 1.5, T = 6.0, threshold = std::sqrt(2.0 / h);
            const auto N = static_cast<std::size_t>(std::lround(T / h));
            const std::size_t n = s.size(15000, 50000);
            // Counts over the n paths: EM exploded, EM broke the tamed bound B_n, EM reached
            // √(2/h), EM ended beyond `level`.
            std::size_t em_boom = 0, em_breaks = 0, em_reach = 0, em_beyond = 0;
            double tamed_excess = -INFINITY;  // the largest |X_n| − B_n over the tamed steps n ≥ 1
            double bound_max = 0.0;           // the largest B_N over the paths
            std::vector<std::size_t> show_boom, show_ok;
            // One path: the increments (N), then EM (frozen once exploded, marked NaN from
            // there for the figure) and the tamed scheme driven by the same increments,
            // each (N + 1) with X_0 first, and the bound B_n (N + 1).
            struct Paths {
                std::vector<double> dW, em, tamed, bound;
                bool boom;
            };
            const auto em = em_until_exploded(cubic);
            auto run = [&](std::size_t i) {
                wb::Rng r = s.rng().split(i);
                const double x0 = s0 * r.normal();
                Paths p{increments(r, N, h), {}, {}, {}, false};
                p.em = wb::scalar_path(em, x0, 0.0, h, p.dW);
                p.tamed = wb::scalar_path(tamed_of(cubic), x0, 0.0, h, p.dW);
                p.bound = {std::fabs(x0)};
                for (double w : p.dW) p.bound.push_back(std::max(p.bound.back(), 1.0) + std::fabs(w));
                for (auto& x : p.em) {
                    p.boom = p.boom || !(std::fabs(x) < Exploded);
                    if (p.boom) x = std::nan("");
                }
                return p;
            };
            const double level = 3.0;  // EM paths with |X_T| > 3 (exploded ones included: NaN)
            for (std::size_t i = 0; i < n; ++i) {
                const Paths p = run(i);
                bool breaks = false, reach = false;
                for (std::size_t k = 1; k <= N; ++k) {  // k = 0: X_0 = ±B_0 by definition
                    // The bound up to rounding: 10⁻¹² relative.
                    tamed_excess = std::max(tamed_excess, std::fabs(p.tamed[k]) - p.bound[k] * (1 + 1e-12));
                    breaks = breaks || !(std::fabs(p.em[k]) <= p.bound[k]);  // NaN (exploded) breaks it
                    reach = reach || !(std::fabs(p.em[k]) < threshold);
                }
                reach = reach || !(std::fabs(p.em[0]) < threshold);
                bound_max = std::max(bound_max, p.bound.back());
                em_breaks += breaks;
                em_reach += reach;
                if (!(std::fabs(p.em.back()) <= level)) ++em_beyond;
                if (p.boom) {
                    ++em_boom;
                    if (show_boom.size() < 3) show_boom.push_back(i);
                } else if (show_ok.size() < 5) {
                    show_ok.push_back(i);
                }
            }
            // A fraction k/n of the paths with its binomial standard error.
            auto fraction = [n](std::size_t k) {
                const double p = dbl(k) / dbl(n);
                return wb::Estimate{p, std::sqrt(p * (1 - p) / dbl(n)), n};
            };
            s.greater(fmt::format("h = {}, s₀ = {}: EM explodes on a fraction > 0 ({} of {} paths)", h, s0, em_boom, n),
                      fraction(em_boom), 0.0);
            s.holds(fmt::format("tamed EM, h = {}: |X_n| ≤ B_n at every step of all {} paths (none can explode)", h, n),
                    tamed_excess <= 0.0, tamed_excess, 0.0, "largest |X_n| − B_n");
            s.control().monte_carlo("EM on the same increments keeps the tamed bound: P(|X_n| > B_n for some n) = 0",
                                    fraction(em_breaks), 0.0);
            s.control().less(fmt::format("EM at h = {} also practically never reaches √(2/h): P(max_n |X_n| ≥ {:.2f}) < {}",
                                         h, threshold, rare),
                             fraction(em_reach), rare);
            // The mean of X_T² over the EM paths is +∞ (not evidence); the tail fraction is
            // finite. The slip: EM at this step samples the stationary law, whose density
            // ∝ e^{−x⁴/2} puts mass P(|X| > 3) = ∫_3^∞ e^{−x⁴/2} / ∫_0^∞ e^{−x⁴/2} there.
            const double p_tail = wb::simpson([](double x) { return std::exp(-0.5 * x * x * x * x); }, level, 8.0) /
                                  wb::simpson([](double x) { return std::exp(-0.5 * x * x * x * x); }, 0.0, 8.0);
            s.control().monte_carlo("EM at h = 0.3 samples the stationary law: P(|X_T| > 3) = P_stationary(|X| > 3)",
                                    fraction(em_beyond), p_tail);
            s.note(fmt::format("largest tamed bound B_N over the paths: {:.1f}; stationary P(|X| > 3) = {:.2g}", bound_max,
                               p_tail));

            // Figure: the chosen paths, EM left, tamed right, on the same increments.
            wb::Figure fig("cubic_paths", fmt::format("dX = −X^3 dt + dW, h = {}: the same increments", h), 1, 2);
            auto& pe = fig.panel(0).title("Euler–Maruyama").xlabel("t").ylabel("X_t").yrange(-8, 8).key("bottom right");
            auto& pt = fig.panel(1).title("tamed Euler–Maruyama").xlabel("t").ylabel("X_t").yrange(-8, 8)
                .key("bottom right");
            const std::vector<double> tt = wb::linspace(0.0, T, N + 1);
            for (auto group : {&show_boom, &show_ok}) {
                const bool boom = group == &show_boom;
                for (std::size_t j = 0; j < group->size(); ++j) {
                    Paths p = run((*group)[j]);
                    // Keep the first point past the panel so the explosion shows as a line leaving it.
                    for (std::size_t k = 1; k < p.em.size(); ++k)
                        if (std::isnan(p.em[k]) && !std::isnan(p.em[k - 1])) p.em[k] = p.em[k - 1] > 0 ? 1e3 : -1e3;
                    const std::string label = j > 0 ? "" : boom ? "explodes under EM" : "does not";
                    pe.line(tt, p.em, label, boom ? Marked : EulerMaruyama);
                    pt.line(tt, p.tamed, label, boom ? Marked : Tamed);
                }
            }
            s.save(fig);
        }
        // Small step: both sample the stationary law (T = 4 from N(0, 1)).
        {
            const double h = 0.01, T = 4.0, threshold = std::sqrt(2.0 / h);
            const auto N = static_cast<std::size_t>(std::lround(T / h));
            const std::size_t n = s.size(3000, 20000);
            // Per path (n): X_T² under EM and under the tamed scheme, and (M/√(2/h))⁸ for EM's
            // maximum M = max_n |X_n|, whose mean bounds P(M ≥ √(2/h)) by Markov's inequality.
            wb::Vec x2_em = xt::empty<double>({n}), x2_tamed = xt::empty<double>({n}), markov = xt::empty<double>({n});
            for (std::size_t i = 0; i < n; ++i) {
                const double x0 = s.rng().normal();
                const std::vector<double> dW = increments(s.rng(), N, h);
                const std::vector<double> x_em = wb::scalar_path(em_of(cubic), x0, 0.0, h, dW);
                const double x_tamed = wb::scalar_path(tamed_of(cubic), x0, 0.0, h, dW).back();
                double M = 0.0;
                for (double x : x_em) M = std::max(M, std::fabs(x));
                x2_em(i) = x_em.back() * x_em.back();
                x2_tamed(i) = x_tamed * x_tamed;
                markov(i) = std::pow(M / threshold, 8);
            }
            const double m2 = wb::Sqrt2 * std::tgamma(0.75) / std::tgamma(0.25);
            s.monte_carlo("tamed EM, h = 0.01: E X_T² = √2 Γ(3/4)/Γ(1/4)", wb::mean_se(x2_tamed), m2);
            s.monte_carlo("EM, h = 0.01: E X_T² = √2 Γ(3/4)/Γ(1/4)", wb::mean_se(x2_em), m2);
            s.less(fmt::format("EM, h = 0.01: P(max_n |X_n| ≥ √(2/h)) ≤ E(max_n |X_n|)⁸/(2/h)⁴ < {} (Markov)", rare),
                   wb::mean_se(markov), rare);
        }
    });

    /*md
    ## References

    - Higham, D. J. (2000). Mean-square and asymptotic stability of the stochastic theta
      method. *SIAM Journal on Numerical Analysis* 38(3), 753–769.
    - Higham, D. J. (2001). An algorithmic introduction to numerical simulation of
      stochastic differential equations. *SIAM Review* 43(3), 525–546.
    - Hutzenthaler, M., Jentzen, A. & Kloeden, P. E. (2011). Strong and weak divergence
      in finite time of Euler's method for stochastic differential equations with
      non-globally Lipschitz continuous coefficients. *Proceedings of the Royal Society A*
      467(2130), 1563–1576.
    - Hutzenthaler, M., Jentzen, A. & Kloeden, P. E. (2012). Strong convergence of an
      explicit numerical method for SDEs with nonglobally Lipschitz continuous
      coefficients. *The Annals of Applied Probability* 22(4), 1611–1641.
    - Kloeden, P. E. & Platen, E. (1992). *Numerical Solution of Stochastic Differential
      Equations*. Springer, Berlin.
    - Milstein, G. N. (1974). Approximate integration of stochastic differential
      equations. *Theory of Probability and Its Applications* 19(3), 557–562.
    - Milstein, G. N. & Tretyakov, M. V. (2004). *Stochastic Numerics for Mathematical
      Physics*. Springer, Berlin (Scientific Computation).
    */
    return ch.run(argc, argv);
}
