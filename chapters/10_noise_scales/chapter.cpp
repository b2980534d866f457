/*md
# Chapter 10: Noise scales, weighting and low-density regions

A score model trained by denoising score matching (DSM, chapter 9) learns the score of the
*noised* density $q_\sigma = p * \mathcal N(0, \sigma^2 I)$, not of the data density $p$ itself.
Assignment 07 asks two questions about this: how the choice of noise levels $\sigma$ (the
*schedule*) and of the per-level weight $\lambda(\sigma)$ in the loss affect training and
sampling, and what happens to score estimates in low-density regions and near the data manifold.
This chapter answers both on densities whose scores are known exactly, then shows the sampling
side: Langevin dynamics with the *exact* score of a two-mode density gets the mode weights wrong,
and annealing over a schedule of noise levels (Song & Ermon 2019) puts them right.

Throughout, $d$ is the dimension, $\sigma_1 > \dots > \sigma_L$ the noise levels,
$\tilde x = x + \sigma\varepsilon$ with $\varepsilon \sim \mathcal N(0, I)$ a noised data point, and
$J(q) = \mathbb E_q\|\nabla\log q\|^2$ the Fisher information of a density $q$ (the trace form).
The running example is Song & Ermon's

$$p = 0.2\,\mathcal N\big((-5,-5), I\big) + 0.8\,\mathcal N\big((5,5), I\big).$$
*/
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "model.hpp"
#include "noise_scales.hpp"
#include "wb/chapter.hpp"
#include "wb/constants.hpp"
#include "wb/gauss.hpp"
#include "wb/numerics.hpp"
#include "wb/sde.hpp"
#include "wb/stats.hpp"

namespace {

// One colour per kind of curve, the same in every figure (indices into the Okabe–Ito palette).
constexpr int Exact = 0;       // closed forms and quadratures
constexpr int MonteCarlo = 1;  // Monte Carlo estimates
constexpr int Fit = 2;         // the DSM fit and annealed Langevin
constexpr int Plain = 3;       // plain Langevin
constexpr int Reference = 5;   // reference lines (d/σ², the target weight)
constexpr int Second = 4;      // a second noise level

const wb::GaussianMixture P = ch10::two_modes();          // d = 2
const wb::GaussianMixture Pu = ch10::two_modes_along_u();  // its law along u = (x₁ + x₂)/√2

// The schedule of §1: Song & Ermon's toy values, σ₁ = 20 (above the distance 10√2 between the
// modes) down to σ_L = 1, L = 10 levels; §3 extends it down to σ = 0.01.
constexpr double SigmaMax = 20.0, SigmaMin = 1.0;
constexpr std::size_t Levels = 10;
constexpr double Eps = 0.1;  // the Langevin step at the last level (§5, §6)
constexpr double Box = 8.0;  // chains start uniform on [−8, 8]²

// The score of q_σ for the rows of x, through exercise 10.2.
void noised_score_of(const wb::GaussianMixture& p, const wb::Mat& x, double sigma, wb::Mat& out) {
    out = ch10::noised_score(p, sigma, x);
}

// n starts uniform on [−b, b]², (n, 2).
wb::Mat uniform_starts(wb::Rng& rng, std::size_t n, double b) {
    wb::Mat x = xt::empty<double>({n, std::size_t{2}});
    rng.fill_uniform(x);
    return 2 * b * x - b;
}

// The fraction of rows of x (n, d) with first coordinate, or u = (x₁ + x₂)/√2, below 0: the
// chains in the small mode (the two basins are separated by the line u ≈ 0).
wb::Estimate small_mode_fraction(const wb::Mat& x) {
    const std::size_t n = x.shape(0);
    wb::Vec in = xt::empty<double>({n});
    for (std::size_t i = 0; i < n; ++i) in(i) = (x.shape(1) == 1 ? x(i, 0) : x(i, 0) + x(i, 1)) < 0 ? 1.0 : 0.0;
    return wb::mean_se(in);
}

// Plain Langevin dynamics x ← x + (ε/2)∇log p(x) + √ε z on the chains x (n, 2), with the exact
// score: the library's Euler–Maruyama solver on dX = ½∇log p(X) dt + dW with step h = ε.
void plain_langevin(wb::Mat& x, std::size_t steps, wb::Rng& rng) {
    const wb::FunctionSde langevin([](const wb::Mat& y, double, wb::Mat& f) { f = 0.5 * P.score(y); },
                                   [](const wb::Mat&, double, wb::Mat& g) { g.fill(1.0); });
    wb::integrate(langevin, wb::Scheme::EulerMaruyama, x, 0.0, Eps, steps, rng);
}

}  // namespace

