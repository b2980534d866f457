/*md
# Chapter 01: Optimisation without gradients

Gradient descent needs $\nabla f$. Assignment 01 of the course left two questions open — how
to descend when $f$ is convex but not differentiable, and whether there is a best mini-batch
size $m < N$ — and assignment 11's answer to the assignment 01 questions sketches the
answers: use a subgradient, and there is no universal best $m$. This chapter derives both and
checks them with numbers.

The running example is **least absolute deviations** (LAD): for data $(x_i, y_i)$,
$i = 1, \dots, n$, rows $a_i = (1, x_i)$ and weights $w \in \mathbb R^2$ (intercept and slope),

$$f(w) = \frac1n \sum_{i=1}^n \left|y_i - a_i^\top w\right|,$$

convex and piecewise linear, with a kink wherever a residual $r_i = y_i - a_i^\top w$ is zero
— and the minimiser sits on such kinks. The data are $x_i \sim U(-1, 1)$,
$y_i = 0.5 + 1.5x_i + 0.5\,\varepsilon_i$ with Student-$t_3$ noise $\varepsilon_i$, the heavy
tails for which one fits LAD rather than least squares (chapter 03).

The answers, in brief: replace the gradient by any **subgradient** (§1); with the step
$\eta = B/(\rho\sqrt T)$ the averaged iterate is within $B\rho/\sqrt T$ of the optimum (§3), which
we compute exactly by another route (§2); a constant step stalls at a level proportional to the
step (§4). A mini-batch of size $m$ drawn without replacement from $N$ examples has gradient
variance $\frac{\sigma^2}{m}\frac{N-m}{N-1}$ (§5), and there is no universal best $m$: it depends
on whether one counts gradient evaluations or updates (§6).
*/
#include <algorithm>
#include <bit>
#include <cstdint>
#include <cmath>
#include <numeric>
#include <vector>

#include <fmt/format.h>

#include "model.hpp"
#include "optimisation.hpp"
#include "wb/chapter.hpp"
#include "wb/constants.hpp"
#include "wb/numerics.hpp"
#include "wb/stats.hpp"

namespace {

// One colour per method, the same in every figure (indices into the Okabe–Ito palette).
constexpr int Bound = 0;      // theoretical bounds and exact formulas
constexpr int FixedStep = 1;  // the fixed step η = B/(ρ√T), averaged iterate
constexpr int Schedule = 2;   // the 1/√t schedule (exercise 01.2)
constexpr int Constant[] = {3, 4, 6};  // constant steps, largest first
constexpr int Slip = 5;       // the controls' slips
constexpr int Draws = 7;      // Monte Carlo estimates

constexpr std::size_t N_lad = 40;  // data points in the LAD problems of §1–§4

// The norm of a (p) vector.
double norm(const wb::Vec& v) { return std::sqrt(xt::sum(v * v)()); }

// A run of the subgradient method from w_1 (0 unless given) with the update
// w_{t+1} = step(w_t, g_t, t), t = 1 … T, on
// the data (A (n, p), y (n)): f(w_t) for every t, the average w̄_T of w_1 … w_T and the
// largest subgradient norm met.
struct Run {
    std::vector<double> f;  // (T) f(w_t)
    wb::Vec w_bar;          // (p)
    double max_g = 0;
};
template <class Step>
Run subgradient_method(const wb::Mat& A, const wb::Vec& y, std::size_t T, Step step, const wb::Vec* w1 = nullptr) {
    Run run{{}, xt::zeros<double>({A.shape(1)})};
    run.f.reserve(T);
    wb::Vec w = w1 ? *w1 : wb::Vec(xt::zeros<double>({A.shape(1)}));
    for (std::size_t t = 1; t <= T; ++t) {
        run.f.push_back(ch01::lad_objective(A, y, w));
        run.w_bar += w;
        const wb::Vec g = ch01::lad_subgradient(A, y, w);
        run.max_g = std::max(run.max_g, norm(g));
        w = step(w, g, t);
    }
    run.w_bar /= static_cast<double>(T);
    return run;
}

// The mean of f(w_t) − f* over the late iterates T/2 < t ≤ T of a run.
double late_excess(const std::vector<double>& f, double f_star) {
    const std::size_t T = f.size();
    double s = 0.0;
    for (std::size_t t = T / 2; t < T; ++t) s += f[t] - f_star;
    return s / static_cast<double>(T - T / 2);
}

}  // namespace

