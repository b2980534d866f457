/*md
# Chapter 08: Ranking under instance-dependent label noise

A ranking model is judged by how well its score $s(x)$ orders positives above negatives, and
the usual number is the area under the ROC curve (AUC). The week 3 question asks: when the
training labels are corrupted with a noise rate that depends on the instance, and we know only
the *order* of the noise strengths ("region A is noisier than region B") but not the rates, does
the ranking learnt from the noisy labels keep the clean-label AUC? The course's answer says yes.
This chapter shows that the answer needs a correction. Whether the ranking survives depends on
how *fast* the noise changes, not only on its order: two noise models with exactly the same order
of noise strengths can give one a perfect ranking and the other a measurable loss of AUC.

We derive the AUC as a Mann–Whitney statistic (§1), its invariance under increasing transforms
(§2), the ROC curve (§3), the noisy posterior $\tilde\eta = h(\eta)$ (§4), the class-conditional
case where $h$ is affine (§5), and the condition $h' > 0$ under instance-dependent noise with a
model that violates it (§6); §7 draws the AUC against the noise strength.

Throughout, the data are binormal: $P(y = 1) = \tfrac12$ and $x \mid y \sim \mathcal N(\pm\mu, 1)$
with $\mu = 0.75$, so the clean posterior is $\eta(x) = P(y = 1 \mid x) = \sigma(2\mu x)$, the
logistic function of $2\mu x$. Every AUC below says which labels it is measured against: the
clean labels $y$ or the noisy labels $\tilde y$.
*/
#include <algorithm>
#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "model.hpp"
#include "ranking_label_noise.hpp"
#include "wb/chapter.hpp"
#include "wb/numerics.hpp"
#include "wb/special.hpp"
#include "wb/stats.hpp"

