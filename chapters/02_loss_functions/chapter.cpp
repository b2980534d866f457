/*md
# Chapter 02: Loss functions

A loss function is a choice of *what to estimate*. This chapter answers the course's week-1
question — how do we choose a loss? — by deriving, for each common loss, the quantity its
minimiser estimates, its gradient in the model's output, and how to evaluate it without
overflow; then it looks at imbalanced classes (weighted cross-entropy and the focal loss of
Lin et al.) and at the second question of assignment 02: why a target with few numeric values
is usually fitted by regression rather than classification.

Throughout, $z \in \mathbb R$ is a *logit* (an unbounded score), $\sigma(z) = 1/(1+e^{-z})$ the
logistic function, $y$ the target, and $p = \sigma(z)$ (or $p = \operatorname{softmax}(z)$ over
$K$ classes) the model's probability.
*/
#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <vector>

#include <fmt/format.h>
#include <xtensor/xview.hpp>

#include "losses.hpp"
#include "model.hpp"
#include "wb/chapter.hpp"
#include "wb/constants.hpp"
#include "wb/numerics.hpp"
#include "wb/special.hpp"
#include "wb/stats.hpp"

namespace {

// One colour per method, the same in every figure (indices into the Okabe–Ito palette).
constexpr int Mse = 0, Mae = 1, Huber = 2, Ce = 3, WeightedCe = 4, Focal = 5, Exact = 7;
// The focal curves for γ = 0 (= CE), 0.5, 1, 2, 5 in the panel that compares them.
constexpr std::array<int, 5> GammaColour = {Ce, Focal, 6, 2, 1};

double sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }

// The textbook formulas, written naively: an independent route at moderate logits, and the
// unstable variants the stability section rejects.
double naive_bce(double z, int y) { return y == 1 ? -std::log(sigmoid(z)) : -std::log(1.0 - sigmoid(z)); }
wb::Vec naive_softmax(const wb::Vec& z) {
    wb::Vec e = xt::exp(z);
    return e / xt::sum(e)();
}
double naive_softmax_ce(const wb::Vec& z, std::size_t y) { return -std::log(naive_softmax(z)(y)); }
double naive_focal(double z, int y, double gamma, std::optional<double> alpha) {
    const double pt = y == 1 ? sigmoid(z) : 1.0 - sigmoid(z);
    const double at = alpha ? (y == 1 ? *alpha : 1.0 - *alpha) : 1.0;
    return -at * std::pow(1.0 - pt, gamma) * std::log(pt);
}
// ½(σ(z) − y)²: squared error on the probability, a regression loss used for classification.
double mse_on_sigmoid(double z, int y) { return 0.5 * (sigmoid(z) - y) * (sigmoid(z) - y); }

// Gamma(2, 1): density y e^{−y}, CDF 1 − e^{−y}(1 + y), mean 2.
double gamma2_pdf(double y) { return y * std::exp(-y); }
double gamma2_cdf(double y) { return 1.0 - std::exp(-y) * (1.0 + y); }

}  // namespace