int main(int argc, char** argv) {
    wb::Chapter ch;  // number and title from the heading above (see CMakeLists.txt)

    /*md
    ## 1. Subgradients

    A vector $g$ is a **subgradient** of a convex $f$ at $w$ if the affine function through
    $(w, f(w))$ with slope $g$ stays below $f$ everywhere:

    $$f(v) \ge f(w) + g^\top (v - w) \quad \text{for all } v .$$

    The set of them is the subdifferential $\partial f(w)$; where $f$ is differentiable it is
    $\{\nabla f(w)\}$ (Shalev-Shwartz & Ben-David 2014, §14.2). For $f(x) = |x|$ at $x = 0$ the
    inequality reads $|v| \ge g v$ for all $v$, i.e. $|g| \le 1$: $\partial|x|(0) = [-1, 1]$, and
    $\partial|x|(x) = \{\operatorname{sign} x\}$ elsewhere. Sums and affine maps carry over
    (the chain rule through $r_i = y_i - a_i^\top w$ contributes $-a_i$), so

    $$\partial f(w) = \Big\{-\frac1n\sum_{i=1}^n s_i\,a_i \;:\; s_i = \operatorname{sign} r_i
    \text{ if } r_i \ne 0,\; s_i \in [-1, 1] \text{ if } r_i = 0\Big\}.$$

    Exercise 01.1 returns one element of it, and the subgradient method steps *against* it,
    $w_{t+1} = w_t - \eta_t g_t$. (Assignment 11's answer writes the update as
    $x_{k+1} = x_k + \eta g_k$; with the plus sign the method climbs. Exercise 01.2 carries that
    slip as a mutant its tests reject.) An equivalent description, independent of any
    choice of the $s_i$, is the one-sided directional derivative, the support function of
    $\partial f(w)$:

    $$f'(w; d) = \lim_{\tau\downarrow 0}\frac{f(w + \tau d) - f(w)}{\tau} = \max_{g\in\partial f(w)} g^\top d
    = -\frac1n\sum_{r_i\ne0}\operatorname{sign}(r_i)\,a_i^\top d + \frac1n\sum_{r_i=0}|a_i^\top d| .$$

    We check: the subgradient inequality for $|x|$ with every $g$ on a grid of $[-1, 1]$; at a
    point where no residual vanishes, the exercise's subgradient against a finite-difference
    gradient; at the LAD optimum, where two residuals vanish, the subgradient inequality of the
    exercise's answer on many points $v$, and the support-function formula against the difference
    quotient, which for a piecewise-linear $f$ and a step $\tau$ short of the next kink along $d$
    is exact up to rounding. Two
    controls: $g = 1.05$ is not a subgradient of $|x|$ at 0; and dropping the second sum — treating
    $\operatorname{sign}(0) = 0$ as if it were the whole subdifferential, as if $f$ were
    differentiable at its kinks — gets the directional derivative wrong.
    */
    ch.section("subgradients", "Subgradients of |x| and of the LAD objective  [exercise 01.1]", [](wb::Section& s) {
        // |v| ≥ g v for every g ∈ [−1, 1] and v on a grid; not for g = 1.05.
        const std::vector<double> vs = wb::linspace(-3.0, 3.0, 61);
        auto worst_gap = [&](double g) {  // min_v |v| − g v: ≥ 0 iff g is a subgradient at 0
            double m = 0.0;
            for (double v : vs) m = std::min(m, std::fabs(v) - g * v);
            return m;
        };
        double worst = 0.0;
        for (double g : wb::linspace(-1.0, 1.0, 41)) worst = std::min(worst, worst_gap(g));
        s.holds("|v| ≥ g v for all g ∈ [−1, 1] (∂|x|(0) ⊇ [−1, 1])", worst >= 0.0, worst, 0.0);
        s.control().holds("g = 1.05 is a subgradient of |x| at 0", worst_gap(1.05) >= 0.0, worst_gap(1.05), 0.0);

        const ch01::LadData d = ch01::lad_data(s.rng(), N_lad);
        // A smooth point: no residual is 0, so ∂f = {∇f}.
        const wb::Vec w0 = {0.2, -0.4};
        const wb::Vec g0 = ch01::lad_subgradient(d.A, d.y, w0);
        s.gradient("01.1 at a smooth point = ∇f by central differences",
                   [&](std::span<const double> w) { return ch01::lad_objective(d.A, d.y, wb::Vec{w[0], w[1]}); },
                   std::vector<double>{w0(0), w0(1)}, std::vector<double>{g0(0), g0(1)}, 1e-6, 1e-7);

        // The optimum: residuals i and j vanish, f is not differentiable there.
        const ch01::LadOptimum opt = ch01::lad_by_enumeration(d.A, d.y);
        const wb::Vec g = ch01::lad_subgradient(d.A, d.y, opt.w);
        double min_gap = 1e300;  // min over v of f(v) − f(w*) − gᵀ(v − w*)
        for (std::size_t k = 0; k < 2000; ++k) {
            const double scale = std::pow(10.0, s.rng().uniform(-6.0, 1.0));
            const wb::Vec v = opt.w + scale * wb::Vec{s.rng().normal(), s.rng().normal()};
            min_gap = std::min(min_gap, ch01::lad_objective(d.A, d.y, v) - opt.f - xt::sum(g * (v - opt.w))());
        }
        s.holds("01.1 at the optimum: f(v) ≥ f(w*) + gᵀ(v − w*) on 2000 points v", min_gap >= -1e-12, min_gap, 0.0);

        // f'(w*; d) by the difference quotient against the support function, in a few directions.
        // Along d, f is linear until a nonzero residual changes sign, at τ = |r_i|/|a_iᵀd|; a step of
        // half the nearest such τ makes the quotient exact up to rounding (a fixed small step is not
        // when a third residual is nearly zero as well).
        for (double angle : {0.3, 1.9, 4.0}) {
            const wb::Vec dir = {std::cos(angle), std::sin(angle)};
            double tau = 1e-2;
            for (std::size_t i = 0; i < d.A.shape(0); ++i) {
                const double r = d.y(i) - d.A(i, 0) * opt.w(0) - d.A(i, 1) * opt.w(1);
                const double ad = d.A(i, 0) * dir(0) + d.A(i, 1) * dir(1);
                if (std::fabs(r) > 1e-9 && ad != 0.0) tau = std::min(tau, 0.5 * std::fabs(r / ad));
            }
            const double quotient = (ch01::lad_objective(d.A, d.y, opt.w + tau * dir) - opt.f) / tau;
            s.exact(fmt::format("f'(w*; d) = max_{{g∈∂f}} gᵀd, d at angle {}", angle), quotient,
                    ch01::lad_directional_derivative(d.A, d.y, opt.w, dir), 1e-5);
            if (angle == 0.3)
                s.control().exact("f'(w*; d) with sign(0) = 0 as the whole subdifferential", quotient,
                                  ch01::lad_directional_derivative(d.A, d.y, opt.w, dir, 1e-9, false), 1e-5);
        }
    });

    /*md
    ## 2. The exact LAD optimum, by enumeration

    To test the subgradient method we need $f^\star = \min_w f(w)$ exactly, by a route that
    does not use the method. LAD is a linear programme: minimise $\frac1n\sum_i (u_i + v_i)$
    subject to $a_i^\top w + u_i - v_i = y_i$, $u, v \ge 0$. A linear programme with a finite
    optimum attains it at a vertex, and at a vertex at least $p$ of the constraints hold with
    $u_i = v_i = 0$: **some LAD optimum interpolates $p$ data points**. For $p = 2$ we therefore
    try the $n(n-1)/2$ lines through pairs of points and keep the best. For an intercept-only fit
    ($p = 1$) the same argument says the optimum is one of the $y_k$ — the median.

    The checks are the optimality condition $0 \in \partial f(w^\star)$, which by §1 is
    $f'(w^\star; d) \ge 0$ for every direction $d$: in two dimensions $f'(w^\star;\cdot)$ is linear
    on each cone between the directions $d \perp a_i$ of the two interpolated points, so it is
    enough to test those four directions (and we also test 360 more); and the median for $p = 1$.
    The control is the plausible shortcut of taking the least-squares line as the LAD fit.
    */
    ch.section("optimum", "The exact LAD optimum by enumeration", [](wb::Section& s) {
        const ch01::LadData d = ch01::lad_data(s.rng(), N_lad);
        const ch01::LadOptimum opt = ch01::lad_by_enumeration(d.A, d.y);
        // The cone edges: the directions ±a_i^⊥ of the two interpolated points.
        double min_edge = 1e300, min_all = 1e300;
        for (std::size_t k : {opt.i, opt.j})
            for (double sgn : {1.0, -1.0}) {
                const wb::Vec dir = {-sgn * d.A(k, 1), sgn * d.A(k, 0)};
                min_edge = std::min(min_edge, ch01::lad_directional_derivative(d.A, d.y, opt.w, dir / norm(dir)));
            }
        for (double a : wb::linspace(0.0, 2 * wb::Pi, 361)) {
            const wb::Vec dir = {std::cos(a), std::sin(a)};
            min_all = std::min(min_all, ch01::lad_directional_derivative(d.A, d.y, opt.w, dir));
        }
        s.holds("0 ∈ ∂f(w*): f'(w*; d) ≥ 0 on the four cone edges", min_edge >= -1e-12, min_edge, 0.0);
        s.holds("f'(w*; d) ≥ 0 on 361 directions", min_all >= -1e-12, min_all, 0.0);

        // Intercept only: the best y_k is the median (n = 40 is even: any point between the middle two).
        const wb::Mat ones = xt::ones<double>({N_lad, std::size_t{1}});
        double best = 1e300;
        for (std::size_t k = 0; k < N_lad; ++k) best = std::min(best, ch01::lad_objective(ones, d.y, wb::Vec{d.y(k)}));
        s.exact("p = 1: min_k f(y_k) = f(median y)", best, ch01::lad_objective(ones, d.y, wb::Vec{wb::median(d.y)}), 1e-12);

        // Control: the least-squares line, (AᵀA)⁻¹Aᵀy for p = 2.
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (std::size_t i = 0; i < N_lad; ++i) {
            const double x = d.A(i, 1);
            sx += x, sy += d.y(i), sxx += x * x, sxy += x * d.y(i);
        }
        const double n = static_cast<double>(N_lad), slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        const wb::Vec ols = {(sy - slope * sx) / n, slope};
        s.control().exact("the least-squares line minimises f", ch01::lad_objective(d.A, d.y, ols), opt.f, 1e-6);
        s.note(fmt::format("w* = ({:.4f}, {:.4f}) through points {} and {}; f* = {:.6f}; f(OLS) − f* = {:.2e}", opt.w(0),
                           opt.w(1), opt.i, opt.j, opt.f, ch01::lad_objective(d.A, d.y, ols) - opt.f));
    });

    /*md
    ## 3. The guarantee $f(\bar w) - f^\star \le B\rho/\sqrt T$

    Let $w^\star$ be a minimiser with $\|w^\star\| \le B$, start at $w_1 = 0$, and let every
    subgradient have $\|g_t\| \le \rho$ (here $\|g\| \le \frac1n\sum_i\|a_i\| =: \rho$). One step
    $w_{t+1} = w_t - \eta g_t$ gives
    $\|w_{t+1} - w^\star\|^2 = \|w_t - w^\star\|^2 - 2\eta\,g_t^\top(w_t - w^\star) + \eta^2\|g_t\|^2$,
    and the subgradient inequality at $w_t$ says $g_t^\top(w_t - w^\star) \ge f(w_t) - f^\star$.
    Summing over $t = 1, \dots, T$ and dropping $\|w_{T+1} - w^\star\|^2 \ge 0$,

    $$\sum_{t=1}^T \big(f(w_t) - f^\star\big) \le \frac{B^2}{2\eta} + \frac{\eta}{2}\,T\rho^2 .$$

    The right side is smallest at $\eta = B/(\rho\sqrt T)$, where it equals $B\rho\sqrt T$; by
    Jensen's inequality $f(\bar w) \le \frac1T\sum_t f(w_t)$ for the average
    $\bar w = \frac1T\sum_{t=1}^T w_t$, so

    $$f(\bar w) - f^\star \le \frac{B\rho}{\sqrt T}$$

    (Shalev-Shwartz & Ben-David 2014, Corollary 14.2). We run it with $B = \|w^\star\|$ from §2
    for $T = 10, 10^2, 10^3, 10^4$ and check the bound and $\|g_t\| \le \rho$. Being a theorem about
    this data set, the bound is a deterministic predicate. The control is the slip
    of the step $B/(\rho T)$ in place of $B/(\rho\sqrt T)$: it moves too little, and at $T = 10^4$ the
    averaged iterate is far outside the bound.
    */
    ch.section("guarantee", "f(w̄) − f* ≤ Bρ/√T for the step B/(ρ√T)  [exercise 01.1]", [](wb::Section& s) {
        const ch01::LadData d = ch01::lad_data(s.rng(), N_lad);
        const ch01::LadOptimum opt = ch01::lad_by_enumeration(d.A, d.y);
        const double B = norm(opt.w), rho = ch01::subgradient_bound(d.A);
        std::vector<double> Ts, gaps, bounds, slip_gaps;
        for (std::size_t T : {10, 100, 1000, 10000}) {
            const double Td = static_cast<double>(T), eta = B / (rho * std::sqrt(Td)), bound = B * rho / std::sqrt(Td);
            const Run run = subgradient_method(d.A, d.y, T, [&](const wb::Vec& w, const wb::Vec& g, std::size_t) {
                return wb::Vec(w - eta * g);
            });
            const double gap = ch01::lad_objective(d.A, d.y, run.w_bar) - opt.f;
            s.holds(fmt::format("T = {}: f(w̄) − f* ≤ Bρ/√T", T), gap <= bound, gap, bound);
            s.holds(fmt::format("T = {}: max_t ‖g_t‖ ≤ ρ", T), run.max_g <= rho, run.max_g, rho);
            const double eta_slip = B / (rho * Td);
            const Run slip = subgradient_method(d.A, d.y, T, [&](const wb::Vec& w, const wb::Vec& g, std::size_t) {
                return wb::Vec(w - eta_slip * g);
            });
            const double slip_gap = ch01::lad_objective(d.A, d.y, slip.w_bar) - opt.f;
            if (T == 10000) {
                s.control().holds("T = 10⁴, step B/(ρT): f(w̄) − f* ≤ Bρ/√T", slip_gap <= bound, slip_gap, bound);
            }
            s.note(fmt::format("T = {}: gap/bound = {:.4f}, gap·T/(Bρ) = {:.3f}, slip gap/bound = {:.3f}", T, gap / bound,
                               gap * Td / (B * rho), slip_gap / bound));
            Ts.push_back(Td);
            gaps.push_back(gap);
            bounds.push_back(bound);
            slip_gaps.push_back(slip_gap);
        }
    });


    /*md
    ## 4. A constant step stalls; the $1/\sqrt t$ schedule does not

    The bound of §3 holds for any constant $\eta$ before it is optimised in $\eta$:
    $\frac1T\sum_t (f(w_t) - f^\star) \le \frac{B^2}{2\eta T} + \frac{\eta\rho^2}{2}$. As
    $T\to\infty$ the first term vanishes but the second does not: nothing in the argument lets a
    constant step converge. For LAD it really does not. Near $w^\star$ the objective is
    $f^\star + \phi(w - w^\star)$ with $\phi$ piecewise linear and positively homogeneous, and
    its subgradients depend only on the direction of $w - w^\star$; so the recursion
    $u_{t+1} = u_t - \eta\,g(u_t)$ for $u_t = w_t - w^\star$ is the same recursion for $u_t/\eta$
    whatever $\eta$. The iterates keep jumping across the kink at distance of order $\eta$, and
    the excess $f(w_t) - f^\star$ settles at a level **proportional to $\eta$** as long as the
    orbit stays where only the residuals that vanish at $w^\star$ change sign.

    A decreasing schedule fixes this. Exercise 01.2 takes the step $\eta_t = \eta/\sqrt t$;
    the same telescoping with varying steps gives, for the best iterate so far,

    $$\min_{t\le T} f(w_t) - f^\star \le \frac{B^2 + \rho^2\sum_{t\le T}\eta_t^2}{2\sum_{t\le T}\eta_t},$$

    which with $\eta = B/\rho$ is $B\rho\,(1 + H_T)/(2\sum_{t\le T} t^{-1/2})$, $H_T$ the harmonic
    number: of order $\log T/\sqrt T$, so it goes to zero.

    The checks run on independent data sets, so their claims are about averages over data sets,
    with standard errors from the replications (Student-$t$ critical values). Let $L_T(\eta)$ be
    the mean excess over the late iterates $T/2 < t \le T$. With constant steps
    $\eta \in \{0.04, 0.02, 0.01\}$ and $T = 1000$, started at $w^\star$ itself — so that no transient mixes in —
    the method leaves the optimum (the exercise's subgradient there is not $0$) and running
    four times longer leaves the level where it was: $\mathbb E L_{4T}/\mathbb E L_T \in [0.8, 1.25]$ at $\eta = 0.02$. The control
    is the claim of convergence with a constant step, at least at the rate $1/\sqrt T$ of §3
    ($\mathbb E L_{4T}/\mathbb E L_T \le 1/2$). The proportionality itself is printed as a note,
    $4\,\mathbb E L_T(\eta/4)/\mathbb E L_T(\eta)$, close to $1$; it is not a check, because on a
    few data sets the orbit reaches the kinks of other residuals, the homogeneity argument no
    longer applies, and the ratio scatters too widely to decide on every seed. The $1/\sqrt t$
    schedule, started at $w_1 = 0$ with $\eta = B/\rho$, meets the bound above on every data set
    and every $T \le 4000$. The figure shows one data set: the three constant steps settle at
    levels ordered like the steps, while the schedule keeps descending.

    ![The subgradient method on LAD: constant steps started at the optimum stall, the 1/√t schedule keeps descending](steps.svg)
    */
    ch.section("constant_step", "A constant step stalls at a level ∝ η; η/√t converges  [01.1, 01.2]", [](wb::Section& s) {
        const std::vector<double> etas = {0.04, 0.02, 0.01};
        const std::size_t T = 1000, reps = s.size(32, 80);
        std::vector<double> level_small, level_large, level_T, level_4T;  // per data set
        double worst_ratio = 0.0;  // max over data sets of (best excess)/(anytime bound)
        std::vector<std::vector<double>> shown;  // the first data set's runs, for the figure
        double f_star0 = 0.0;
        for (std::size_t r = 0; r < reps; ++r) {
            const ch01::LadData d = ch01::lad_data(s.rng(), N_lad);
            const ch01::LadOptimum opt = ch01::lad_by_enumeration(d.A, d.y);
            std::vector<double> levels;
            for (double eta : etas) {
                const Run run = subgradient_method(
                    d.A, d.y, T, [&](const wb::Vec& w, const wb::Vec& g, std::size_t) { return wb::Vec(w - eta * g); },
                    &opt.w);
                levels.push_back(late_excess(run.f, opt.f));
                if (r == 0) shown.push_back(run.f);
            }
            level_small.push_back(4 * levels[2]), level_large.push_back(levels[0]);
            level_T.push_back(levels[1]);
            const Run longer = subgradient_method(
                d.A, d.y, 4 * T, [&](const wb::Vec& w, const wb::Vec& g, std::size_t) { return wb::Vec(w - etas[1] * g); },
                &opt.w);
            level_4T.push_back(late_excess(longer.f, opt.f));
            // The 1/√t schedule with η = B/ρ (exercise 01.2).
            const double B = norm(opt.w), rho = ch01::subgradient_bound(d.A), eta0 = B / rho;
            const Run sched = subgradient_method(d.A, d.y, 4 * T, [&](const wb::Vec& w, const wb::Vec& g, std::size_t t) {
                return ch01::subgradient_step(w, g, t, eta0);
            });
            double best = 1e300, sum_eta = 0.0, sum_eta2 = 0.0;
            for (std::size_t t = 1; t <= 4 * T; ++t) {
                best = std::min(best, sched.f[t - 1] - opt.f);
                const double eta_t = eta0 / std::sqrt(static_cast<double>(t));
                sum_eta += eta_t;
                sum_eta2 += eta_t * eta_t;
                worst_ratio = std::max(worst_ratio, best / ((B * B + rho * rho * sum_eta2) / (2 * sum_eta)));
            }
            if (r == 0) shown.push_back(sched.f), f_star0 = opt.f;
            s.progress(r + 1, reps);
        }
        const wb::Estimate sl = wb::ratio_of_means(level_small, level_large);
        const wb::Estimate stall = wb::ratio_of_means(level_4T, level_T);
        s.within("constant step η = 0.02: E L_4T / E L_T ∈ [0.8, 1.25] (it stalls)", stall, 0.8, 1.25);
        s.control().ratio_at_most("constant step η = 0.04 converges: E L_4T / E L_T ≤ 1/2", stall, 0.5);
        s.holds("η/√t schedule: min_{t≤T} f(w_t) − f* ≤ (B² + ρ²Ση_t²)/(2Ση_t) for all T ≤ 4000, all data sets",
                worst_ratio <= 1.0, worst_ratio, 1.0);
        s.note(fmt::format("4 L(η/4)/L(η) = {:.3f} ± {:.3f}; stall ratio {:.3f} ± {:.3f}; "
                           "worst best/bound {:.3f}",
                           sl.value, sl.se, stall.value, stall.se, worst_ratio));

        // Figure: f(w_t) − f* of the first data set on log–log axes, at about 300 log-spaced t.
        wb::Figure fig("steps", "Subgradient method on LAD (n = 40): excess f(w_t) − f* against the iteration t");
        fig.size(900, 520);
        auto& p = fig.panel().xlabel("iteration t").ylabel("f(w_t) − f*").logx().logy().key(wb::KeyPlace::Best);
        const std::vector<double> ts = wb::geomspace(1.0, 4.0 * T, 300);
        auto thin = [&](const std::vector<double>& f, std::vector<double>& x, std::vector<double>& y) {
            for (double t : ts) {
                const auto k = static_cast<std::size_t>(std::llround(t)) - 1;
                if (k < f.size() && f[k] - f_star0 > 0) x.push_back(static_cast<double>(k + 1)), y.push_back(f[k] - f_star0);
            }
        };
        for (std::size_t k = 0; k < etas.size(); ++k) {
            std::vector<double> x, y;
            thin(shown[k], x, y);
            p.line(x, y, fmt::format("constant η = {}", etas[k]), Constant[k]).id(fmt::format("constant{}", k));
        }
        std::vector<double> x, y;
        thin(shown.back(), x, y);
        p.line(x, y, "η_t = (B/ρ)/√t (exercise 01.2)", Schedule).id("schedule");
        s.save(fig);
    });

    /*md
    ## 5. The variance of a mini-batch gradient

    Let $g_1, \dots, g_N$ be the per-example (sub)gradients, $\bar g = \frac1N\sum_i g_i$ the full
    one and $\sigma^2 = \frac1N\sum_i\|g_i - \bar g\|^2$ their population variance. A mini-batch
    $S$ of size $m$ gives $\hat g = \frac1m\sum_{i\in S} g_i$, unbiased for $\bar g$ in both
    schemes. **With replacement** the $m$ draws are independent, each with variance $\sigma^2$,
    so $\mathbb E\|\hat g - \bar g\|^2 = \sigma^2/m$. **Without replacement** the draws are
    negatively correlated: for $i \ne j$ in the batch,
    $\mathbb E[(g_I - \bar g)^\top(g_J - \bar g)] = -\sigma^2/(N-1)$, because the $N$ deviations
    sum to zero. Hence

    $$\mathbb E\|\hat g - \bar g\|^2 = \frac1{m^2}\Big(m\sigma^2 - m(m-1)\frac{\sigma^2}{N-1}\Big)
    = \frac{\sigma^2}{m}\cdot\frac{N-m}{N-1},$$

    the finite-population correction of survey sampling (Cochran 1977, Theorem 2.2): it is
    negligible for $m \ll N$ and brings the variance to $0$ at $m = N$, where the batch is the
    whole data set.

    The gradients here are the per-example LAD subgradients $g_i = -\operatorname{sign}(r_i)\,a_i$ at
    a fixed $w$. For $N = 10$ we enumerate all $2^{10}$ subsets and all $10^m$ ordered draws with
    replacement ($m \le 3$), so both formulas are checked exactly. For $N = 1000$ we draw
    mini-batches with exercise 01.3 and with independent draws with replacement, and compare the
    mean of $\|\hat g - \bar g\|^2$ with the formulas. The control is the with-replacement
    formula $\sigma^2/m$ applied to sampling without replacement at $m$ close to $N$: exactly at
    $m = 9$ of $N = 10$, by Monte Carlo at $m = 900$ of $N = 1000$. On log–log axes the
    with-replacement variance is a line of slope $-1$ (we check the fitted slope); without
    replacement it bends down as $m \to N$:

    ![Mini-batch gradient variance against the batch size m, with and without replacement](minibatch_variance.svg)
    */
    ch.section("minibatch_variance", "Mini-batch variance σ²/m · (N − m)/(N − 1)  [exercise 01.3]", [](wb::Section& s) {
        const wb::Vec w = {0.3, 1.0};
        // Per-example LAD subgradients g_i = −sign(r_i) a_i at w: G (N, 2), their mean and σ².
        auto per_example = [&](const ch01::LadData& d, wb::Vec& g_bar, double& sigma2) {
            const std::size_t N = d.A.shape(0);
            wb::Mat G = xt::empty<double>({N, std::size_t{2}});
            for (std::size_t i = 0; i < N; ++i) {
                const double r = d.y(i) - d.A(i, 0) * w(0) - d.A(i, 1) * w(1), sg = r > 0 ? 1.0 : r < 0 ? -1.0 : 0.0;
                G(i, 0) = -sg * d.A(i, 0), G(i, 1) = -sg * d.A(i, 1);
            }
            g_bar = xt::mean(G, {0});
            sigma2 = 0.0;
            for (std::size_t i = 0; i < N; ++i)
                sigma2 += (G(i, 0) - g_bar(0)) * (G(i, 0) - g_bar(0)) + (G(i, 1) - g_bar(1)) * (G(i, 1) - g_bar(1));
            sigma2 /= static_cast<double>(N);
            return G;
        };
        auto without = [](double sigma2, double m, double N) { return sigma2 / m * (N - m) / (N - 1); };

        // N = 10: every subset, and every ordered draw with replacement for m ≤ 3.
        {
            const std::size_t N = 10;
            const ch01::LadData d = ch01::lad_data(s.rng(), N);
            wb::Vec g_bar;
            double sigma2 = 0;
            const wb::Mat G = per_example(d, g_bar, sigma2);
            std::vector<double> sum(N + 1, 0.0), count(N + 1, 0.0);  // per m: Σ‖ĝ − ḡ‖² and the number of subsets
            for (std::uint32_t mask = 1; mask < (1u << N); ++mask) {
                double g0 = 0, g1 = 0;
                for (std::size_t i = 0; i < N; ++i)
                    if (mask >> i & 1u) g0 += G(i, 0), g1 += G(i, 1);
                const auto m = static_cast<std::size_t>(std::popcount(mask));
                g0 = g0 / static_cast<double>(m) - g_bar(0), g1 = g1 / static_cast<double>(m) - g_bar(1);
                sum[m] += g0 * g0 + g1 * g1;
                count[m] += 1;
            }
            for (std::size_t m : {1, 2, 5, 9, 10})
                s.exact(fmt::format("N = 10, m = {}: all subsets: E‖ĝ − ḡ‖² = σ²/m·(N − m)/(N − 1)", m), sum[m] / count[m],
                        without(sigma2, static_cast<double>(m), static_cast<double>(N)), 1e-10, 1e-14 * sigma2);
            s.control().exact("N = 10, m = 9 without replacement: E‖ĝ − ḡ‖² = σ²/m", sum[9] / count[9], sigma2 / 9, 1e-10);
            for (std::size_t m = 1; m <= 3; ++m) {
                double total = 0;
                std::size_t tuples = 1;
                for (std::size_t k = 0; k < m; ++k) tuples *= N;
                for (std::size_t code = 0; code < tuples; ++code) {
                    double g0 = 0, g1 = 0;
                    for (std::size_t k = 0, c = code; k < m; ++k, c /= N) g0 += G(c % N, 0), g1 += G(c % N, 1);
                    g0 = g0 / static_cast<double>(m) - g_bar(0), g1 = g1 / static_cast<double>(m) - g_bar(1);
                    total += g0 * g0 + g1 * g1;
                }
                s.exact(fmt::format("N = 10, m = {}: all draws with replacement: E‖ĝ − ḡ‖² = σ²/m", m),
                        total / static_cast<double>(tuples), sigma2 / static_cast<double>(m), 1e-10);
            }
        }

        // N = 1000 by Monte Carlo: exercise 01.3 without replacement, independent draws with.
        const std::size_t N = 1000, K = s.size(3000, 16000);
        const ch01::LadData d = ch01::lad_data(s.rng(), N);
        wb::Vec g_bar;
        double sigma2 = 0;
        const wb::Mat G = per_example(d, g_bar, sigma2);
        const std::vector<double> ms = {1, 10, 32, 100, 320, 900};
        std::vector<double> mc_wo, se_wo, mc_w, se_w;
        wb::Vec dev = xt::empty<double>({K});
        for (double md : ms) {
            const auto m = static_cast<std::size_t>(md);
            for (std::size_t k = 0; k < K; ++k) {
                const wb::Vec g = ch01::minibatch_gradient(d.A, d.y, w, m, s.rng());
                dev(k) = (g(0) - g_bar(0)) * (g(0) - g_bar(0)) + (g(1) - g_bar(1)) * (g(1) - g_bar(1));
            }
            const wb::Estimate e = wb::mean_se(dev);
            s.monte_carlo(fmt::format("N = 1000, m = {} (01.3): E‖ĝ − ḡ‖² = σ²/m·(N − m)/(N − 1)", m), e,
                          without(sigma2, md, static_cast<double>(N)));
            if (m == 900)
                s.control().monte_carlo("N = 1000, m = 900 without replacement: E‖ĝ − ḡ‖² = σ²/m", e, sigma2 / md);
            mc_wo.push_back(e.value), se_wo.push_back(e.se);
            for (std::size_t k = 0; k < K; ++k) {
                double g0 = 0, g1 = 0;
                for (std::size_t j = 0; j < m; ++j) {
                    const std::size_t i = s.rng().below(N);
                    g0 += G(i, 0), g1 += G(i, 1);
                }
                g0 = g0 / md - g_bar(0), g1 = g1 / md - g_bar(1);
                dev(k) = g0 * g0 + g1 * g1;
            }
            const wb::Estimate ew = wb::mean_se(dev);
            s.monte_carlo(fmt::format("N = 1000, m = {} with replacement: E‖ĝ − ḡ‖² = σ²/m", m), ew, sigma2 / md);
            mc_w.push_back(ew.value), se_w.push_back(ew.se);
            s.progress(mc_w.size(), ms.size());
        }
        const wb::LogLogFit fit = wb::loglog_slope(ms, mc_w, se_w);
        s.monte_carlo("with replacement: log–log slope of the variance against m = −1", fit.slope, -1.0, {.scale = 1.0});
        s.note(fmt::format("σ² = {:.4f} at w = (0.3, 1) for N = 1000", sigma2));

        wb::Figure fig("minibatch_variance", "Mini-batch gradient variance E‖ĝ − ḡ‖² against the batch size (N = 1000)");
        const std::vector<double> mf = wb::geomspace(1.0, 999.0, 200);
        std::vector<double> f_wo, f_w;
        for (double m : mf) f_wo.push_back(without(sigma2, m, static_cast<double>(N))), f_w.push_back(sigma2 / m);
        fig.panel()
            .xlabel("batch size m")
            .ylabel("E‖ĝ − ḡ‖²")
            .logx()
            .logy()
            .line(mf, f_w, "σ²/m (with replacement)", Slip)
            .id("with_formula")
            .line(mf, f_wo, "σ²/m · (N − m)/(N − 1) (without)", Bound)
            .id("without_formula")
            .errorbars(ms, mc_w, se_w, "Monte Carlo, with replacement ± 1 se", Draws)
            .id("with_mc")
            .errorbars(ms, mc_wo, se_wo, "Monte Carlo, exercise 01.3 ± 1 se", Schedule)
            .id("without_mc")
            .key(wb::KeyPlace::Best);
        s.save(fig);
    });

    /*md
    ## 6. Is there a best batch size?

    The course's answer is that there is no universal best $m$, and that common choices are
    32, 64, …; the numbers say why. Take $N = 320$ examples and run mini-batch subgradient descent
    with batches from exercise 01.3 and the steps $\eta_t = \eta/\sqrt t$ of exercise 01.2
    ($\eta = 1$, $w_1 = 0$) for $m \in \{1, 10, 32, N\}$, over a budget of 10 epochs, i.e. $10N$
    per-example gradient evaluations. One update costs $m$ evaluations and its noise has variance
    $\frac{\sigma^2}{m}\frac{N-m}{N-1}$ (§5). Counted in **gradient evaluations** (epochs), small
    batches win: $m = 1$ makes $N$ updates per epoch where $m = N$ makes one. Counted in
    **updates** — the right clock when an update's $m$ evaluations run in parallel, as on a GPU
    for moderate $m$ — the full batch wins, since its steps carry no noise. Which $m$ is best thus
    depends on what one pays for, and the hardware decides the price (Keskar et al. 2017 discuss a
    further effect of large batches on generalisation, which this convex problem cannot show).

    We check both rankings over independent runs on one data set (paired by run, Student-$t$
    critical values): after 2 epochs $f(w)$ is lower for $m = 1$ than for $m = N$, and after 10
    updates it is lower for $m = N$ than for $m = 1$. The control is the belief that the full
    batch is best per gradient evaluation too.

    ![Mini-batch subgradient descent on LAD: loss against epochs and against updates for m = 1, 10, 32, N](batch_size.svg)
    */
    ch.section("batch_size", "Loss against epochs and against updates for m ∈ {1, 10, 32, N}  [01.2, 01.3]", [](wb::Section& s) {
        const std::size_t N = 320, epochs = 10, reps = s.size(100, 240);
        const std::vector<std::size_t> ms = {1, 10, 32, N};
        const ch01::LadData d = ch01::lad_data(s.rng(), N);
        const double f_star = ch01::lad_by_enumeration(d.A, d.y).f;
        // Per m: f(w) after every update of the first run (figure); per run: f after 2 epochs and after 10 updates.
        std::vector<std::vector<double>> curve(ms.size());
        std::vector<std::vector<double>> at_2_epochs(ms.size()), at_10_updates(ms.size());
        for (std::size_t r = 0; r < reps; ++r) {
            for (std::size_t k = 0; k < ms.size(); ++k) {
                const std::size_t m = ms[k], updates = epochs * N / m;
                wb::Vec w = xt::zeros<double>({std::size_t{2}});
                for (std::size_t t = 1; t <= updates; ++t) {
                    w = ch01::subgradient_step(w, ch01::minibatch_gradient(d.A, d.y, w, m, s.rng()), t, 1.0);
                    const bool record = r == 0 || t == 10 || t == 2 * N / m;
                    if (!record) continue;
                    const double f = ch01::lad_objective(d.A, d.y, w);
                    if (r == 0) curve[k].push_back(f - f_star);
                    if (t == 10) at_10_updates[k].push_back(f);
                    if (t == 2 * N / m) at_2_epochs[k].push_back(f);
                }
            }
            s.progress(r + 1, reps);
        }
        const std::size_t one = 0, full = ms.size() - 1;
        const wb::Estimate per_eval = wb::paired_difference(at_2_epochs[one], at_2_epochs[full]);
        const double scale = f_star;  // differences measured against the size of the loss
        s.less("2 epochs: f(w) for m = 1 < for m = N (per gradient evaluation)", per_eval, 0.0, {.scale = scale});
        s.control().less("2 epochs: f(w) for m = N < for m = 1 (full batch best per evaluation)",
                         wb::Estimate{-per_eval.value, per_eval.se, per_eval.n}, 0.0, {.scale = scale});
        const wb::Estimate per_update = wb::paired_difference(at_10_updates[full], at_10_updates[one]);
        s.less("10 updates: f(w) for m = N < for m = 1 (per update)", per_update, 0.0, {.scale = scale});
        s.note(fmt::format("f* = {:.5f}; 2 epochs: f(m = 1) − f(m = N) = {:.4f} ± {:.4f}; 10 updates: f(N) − f(1) = {:.4f} ± {:.4f}",
                           f_star, per_eval.value, per_eval.se, per_update.value, per_update.se));

        wb::Figure fig("batch_size", "Mini-batch subgradient descent on LAD (N = 320): excess loss f(w) − f*", 1, 2);
        const int colours[] = {Constant[0], Constant[1], Constant[2], FixedStep};
        auto& by_epoch = fig.panel(0).title("per gradient evaluation").xlabel("epochs (gradient evaluations / N)")
                             .ylabel("f(w) − f*").logy().key(wb::KeyPlace::Best);
        auto& by_update = fig.panel(1).title("per update").xlabel("updates t").ylabel("f(w) − f*").logx().logy()
                              .key(wb::KeyPlace::Best);
        for (std::size_t k = 0; k < ms.size(); ++k) {
            const double m = static_cast<double>(ms[k]);
            std::vector<double> ep, up, y;
            for (std::size_t t = 1; t <= curve[k].size(); ++t) {
                const double ex = std::max(curve[k][t - 1], 1e-9);
                // Thin the m = 1 curve to every 8th update.
                if (ms[k] == 1 && t % 8 != 0) continue;
                ep.push_back(static_cast<double>(t) * m / N), up.push_back(static_cast<double>(t)), y.push_back(ex);
            }
            const std::string label = ms[k] == N ? "m = N = 320" : fmt::format("m = {}", ms[k]);
            by_epoch.line(ep, y, label, colours[k]).id(fmt::format("epochs_m{}", ms[k]));
            by_update.line(up, y, label, colours[k]).id(fmt::format("updates_m{}", ms[k]));
        }
        fig.size(1300, 460);
        s.save(fig);
    });

    /*md
    ## Summary

    * A convex $f$ that is not differentiable still has subgradients; $\partial|x|(0) = [-1, 1]$, and
      any element of $\partial f(w)$ may stand in for the gradient (§1).
    * The LAD optimum interpolates $p$ data points, so small problems are solved exactly by
      enumeration (§2).
    * With $\eta = B/(\rho\sqrt T)$ the averaged iterate is within $B\rho/\sqrt T$ of $f^\star$ (§3);
      a constant step stalls, while $\eta_t = \eta/\sqrt t$ keeps converging (§4).
    * A mini-batch drawn without replacement has gradient variance
      $\frac{\sigma^2}{m}\frac{N-m}{N-1}$, with replacement $\sigma^2/m$ (§5).
    * There is no universal best $m$: per gradient evaluation $m = 1$ wins, per update the full
      batch wins (§6).

    ## References

    * W. G. Cochran (1977). *Sampling Techniques*, 3rd ed. Wiley. (The variance of a mean under
      sampling without replacement, Theorem 2.2, §5.)
    * N. S. Keskar, D. Mudigere, J. Nocedal, M. Smelyanskiy, P. T. P. Tang (2017). On large-batch
      training for deep learning: generalization gap and sharp minima. *International Conference on
      Learning Representations (ICLR)*. (Large batches and generalisation, §6.)
    * S. Shalev-Shwartz, S. Ben-David (2014). *Understanding Machine Learning: From Theory to
      Algorithms*. Cambridge University Press. (Subgradients, §14.2; the guarantee of the subgradient
      method, Corollary 14.2, §1 and §3.)
    */
    return ch.run(argc, argv);
}
