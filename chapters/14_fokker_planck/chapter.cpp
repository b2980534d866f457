/*md
# Chapter 14: Fokker–Planck and the probability-flow ODE

The course's assignment 10 asks for the probability-flow ODE of a diffusion: a deterministic flow
whose particles have, at every time, the same density $p_t$ as the paths of the SDE
$dX = b(X)\,dt + g(X)\,dW$. Its velocity comes from writing the Fokker–Planck equation as a
continuity equation. The answer handed out with the assignment gives $v = b - \tfrac12 D\nabla\log p$
with $D = gg^\top$; that is right only when $D$ does not depend on $x$. With state-dependent
diffusion the velocity has one more term, $-\tfrac12\nabla\cdot D$ (Song et al. 2021, eq. 17), and
this chapter checks both statements in one dimension, for constant $D$ and for
$b(x) = -x$, $D(x) = 1 + x^2$, by three independent views of the same density: a conservative
finite-volume solver of the Fokker–Planck equation, Euler–Maruyama particles, and
probability-flow particles.

## 1. Fokker–Planck as a continuity equation

The density $p_t$ of $X_t$ obeys the Fokker–Planck equation, in one dimension

$$\partial_t p = -\partial_x(b\,p) + \tfrac12\,\partial_x^2(D\,p) = -\partial_x J,
\qquad J = b\,p - \tfrac12\,\partial_x(D\,p),$$

with $D = g^2$. Expanding the derivative of the product, $\partial_x(Dp) = (\partial_x D)\,p + D\,p\,\partial_x\log p$,
so the flux is $J = p\,v$ with the velocity

$$v(x, t) = b(x) - \tfrac12\,\partial_x D(x) - \tfrac12\,D(x)\,\partial_x\log p_t(x).$$

Particles moving by $\dot x = v(x, t)$ carry the density $p_t$ (the continuity equation
$\partial_t p = -\partial_x(pv)$ is the Fokker–Planck equation). For constant $D$ the middle term
vanishes and $v$ is the assignment's. For $b = -x$, $D = 1 + x^2$, the stationary density solves
$J = 0$: $p_\infty \propto D^{-1}\exp\int 2b/D = (1 + x^2)^{-1}(1 + x^2)^{-1}$, so

$$p_\infty(x) = \frac{2}{\pi}\,\frac{1}{(1 + x^2)^2},\qquad \partial_x\log p_\infty = -\frac{4x}{1 + x^2},$$

and there $v = -x - x + 2x = 0$, while the assignment's velocity is $-x + 2x = x$: its particles
run away from the origin, as $x_0 e^t$, although the density they should carry does not move.

The checks: the flux $J$ of a non-stationary density ($\mathcal N(0.7, 0.6^2)$), its derivative
$\partial_x(Dp)$ taken by central differences, equals $p\,v$ with $v$ from exercise 14.2; at
$p_\infty$ the velocity vanishes. The control is the assignment's velocity, rejected for
$D = 1 + x^2$; for constant $D$ ($b = -x$, $D = 1$) the same formula passes the same check.
*/
#include <algorithm>
#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "fokker_planck.hpp"
#include "model.hpp"
#include "wb/chapter.hpp"
#include "wb/constants.hpp"
#include "wb/numerics.hpp"
#include "wb/sde.hpp"
#include "wb/special.hpp"
#include "wb/stats.hpp"

