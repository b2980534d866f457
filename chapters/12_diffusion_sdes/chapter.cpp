/*md
# Chapter 12: Diffusion models through SDEs

The course's week 8 question asks how stochastic differential equations enter machine learning
and how they connect to diffusion models. The answer (Song et al. 2021) is a pair of equations: a
*forward* SDE that turns data into noise, and the *reverse-time* SDE (Anderson 1982) that turns
noise back into data, whose drift needs one unknown, the score $\nabla_x\log p_t(x)$ of the noised
data density $p_t$. A third equation, the *probability-flow* ODE, has the same marginals $p_t$
without any noise, and gives exact likelihoods by the change of variables.

This chapter checks each of these statements numerically. We take the data density $p_0$ to be a
two-dimensional Gaussian mixture,

$$p_0 = 0.3\,\mathcal N\big((-1.5, -1),\, 0.45^2 I\big) + 0.3\,\mathcal N\big((1.5, -1),\, 0.45^2 I\big)
+ 0.4\,\mathcal N\big((0, 1.5),\, 0.55^2 I\big),$$

because it stays a mixture at every time, so the score is known exactly (§2). That lets us
separate the errors of the samplers (§3–§4) from the error of a learned score, and end (§6) with a
diffusion model trained by denoising score matching and sampled end to end, every step checked
against the exact one.
*/
#include <array>
#include <cmath>
#include <vector>

#include <fmt/format.h>
#include <xtensor/xview.hpp>

#include "diffusion_sdes.hpp"
#include "model.hpp"
#include "wb/chapter.hpp"
#include "wb/constants.hpp"
#include "wb/diffusion.hpp"
#include "wb/gauss.hpp"
#include "wb/mmd.hpp"
#include "wb/numerics.hpp"
#include "wb/sde.hpp"
#include "wb/special.hpp"
#include "wb/stats.hpp"

namespace {

// One colour per method, the same in every figure (indices into the Okabe–Ito palette).
constexpr int Exact = 0;    // closed forms and exact draws of p_t
constexpr int Sde = 1;      // the reverse-time SDE (Euler–Maruyama)
constexpr int Ode = 2;      // the probability-flow ODE (Heun)
constexpr int Trained = 4;  // samplers driven by the trained score
constexpr int Draws = 7;    // simulated forward paths

// The VP SDE of the whole chapter: β(t) = β_min + t (β_max − β_min) on [0, T].
constexpr double BetaMin = 0.1, BetaMax = 20.0, T = 1.0;
const wb::VpSde Vp(BetaMin, BetaMax, T);
constexpr std::size_t D = 2;  // dimension of the data
// The MMD kernel's width: that of the mixture's components (0.45, 0.55).
constexpr double Ell = 0.5;

const wb::GaussianMixture P0 = wb::GaussianMixture::isotropic(
    {0.3, 0.3, 0.4}, {{-1.5, -1.0}, {1.5, -1.0}, {0.0, 1.5}}, {0.45, 0.45, 0.55});

// The exact score ∇log p_t, from the student's kernel (12.1) and mixture score (12.4).
void exact_score(const wb::Mat& x, double t, wb::Mat& s) {
    ch12::mixture_score(x, P0, ch12::vp_kernel(BetaMin, BetaMax, T, t), s);
}

// n samples by the reverse-time SDE (Euler–Maruyama, `steps` steps from T down to t_end),
// started from the prior N(0, I): the library's ReverseSde and solver.
wb::Mat sample_sde(const wb::Score& score, std::size_t n, std::size_t steps, wb::Rng& rng, double t_end = 0.0) {
    wb::Mat x = Vp.prior_sample(rng, n, D);
    const wb::ReverseSde reverse(Vp, score, T);
    wb::integrate(reverse, wb::Scheme::EulerMaruyama, x, 0.0, (T - t_end) / static_cast<double>(steps), steps, rng);
    return x;
}
// n samples by the probability-flow ODE (Heun, `steps` steps from T down to t_end).
wb::Mat sample_ode(const wb::Score& score, std::size_t n, std::size_t steps, wb::Rng& rng, double t_end = 0.0) {
    wb::Mat x = Vp.prior_sample(rng, n, D);
    const wb::ProbabilityFlow flow(Vp, score);
    wb::integrate_ode(flow, wb::OdeMethod::Heun, x, T, -(T - t_end) / static_cast<double>(steps), steps);
    return x;
}

// Largest |a − b| over two arrays of one shape, relative to the largest |b|.
double max_rel_diff(const wb::Mat& a, const wb::Mat& b) {
    double d = 0.0, s = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        d = std::max(d, std::fabs(a.data()[i] - b.data()[i]));
        s = std::max(s, std::fabs(b.data()[i]));
    }
    return d / s;
}

}  // namespace

