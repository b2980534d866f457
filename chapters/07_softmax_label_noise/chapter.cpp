/*md
# Chapter 07: Softmax symmetry, regularisation and label noise

A linear softmax classifier with $K$ classes has one weight vector $W_k \in \mathbb R^d$ per
class, the columns of $W \in \mathbb R^{d\times K}$. An input $x \in \mathbb R^d$ gets the
logits $z = W^\top x$ and the class probabilities

$$p_k = \operatorname{softmax}(z)_k = \frac{e^{z_k}}{\sum_{j=1}^K e^{z_j}},$$

and training minimises the mean cross-entropy $L(W) = \frac1n\sum_i -\log p_{y_i}(x_i)$ over
labelled examples $(x_i, y_i)$. This chapter answers the course's two questions of week 5. The
first asks how the softmax's symmetry — adding the same vector to every $W_k$ changes no
probability — affects identifiability and regularisation: we derive that gradient descent never
changes $\sum_k W_k$, that L2 regularisation drives it to $0$ and picks the unique minimum-norm
optimum (§1–§2), and that without regularisation on separable data $\|W\|$ grows without bound,
like $\log t$, while its direction settles on the max-margin separator (§3). The second asks how
sensitive cross-entropy is to wrong labels: the answer of the course names MAE and generalised
cross-entropy as robust, and we derive *why* — not because CE's gradient in the logits is
unbounded (it is bounded by $\sqrt2$), but because MAE and GCE weight each example's CE gradient
by $p_y$ and $p_y^q$ (§4) — and measure the test accuracy of all three under symmetric label
noise (§5).
*/
#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "model.hpp"
#include "softmax_label_noise.hpp"
#include "wb/chapter.hpp"
#include "wb/constants.hpp"
#include "wb/numerics.hpp"
#include "wb/stats.hpp"

namespace {

using ch07::Labeled;
using ch07::Labels;

// One colour per method, the same in every figure (indices into the Okabe–Ito palette).
constexpr int ColourCe = 0;     // cross-entropy, unregularised
constexpr int ColourL2 = 1;     // cross-entropy + L2
constexpr int ColourMae = 2;    // MAE
constexpr int ColourGce = 3;    // GCE
constexpr int ColourTheory = 5;  // reference curves (max-margin predictions)

constexpr std::size_t K = 3;  // classes throughout

// The reference softmax, an independent route: p_k = 1 / Σ_j e^{z_j − z_k} (z (K)).
wb::Vec softmax_ref(const wb::Vec& z) {
    wb::Vec p = xt::empty<double>({z.size()});
    for (std::size_t k = 0; k < z.size(); ++k) {
        double s = 0.0;
        for (double zj : z) s += std::exp(zj - z(k));
        p(k) = 1.0 / s;
    }
    return p;
}

// The mean cross-entropy of W (d, K) on data, by log-sum-exp per example.
double mean_ce(const wb::Mat& w, const wb::Mat& x, const Labels& y) {
    double total = 0.0;
    for (std::size_t i = 0; i < x.shape(0); ++i) {
        std::array<double, K> z{};
        for (std::size_t k = 0; k < K; ++k)
            for (std::size_t j = 0; j < x.shape(1); ++j) z[k] += w(j, k) * x(i, j);
        const double c = *std::max_element(z.begin(), z.end());
        double s = 0.0;
        for (double zk : z) s += std::exp(zk - c);
        total += c + std::log(s) - z[y[i]];
    }
    return total / static_cast<double>(x.shape(0));
}

// Σ_k W_k, the row sums of W (d, K): the direction in which softmax cannot see W.
wb::Vec class_sum(const wb::Mat& w) { return xt::sum(w, {1}); }
double length(const wb::Vec& v) { return std::sqrt(xt::sum(v * v)()); }
double frobenius(const wb::Mat& w) { return std::sqrt(xt::sum(w * w)()); }
double cosine(const wb::Mat& a, const wb::Mat& b) { return xt::sum(a * b)() / (frobenius(a) * frobenius(b)); }

// The class with the largest relative difference |p_k − r_k|/r_k between two probability vectors.
std::size_t worst_class(const wb::Vec& p, const wb::Vec& r) {
    std::size_t best = 0;
    for (std::size_t k = 1; k < p.size(); ++k)
        if (std::abs(p(k) - r(k)) / r(k) > std::abs(p(best) - r(best)) / r(best)) best = k;
    return best;
}

// W (d, K) flattened row-major and back, for gradient checks.
std::vector<double> flat(const wb::Mat& w) { return {w.begin(), w.end()}; }
wb::Mat unflat(std::span<const double> v, std::size_t d) {
    wb::Mat w = xt::empty<double>({d, K});
    std::copy(v.begin(), v.end(), w.begin());
    return w;
}

// The largest |a − b| over the entries of two arrays of one shape.
template <class A>
double max_abs_diff(const A& a, const A& b) {
    return xt::amax(xt::abs(a - b))();
}

}  // namespace