namespace {

// One colour per method, the same in every figure (indices into the Okabe–Ito palette).
constexpr int Exact = 0;  // closed forms
constexpr int Fv = 1;     // the finite-volume solver
constexpr int Em = 2;     // Euler–Maruyama particles
constexpr int Flow = 3;   // probability-flow particles, correct velocity
constexpr int Naive = 5;  // probability-flow particles, the assignment's velocity

// b = −x with D = 1 + x² (g = √D, ∂ₓg = x/√D), and with D = 1.
const wb::PointwiseSde StateD([](double x, double) { return -x; }, [](double x, double) { return std::sqrt(1 + x * x); },
                              [](double x, double) { return x / std::sqrt(1 + x * x); });
const wb::PointwiseSde ConstD([](double x, double) { return -x; }, [](double, double) { return 1.0; });
// The assignment's velocity is 14.2's formula for a process that claims ∂ₓg = 0.
const wb::PointwiseSde StateDNaive([](double x, double) { return -x; }, [](double x, double) { return std::sqrt(1 + x * x); });

// The finite-volume grid on [−5, 5] (zero flux at both ends) and the start N(1, ½²).
constexpr double L = 5.0, X0Mean = 1.0, X0Sd = 0.5;
const ch14::Grid FvGrid{-L, 0.05, 200};

// Cell averages of N(m, s²) on a grid (exact, by the CDF).
wb::Vec normal_cells(const ch14::Grid& grid, double m, double s) {
    wb::Vec p = xt::empty<double>({grid.M});
    for (std::size_t i = 0; i < grid.M; ++i)
        p(i) = (wb::normal_cdf((grid.edge(i + 1) - m) / s) - wb::normal_cdf((grid.edge(i) - m) / s)) / grid.h;
    return p;
}

// The fraction of particles x (n) at or below a, with its binomial se (n terms).
wb::Estimate fraction_below(const wb::Vec& x, double a) {
    wb::Vec ind = xt::empty<double>({x.size()});
    for (std::size_t i = 0; i < x.size(); ++i) ind(i) = x(i) <= a ? 1.0 : 0.0;
    return wb::mean_se(ind);
}

// One Heun step of dx/dt = v(x, t) for every particle: v from 14.2 with the score at the
// step's two ends (score0 at t, score1 at t + dt).
template <class S0, class S1>
void flow_step(const wb::ScalarSde& sde, wb::Vec& x, double t, double dt, S0&& score0, S1&& score1) {
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double v0 = ch14::flow_velocity(sde, x(i), t, score0(x(i)));
        const double xp = x(i) + dt * v0;
        x(i) += 0.5 * dt * (v0 + ch14::flow_velocity(sde, xp, t + dt, score1(xp)));
    }
}

}  // namespace

