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
                   auto emp = [&](double zz) {
                       double acc = 0.0;
                       for (std::size_t i = 0; i < n; ++i) acc += ch02::binary_cross_entropy(zz, y[i]).loss;
                       return acc / static_cast<double>(n);
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
    every probability is $\infty/\infty = $ NaN.
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

    return ch.run(argc, argv);
}