namespace {

using ch08::Noise;

// One colour per noise model or reference, the same in every figure (Okabe–Ito indices).
constexpr int Clean = 0;      // no noise: η itself
constexpr int ClassCond = 1;  // class-conditional noise
constexpr int Gentle = 2;     // instance-dependent, gentle rise of ρ₁
constexpr int Steep = 3;      // instance-dependent, steep rise of ρ₁
constexpr int NoisyLab = 4;   // measured against noisy labels
constexpr int Reference = 7;  // identity lines, zero lines, thresholds

// The noise models of the chapter. Both instance-dependent models flip negatives at 10% and
// positives at a rate that rises with η by `step` around η = ½; they differ only in the width
// of the rise, so they order the instances by noise strength in exactly the same way.
const Noise ClassConditional{.rho0 = 0.0, .rho1 = 0.5};
Noise gentle(double step) { return {.rho0 = 0.1, .rho1 = 0.0, .step = step, .centre = 0.5, .width = 0.25}; }
Noise steep(double step) { return {.rho0 = 0.1, .rho1 = 0.0, .step = step, .centre = 0.5, .width = 0.05}; }
constexpr double Step = 0.5;  // the rise of ρ₁ in §5–§6

const double CleanAuc = wb::normal_cdf(wb::Sqrt2 * ch08::Mu);  // Φ(√2 μ)

std::vector<double> span_of(const wb::Vec& v) { return {v.begin(), v.end()}; }

// h(η) and h′(η) on an η grid (k points).
struct HGrid {
    std::vector<double> eta, h, slope, rho1;
};
HGrid on_eta_grid(const Noise& noise, std::size_t k = 2001) {
    HGrid g;
    g.eta = wb::linspace(0.0, 1.0, k);
    for (double e : g.eta) {
        const ch08::FlipRates r = noise.at(e);
        const ch08::NoisyPosterior p = ch08::noisy_posterior(e, r);
        g.h.push_back(p.value);
        g.slope.push_back(p.slope);
        g.rho1.push_back(r.rho1);
    }
    return g;
}
double min_slope(const Noise& noise) {
    const HGrid g = on_eta_grid(noise);
    return *std::min_element(g.slope.begin(), g.slope.end());
}

// h(η(x)) on the quadrature grid of ch08::clean_auc.
std::vector<double> score_on_grid(const Noise& noise) {
    std::vector<double> s;
    for (double x : ch08::auc_grid()) {
        const double eta = ch08::clean_posterior(x);
        s.push_back(ch08::noisy_posterior(eta, noise.at(eta)).value);
    }
    return s;
}

// The step at which min h′ = 0 for the steep model, by bisection on [lo, hi].
double threshold_step(double lo, double hi) {
    for (int i = 0; i < 50; ++i) {
        const double mid = 0.5 * (lo + hi);
        (min_slope(steep(mid)) > 0 ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

}  // namespace

int main(int argc, char** argv) {
    wb::Chapter ch;  // number and title from the heading above (see CMakeLists.txt)

    /*md
    ## 1. The AUC is a Mann–Whitney statistic

    The ROC curve of a score $s$ traces, as the threshold $t$ falls, the false-positive rate
    $F_0(t) = P(s(X) \ge t \mid y = 0)$ against the true-positive rate
    $F_1(t) = P(s(X) \ge t \mid y = 1)$. Its area is $\int F_1\, d F_0$; writing $dF_0$ as the law
    of the score $S^-$ of a negative, this is $P(S^+ \ge S^-)$ for an independent positive score
    $S^+$ when the scores are continuous. With atoms (ties) the curve moves diagonally across a
    tie and its trapezoid counts half of it, so in general

    $$\mathrm{AUC} = P(S^+ > S^-) + \tfrac12\,P(S^+ = S^-).$$

    On a sample with $m$ positives and $n$ negatives the plug-in estimate is the fraction of the
    $mn$ pairs a positive wins, ties counting one half: the Mann–Whitney statistic divided by
    $mn$. Counting pairs costs $O(mn)$. Sorting costs $O((m+n)\log(m+n))$: give every score its
    rank, a block of equal scores the mean of its ranks (the *midrank*), and add the positives'
    ranks to $R$. The $i$-th smallest positive has rank $i$ plus the number of negatives below it
    (ties counted one half), so $R - m(m+1)/2$ is the number of pairs won and

    $$\widehat{\mathrm{AUC}} = \frac{R - m(m+1)/2}{mn}.$$

    We check the sorted version (exercise 08.1) against the pair count on small samples whose
    scores take a few values, so that ties between the classes are common; the control drops
    the half for ties. For the binormal model the score $x$ itself has
    $S^+ - S^- \sim \mathcal N(2\mu, 2)$, so its AUC is $\Phi(2\mu/\sqrt2) = \Phi(\sqrt2\mu)$
    = 0.8556. The sample AUC must match it within its standard error, which comes from the
    *placement values* (DeLong et al. 1988): the fraction $V_{10}(i)$ of negatives that
    positive $i$ beats and the fraction $V_{01}(j)$ of positives that beat negative $j$, with
    $\widehat{\mathrm{se}}^2 = \widehat{\mathrm{Var}}(V_{10})/m + \widehat{\mathrm{Var}}(V_{01})/n$.
    The control forgets the $\sqrt2$, as if $S^+ - S^-$ had variance 1.
    */
    ch.section("mann_whitney", "AUC = P(s⁺ > s⁻) + ½P(tie)  [exercise 08.1]", [](wb::Section& s) {
        for (std::size_t n : {7u, 40u, 200u}) {
            const ch08::Sample d = ch08::draw(s.rng(), n);
            std::vector<double> rounded;  // to halves: few distinct scores, many ties
            for (double x : d.x) rounded.push_back(std::round(2.0 * x) / 2.0);
            const double pairs = ch08::auc_pairs(rounded, d.y);
            s.exact(fmt::format("sorted midrank AUC = O(n²) pair count, {} + {} tied scores", n, n),
                    ch08::auc(rounded, d.y), pairs, 1e-12);
            if (n == 200) {
                double strict = 0, all = 0;  // the slip: ties count as losses
                for (std::size_t i = 0; i < n; ++i)
                    for (std::size_t j = n; j < 2 * n; ++j) {
                        strict += rounded[i] > rounded[j] ? 1.0 : 0.0;
                        all += 1;
                    }
                s.control().exact("AUC = P(s⁺ > s⁻) (ties dropped), 200 + 200 tied scores", strict / all, pairs, 1e-6);
            }
        }
        const ch08::Sample d = ch08::draw(s.rng(), s.size(2000, 8000));
        const std::vector<double> x = span_of(d.x);
        wb::Estimate a = ch08::auc_estimate(x, d.y);
        a.value = ch08::auc(x, d.y);
        s.monte_carlo("AUC of x = Φ(√2 μ) (binormal)", a, CleanAuc);
        s.control().monte_carlo("AUC of x = Φ(μ) (variance of s⁺ − s⁻ taken as 1)", a, wb::normal_cdf(ch08::Mu));
    });

    /*md
    ## 2. Only the order of the scores matters

    If $g$ is strictly increasing, then $g(a) > g(b) \iff a > b$ and $g(a) = g(b) \iff a = b$, so
    every pair is won, lost or tied as before and the AUC of $g \circ s$ equals that of $s$,
    exactly, on every sample. In particular the posterior $\eta(x) = \sigma(2\mu x)$, its
    log-odds $2\mu x$ and $x$ itself all have the same AUC: the AUC of a probabilistic model
    depends on its ranking, not on its calibration. A transform that is increasing on most of the
    data but not everywhere changes it: the control is $g(s) = -(s - 2)^2$, which reverses the
    order only of the scores above 2 (about 10% of the positives).
    */
    ch.section("invariance", "AUC is invariant under strictly increasing transforms", [](wb::Section& s) {
        const ch08::Sample d = ch08::draw(s.rng(), s.size(2000, 8000));
        const std::vector<double> x = span_of(d.x);
        const double base = ch08::auc(x, d.y);
        auto transformed = [&](auto g) {
            std::vector<double> t;
            for (double v : x) t.push_back(g(v));
            return ch08::auc(t, d.y);
        };
        s.exact("AUC(η(x)) = AUC(x)", transformed([](double v) { return ch08::clean_posterior(v); }), base, 1e-12);
        s.exact("AUC(eˣ) = AUC(x)", transformed([](double v) { return std::exp(v); }), base, 1e-12);
        s.exact("AUC(x³ + x) = AUC(x)", transformed([](double v) { return v * v * v + v; }), base, 1e-12);
        s.control().exact("AUC(−(x − 2)²) = AUC(x)", transformed([](double v) { return -(v - 2) * (v - 2); }),
                          base, 1e-6);
    });

    /*md
    ## 3. The ROC curve

    The empirical ROC curve (exercise 08.2) lowers the threshold through the distinct scores. A
    block of equal scores holding $p$ positives and $q$ negatives moves the point by
    $(q/n, p/m)$: a diagonal step when the block holds both classes. The trapezoid under that
    step has area $\frac{q}{n}\cdot\frac{p}{m}\cdot\frac12$ above the previous height, which
    is exactly the half that a tie contributes to the AUC, so the trapezoidal area under the
    empirical ROC curve equals the Mann–Whitney AUC of §1. We check that against the pair count
    on tied data, and that the curve has one point per distinct score plus the origin. The
    control joins the points by a staircase instead, taking the lower height on each step: it
    counts ties as losses.
    */
    ch.section("roc", "The area under the empirical ROC curve is the AUC  [exercise 08.2]", [](wb::Section& s) {
        const ch08::Sample d = ch08::draw(s.rng(), 300);
        std::vector<double> rounded;
        for (double x : d.x) rounded.push_back(std::round(4.0 * x) / 4.0);
        const ch08::RocCurve r = ch08::roc_curve(rounded, d.y);
        std::vector<double> distinct(rounded);
        std::sort(distinct.begin(), distinct.end());
        distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
        s.exact("ROC points = distinct scores + 1", static_cast<double>(r.fpr.size()),
                static_cast<double>(distinct.size() + 1), 0.0);
        double trapezoid = 0, staircase = 0;
        for (std::size_t k = 1; k < r.fpr.size(); ++k) {
            trapezoid += (r.fpr[k] - r.fpr[k - 1]) * 0.5 * (r.tpr[k] + r.tpr[k - 1]);
            staircase += (r.fpr[k] - r.fpr[k - 1]) * r.tpr[k - 1];
        }
        const double pairs = ch08::auc_pairs(rounded, d.y);
        s.exact("trapezoidal area under the ROC = pair count (300 + 300 tied scores)", trapezoid, pairs, 1e-12);
        s.control().exact("staircase area under the ROC = pair count", staircase, pairs, 1e-6);
    });

    /*md
    ## 4. The noisy posterior

    Labels are corrupted by flipping: a negative becomes positive with probability
    $\rho_0(x) = P(\tilde y = 1 \mid y = 0, x)$, a positive becomes negative with probability
    $\rho_1(x) = P(\tilde y = 0 \mid y = 1, x)$. A model trained on the noisy labels estimates the
    *noisy* posterior. Conditioning on the clean label,

    $$\tilde\eta(x) = P(\tilde y = 1 \mid x) = (1 - \rho_1)\,\eta + \rho_0\,(1 - \eta).$$

    When the rates depend on $x$ only through $\eta$ — the "order of noise strengths" of the week
    3 question, e.g. more noise where the classes overlap — the noisy posterior is a function
    $\tilde\eta = h(\eta)$, and by the product rule

    $$h'(\eta) = 1 - \rho_0 - \rho_1 + \rho_0'(\eta)\,(1 - \eta) - \rho_1'(\eta)\,\eta .$$

    Exercise 08.3 computes both. We check the slope against central differences of $h$ itself,
    and $h$ against simulation: at a fixed $\eta$ we draw $y \sim \mathrm{Bernoulli}(\eta)$,
    flip it with probability $\rho_y(\eta)$, and the fraction of $\tilde y = 1$ must be $h(\eta)$.
    The noise here is the steep model of §6: $\rho_0 = 0.1$ and $\rho_1$ rising by 0.5 around
    $\eta = \tfrac12$. The control swaps the roles of the two rates.
    */
    ch.section("noisy_posterior", "η̃ = (1 − ρ₁)η + ρ₀(1 − η) and h′  [exercise 08.3]", [](wb::Section& s) {
        const Noise noise = steep(Step);
        for (double eta : {0.3, 0.5, 0.52, 0.7}) {
            s.gradient(fmt::format("h′ = 1 − ρ₀ − ρ₁ + ρ₀′(1 − η) − ρ₁′η at η = {}", eta),
                       [&](std::span<const double> e) { return ch08::noisy_posterior(e[0], noise.at(e[0])).value; },
                       std::vector<double>{eta}, std::vector<double>{ch08::noisy_posterior(eta, noise.at(eta)).slope},
                       1e-6, 1e-6);
        }
        const std::size_t n = s.size(20000, 100000);
        for (double eta : {0.2, 0.5, 0.8}) {
            const ch08::FlipRates r = noise.at(eta);
            std::vector<double> noisy(n);
            for (std::size_t i = 0; i < n; ++i) {
                const int y = s.rng().uniform() < eta ? 1 : 0;
                const bool flip = s.rng().uniform() < (y == 1 ? r.rho1 : r.rho0);
                noisy[i] = (flip ? 1 - y : y) == 1 ? 1.0 : 0.0;
            }
            const wb::Estimate frac = wb::mean_se(noisy);
            s.monte_carlo(fmt::format("P(ỹ = 1 | η = {}) = h(η) (simulated flips)", eta), frac,
                          ch08::noisy_posterior(eta, r).value);
            if (eta == 0.5)
                s.control().monte_carlo("P(ỹ = 1 | η = 0.5) = (1 − ρ₀)η + ρ₁(1 − η)", frac,
                                        (1 - r.rho0) * eta + r.rho1 * (1 - eta));
        }
    });

    /*md
    ## 5. Class-conditional noise keeps the ranking

    With constant rates ($\rho_0' = \rho_1' = 0$), $h(\eta) = \rho_0 + (1 - \rho_0 - \rho_1)\eta$
    is affine with slope $1 - \rho_0 - \rho_1$, strictly increasing whenever
    $\rho_0 + \rho_1 < 1$. So the noisy posterior ranks the instances exactly as the clean one:
    by §2, its AUC *against the clean labels* equals that of $\eta$ on every sample (Menon et al.
    2015 make the same observation for class-probability estimation under class-conditional
    noise). Measured against the *noisy* labels, though, the same ranking scores lower. The
    noisy positives are a mixture: a fraction $a = P(y = 1 \mid \tilde y = 1)$ of them are clean
    positives, and a fraction $b = P(y = 1 \mid \tilde y = 0)$ of the noisy negatives are clean
    positives. Expanding $P(S^{\tilde +} > S^{\tilde -})$ over the four combinations of clean
    labels, with $A$ the clean AUC and ½ for pairs from the same class,

    $$\mathrm{AUC}_{\tilde y} = a(1-b)A + (1-a)b(1-A) + \tfrac12[ab + (1-a)(1-b)]
    = \tfrac12 + (a - b)\left(A - \tfrac12\right).$$

    We take $\rho_0 = 0$, $\rho_1 = 0.5$ (half the positives go unreported), for which
    $\tilde\pi = P(\tilde y = 1) = \tfrac14$, $a = 1$, $b = \tfrac13$, and the noisy-label AUC of
    the clean ranking is $\tfrac12 + \tfrac23(A - \tfrac12) = 0.7370$ instead of $A = 0.8556$.
    The formula agrees with a quadrature over the noisy-label mixture, and with the sample AUC
    of $\eta$ against labels flipped at random. Two controls: that noise leaves the noisy-label AUC at $A$, and the plausible shortcut
    $a - b = 1 - \rho_0 - \rho_1$ (true only for symmetric noise), which gives 0.6778.
    */
    ch.section("class_conditional", "Class-conditional noise: h affine, the clean-label ranking kept", [](wb::Section& s) {
        const Noise noise = ClassConditional;
        const double slope = 1 - noise.rho0 - noise.rho1;
        const double h1 = ch08::noisy_posterior(0.9, noise.at(0.9)).value;
        const double h0 = ch08::noisy_posterior(0.2, noise.at(0.2)).value;
        s.exact("h(0.9) − h(0.2) = (1 − ρ₀ − ρ₁)·0.7", h1 - h0, slope * 0.7, 1e-12);

        const ch08::Sample d = ch08::draw(s.rng(), s.size(4000, 16000));
        const std::vector<double> x = span_of(d.x), h = span_of(ch08::noisy_score(d.x, noise));
        s.exact("AUC of h(η) against clean labels = AUC of η (same sample)", ch08::auc(h, d.y), ch08::auc(x, d.y),
                1e-12);

        const std::vector<int> noisy = ch08::flip_labels(d, noise, s.rng());
        const double pi_t = 0.5 * (1 - noise.rho1) + 0.5 * noise.rho0;
        const double a = 0.5 * (1 - noise.rho1) / pi_t, b = 0.5 * noise.rho1 / (1 - pi_t);
        wb::Estimate an = ch08::auc_estimate(x, noisy);
        an.value = ch08::auc(x, noisy);
        const double formula = 0.5 + (a - b) * (CleanAuc - 0.5);
        s.exact("½ + (a − b)(A − ½) = quadrature over the noisy-label mixture", formula,
                ch08::noisy_label_auc(score_on_grid(Noise{}), noise), 1e-6);
        s.monte_carlo("noisy-label AUC = ½ + (a − b)(A − ½) (simulated flips)", an, formula);
        s.control().monte_carlo("noisy-label AUC = A (noise does not matter)", an, CleanAuc);
        s.control().monte_carlo("noisy-label AUC = ½ + (1 − ρ₀ − ρ₁)(A − ½)", an, 0.5 + slope * (CleanAuc - 0.5));
    });

    /*md
    ## 6. Instance-dependent noise: the order of the noise strengths is not enough

    The course's answer claims that knowing the order of the noise strengths — here, that
    $\rho_1$ grows with $\eta$ — keeps the clean ranking. By §2 the ranking is kept exactly when
    $h$ is strictly increasing on the range of $\eta$, i.e. when $h' > 0$. The formula of §4 shows
    what can break it: a rate $\rho_1$ that *rises* with $\eta$ enters $h'$ as $-\rho_1'\eta$, and a
    steep enough rise makes $h' < 0$. Then instances with a slightly higher clean posterior get a
    *lower* noisy posterior, the noisy posterior reverses part of the clean order, and its
    clean-label AUC drops.

    Two models with the same order of noise strengths show it. Both flip negatives at
    $\rho_0 = 0.1$ and positives at $\rho_1(\eta) = 0.5\,S((\eta - \tfrac12)/w)$ with the logistic
    $S$; they differ only in the width of the rise, gentle ($w = 0.25$) or steep ($w = 0.05$).
    Both $\rho_1$ increase in $\eta$, so they rank every pair of instances by noise strength in the
    same way. On a grid of 2001 values of $\eta$, the gentle model has $\min h' > 0$ and the steep
    one $\min h' < 0$ (the class-conditional model of §5 is drawn for comparison):

    ![The noisy posterior h(η) and its slope for the three noise models](noisy_posterior.svg)

    For the steep model, bisection on the grid minimum of $h'$ locates the rise at which
    monotonicity fails (printed below the section, about 0.29). On a sample, the gentle model's
    noisy posterior has exactly the clean-label AUC of $\eta$, while the steep model's is lower by
    a margin many standard errors wide (paired DeLong standard error, both scores on the same
    sample); that sample AUC matches the population value computed by quadrature. The control
    is the course's claim itself, that the steep model is rank-preserving: the same paired
    difference rejects it.
    */
    ch.section("instance_dependent", "Instance-dependent noise: h′ < 0 and the clean-label AUC drops", [](wb::Section& s) {
        const HGrid g = on_eta_grid(gentle(Step)), t = on_eta_grid(steep(Step));
        bool increasing = true;
        for (std::size_t k = 1; k < g.eta.size(); ++k)
            increasing = increasing && g.rho1[k] > g.rho1[k - 1] && t.rho1[k] > t.rho1[k - 1];
        s.holds("ρ₁ increases with η in both models (same order of noise strengths)", increasing, g.rho1.back(),
                t.rho1.back());
        const double gmin = min_slope(gentle(Step)), tmin = min_slope(steep(Step));
        s.holds("gentle rise (w = 0.25): min h′ > 0 on the η grid", gmin > 0, gmin, 0.0);
        s.holds("steep rise (w = 0.05): min h′ < 0 on the η grid", tmin < 0, tmin, 0.0);
        const double r_star = threshold_step(0.0, Step);
        s.note(fmt::format("steep model: h is monotone for a rise below {:.4f} (min h′ = 0 there)", r_star));
        // h′ at the threshold is ≥ 0 and just above it < 0: the bisection brackets the sign change.
        s.holds("bisection brackets the threshold: min h′ ≥ 0 at r*, < 0 at r* + 0.01",
                min_slope(steep(r_star - 1e-9)) >= 0 && min_slope(steep(r_star + 0.01)) < 0, r_star, 0.0);

        const ch08::Sample d = ch08::draw(s.rng(), s.size(3000, 12000));
        const std::vector<double> eta = span_of(ch08::noisy_score(d.x, Noise{}));
        const std::vector<double> hg = span_of(ch08::noisy_score(d.x, gentle(Step)));
        const std::vector<double> hs = span_of(ch08::noisy_score(d.x, steep(Step)));
        const double a_eta = ch08::auc(eta, d.y);
        s.exact("gentle: clean-label AUC of h(η) = AUC of η (same sample)", ch08::auc(hg, d.y), a_eta, 1e-12);
        const wb::Estimate drop = ch08::auc_difference(eta, hs, d.y);
        s.greater("steep: clean-label AUC of η − AUC of h(η) > 0 (paired)", drop, 0.0, {.scale = a_eta});
        wb::Estimate as = ch08::auc_estimate(hs, d.y);
        as.value = ch08::auc(hs, d.y);
        const double quad = ch08::clean_auc(score_on_grid(steep(Step)));
        s.monte_carlo("steep: clean-label AUC of h(η) = quadrature", as, quad);
        s.note(fmt::format("clean-label AUC: η {:.4f}; h(η), steep {:.4f} (quadrature {:.4f})", a_eta, as.value, quad));
        s.control().monte_carlo("steep h preserves the ranking: clean-label AUC of h(η) = AUC of η (paired)", drop,
                                0.0, {.scale = a_eta});

        wb::Figure fig("noisy_posterior", "Noisy posterior h(η) and its slope h′(η) for three noise models", 1, 2);
        const HGrid c = on_eta_grid(ClassConditional);
        const std::vector<double> unit = wb::linspace(0.0, 1.0, 101);  // dense, so keys avoid the lines
        fig.panel(0).title("h(η) = P(ỹ = 1 | x)").xlabel("clean posterior η").ylabel("noisy posterior h(η)")
            .xrange(0, 1).yrange(0, 1).key(wb::KeyPlace::TopLeft)
            .dashed(unit, unit, "no noise", Reference).id("h_identity")
            .line(c.eta, c.h, "class-conditional", ClassCond).id("h_class_conditional")
            .line(g.eta, g.h, "gentle rise (w = 0.25)", Gentle).id("h_gentle")
            .line(t.eta, t.h, "steep rise (w = 0.05)", Steep).id("h_steep");
        fig.panel(1).title("h′(η): the ranking is kept where h′ > 0").xlabel("clean posterior η")
            .ylabel("slope h′(η)").xrange(0, 1).yrange(-0.8, 1.4).key(wb::KeyPlace::TopRight)
            .dashed(unit, std::vector<double>(unit.size(), 0.0), "h′ = 0", Reference).id("slope_zero")
            .line(c.eta, c.slope, "class-conditional", ClassCond).id("slope_class_conditional")
            .line(g.eta, g.slope, "gentle rise", Gentle).id("slope_gentle")
            .line(t.eta, t.slope, "steep rise", Steep).id("slope_steep");
        s.save(fig);
    });

    /*md
    ## 7. AUC against the noise strength

    Finally we let the rise of $\rho_1$ (the step, from 0 to 0.5) play the role of the noise
    strength, with the class-conditional model $\rho_0 = 0.1$, $\rho_1 = $ step for comparison, and
    compute every AUC by quadrature over the binormal model. Against the clean labels, the
    class-conditional and the gentle model keep $A = \Phi(\sqrt2\mu)$ at every strength; the steep
    model keeps it until the threshold of §6 and then loses AUC. Against the noisy labels every
    model loses AUC as the noise grows, monotone $h$ or not: the noisy-label AUC measures the
    labels as much as the ranking. The points are sample AUCs of the steep model (±2 standard
    errors):

    ![AUC against the noise strength, against clean and against noisy labels](auc_vs_noise.svg)

    The ROC curves of one sample make the same point: the steep model's noisy posterior bends
    below the clean curve in the middle, where its reversed stretch sits, while the clean
    ranking measured against the noisy labels is lower everywhere:

    ![ROC curves of the clean and the noisy posterior, against clean and noisy labels](roc_noise.svg)

    The checks: the quadrature curve agrees with the sample AUC at a rise of 0.4; by quadrature,
    the clean-label AUC of the class-conditional and the gentle model, and of the steep model
    below the threshold, is the AUC of $\eta$ itself (the same order of the grid points gives
    the same sum), while 0.05 above the threshold the steep model's is lower by more than
    $10^{-3}$.
    */
    ch.section("auc_vs_noise", "AUC against the noise strength, clean and noisy labels", [](wb::Section& s) {
        const std::vector<double> steps = wb::linspace(0.0, 0.5, 26);
        const double r_star = threshold_step(0.0, Step);
        std::vector<double> cc, ge, st, st_noisy, cc_noisy;
        const std::vector<double> eta_grid = score_on_grid(Noise{});
        for (double r : steps) {
            const Noise c{.rho0 = 0.1, .rho1 = r};
            cc.push_back(ch08::clean_auc(score_on_grid(c)));
            ge.push_back(ch08::clean_auc(score_on_grid(gentle(r))));
            st.push_back(ch08::clean_auc(score_on_grid(steep(r))));
            st_noisy.push_back(ch08::noisy_label_auc(eta_grid, steep(r)));
            cc_noisy.push_back(ch08::noisy_label_auc(eta_grid, c));
        }
        const double quad_a = ch08::clean_auc(eta_grid);
        s.exact("quadrature: clean-label AUC of η = Φ(√2 μ)", quad_a, CleanAuc, 1e-6);
        double below = 0, above = 1;
        for (std::size_t k = 0; k < steps.size(); ++k) {
            if (steps[k] < r_star) below = std::max(below, std::abs(st[k] - quad_a));
            if (steps[k] > r_star + 0.05) above = std::min(above, quad_a - st[k]);
        }
        double flat = 0;  // the monotone models at every strength
        for (std::size_t k = 0; k < steps.size(); ++k)
            flat = std::max({flat, std::abs(cc[k] - quad_a), std::abs(ge[k] - quad_a)});
        s.holds("class-conditional and gentle: clean-label AUC unchanged at every strength (quadrature)",
                flat <= 1e-12, flat, 1e-12);
        s.holds("steep, rise below r*: clean-label AUC unchanged (quadrature)", below <= 1e-12, below, 1e-12);
        s.holds("steep, rise above r* + 0.05: clean-label AUC lower by > 10⁻³ (quadrature)", above > 1e-3, above, 1e-3);

        // Sample AUCs of the steep model at a few strengths, against the clean labels.
        const ch08::Sample d = ch08::draw(s.rng(), s.size(2000, 8000));
        std::vector<double> rs{0.1, 0.2, 0.3, 0.4, 0.5}, mc, err;
        for (double r : rs) {
            const std::vector<double> hs = span_of(ch08::noisy_score(d.x, steep(r)));
            wb::Estimate e = ch08::auc_estimate(hs, d.y);
            mc.push_back(ch08::auc(hs, d.y));
            err.push_back(2 * e.se);
            if (r == 0.4) {  // between the threshold and §6's rise of 0.5
                e.value = mc.back();
                s.monte_carlo("steep at rise 0.4: sample clean-label AUC = quadrature", e, ch08::clean_auc(score_on_grid(steep(r))));
            }
        }

        wb::Figure fig("auc_vs_noise", "AUC against noise strength (solid: clean labels, dashed: noisy labels)");
        fig.panel().xlabel("noise strength: rise of ρ₁ (class-conditional: ρ₁)").ylabel("AUC").yrange(0.6, 0.9)
            .key(wb::KeyPlace::Below)
            .linepoints(steps, cc, "class-conditional, clean", ClassCond).id("cc_clean")
            .line(steps, ge, "gentle, clean", Gentle).id("gentle_clean")
            .line(steps, st, "steep, clean", Steep).id("steep_clean")
            .errorbars(rs, mc, err, "steep, clean, sample ± 2 se", Steep).id("steep_sample")
            .dashed(steps, cc_noisy, "η, noisy (class-conditional)", ClassCond).id("cc_noisy")
            .dashed(steps, st_noisy, "η, noisy (steep)", NoisyLab).id("steep_noisy")
            .dashed(std::vector<double>(31, r_star), wb::linspace(0.6, 0.9, 31), "steep: threshold r*",
                    Reference).id("threshold");
        s.save(fig);

        const std::vector<double> eta = span_of(ch08::noisy_score(d.x, Noise{}));
        const std::vector<double> hs = span_of(ch08::noisy_score(d.x, steep(Step)));
        const std::vector<int> noisy = ch08::flip_labels(d, steep(Step), s.rng());
        const ch08::RocCurve r0 = ch08::roc_curve(eta, d.y), r1 = ch08::roc_curve(hs, d.y);
        const ch08::RocCurve r2 = ch08::roc_curve(eta, noisy);
        wb::Figure roc("roc_noise", "ROC curves of η and of h(η) under steep noise (rise 0.5)");
        roc.panel().xlabel("false-positive rate").ylabel("true-positive rate").xrange(0, 1).yrange(0, 1)
            .equal_aspect().key(wb::KeyPlace::BottomRight)
            .dashed(wb::linspace(0.0, 1.0, 101), wb::linspace(0.0, 1.0, 101), "chance", Reference).id("chance")
            .line(r0.fpr, r0.tpr, "η, clean labels", Clean).id("eta_clean")
            .line(r1.fpr, r1.tpr, "h(η), clean labels", Steep).id("steep_clean")
            .line(r2.fpr, r2.tpr, "η, noisy labels", NoisyLab).id("eta_noisy");
        s.save(roc);
    });

    /*md
    ## Summary

    The AUC depends only on the order of the scores, so a noisy posterior keeps the clean-label
    AUC exactly when it is a strictly increasing function of the clean one. Class-conditional
    noise with $\rho_0 + \rho_1 < 1$ guarantees that. Instance-dependent noise that depends on
    $x$ through $\eta$ keeps it if and only if
    $h' = 1 - \rho_0 - \rho_1 + \rho_0'(1-\eta) - \rho_1'\eta > 0$: knowing the order of the noise
    strengths does not settle this, their rate of change does. Against noisy labels the AUC drops
    under any noise, so every AUC must say which labels it uses.

    ## References

    * E. R. DeLong, D. M. DeLong, D. L. Clarke-Pearson (1988). Comparing the areas under two or
      more correlated receiver operating characteristic curves: a nonparametric approach.
      *Biometrics* 44(3), 837–845. (The placement-value standard errors of §1, §6.)
    * J. A. Hanley, B. J. McNeil (1982). The meaning and use of the area under a receiver
      operating characteristic (ROC) curve. *Radiology* 143(1), 29–36. (AUC = the Mann–Whitney
      probability, §1.)
    * H. B. Mann, D. R. Whitney (1947). On a test of whether one of two random variables is
      stochastically larger than the other. *Annals of Mathematical Statistics* 18(1), 50–60.
    * A. K. Menon, B. van Rooyen, C. S. Ong, R. C. Williamson (2015). Learning from corrupted
      binary labels via class-probability estimation. *International Conference on Machine
      Learning (ICML)*. (Under class-conditional noise the corrupted class-probability is a
      strictly increasing affine function of the clean one, §5.)
    */
    return ch.run(argc, argv);
}