int main(int argc, char** argv) {
    wb::Chapter ch;  // number and title from the heading above (see CMakeLists.txt)

    ch.section("velocity", "The probability-flow velocity carries the Fokker–Planck flux  [exercise 14.2]", [](wb::Section& s) {
        const double m = 0.7, sd = 0.6, eps = 1e-4;
        const auto p = [&](double x) { return wb::normal_pdf((x - m) / sd) / sd; };
        const auto score = [&](double x) { return -(x - m) / (sd * sd); };
        // max |p v − J| / max |J| over a grid, J by central differences of D p.
        const auto flux_gap = [&](const wb::ScalarSde& sde, const wb::ScalarSde& velocity_of) {
            double gap = 0.0, size = 0.0;
            for (double x : wb::linspace(-2.0, 3.0, 101)) {
                const auto Dp = [&](double y) { return sde.g(y, 0.0) * sde.g(y, 0.0) * p(y); };
                const double J = sde.f(x, 0.0) * p(x) - 0.5 * (Dp(x + eps) - Dp(x - eps)) / (2 * eps);
                gap = std::max(gap, std::abs(p(x) * ch14::flow_velocity(velocity_of, x, 0.0, score(x)) - J));
                size = std::max(size, std::abs(J));
            }
            return gap / size;
        };
        s.exact("D = 1 + x²: p v = b p − ½ ∂ₓ(D p) (relative to max |J|)", flux_gap(StateD, StateD), 0.0, 0.0, 1e-7);
        s.exact("D = 1: p v = b p − ½ ∂ₓ(D p), with the assignment's v (∂ₓD = 0)", flux_gap(ConstD, ConstD), 0.0, 0.0, 1e-7);
        s.control().exact("D = 1 + x²: the assignment's v gives p v = b p − ½ ∂ₓ(D p)", flux_gap(StateD, StateDNaive), 0.0, 0.0, 1e-7);

        // At p∞ the correct velocity vanishes; the assignment's is x.
        double v_max = 0.0, naive_gap = 0.0, naive_max = 0.0;
        for (double x : wb::linspace(-4.0, 4.0, 81)) {
            const double sc = -4 * x / (1 + x * x);
            v_max = std::max(v_max, std::abs(ch14::flow_velocity(StateD, x, 0.0, sc)));
            const double vn = ch14::flow_velocity(StateDNaive, x, 0.0, sc);
            naive_max = std::max(naive_max, std::abs(vn));
            naive_gap = std::max(naive_gap, std::abs(vn - x));
        }
        s.exact("at p∞: max |v| = 0 on [−4, 4]", v_max, 0.0, 0.0, 1e-12);
        s.exact("at p∞: the assignment's v = x", naive_gap, 0.0, 0.0, 1e-12);
        s.control().exact("at p∞: the assignment's max |v| = 0 on [−4, 4]", naive_max, 0.0, 0.0, 1e-12);
    });

    /*md
    ## 2. A conservative finite-volume solver

    Cut $[-5, 5]$ into $M$ cells of width $h$ and keep the cell averages $p_i$. The Fokker–Planck
    equation is a conservation law, so we discretise the flux: through the edge $x_{i+1/2}$ between
    cells $i$ and $i + 1$,

    $$J_{i+1/2} = b(x_{i+1/2})\,\frac{p_i + p_{i+1}}{2} - \frac{D(x_{i+1})\,p_{i+1} - D(x_i)\,p_i}{2h},$$

    no flux through the two outer edges, and $p_i \leftarrow p_i - \tfrac{\Delta t}{h}(J_{i+1/2} - J_{i-1/2})$
    (exercise 14.1). Each edge's flux leaves one cell and enters its neighbour, so the mass
    $\sum_i p_i h$ is conserved to rounding, whatever the grid. The state with $J_{i+1/2} = 0$ on every
    edge is a fixed point of the step; it follows from the recursion
    $p_{i+1}\big(D_{i+1}/(2h) - b_{i+1/2}/2\big) = p_i\big(D_i/(2h) + b_{i+1/2}/2\big)$, and it converges to
    $p_\infty$ restricted to $[-5, 5]$ (the zero-flux boundary leaves the stationary solution, whose flux
    vanishes everywhere, unchanged) at second order in $h$, because both the average of $b$ and the
    difference of $Dp$ are centred.

    The checks: the step leaves the zero-flux state unchanged to rounding; the error of that state
    against $p_\infty/(F(5) - F(-5))$ falls as $h^2$ ($F$ the closed-form CDF). The control is a
    plausible slip in the flux, $-\tfrac12 D(x_{i+1/2})(p_{i+1} - p_i)/h$, the diffusion coefficient taken
    out of the derivative: its stationary state is that of the assignment's velocity,
    $\propto(1 + x^2)^{-1}$, not $p_\infty$. Mass conservation is checked in §3 on a time-dependent solution.

    ![The finite-volume stationary state against the closed form, and its error against h](stationary.svg)
    */
    ch.section("finite_volume", "A conservative finite-volume Fokker–Planck solver  [exercise 14.1]", [](wb::Section& s) {
        const double ZL = ch14::stationary_cdf(L) - ch14::stationary_cdf(-L);
        const auto error = [&](const ch14::Grid& grid, const wb::Vec& p) {
            double e = 0.0;
            for (std::size_t i = 0; i < grid.M; ++i) e = std::max(e, std::abs(p(i) - ch14::stationary_density(grid.centre(i)) / ZL));
            return e;
        };
        std::vector<double> hs, errs;
        for (std::size_t M : {50, 100, 200, 400}) {
            const ch14::Grid grid{-L, 2 * L / static_cast<double>(M), M};
            const wb::Vec p = ch14::zero_flux_state(StateD, grid);
            hs.push_back(grid.h);
            errs.push_back(error(grid, p));
        }
        const double order = std::log2(errs[2] / errs[3]);
        s.note(fmt::format("max error of the zero-flux state: {}", fmt::join(errs, ", ")));
        s.exact("the zero-flux state converges to p∞ at order 2 in h (h = 0.05 → 0.025)", order, 2.0, 0.05);

        const wb::Vec p = ch14::zero_flux_state(StateD, FvGrid);
        wb::Vec q = p;
        ch14::fv_step(StateD, FvGrid, q, 0.0, 1e-5);
        s.exact("one step leaves the zero-flux state unchanged (max |Δp| / max p)", xt::amax(xt::abs(q - p))() / xt::amax(p)(), 0.0,
                0.0, 1e-12);
        const wb::Vec slip = ch14::zero_flux_state(StateD, FvGrid, true);
        s.control().exact("the slip flux −½ D Δp/h: its stationary state = p∞ (max error / max p∞)", error(FvGrid, slip) / xt::amax(p)(),
                          0.0, 0.0, 0.02);

        wb::Figure fig("stationary", "The finite-volume stationary state of b = −x, D = 1 + x²", 1, 2);
        std::vector<double> xc, pe;
        for (std::size_t i = 0; i < FvGrid.M; ++i) {
            xc.push_back(FvGrid.centre(i));
            pe.push_back(ch14::stationary_density(FvGrid.centre(i)) / ZL);
        }
        fig.panel(0)
            .title("stationary densities on [−5, 5]")
            .xlabel("x")
            .ylabel("density")
            .line(xc, pe, "closed form (2/π)(1+x²)^{-2}", Exact)
            .id("closed_form")
            .dashed(xc, p, "finite volume, zero flux", Fv)
            .id("finite_volume")
            .dashed(xc, slip, "slip flux −½DΔp/h", Naive)
            .id("slip")
            .key(wb::KeyPlace::Best);
        std::vector<double> ref;
        for (double h : hs) ref.push_back(errs[3] * (h / hs[3]) * (h / hs[3]));
        fig.panel(1)
            .title("error of the zero-flux state")
            .xlabel("cell width h")
            .ylabel("max |p_i − p∞(x_i)|")
            .logx()
            .logy()
            .linepoints(hs, errs, "finite volume", Fv)
            .id("error")
            .dashed(hs, ref, "slope 2", Exact)
            .id("slope2")
            .key(wb::KeyPlace::Best);
        fig.size(1200, 450);
        s.save(fig);
    });

    /*md
    ## 3. Three views of one density: finite volume, Euler–Maruyama, probability flow

    Start from $p_0 = \mathcal N(1, 0.5^2)$ with $b = -x$, $D = 1 + x^2$, and follow $p_t$ to $t = 1$ three
    ways. The finite-volume solver (cells of $0.05$, explicit steps of at most half the stability limit
    $h^2/\max D$) is the reference. Euler–Maruyama particles take steps $x + b\,\Delta t + g\,\Delta W$
    (exercise 14.3) of $\Delta t = 2\cdot10^{-3}$; probability-flow particles take Heun steps of the same size
    with the velocity of exercise 14.2, their score $\partial_x\log p_t$ read off the finite-volume
    solution at the same time. A third set of flow particles uses the assignment's velocity.

    Why quantiles and not variances: the stationary law $p_\infty$ has variance 1 but an infinite fourth
    moment, so the standard error of a sample variance is itself unreliable (the fourth moment it needs
    does not exist; $D = (1 + x^2)/2$ would give the lighter-tailed $\tfrac{8}{3\pi}(1 + x^2)^{-3}$). The
    fraction of particles below a quantile $x_q$ of the reference is a mean of indicators, whose
    standard error is always honest. The checks: at $t = 0.25$ and $t = 1$, for $q = \tfrac14, \tfrac12, \tfrac34$,
    the fraction of Euler–Maruyama and of flow particles below the finite-volume $x_q(t)$ is $q$; the
    solver's mass is $1$ to rounding after its twenty thousand steps. The control: the
    assignment's flow particles pass the same test.

    ![Densities at two times: finite volume, Euler–Maruyama and probability-flow particles](densities.svg)

    The error of each method against the reference, as the Kolmogorov distance between the
    particles' empirical CDF and the finite-volume CDF, over time. Euler–Maruyama's stays at the
    sampling noise (about $0.87/\sqrt n$). The flow's is flat at the value of its starting sample: a
    one-dimensional flow is a monotone map, which leaves the Kolmogorov distance of a sample to a CDF
    unchanged when it carries that CDF along, so the flat line says the flow carries $p_0$ onto $p_t$.
    The assignment's flow drifts away from $p_t$:

    ![Kolmogorov distance to the finite-volume density against time](error_vs_time.svg)
    */
    ch.section("three_views", "Finite volume, EM particles and probability flow agree  [exercises 14.1–14.3]", [](wb::Section& s) {
        const std::size_t n = s.size(5000, 20000);
        const double dt = 2e-3, Dmax = 1 + L * L;
        const std::size_t sub = static_cast<std::size_t>(std::ceil(dt / (0.5 * FvGrid.h * FvGrid.h / Dmax)));
        const double dt_fv = dt / static_cast<double>(sub);
        wb::Vec p = normal_cells(FvGrid, X0Mean, X0Sd);
        const double mass0 = xt::sum(p)() * FvGrid.h;
        wb::Vec x_em = xt::empty<double>({n});
        for (std::size_t i = 0; i < n; ++i) x_em(i) = X0Mean + X0Sd * s.rng().normal();
        wb::Vec x_flow = x_em, x_naive = x_em;

        std::vector<double> ts, ks_em, ks_flow, ks_naive;
        std::vector<wb::Vec> shown_p;
        std::vector<wb::Vec> shown_em, shown_flow;
        const std::size_t steps = 500, every = 25;  // t = 1; the error every 0.05
        ch14::GridDensity now(FvGrid, p);
        for (std::size_t k = 1; k <= steps; ++k) {
            const double t = static_cast<double>(k - 1) * dt;
            for (std::size_t i = 0; i < n; ++i) x_em(i) = ch14::em_step(StateD, x_em(i), t, dt, std::sqrt(dt) * s.rng().normal());
            for (std::size_t j = 0; j < sub; ++j) ch14::fv_step(StateD, FvGrid, p, t + static_cast<double>(j) * dt_fv, dt_fv);
            const ch14::GridDensity next(FvGrid, p);
            const auto s0 = [&](double x) { return now.score(x); };
            const auto s1 = [&](double x) { return next.score(x); };
            flow_step(StateD, x_flow, t, dt, s0, s1);
            flow_step(StateDNaive, x_naive, t, dt, s0, s1);
            now = next;
            if (k % every == 0) {
                const auto cdf = [&](double x) { return now.cdf(x); };
                ts.push_back(static_cast<double>(k) * dt);
                ks_em.push_back(wb::ks_statistic(x_em, cdf));
                ks_flow.push_back(wb::ks_statistic(x_flow, cdf));
                ks_naive.push_back(wb::ks_statistic(x_naive, cdf));
            }
            if (k == 125 || k == steps) {
                const double tk = static_cast<double>(k) * dt;
                for (const double q : {0.25, 0.5, 0.75}) {
                    const double xq = now.quantile(q);
                    s.monte_carlo(fmt::format("t = {:.2f}: EM particles below the FV quantile x_{{{}}}: fraction = {}", tk, q, q),
                                  fraction_below(x_em, xq), q);
                    s.monte_carlo(fmt::format("t = {:.2f}: flow particles below the FV quantile x_{{{}}}: fraction = {}", tk, q, q),
                                  fraction_below(x_flow, xq), q);
                }
                const double x75 = now.quantile(0.75);
                if (k == 125)
                    s.control().monte_carlo(fmt::format("t = {:.2f}: the assignment's flow particles below x_{{0.75}}: fraction = 0.75", tk),
                                            fraction_below(x_naive, x75), 0.75);
                shown_p.push_back(p);
                shown_em.push_back(x_em);
                shown_flow.push_back(x_flow);
            }
            s.progress(k, steps);
        }
        s.exact("the finite-volume mass after 1 time unit = its start", xt::sum(p)() * FvGrid.h, mass0, 1e-12);

        wb::Figure fig("densities", "p_t for b = −x, D = 1 + x² from N(1, ½²): three views", 1, 2);
        std::vector<double> xc;
        for (std::size_t i = 0; i < FvGrid.M; ++i) xc.push_back(FvGrid.centre(i));
        const std::vector<double> times = {125 * dt, 500 * dt};
        for (int a = 0; a < 2; ++a) {
            const auto ua = static_cast<std::size_t>(a);
            const auto he = wb::histogram(shown_em[ua], -3.0, 4.0, 56), hf = wb::histogram(shown_flow[ua], -3.0, 4.0, 56);
            fig.panel(a)
                .title(fmt::format("t = {:.2f}", times[ua]))
                .xlabel("x")
                .ylabel("density")
                .xrange(-3, 4)
                .line(xc, shown_p[ua], "finite volume", Fv)
                .id(fmt::format("fv_{}", a + 1))
                .steps(he.edges, he.density, "Euler–Maruyama particles", Em)
                .id(fmt::format("em_{}", a + 1))
                .steps(hf.edges, hf.density, "probability-flow particles", Flow)
                .id(fmt::format("flow_{}", a + 1))
                .key(wb::KeyPlace::Best);
        }
        fig.size(1200, 450);
        s.save(fig);

        wb::Figure err("error_vs_time", "Kolmogorov distance of each method's particles to the finite-volume p_t");
        err.panel()
            .xlabel("time t")
            .ylabel("sup_x |F_particles − F_FV|")
            .logy()
            .linepoints(ts, ks_em, "Euler–Maruyama", Em)
            .id("em")
            .linepoints(ts, ks_flow, "probability flow, v = b − ½D′ − ½D∂log p", Flow)
            .id("flow")
            .linepoints(ts, ks_naive, "probability flow, v = b − ½D∂log p", Naive)
            .id("naive")
            .key(wb::KeyPlace::Best);
        s.save(err);
    });

    /*md
    ## 4. Constant diffusion: the assignment's velocity is right

    For $b = -x$, $D = 1$ (Ornstein–Uhlenbeck) from $\mathcal N(1, 0.5^2)$, $p_t$ is the normal law with mean
    $e^{-t}$ and variance $0.25\,e^{-2t} + \tfrac12(1 - e^{-2t})$, so the score is known in closed form. Flow
    particles with the assignment's $v = b - \tfrac12 D\,\partial_x\log p_t$ and Euler–Maruyama particles
    both reproduce its quartiles at $t = 1$. The control is the flow with the reverse SDE's full
    $D\,\partial_x\log p_t$ in place of $\tfrac12 D\,\partial_x\log p_t$, which spreads the particles faster than $p_t$ spreads.
    */
    ch.section("constant_d", "Constant D: the assignment's velocity carries p_t  [exercises 14.2, 14.3]", [](wb::Section& s) {
        const std::size_t n = s.size(5000, 20000), steps = 250;
        const double dt = 1.0 / static_cast<double>(steps);
        const auto mean = [](double t) { return X0Mean * std::exp(-t); };
        const auto var = [](double t) { return X0Sd * X0Sd * std::exp(-2 * t) + 0.5 * (1 - std::exp(-2 * t)); };
        wb::Vec x_em = xt::empty<double>({n});
        for (std::size_t i = 0; i < n; ++i) x_em(i) = X0Mean + X0Sd * s.rng().normal();
        wb::Vec x_flow = x_em;
        for (std::size_t k = 0; k < steps; ++k) {
            const double t = static_cast<double>(k) * dt;
            for (std::size_t i = 0; i < n; ++i) x_em(i) = ch14::em_step(ConstD, x_em(i), t, dt, std::sqrt(dt) * s.rng().normal());
            const auto s0 = [&](double x) { return -(x - mean(t)) / var(t); };
            const auto s1 = [&](double x) { return -(x - mean(t + dt)) / var(t + dt); };
            flow_step(ConstD, x_flow, t, dt, s0, s1);
        }
        for (const double q : {0.25, 0.5, 0.75}) {
            const double xq = mean(1.0) + std::sqrt(var(1.0)) * wb::normal_quantile(q);
            s.monte_carlo(fmt::format("t = 1: the assignment's flow particles below x_{{{}}}: fraction = {}", q, q),
                          fraction_below(x_flow, xq), q);
            s.monte_carlo(fmt::format("t = 1: EM particles below x_{{{}}}: fraction = {}", q, q), fraction_below(x_em, xq), q);
        }
        // The plausible slip for this case: the flow with the reverse SDE's full D ∂log p.
        const double x75 = mean(1.0) + std::sqrt(var(1.0)) * wb::normal_quantile(0.75);
        wb::Vec x_full = xt::empty<double>({n});
        for (std::size_t i = 0; i < n; ++i) x_full(i) = X0Mean + X0Sd * s.rng().normal();
        for (std::size_t k = 0; k < steps; ++k) {
            const double t = static_cast<double>(k) * dt;
            const auto s0 = [&](double x) { return -2 * (x - mean(t)) / var(t); };
            const auto s1 = [&](double x) { return -2 * (x - mean(t + dt)) / var(t + dt); };
            flow_step(ConstD, x_full, t, dt, s0, s1);
        }
        s.control().monte_carlo("t = 1: flow with D ∂log p (no ½): fraction below x_{0.75} = 0.75", fraction_below(x_full, x75), 0.75);
    });

    /*md
    ## 5. At stationarity the assignment's particles drift away

    Start from $p_\infty$ itself (draws $Z/\sqrt{Z_1^2 + Z_2^2 + Z_3^2}$, a Student $t_3$ over $\sqrt3$). The
    density does not change, and neither do Euler–Maruyama particles' quartiles; the correct
    velocity is zero (§1) so flow particles do not move at all. The assignment's velocity $v = x$
    moves every particle to $x_0e^t$: its quartiles grow by $e$ in one time unit, although $p_t = p_\infty$.
    The check: Euler–Maruyama particles stay at $p_\infty$'s quartiles at $t = 1$; the control: the
    assignment's flow particles do too.

    ![Upper quartile of the particles started at the stationary law, against time](drift_away.svg)
    */
    ch.section("stationary", "At stationarity the naive flow drifts away  [exercises 14.2, 14.3]", [](wb::Section& s) {
        const std::size_t n = s.size(5000, 20000), steps = 500;
        const double dt = 1.0 / static_cast<double>(steps);
        wb::Vec x_em = ch14::stationary_sample(s.rng(), n), x_naive = ch14::stationary_sample(s.rng(), n);
        const auto score = [](double x) { return -4 * x / (1 + x * x); };
        std::vector<double> ts = {0.0}, q_em = {wb::quantile(x_em, 0.75)}, q_naive = {wb::quantile(x_naive, 0.75)};
        for (std::size_t k = 0; k < steps; ++k) {
            const double t = static_cast<double>(k) * dt;
            for (std::size_t i = 0; i < n; ++i) x_em(i) = ch14::em_step(StateD, x_em(i), t, dt, std::sqrt(dt) * s.rng().normal());
            flow_step(StateDNaive, x_naive, t, dt, score, score);
            if ((k + 1) % 25 == 0) {
                ts.push_back(static_cast<double>(k + 1) * dt);
                q_em.push_back(wb::quantile(x_em, 0.75));
                q_naive.push_back(wb::quantile(x_naive, 0.75));
            }
        }
        for (const double q : {0.25, 0.5, 0.75})
            s.monte_carlo(fmt::format("t = 1: EM particles from p∞ below its x_{{{}}}: fraction = {}", q, q),
                          fraction_below(x_em, ch14::stationary_quantile(q)), q);
        s.control().monte_carlo("t = 1: the assignment's flow particles from p∞ below its x_{0.75}: fraction = 0.75",
                                fraction_below(x_naive, ch14::stationary_quantile(0.75)), 0.75);

        const double x75 = ch14::stationary_quantile(0.75);
        std::vector<double> exact, grow;
        for (double t : ts) {
            exact.push_back(x75);
            grow.push_back(x75 * std::exp(t));
        }
        wb::Figure fig("drift_away", "Particles started at p∞ = (2/π)(1+x²)^{-2}: their upper quartile");
        fig.panel()
            .xlabel("time t")
            .ylabel("upper quartile x_{0.75}")
            .line(ts, exact, "p∞ (closed form)", Exact)
            .id("exact")
            .dashed(ts, grow, "x_{0.75} e^t", Naive)
            .id("growth")
            .points(ts, q_em, "Euler–Maruyama particles", Em)
            .id("em")
            .points(ts, q_naive, "flow particles, v = b − ½D∂log p", Naive)
            .id("naive")
            .key(wb::KeyPlace::Best);
        s.save(fig);
    });

    /*md
    ## References

    * Y. Song, J. Sohl-Dickstein, D. P. Kingma, A. Kumar, S. Ermon, B. Poole (2021). Score-based
      generative modeling through stochastic differential equations. *International Conference on
      Learning Representations (ICLR)*.
    */
    return ch.run(argc, argv);
}