int main(int argc, char** argv) {
    wb::Chapter ch;  // number and title from the heading above (see CMakeLists.txt)

    /*md
    ## 1. The variance-preserving SDE and its kernel

    The variance-preserving (VP) SDE, the continuous-time limit of DDPM (Ho et al. 2020), is

    $$dx = -\tfrac12\beta(t)\,x\,dt + \sqrt{\beta(t)}\,dW,\qquad
    \beta(t) = \beta_{\min} + \tfrac tT(\beta_{\max} - \beta_{\min}),$$

    with $\beta_{\min} = 0.1$, $\beta_{\max} = 20$ and $T = 1$ as in Song et al. (2021). It is linear
    in $x$, so with $B(t) = \int_0^t\beta(s)\,ds = \beta_{\min}t + (\beta_{\max}-\beta_{\min})t^2/(2T)$ the
    integrating factor $e^{B/2}$ gives $d(e^{B(t)/2}x_t) = e^{B(t)/2}\sqrt{\beta(t)}\,dW_t$ and

    $$x_t = m_t x_0 + \int_0^t e^{-(B(t) - B(s))/2}\sqrt{\beta(s)}\,dW_s,\qquad m_t = e^{-B(t)/2}.$$

    By Itô's isometry the noise has variance $\int_0^t e^{-(B(t)-B(s))}\beta(s)\,ds = 1 - e^{-B(t)}$, so
    the perturbation kernel is $p(x_t\mid x_0) = \mathcal N(m_t x_0,\, v_t I)$ with

    $$m_t = e^{-B(t)/2},\qquad v_t = 1 - e^{-B(t)} = 1 - m_t^2 .$$

    The name says why: if $\operatorname{Var}x_0 = 1$ then $\operatorname{Var}x_t = m_t^2 + v_t = 1$ for
    all $t$. At $T$, $m_T = e^{-5.025} \approx 0.0066$, so $p_T$ is $\mathcal N(0, I)$ to within a
    shift of $0.0066\,\mu$: the prior the samplers start from. We check the closed form against the
    moment ODEs Itô's formula gives, $\dot m_t = -\tfrac12\beta(t)m_t$ and
    $\dot v_t = \beta(t)(1 - v_t)$, and against Euler–Maruyama paths from a fixed $x_0$. The control
    replaces the integral $B(t)$ by $\beta(t)\,t$, the slip of treating $\beta$ as constant.
    */
    ch.section("kernel", "The VP kernel N(m_t x0, v_t I)  [exercise 12.1]", [](wb::Section& s) {
        for (double t : {0.05, 0.3, 0.8}) {
            const double h = 1e-6;
            const auto k = ch12::vp_kernel(BetaMin, BetaMax, T, t);
            const auto kp = ch12::vp_kernel(BetaMin, BetaMax, T, t + h), km = ch12::vp_kernel(BetaMin, BetaMax, T, t - h);
            s.exact(fmt::format("dm/dt = −½β(t) m_t at t = {}", t), (kp.m - km.m) / (2 * h), -0.5 * Vp.beta(t) * k.m, 1e-7);
            s.exact(fmt::format("dv/dt = β(t)(1 − v_t) at t = {}", t), (kp.v - km.v) / (2 * h),
                    Vp.beta(t) * (1 - k.v), 1e-7);
        }
        // Tiny t: v_t = β_min t (1 + O(t)); 1 − e^{−B} would lose every digit here.
        const double tiny = 1e-10;
        s.exact("v_t / (β_min t) → 1 as t → 0 (t = 1e−10)", ch12::vp_kernel(BetaMin, BetaMax, T, tiny).v / (BetaMin * tiny),
                1.0, 1e-6);

        // Paths from x0 by Euler–Maruyama (h = 0.3/600: its bias is far below the Monte Carlo error).
        const double x0 = 2.0, t = 0.3;
        const std::size_t n = s.size(4000, 20000), steps = 600;
        wb::Mat x(std::array<std::size_t, 2>{n, 1}, x0);
        wb::integrate(Vp, wb::Scheme::EulerMaruyama, x, 0.0, t / steps, steps, s.rng());
        const wb::Vec xt_ = xt::col(x, 0);
        const auto k = ch12::vp_kernel(BetaMin, BetaMax, T, t);
        const wb::Estimate mean = wb::mean_se(xt_), var = wb::variance_se(xt_);
        s.monte_carlo("E[x_t | x0] = m_t x0 (simulated, t = 0.3)", mean, k.m * x0);
        s.monte_carlo("Var[x_t | x0] = v_t (simulated, t = 0.3)", var, k.v);
        s.control().monte_carlo("E[x_t | x0] = exp(−½β(t) t) x0 (β taken as constant)", mean,
                                std::exp(-0.5 * Vp.beta(t) * t) * x0);
    });

    /*md
    ## 2. A mixture stays a mixture: the exact score

    Since $x_t = m_t x_0 + \sqrt{v_t}\,z$ with $z\sim\mathcal N(0, I)$ independent of $x_0$, a component
    $\mathcal N(\mu_j, \Sigma_j)$ of $p_0$ is carried to $\mathcal N(m_t\mu_j,\, m_t^2\Sigma_j + v_tI)$ with the
    same weight $w_j$. So $p_t$ is a Gaussian mixture at every $t$, and its score is exact:

    $$\nabla\log p_t(x) = \sum_j r_j(x)\,\big(m_t^2\Sigma_j + v_t I\big)^{-1}(m_t\mu_j - x),\qquad
    r_j(x) = \frac{w_j\,\mathcal N_j(x)}{\sum_k w_k\,\mathcal N_k(x)} .$$

    We check it against central differences of $\log p_t$ (the library's mixture density), and
    against the SDE itself: points $x_t$ simulated by Euler–Maruyama from draws of $p_0$ must satisfy
    Stein's identity $\mathbb E[\nabla\log p_t(x_t)\cdot x_t] = -\mathbb E[\nabla\cdot x] = -d$, which
    holds for the true score of the law of $x_t$ and fails for a wrong one. The control forgets to
    add $v_t$ to the component covariances (the data mixture merely shrunk by $m_t$); at $t = 0.05$,
    where $v_t = 0.029$ is small next to $m_t^2\sigma_j^2 \approx 0.2$–$0.3$, that is a subtle slip. The
    forward paths blur the three modes into the prior:

    ![Forward diffusion of the 2-D mixture: Euler–Maruyama draws of x_t at five times](forward.svg)
    */
    ch.section("marginal", "p_t is a mixture; the exact score  [exercises 12.1, 12.4]", [](wb::Section& s) {
        const double t = 0.2;
        const auto k = ch12::vp_kernel(BetaMin, BetaMax, T, t);
        const wb::GaussianMixture pt = Vp.marginal(P0, t);
        for (const std::array<double, 2> p : {std::array{-1.2, -0.8}, std::array{0.3, 0.4}, std::array{1.0, 2.0}}) {
            wb::Mat x = {{p[0], p[1]}}, g;
            ch12::mixture_score(x, P0, k, g);
            s.gradient(fmt::format("∇log p_t({}, {}) = central differences of log p_t", p[0], p[1]),
                       [&](std::span<const double> y) { return pt.log_density(y); }, std::vector<double>{p[0], p[1]},
                       std::vector<double>{g(0, 0), g(0, 1)}, 1e-6);
        }

        // Stein's identity at t = 0.05 on paths simulated from draws of p0 (h = 10⁻³).
        const std::size_t n = 20000, steps = 1000, shown = 800;
        const double ts = 0.05;
        wb::Mat x_stein = P0.sample(s.rng(), n);
        wb::integrate(Vp, wb::Scheme::EulerMaruyama, x_stein, 0.0, T / steps, 50, s.rng());
        const auto ks = ch12::vp_kernel(BetaMin, BetaMax, T, ts);
        auto stein = [&](const ch12::VpKernel& kernel) {
            wb::Mat g;
            ch12::mixture_score(x_stein, P0, kernel, g);
            wb::Vec dot = xt::empty<double>({n});
            for (std::size_t i = 0; i < n; ++i) dot(i) = g(i, 0) * x_stein(i, 0) + g(i, 1) * x_stein(i, 1);
            return wb::mean_se(dot);
        };
        s.monte_carlo("Stein: E[∇log p_t(x_t)·x_t] = −d on simulated x_t (t = 0.05)", stein(ks), -double(D));
        s.control().monte_carlo("Stein with v_t left out of the component variances", stein({ks.m, 0.0}), -double(D));

        // The figure's paths, observed at five times.
        const std::vector<std::size_t> at = {0, 50, 200, 500, 1000};  // step indices: t = 0, 0.05, 0.2, 0.5, 1
        wb::Mat x = P0.sample(s.rng(), shown);
        std::vector<wb::Mat> snaps;
        wb::integrate(Vp, wb::Scheme::EulerMaruyama, x, 0.0, T / steps, steps, s.rng(),
                      [&](std::size_t kk, double, const wb::Mat& xs) {
                          for (std::size_t a : at)
                              if (kk == a) snaps.push_back(xs);
                      });
        wb::Figure fig("forward", "Forward VP diffusion of the mixture: Euler–Maruyama draws of x_t", 1, 5);
        for (std::size_t a = 0; a < at.size(); ++a) {
            const double tt = static_cast<double>(at[a]) * T / steps;
            fig.panel(static_cast<int>(a))
                .title(fmt::format("t = {}", tt))
                .xlabel("x_1")
                .ylabel("x_2")
                .xrange(-3.5, 3.5)
                .yrange(-3.5, 3.5)
                .equal_aspect()
                .points(wb::Vec(xt::col(snaps[a], 0)), wb::Vec(xt::col(snaps[a], 1)), "draws of x_t", Draws)
                .id(fmt::format("draws_t{}", a + 1))
                .key(wb::KeyPlace::None);
        }
        fig.size(1750, 400);
        s.save(fig);
    });

    /*md
    ## 3. The reverse-time SDE and the probability-flow ODE

    Anderson (1982) showed that the forward SDE $dx = f(x, t)\,dt + g(t)\,dW$ has a reverse in time: the
    process run from $x_T \sim p_T$ backward by

    $$dx = \big[f(x, t) - g(t)^2\,\nabla\log p_t(x)\big]\,dt + g(t)\,d\bar W$$

    ($dt < 0$, $\bar W$ a Brownian motion in reverse time) has the same marginals $p_t$ as the forward
    one. Its Fokker–Planck equation is the forward one, $\partial_t p = -\nabla\cdot(fp) +
    \tfrac12 g^2\Delta p$, rewritten with $\tfrac12g^2\Delta p = \nabla\cdot(\tfrac12 g^2 p\,\nabla\log p)$:
    moving half of the diffusion into the drift gives the **probability-flow ODE**

    $$\frac{dx}{dt} = f(x, t) - \tfrac12 g(t)^2\,\nabla\log p_t(x),$$

    a deterministic flow whose marginals are again $p_t$ (chapter 14 derives it in detail). One
    Euler–Maruyama step of the reverse SDE from $t$ to $t - h$ is
    $x \leftarrow x - h\,[f - g^2 s](x, t) + g\,\Delta\bar W$ (exercise 12.2), and one Heun step of the ODE
    averages the velocity at both ends of an Euler predictor (exercise 12.3). We check both against
    the library's `wb::ReverseSde` and `wb::ProbabilityFlow`, which every sampler below uses, with the
    same increments. The controls are the two ways to drop a term: the reverse step without the
    score (the forward drift run backward) and the Heun step without its corrector (Euler).

    With the exact score, both reverse processes carry the prior back to the three modes; the SDE
    paths jitter, the ODE paths are smooth and each ends at a point fixed by its start:

    ![Reverse-time SDE and probability-flow ODE paths from the prior to the data](trajectories.svg)
    */
    ch.section("steps", "One reverse-SDE step and one probability-flow step  [exercises 12.2, 12.3]", [](wb::Section& s) {
        const std::size_t n = 64;
        const double t = 0.6, h = 0.01;
        const wb::Mat x = Vp.prior_sample(s.rng(), n, D);
        wb::Mat dW = xt::empty<double>({n, D});
        s.rng().fill_normal(dW, std::sqrt(h));

        // 12.2 against the library: the reverse SDE in τ = T − t, one EM step.
        wb::Mat mine = x, lib = x, noscore = x;
        ch12::reverse_sde_step(Vp, exact_score, mine, t, h, dW);
        const wb::ReverseSde reverse(Vp, exact_score, T);
        wb::StepWork w;
        wb::step(reverse, wb::Scheme::EulerMaruyama, lib, T - t, h, dW, w);
        s.exact("reverse EM step (12.2) = wb::ReverseSde + wb::step", max_rel_diff(mine, lib) + 1.0, 1.0, 1e-12);
        const wb::FunctionSde backward(
            [](const wb::Mat& y, double tau, wb::Mat& f) { Vp.drift(y, T - tau, f); f = -f; },
            [](const wb::Mat& y, double tau, wb::Mat& g) { Vp.diffusion(y, T - tau, g); });
        wb::step(backward, wb::Scheme::EulerMaruyama, noscore, T - t, h, dW, w);
        s.control().exact("reverse step = the forward SDE run backward (no score term)", max_rel_diff(mine, noscore) + 1.0,
                          1.0, 1e-12);

        // 12.3 against the library: one Heun step of the probability flow, backward in t.
        wb::Mat heun = x, heun_lib = x, euler = x;
        ch12::flow_heun_step(Vp, exact_score, heun, t, -h);
        const wb::ProbabilityFlow flow(Vp, exact_score);
        wb::OdeWork ow;
        wb::ode_step(flow, wb::OdeMethod::Heun, heun_lib, t, -h, ow);
        wb::ode_step(flow, wb::OdeMethod::Euler, euler, t, -h, ow);
        s.exact("probability-flow Heun step (12.3) = wb::ode_step(ProbabilityFlow, Heun)",
                max_rel_diff(heun, heun_lib) + 1.0, 1.0, 1e-12);
        s.control().exact("Heun step = Euler step (no corrector)", max_rel_diff(heun, euler) + 1.0, 1.0, 1e-12);

        // Figure: x_1 along 25 paths of each sampler, T → 0.
        const std::size_t paths = 25, steps = 500;
        const double dt = T / steps;
        std::vector<double> ts;
        for (std::size_t k = 0; k <= steps; ++k) ts.push_back(T - static_cast<double>(k) * dt);
        std::vector<std::vector<double>> sde_x(paths), ode_x(paths);
        wb::Mat y = Vp.prior_sample(s.rng(), paths, D), z = y;
        wb::integrate(reverse, wb::Scheme::EulerMaruyama, y, 0.0, dt, steps, s.rng(),
                      [&](std::size_t, double, const wb::Mat& ys) {
                          for (std::size_t i = 0; i < paths; ++i) sde_x[i].push_back(ys(i, 0));
                      });
        for (std::size_t k = 0; k <= steps; ++k) {
            for (std::size_t i = 0; i < paths; ++i) ode_x[i].push_back(z(i, 0));
            if (k < steps) wb::ode_step(flow, wb::OdeMethod::Heun, z, ts[k], -dt, ow);
        }
        wb::Figure fig("trajectories", "Paths of the reverse-time SDE and the probability-flow ODE (first coordinate)", 1, 2);
        auto& a = fig.panel(0).title("reverse-time SDE (Euler–Maruyama)").xlabel("time t").ylabel("x_1").yrange(-3.5, 3.5);
        for (std::size_t i = 0; i < paths; ++i) a.line(ts, sde_x[i], i == 0 ? "paths" : "", Sde);
        a.key(wb::KeyPlace::None);
        auto& b = fig.panel(1).title("probability-flow ODE (Heun)").xlabel("time t").ylabel("x_1").yrange(-3.5, 3.5);
        for (std::size_t i = 0; i < paths; ++i) b.line(ts, ode_x[i], i == 0 ? "paths" : "", Ode);
        b.key(wb::KeyPlace::None);
        fig.size(1300, 450);
        s.save(fig);
    });

    /*md
    ## 4. Both samplers return samples of $p_0$: quality against the number of steps

    To say how close a sample is to $p_0$ we use the maximum mean discrepancy (Gretton et al. 2012)
    with the Gaussian kernel $k(x, y) = e^{-|x-y|^2/(2\ell^2)}$, $\ell = 1/2$ (the width of the
    mixture's components):

    $$\mathrm{MMD}^2(q, p_0) = \mathbb E_{q}k(x, x') - 2\,\mathbb E_{q\times p_0}k(x, y) + \mathbb E_{p_0}k(y, y'),$$

    zero if and only if $q = p_0$. Since $p_0$ convolved with a Gaussian is again a mixture, the two
    terms involving $p_0$ are closed forms and only the sampler's draws enter (`wb::MixtureMmd`). We
    cut the $n$ draws into $B = 200$ blocks of $b = n/200$, compute in each block the unbiased
    U-statistic, and average: the mean is unbiased for $\mathrm{MMD}^2$ and its standard error comes
    from the spread over the independent blocks (Student-$t$ with $B - 1$ degrees of freedom).

    Why so many small blocks: when $q = p_0$ the U-statistic is *degenerate* (its first-order term
    vanishes; Gretton et al. 2012, §5), its law a weighted sum of centred $\chi^2_1$ variables,
    skewed to the right at every block size. A mean of few such blocks keeps the skew, and their
    spread is small exactly when their mean is low, so the $t$-statistic has a long left tail. With
    20 blocks of 100 draws, exact draws of $p_0$ gave $|t|$ above its critical value in 28
    of 40,000 samples of 2000, 11 times the nominal rate of $|z| > 4$ (2.5 expected); with 200
    blocks of 10, in 3 (measured with this chapter's $p_0$ and kernel). The price
    is precision: when $q = p_0$ the standard error falls as $1/\sqrt{n(b-1)}$, so fixing $B$ rather
    than $b$ keeps it falling as $1/n$.

    First a check of the yardstick itself: exact draws of $p_0$ give $\mathrm{MMD}^2 = 0$, and draws of
    the prior $\mathcal N(0, I)$ give a large value, which sets the scale of every claim below.
    Then each sampler runs with the exact score for a range of step counts. The reverse SDE by
    Euler–Maruyama has weak error $O(h)$; the probability-flow ODE by Heun has error $O(h^2)$ and
    reaches the noise floor with far fewer steps. The checks: with 200 Euler–Maruyama steps and with
    20 Heun steps the $\mathrm{MMD}^2$ is zero within its error; with 5 steps Euler–Maruyama's is
    positive, and larger than Heun's (5 steps are cheap, so those two runs take $4n$ draws):

    ![Sample quality MMD² to p₀ against the number of steps, reverse SDE and probability-flow ODE](quality.svg)

    Two controls are samplers with a plausible slip, which must be rejected as samples of $p_0$:
    the reverse SDE that keeps the forward drift's sign ($+f$ in reverse time, which pulls
    every path to the origin), and the probability-flow ODE with the reverse SDE's full
    $g^2\nabla\log p_t$ in place of $\tfrac12 g^2\nabla\log p_t$.
    */
    ch.section("sampling", "Reverse SDE and probability flow sample p0: MMD² against steps  [12.1, 12.4]", [](wb::Section& s) {
        const wb::MixtureMmd mmd(P0, Ell);
        const std::size_t n = s.size(2000, 6000);
        const wb::Estimate exact = mmd(P0.sample(s.rng(), n)), prior = mmd(Vp.prior_sample(s.rng(), n, D));
        const double scale = prior.value;
        s.note(fmt::format("MMD² of the prior N(0, I) to p0: {:.4f} ± {:.4f}", prior.value, prior.se));
        s.monte_carlo("MMD² of exact draws of p0 = 0", exact, 0.0, {.scale = scale});
        s.control().monte_carlo("MMD² of the prior N(0, I) = 0", prior, 0.0, {.scale = scale});

        const std::vector<std::size_t> steps = {5, 10, 20, 50, 100, 200};
        std::vector<double> N, sde_v, sde_se, ode_v, ode_se;
        std::vector<wb::Estimate> sde_e, ode_e;
        for (std::size_t N_ : steps) {
            // 5 steps are cheap: 4n draws resolve the SDE's bias against the ODE's.
            const std::size_t nN = N_ == 5 ? 4 * n : n;
            sde_e.push_back(mmd(sample_sde(exact_score, nN, N_, s.rng())));
            ode_e.push_back(mmd(sample_ode(exact_score, nN, N_, s.rng())));
            N.push_back(static_cast<double>(N_));
            sde_v.push_back(sde_e.back().value);
            sde_se.push_back(sde_e.back().se);
            ode_v.push_back(ode_e.back().value);
            ode_se.push_back(ode_e.back().se);
            s.note(fmt::format("N = {:3}: SDE {:.5f} ± {:.5f}   ODE {:.5f} ± {:.5f}", N_, sde_v.back(), sde_se.back(),
                               ode_v.back(), ode_se.back()));
            s.progress(N.size(), steps.size());
        }
        s.monte_carlo("reverse SDE, EM with 200 steps: MMD² = 0", sde_e.back(), 0.0, {.scale = scale});
        s.monte_carlo("probability flow, Heun with 20 steps: MMD² = 0", ode_e[2], 0.0, {.scale = scale});
        s.greater("reverse SDE, EM with 5 steps: MMD² > 0 (the O(h) bias shows)", sde_e[0], 0.0, {.scale = scale});
        s.greater("5 steps: MMD²(SDE, EM) > MMD²(ODE, Heun)", sde_e[0], ode_e[0], {.scale = scale});

        // Controls: the two slips, with as many steps as the checks above.
        const wb::FunctionSde wrong_sign(
            [](const wb::Mat& y, double tau, wb::Mat& f) {
                wb::Mat g, sc;
                Vp.drift(y, T - tau, f);
                Vp.diffusion(y, T - tau, g);
                exact_score(y, T - tau, sc);
                f = f + g * g * sc;  // +f where the reverse SDE has −f
            },
            [](const wb::Mat& y, double tau, wb::Mat& g) { Vp.diffusion(y, T - tau, g); });
        wb::Mat xw = Vp.prior_sample(s.rng(), n, D);
        wb::integrate(wrong_sign, wb::Scheme::EulerMaruyama, xw, 0.0, T / 200, 200, s.rng());
        s.control().monte_carlo("reverse SDE with the forward drift's sign: MMD² = 0", mmd(xw), 0.0, {.scale = scale});
        const wb::Score doubled = [](const wb::Mat& y, double t, wb::Mat& sc) { exact_score(y, t, sc); sc *= 2.0; };
        s.control().monte_carlo("probability flow with g² ∇log p_t (no ½): MMD² = 0", mmd(sample_ode(doubled, n, 20, s.rng())),
                                0.0, {.scale = scale});

        wb::Figure fig("quality", "Sample quality against the number of steps, exact score");
        fig.panel()
            .xlabel("number of steps N")
            .ylabel("MMD² to p_0 (± 1 se)")
            .logx()
            .errorbars(N, sde_v, sde_se, "reverse SDE, Euler–Maruyama", Sde)
            .id("sde")
            .errorbars(N, ode_v, ode_se, "probability-flow ODE, Heun", Ode)
            .id("ode")
            .dashed({N.front(), N.back()}, {exact.value, exact.value}, "exact draws of p_0", Exact)
            .id("exact")
            .xrange(4, 250)
            .key(wb::KeyPlace::Best);
        s.save(fig);
    });

    /*md
    ## 5. Exact likelihood by the instantaneous change of variables

    Along a flow $\dot x = v(x, t)$ the density obeys $\frac{d}{dt}\log p_t(x_t) = -\nabla\cdot v(x_t, t)$
    (the continuity equation along a trajectory; Chen et al. 2018). Integrating from $0$ to $T$,

    $$\log p_0(x_0) = \log p_T(x_T) + \int_0^T \nabla\cdot v(x_t, t)\,dt,$$

    where $x_t$ solves the probability-flow ODE from $x_0$. For the VP SDE
    $\nabla\cdot v = -\tfrac12\beta(t)\,d - \tfrac12\beta(t)\,\nabla\cdot\nabla\log p_t$. The library's
    `wb::flow_log_likelihood` integrates $x$ and the divergence together (RK4, the divergence by
    central differences). With the exact score and the exact $p_T$ it must return the known
    $\log p_0(x_0)$ to solver accuracy. The control forgets the divergence integral,
    $\log p_0(x_0) \approx \log p_T(x_T)$, as if the flow preserved volume. The prior $\mathcal N(0, I)$
    in place of $p_T$ costs only the small mismatch of §1 (the note reports it).
    */
    ch.section("likelihood", "log p0 by the probability-flow ODE and its divergence  [12.1, 12.4]", [](wb::Section& s) {
        const wb::ProbabilityFlow flow(Vp, exact_score);
        const wb::GaussianMixture pT = Vp.marginal(P0, T);
        const auto log_pT = [&](const wb::Mat& x) { return pT.log_density(x); };
        const std::size_t steps = 200;
        // Fixed points: in a mode, between modes, in the tail.
        const wb::Mat x0 = {{-1.5, -1.0}, {0.2, 0.3}, {1.4, -0.6}, {0.0, 2.2}, {2.5, 1.5}, {-3.0, 0.5}};
        const wb::Vec ll = wb::flow_log_likelihood(flow, x0, 0.0, T, steps, log_pT);
        const wb::Vec ll_prior = wb::flow_log_likelihood(flow, x0, 0.0, T, steps,
                                                         [](const wb::Mat& x) { return Vp.prior_log_density(x); });
        const wb::Vec truth = P0.log_density(x0);
        wb::Mat xT = x0;
        wb::integrate_ode(flow, wb::OdeMethod::RK4, xT, 0.0, T / steps, steps);
        const wb::Vec no_div = pT.log_density(xT);
        double worst_prior = 0.0;
        for (std::size_t i = 0; i < x0.shape(0); ++i) {
            s.exact(fmt::format("log p0({}, {}) by the flow = exact log p0", x0(i, 0), x0(i, 1)), ll(i), truth(i), 1e-6);
            s.control().exact(fmt::format("log p0({}, {}) = log p_T(x_T) (no divergence)", x0(i, 0), x0(i, 1)), no_div(i), truth(i),
                              1e-3);
        }
        for (std::size_t i = 0; i < x0.shape(0); ++i) worst_prior = std::max(worst_prior, std::fabs(ll_prior(i) - truth(i)));
        s.note(fmt::format("with the prior N(0, I) in place of p_T: largest |error| {:.2e} over {} points", worst_prior,
                           x0.shape(0)));
    });

    /*md
    ## 6. A diffusion model trained and sampled end to end

    In practice the score is unknown and learned from samples by denoising score matching
    (Vincent 2011; chapter 9): at time $t$, with $x_t = m_t x_0 + \sqrt{v_t}\,z$, minimise
    $\mathbb E\,|s(x_t) - (-z/\sqrt{v_t})|^2$, whose minimiser over all functions is $\nabla\log p_t$
    (chapter 13). Our model is linear in its parameters: at each time of a grid
    $t_k = t_{\min} + k(T - t_{\min})/N$ ($t_{\min} = 10^{-3}$, $N = 50$; 25 with `--quick`),
    $s_k(x) = A_k^\top\Phi(x)$ with $\Phi$ a constant, $x$ itself and 64 Gaussian bumps on an $8\times8$
    grid over $[-3.5, 3.5]^2$ of width $\sqrt{\ell^2 + v_t}$ ($\ell$ the spacing); the DSM loss is then a
    least-squares problem, solved exactly at each $t_k$ (with a ridge of $10^{-5}$ of the mean diagonal,
    which keeps the coefficients of bumps that see few samples from running wild). The samplers
    take $N$ steps on the same grid and stop at $t_{\min}$. Nothing about $p_0$ enters but its samples.

    Checks: the fitted score is close to the exact one in $L^2(p_t)$,
    $\mathbb E|s - \nabla\log p_t|^2 < 0.05\,\mathbb E|\nabla\log p_t|^2$, at $t \approx 0.3$ and $0.9$ (at
    $t \approx 0.04$, where the modes are sharp and the bumps wide, the error is larger; the report
    notes it). Then the samples of the trained model, by the reverse SDE and by the ODE, and those of
    the exact-score samplers with the same $N$ steps, must all be closer to the target $p_{t_{\min}}$
    than a tenth of the prior's $\mathrm{MMD}^2$. The controls: the data score $\nabla\log p_0$ used at
    every time, which is not the score of $p_t$; and a model trained on the target $-z$ instead of
    $-z/\sqrt{v_t}$ (the noise itself, which DDPM's $\epsilon$-prediction regresses on, mistaken for the
    score), whose samples stay far from $p_0$. The trained model's samples next to exact draws show
    the three modes, with more points strayed between them than exact draws have, most visibly by the ODE:

    ![Samples of the trained diffusion model by both samplers, next to exact draws of p₀](trained_samples.svg)
    */
    ch.section("trained", "A score model fitted by DSM, sampled by both samplers  [12.1, 12.4]", [](wb::Section& s) {
        const double t_min = 1e-3;
        const std::size_t N = s.size(25, 50), n_train = s.size(6000, 8000), n = s.size(6000, 9000);
        const wb::Mat x0 = P0.sample(s.rng(), n_train);
        const ch12::GridScoreModel model(x0, Vp, t_min, N, s.rng());
        const wb::Score learned = [&](const wb::Mat& x, double t, wb::Mat& out) { model.score(x, t, out); };

        // DSM with the noise −z as the target (the control's model).
        const ch12::GridScoreModel eps(x0, Vp, t_min, N, s.rng(), ch12::GridScoreModel::Target::Noise);
        const wb::Score eps_score = [&](const wb::Mat& x, double t, wb::Mat& out) { eps.score(x, t, out); };

        // Relative L²(p_t) error E|s − ∇log p_t|² / E|∇log p_t|² on fresh draws x (n, 2) of p_t.
        auto rel_error = [&](const wb::Score& fitted, const wb::Mat& x, double t) {
            wb::Mat se, sl;
            exact_score(x, t, se);
            fitted(x, t, sl);
            wb::Vec err = xt::empty<double>({x.shape(0)}), size = xt::empty<double>({x.shape(0)});
            for (std::size_t i = 0; i < x.shape(0); ++i) {
                err(i) = (sl(i, 0) - se(i, 0)) * (sl(i, 0) - se(i, 0)) + (sl(i, 1) - se(i, 1)) * (sl(i, 1) - se(i, 1));
                size(i) = se(i, 0) * se(i, 0) + se(i, 1) * se(i, 1);
            }
            return wb::ratio_of_means(err, size);
        };
        const wb::Score data_score = [](const wb::Mat& x, double, wb::Mat& out) { out = P0.score(x); };
        for (const double frac : {0.04, 0.3, 0.9}) {
            const std::size_t k = static_cast<std::size_t>(std::lround(frac * static_cast<double>(N)));
            const double t = model.time(k);
            const wb::Mat x = Vp.marginal(P0, t).sample(s.rng(), 8000);
            const wb::Estimate r = rel_error(learned, x, t);
            if (frac == 0.04) {
                s.note(fmt::format("t = {:.3f}: relative L² error of the fitted score {:.3f} ± {:.3f}", t, r.value, r.se));
                continue;
            }
            s.less(fmt::format("relative L²(p_t) error of the fitted score < 5% at t = {:.3f}", t), r, 0.05);
            if (frac == 0.3)
                s.control().less(fmt::format("the data score ∇log p0 in place of the fit: error < 5% at t = {:.3f}", t),
                                 rel_error(data_score, x, t), 0.05);
        }

        const wb::MixtureMmd mmd(Vp.marginal(P0, t_min), Ell);
        const wb::Estimate prior = mmd(Vp.prior_sample(s.rng(), n, D));
        const wb::Estimate bound{0.1 * prior.value, 0.1 * prior.se, prior.n};  // 10% of the prior's MMD²
        const wb::McOptions at_scale{.scale = prior.value};
        const wb::Mat xs_l = sample_sde(learned, n, N, s.rng(), t_min), xo_l = sample_ode(learned, n, N, s.rng(), t_min);
        const wb::Estimate sde_l = mmd(xs_l), ode_l = mmd(xo_l);
        const wb::Estimate sde_x = mmd(sample_sde(exact_score, n, N, s.rng(), t_min));
        const wb::Estimate ode_x = mmd(sample_ode(exact_score, n, N, s.rng(), t_min));
        s.note(fmt::format("MMD² with {} steps — trained: SDE {:.5f} ± {:.5f}, ODE {:.5f} ± {:.5f}; exact score: SDE {:.5f} ± "
                           "{:.5f}, ODE {:.5f} ± {:.5f}; prior {:.4f}",
                           N, sde_l.value, sde_l.se, ode_l.value, ode_l.se, sde_x.value, sde_x.se, ode_x.value, ode_x.se,
                           prior.value));
        s.less("trained model, reverse SDE: MMD² < 10% of the prior's", sde_l, bound, at_scale);
        s.less("trained model, probability flow: MMD² < 10% of the prior's", ode_l, bound, at_scale);
        s.less("exact score, reverse SDE: MMD² < 10% of the prior's", sde_x, bound, at_scale);
        s.less("exact score, probability flow: MMD² < 10% of the prior's", ode_x, bound, at_scale);
        s.control().less("trained on −z, probability flow: MMD² < 10% of the prior's",
                         mmd(sample_ode(eps_score, 6000, N, s.rng(), t_min)), bound, at_scale);

        // Figure: 800 draws each of p0 and of the trained model's two samplers.
        const std::size_t shown = 800;
        const wb::Mat exact = P0.sample(s.rng(), shown);
        const std::array<const wb::Mat*, 3> sets = {&exact, &xs_l, &xo_l};
        const std::array<const char*, 3> titles = {"exact draws of p_0", "trained score, reverse SDE (EM)",
                                                   "trained score, probability flow (Heun)"};
        const std::array<int, 3> colours = {Exact, Sde, Ode};
        wb::Figure fig("trained_samples", fmt::format("A diffusion model trained by DSM and sampled with {} steps", N), 1, 3);
        for (int a = 0; a < 3; ++a) {
            const wb::Mat& m = *sets[static_cast<std::size_t>(a)];
            const wb::Vec x1 = xt::view(m, xt::range(0, shown), 0), x2 = xt::view(m, xt::range(0, shown), 1);
            fig.panel(a)
                .title(titles[static_cast<std::size_t>(a)])
                .xlabel("x_1")
                .ylabel("x_2")
                .xrange(-3.5, 3.5)
                .yrange(-3.5, 3.5)
                .equal_aspect()
                .points(x1, x2, "draws", colours[static_cast<std::size_t>(a)])
                .id(fmt::format("draws_{}", a + 1))
                .key(wb::KeyPlace::None);
        }
        fig.size(1300, 450);
        s.save(fig);
    });

    /*md
    ## References

    * B. D. O. Anderson (1982). Reverse-time diffusion equation models. *Stochastic Processes and their
      Applications* 12(3), 313–326.
    * R. T. Q. Chen, Y. Rubanova, J. Bettencourt, D. Duvenaud (2018). Neural ordinary differential
      equations. *Advances in Neural Information Processing Systems (NeurIPS)* 31.
    * A. Gretton, K. M. Borgwardt, M. J. Rasch, B. Schölkopf, A. Smola (2012). A kernel two-sample
      test. *Journal of Machine Learning Research* 13, 723–773.
    * J. Ho, A. Jain, P. Abbeel (2020). Denoising diffusion probabilistic models. *NeurIPS* 33.
    * Y. Song, J. Sohl-Dickstein, D. P. Kingma, A. Kumar, S. Ermon, B. Poole (2021). Score-based
      generative modeling through stochastic differential equations. *International Conference on
      Learning Representations (ICLR)*.
    * P. Vincent (2011). A connection between score matching and denoising autoencoders. *Neural
      Computation* 23(7), 1661–1674.
    */
    return ch.run(argc, argv);
}