int main(int argc, char** argv) {
    wb::Chapter ch;  // number and title from the heading above (see CMakeLists.txt)

    /*md
    ## 1. What a loss estimates: the mean and the median

    Fit a constant $c$ to a target $y$ with density $f$. The squared-error risk
    $R_2(c) = \mathbb E(y-c)^2 = \operatorname{Var} y + (\mathbb E y - c)^2$ is a parabola in $c$
    with its minimum at $c^\ast = \mathbb E y$: **squared error estimates the mean**. The
    absolute-error risk $R_1(c) = \mathbb E|y-c|$ has derivative
    $R_1'(c) = P(y < c) - P(y > c) = 2F(c) - 1$, which vanishes where $F(c) = \tfrac12$:
    **absolute error estimates the median**. The two differ whenever the law is skewed. We take
    $y \sim \mathrm{Gamma}(2, 1)$, with mean $2$ and median $m$ solving
    $1 - e^{-m}(1+m) = \tfrac12$, $m \approx 1.678347$.

    Two independent checks. First, the population risks, computed by quadrature and minimised
    by golden-section search, must have their minima at the mean and at the root of the CDF.
    Second, on $n$ draws the empirical risks' minimisers (again found by search, not by a
    formula) must agree with $2$ and $m$ within their standard errors: $s/\sqrt n$ for the
    sample mean and the asymptotic $1/(2f(m)\sqrt n)$ for the sample median. The controls swap
    the two answers — a common confusion — and the draws reject both.
    */
    ch.section("estimates", "argmin E(y − c)² = mean, argmin E|y − c| = median (Gamma(2, 1))", [](wb::Section& s) {
        // The median from the CDF by bisection.
        double lo = 0.0, hi = 10.0;
        for (int i = 0; i < 200; ++i) (gamma2_cdf(0.5 * (lo + hi)) < 0.5 ? lo : hi) = 0.5 * (lo + hi);
        const double median = 0.5 * (lo + hi), mean = 2.0;
        s.exact("Gamma(2, 1) median ≈ 1.678347", median, 1.678347, 1e-6);

        // Population risks by Simpson quadrature on [0, 60] (split at c: |y − c| has a kink there).
        auto r2 = [](double c) { return wb::simpson([&](double y) { return (y - c) * (y - c) * gamma2_pdf(y); }, 0, 60); };
        auto r1 = [](double c) {
            auto f = [&](double y) { return std::fabs(y - c) * gamma2_pdf(y); };
            return wb::simpson(f, 0, c) + wb::simpson(f, c, 60);
        };
        s.exact("argmin_c E(y − c)² = E y = 2 (quadrature)", ch02::golden_min(r2, 0, 10), mean, 1e-6);
        s.exact("argmin_c E|y − c| = median (quadrature vs CDF root)", ch02::golden_min(r1, 0.1, 10), median, 1e-6);

        // Empirical risks on draws, minimised by search.
        const std::size_t n = s.size(20000, 100000);
        wb::Vec y = wb::Vec::from_shape({n});
        for (std::size_t i = 0; i < n; ++i) y(i) = s.rng().gamma(2.0);
        auto emp = [&](double c, bool absolute) {
            double acc = 0.0;
            for (std::size_t i = 0; i < n; ++i) acc += absolute ? std::fabs(y(i) - c) : (y(i) - c) * (y(i) - c);
            return acc / static_cast<double>(n);
        };
        const double c2 = ch02::golden_min([&](double c) { return emp(c, false); }, 0, 10, 1e-9);
        const double c1 = ch02::golden_min([&](double c) { return emp(c, true); }, 0, 10, 1e-9);
        const wb::Estimate m2{c2, wb::mean_se(y).se, n};
        const wb::Estimate m1{c1, 1.0 / (2.0 * gamma2_pdf(median) * std::sqrt(static_cast<double>(n))), 0};
        s.monte_carlo("empirical argmin of squared error = mean 2", m2, mean);
        s.monte_carlo("empirical argmin of absolute error = median 1.678347", m1, median);
        s.control().monte_carlo("empirical argmin of squared error = the median", m2, median);
        s.control().monte_carlo("empirical argmin of absolute error = the mean", m1, mean);
    });

    /*md
    ## 2. Cross-entropy is a negative log-likelihood

    A classifier that outputs $p = \sigma(z)$ for a label $y \in \{0, 1\}$ models $y$ as
    Bernoulli($p$), with likelihood $p^y(1-p)^{1-y}$. Its negative logarithm is the **binary
    cross-entropy**

    $$\mathrm{CE}(z, y) = -y\log\sigma(z) - (1-y)\log(1-\sigma(z)),$$

    and over $K$ classes, with $p = \operatorname{softmax}(z)$, $p_k = e^{z_k}/\sum_j e^{z_j}$,
    the categorical likelihood gives $\mathrm{CE}(z, y) = -\log p_y$. Minimising the mean
    cross-entropy over a sample is therefore maximum likelihood. For a constant logit on
    Bernoulli($\pi$) labels the expected loss $\pi\,\mathrm{CE}(z,1) + (1-\pi)\,\mathrm{CE}(z,0)$
    has derivative $\sigma(z) - \pi$, so its minimiser is $\sigma(z^\ast) = \pi$: **cross-entropy
    estimates the class probability** (on a sample, $\sigma(\hat z) = \bar y$, the maximum-likelihood
    estimate). We check exercises 02.1 and 02.2 against the likelihoods written directly, and
    the two minimisers by search. The control is the one-vs-rest slip: taking $-\log\sigma(z_y)$
    for the softmax cross-entropy.
    */
    ch.section("likelihood", "Cross-entropy = −log-likelihood; its minimiser is the class probability  [02.1, 02.2]",
               [](wb::Section& s) {
                   for (double z : {-3.0, -0.5, 1.2, 4.0})
                       for (int y : {0, 1})
                           s.exact(fmt::format("CE({}, {}) = −log Bernoulli({}; σ(z))", z, y, y),
                                   ch02::binary_cross_entropy(z, y).loss, naive_bce(z, y), 1e-12);
                   const wb::Vec z = {0.4, -1.1, 2.0, 0.9};
                   for (std::size_t y : {0u, 2u})
                       s.exact(fmt::format("softmax CE(z, {}) = −log softmax(z)_{}", y, y),
                               ch02::softmax_cross_entropy(z, y).loss, naive_softmax_ce(z, y), 1e-12);
                   s.control().exact("softmax CE(z, 0) = −log σ(z_0) (one-vs-rest)",
                                     ch02::softmax_cross_entropy(z, 0).loss, -std::log(sigmoid(z(0))), 1e-6);

                   // Population: argmin_z E CE = logit π.
                   const double pi = 0.3;
                   auto risk = [&](double zz) {
                       return pi * ch02::binary_cross_entropy(zz, 1).loss + (1 - pi) * ch02::binary_cross_entropy(zz, 0).loss;
                   };
                   s.exact("argmin_z E CE(z, y): σ(z*) = π = 0.3", sigmoid(ch02::golden_min(risk, -10, 10)), pi, 1e-6);
                   // Sample: σ(ẑ) = ȳ, the maximum-likelihood estimate, and ȳ estimates π.
                   const std::size_t n = s.size(20000, 100000);
                   std::vector<int> y(n);
                   double ybar = 0.0;
                   for (std::size_t i = 0; i < n; ++i) ybar += (y[i] = s.rng().uniform() < pi ? 1 : 0);
                   ybar /= static_cast<double>(n);
                   // The mean CE through the label counts: the same function as the sum over the
                   // sample, without the summation's rounding noise that would limit the search to ~1e-6.
                   const double n1 = ybar * static_cast<double>(n), n0 = static_cast<double>(n) - n1;
                   auto emp = [&](double zz) {
                       return (n1 * ch02::binary_cross_entropy(zz, 1).loss + n0 * ch02::binary_cross_entropy(zz, 0).loss) /
                              static_cast<double>(n);
                   };
                   const double zhat = ch02::golden_min(emp, -10, 10, 1e-10);
                   // Golden-section search locates a minimum to about √ε of the risk's curvature scale: 1e-6.
                   s.exact("empirical argmin: σ(ẑ) = ȳ (maximum likelihood)", sigmoid(zhat), ybar, 1e-6);
                   const wb::Estimate phat{sigmoid(zhat), std::sqrt(pi * (1 - pi) / static_cast<double>(n)), 0};
                   s.monte_carlo("σ(ẑ) estimates π = 0.3", phat, pi);
               });

    /*md
    ## 3. Gradients: why cross-entropy and not squared error on probabilities

    With $p = \sigma(z)$ and $\sigma' = p(1-p)$,

    $$\frac{d}{dz}\mathrm{CE} = -\frac{y}{p}p(1-p) + \frac{1-y}{1-p}p(1-p) = p - y,$$

    and over $K$ classes $\partial(-\log p_y)/\partial z_k = p_k - [k = y]$: the gradient is the
    residual $p - e_y$. The squared error on the probability, $\tfrac12(\sigma(z) - y)^2$, has

    $$\frac{d}{dz}\,\tfrac12(\sigma(z)-y)^2 = (p - y)\,p(1-p),$$

    the same residual times $p(1-p) \le \tfrac14$, which **vanishes when the model is confidently
    wrong** ($p \to 0$ for $y = 1$): the example that most needs correcting barely moves the
    parameters. Both gradients are checked against central finite differences of the losses
    written directly. The control claims the squared-error gradient is $p - y$ too, at $z = 0$,
    where $p(1-p)$ is largest and the two are closest (a factor of 4). The figure shows the
    gradient's size against $p$ for a positive example:

    ![|d loss/dz| against p for a positive example: CE, MSE on σ and the focal loss](gradient_vs_p.svg)
    */
    ch.section("gradients", "dCE/dz = p − y; d(½(σ − y)²)/dz = (p − y)p(1 − p)  [02.1, 02.2]", [](wb::Section& s) {
        for (double z : {-4.0, -0.7, 0.0, 2.3})
            for (int y : {0, 1}) {
                const std::vector<double> at{z}, g{ch02::binary_cross_entropy(z, y).grad};
                s.gradient(fmt::format("dCE/dz = σ(z) − y at z = {}, y = {}", z, y),
                           [&](std::span<const double> x) { return naive_bce(x[0], y); }, at, g, 1e-7);
            }
        const wb::Vec z = {1.2, -0.7, 2.1, 0.0, -1.4};
        for (std::size_t y : {1u, 3u}) {
            const auto r = ch02::softmax_cross_entropy(z, y);
            s.gradient(fmt::format("∇ softmax CE = softmax(z) − e_{}", y),
                       [&](std::span<const double> x) {
                           wb::Vec v = wb::Vec::from_shape({x.size()});
                           std::copy(x.begin(), x.end(), v.begin());
                           return naive_softmax_ce(v, y);
                       },
                       std::vector<double>(z.begin(), z.end()), std::vector<double>(r.grad.begin(), r.grad.end()), 1e-7);
        }
        for (double zz : {-6.0, 0.0, 1.5}) {
            const double p = sigmoid(zz);
            s.gradient(fmt::format("d(½(σ − y)²)/dz = (p − y)p(1 − p) at z = {}, y = 1", zz),
                       [](std::span<const double> x) { return mse_on_sigmoid(x[0], 1); }, std::vector<double>{zz},
                       std::vector<double>{(p - 1) * p * (1 - p)}, 1e-7);
        }
        s.control().gradient("d(½(σ − y)²)/dz = p − y at z = 0, y = 1",
                             [](std::span<const double> x) { return mse_on_sigmoid(x[0], 1); }, std::vector<double>{0.0},
                             std::vector<double>{sigmoid(0.0) - 1}, 1e-7);
        // Confidently wrong (z = −10, y = 1): the squared-error gradient is p(1 − p) ≈ 4.5·10⁻⁵ of CE's.
        const double gce = ch02::binary_cross_entropy(-10.0, 1).grad, p = sigmoid(-10.0);
        const double gmse = (p - 1) * p * (1 - p);
        s.holds("|d(½(σ − y)²)/dz| < 10⁻⁴ |dCE/dz| at z = −10, y = 1", std::fabs(gmse) < 1e-4 * std::fabs(gce),
                std::fabs(gmse), 1e-4 * std::fabs(gce));

        wb::Figure fig("gradient_vs_p", "Gradient magnitude |d loss/dz| against the predicted probability p (y = 1)");
        const std::vector<double> ps = wb::linspace(0.001, 0.999, 300);
        std::vector<double> ce, mse;
        for (double q : ps) {
            ce.push_back(std::fabs(ch02::binary_cross_entropy(std::log(q / (1 - q)), 1).grad));
            mse.push_back(std::fabs((q - 1) * q * (1 - q)));
        }
        auto& panel = fig.panel().xlabel("predicted probability p of the true class").ylabel("|d loss / dz|").yrange(0, 1.6);
        panel.line(ps, ce, "cross-entropy: 1 − p", Ce).id("ce").line(ps, mse, "MSE on σ: (1 − p) p (1 − p)", Mse).id("mse");
        for (double gamma : {0.5, 2.0, 5.0}) {
            std::vector<double> fl;
            const int id = static_cast<int>(2 * gamma);
            for (double q : ps) fl.push_back(std::fabs(ch02::focal_loss(std::log(q / (1 - q)), 1, gamma, std::nullopt).grad));
            panel.dashed(ps, fl, fmt::format("focal, γ = {}", gamma), GammaColour[gamma == 0.5 ? 1 : gamma == 2.0 ? 3 : 4])
                .id(fmt::format("focal_{}", id));  // γ = id/2
        }
        panel.key(wb::KeyPlace::TopRight);  // above every curve once the y range reaches 1.6
        s.save(fig);
    });

    /*md
    ## 4. Numerical stability: log-sum-exp and softplus

    The formulas above are exact, but evaluated literally they fail in floating point. For
    $z = 800$, $e^{z}$ overflows to $\infty$ and $\sigma(-800)$ underflows to $0$, so
    $\log\sigma(-800) = -\infty$ although the true value is $-800$. The cure is to never form a
    probability that may round to $0$ or $1$. Since $-\log\sigma(z) = \log(1 + e^{-z}) =
    \operatorname{softplus}(-z)$,

    $$\log\sigma(z) = -\operatorname{softplus}(-z),\qquad
    \operatorname{softplus}(u) = \max(u, 0) + \log\!\left(1 + e^{-|u|}\right),$$

    in which no exponent is positive (and $\operatorname{log1p}$ keeps the tiny loss $e^{-40}$ of
    a confident right answer). Over $K$ classes, the **log-sum-exp** identity
    $\log\sum_k e^{z_k} = m + \log\sum_k e^{z_k - m}$, $m = \max_k z_k$, keeps every exponent
    $\le 0$ with one term equal to $1$; then $-\log p_y = \log\sum_k e^{z_k} - z_y$. The checks:
    the stable losses at logits of size 1000 equal the losses at the shifted logits (softmax is
    invariant to adding a constant), and $-\log\sigma(-800) = 800$. The control is the naive
    softmax $e^{z_k}/\sum_j e^{z_j}$ on the logits $(1000, 999, 998)$: $e^{1000} = \infty$ and
    every probability is $\infty/\infty$, which is NaN. A second control evaluates the naive
    $-\log(1 - \sigma(z))$ at $z = 800$, which is $\infty$.
    */
    ch.section("stability", "log-sum-exp and log σ(z) = −softplus(−z): finite at logits of size 1000  [02.1, 02.2]",
               [](wb::Section& s) {
                   const wb::Vec big = {1000.0, 999.0, 998.0}, shifted = {0.0, -1.0, -2.0};
                   bool finite = true;
                   for (std::size_t y = 0; y < 3; ++y) {
                       const auto r = ch02::softmax_cross_entropy(big, y);
                       finite = finite && std::isfinite(r.loss);
                       s.exact(fmt::format("stable softmax CE at (1000, 999, 998), y = {} = naive CE at (0, −1, −2)", y),
                               r.loss, naive_softmax_ce(shifted, y), 1e-11);
                   }
                   s.holds("stable softmax CE is finite at logits of size 1000", finite, 3.0, 3.0);
                   s.exact("−log σ(−800) = 800 (BCE at z = −800, y = 1)", ch02::binary_cross_entropy(-800.0, 1).loss, 800.0,
                           1e-14);
                   // log(1 + e^{−40}) by its series e^{−40} − e^{−80}/2: an independent route.
                   const double tiny = std::exp(-40.0) - 0.5 * std::exp(-80.0);
                   s.exact("−log σ(40) = log(1 + e^{−40}) to full precision", ch02::binary_cross_entropy(40.0, 1).loss, tiny,
                           1e-14);
                   const wb::Vec p = naive_softmax(big);
                   const double n_finite = static_cast<double>(std::count_if(p.begin(), p.end(), [](double v) { return std::isfinite(v); }));
                   s.control().holds("naive softmax e^{z_k}/Σ e^{z_j} is finite at (1000, 999, 998)", n_finite == 3.0, n_finite, 3.0,
                                     "finite probabilities out of 3");
                   const double naive = naive_bce(800.0, 0);
                   s.control().holds("naive −log(1 − σ(z)) is finite at z = 800", std::isfinite(naive), std::isfinite(naive) ? 1.0 : 0.0,
                                     1.0, "1 if finite");
               });

    /*md
    ## 5. Weighted cross-entropy and the focal loss

    When one class is rare, the mean cross-entropy is dominated by the common class. **Weighted
    cross-entropy** multiplies each example's loss by a weight $w_y$ of its class and divides by
    the total weight, $L = \sum_i w_{y_i}\mathrm{CE}_i / \sum_i w_{y_i}$. What it estimates
    follows as in §2: for a constant logit the expected weighted loss
    $w_1\pi\,\mathrm{CE}(z,1) + w_0(1-\pi)\,\mathrm{CE}(z,0)$ is minimised at

    $$\sigma(z^\ast) = \frac{w_1\pi}{w_1\pi + w_0(1-\pi)},$$

    the class probability under a reweighted prior: weights move the threshold, on purpose.
    The control claims weighting leaves the minimiser at $\pi$.

    The **focal loss** (Lin et al., 2017) down-weights examples that are already well classified.
    With $p_t = p$ for a positive and $1-p$ for a negative,

    $$\mathrm{FL}(p_t) = -\alpha_t\,(1-p_t)^\gamma\log p_t,\qquad
    \alpha_t = \begin{cases}\alpha & y = 1\\ 1-\alpha & y = 0,\end{cases}$$

    where $\gamma \ge 0$ focuses the loss on hard examples. At $\gamma = 0$ it is the
    *$\alpha$-weighted* cross-entropy $\alpha_t\,\mathrm{CE}$; it is exactly the cross-entropy only
    with no $\alpha$ weighting at all ($\alpha_t \equiv 1$). Lin et al.'s $\alpha = 1$ does not give
    CE: it gives negatives weight $0$ — that is the control. Writing $z_t = \pm z$ for the logit
    of the true class, $q = 1 - p_t = \sigma(-z_t)$ and $\ell = -\log p_t =
    \operatorname{softplus}(-z_t)$, with $dq/dz_t = -p_t q$ and $d\ell/dz_t = -q$,

    $$\frac{d\,\mathrm{FL}}{dz_t} = -\alpha_t\, q^\gamma\left(\gamma\, p_t\,\ell + q\right),$$

    which at $\gamma = 0$ is $-\alpha_t(1 - p_t)$, the weighted residual. The figure draws every
    loss of this chapter against the margin $yz$ (labels $\pm1$; for the regression losses the
    residual is $1 - yz$):

    ![Losses against the margin yz: regression losses, cross-entropy and focal losses](loss_vs_margin.svg)
    */
    ch.section("focal", "Weighted CE and the focal loss: what γ = 0 and α give  [02.2, 02.3, 02.4]", [](wb::Section& s) {
        for (double z : {-2.0, 0.3, 1.7}) {
            for (int y : {0, 1}) {
                const double ce = naive_bce(z, y), at = y == 1 ? 0.25 : 0.75;
                s.exact(fmt::format("FL(γ = 0, α = 0.25) = α_t CE at z = {}, y = {}", z, y),
                        ch02::focal_loss(z, y, 0.0, 0.25).loss, at * ce, 1e-12);
                s.exact(fmt::format("FL(γ = 0, no α) = CE at z = {}, y = {}", z, y),
                        ch02::focal_loss(z, y, 0.0, std::nullopt).loss, ce, 1e-12);
            }
        }
        s.control().exact("FL(γ = 0, α = 1) = CE on a negative (z = 0.3, y = 0)", ch02::focal_loss(0.3, 0, 0.0, 1.0).loss,
                          naive_bce(0.3, 0), 1e-6);
        for (double gamma : {0.5, 2.0, 5.0})
            for (double z : {-2.5, 0.4})
                for (int y : {0, 1}) {
                    const std::vector<double> at{z}, g{ch02::focal_loss(z, y, gamma, 0.25).grad};
                    s.gradient(fmt::format("dFL/dz at γ = {}, z = {}, y = {}", gamma, z, y),
                               [&](std::span<const double> x) { return naive_focal(x[0], y, gamma, 0.25); }, at, g, 1e-7);
                }

        // Weighted CE: equal weights give the mean CE (exercise 02.2 is the independent route).
        const wb::Mat Z = {{0.3, -1.2, 2.0}, {1.5, 0.1, -0.4}, {-0.8, 0.9, 0.2}};
        const std::vector<std::size_t> Y = {2, 0, 1};
        double mean_ce = 0.0;
        for (std::size_t i = 0; i < 3; ++i) mean_ce += ch02::softmax_cross_entropy(wb::Vec(xt::row(Z, i)), Y[i]).loss / 3.0;
        s.exact("weighted CE with equal weights = mean softmax CE", ch02::weighted_cross_entropy(Z, Y, {2.0, 2.0, 2.0}).loss,
                mean_ce, 1e-12);
        const wb::Vec w = {1.0, 4.0, 0.5};
        const auto r = ch02::weighted_cross_entropy(Z, Y, w);
        s.gradient("∇ weighted CE by finite differences",
                   [&](std::span<const double> x) {
                       wb::Mat M = Z;
                       std::copy(x.begin(), x.end(), M.begin());
                       double num = 0.0, den = 0.0;
                       for (std::size_t i = 0; i < 3; ++i) {
                           num += w(Y[i]) * naive_softmax_ce(wb::Vec(xt::row(M, i)), Y[i]);
                           den += w(Y[i]);
                       }
                       return num / den;
                   },
                   std::vector<double>(Z.begin(), Z.end()), std::vector<double>(r.grad.begin(), r.grad.end()), 1e-7);

        // What weighted CE estimates: the minimiser of the expected weighted loss (two classes: logits (0, z)).
        const double pi = 0.02, w0 = 1.0, w1 = 50.0;
        auto risk = [&](double zz) {
            const wb::Mat L = {{0.0, zz}, {0.0, zz}};
            // Rows are the two labels; weights w_y times their probabilities, normalised by the expected weight.
            const wb::Vec cw = {w0 * (1 - pi), w1 * pi};
            return ch02::weighted_cross_entropy(L, {0, 1}, cw).loss;
        };
        const double pstar = sigmoid(ch02::golden_min(risk, -15, 15));
        s.exact("argmin E w_y CE: σ(z*) = w₁π/(w₁π + w₀(1 − π)) (π = 0.02, w = (1, 50))", pstar,
                w1 * pi / (w1 * pi + w0 * (1 - pi)), 1e-6);
        s.control().exact("argmin E w_y CE: σ(z*) = π (weights change nothing)", pstar, pi, 1e-3);

        // Figure: losses against the margin m = yz.
        wb::Figure fig("loss_vs_margin", "Losses against the margin yz (labels ±1; regression residual 1 − yz)", 1, 2);
        fig.size(1100, 460);
        const std::vector<double> ms = wb::linspace(-3, 3, 301);
        std::vector<double> l2, l1, hub, ce;
        for (double m : ms) {
            const double r1 = 1 - m;
            l2.push_back(r1 * r1);
            l1.push_back(std::fabs(r1));
            hub.push_back(std::fabs(r1) <= 1 ? 0.5 * r1 * r1 : std::fabs(r1) - 0.5);
            ce.push_back(ch02::binary_cross_entropy(m, 1).loss);
        }
        fig.panel(0)
            .title("regression losses and cross-entropy")
            .xlabel("margin y z")
            .ylabel("loss")
            .yrange(0, 6)
            .line(ms, l2, "MSE (1 − yz)²", Mse)
            .id("mse")
            .line(ms, l1, "MAE |1 − yz|", Mae)
            .id("mae")
            .line(ms, hub, "Huber (δ = 1)", Huber)
            .id("huber")
            .line(ms, ce, "cross-entropy log(1 + e^{−yz})", Ce)
            .id("ce")
            .key(wb::KeyPlace::TopRight);  // between the two branches of the MSE parabola
        auto& p1 = fig.panel(1).title("focal loss, no α weighting").xlabel("margin y z").ylabel("loss").yrange(0, 3.5);
        const std::array<double, 5> gammas = {0.0, 0.5, 1.0, 2.0, 5.0};
        for (std::size_t g = 0; g < gammas.size(); ++g) {
            std::vector<double> fl;
            for (double m : ms) fl.push_back(ch02::focal_loss(m, 1, gammas[g], std::nullopt).loss);
            p1.line(ms, fl, fmt::format("γ = {}{}", gammas[g], g == 0 ? " (= CE)" : ""), GammaColour[g])
                .id(fmt::format("gamma_{}", g));
        }
        p1.key(wb::KeyPlace::Best);
        s.save(fig);
    });

    /*md
    ## 6. Imbalanced classes: minority recall at 1:50

    What §5 derives for a constant shows up in a fitted classifier. We draw two-dimensional
    data with a majority class $\mathcal N(0, I)$ and a minority class $\mathcal N(\mu_1, I)$,
    $\mu_1 = (2, 1)$, fifty times rarer, fit a linear logit $z = w^\top x + b$ by gradient descent
    with each loss — cross-entropy, cross-entropy weighted by inverse class frequency
    ($w_0 = 1$, $w_1 = 50$, exercise 02.4) and the focal loss with $\gamma = 2$ and no $\alpha$
    (exercise 02.3) — and measure the **minority recall** $P(z > 0 \mid y = 1)$. For a linear
    rule and a Gaussian class it is exact, $\Phi\big((w^\top\mu_1 + b)/\lVert w\rVert\big)$, so
    the only randomness is the training set. Every loss is fitted on the same training sets,
    and the claims are about paired differences over the replications (Student-$t$ with one
    degree of freedom fewer than the replications). Plain cross-entropy estimates
    $P(y = 1\mid x)$, which rarely exceeds $\tfrac12$ when the prior is $1/51$; weighting moves
    the threshold to the reweighted posterior and raises recall from about $0.27$ to about
    $0.85$. The focal loss with $\gamma = 2$ and no $\alpha$ does *not* do this here: its recall
    stays within $0.05$ of plain cross-entropy's (the measured difference is below $0.01$).
    Down-weighting easy examples changes which points the fit listens to, not the prior it is
    calibrated to; Lin et al. combine it with the $\alpha$ weighting for that reason. The
    control is the slip of inverting the weights (the majority weighted by 50), which must
    *not* raise recall.

    ![Minority recall on 1:50 data for cross-entropy, weighted cross-entropy and the focal loss](minority_recall.svg)
    */
    ch.section("imbalanced", "Minority recall on 1:50 data: CE, weighted CE, focal  [02.1, 02.3, 02.4]", [](wb::Section& s) {
        const std::size_t n1 = s.size(20, 30), n0 = 50 * n1, n = n0 + n1, reps = s.size(16, 24), iters = 150;
        const double mu1[2] = {2.0, 1.0};
        std::vector<std::size_t> label(n);
        for (std::size_t i = 0; i < n; ++i) label[i] = i < n1 ? 1 : 0;
        auto recall = [&](const ch02::Linear& m) {
            return wb::normal_cdf(m.score(mu1[0], mu1[1]) / std::hypot(m.w1, m.w2));
        };
        // The batch losses on scores z (n): mean CE, weighted CE on logits (0, z), mean focal.
        auto ce = [&](const wb::Vec& z, wb::Vec& dz) {
            double L = 0.0;
            for (std::size_t i = 0; i < n; ++i) {
                const auto r = ch02::binary_cross_entropy(z(i), static_cast<int>(label[i]));
                L += r.loss / static_cast<double>(n);
                dz(i) = r.grad / static_cast<double>(n);
            }
            return L;
        };
        auto weighted = [&](const wb::Vec& w) {
            return [&, w](const wb::Vec& z, wb::Vec& dz) {
                wb::Mat Z = xt::zeros<double>({n, std::size_t{2}});
                for (std::size_t i = 0; i < n; ++i) Z(i, 1) = z(i);
                const auto r = ch02::weighted_cross_entropy(Z, label, w);
                for (std::size_t i = 0; i < n; ++i) dz(i) = r.grad(i, 1);
                return r.loss;
            };
        };
        auto focal = [&](const wb::Vec& z, wb::Vec& dz) {
            double L = 0.0;
            for (std::size_t i = 0; i < n; ++i) {
                const auto r = ch02::focal_loss(z(i), static_cast<int>(label[i]), 2.0, std::nullopt);
                L += r.loss / static_cast<double>(n);
                dz(i) = r.grad / static_cast<double>(n);
            }
            return L;
        };
        std::vector<double> r_ce, r_wce, r_fl, r_swap;
        double worst_grad = 0.0;
        wb::Mat X = wb::Mat::from_shape({n, std::size_t{2}});
        ch02::Linear shown[3];
        for (std::size_t rep = 0; rep < reps; ++rep) {
            for (std::size_t i = 0; i < n; ++i) {
                X(i, 0) = s.rng().normal() + (i < n1 ? mu1[0] : 0.0);
                X(i, 1) = s.rng().normal() + (i < n1 ? mu1[1] : 0.0);
            }
            const ch02::Linear start{0.0, 0.0, std::log(static_cast<double>(n1) / static_cast<double>(n0))};
            double g = 0.0;
            const auto m_ce = ch02::train_linear(X, ce, start, iters, 2.0, &g);
            worst_grad = std::max(worst_grad, g);
            const auto m_wce = ch02::train_linear(X, weighted({1.0, 50.0}), {}, iters, 0.5, &g);
            worst_grad = std::max(worst_grad, g);
            const auto m_fl = ch02::train_linear(X, focal, start, iters, 2.0, &g);
            worst_grad = std::max(worst_grad, g);
            const auto m_sw = ch02::train_linear(X, weighted({50.0, 1.0}), start, iters, 0.5, &g);
            worst_grad = std::max(worst_grad, g);
            r_ce.push_back(recall(m_ce));
            r_wce.push_back(recall(m_wce));
            r_fl.push_back(recall(m_fl));
            r_swap.push_back(recall(m_sw));
            if (rep + 1 == reps) shown[0] = m_ce, shown[1] = m_wce, shown[2] = m_fl;
            s.progress(rep + 1, reps);
        }
        s.note(fmt::format("largest final gradient norm of the fits: {:.2g}", worst_grad));
        s.note(fmt::format("mean minority recall: CE {:.3f}, weighted CE {:.3f}, focal {:.3f}, inverted weights {:.3f}",
                           wb::mean_se(r_ce).value, wb::mean_se(r_wce).value, wb::mean_se(r_fl).value,
                           wb::mean_se(r_swap).value));
        s.greater("recall(weighted CE) − recall(CE) > 0", wb::paired_difference(r_wce, r_ce), 0.0, {.scale = 1.0});
        s.within("|recall(focal γ = 2) − recall(CE)| < 0.05", wb::paired_difference(r_fl, r_ce), -0.05, 0.05, {.scale = 1.0});
        s.greater("recall(weighted CE) − recall(focal γ = 2) > 0", wb::paired_difference(r_wce, r_fl), 0.0, {.scale = 1.0});
        s.control().greater("recall(CE with inverted weights 50 : 1) − recall(CE) > 0", wb::paired_difference(r_swap, r_ce),
                            0.0, {.scale = 1.0});

        wb::Figure fig("minority_recall", "Linear classifiers on 1:50 data: decision lines and minority recall", 1, 2);
        fig.size(1100, 480);
        std::vector<double> x0a, x0b, x1a, x1b;
        for (std::size_t i = 0; i < n; ++i) (label[i] ? x1a : x0a).push_back(X(i, 0)), (label[i] ? x1b : x0b).push_back(X(i, 1));
        auto& p0 = fig.panel(0).title("last training set and its fitted lines w·x + b = 0").xlabel("x_1").ylabel("x_2");
        p0.xrange(-4, 5).yrange(-4, 4.5);
        p0.points(x0a, x0b, "majority y = 0", Exact).id("majority").points(x1a, x1b, "minority y = 1", Huber).id("minority");
        const std::array<int, 3> colour = {Ce, WeightedCe, Focal};
        const std::array<const char*, 3> name = {"cross-entropy", "weighted CE (1 : 50)", "focal γ = 2"};
        // Each line as x_2 = −(b + w_1 x_1)/w_2 on a fine grid (gnuplot draws no segment whose ends are both clipped).
        const std::vector<double> xs = wb::linspace(-4.0, 5.0, 400);
        for (std::size_t k = 0; k < 3; ++k) {
            const auto& m = shown[k];
            std::vector<double> ys;
            for (double x1 : xs) ys.push_back(-(m.b + m.w1 * x1) / m.w2);
            p0.line(xs, ys, name[k], colour[k]).id(fmt::format("line_{}", k));
        }
        p0.key(wb::KeyPlace::Outside);
        std::vector<double> idx;
        for (std::size_t r = 0; r < reps; ++r) idx.push_back(static_cast<double>(r + 1));
        fig.panel(1)
            .title("minority recall on each training set")
            .xlabel("training set")
            .ylabel("minority recall P(z > 0 | y = 1)")
            .yrange(0, 1.3)
            .linepoints(idx, r_ce, name[0], Ce)
            .id("ce")
            .linepoints(idx, r_wce, name[1], WeightedCe)
            .id("weighted")
            .linepoints(idx, r_fl, name[2], Focal)
            .id("focal")
            .key(wb::KeyPlace::TopRight);
        s.save(fig);
    });

    /*md
    ## 7. Regression or classification for a target with few values

    The second question of assignment 02: if the target takes only a few values, why fit it by
    regression rather than classification? A classifier trained by cross-entropy estimates
    the class probabilities and predicts the most probable value; it treats a prediction of 8
    for a true 0 exactly like a prediction of 1. A regression loss is a function of the numeric
    distance. We make the comparison with learners of equal flexibility: $x$ takes ten values
    $x_b = (b + \tfrac12)/10$, and each learner fits a free prediction per $x_b$ from $m = 6$
    training targets there. The cross-entropy fit of a free logit vector is the empirical class
    frequency (§2), so the classifier predicts the **sample mode** (ties to the smallest value);
    squared-error regression predicts the **sample mean**, absolute-error regression the
    **sample median**. Each prediction is scored by its exact expected absolute error under the
    true law, averaged over the ten $x_b$; the replications give the standard errors of the
    paired differences.

    *Ordinal target* $y \mid x \sim \mathrm{Binomial}(9, x)$, $y \in \{0, \dots, 9\}$: averaged
    over $x$, both regressions beat the classifier — the mode of six draws throws away how far
    apart the draws are. (Not at every $x$: near $x = 0.05$ and $0.95$, where the law piles up
    on one value, the mode is the better guess.) The control claims the classifier and the median regression have the same
    expected absolute error.

    *Piecewise target* $y \in \{0, 5\}$, $y = 5$ with probability $\Phi((x - \tfrac12)/0.15)$: here
    the mean regression outputs values between $0$ and $5$ that no training target had — as
    the course's answer says, a classifier cannot output a value it never saw. Whether that
    helps depends on the score: the in-between values minimise *squared* error (the mean does
    better there), but under *absolute* error the best prediction is the median, which is $0$
    or $5$, and the classifier's mode is the better one. The loss should be the one the
    predictions will be judged by.

    ![Expected absolute error of regression and classification on an ordinal and a {0, 5} target](regression_vs_classification.svg)
    */
    ch.section("regression_vs_classification", "Few-valued targets: regression vs classification by E|ŷ − y|", [](wb::Section& s) {
        constexpr std::size_t B = 10, m = 6, K = 10;  // bins of x, draws per bin, values 0..9
        const std::size_t reps = s.size(400, 2000);
        // Binomial(9, x_b) probabilities (B, K), and the {0, 5} target's P(y = 5 | x_b).
        wb::Mat pk = xt::zeros<double>({B, K});
        std::array<double, B> xb{}, q5{};
        for (std::size_t b = 0; b < B; ++b) {
            xb[b] = (static_cast<double>(b) + 0.5) / static_cast<double>(B);
            q5[b] = wb::normal_cdf((xb[b] - 0.5) / 0.15);
            for (std::size_t k = 0; k < K; ++k) {
                const double kd = static_cast<double>(k);
                pk(b, k) = std::exp(wb::log_gamma(10.0) - wb::log_gamma(kd + 1.0) - wb::log_gamma(10.0 - kd) + kd * std::log(xb[b]) +
                                    (9.0 - kd) * std::log1p(-xb[b]));
            }
        }
        auto eae = [&](std::size_t b, double pred) {  // E|y − pred| under Binomial(9, x_b)
            double e = 0.0;
            for (std::size_t k = 0; k < K; ++k) e += pk(b, k) * std::fabs(static_cast<double>(k) - pred);
            return e;
        };
        // Per replication: the error averaged over bins, for mode / mean / median (ordinal) and mode / mean ({0, 5}).
        std::vector<double> o_mode, o_mean, o_median, p_mode_abs, p_mean_abs, p_mode_sq, p_mean_sq;
        std::array<wb::RunningStats, B> bin_mode, bin_mean, bin_median, bin_pmode, bin_pmean;
        std::array<double, m> ys{};
        for (std::size_t r = 0; r < reps; ++r) {
            double a = 0, b2 = 0, c = 0, d = 0, e = 0, f = 0, g = 0;
            for (std::size_t b = 0; b < B; ++b) {
                // Ordinal: m draws of Binomial(9, x_b) as sums of Bernoulli trials.
                std::array<int, K> count{};
                for (std::size_t j = 0; j < m; ++j) {
                    int y = 0;
                    for (int t = 0; t < 9; ++t) y += s.rng().uniform() < xb[b] ? 1 : 0;
                    ys[j] = y;
                    ++count[static_cast<std::size_t>(y)];
                }
                const double mode = static_cast<double>(std::max_element(count.begin(), count.end()) - count.begin());
                double mean = 0.0;
                for (double y : ys) mean += y / static_cast<double>(m);
                const double median = wb::median(std::span<const double>(ys.data(), m));
                const double em = eae(b, mode), en = eae(b, mean), ed = eae(b, median);
                a += em / B, b2 += en / B, c += ed / B;
                bin_mode[b].add(em), bin_mean[b].add(en), bin_median[b].add(ed);
                // {0, 5}: m draws; the mode is 5 when more than half are 5 (ties to 0), the mean 5·fraction.
                int fives = 0;
                for (std::size_t j = 0; j < m; ++j) fives += s.rng().uniform() < q5[b] ? 1 : 0;
                const double pmode = 2 * fives > static_cast<int>(m) ? 5.0 : 0.0, pmean = 5.0 * fives / static_cast<double>(m);
                auto abs_err = [&](double p) { return q5[b] * std::fabs(5 - p) + (1 - q5[b]) * std::fabs(p); };
                auto sq_err = [&](double p) { return q5[b] * (5 - p) * (5 - p) + (1 - q5[b]) * p * p; };
                d += abs_err(pmode) / B, e += abs_err(pmean) / B, f += sq_err(pmode) / B, g += sq_err(pmean) / B;
                bin_pmode[b].add(abs_err(pmode)), bin_pmean[b].add(abs_err(pmean));
            }
            o_mode.push_back(a), o_mean.push_back(b2), o_median.push_back(c);
            p_mode_abs.push_back(d), p_mean_abs.push_back(e), p_mode_sq.push_back(f), p_mean_sq.push_back(g);
        }
        s.note(fmt::format("ordinal E|ŷ − y|: mode {:.4f}, mean {:.4f}, median {:.4f}; {{0, 5}}: mode {:.4f}, mean {:.4f}",
                           wb::mean_se(o_mode).value, wb::mean_se(o_mean).value, wb::mean_se(o_median).value,
                           wb::mean_se(p_mode_abs).value, wb::mean_se(p_mean_abs).value));
        const double scale = wb::mean_se(o_median).value;  // the size of the errors compared
        s.greater("ordinal: E|ŷ − y| of the classifier (mode) > regression by absolute error (median)",
                  wb::paired_difference(o_mode, o_median), 0.0, {.scale = scale});
        s.greater("ordinal: E|ŷ − y| of the classifier (mode) > regression by squared error (mean)",
                  wb::paired_difference(o_mode, o_mean), 0.0, {.scale = scale});
        s.control().monte_carlo("ordinal: classifier and median regression have the same E|ŷ − y|",
                                wb::paired_difference(o_mode, o_median), 0.0, {.scale = scale});
        const double pscale = wb::mean_se(p_mode_abs).value;
        s.greater("{0, 5}: E|ŷ − y| of mean regression > classifier", wb::paired_difference(p_mean_abs, p_mode_abs), 0.0,
                  {.scale = pscale});
        s.greater("{0, 5}: E(ŷ − y)² of the classifier > mean regression", wb::paired_difference(p_mode_sq, p_mean_sq), 0.0,
                  {.scale = wb::mean_se(p_mean_sq).value});

        wb::Figure fig("regression_vs_classification",
                       "Expected absolute error per value of x: regression against classification (m = 6 draws per x)", 1, 2);
        fig.size(1100, 460);
        std::vector<double> x(xb.begin(), xb.end());
        auto col = [&](const std::array<wb::RunningStats, B>& st, bool se) {
            std::vector<double> v;
            for (const auto& e : st) v.push_back(se ? e.se() : e.mean());
            return v;
        };
        fig.panel(0)
            .title("ordinal target: y given x is Binomial(9, x)")
            .xlabel("x")
            .ylabel("E|ŷ − y|")
            .yrange(0.4, 2.0)
            .errorbars(x, col(bin_mode, false), col(bin_mode, true), "classifier (sample mode)", Ce)
            .id("mode")
            .errorbars(x, col(bin_mean, false), col(bin_mean, true), "regression, squared error (mean)", Mse)
            .id("mean")
            .errorbars(x, col(bin_median, false), col(bin_median, true), "regression, absolute error (median)", Mae)
            .id("median")
            .key(wb::KeyPlace::TopRight);  // above the errors, which stay below the range's top
        fig.panel(1)
            .title("piecewise target: y is 0 or 5")
            .xlabel("x")
            .ylabel("E|ŷ − y|")
            .yrange(0, 3.2)
            .errorbars(x, col(bin_pmode, false), col(bin_pmode, true), "classifier (sample mode)", Ce)
            .id("pmode")
            .errorbars(x, col(bin_pmean, false), col(bin_pmean, true), "regression, squared error (mean)", Mse)
            .id("pmean")
            .key(wb::KeyPlace::TopRight);  // above the errors, which stay below the range's top
        s.save(fig);
    });

    /*md
    ## Summary

    * A loss chooses the statistic: squared error estimates the mean, absolute error the median,
      cross-entropy the class probability (it is the negative log-likelihood), weighted
      cross-entropy the class probability under a reweighted prior.
    * The cross-entropy gradient is the residual $p - y$; squared error on $\sigma(z)$ multiplies
      it by $p(1-p)$, which vanishes when the model is confidently wrong.
    * Evaluate losses from logits: $\log\sigma(z) = -\operatorname{softplus}(-z)$ and
      log-sum-exp; the naive formulas return NaN or $\infty$ at logits of size 1000.
    * The focal loss at $\gamma = 0$ is $\alpha_t$-weighted cross-entropy, and plain
      cross-entropy only with $\alpha_t \equiv 1$. On 1:50 data, class weights raised minority
      recall from about $0.27$ to $0.85$; $\gamma = 2$ alone left it where it was.
    * For a few-valued numeric target, regression uses the distances between values and beat
      the classifier in expected absolute error on the ordinal target; on the $\{0, 5\}$ target
      the classifier's outputs were better in absolute error and worse in squared error.

    ## References

    * T.-Y. Lin, P. Goyal, R. Girshick, K. He, P. Dollár (2017). Focal loss for dense object
      detection. *IEEE International Conference on Computer Vision (ICCV)*, 2980–2988. (The focal
      loss and its $\alpha_t$, §5–§6.)
    */
    return ch.run(argc, argv);
}
