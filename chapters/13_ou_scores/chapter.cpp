/*md
# Chapter 13: Ornstein–Uhlenbeck — conditional vs marginal score

Diffusion models are trained to learn the score $\nabla_x \log p_t(x)$ of the noised data
density $p_t$, yet the loss they minimise uses a different target: the score of the
*conditional* density $p(x_t \mid x_0)$, which is a Gaussian and trivial to write down. This
chapter answers the course's week-10 questions — are the two scores the same, why may we train on
the conditional one, and what is the constant $C_t$ between the two losses — on the
one-dimensional Ornstein–Uhlenbeck (OU) process

$$dx = -\theta\,x\,dt + \sigma\,dW,$$

where $\theta > 0$ is the rate at which $x$ is pulled back to $0$, $\sigma > 0$ scales the noise
and $W$ is a standard Wiener process. We start it from a data density $p_0$ that is a Gaussian
mixture,

$$p_0 = 0.4\,\mathcal N(-1.5,\,0.3^2) + 0.6\,\mathcal N(1,\,0.5^2),$$

because then *every* quantity below — the marginal density $p_t$, its score, the constant $C_t$ —
has an exact value to check the derivation against. Throughout, $\theta = 1$ and $\sigma = \sqrt2$,
so that the stationary law is $\mathcal N(0, 1)$. To keep the OU rate $\theta$ apart from a
network's parameters, we write the parameters of a score model $s_\varphi$ as $\varphi$.

The answers, in brief: the two scores differ (§2–§3), the conditional score averages to the
marginal one given $x_t$ (§4), so the two regression losses differ by a constant
$C_t \ge 0$ that does not depend on $\varphi$ (§5) — the *conditional* loss is the larger one — and
$C_t$ blows up like $1/v_t$ as $t \to 0$ (§6), which is why training weights the loss by
$\lambda(t) = v_t$. Least squares on conditional targets finds the marginal score's best fit (§7).
*/
#include <array>
#include <cmath>
#include <vector>

#include <fmt/format.h>
#include <xtensor/xview.hpp>

#include "model.hpp"
#include "ou.hpp"
#include "wb/chapter.hpp"
#include "wb/constants.hpp"
#include "wb/gauss.hpp"
#include "wb/numerics.hpp"
#include "wb/sde.hpp"
#include "wb/special.hpp"
#include "wb/stats.hpp"

namespace {

using ch13::OuKernel;

// One colour per kind of curve, the same in every figure (indices into the Okabe–Ito palette).
constexpr int Exact = 0;        // closed forms: the kernel, p_t, ∇log p_t, C_t
constexpr int MonteCarlo = 1;   // Monte Carlo estimates of C_t (exercise 13.4)
constexpr int Fit = 2;          // the least-squares fit s_φ
constexpr int DataScore = 3;    // the data score ∇log p_0
constexpr int Conditional = 4;  // draws of the conditional score ∇log p(x_t | x_0)
constexpr int Reference = 5;    // reference curves, e.g. 1/v_t
constexpr int Draws = 7;        // simulated paths and histograms of draws

// The process and the data density of the whole chapter.
constexpr double Theta = 1.0;
constexpr double Sigma = wb::Sqrt2;
const wb::GaussianMixture P0 = wb::GaussianMixture::univariate({0.4, 0.6}, {-1.5, 1.0}, {0.3, 0.5});

// The library's OU process: an independent reference for the student's kernel (13.1).
const wb::OrnsteinUhlenbeck Ou(Theta, Sigma);
OuKernel reference_kernel(double t) { return {Ou.mean_scale(t), Ou.variance(t)}; }

}  // namespace