int main(int argc, char** argv) {
    wb::Chapter ch;  // number and title from the heading above (see CMakeLists.txt)

    /*md
    ## 1. Softmax cannot see a common shift

    Adding the same number $c$ to every logit multiplies numerator and denominator of the
    softmax by $e^c$:

    $$\operatorname{softmax}(z + c\mathbf 1)_k = \frac{e^{c}e^{z_k}}{e^{c}\sum_j e^{z_j}}
    = \operatorname{softmax}(z)_k .$$

    For the classifier, replacing every column $W_k$ by $W_k + v$ for one vector $v\in\mathbb R^d$
    adds $c = v^\top x$ to every logit of every input, so $W$ and $W + v\mathbf 1^\top$ give the same
    probabilities and the same loss: the parameters are *not identifiable*, only the differences
    $W_k - W_j$ are. The same identity is what makes softmax computable: with $c = -\max_k z_k$
    every exponent is at most $0$ and nothing overflows (exercise 07.1), whereas the formula as
    written is $\infty/\infty$ at logits of a thousand. We check the shift invariance of the
    exercise's softmax against the independent form $p_k = 1/\sum_j e^{z_j - z_k}$, at shifts up to
    $800$, and the invariance of the loss on data. The control confuses shifting with scaling
    and claims $\operatorname{softmax}(2z) = \operatorname{softmax}(z)$.
    */
    ch.section("symmetry", "softmax(z + c·1) = softmax(z)  [exercise 07.1]", [](wb::Section& s) {
        const wb::Vec z = 2.0 * s.rng().normal_vector(5);
        const wb::Vec ref = softmax_ref(z);
        for (double c : {2.5, 12.0, 800.0}) {
            const wb::Vec p = ch07::softmax(wb::Vec(z + c));
            const std::size_t k = worst_class(p, ref);
            s.exact(fmt::format("softmax(z + {}·1) = softmax(z) (worst class)", c), p(k), ref(k), 1e-11);
        }
        const wb::Vec p2 = ch07::softmax(wb::Vec(2.0 * z));
        const std::size_t k2 = worst_class(p2, ref);
        s.control().exact("softmax(2z) = softmax(z) (worst class)", p2(k2), ref(k2), 1e-11);

        // Logits of a thousand: the formula as written overflows, the shifted one does not.
        const wb::Vec big{1000.0, 999.0, 998.0};
        const wb::Vec e = xt::exp(big);
        const wb::Vec naive = e / xt::sum(e)();
        const double finite = static_cast<double>(std::count_if(naive.begin(), naive.end(),
                                                                 [](double v) { return std::isfinite(v); }));
        s.holds("e^{z_k}/Σ_j e^{z_j} at z = (1000, 999, 998): no entry finite", finite == 0.0, finite, 0.0);
        s.exact("stable softmax at z = (1000, 999, 998): p_1 = 1/(1 + e^{−1} + e^{−2})",
                ch07::softmax(big)(0), 1.0 / (1.0 + std::exp(-1.0) + std::exp(-2.0)), 1e-14);

        // The loss on data: W and W + v1ᵀ.
        const Labeled data = ch07::triangle_classes(s.rng(), 60, 1.0, 0.0);
        const wb::Mat w = s.rng().normal_matrix(3, K);
        const wb::Vec v = 3.0 * s.rng().normal_vector(3);
        wb::Mat shifted = w;
        for (std::size_t j = 0; j < 3; ++j)
            for (std::size_t k = 0; k < K; ++k) shifted(j, k) += v(j);
        s.exact("CE(W + v1ᵀ) = CE(W) on 60 examples", mean_ce(shifted, data.x, data.y), mean_ce(w, data.x, data.y),
                1e-12);
    });

    /*md
    ## 2. Gradient descent never moves Σ_k W_k; L2 sends it to 0

    For one example, $\partial(-\log p_y)/\partial z = p - e_y$, and $z = W^\top x$ gives
    $\partial(-\log p_y)/\partial W = x\,(p - e_y)^\top$ (exercise 07.2). Summing the columns,

    $$\sum_{k=1}^K \frac{\partial L}{\partial W_k} = \frac1n\sum_i x_i \sum_k (p_{ik} - [k = y_i])
    = \frac1n\sum_i x_i\,(1 - 1) = 0,$$

    because probabilities and the one-hot label both sum to one. So along every trajectory of
    gradient descent $W_{t+1} = W_t - \eta\nabla L(W_t)$ the sum $s_t = \sum_k W_{k,t}$ is
    *conserved*: $s_t = s_0$, whatever the data. The gradient cannot remove the component that
    the loss cannot see. With L2 regularisation, $R(W) = L(W) + \frac\lambda2\|W\|_F^2$, the step
    is $W_{t+1} = (1 - \eta\lambda)W_t - \eta\nabla L(W_t)$ (exercise 07.4), and the column sum
    obeys $s_{t+1} = (1-\eta\lambda)s_t$, so

    $$s_t = (1 - \eta\lambda)^t\,s_0 \;\to\; 0 .$$

    $R$ is strictly convex ($L$ is convex, the penalty strictly), so its minimiser $W^*_\lambda$ is
    unique; $\nabla R(W^*_\lambda) = 0$ summed over $k$ gives $\lambda\sum_k W^*_k = 0$. Among all
    $W + v\mathbf 1^\top$, which share one loss, $\|W + v\mathbf 1^\top\|_F^2 = \|W\|_F^2 + 2v^\top s
    + K\|v\|^2$ is smallest at $v = -s/K$: the regularised optimum has $s = 0$, the *minimum-norm*
    member of its class. Without L2, the loss alone fixes $W$ only up to $v\mathbf 1^\top$ — and
    the trajectory from $W_0$ and from its centred copy $W_0 - s_0\mathbf 1^\top/K$ differ by
    exactly $s_0\mathbf 1^\top/K$ forever.

    We check the gradient against finite differences, then run gradient descent on 150 examples of
    three overlapping classes, from a $W_0$ whose column sum is far from $0$. The control is the
    belief that training alone removes the symmetry: it claims $s_T \to 0$ without L2, by the same
    criterion that the L2 run meets.

    ![The column sum ‖Σ_k W_k‖ along gradient descent, with and without L2](column_sums.svg)
    */
    ch.section("column_sums", "Σ_k ∂CE/∂W_k = 0; with L2, Σ_k W_k → 0  [exercises 07.2, 07.4]", [](wb::Section& s) {
        const Labeled data = ch07::triangle_classes(s.rng(), 150, 1.0, 0.0);
        const std::size_t d = 3;
        const wb::Mat w_test = s.rng().normal_matrix(d, K);
        const wb::Mat g = ch07::ce_gradient(data.x, data.y, w_test);
        s.gradient("∂CE/∂W = (1/n) Σ_i x_i (p_i − e_{y_i})ᵀ",
                   [&](std::span<const double> v) { return mean_ce(unflat(v, d), data.x, data.y); }, flat(w_test),
                   flat(g));
        s.exact("Σ_k ∂CE/∂W_k = 0 (largest entry)", xt::amax(xt::abs(class_sum(g)))(), 0.0, 0.0, 1e-15);

        // W0 with a column sum far from 0: a random matrix plus v0·1ᵀ.
        wb::Mat w0 = s.rng().normal_matrix(d, K);
        const wb::Vec v0{1.0, -2.0, 0.5};
        for (std::size_t j = 0; j < d; ++j)
            for (std::size_t k = 0; k < K; ++k) w0(j, k) += v0(j);
        const wb::Vec s0 = class_sum(w0);
        wb::Mat w0c = w0;  // the centred copy W0 − s0 1ᵀ/K
        for (std::size_t j = 0; j < d; ++j)
            for (std::size_t k = 0; k < K; ++k) w0c(j, k) -= s0(j) / K;

        const double eta = 0.5, lambda = 0.05;
        const std::size_t T = 500;
        wb::Mat w = w0, wc = w0c, wl = w0;
        double drift = 0.0, offset = 0.0;  // max_t ‖s_t − s_0‖ and max_t |W_t − W^c_t − s0 1ᵀ/K|
        std::vector<double> ts, sum_plain, sum_l2;
        for (std::size_t t = 1; t <= T; ++t) {
            w = ch07::l2_step(w, ch07::ce_gradient(data.x, data.y, w), 0.0, eta);
            wc = ch07::l2_step(wc, ch07::ce_gradient(data.x, data.y, wc), 0.0, eta);
            wl = ch07::l2_step(wl, ch07::ce_gradient(data.x, data.y, wl), lambda, eta);
            drift = std::max(drift, length(wb::Vec(class_sum(w) - s0)));
            for (std::size_t j = 0; j < d; ++j)
                for (std::size_t k = 0; k < K; ++k) offset = std::max(offset, std::abs(w(j, k) - wc(j, k) - s0(j) / K));
            ts.push_back(static_cast<double>(t));
            sum_plain.push_back(length(class_sum(w)));
            sum_l2.push_back(length(class_sum(wl)));
        }
        s.exact(fmt::format("no L2: max_t ‖Σ_k W_k,t − Σ_k W_k,0‖ = 0 over {} steps", T), drift, 0.0, 0.0,
                1e-12 * length(s0));
        s.exact("no L2: W_t − W^c_t = s_0 1ᵀ/K at every step (largest deviation)", offset, 0.0, 0.0, 1e-12);
        const double predicted = std::pow(1.0 - eta * lambda, static_cast<double>(T)) * length(s0);
        s.exact(fmt::format("L2: ‖Σ_k W_k,T‖ = (1 − ηλ)^T ‖s_0‖ at T = {}", T), sum_l2.back(), predicted, 1e-6);
        s.holds("L2: ‖Σ_k W_k,T‖ ≤ 10⁻⁴‖s_0‖ (→ 0)", sum_l2.back() <= 1e-4 * length(s0), sum_l2.back(), 1e-4 * length(s0));
        s.control().holds("no L2: ‖Σ_k W_k,T‖ ≤ 10⁻⁴‖s_0‖ (→ 0)", sum_plain.back() <= 1e-4 * length(s0),
                          sum_plain.back(), 1e-4 * length(s0));

        // The regularised optimum: from two starts, the same W*, centred, with ∇R = 0.
        wb::Mat wb2 = 2.0 * s.rng().normal_matrix(d, K);
        for (std::size_t t = 0; t < 1500; ++t) {
            wl = ch07::l2_step(wl, ch07::ce_gradient(data.x, data.y, wl), lambda, eta);
            wb2 = ch07::l2_step(wb2, ch07::ce_gradient(data.x, data.y, wb2), lambda, eta);
        }
        const wb::Mat grad_r = ch07::ce_gradient(data.x, data.y, wl) + lambda * wl;
        s.exact("L2 optimum: ‖∇L + λW*‖ = 0", frobenius(grad_r), 0.0, 0.0, 1e-10);
        s.exact("L2 optimum: Σ_k W*_k = 0", length(class_sum(wl)), 0.0, 0.0, 1e-10);
        s.exact("L2 optimum is unique: two starts agree (largest entry)", max_abs_diff(wl, wb2), 0.0, 0.0, 1e-9);

        wb::Figure fig("column_sums", "Gradient descent conserves Σ_k W_k; L2 shrinks it by (1 − ηλ) per step");
        std::vector<double> pred;
        for (double t : ts) pred.push_back(std::pow(1.0 - eta * lambda, t) * length(s0));
        fig.panel().xlabel("gradient step t").ylabel("‖Σ_k W_k‖").logy().yrange(1e-6, 10)
            .line(ts, sum_plain, "CE", ColourCe).id("ce")
            .line(ts, sum_l2, "CE + (λ/2)‖W‖², λ = 0.05", ColourL2).id("l2")
            .dashed(ts, pred, "(1 − ηλ)^t ‖s_0‖", ColourTheory).id("predicted")
            .key(wb::KeyPlace::Best);
        s.save(fig);
    });

    /*md
    ## 3. Separable data: ‖W‖ grows like log t, the direction tends to the max margin

    When a $W$ classifies every training example correctly, so does $aW$ for every $a > 1$, with
    a smaller loss: on separable data $L$ has no minimiser, $\inf L = 0$, and gradient descent
    must let $\|W_t\| \to \infty$. How fast, and in which direction? Soudry et al. (2018) show for
    the multiclass cross-entropy, with a small enough constant step, that

    $$W_t = \hat W \log t + \rho_t, \qquad \|\rho_t\| \text{ bounded (for almost every data set)},$$

    where $\hat W$ is the **hard-margin multiclass SVM** without biases,
    $\hat W = \arg\min \tfrac12\|W\|_F^2$ subject to $(W_{y_i} - W_k)^\top x_i \ge 1$ for every $i$ and
    $k \ne y_i$. So $\|W_t\|$ grows like $\|\hat W\|\log t$ — only logarithmically — and the
    direction $W_t/\|W_t\|$ tends to $\hat W/\|\hat W\|$, but slowly: the angle closes like
    $1/\log t$. Neither the loss nor its gradient ever selects this direction explicitly; it is the
    *implicit bias* of gradient descent. With L2 regularisation the minimiser exists and
    $\|W_t\|$ converges.

    We take one fixed small problem, 24 points of three classes in angular sectors of the plane
    (no bias feature, as in the theorem), compute $\hat W$ by coordinate ascent on the SVM's dual
    and check it by strong duality ($\frac12\|\hat W\|^2$ equals the dual value) and by its
    smallest margin ($= 1$). Then we run $10^5$ gradient steps of size $\eta = 1$ from $W_0 = 0$.
    The convergence is slow, so the claims are about its trend as well as its end point: the
    growth rate $\Delta\|W_t\|/\Delta\log t$ over a decade of steps approaches $\|\hat W\|$ at every
    decade from $t = 10$ and is within 10% of it over the last one ($t = 10^4 \ldots 10^5$); the gap
    $1 - \cos(W_t, \hat W)$ shrinks at every decade from $t = 10^2$ and ends below $5\cdot10^{-3}$. Two
    controls: the direction of the class means (the nearest-centroid classifier, a natural guess
    for "the" direction) held to the same $5\cdot10^{-3}$, and growth like $\sqrt t$. Since every
    $\hat W$ has $\sum_k \hat W_k = 0$ (the dual writes it as $\sum \alpha_{ik}x_i(e_{y_i} - e_k)^\top$)
    and $W_0 = 0$, §2's conservation law keeps the trajectory in the same subspace. With
    $\lambda = 10^{-3}$, $\|W_t\|$ levels off instead.

    ![‖W_t‖ and the angle to the max-margin direction on separable data](norm_growth.svg)
    */
    ch.section("separable", "Separable data: ‖W_t‖ ~ ‖Ŵ‖ log t, direction → max margin  [exercises 07.2, 07.4]",
               [](wb::Section& s) {
        // The fixed problem: class y = i mod 3 in the sector of angle 2πy/3 ± Spread[y], radius
        // RadiusLo[y]…RadiusHi[y] (unequal classes, so that no symmetry fixes the direction).
        constexpr std::array<double, K> Spread{0.3, 0.7, 0.5}, RadiusLo{0.5, 1.0, 0.5}, RadiusHi{1.5, 3.0, 4.0};
        wb::Rng fixed(2018);
        const std::size_t n = 24;
        Labeled data{xt::empty<double>({n, std::size_t{2}}), Labels(n)};
        for (std::size_t i = 0; i < n; ++i) {
            data.y[i] = i % K;
            const std::size_t y = data.y[i];
            const double a = 2 * wb::Pi * static_cast<double>(y) / K + fixed.uniform(-Spread[y], Spread[y]);
            const double r = fixed.uniform(RadiusLo[y], RadiusHi[y]);
            data.x(i, 0) = r * std::cos(a);
            data.x(i, 1) = r * std::sin(a);
        }
        const ch07::HardMargin svm = ch07::hard_margin(data.x, data.y, K, 20000);
        const double svm_norm = frobenius(svm.w);
        s.exact("SVM: ½‖Ŵ‖² = dual value (strong duality)", 0.5 * svm_norm * svm_norm, svm.dual, 1e-9);
        s.exact("SVM: smallest margin = 1", ch07::min_margin(svm.w, data.x, data.y), 1.0, 1e-9);
        s.exact("SVM: Σ_k Ŵ_k = 0", length(class_sum(svm.w)), 0.0, 0.0, 1e-12);

        // The nearest-centroid direction: column k the mean of class k (centred over k).
        wb::Mat centroid = xt::zeros<double>({std::size_t{2}, K});
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < 2; ++j) centroid(j, data.y[i]) += data.x(i, j);
        for (std::size_t j = 0; j < 2; ++j) {
            const double m = (centroid(j, 0) + centroid(j, 1) + centroid(j, 2)) / K;
            for (std::size_t k = 0; k < K; ++k) centroid(j, k) -= m;
        }

        // Gradient descent with and without L2, recording ‖W_t‖ and 1 − cos(W_t, Ŵ) on a log grid.
        const double eta = 1.0, lambda = 1e-3;
        const std::size_t T = 100000;
        wb::Mat w = xt::zeros<double>({std::size_t{2}, K}), wl = w;
        std::vector<double> ts, norms, norms_l2, gap, gap_centroid;
        std::size_t next = 1;
        for (std::size_t t = 1; t <= T; ++t) {
            w = ch07::l2_step(w, ch07::ce_gradient(data.x, data.y, w), 0.0, eta);
            if (t <= 20000) wl = ch07::l2_step(wl, ch07::ce_gradient(data.x, data.y, wl), lambda, eta);
            if (t == next) {
                ts.push_back(static_cast<double>(t));
                norms.push_back(frobenius(w));
                norms_l2.push_back(frobenius(wl));
                gap.push_back(1.0 - cosine(w, svm.w));
                gap_centroid.push_back(1.0 - cosine(w, centroid));
                next = std::max(next + 1, static_cast<std::size_t>(std::round(static_cast<double>(t) * std::pow(10.0, 0.1))));
            }
        }
        // Decades: the recorded t nearest 10^k.
        auto at = [&](double t) {
            return static_cast<std::size_t>(std::min_element(ts.begin(), ts.end(), [&](double a, double b) {
                                                return std::abs(std::log(a / t)) < std::abs(std::log(b / t));
                                            }) - ts.begin());
        };
        const std::size_t i3 = at(1e3), i4 = at(1e4), i5 = at(1e5);
        // The growth rate Δ‖W_t‖/Δ log t over each decade, and its distance to ‖Ŵ‖.
        std::vector<double> rates;
        for (double t : {1e1, 1e2, 1e3, 1e4}) {
            const std::size_t a = at(t), b = at(10 * t);
            rates.push_back((norms[b] - norms[a]) / std::log(ts[b] / ts[a]));
        }
        bool closing = true;
        for (std::size_t i = 1; i < rates.size(); ++i)
            closing = closing && std::abs(rates[i] - svm_norm) < std::abs(rates[i - 1] - svm_norm);
        s.holds("|Δ‖W_t‖/Δ log t − ‖Ŵ‖| shrinks at every decade t = 10 … 10⁵", closing,
                std::abs(rates.back() - svm_norm), std::abs(rates.front() - svm_norm));
        s.exact("growth: Δ‖W_t‖/Δ log t over t = 10⁴…10⁵ = ‖Ŵ‖ (within 10%)", rates.back(), svm_norm, 0.1);
        s.control().exact("growth like √t: ‖W_{10⁵}‖/‖W_{10⁴}‖ = √10 (within 10%)", norms[i5] / norms[i4],
                          std::sqrt(10.0), 0.1);
        bool shrinking = true;
        for (std::size_t i : {at(1e2), i3, i4}) shrinking = shrinking && gap[at(ts[i] * 10)] < gap[i];
        s.holds("1 − cos(W_t, Ŵ) shrinks at every decade t = 10² … 10⁵", shrinking, gap[i5], gap[i4]);
        s.holds("1 − cos(W_T, Ŵ) ≤ 5·10⁻³ at T = 10⁵", gap[i5] <= 5e-3, gap[i5], 5e-3);
        s.control().holds("1 − cos(W_T, class-mean direction) ≤ 5·10⁻³ at T = 10⁵", gap_centroid[i5] <= 5e-3,
                          gap_centroid[i5], 5e-3);
        const std::size_t j4 = at(1e4), j2 = at(2e4);
        s.exact("L2 (λ = 10⁻³): ‖W_t‖ has converged, ‖W_{2·10⁴}‖ = ‖W_{10⁴}‖", norms_l2[j2], norms_l2[j4], 1e-6);
        s.note(fmt::format("‖Ŵ‖ = {:.4f}; Δ‖W_t‖/Δ log t per decade from t = 10: {:.3f}, {:.3f}, {:.3f}, {:.3f}; "
                           "1 − cos(W_T, Ŵ) = {:.2e}, to the class means {:.2e}",
                           svm_norm, rates[0], rates[1], rates[2], rates[3], gap[i5], gap_centroid[i5]));

        wb::Figure fig("norm_growth", "Gradient descent on separable data: ‖W_t‖ and its direction", 1, 2);
        std::vector<double> ts_l2, nl2, pred;
        for (std::size_t i = 0; i < ts.size(); ++i) {
            if (ts[i] <= 20000) {
                ts_l2.push_back(ts[i]);
                nl2.push_back(norms_l2[i]);
            }
            pred.push_back(svm_norm * std::log(ts[i]) + (norms[i5] - svm_norm * std::log(ts[i5])));
        }
        fig.panel(0).title("‖W_t‖ grows like ‖Ŵ‖ log t without L2").xlabel("gradient step t").ylabel("‖W_t‖_F")
            .logx()
            .line(ts, norms, "CE", ColourCe).id("ce")
            .line(ts_l2, nl2, "CE + (λ/2)‖W‖², λ = 10⁻³", ColourL2).id("l2")
            .dashed(ts, pred, "‖Ŵ‖ log t + const", ColourTheory).id("log_t")
            .key(wb::KeyPlace::TopLeft);
        fig.panel(1).title("the direction tends to the max-margin one").xlabel("gradient step t")
            .ylabel("1 − cos(W_t, ·)").logx().logy()
            .line(ts, gap, "max-margin Ŵ", ColourCe).id("gap_svm")
            .line(ts, gap_centroid, "class means", ColourMae).id("gap_centroid")
            .key(wb::KeyPlace::Best);
        s.save(fig);
    });

    /*md
    ## 4. What makes MAE and GCE robust: weighting, not a bounded gradient

    A common explanation of CE's sensitivity to wrong labels is that its gradient is unbounded.
    In the logits it is not: $\partial(-\log p_y)/\partial z = p - e_y$, and

    $$\|p - e_y\|^2 = (1 - p_y)^2 + \sum_{k\ne y}p_k^2 \le (1-p_y)^2 + \Big(\sum_{k\ne y}p_k\Big)^2
    = 2(1 - p_y)^2 \le 2,$$

    so $\|p - e_y\| \le \sqrt2$, approached when all the mass sits on one wrong class. (The
    control is the scalar bound $|\sigma(z) - y| \le 1$ of the two-class logistic loss carried over
    to the vector $p - e_y$, which exceeds it.) What
    differs between the losses is how much each *example* counts. MAE compares $p$ with the one-hot
    label in $\ell_1$: $\|e_y - p\|_1 = (1 - p_y) + \sum_{k\ne y}p_k = 2(1 - p_y)$, and since
    $\partial p_y/\partial\theta = -p_y\,\partial(-\log p_y)/\partial\theta$ for any parameter $\theta$,

    $$\frac{\partial\,\mathrm{MAE}}{\partial\theta} = 2p_y\,\frac{\partial\,\mathrm{CE}}{\partial\theta}.$$

    The generalised cross-entropy of Zhang & Sabuncu (2018), $L_q = (1 - p_y^q)/q$ with
    $0 < q \le 1$, gives in the same way (exercise 07.3)

    $$\frac{\partial L_q}{\partial\theta} = -p_y^{q-1}\frac{\partial p_y}{\partial\theta}
    = p_y^{\,q}\,\frac{\partial\,\mathrm{CE}}{\partial\theta}.$$

    An example the model finds unlikely — small $p_y$, which is what a wrong label usually looks
    like once the model has learnt something — gets a small weight; CE gives every example weight
    1, so a mislabelled point far from the boundary pulls with the full force of its
    $\|x\|\,\|p - e_y\|$. At the ends of the family, $L_q \to -\log p_y$ (CE) as $q \to 0$, since
    $p_y^q = e^{q\log p_y} = 1 + q\log p_y + O(q^2)$, and $L_1 = 1 - p_y$ is half of MAE. We check
    each gradient against finite differences of an independently written loss, and reject two
    slips: MAE's gradient without the weight, and GCE weighted by $p_y^{1-q}$.
    */
    ch.section("robust_gradients", "Bounded CE gradient; MAE and GCE weight it by p_y, p_y^q  [exercises 07.1, 07.3]",
               [](wb::Section& s) {
        const wb::Vec z{0.3, -1.2, 1.5, 0.4};  // four classes; y = 1 is unlikely (p_y ≈ 0.05)
        const std::size_t y = 1;
        const wb::Vec p = ch07::softmax(z);
        wb::Vec ce_grad = p;
        ce_grad(y) -= 1.0;
        auto log_py = [&](std::span<const double> v) {  // log p_y by log-sum-exp, independent of 07.1
            const double c = *std::max_element(v.begin(), v.end());
            double sum = 0.0;
            for (double vk : v) sum += std::exp(vk - c);
            return v[y] - c - std::log(sum);
        };
        const std::vector<double> zv(z.begin(), z.end());
        s.gradient("∂CE/∂z = softmax(z) − e_y", [&](std::span<const double> v) { return -log_py(v); }, zv,
                   std::vector<double>(ce_grad.begin(), ce_grad.end()));

        // The bound √2: over random logits, and its near-attainment.
        double largest = 0.0;
        for (std::size_t i = 0; i < 2000; ++i) {
            const wb::Vec zi = 3.0 * s.rng().normal_vector(4);
            wb::Vec r = ch07::softmax(zi);
            r(i % 4) -= 1.0;
            largest = std::max(largest, length(r));
        }
        s.holds("‖p − e_y‖ ≤ √2 at 2000 random logits (largest)", largest <= wb::Sqrt2, largest, wb::Sqrt2);
        wb::Vec r = ch07::softmax(wb::Vec{-20.0, 20.0, 0.0, 0.0});
        r(0) -= 1.0;
        s.exact("‖p − e_y‖ → √2 when p puts its mass on one wrong class (z = (−20, 20, 0, 0), y = 0)", length(r),
                wb::Sqrt2, 1e-8);
        s.control().holds("‖p − e_y‖ ≤ 1 (the two-class bound)", length(r) <= 1.0, length(r), 1.0);

        // MAE = ‖e_y − p‖₁ = 2(1 − p_y), and its gradient 2 p_y (p − e_y).
        auto mae = [&](std::span<const double> v) {
            const wb::Vec pv = softmax_ref(wb::Vec(wb::to_vec(v)));
            double l1 = 0.0;
            for (std::size_t k = 0; k < pv.size(); ++k) l1 += std::abs((k == y ? 1.0 : 0.0) - pv(k));
            return l1;
        };
        s.exact("‖e_y − p‖₁ = 2(1 − p_y)", mae(zv), 2.0 * (1.0 - p(y)), 1e-13);
        const wb::Vec mae_grad = 2.0 * p(y) * ce_grad;
        s.gradient("∂MAE/∂z = 2 p_y (p − e_y)", mae, zv, std::vector<double>(mae_grad.begin(), mae_grad.end()));
        const wb::Vec unweighted = 2.0 * ce_grad;
        s.control().gradient("∂MAE/∂z = 2(p − e_y) (unweighted)", mae, zv,
                             std::vector<double>(unweighted.begin(), unweighted.end()));

        // GCE (exercise 07.3) against (1 − p_y^q)/q and its finite differences.
        for (double q : {0.3, 0.7, 1.0}) {
            auto lq = [&](std::span<const double> v) { return (1.0 - std::exp(q * log_py(v))) / q; };
            const ch07::LossGrad g = ch07::gce(z, y, q);
            s.exact(fmt::format("L_q = (1 − p_y^q)/q at q = {}", q), g.loss, lq(zv), 1e-12);
            s.gradient(fmt::format("∂L_q/∂z at q = {} (exercise 07.3)", q), lq, zv,
                       std::vector<double>(g.grad.begin(), g.grad.end()));
            const wb::Vec weighted = std::pow(p(y), q) * ce_grad;
            s.gradient(fmt::format("∂L_q/∂z = p_y^q (p − e_y) at q = {}", q), lq, zv,
                       std::vector<double>(weighted.begin(), weighted.end()));
            if (q != 1.0) {
                const wb::Vec slip = std::pow(p(y), 1.0 - q) * ce_grad;
                s.control().gradient(fmt::format("∂L_q/∂z = p_y^(1−q) (p − e_y) at q = {}", q), lq, zv,
                                     std::vector<double>(slip.begin(), slip.end()));
            }
        }
        s.exact("L_q → −log p_y as q → 0 (q = 10⁻⁷)", ch07::gce(z, y, 1e-7).loss, -log_py(zv), 1e-6);
        s.exact("L_1 = 1 − p_y = MAE/2", ch07::gce(z, y, 1.0).loss, mae(zv) / 2, 1e-13);
    });

    /*md
    ## 5. Test accuracy under symmetric label noise

    Symmetric label noise replaces each training label, with probability $\rho$, by one of the
    other $K - 1$ classes chosen uniformly; test labels stay clean. For $\rho < (K-1)/K$ the true
    class keeps the largest noisy posterior, so the Bayes classifier does not change — yet the
    fitted model does, and how much depends on the loss. Our data make the mechanism of §4
    visible: three classes of unit-variance Gaussian noise around the directions
    $u_k = (\cos\frac{2\pi k}{3}, \sin\frac{2\pi k}{3})$, where 10% of the points of each class sit
    ten times farther out, at $10u_k$. Those points are easy when correctly labelled; mislabelled,
    each pulls the CE fit with a force proportional to its norm, whereas MAE and GCE give it the
    small weight $p_y$ or $p_y^q$.

    Each repetition draws 500 training and a fresh set of test points, a noise pattern that is
    nested in $\rho$ (a label wrong at $\rho$ is wrong at every larger $\rho$), and trains the
    three losses on the same noisy labels: 30 full-batch gradient steps of size $0.2$ from
    $W = 0$, GCE with $q = 0.7$ as in Zhang & Sabuncu's experiments. The differences between losses
    are therefore paired within a repetition, and their standard errors come from the spread over
    repetitions (Student-t critical values). The claims at $\rho = 0.4$: GCE and MAE are more
    accurate than CE; GCE's weight $p_y^q$ is smaller on the mislabelled examples than on the
    clean ones; and without noise the three losses are within one percentage point of each other.
    The control is the argument that symmetric noise leaves the Bayes classifier unchanged, hence
    costs CE nothing: it claims CE's accuracy at $\rho = 0.4$ equals its accuracy at $\rho = 0$.

    ![Test accuracy against the rate of symmetric label noise for CE, MAE and GCE](noise_accuracy.svg)

    At $\rho = 0.4$ CE loses about five percentage points of test accuracy, MAE and GCE about one.
    (Zhang & Sabuncu's experiments train deep networks, which can fit every wrong label; the model
    here is linear.)

    */
    ch.section("label_noise", "Test accuracy under symmetric label noise: CE, MAE, GCE", [](wb::Section& s) {
        const std::size_t reps = s.size(64, 128), n = 500, n_test = s.size(2000, 5000), steps = 30;
        const double far = 10.0, far_fraction = 0.1, eta = 0.2, q = 0.7;
        const std::vector<double> rhos = s.quick() ? std::vector<double>{0.0, 0.2, 0.4}
                                                        : std::vector<double>{0.0, 0.1, 0.2, 0.3, 0.4};
        const std::array<ch07::Loss, 3> losses{ch07::Loss::CE, ch07::Loss::MAE, ch07::Loss::GCE};
        // acc[l][r][rep]: test accuracy of loss l at noise rate rhos[r] in repetition rep.
        std::vector<std::vector<std::vector<double>>> acc(3, std::vector<std::vector<double>>(rhos.size()));
        std::vector<double> weight_gap;  // mean GCE weight of mislabelled − of clean examples, at the largest ρ
        for (std::size_t rep = 0; rep < reps; ++rep) {
            const Labeled train = ch07::triangle_classes(s.rng(), n, far, far_fraction);
            const Labeled test = ch07::triangle_classes(s.rng(), n_test, far, far_fraction);
            std::vector<double> u(n), v(n);
            for (std::size_t i = 0; i < n; ++i) {
                u[i] = s.rng().uniform();
                v[i] = s.rng().uniform();
            }
            for (std::size_t r = 0; r < rhos.size(); ++r) {
                const Labels noisy = ch07::symmetric_noise(train.y, K, rhos[r], u, v);
                for (std::size_t l = 0; l < 3; ++l) {
                    const wb::Mat w = ch07::train(train, noisy, losses[l], q, eta, steps);
                    acc[l][r].push_back(ch07::accuracy(w, test));
                    if (losses[l] == ch07::Loss::GCE && r + 1 == rhos.size()) {
                        const wb::Vec wt = ch07::gce_weights(w, train, noisy, q);
                        wb::RunningStats wrong, right;
                        for (std::size_t i = 0; i < n; ++i) (noisy[i] != train.y[i] ? wrong : right).add(wt(i));
                        weight_gap.push_back(wrong.mean() - right.mean());
                    }
                }
            }
            s.progress(rep + 1, reps);
        }
        const std::size_t top = rhos.size() - 1;
        auto diff = [&](std::size_t a, std::size_t ra, std::size_t b, std::size_t rb) {
            std::vector<double> d(reps);
            for (std::size_t i = 0; i < reps; ++i) d[i] = acc[a][ra][i] - acc[b][rb][i];
            return wb::mean_se(d);
        };
        const double clean = wb::mean_se(acc[0][0]).value;  // CE's clean accuracy: the scale of every difference
        const wb::McOptions on_accuracy{.scale = clean};
        s.greater("ρ = 0.4: GCE more accurate than CE (paired)", diff(2, top, 0, top), 0.0, on_accuracy);
        s.greater("ρ = 0.4: MAE more accurate than CE (paired)", diff(1, top, 0, top), 0.0, on_accuracy);
        s.within("ρ = 0: GCE − CE within ±0.01", diff(2, 0, 0, 0), -0.01, 0.01, on_accuracy);
        s.within("ρ = 0: MAE − CE within ±0.01", diff(1, 0, 0, 0), -0.01, 0.01, on_accuracy);
        s.control().monte_carlo("noise costs CE nothing: acc_CE(ρ = 0.4) = acc_CE(0)", diff(0, top, 0, 0), 0.0,
                                on_accuracy);
        const wb::Estimate gap = wb::mean_se(weight_gap);
        s.less("ρ = 0.4: GCE's p_y^q smaller on mislabelled than on clean examples", gap, 0.0, {.scale = 1.0});
        s.control().monte_carlo("GCE weights mislabelled and clean examples alike", gap, 0.0, {.scale = 1.0});

        wb::Figure fig("noise_accuracy", "Test accuracy of a linear softmax classifier under symmetric label noise");
        auto& panel = fig.panel().xlabel("noise rate ρ (fraction of training labels changed)").xrange(-0.02, 0.42)
                          .ylabel("test accuracy (± 1 s.e. over repetitions)");
        const std::array<const char*, 3> names{"CE", "MAE", "GCE, q = 0.7"}, ids{"ce", "mae", "gce"};
        const std::array<int, 3> colours{ColourCe, ColourMae, ColourGce};
        for (std::size_t l = 0; l < 3; ++l) {
            std::vector<double> m, se;
            for (std::size_t r = 0; r < rhos.size(); ++r) {
                const wb::Estimate e = wb::mean_se(acc[l][r]);
                m.push_back(e.value);
                se.push_back(e.se);
            }
            panel.errorbars(rhos, m, se, names[l], colours[l]).id(ids[l]);
        }
        panel.key(wb::KeyPlace::Best);
        s.save(fig);
        s.note(fmt::format("{} repetitions; CE accuracy {:.4f} at ρ = 0, {:.4f} at ρ = 0.4", reps, clean,
                           wb::mean_se(acc[0][top]).value));
    });

    /*md
    ## Summary

    * Softmax sees only differences of logits, so $W$ and $W + v\mathbf 1^\top$ are the same model;
      the CE gradient's columns sum to zero, and gradient descent conserves $\sum_k W_k$ exactly.
    * L2 regularisation multiplies $\sum_k W_k$ by $1 - \eta\lambda$ per step; its unique optimum has
      $\sum_k W_k = 0$, the minimum-norm member of its class.
    * On separable data, without L2, $\|W_t\|$ grows like $\|\hat W\|\log t$ and the direction
      creeps towards the hard-margin SVM; with L2, $\|W_t\|$ converges.
    * CE's gradient in the logits is bounded by $\sqrt2$; MAE and GCE differ from CE by weighting each
      example's gradient by $2p_y$ and $p_y^q$, which is what makes them less sensitive to wrong
      labels here.

    ## References

    - Soudry, D., Hoffer, E., Nacson, M. S., Gunasekar, S., & Srebro, N. (2018). The implicit bias
      of gradient descent on separable data. *Journal of Machine Learning Research*, 19(70), 1–57.
    - Zhang, Z., & Sabuncu, M. R. (2018). Generalized cross entropy loss for training deep neural
      networks with noisy labels. *Advances in Neural Information Processing Systems 31* (NeurIPS 2018).
    */
    return ch.run(argc, argv);
}