int main(int argc, char** argv) {
    wb::Chapter ch;  // number and title from the heading above (see CMakeLists.txt)

    /*md
    ## 1. A geometric schedule

    A noised density $q_\sigma$ has two jobs. A large $\sigma$ spreads the data over the whole
    space, so that even where $p$ is negligible there are noised samples to learn from and a
    sampler started anywhere is guided; Song & Ermon (2020) take $\sigma_1$ about the largest
    distance between data points (here $10\sqrt2 \approx 14.1$; we take $\sigma_1 = 20$). A
    small $\sigma$ keeps $q_\sigma$ close to $p$. Between the two, consecutive levels must
    overlap, so that a sampler that has equilibrated at $\sigma_i$ starts in the bulk of
    $q_{\sigma_{i+1}}$. For a Gaussian $\mathcal N(0, \sigma^2 I)$ the overlap of two levels,
    measured by the Bhattacharyya coefficient, is

    $$\mathrm{BC}(\sigma_i, \sigma_{i+1}) = \int \sqrt{\mathcal N(x; 0, \sigma_i^2 I)\,\mathcal N(x; 0, \sigma_{i+1}^2 I)}\,dx
    = \left(\frac{2\gamma}{1 + \gamma^2}\right)^{d/2}, \qquad \gamma = \frac{\sigma_{i+1}}{\sigma_i},$$

    a function of the *ratio* only. Equal overlaps therefore mean a constant ratio, the
    **geometric schedule** $\sigma_i = \sigma_1 (\sigma_L/\sigma_1)^{(i-1)/(L-1)}$, evenly spaced in
    $\log\sigma$. We check exercise 10.1 against the library's `geomspace` (an independent
    computation), the coefficient's closed form against a one-dimensional quadrature, and that the
    overlaps are equal; the control is the evenly spaced (linear) schedule, whose overlaps are not.
    */
    ch.section("schedule", "A geometric σ schedule  [exercise 10.1]", [](wb::Section& s) {
        const wb::Vec sigma = ch10::geometric_schedule(SigmaMax, SigmaMin, Levels);
        const std::vector<double> ref = wb::geomspace(SigmaMax, SigmaMin, Levels);
        double worst = 0.0;
        for (std::size_t i = 0; i < Levels; ++i) worst = std::max(worst, std::fabs(sigma(i) - ref[i]) / ref[i]);
        s.exact("σ_i (10.1) = geomspace(20, 1, 10): largest relative difference", 1.0 + worst, 1.0, 1e-12);
        // The overlap in d = 1 by quadrature: ∫ √(N(x; 0, a²) N(x; 0, b²)) dx.
        auto bc_quadrature = [](double a, double b) {
            return wb::simpson([&](double x) { return std::sqrt(wb::normal_pdf(x, 0, a * a) * wb::normal_pdf(x, 0, b * b)); },
                               -12 * a, 12 * a, 4000);
        };
        auto bc = [](double a, double b, double d) { const double g = b / a; return std::pow(2 * g / (1 + g * g), d / 2); };
        s.exact("BC(σ₁, σ₂) closed form = quadrature (d = 1)", bc(sigma(0), sigma(1), 1), bc_quadrature(sigma(0), sigma(1)),
                1e-9);
        // Equal overlaps (d = 2): the first and the last pair of the geometric schedule.
        s.exact("geometric: BC(σ₁, σ₂) = BC(σ₉, σ₁₀) (d = 2)", bc(sigma(0), sigma(1), 2), bc(sigma(8), sigma(9), 2), 1e-12);
        const std::vector<double> lin = wb::linspace(SigmaMax, SigmaMin, Levels);
        s.control().exact("linear schedule: BC(σ₁, σ₂) = BC(σ₉, σ₁₀) (d = 2)", bc(lin[0], lin[1], 2), bc(lin[8], lin[9], 2),
                          1e-3);
        s.note(fmt::format("ratio σ_(i+1)/σ_i = {:.6f}; overlap per pair {:.4f} (d = 2); linear schedule: {:.4f} to {:.4f}",
                           sigma(1) / sigma(0), bc(sigma(0), sigma(1), 2), bc(lin[0], lin[1], 2), bc(lin[8], lin[9], 2)));
    });

    /*md
    ## 2. Noised Gaussian mixtures stay mixtures

    If $x \sim \mathcal N(\mu_k, \operatorname{diag}(s_k^2))$ and $\varepsilon \sim \mathcal N(0, I)$
    is independent, then $x + \sigma\varepsilon \sim \mathcal N(\mu_k, \operatorname{diag}(s_k^2 + \sigma^2))$:
    variances of independent normals add. A mixture is noised component by component, so

    $$q_\sigma = \sum_k \pi_k\,\mathcal N\big(\mu_k, \operatorname{diag}(s_k^2 + \sigma^2)\big), \qquad
    \nabla\log q_\sigma(x) = \sum_k r_k(x)\,\frac{\mu_k - x}{s_k^2 + \sigma^2},$$

    with responsibilities $r_k \propto \pi_k\mathcal N_k(x)$: every score in this chapter is exact.
    Far from every component each $\pi_k\mathcal N_k(x)$ underflows to zero, so the responsibilities
    must be computed from $\ell_k = \log\pi_k + \log\mathcal N_k(x)$ by subtracting
    $\max_k \ell_k$ before exponentiating (log-sum-exp). We check exercise 10.2 against central
    differences of $\log q_\sigma$ computed *without* the closed form — the convolution integral by
    Gauss–Hermite quadrature — at several levels, and far away against the dominant component's
    linear score. The control adds $\sigma$ instead of $\sigma^2$ to the variances.

    **Near a data manifold the score grows like $\mathrm{dist}/\sigma^2$.** Let the data lie on the
    line $\{x_2 = 0\}$ of the plane, $p = $ a mixture along $x_1$ with variance $0$ across. Then
    $q_\sigma$ has variance $\sigma^2$ across the line and $\partial_{x_2}\log q_\sigma = -x_2/\sigma^2$
    exactly: at distance $\delta$ from the manifold the score is of size $\delta/\sigma^2$, and at
    a typical noised point ($\delta \approx \sigma$) of size $1/\sigma$ — unbounded as
    $\sigma \to 0$. This is the blow-up the assignment's answer describes; it is the score of the
    noised density, not a failure of the estimator. The control is the slip $\delta/\sigma$.

    The two-mode density is symmetric about the line $u = (x_1 + x_2)/\sqrt2$ joining its modes: in
    the rotated coordinates $(u, v)$, $v = (x_2 - x_1)/\sqrt2$, both components are
    $\mathcal N(\pm 5\sqrt2, 1)\otimes\mathcal N(0, 1)$, so $q_\sigma(x) = q_{u,\sigma}(u)\,\mathcal N(v; 0, 1 + \sigma^2)$
    and the score's component along the line is the score of $q_{u,\sigma}$, the noised version of
    the one-dimensional mixture $p_u = 0.2\,\mathcal N(-5\sqrt2, 1) + 0.8\,\mathcal N(5\sqrt2, 1)$. We
    check this reduction too; §4–§6 use it.
    */
    ch.section("noised", "Noised mixtures stay mixtures; the score near a manifold  [exercise 10.2]", [](wb::Section& s) {
        const wb::GaussianMixture p({0.3, 0.7}, {{-1.0, 2.0}, {1.5, -0.5}}, {{0.5, 2.0}, {1.0, 0.25}});
        const wb::Mat pts = {{0.0, 0.0}, {-1.2, 1.7}, {2.5, -1.0}};
        for (double sigma : {0.1, 1.0, 5.0}) {
            const wb::Mat g = ch10::noised_score(p, sigma, pts);
            for (std::size_t i = 0; i < pts.shape(0); ++i) {
                const std::vector<double> x = {pts(i, 0), pts(i, 1)}, gi = {g(i, 0), g(i, 1)};
                s.gradient(fmt::format("∇log q_σ (10.2) = Δ log ∫ p(y) N(x − y; 0, σ²I) dy at σ = {}, x = ({}, {})", sigma,
                                       x[0], x[1]),
                           [&](std::span<const double> y) { return ch10::noised_log_density_quadrature(p, sigma, y); }, x, gi,
                           1e-6);
            }
        }
        {  // Control: σ added to the variances instead of σ².
            const double sigma = 0.5;
            const wb::GaussianMixture wrong(p.weights(), p.means(), p.variances() + sigma - sigma * sigma);
            const wb::Mat g = ch10::noised_score(wrong, sigma, pts);
            const std::vector<double> x = {pts(1, 0), pts(1, 1)}, gi = {g(1, 0), g(1, 1)};
            s.control().gradient("variances s² + σ instead of s² + σ² (σ = 0.5)",
                                 [&](std::span<const double> y) { return ch10::noised_log_density_quadrature(p, sigma, y); }, x,
                                 gi, 1e-6);
        }
        // Far from every component: finite, the dominant component's linear score.
        {
            const double sigma = 0.5;
            const wb::Mat far = {{-60.0, 60.0}};
            const wb::Mat g = ch10::noised_score(p, sigma, far);
            s.exact("far away (−60, 60): ∂₁ log q_σ = (μ₀₁ − x₁)/(s₀₁² + σ²)", g(0, 0), (-1.0 + 60.0) / (0.5 + 0.25), 1e-10);
            s.exact("far away (−60, 60): ∂₂ log q_σ = (μ₀₂ − x₂)/(s₀₂² + σ²)", g(0, 1), (2.0 - 60.0) / (2.0 + 0.25), 1e-10);
        }
        // The manifold {x₂ = 0}: variance 0 across it.
        // (The mixture type needs positive variances: 10⁻¹² across is zero next to σ² ≥ 10⁻⁴.)
        const wb::GaussianMixture line({0.5, 0.5}, {{-2.0, 0.0}, {2.0, 0.0}}, {{1.0, 1e-12}, {1.0, 1e-12}});
        const double delta = 0.05;
        for (double sigma : {1.0, 0.1, 0.01}) {
            const wb::Mat x = {{0.7, delta}};
            const wb::Mat g = ch10::noised_score(line, sigma, x);
            s.exact(fmt::format("distance δ = {} from the line, σ = {}: σ²·∂₂log q_σ/δ = −1", delta, sigma),
                    sigma * sigma * g(0, 1) / delta, -1.0, 1e-6);
            if (sigma == 0.01)
                s.control().exact(fmt::format("… grows like δ/σ: σ·∂₂log q_σ/δ = −1 at σ = {}", sigma), sigma * g(0, 1) / delta,
                                  -1.0, 1e-3);
        }
        // The reduction to the line joining the modes: ∇log q_σ · (1, 1)/√2 = (log q_{u,σ})′(u).
        double worst = 0.0;
        for (double sigma : {0.3, 3.0, 20.0}) {
            const wb::Mat x = {{-4.0, -6.5}, {0.3, -0.1}, {3.0, 7.0}, {-9.0, 2.0}};
            const wb::Mat g = ch10::noised_score(P, sigma, x);
            const wb::GaussianMixture qu = Pu.noised(sigma);
            for (std::size_t i = 0; i < x.shape(0); ++i) {
                const double along = (g(i, 0) + g(i, 1)) / wb::Sqrt2, u = (x(i, 0) + x(i, 1)) / wb::Sqrt2;
                worst = std::max(worst, std::fabs(along - qu.score(u)) / std::max(1.0, std::fabs(along)));
            }
        }
        s.exact("two modes: ∇log q_σ·(1,1)/√2 = d/du log q_{u,σ}(u), largest difference (σ = 0.3, 3, 20)", 1.0 + worst, 1.0,
                1e-12);
    });

    /*md
    ## 3. The weighting λ(σ) = σ²

    At level $\sigma$ DSM minimises $\ell(\sigma) = \mathbb E\,\|s(\tilde x, \sigma) + \varepsilon/\sigma\|^2$
    (the target $-\varepsilon/\sigma$ is the conditional score of $\tilde x$ given $x$). Expanding the
    square as in chapter 9,
    $\ell = \mathbb E\|s - \nabla\log q_\sigma\|^2 + \mathbb E\|\varepsilon/\sigma\|^2 - \mathbb E\|\nabla\log q_\sigma\|^2$,
    so the best model $s = \nabla\log q_\sigma$ leaves

    $$\ell^*(\sigma) = \frac{d}{\sigma^2} - J(q_\sigma).$$

    Both terms grow as $\sigma \to 0$, and since $q_\sigma \to p$, $J(q_\sigma) \to J(p)$ stays
    finite: $\ell^* \sim d/\sigma^2$. An unweighted sum over a schedule spanning three decades is
    then dominated by its smallest level. With $\lambda(\sigma) = \sigma^2$,

    $$\sigma^2\ell^*(\sigma) = d - \sigma^2 J(q_\sigma) \in [0, d],$$

    a **bound, not an equality**: the upper end because $J \ge 0$, the lower because $\ell^* \ge 0$
    is an expected square (equivalently, adding Gaussian noise can only lower the Fisher
    information below that of the noise, $J(q_\sigma) \le d/\sigma^2$). Every level then
    contributes a number of order one; $\sigma^2\ell^*$ tends to $d$ at small $\sigma$ and to $0$
    at large $\sigma$, where $q_\sigma$ is nearly the Gaussian $\mathcal N(\cdot, \sigma^2 I)$.

    We estimate $\sigma^2\ell^*$ by Monte Carlo at each level of a geometric schedule from
    $\sigma = 20$ down to $0.01$ (exact draws of $\tilde x$, the exact score of exercise 10.2) and
    compare with $d - \sigma^2 J(q_\sigma)$, where $J$ comes from a Gauss–Hermite quadrature with
    the library's score. The controls are two slips: dropping $J$ (the weighted optimum is not
    $d$ at every level) and using the data's $J(p)$ in place of $J(q_\sigma)$; both are tested at
    $\sigma \approx 1$.

    ![Per-level DSM losses without and with the weight σ²](weighting.svg)
    */
    ch.section("weighting", "Optimal per-level DSM loss: d/σ² − J(q_σ), weighted d − σ²J ∈ [0, d]", [](wb::Section& s) {
        const double d = 2.0;
        const wb::Vec sig = ch10::geometric_schedule(SigmaMax, 0.01, 12);
        const std::size_t n = s.size(40000, 100000);  // rare crossings of the valley carry a large loss
        const double Jp = ch10::fisher_information_2d(P);
        std::vector<double> sv, w_mc, w_se, w_exact, u_mc, u_se, u_exact, inv;
        bool bounded = true;
        double lo_bound = 1e300, hi_bound = -1e300;
        std::size_t near_one = 0;
        for (std::size_t i = 0; i < sig.size(); ++i)
            if (std::fabs(std::log(sig(i))) < std::fabs(std::log(sig(near_one)))) near_one = i;
        for (std::size_t i = 0; i < sig.size(); ++i) {
            const double sigma = sig(i);
            const wb::Mat x = P.sample(s.rng(), n);
            const wb::Mat e = s.rng().normal_matrix(n, 2);
            const wb::Mat g = ch10::noised_score(P, sigma, wb::Mat(x + sigma * e));
            wb::Vec loss = xt::empty<double>({n});  // σ²‖s + ε/σ‖² = ‖σ s + ε‖², (n)
            for (std::size_t j = 0; j < n; ++j) {
                const double a = sigma * g(j, 0) + e(j, 0), b = sigma * g(j, 1) + e(j, 1);
                loss(j) = a * a + b * b;
            }
            const wb::Estimate est = wb::mean_se(loss);
            const double J = ch10::fisher_information_2d(P.noised(sigma));
            const double exact = d - sigma * sigma * J;
            s.monte_carlo(fmt::format("σ²ℓ*(σ) = d − σ²J(q_σ) at σ = {:.4g}", sigma), est, exact);
            if (i == near_one) {
                s.control().monte_carlo(fmt::format("σ²ℓ* = d (J dropped) at σ = {:.4g}", sigma), est, d);
                s.control().monte_carlo(fmt::format("σ²ℓ* = d − σ²J(p) (the data's J) at σ = {:.4g}", sigma), est,
                                        d - sigma * sigma * Jp, {.scale = d});
            }
            bounded = bounded && exact >= 0.0 && exact <= d;
            lo_bound = std::min(lo_bound, exact);
            hi_bound = std::max(hi_bound, exact);
            sv.push_back(sigma);
            w_mc.push_back(est.value);
            w_se.push_back(est.se);
            w_exact.push_back(exact);
            u_mc.push_back(est.value / (sigma * sigma));
            u_se.push_back(est.se / (sigma * sigma));
            u_exact.push_back(exact / (sigma * sigma));
            inv.push_back(d / (sigma * sigma));
        }
        s.holds("0 ≤ d − σ²J(q_σ) ≤ d at every level (quadrature)", bounded, lo_bound, hi_bound);
        s.note(fmt::format("J(p) = {:.6f} (quadrature); σ²ℓ* from {:.4f} at σ = 20 to {:.6f} at σ = 0.01", Jp, w_exact.front(),
                           w_exact.back()));

        wb::Figure fig("weighting", "Optimal per-level DSM loss ℓ*(σ): unweighted and weighted by λ(σ) = σ²", 1, 2);
        fig.size(1200, 460);
        fig.panel(0)
            .title("unweighted ℓ*(σ) = d/σ² − J(q_σ)")
            .xlabel("noise level σ")
            .ylabel("ℓ*(σ)")
            .logx()
            .logy()
            .line(sv, u_exact, "d/σ² − J(q_σ) (quadrature)", Exact)
            .id("exact")
            .dashed(sv, inv, "d/σ²", Reference)
            .id("d_over_sigma2")
            .errorbars(sv, u_mc, u_se, "Monte Carlo ± 1 se", MonteCarlo)
            .id("monte_carlo")
            .key(wb::KeyPlace::Best);
        fig.panel(1)
            .title("weighted σ²ℓ*(σ) = d − σ²J(q_σ) ∈ [0, d]")
            .xlabel("noise level σ")
            .ylabel("σ² ℓ*(σ)")
            .logx()
            .yrange(-0.1, 2.3)
            .line(sv, w_exact, "d − σ²J(q_σ) (quadrature)", Exact)
            .id("weighted_exact")
            .errorbars(sv, w_mc, w_se, "Monte Carlo ± 1 se", MonteCarlo)
            .id("weighted_monte_carlo")
            .dashed(std::vector<double>{sv.back(), sv.front()}, std::vector<double>{d, d}, "bound d = 2", Reference)
            .id("bound")
            .key(wb::KeyPlace::Best);
        s.save(fig);
    });

    /*md
    ## 4. Score estimates are poor where data are rare

    DSM only sees the score where noised samples fall. Along the line joining the two modes, the
    data density at the midpoint is about $e^{-25}$ of its peak: a data set of any practical size
    has no samples there, and the loss says nothing about the model's value in the gap. We fit a
    flexible model, $s_\theta(u) = \sum_j \theta_j \exp(-(u - c_j)^2/2)$ with 25 centres
    $c_j \in \{-12, \dots, 12\}$, by DSM — one linear solve, with a small ridge penalty
    $10^{-4}\|\theta\|^2$ that keeps $\theta$ determined where there are no data — to samples of
    the one-dimensional $p_u$ of §2, and measure its squared error against the exact
    $\nabla\log q_\sigma$ on a grid. Each data set is one replication, and the claims are about
    the mean over replications of $\log_{10}$ of the error (Student-$t$ standard errors).

    At $\sigma = 0.5$ the error in the low-density region $\{\log q_\sigma < -15\}$ is more than
    two decades (a factor 100) above the error where $\log q_\sigma > -4$: there the fit falls
    back to what the penalty prefers, $s \approx 0$, while the true score is large — it points
    back to the modes, with a mean size of about 4.6 over that region. This corrects the
    assignment's answer, which says the score itself tends to $0$ in low-density regions: that
    describes the *estimate*, not the score (the control). A large noise level puts samples into
    the gap: at $\sigma = 4$ the error over $|u| < 2$ is more than two decades below that at
    $\sigma = 0.5$ — one reason the schedule must start large. The control for the first claim
    is that the error does not depend on the density.

    ![Squared error of a DSM score fit against log-density](low_density.svg)
    */
    ch.section("low_density", "Score estimates are poor where data are rare", [](wb::Section& s) {
        std::vector<double> centres;
        for (int c = -12; c <= 12; ++c) centres.push_back(c);
        const double lambda = 1e-4;
        const std::size_t reps = s.size(20, 40), n = s.size(4000, 10000);
        const std::vector<double> grid = wb::linspace(-11.0, 11.0, 221);
        // Per noise level: log q_σ and the mean squared error (over fits) on the grid, and per
        // fit the log₁₀ of the mean squared error over three regions.
        struct Level {
            double sigma;
            std::vector<double> logq, err;
            std::vector<double> low, high, gap;  // log q < −15, log q > −4, |u| < 2
        };
        std::vector<Level> levels = {{0.5, {}, {}, {}, {}, {}}, {4.0, {}, {}, {}, {}, {}}};
        for (auto& L : levels) {
            const wb::GaussianMixture q = Pu.noised(L.sigma);
            for (double u : grid) L.logq.push_back(q.log_density(u));
            L.err.assign(grid.size(), 0.0);
        }
        for (std::size_t r = 0; r < reps; ++r) {
            const wb::Vec data = Pu.sample_1d(s.rng(), n);
            for (auto& L : levels) {
                const wb::GaussianMixture q = Pu.noised(L.sigma);
                const ch10::RbfScore fit = ch10::fit_dsm(data, L.sigma, lambda, centres, 1.0, s.rng());
                double sum[3] = {0, 0, 0};
                std::size_t cnt[3] = {0, 0, 0};
                for (std::size_t j = 0; j < grid.size(); ++j) {
                    const double e = std::pow(fit(grid[j]) - q.score(grid[j]), 2);
                    L.err[j] += e / static_cast<double>(reps);
                    const bool in[3] = {L.logq[j] < -15, L.logq[j] > -4, std::fabs(grid[j]) < 2};
                    for (int c = 0; c < 3; ++c)
                        if (in[c]) sum[c] += e, ++cnt[c];
                }
                if (cnt[0]) L.low.push_back(std::log10(sum[0] / static_cast<double>(cnt[0])));
                L.high.push_back(std::log10(sum[1] / static_cast<double>(cnt[1])));
                L.gap.push_back(std::log10(sum[2] / static_cast<double>(cnt[2])));
            }
            s.progress(r + 1, reps);
        }
        const Level& small = levels[0];
        const Level& large = levels[1];
        // Decades between the errors: per fit, log₁₀(error where rare) − log₁₀(error where dense).
        const wb::Estimate decades = wb::paired_difference(small.low, small.high);
        s.greater("σ = 0.5: log₁₀ of the error where log q < −15 minus where log q > −4 > 2 (a factor 100)", decades, 2.0);
        s.control().less("σ = 0.5: the error is no larger where data are rare (difference < 0)", decades, 0.0,
                         {.scale = 2.0});
        // Large noise fills the gap: the error over |u| < 2 drops by more than a factor 100.
        const wb::Estimate gap_gain = wb::paired_difference(small.gap, large.gap);
        s.greater("over the gap |u| < 2: log₁₀ error at σ = 0.5 minus at σ = 4 > 2", gap_gain, 2.0);
        // The true score over the low-density grid: not small.
        {
            const wb::GaussianMixture q = Pu.noised(0.5);
            double size = 0;
            std::size_t m = 0;
            for (std::size_t j = 0; j < grid.size(); ++j)
                if (small.logq[j] < -15) size += std::fabs(q.score(grid[j])), ++m;
            s.control().exact("the assignment's answer: the score tends to 0 where log q < −15 (mean |∇log q| = 0)",
                              size / static_cast<double>(m), 0.0, 0.5);
            s.note(fmt::format("mean |∇log q_σ| over the {} grid points with log q_σ < −15 (σ = 0.5): {:.3f}", m,
                               size / static_cast<double>(m)));
        }
        s.note(fmt::format("decades of error, rare over dense (σ = 0.5): {:.2f} ± {:.2f}; gap, σ = 0.5 over σ = 4: {:.2f} ± {:.2f}",
                           decades.value, decades.se, gap_gain.value, gap_gain.se));

        wb::Figure fig("low_density", "Squared error of a DSM score fit against the log-density of the noised data");
        fig.size(900, 520);
        fig.panel()
            .xlabel("log q_σ(u)")
            .ylabel("squared error (s_θ(u) − ∇log q_σ(u))², mean over fits")
            .logy()
            .points(small.logq, small.err, "σ = 0.5", Fit)
            .id("sigma_0_5")
            .points(large.logq, large.err, "σ = 4", Second)
            .id("sigma_4")
            .key(wb::KeyPlace::Best);
        s.save(fig);
    });

    /*md
    ## 5. Langevin dynamics with the exact score gets the weights wrong

    Langevin dynamics $x_{k+1} = x_k + \tfrac{\varepsilon}{2}\nabla\log p(x_k) + \sqrt\varepsilon\,z_k$
    is the Euler–Maruyama scheme (chapter 11) for $dX = \tfrac12\nabla\log p(X)\,dt + dW$, whose
    stationary law is $p$. Stationary, but not reached in any useful time: a chain has to cross the
    valley between the modes, where $p$ is about $e^{-25}$ of its peak. What decides the mode a
    chain ends in is where it *starts*. Along the line joining the modes the dynamics is the
    one-dimensional $dU = \tfrac12 (\log p_u)'(U)\,dt + dW$ (§2), whose generator
    $\tfrac12 (p_u'/p_u)\,\partial_u + \tfrac12\partial_u^2 = \tfrac{1}{2p_u}\partial_u(p_u\,\partial_u)$
    makes $1/p_u$ its scale density. The **committor**, the probability of reaching the left mode
    $\mu_0 = -5\sqrt2$ before the right one $\mu_1$, solves $\partial_u(p_u\,\partial_u q) = 0$ with
    $q(\mu_0) = 1$, $q(\mu_1) = 0$:

    $$q(u) = \frac{\int_u^{\mu_1} dy/p_u(y)}{\int_{\mu_0}^{\mu_1} dy/p_u(y)}.$$

    Since $1/p_u$ is sharply peaked at the density's minimum, $q$ is a step at $u^* \approx -0.1$, and
    a chain started uniformly on $[-8, 8]^2$ ends in the small mode with probability
    $\mathbb E\,q(U_0)$, about $0.49$ — not $0.2$. We compute it by quadrature and compare with
    Langevin chains run by the library's Euler–Maruyama solver ($\varepsilon = 0.1$, 200 steps, in
    the plane); the control is the weight the chains should have, $0.2$.
    */
    ch.section("langevin", "Langevin with the exact score: the committor's weight, not 0.2", [](wb::Section& s) {
        const ch10::Committor q(Pu);
        const double predicted = ch10::small_mode_weight_from_uniform(q, Box);
        const std::size_t n = s.size(5000, 20000), steps = 200;
        wb::Mat x = uniform_starts(s.rng(), n, Box);
        plain_langevin(x, steps, s.rng());
        const wb::Estimate w = small_mode_fraction(x);
        s.monte_carlo("plain Langevin: weight of the small mode = E q(U₀) (committor, quadrature)", w, predicted);
        s.control().monte_carlo("plain Langevin: weight of the small mode = 0.2", w, 0.2);
        s.note(fmt::format("committor weight {:.5f}; committor at u = 0: {:.4f}, at −0.2: {:.4f}", predicted, q(0.0), q(-0.2)));
    });

    /*md
    ## 6. Annealed Langevin recovers the weights

    Annealed Langevin dynamics (Song & Ermon 2019, algorithm 1) runs $T$ Langevin steps at each
    level of the schedule of §1, from $\sigma_1 = 20$ down to $\sigma_L = 1$, with the score of
    $q_{\sigma_i}$ and the step $\alpha_i = \varepsilon\,\sigma_i^2/\sigma_L^2$. At $\sigma = 20$ the
    two modes of $q_\sigma$ merge into one broad bump and chains move freely between them; the
    noised mixture keeps the weights $0.2/0.8$ at every level (§2), so a chain that follows
    $q_{\sigma_i}$ closely as $\sigma$ shrinks is in the small mode with probability $0.2$ when the
    valley closes. Following closely takes time: with few steps per level the chains lag behind
    (they start in the box, far narrower than $q_{20}$), and the weight is biased towards the
    committor's. The figure shows the weight against $T$ (chains run along $u$, §2): at $T = 100$ it
    is still visibly above $0.2$, by a few standard errors, and it reaches $0.2$ only in the limit.
    We check that the bias at $T = 3$ is real (the weight exceeds $0.2$) and that at $T = 1000$ the
    weight is within a third of plain Langevin's error, $0.491 - 0.2 \approx 0.29$, of $0.2$; the
    control claims the same at $T = 3$. A small bias remains at $T = 1000$, a fraction of the
    standard error of these sample sizes, so the chapter does not claim that the weight is exactly
    $0.2$ there. The samples in the plane (exercise 10.3 with
    $T = 100$, against plain Langevin) show both samplers; the annealed clusters are wider because
    its last level draws from $q_{\sigma_L} = q_1$, whose components have variance $2$, not from $p$
    itself — the price of stopping at $\sigma_L = 1$.

    ![Mode weight of annealed Langevin against steps per level](annealed_weight.svg)

    ![Samples of plain and annealed Langevin dynamics](langevin_samples.svg)
    */
    ch.section("annealed", "Annealed Langevin: the weight tends to 0.2 as the steps per level grow  [exercise 10.3]",
               [](wb::Section& s) {
                   const wb::Vec sigmas = ch10::geometric_schedule(SigmaMax, SigmaMin, Levels);
                   const double plain_error = ch10::small_mode_weight_from_uniform(ch10::Committor(Pu), Box) - 0.2;
                   auto score_u = [](const wb::Mat& x, double sigma, wb::Mat& out) { noised_score_of(Pu, x, sigma, out); };
                   const std::vector<std::size_t> Ts = {1, 3, 10, 30, 100, 1000};
                   const std::size_t n = s.size(2200, 4000);
                   std::vector<double> tv, wv, wse;
                   std::vector<wb::Estimate> est;
                   for (std::size_t T : Ts) {
                       const wb::Mat x2 = uniform_starts(s.rng(), n, Box);
                       wb::Mat u = xt::empty<double>({n, std::size_t{1}});
                       for (std::size_t i = 0; i < n; ++i) u(i, 0) = (x2(i, 0) + x2(i, 1)) / wb::Sqrt2;
                       ch10::annealed_langevin(u, sigmas, Eps, T, score_u, s.rng());
                       est.push_back(small_mode_fraction(u));
                       tv.push_back(static_cast<double>(T));
                       wv.push_back(est.back().value);
                       wse.push_back(est.back().se);
                       s.progress(tv.size(), Ts.size());
                   }
                   const wb::Estimate w3 = est[1], w100 = est[4], w1000 = est[5];
                   s.greater("T = 3 steps per level: weight of the small mode > 0.2 (the lag is real)", w3, 0.2);
                   // A bias of a fraction of a standard error remains at T = 1000, so the claim is a bound.
                   const double tol = plain_error / 3.0;
                   s.within("T = 1000 steps per level: weight of the small mode within a third of plain Langevin's error of 0.2",
                            w1000, 0.2 - tol, 0.2 + tol, {.scale = plain_error});
                   s.control().within("T = 3 steps per level: weight within a third of plain Langevin's error of 0.2 (no lag)",
                                      w3, 0.2 - tol, 0.2 + tol, {.scale = plain_error});
                   s.note(fmt::format("weights: T = 100: {:.4f} ± {:.4f}; T = 1000: {:.4f} ± {:.4f}", w100.value, w100.se,
                                      w1000.value, w1000.se));

                   // Samples in the plane: plain Langevin (library) and annealed (10.3), T = 100.
                   const std::size_t m = s.size(1000, 2000);
                   wb::Mat xa = uniform_starts(s.rng(), m, Box);
                   ch10::annealed_langevin(
                       xa, sigmas, Eps, 100, [](const wb::Mat& x, double sigma, wb::Mat& out) { noised_score_of(P, x, sigma, out); },
                       s.rng());
                   wb::Mat xp = uniform_starts(s.rng(), m, Box);
                   plain_langevin(xp, 200, s.rng());
                   const wb::Estimate wa = small_mode_fraction(xa), wp = small_mode_fraction(xp);
                   s.note(fmt::format("in the plane: annealed (T = 100) {:.3f} ± {:.3f}, plain {:.3f} ± {:.3f}", wa.value, wa.se,
                                      wp.value, wp.se));

                   wb::Figure fw("annealed_weight", "Weight of the small mode after annealed Langevin, against steps per level");
                   fw.size(900, 500);
                   fw.panel()
                       .xlabel("steps per level T")
                       .ylabel("fraction of chains in the small mode")
                       .logx()
                       .xrange(0.7, 1500)
                       .yrange(0.15, 0.55)
                       .errorbars(tv, wv, wse, "annealed Langevin ± 1 se", Fit)
                       .id("annealed")
                       .dashed(std::vector<double>{0.7, 1500.0}, std::vector<double>{0.2, 0.2}, "true weight 0.2", Reference)
                       .id("target")
                       .dashed(std::vector<double>{0.7, 1500.0}, std::vector<double>{plain_error + 0.2, plain_error + 0.2},
                               "plain Langevin (committor)", Plain)
                       .id("committor")
                       .key(wb::KeyPlace::Best);
                   s.save(fw);

                   wb::Figure fs("langevin_samples", "Langevin samples of 0.2·N((−5,−5), I) + 0.8·N((5,5), I)", 1, 2);
                   fs.size(1100, 540);
                   // One panel per sampler: the samples (m, 2) in the plane.
                   auto scatter = [&](int i, const std::string& title, const wb::Mat& x, const char* id, int colour) {
                       fs.panel(i)
                           .title(title)
                           .xlabel("x₁")
                           .ylabel("x₂")
                           .xrange(-10, 10)
                           .yrange(-10, 10)
                           .equal_aspect()
                           .points(wb::Vec(xt::col(x, 0)), wb::Vec(xt::col(x, 1)), "samples", colour)
                           .id(id)
                           .key(wb::KeyPlace::None);
                   };
                   scatter(0, fmt::format("plain Langevin: {:.0f}% in the small mode", 100 * wp.value), xp, "plain", Plain);
                   scatter(1, fmt::format("annealed Langevin, T = 100: {:.0f}% in the small mode", 100 * wa.value), xa,
                           "annealed", Fit);
                   s.save(fs);
               });

    /*md
    ## Summary

    * A noised Gaussian mixture is the mixture with $\sigma^2$ added to every variance, so its
      score is exact; computing it far from the data needs log-sum-exp.
    * A geometric schedule gives every pair of consecutive levels the same overlap.
    * The optimal DSM loss at level $\sigma$ is $d/\sigma^2 - J(q_\sigma)$, which grows like
      $d/\sigma^2$; weighted by $\lambda(\sigma) = \sigma^2$ it is $d - \sigma^2J(q_\sigma) \in [0, d]$.
    * Near a data manifold the noised score grows like $\mathrm{dist}/\sigma^2$; in low-density
      regions the score is not small, but its estimate is poor, because no samples fall there —
      large noise levels put samples there.
    * Langevin dynamics with the exact score of a well-separated mixture returns the committor's
      weights, set by the start; annealing over the noise levels recovers the true weights as
      the steps per level grow, slowly (still biased at 100 steps per level here).

    ## References

    * Y. Song, S. Ermon (2019). Generative modeling by estimating gradients of the data
      distribution. *Advances in Neural Information Processing Systems (NeurIPS)* 32. (Annealed
      Langevin dynamics, algorithm 1, the step $\alpha_i \propto \sigma_i^2$ and the weighting
      $\lambda(\sigma) = \sigma^2$, §3 and §6; inaccurate score estimates in low-density regions, §4;
      the two-mode example and the failure of plain Langevin, §5–§6.)
    * Y. Song, S. Ermon (2020). Improved techniques for training score-based generative models.
      *Advances in Neural Information Processing Systems (NeurIPS)* 33. (Choosing $\sigma_1$ about
      the largest distance between data points, and a geometric schedule, §1.)
    * P. Vincent (2011). A connection between score matching and denoising autoencoders. *Neural
      Computation* 23(7), 1661–1674. (The DSM loss and its constant, §3.)
    */
    return ch.run(argc, argv);
}