int main(int argc, char** argv) {
    wb::Chapter ch;  // number and title from the heading above (see CMakeLists.txt)

    /*md
    ## 1. The perturbation kernel

    The OU equation is linear, so it can be solved exactly. Multiplying by the integrating factor
    $e^{\theta t}$ gives $d(e^{\theta t}x_t) = \sigma e^{\theta t}\,dW_t$, hence

    $$x_t = e^{-\theta t}x_0 + \sigma\int_0^t e^{-\theta(t-s)}\,dW_s .$$

    The stochastic integral is Gaussian with mean zero, and by Itô's isometry its variance is
    $\sigma^2\int_0^t e^{-2\theta(t-s)}ds$. So the perturbation kernel is
    $p(x_t\mid x_0) = \mathcal N(m_t x_0,\, v_t)$ with

    $$m_t = e^{-\theta t}, \qquad v_t = \frac{\sigma^2\left(1 - e^{-2\theta t}\right)}{2\theta}.$$

    Two independent checks: the moments must satisfy the ODEs that Itô's formula gives for the
    mean and variance, $\dot m_t = -\theta m_t$ and $\dot v_t = \sigma^2 - 2\theta v_t$; and paths
    simulated by Euler–Maruyama (chapter 11) from a fixed $x_0$ must have mean $m_t x_0$ and
    variance $v_t$. The control drops the factor 2 in the exponent of $v_t$ — a common slip — and
    the simulation must reject it. Twenty of the simulated paths stay, as they should, mostly
    inside the kernel's band $m_t x_0 \pm 2\sqrt{v_t}$, which widens as the mean decays to $0$:

    ![Ornstein–Uhlenbeck paths from x₀ = 1.5 inside the kernel's mean ± 2 sd](ou_paths.svg)
    */
    ch.section("kernel", "The perturbation kernel N(m_t x0, v_t)  [exercise 13.1]", [](wb::Section& s) {
        // Moment ODEs by central differences, at a few times.
        for (double t : {0.1, 0.5, 2.0}) {
            const double h = 1e-5;
            const OuKernel k = ch13::ou_kernel(Theta, Sigma, t);
            const OuKernel kp = ch13::ou_kernel(Theta, Sigma, t + h), km = ch13::ou_kernel(Theta, Sigma, t - h);
            s.exact(fmt::format("dm/dt = −θ m_t at t = {}", t), (kp.m - km.m) / (2 * h), -Theta * k.m, 1e-7);
            s.exact(fmt::format("dv/dt = σ² − 2θ v_t at t = {}", t), (kp.v - km.v) / (2 * h),
                    Sigma * Sigma - 2 * Theta * k.v, 1e-7);
        }

        // Simulate paths from x0 with Euler–Maruyama (h = 1/400: its bias is far below the MC error).
        const double x0 = 1.5, T = 1.0;
        const std::size_t n = s.size(4000, 20000), steps = 400;
        wb::Mat x(std::array<std::size_t, 2>{n, 1}, x0);  // (n paths, 1)
        std::vector<std::vector<double>> shown(20);         // the first 20 paths, (steps + 1) each
        wb::integrate(Ou, wb::Scheme::EulerMaruyama, x, 0.0, T / steps, steps, s.rng(),
                      [&](std::size_t, double, const wb::Mat& paths) {
                          for (std::size_t i = 0; i < shown.size(); ++i) shown[i].push_back(paths(i, 0));
                      });
        const wb::Vec x_T = xt::col(x, 0);
        const OuKernel k = ch13::ou_kernel(Theta, Sigma, T);
        const wb::Estimate mean = wb::mean_se(x_T);
        const wb::Estimate var = wb::variance_se(x_T);
        s.monte_carlo("E[x_T | x0] = m_T x0 (simulated)", mean, k.m * x0);
        s.monte_carlo("Var[x_T | x0] = v_T (simulated)", var, k.v);
        // Control: v_t with e^{−θt} in place of e^{−2θt}.
        s.control().monte_carlo("Var[x_T | x0] = σ²(1 − e^{−θT})/(2θ)", var,
                                Sigma * Sigma * (1 - std::exp(-Theta * T)) / (2 * Theta));

        // Figure: the paths inside the kernel's mean ± 2 sd band.
        wb::Figure fig("ou_paths", "Ornstein–Uhlenbeck paths from x_0 = 1.5 inside the kernel N(m_t x_0, v_t)");
        auto& p = fig.panel().xlabel("time t").ylabel("x_t").yrange(-2, 4).key(wb::KeyPlace::Best);
        std::vector<double> ts = wb::linspace(0.0, T, steps + 1), lo, hi, mid;
        for (double t : ts) {
            const OuKernel kt = ch13::ou_kernel(Theta, Sigma, t);
            mid.push_back(kt.m * x0);
            lo.push_back(kt.m * x0 - 2 * std::sqrt(kt.v));
            hi.push_back(kt.m * x0 + 2 * std::sqrt(kt.v));
        }
        p.band(ts, lo, hi, "kernel: m_t x_0 ± 2√v_t", Exact).id("band");
        for (std::size_t i = 0; i < shown.size(); ++i) p.line(ts, shown[i], i == 0 ? "Euler–Maruyama paths" : "", Draws);
        p.line(ts, mid, "kernel mean m_t x_0", Exact).id("mean");
        s.save(fig);
    });

    /*md
    ## 2. The conditional score

    Differentiating $\log\mathcal N(x_t; m_t x_0, v_t)$ in $x_t$ gives the **conditional score**

    $$\nabla_{x_t}\log p(x_t\mid x_0) = -\frac{x_t - m_t x_0}{v_t} = -\frac{z}{\sqrt{v_t}},
    \qquad x_t = m_t x_0 + \sqrt{v_t}\,z,\; z\sim\mathcal N(0,1).$$

    It points from $x_t$ back to the kernel's mean and is cheap to evaluate: this is what a
    denoising loss regresses on. Its size is of order $1/\sqrt{v_t}$, so it explodes as
    $t\to0$. As for any score, its mean under its own density is zero and its second moment is
    the Fisher information $1/v_t$ of the Gaussian. We check the formula against a finite
    difference of the log-density, and the two moments by Monte Carlo.
    */
    ch.section("conditional", "The conditional score  [exercise 13.2]", [](wb::Section& s) {
        const double t = 0.3, x0 = -1.2;
        const OuKernel k = reference_kernel(t);
        for (double x_t : {-2.0, -0.7, 0.4}) {
            const double g = ch13::conditional_score(x_t, x0, k);
            s.gradient(fmt::format("∇ log N(x_t; m x0, v) at x_t = {}", x_t),
                       [&](std::span<const double> x) { return wb::normal_logpdf(x[0], k.m * x0, k.v); },
                       std::vector<double>{x_t}, std::vector<double>{g});
        }
        const std::size_t n = s.size(20000, 100000);
        const wb::Vec z = s.rng().normal_vector(n);
        wb::Vec score = xt::empty<double>({n}), score2 = xt::empty<double>({n});
        for (std::size_t i = 0; i < n; ++i) {
            score(i) = ch13::conditional_score(k.m * x0 + std::sqrt(k.v) * z(i), x0, k);
            score2(i) = score(i) * score(i);
        }
        s.exact("score = −z/√v on a draw", score(0), -z(0) / std::sqrt(k.v), 1e-12);
        s.monte_carlo("E[∇log p(x_t|x0) | x0] = 0", wb::mean_se(score), 0.0, {.scale = 1.0 / std::sqrt(k.v)});
        s.monte_carlo("E[(∇log p(x_t|x0))² | x0] = 1/v_t", wb::mean_se(score2), 1.0 / k.v);
        // Control: the second moment is 1/v, not the 1/√v of the score's typical size.
        s.control().monte_carlo("E[(∇log p(x_t|x0))² | x0] = 1/√v_t", wb::mean_se(score2), 1.0 / std::sqrt(k.v));
    });

    /*md
    ## 3. The marginal density and its score

    The marginal $p_t(x_t) = \int p(x_t\mid x_0)\,p_0(x_0)\,dx_0$ is the law of
    $m_t x_0 + \sqrt{v_t}\,z$. A Gaussian component $\mathcal N(\mu_j, s_j^2)$ of $p_0$ is carried
    to $\mathcal N(m_t\mu_j,\; m_t^2 s_j^2 + v_t)$, so $p_t$ is again a mixture with the same
    weights:

    $$p_t(x) = \sum_j w_j\,\mathcal N\!\left(x;\; m_t\mu_j,\; m_t^2 s_j^2 + v_t\right),\qquad
    \nabla\log p_t(x) = \sum_j r_j(x)\,\frac{m_t\mu_j - x}{m_t^2 s_j^2 + v_t},$$

    with responsibilities $r_j(x) = w_j\mathcal N_j(x)/p_t(x)$. This is the **marginal score**. It
    is not the conditional score: it does not depend on any particular $x_0$, and it stays bounded
    as $t \to 0$ (it tends to the score of $p_0$).

    We check the closed form against the convolution integral evaluated by quadrature (an
    independent computation), the score against a finite difference of the log of that integral,
    and two properties every score has under its own density (Stein's identities):
    $\mathbb E_{p_t}[\nabla\log p_t] = 0$ and $\mathbb E_{p_t}[(\nabla\log p_t)^2] =
    -\mathbb E_{p_t}[\nabla^2\log p_t]$. The control forgets to add $v_t$ to the component
    variances. The marginal densities at four times, against histograms of exact draws of $x_t$,
    show the two modes of $p_0$ merging into the stationary $\mathcal N(0, 1)$:

    ![The marginal densities p_t at t = 0, 0.2, 1, 3 against histograms of x_t](marginal_density.svg)
    */
    ch.section("marginal", "The marginal density p_t and its score  [exercise 13.3]", [](wb::Section& s) {
        const double t = 0.3;
        const OuKernel k = reference_kernel(t);
        const wb::GaussianMixture pt = Ou.marginal(P0, t);
        // p_t(x) by quadrature of the convolution integral ∫ p(x | x0) p0(x0) dx0.
        auto convolution = [&](double x) { return ch13::kernel_moment(x, 0, k, P0); };
        for (double x : {-1.6, 0.0, 0.9}) {
            s.exact(fmt::format("p_t({}) closed form = ∫ p(x_t|x0) p0(x0) dx0", x), pt.density(x), convolution(x), 1e-8);
            s.gradient(fmt::format("∇log p_t({}) = d/dx log ∫ p(x|x0) p0 dx0", x),
                       [&](std::span<const double> y) { return std::log(convolution(y[0])); }, std::vector<double>{x},
                       std::vector<double>{ch13::marginal_score(x, P0, k)}, 1e-6);
        }
        // Control: the component variances without the added noise v_t.
        {
            const double x = 0.9;
            const OuKernel wrong{k.m, 1e-300};  // v_t dropped: components N(m mu, m² s²)
            s.control().gradient("∇log p_t without v_t in the variances",
                                 [&](std::span<const double> y) { return std::log(convolution(y[0])); },
                                 std::vector<double>{x}, std::vector<double>{ch13::marginal_score(x, P0, wrong)}, 1e-6);
        }
        // Stein's identities by Monte Carlo on exact draws from p_t.
        const std::size_t n = s.size(20000, 100000);
        const wb::Vec X = pt.sample_1d(s.rng(), n);
        wb::Vec g = xt::empty<double>({n}), g2 = xt::empty<double>({n}), dg = xt::empty<double>({n});
        for (std::size_t i = 0; i < n; ++i) {
            const double x = X(i), h = 1e-5;
            g(i) = ch13::marginal_score(x, P0, k);
            g2(i) = g(i) * g(i);
            dg(i) = -(ch13::marginal_score(x + h, P0, k) - ch13::marginal_score(x - h, P0, k)) / (2 * h);
        }
        const double J = ch13::fisher_information(pt);
        s.monte_carlo("E_pt[∇log p_t] = 0", wb::mean_se(g), 0.0, {.scale = std::sqrt(J)});
        s.monte_carlo("E_pt[(∇log p_t)²] = −E_pt[∇²log p_t]", wb::mean_se(g2), wb::mean_se(dg));
        s.note(fmt::format("Fisher information J(p_t) at t = {}: {:.6f} (quadrature)", t, J));

        // Figure: histograms of simulated x_t against p_t at several times.
        wb::Figure fig("marginal_density", "Marginal densities p_t: the exact mixture against histograms of draws of x_t",
                       1, 4);
        int panel = 0;
        for (double tt : {0.0, 0.2, 1.0, 3.0}) {
            const wb::GaussianMixture ptt = Ou.marginal(P0, tt);
            const auto hist = wb::histogram(ptt.sample_1d(s.rng(), s.size(5000, 40000)), -4.0, 4.0, 60);
            const wb::Vec gx = wb::to_vec(wb::linspace(-4, 4, 300));
            fig.panel(panel++)
                .title(fmt::format("t = {}", tt))
                .xlabel("x_t")
                .ylabel("density p_t(x_t)")
                .yrange(0, 1.0)
                .steps(hist.edges, hist.density, "histogram of x_t", Draws)
                .id(fmt::format("histogram_t{}", panel))
                .line(gx, ptt.density(gx), "p_t (exact)", Exact)
                .id(fmt::format("exact_t{}", panel))
                .key(wb::KeyPlace::Best);
        }
        fig.size(1600, 380);
        s.save(fig);
    });

    /*md
    ## 4. The conditional score averages to the marginal score

    Differentiate the marginal under the integral sign:

    $$\nabla p_t(x_t) = \int \nabla_{x_t} p(x_t\mid x_0)\,p_0(x_0)\,dx_0
    = \int \nabla_{x_t}\log p(x_t\mid x_0)\;p(x_t\mid x_0)\,p_0(x_0)\,dx_0 .$$

    Dividing by $p_t(x_t)$ and recognising Bayes' rule $p(x_0\mid x_t) =
    p(x_t\mid x_0)p_0(x_0)/p_t(x_t)$:

    $$\nabla\log p_t(x_t) = \mathbb E\!\left[\nabla_{x_t}\log p(x_t\mid x_0)\,\middle|\,x_t\right].$$

    The marginal score is the *posterior average* of the conditional score. Substituting
    $\nabla\log p(x_t\mid x_0) = -(x_t - m_t x_0)/v_t$ and solving for $\mathbb E[x_0\mid x_t]$
    gives **Tweedie's formula**

    $$\mathbb E[x_0\mid x_t] = \frac{x_t + v_t\,\nabla\log p_t(x_t)}{m_t}.$$

    For a mixture prior the posterior is itself a Gaussian mixture: by Bayes' rule component $j$
    of $p_0$ is picked with its responsibility $r_j(x_t)$ under $p_t$, and given $j$,
    $x_0 \mid x_t \sim \mathcal N\!\big(\mu_j + \tfrac{m_t s_j^2}{m_t^2s_j^2 + v_t}(x_t - m_t\mu_j),\;
    \tfrac{s_j^2 v_t}{m_t^2 s_j^2 + v_t}\big)$. So we draw from it exactly and check the first
    identity by Monte Carlo at several $x_t$. Tweedie's formula is an affine function of that
    identity, so on the same draws it would only repeat the same test statistic; we check it
    independently instead (Efron 2011), against the posterior mean computed by quadrature,
    $\mathbb E[x_0\mid x_t] = \int x_0\,p(x_t\mid x_0)p_0(x_0)\,dx_0 \big/ \int p(x_t\mid x_0)p_0(x_0)\,dx_0$.
    Two controls: the posterior average replaced by the conditional score at the prior mean
    $\mathbb E[x_0]$, a plausible shortcut; and Tweedie's formula without the factor $1/m_t$,
    $x_t + v_t\nabla\log p_t(x_t)$, which is the formula for additive noise $x_t = x_0 + \sqrt{v_t}\,z$
    and wrong for the OU process, whose mean decays.

    Drawn at three times, the conditional scores scatter around the marginal score, their
    average at each $x_t$; the scatter grows like $1/\sqrt{v_t}$ as $t\to0$ while the marginal
    score stays bounded, which is what makes the conditional target noisy:

    ![Conditional scores scattered around the marginal score at t = 0.05, 0.3, 1](scores_scatter.svg)
    */
    ch.section("posterior", "E[conditional score | x_t] = marginal score; Tweedie  [13.2, 13.3]", [](wb::Section& s) {
        const double t = 0.3;
        const OuKernel k = reference_kernel(t);
        const wb::GaussianMixture pt = Ou.marginal(P0, t);
        const double prior_mean = P0.mean()(0);
        const std::size_t n = s.size(20000, 100000);
        for (double x_t : {-1.8, -0.3, 1.2}) {
            // Exact posterior: pick component j with probability r_j(x_t), then x0 | x_t, j is Gaussian.
            const wb::Mat r = pt.posterior(wb::Mat{{x_t}});  // (1, K)
            const std::vector<double> rj(r.begin(), r.end());
            wb::Vec cond = xt::empty<double>({n});
            for (std::size_t i = 0; i < n; ++i) {
                const std::size_t j = s.rng().categorical(rj);
                const double mu = P0.means()(j, 0), s2 = P0.variances()(j, 0), var = k.m * k.m * s2 + k.v;
                const double mean = mu + k.m * s2 / var * (x_t - k.m * mu);
                const double x0 = mean + std::sqrt(s2 * k.v / var) * s.rng().normal();
                cond(i) = ch13::conditional_score(x_t, x0, k);
            }
            const double g = ch13::marginal_score(x_t, P0, k);
            const wb::Estimate e = wb::mean_se(cond);
            s.monte_carlo(fmt::format("E[∇log p(x_t|x0) | x_t = {}] = ∇log p_t", x_t), e, g,
                          {.scale = 1.0 / std::sqrt(k.v)});
            // Control: plug in the prior mean instead of averaging over the posterior.
            s.control().monte_carlo(fmt::format("E[∇log p(x_t|x0) | x_t = {}] = ∇log p(x_t | x0 = E x0)", x_t), e,
                                    ch13::conditional_score(x_t, prior_mean, k), {.scale = 1.0 / std::sqrt(k.v)});

            // Tweedie against the posterior mean by quadrature (no sampling, no closed-form posterior).
            const double posterior_mean = ch13::kernel_moment(x_t, 1, k, P0) / ch13::kernel_moment(x_t, 0, k, P0);
            s.exact(fmt::format("Tweedie: E[x0 | x_t = {}] (quadrature) = (x_t + v ∇log p_t)/m", x_t), posterior_mean,
                    (x_t + k.v * g) / k.m, 1e-8);
            // Control: the additive-noise (m = 1) form of Tweedie.
            s.control().exact(fmt::format("Tweedie without 1/m: E[x0 | x_t = {}] = x_t + v ∇log p_t", x_t),
                              posterior_mean, x_t + k.v * g, 1e-8);
        }

        // Figure: conditional-score scatter around the marginal score at three times.
        wb::Figure fig("scores_scatter", "Conditional scores ∇log p(x_t | x_0) scatter around the marginal score ∇log p_t",
                       1, 3);
        int panel = 0;
        for (double tt : {0.05, 0.3, 1.0}) {
            const OuKernel kt = reference_kernel(tt);
            const std::size_t m = 1500;
            const wb::Vec x0 = P0.sample_1d(s.rng(), m), z = s.rng().normal_vector(m);
            const wb::Vec x_t = kt.m * x0 + std::sqrt(kt.v) * z;  // (m) draws of x_t
            wb::Vec cs = xt::empty<double>({m});                   // (m) their conditional scores
            for (std::size_t i = 0; i < m; ++i) cs(i) = ch13::conditional_score(x_t(i), x0(i), kt);
            const wb::Vec gx = wb::to_vec(wb::linspace(-3.5, 3.5, 300));
            wb::Vec gs = xt::empty<double>({gx.size()});
            for (std::size_t i = 0; i < gx.size(); ++i) gs(i) = ch13::marginal_score(gx(i), P0, kt);
            const double lim = 3.5 / std::sqrt(kt.v);
            fig.panel(panel++)
                .title(fmt::format("t = {}  (v_t = {:.3f})", tt, kt.v))
                .xlabel("x_t")
                .ylabel("score")
                .xrange(-3.5, 3.5)
                .yrange(-lim, lim)
                .points(x_t, cs, "conditional ∇log p(x_t | x_0)", Conditional)
                .id(fmt::format("conditional_t{}", panel))
                .line(gx, gs, "marginal ∇log p_t", Exact)
                .id(fmt::format("marginal_t{}", panel))
                .key(wb::KeyPlace::Best);
        }
        fig.size(1500, 420);
        s.save(fig);
    });

    /*md
    ## 5. The two losses differ by a constant $C_t \ge 0$

    Let $c = \nabla\log p(x_t\mid x_0)$ (conditional) and $g = \nabla\log p_t(x_t)$ (marginal),
    and for a model $s_\varphi$ define

    $$L_{\text{cond}}(\varphi) = \mathbb E_{x_0,x_t}\!\left[(s_\varphi(x_t) - c)^2\right],\qquad
    L_{\text{marg}}(\varphi) = \mathbb E_{x_t}\!\left[(s_\varphi(x_t) - g)^2\right].$$

    Write $s - c = (s - g) + (g - c)$ and expand:
    $L_{\text{cond}} = L_{\text{marg}} + 2\,\mathbb E[(s-g)(g-c)] + \mathbb E[(g-c)^2]$.
    Conditioning on $x_t$, the factor $s - g$ is fixed and $\mathbb E[g - c\mid x_t] = 0$ by §4, so
    the cross term vanishes:

    $$\boxed{L_{\text{cond}}(\varphi) = L_{\text{marg}}(\varphi) + C_t,\qquad
    C_t = \mathbb E\!\left[(c - g)^2\right] \ge 0.}$$

    $C_t$ involves no $\varphi$, so the two losses have the same gradient and the same minimiser
    (Vincent 2011). **Sign convention.** The course's answer to the week 10 question (its third
    part, "is $C_t$ the difference?") writes $L_{\text{marg}} = L_{\text{cond}} + C_t$; with $C_t$
    defined as above (a non-negative number) that sign is wrong: the conditional loss is the
    *larger* one, because its target is noisier. Expanding once more,
    $C_t = \mathbb E[c^2] - \mathbb E[g^2] = 1/v_t - J(p_t)$ with $J$ the Fisher information of
    $p_t$; for a Gaussian $p_0 = \mathcal N(0, s^2)$, $J = 1/(m_t^2 s^2 + v_t)$ and
    $C_t = 1/v_t - 1/(m_t^2s^2 + v_t)$.

    We check, on one set of paired samples, that $L_{\text{cond}} - L_{\text{marg}}$ equals the
    exact $C_t$ for three different models, that the gradients in $\varphi$ agree, and the
    Gaussian closed form. Controls: $C_t = 0$ is rejected; the week 10 answer's sign is rejected; and a
    derivation that wrongly drops the $\varphi$-dependent cross term $-2\mathbb E[s\,c]$ of
    $L_{\text{cond}}$ leaves a difference that depends on $\varphi$, which is rejected as constant.
    */
    ch.section("decomposition", "L_cond = L_marg + C_t, equal gradients  [13.2, 13.3, 13.4]", [](wb::Section& s) {
        const double t = 0.3;
        const OuKernel k = reference_kernel(t);
        const double Ct = ch13::ct_exact(Ou, P0, t);
        const std::size_t n = s.size(40000, 200000);
        const wb::Vec x0 = P0.sample_1d(s.rng(), n), z = s.rng().normal_vector(n);
        // (n) each: x_t, its conditional score c and its marginal score g.
        const wb::Vec x_t = k.m * x0 + std::sqrt(k.v) * z;
        wb::Vec c = xt::empty<double>({n}), g = xt::empty<double>({n});
        for (std::size_t i = 0; i < n; ++i) {
            c(i) = ch13::conditional_score(x_t(i), x0(i), k);
            g(i) = ch13::marginal_score(x_t(i), P0, k);
        }
        // s_φ(x) = φᵀ f(x) = φ0 + φ1 x + φ2 tanh(2x): linear in φ (3), nonlinear in x.
        using Phi = std::array<double, 3>;
        auto features = [](double x) { return Phi{1.0, x, std::tanh(2 * x)}; };  // f(x) = ∂s_φ/∂φ, (3)
        auto model = [&](const Phi& phi, double x) {
            const Phi f = features(x);
            return phi[0] * f[0] + phi[1] * f[1] + phi[2] * f[2];
        };
        const std::vector<Phi> phis = {{0.0, -1.0, 0.0}, {0.3, -0.5, -1.2}, {-0.2, -2.0, 1.5}};
        std::vector<wb::Vec> diffs, dropped;  // per model: (n) per-sample loss differences
        for (std::size_t a = 0; a < phis.size(); ++a) {
            wb::Vec d = xt::empty<double>({n}), dd = xt::empty<double>({n});
            for (std::size_t i = 0; i < n; ++i) {
                const double sv = model(phis[a], x_t(i));
                d(i) = (sv - c(i)) * (sv - c(i)) - (sv - g(i)) * (sv - g(i));
                // Wrong: L_cond with −2 s c dropped, i.e. E[s²] + E[c²].
                dd(i) = sv * sv + c(i) * c(i) - (sv - g(i)) * (sv - g(i));
            }
            s.monte_carlo(fmt::format("L_cond − L_marg = C_t for φ = ({}, {}, {})", phis[a][0], phis[a][1], phis[a][2]),
                          wb::mean_se(d), Ct);
            if (a == 0) {
                s.control().monte_carlo("C_t = 0 (the two losses are equal)", wb::mean_se(d), 0.0, {.scale = Ct});
                s.control().monte_carlo("the week 10 answer's sign: L_marg − L_cond = C_t", wb::mean_se(-d), Ct);
            }
            diffs.push_back(d);
            dropped.push_back(dd);
        }
        s.monte_carlo("(L_cond − L_marg)(φ₁) = (L_cond − L_marg)(φ₂): no φ in C_t",
                      wb::paired_difference(diffs[1], diffs[2]), 0.0, {.scale = Ct});
        s.control().monte_carlo("dropping −2E[s c]: the difference is still φ-free",
                                wb::paired_difference(dropped[1], dropped[2]), 0.0, {.scale = Ct});

        // Gradients in φ: per sample, ∂ℓ_cond − ∂ℓ_marg = 2(g − c) ∂s/∂φ, whose mean is 0.
        const Phi& phi = phis[1];
        for (std::size_t j = 0; j < phi.size(); ++j) {
            wb::Vec gc = xt::empty<double>({n}), gm = xt::empty<double>({n});  // (n) per-sample ∂ℓ/∂φ_j
            for (std::size_t i = 0; i < n; ++i) {
                const double sv = model(phi, x_t(i)), f = features(x_t(i))[j];
                gc(i) = 2 * (sv - c(i)) * f;
                gm(i) = 2 * (sv - g(i)) * f;
            }
            const auto em = wb::mean_se(gm);
            s.monte_carlo(fmt::format("∂L_cond/∂φ{} = ∂L_marg/∂φ{}", j, j), wb::paired_difference(gc, gm), 0.0,
                          {.scale = std::max(std::fabs(em.value), 1.0)});
        }

        // The exercise's estimator of C_t against the exact value, and the Gaussian closed form.
        const auto est = ch13::ct_monte_carlo(x0, z, k, [&](double x) { return ch13::marginal_score(x, P0, k); });
        s.monte_carlo("C_t by Monte Carlo (13.4) = 1/v_t − J(p_t)", est, Ct);
        const double s0 = 0.8;
        const wb::GaussianMixture gauss = wb::GaussianMixture::univariate({1.0}, {0.0}, {s0});
        const wb::Vec x0g = s0 * s.rng().normal_vector(n), zg = s.rng().normal_vector(n);
        const auto eg = ch13::ct_monte_carlo(x0g, zg, k, [&](double x) { return ch13::marginal_score(x, gauss, k); });
        s.monte_carlo("Gaussian p0: C_t = 1/v_t − 1/(m_t² s² + v_t)", eg, 1.0 / k.v - 1.0 / (k.m * k.m * s0 * s0 + k.v));
        s.note(fmt::format("at t = {}: C_t = {:.6f}, 1/v_t = {:.6f}", t, Ct, 1.0 / k.v));
    });

    /*md
    ## 6. $C_t$ explodes as $t\to0$: the weighting $\lambda(t) = v_t$

    As $t\to0$, $J(p_t)\to J(p_0)$ stays finite while $1/v_t \approx 1/(\sigma^2 t)$ grows
    without bound, so $C_t \sim 1/(\sigma^2 t)$: on a log–log plot $C_t$ has slope $-1$ at small
    $t$. The conditional loss at small $t$ is then dominated by the variance of its own target,
    which swamps the $\varphi$-dependent part in a stochastic gradient. Multiplying the loss at
    time $t$ by $\lambda(t) = v_t$ fixes the scale: $v_t C_t = 1 - v_t J(p_t) \in [0, 1]$ and tends
    to $1$ as $t\to0$ (Song et al. 2021 use $\lambda(t) \propto 1/\mathbb E\|\nabla\log
    p(x_t\mid x_0)\|^2 = v_t$). The figure shows the exact $C_t$, the Monte Carlo estimates of
    exercise 13.4 with their standard errors, and the weighted $v_tC_t$:

    ![C_t against t, exact and by Monte Carlo, and the weighted v_t C_t](ct_vs_t.svg)
    */
    ch.section("ct_vs_t", "C_t against t and the weighting λ(t) = v_t  [13.3, 13.4]", [](wb::Section& s) {
        const std::vector<double> ts = {0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0};
        std::vector<double> exact, mc, mc_se, weighted;
        const std::size_t n = s.size(10000, 60000);
        for (double t : ts) {
            const OuKernel k = reference_kernel(t);
            const double Ct = ch13::ct_exact(Ou, P0, t);
            const wb::Vec x0 = P0.sample_1d(s.rng(), n), z = s.rng().normal_vector(n);
            const auto e = ch13::ct_monte_carlo(x0, z, k, [&](double x) { return ch13::marginal_score(x, P0, k); });
            s.monte_carlo(fmt::format("C_t Monte Carlo = exact at t = {}", t), e, Ct);
            exact.push_back(Ct);
            mc.push_back(e.value);
            mc_se.push_back(e.se);
            weighted.push_back(k.v * Ct);
        }
        // The asymptotics, read off the exact values: C_t = 1/(σ²t) (1 + O(t)), so t C_t → 1/σ²
        // and the log–log slope tends to −1; the O(t) terms are θt and σ²t J(p_0).
        const std::vector<double> tiny = {1e-6, 1e-5, 1e-4};
        std::vector<double> ctiny;
        for (double t : tiny) ctiny.push_back(ch13::ct_exact(Ou, P0, t));
        const auto fit = wb::fit_loglog(tiny, ctiny);
        s.exact("log–log slope of C_t on t ∈ [1e−6, 1e−4] = −1", fit.slope, -1.0, 1e-2);
        s.exact("t C_t → 1/σ² as t → 0 (t = 1e−6)", tiny[0] * ctiny[0], 1.0 / (Sigma * Sigma), 1e-4);
        s.exact("v_t C_t → 1 as t → 0 (t = 1e−6)", reference_kernel(tiny[0]).v * ctiny[0], 1.0, 1e-4);
        bool bounded = true;
        for (double w : weighted) bounded = bounded && w >= 0.0 && w <= 1.0;
        s.holds("0 ≤ v_t C_t ≤ 1 on the grid", bounded, weighted.front(), weighted.back());

        wb::Figure fig("ct_vs_t", "The constant C_t = L_{cond} − L_{marg} against t, and weighted by λ(t) = v_t", 1, 2);
        std::vector<double> fine = wb::linspace(std::log(0.008), std::log(3.0), 120), tf, cf, wf;
        for (double lt : fine) {
            const double t = std::exp(lt);
            tf.push_back(t);
            cf.push_back(ch13::ct_exact(Ou, P0, t));
            wf.push_back(reference_kernel(t).v * cf.back());
        }
        std::vector<double> inv;
        for (double t : tf) inv.push_back(1.0 / reference_kernel(t).v);
        fig.panel(0)
            .title("C_t on log–log axes")
            .xlabel("time t")
            .ylabel("C_t")
            .logx()
            .logy()
            .line(tf, cf, "exact 1/v_t − J(p_t)", Exact)
            .id("exact")
            .dashed(tf, inv, "1/v_t", Reference)
            .id("inverse_v")
            .errorbars(ts, mc, mc_se, "Monte Carlo (13.4) ± 1 se", MonteCarlo)
            .id("monte_carlo")
            .key(wb::KeyPlace::BottomLeft);  // the curves fall from top left to bottom right
        fig.panel(1)
            .title("v_t C_t: the loss weighted by λ(t) = v_t")
            .xlabel("time t")
            .ylabel("v_t C_t")
            .logx()
            .yrange(0, 1.05)
            .line(tf, wf, "exact v_t C_t", Exact)
            .id("weighted")
            .key(wb::KeyPlace::Best);
        s.save(fig);
    });

    /*md
    ## 7. Regression on conditional targets finds the marginal score

    The minimiser of $L_{\text{cond}}$ over *all* functions is the conditional mean
    $\mathbb E[c\mid x_t] = g(x_t)$ (§4). Over a model family it is the $L^2(p_t)$ projection of
    $g$ onto that family — the same as the minimiser of $L_{\text{marg}}$, since the losses differ
    by a constant. We fit $s_\varphi(x) = \varphi_0 + \varphi_1 x + \sum_{j} \varphi_{j+2}
    \tanh(x - c_j)$ ($c_j \in \{-2,-1,0,1,2\}$) by least squares to noisy conditional targets, and
    compare it with the projection of the exact marginal score onto the same features, computed by
    quadrature. The fit is repeated over independent data sets; their spread gives its standard
    error, so the test statistic is Student-$t$ with one degree of freedom fewer than the
    replications (the report prints the critical value). At five points $x$ the fit must agree with the
    projection. The control is the claim read too literally: that the fit *is* the marginal
    score. Seven features cannot represent $\nabla\log p_t$ exactly, and at $x = 1$, where $p_t$
    has its larger mode, the projection and the score differ by about $0.07$ — small on the
    figure, yet many standard errors of the fit. The targets scatter widely around the
    marginal score, and the fit follows the score, not the data score $\nabla\log p_0$: the
    targets at time $t$ teach the score of $p_t$.

    ![A least-squares fit to conditional targets lands on the marginal score, not on the data score](regression_fit.svg)
    */
    ch.section("regression", "Least squares on conditional targets = marginal score  [13.2, 13.3]", [](wb::Section& s) {
        using ch13::TanhFeatures;
        const double t = 0.3;
        const OuKernel k = reference_kernel(t);
        const wb::GaussianMixture pt = Ou.marginal(P0, t);
        auto marginal = [&](double x) { return ch13::marginal_score(x, P0, k); };
        // The L²(p_t) projection of the marginal score onto the features, by quadrature: φ* (F).
        const wb::Vec phi_star = TanhFeatures::project(marginal, pt);

        // Least squares on conditional targets, repeated over independent data sets.
        const std::size_t reps = s.size(40, 100), n = s.size(2500, 10000);
        const std::vector<double> probes = {-2.0, -1.0, 0.0, 1.0, 2.0};
        std::vector<wb::RunningStats> at(probes.size());  // s_φ̂(probe) over the replications
        wb::Vec phi_hat, shown_x, shown_c;
        for (std::size_t r = 0; r < reps; ++r) {
            const wb::Vec x0 = P0.sample_1d(s.rng(), n), z = s.rng().normal_vector(n);
            const wb::Vec x_t = k.m * x0 + std::sqrt(k.v) * z;  // (n)
            wb::Vec target = xt::empty<double>({n});             // (n) conditional scores
            for (std::size_t i = 0; i < n; ++i) target(i) = ch13::conditional_score(x_t(i), x0(i), k);
            phi_hat = TanhFeatures::least_squares(x_t, target);
            for (std::size_t j = 0; j < probes.size(); ++j) at[j].add(TanhFeatures::value(phi_hat, probes[j]));
            if (r == 0) {
                shown_x = xt::view(x_t, xt::range(0, 1500));
                shown_c = xt::view(target, xt::range(0, 1500));
            }
            s.progress(r + 1, reps);
        }
        const double scale = std::sqrt(ch13::fisher_information(pt));  // the typical size of ∇log p_t
        for (std::size_t j = 0; j < probes.size(); ++j) {
            const wb::Estimate e{at[j].mean(), at[j].se(), at[j].count()};
            const double proj = TanhFeatures::value(phi_star, probes[j]);
            s.monte_carlo(fmt::format("fit on conditional targets = projection of ∇log p_t at x = {}", probes[j]), e, proj,
                          {.scale = scale});
            // Control: the fit is ∇log p_t itself, as if the family could represent it.
            if (probes[j] == 1.0)
                s.control().monte_carlo(fmt::format("the fit is the marginal score ∇log p_t itself at x = {}", probes[j]), e,
                                        marginal(probes[j]), {.scale = scale});
        }

        wb::Figure fig("regression_fit", "Least squares on conditional targets finds the marginal score (t = 0.3)");
        fig.size(900, 520);
        const wb::Vec gx = wb::to_vec(wb::linspace(-3.5, 3.5, 300));
        wb::Vec gm = xt::empty<double>({gx.size()}), gf = xt::empty<double>({gx.size()});
        for (std::size_t i = 0; i < gx.size(); ++i) {
            gm(i) = marginal(gx(i));
            gf(i) = TanhFeatures::value(phi_hat, gx(i));
        }
        fig.panel()
            .xlabel("x_t")
            .ylabel("score")
            .xrange(-3.5, 3.5)
            .yrange(-12, 12)
            .points(shown_x, shown_c, "conditional targets ∇log p(x_t | x_0)", Conditional)
            .id("targets")
            .line(gx, gm, "marginal score ∇log p_t", Exact)
            .id("marginal")
            .dashed(gx, gf, "least-squares fit s_φ", Fit)
            .id("fit")
            .dashed(gx, P0.score(gx), "data score ∇log p_0", DataScore)
            .id("data_score")
            .key(wb::KeyPlace::Best);
        s.save(fig);
    });

    /*md
    ## Summary

    * The conditional score $-(x_t - m_tx_0)/v_t$ and the marginal score $\nabla\log p_t$ are
      different functions; the first is noisy, the second is what we want.
    * The marginal score is the posterior mean of the conditional one (§4), so
      $L_{\text{cond}} = L_{\text{marg}} + C_t$ with $C_t = \mathbb E(c - g)^2 = 1/v_t - J(p_t) \ge 0$
      free of the model: same gradients, same minimiser. (The course's answer to the week 10
      question writes $L_{\text{marg}} = L_{\text{cond}} + C_t$, the sign the wrong way round.)
    * Tweedie's formula turns the marginal score into the posterior mean $\mathbb E[x_0\mid x_t]$.
    * $C_t \sim 1/(\sigma^2 t)$ as $t\to 0$; weighting by $\lambda(t) = v_t$ keeps every time's
      loss of order one.
    * Least squares on conditional targets finds the $L^2(p_t)$ projection of the marginal score
      onto the model family, not the score itself unless the family contains it.

    ## References

    * B. Efron (2011). Tweedie's formula and selection bias. *Journal of the American Statistical
      Association* 106(496), 1602–1614. (Tweedie's formula, §4.)
    * Y. Song, J. Sohl-Dickstein, D. P. Kingma, A. Kumar, S. Ermon, B. Poole (2021). Score-based
      generative modeling through stochastic differential equations. *International Conference on
      Learning Representations (ICLR)*. (The weighting $\lambda(t) \propto
      1/\mathbb E\|\nabla\log p(x_t\mid x_0)\|^2$, §6.)
    * P. Vincent (2011). A connection between score matching and denoising autoencoders. *Neural
      Computation* 23(7), 1661–1674. (Denoising and explicit score matching differ by a constant
      free of the model, §5.)
    */
    return ch.run(argc, argv);
}
