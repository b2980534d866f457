/*md
# Chapter 04: Approximation: Fourier series, Gibbs, ReLU and depth

Assignments 03, 04 and 06 of the course asked three questions about approximation: is the
Fourier series the best approximation of a periodic function, how does a Fourier series look as
a neural network, and is a network with more neurons always better? Week 6's first question
asked whether ReLU's kink at $0$ limits a network near a sharp point. This chapter answers them
with numbers. A *target* is a function $f$ on the interval $-\pi \le x < \pi$, extended $2\pi$-periodically; its
*truncated Fourier series* of degree $K$ is

$$S_K f(x) = \frac{a_0}{2} + \sum_{k=1}^{K}\left(a_k\cos kx + b_k\sin kx\right),\qquad
a_k = \frac1\pi\int_{-\pi}^{\pi} f(x)\cos kx\,dx,\quad b_k = \frac1\pi\int_{-\pi}^{\pi} f(x)\sin kx\,dx,$$

and the error is measured in $L^2(-\pi,\pi)$, $\|g\|^2 = \int_{-\pi}^{\pi} g^2\,dx$.

The answers, in brief: $S_K f$ is the orthogonal projection of $f$ onto the span of
$1, \cos kx, \sin kx$ ($k \le K$), so it is the best $L^2$ approximation in that span for *every*
square-integrable $f$, smooth or not (§1); it is a one-hidden-layer network with $2K$ fixed
units (§2); but "best in the span" says nothing about how good the span is: at a jump the partial
sums overshoot by a fraction of the jump that never vanishes (§3), and the error decays like
$K^{-1/2}$ for a jump, $K^{-3/2}$ for a kink and faster than any power for a smooth periodic
target — while a smooth target that is *not* periodic behaves like the jump (§4). ReLU networks
represent kinks exactly, and depth buys accuracy exponentially (§5). A bigger random-feature
network is not always better: its test error peaks where it starts to interpolate the data (§6).
*/
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include <fmt/format.h>
#include <xtensor-blas/xlinalg.hpp>
#include <xtensor/xview.hpp>

#include "approximation.hpp"
#include "model.hpp"
#include "wb/chapter.hpp"
#include "wb/constants.hpp"
#include "wb/numerics.hpp"
#include "wb/stats.hpp"

namespace {

// One colour per target or method, the same in every figure (Okabe–Ito palette indices).
constexpr int Jump = 0;        // the square wave sign x
constexpr int Kink = 1;        // |x|
constexpr int Smooth = 2;      // e^{cos x}
constexpr int NonPeriodic = 3; // x on [−π, π)
constexpr int Reference = 7;   // limits, rates, exact curves

// Composite Simpson nodes and weights on [−π, −0] and [+0, π] (2·intervals + 2 nodes): targets
// with a jump or a kink at 0 are smooth on each half, and the two copies of 0 are −0.0 and +0.0,
// so a target that reads std::signbit takes its one-sided value at each.
struct Halves {
    wb::Vec x, w;
    explicit Halves(std::size_t intervals) {
        const std::size_t m = intervals + 1;
        x = xt::empty<double>({2 * m});
        w = xt::empty<double>({2 * m});
        const double h = wb::Pi / static_cast<double>(intervals);
        for (std::size_t i = 0; i < m; ++i) {
            const double wi = (i == 0 || i == intervals) ? h / 3 : (i % 2 ? 4 * h / 3 : 2 * h / 3);
            x(i) = i == intervals ? -0.0 : -wb::Pi + h * static_cast<double>(i);
            x(m + i) = h * static_cast<double>(i);
            w(i) = w(m + i) = wi;
        }
    }
    // ∫_{−π}^{π} g for g tabulated at x.
    double integral(const wb::Vec& g) const { return xt::sum(w * g)(); }
};

// S_K f at one point through the exercise's vector interface.
double partial_sum_at(const ch04::Fourier& c, double x) { return ch04::partial_sum(c, wb::Vec{x})(0); }

}  // namespace

int main(int argc, char** argv) {
    wb::Chapter ch;  // number and title from the heading above (see CMakeLists.txt)

    /*md
    ## 1. The truncated Fourier series is an orthogonal projection

    The functions $1, \cos x, \sin x, \dots, \cos Kx, \sin Kx$ are orthogonal in $L^2(-\pi,\pi)$:
    $\int\cos jx\cos kx\,dx = \pi\delta_{jk}$ for $j, k \ge 1$, $\int\sin jx\sin kx\,dx = \pi\delta_{jk}$,
    $\int\cos jx\sin kx\,dx = 0$ and $\|1\|^2 = 2\pi$. For $p = \frac{c_0}2 + \sum_k (c_k\cos kx + d_k\sin kx)$
    in their span $T_K$, the coefficient of $p$ that minimises $\|f - p\|^2$ solves
    $\partial_{c_k}\|f - p\|^2 = -2\int (f - p)\cos kx\,dx = 0$, i.e. $\pi c_k = \int f\cos kx$: that is
    $c_k = a_k$, and likewise $d_k = b_k$, $c_0 = a_0$. So $S_K f$ is the orthogonal projection of $f$
    onto $T_K$: the residual $r = f - S_K f$ is orthogonal to every basis function, and for every
    $p \in T_K$, by Pythagoras,

    $$\|f - S_Kf - p\|^2 = \|r\|^2 + \|p\|^2 \ge \|r\|^2,\qquad
    \|p\|^2 = \pi\Big(\tfrac{c_0^2}{2} + \sum_k c_k^2 + d_k^2\Big).$$

    Nothing here asks $f$ to be smooth: this is the sense in which the answer to assignment 04
    ("yes, the Fourier series is the best $L^2$ approximation") is right, for any
    square-integrable target, within the span of the first $K$ frequencies.

    The coefficients come from the periodic trapezoid rule (exercise 04.1): on $n$ equispaced
    points it integrates $\cos jx$ and $\sin jx$ exactly for $j < n$, so it is exact for
    trigonometric polynomials and spectrally accurate for smooth periodic $f$. We check it
    against $e^{\cos x} = I_0(1) + 2\sum_k I_k(1)\cos kx$ ($I_k$ the modified Bessel function) and
    against the closed form for $|x|$, $a_0 = \pi$ and $a_k = -4/(\pi k^2)$ for odd $k$. Then, for
    $|x|$ at $K = 7$, an independent quadrature (Simpson's rule on each half of the period, where
    $|x|$ is smooth) measures the inner product of the residual with each basis function,
    relative to $\|r\|\,\|\phi\|$ (the cosine of the angle between them), and the Pythagorean
    identity for random $p \in T_K$. The control makes the most common slip, the constant term
    $a_0$ in place of $a_0/2$: its residual is far from orthogonal to $1$.
    */
    ch.section("projection", "S_K f is the L² orthogonal projection onto T_K  [exercises 04.1, 04.2]", [](wb::Section& s) {
        const std::size_t K = 7, n = 1 << 17;
        const auto ec = ch04::fourier_coefficients([](double x) { return std::exp(std::cos(x)); }, K, 64);
        const auto eref = ch04::expcos_coefficients(K);
        for (std::size_t k : {0u, 1u, 4u, 7u})
            s.exact(fmt::format("e^cos: a_{} (trapezoid, n = 64) = 2 I_{}(1)", k, k), ec.a(k), eref.a(k), 1e-9, 1e-14);
        s.exact("e^cos: b_3 = 0", ec.b(3), 0.0, 0.0, 1e-14);

        const auto f = [](double x) { return std::fabs(x); };
        const auto c = ch04::fourier_coefficients(f, K, n);
        const auto cref = ch04::abs_coefficients(K);
        for (std::size_t k : {0u, 1u, 2u, 5u, 7u})
            s.exact(fmt::format("|x|: a_{} (trapezoid, n = 2^17) = closed form", k), c.a(k), cref.a(k), 1e-6, 1e-9);

        // Inner products of the residual with the basis, by Simpson on each half period.
        const Halves q(2000);
        const wb::Vec fx = xt::abs(q.x);
        const wb::Vec r = fx - ch04::partial_sum(c, q.x);
        const double r_norm = std::sqrt(q.integral(r * r));
        double worst = 0.0;
        for (std::size_t k = 0; k <= K; ++k) {
            const double phi_norm = std::sqrt(k == 0 ? 2 * wb::Pi : wb::Pi);
            const wb::Vec kx = static_cast<double>(k) * q.x;
            worst = std::max(worst, std::fabs(q.integral(r * xt::cos(kx))) / (r_norm * phi_norm));
            if (k > 0) worst = std::max(worst, std::fabs(q.integral(r * xt::sin(kx))) / (r_norm * phi_norm));
        }
        s.exact("max_φ |⟨f − S_7 f, φ⟩| / (‖r‖‖φ‖) = 0 over the 15 basis functions", worst, 0.0, 0.0, 1e-6);

        // Pythagoras for random p in T_K.
        for (int trial = 0; trial < 3; ++trial) {
            ch04::Fourier p{xt::zeros<double>({K + 1}), xt::zeros<double>({K + 1})};
            double p_norm2 = 0.0;
            for (std::size_t k = 0; k <= K; ++k) {
                p.a(k) = 0.3 * s.rng().normal();
                p.b(k) = k == 0 ? 0.0 : 0.3 * s.rng().normal();
                p_norm2 += wb::Pi * (k == 0 ? p.a(0) * p.a(0) / 2 : p.a(k) * p.a(k) + p.b(k) * p.b(k));
            }
            const wb::Vec rp = r - ch04::partial_sum(p, q.x);  // f − S_K f − p
            s.exact(fmt::format("‖f − S_7f − p‖² = ‖r‖² + ‖p‖² (random p #{})", trial + 1), q.integral(rp * rp),
                    r_norm * r_norm + p_norm2, 1e-8);
        }

        // Control: the constant term a₀ instead of a₀/2, i.e. the residual r − a₀/2.
        const wb::Vec rs = r - c.a(0) / 2;
        s.control().exact("constant term a₀ (not a₀/2): ⟨r, 1⟩/(‖r‖‖1‖) = 0",
                          std::fabs(q.integral(rs)) / (std::sqrt(q.integral(rs * rs)) * std::sqrt(2 * wb::Pi)), 0.0,
                          0.0, 1e-6);
    });

    /*md
    ## 2. A truncated Fourier series is a one-hidden-layer network

    Assignment 06 asked what the network of a Fourier series looks like. Write
    $\sigma(x) = (\cos x, \sin x, \dots, \cos Kx, \sin Kx)$: then

    $$S_K f(x) = W_2\,\sigma(W_1 x) + c,\qquad W_1 = (1, 1, 2, 2, \dots, K, K)^\top,\quad
    W_2 = (a_1, b_1, \dots, a_K, b_K),\quad c = a_0/2,$$

    a network with one hidden layer of $2K$ units whose activations are $\cos$ and $\sin$ and
    whose first layer is *fixed*. Only the output layer is learned, and least squares learns it:
    fitting $W_2$ and $c$ to the samples $f(x_j)$ at the $n$ equispaced points by minimum-norm
    least squares (exercise 04.4, an SVD) must give the trapezoid coefficients of exercise 04.1,
    because on that grid the $2K + 1$ columns are orthogonal (for $n > 2K$) and the normal
    equations are diagonal. This identity — the same numbers from an SVD and from sums of
    products — is the check, on $e^{\cos x + \sin 2x}$ (which has both cosine and sine terms).
    The control fits the output layer without the bias unit $c$: a network without the constant
    unit cannot represent the mean of $f$, and its least-squares weights for $\cos x$ are still
    right (orthogonality), but its squared error on the grid is larger by exactly $n(a_0/2)^2$ (the
    discrete Parseval identity), here about $103$.
    */
    ch.section("network", "S_K as a network with 2K fixed units  [exercises 04.1, 04.4]", [](wb::Section& s) {
        const std::size_t K = 6, n = 40;
        const auto f = [](double x) { return std::exp(std::cos(x) + std::sin(2 * x)); };
        const auto c = ch04::fourier_coefficients(f, K, n);
        wb::Mat Phi = xt::empty<double>({n, 2 * K + 1});
        wb::Vec y = xt::empty<double>({n});
        for (std::size_t j = 0; j < n; ++j) {
            const double x = -wb::Pi + 2 * wb::Pi * static_cast<double>(j) / static_cast<double>(n);
            y(j) = f(x);
            Phi(j, 0) = 1.0;  // the bias unit: weight a₀/2
            for (std::size_t k = 1; k <= K; ++k) {
                Phi(j, 2 * k - 1) = std::cos(static_cast<double>(k) * x);
                Phi(j, 2 * k) = std::sin(static_cast<double>(k) * x);
            }
        }
        const wb::Vec w = ch04::min_norm_lstsq(Phi, y);
        s.exact("output bias (least squares) = a₀/2 (trapezoid)", w(0), c.a(0) / 2, 1e-10);
        double worst = 0.0;
        for (std::size_t k = 1; k <= K; ++k)
            worst = std::max({worst, std::fabs(w(2 * k - 1) - c.a(k)), std::fabs(w(2 * k) - c.b(k))});
        s.exact("max_k |W₂ (least squares) − (a_k, b_k) (trapezoid)| = 0", worst, 0.0, 0.0, 1e-11);
        // Fitted values on the grid are S_K f there.
        const auto fit = xt::linalg::dot(Phi, w);  // auto: no xarray → xtensor copy (GCC false warning)
        s.exact("network output at x_5 = S_K f(x_5)", fit(5), partial_sum_at(c, -wb::Pi + 2 * wb::Pi * 5 / n), 1e-10);

        // Control: no bias unit. Its squared error on the grid exceeds the full network's by
        // (n/2π)·π a₀²/2 = n (a₀/2)² (the grid's discrete Parseval).
        const wb::Mat Phi_nb = xt::view(Phi, xt::all(), xt::range(1, 2 * K + 1));
        const wb::Vec w_nb = ch04::min_norm_lstsq(Phi_nb, y);
        const double sse = xt::sum(xt::square(y - fit))();
        const double sse_nb = xt::sum(xt::square(y - xt::linalg::dot(Phi_nb, w_nb)))();
        s.exact("the bias-free network's extra squared error = n (a₀/2)²", sse_nb - sse,
                static_cast<double>(n) * c.a(0) * c.a(0) / 4, 1e-9);
        s.control().exact("a network without the bias unit fits as well: extra squared error = 0", sse_nb - sse, 0.0,
                          0.0, 1e-6);
    });

    /*md
    ## 3. The Gibbs phenomenon: an overshoot that does not vanish

    The square wave $f(x) = \operatorname{sign} x$ jumps by $2$ at $0$; its coefficients are
    $b_k = 4/(\pi k)$ for odd $k$ and $0$ otherwise. Take $K = 2N - 1$, so that $S_K f$ holds the
    first $N$ odd harmonics. Its derivative is a geometric sum,

    $$\frac{d}{dx}S_K f(x) = \frac4\pi\sum_{j=1}^{N}\cos(2j-1)x = \frac{2}{\pi}\,\frac{\sin 2Nx}{\sin x},$$

    whose first zero right of the jump is $x^\ast = \pi/(2N)$: the first and highest peak. There,

    $$S_K f(x^\ast) = \frac4\pi\sum_{j=1}^{N}\frac{\sin\big((2j-1)\frac{\pi}{2N}\big)}{2j-1}
    = \frac2\pi\sum_{j=1}^{N}\frac{\pi}{N}\,\frac{\sin t_j}{t_j},\qquad t_j = \frac{(2j-1)\pi}{2N},$$

    a midpoint rule for $\frac2\pi\int_0^\pi \frac{\sin t}{t}dt = \frac2\pi\operatorname{Si}(\pi)$. So the
    peak tends to $\frac2\pi\operatorname{Si}(\pi) \approx 1.1790$, not to $1$: the overshoot, as a
    fraction of the jump,

    $$\frac{S_K f(x^\ast) - 1}{2} \;\to\; \frac1\pi\operatorname{Si}(\pi) - \frac12 \approx 0.0895,$$

    does not vanish as $K\to\infty$. What does vanish is the width of the region it occupies,
    $x^\ast = \pi/(K + 1)$, which is why the $L^2$ error still tends to $0$ (§4) while the maximum
    error does not: $S_K f$ converges in $L^2$ but not uniformly.

    The checks: $\operatorname{Si}(\pi)$ from its power series against Simpson's rule on $\sin t/t$
    (independent routes); the peak of the partial sums (exercise 04.2) at $x^\ast$ against a dense
    grid around it; and the overshoot at $K = 15, 127, 1023$ against the limit, with the midpoint
    rule's error $O(1/N^2)$ as the tolerance. The control is the belief that the overshoot dies out
    like the $L^2$ error, $\propto K^{-1/2}$: from its value at $K = 15$ that predicts $0.011$ at
    $K = 1023$, and the partial sum shows $0.0895$.

    ![Partial sums of the square wave near its jump, with the Gibbs limit](gibbs.svg)
    */
    ch.section("gibbs", "The Gibbs overshoot tends to Si(π)/π − ½  [exercise 04.2]", [](wb::Section& s) {
        const double si_series = ch04::sine_integral(wb::Pi);
        const double si_quad = wb::simpson([](double t) { return t == 0 ? 1.0 : std::sin(t) / t; }, 0.0, wb::Pi, 2000);
        s.exact("Si(π): power series = Simpson on sin t / t", si_series, si_quad, 1e-12);
        const double limit = si_series / wb::Pi - 0.5;
        s.note(fmt::format("Gibbs limit Si(π)/π − ½ = {:.10f} of the jump", limit));

        std::vector<double> overshoot;
        for (std::size_t K : {15u, 127u, 1023u}) {
            const auto c = ch04::square_wave_coefficients(K);
            const double N = static_cast<double>(K + 1) / 2, xs = wb::Pi / (2 * N);
            const double peak = partial_sum_at(c, xs);
            // The peak against a grid on (0, 3x*): nothing higher.
            const wb::Vec grid = wb::to_vec(wb::linspace(xs / 50, 3 * xs, 301));
            const double grid_max = xt::amax(ch04::partial_sum(c, grid))();
            s.holds(fmt::format("K = {}: S_K(π/(K+1)) ≥ max of S_K on a grid of (0, 3π/(K+1)]", K), peak >= grid_max - 1e-14,
                    peak, grid_max);
            const double ov = (peak - 1) / 2;
            overshoot.push_back(ov);
            // Midpoint rule: error ≤ (π/N)²/24 · π · max|(sin t/t)''| · (2/π) / 2, and |(sin t/t)''| ≤ 1/3.
            const double tol = (wb::Pi / N) * (wb::Pi / N) / 24 * wb::Pi / 3 / wb::Pi / limit;
            s.exact(fmt::format("K = {}: overshoot (S_K(x*) − 1)/2 = Si(π)/π − ½", K), ov, limit, tol);
        }
        s.control().exact("the overshoot decays like the L² error: ov(1023) = ov(15)·(15/1023)^{1/2}", overshoot[2],
                          overshoot[0] * std::sqrt(15.0 / 1023.0), 0.05);

        // Figure: partial sums near the jump.
        wb::Figure fig("gibbs", "Partial sums of the square wave sign x near its jump at 0");
        auto& p = fig.panel().xlabel("x (radians)").ylabel("S_K f(x)").xrange(-0.2, 1.2).yrange(-0.3, 1.35);
        const wb::Vec x = wb::to_vec(wb::linspace(-0.2, 1.2, 1401));
        const int colour[] = {Kink, Smooth, NonPeriodic};
        int i = 0;
        for (std::size_t K : {15u, 63u, 255u}) {
            p.line(x, ch04::partial_sum(ch04::square_wave_coefficients(K), x), fmt::format("S_{{{}}} f", K), colour[i++])
                .id(fmt::format("S{}", K));
        }
        const wb::Vec f = xt::where(x < 0, -1.0, 1.0);
        p.line(x, f, "sign x", Jump).id("target");
        p.dashed({-0.2, 1.2}, {1 + 2 * limit, 1 + 2 * limit}, "1 + 2(Si(π)/π − ½)", Reference).id("limit");
        p.key(wb::KeyPlace::Best);
        s.save(fig);
    });

    /*md
    ## 4. How fast the error falls: smoothness and periodicity

    By Parseval, $\|f - S_K f\|^2 = \pi\sum_{k>K}(a_k^2 + b_k^2)$, so the $L^2$ error is set by how
    fast the coefficients decay, and that is set by the smoothness of the *periodic extension*.
    Integrating by parts, a jump in the extension makes $|b_k| \propto 1/k$, a kink (a jump in $f'$)
    $|a_k| \propto 1/k^2$, and an extension with every derivative continuous makes the coefficients
    decay faster than any power. Summing the squared tails:

    * square wave $\operatorname{sign}x$ (a jump): $\|f - S_Kf\|^2 = \frac{16}{\pi}\sum_{k>K,\,\text{odd}} k^{-2}
      \approx \frac{8}{\pi K}$, an error $\propto K^{-1/2}$;
    * $|x|$ (continuous, periodic, a kink at $0$ and $\pm\pi$): $\frac{16}{\pi}\sum_{k>K,\,\text{odd}}k^{-4}
      \approx \frac{8}{3\pi K^3}$, an error $\propto K^{-3/2}$;
    * $e^{\cos x}$ (smooth and periodic): $a_k = 2I_k(1) \approx 2/(2^k k!)$, faster even than a
      geometric rate;
    * $x$ itself — as smooth as a function can be on $-\pi \le x < \pi$ — has the periodic extension of
      a sawtooth, which jumps by $2\pi$ at $\pm\pi$: $b_k = 2(-1)^{k+1}/k$ and its error is
      $\propto K^{-1/2}$, like the square wave's. The Fourier series sees the function on the
      circle, not on the interval.

    The errors below come from Parseval with the closed-form coefficients, checked first against a
    direct quadrature of $(f - S_Kf)^2$ at $K = 15$ ($K = 4$ for $e^{\cos x}$; the partial sums of
    exercise 04.2, Simpson's rule on each half period). For $e^{\cos x}$ two checks stand for
    "faster than any power": its local log–log slope more than doubles from $K = 2\to4$ to
    $K = 6\to12$, and the ratio $E(12)/E(11)$ of successive errors equals $I_{13}(1)/I_{12}(1)
    \approx 1/26$ to 1%, a ratio that keeps shrinking like $1/(2K)$: no geometric rate keeps up. The slopes are least-squares fits of $\log\|f - S_K f\|$ against
    $\log K$ over $K = 2^j - 1$, $j = 4,\dots,10$ (odd $K$: the square wave's and $|x|$'s error
    change only there); they are deterministic numbers, compared to the theory with a 3%
    tolerance for the pre-asymptotic terms. The controls are the two plausible confusions: the
    coefficients' decay rate taken for the error's ($K^{-1}$ for the jump, $K^{-2}$ for the kink),
    and "$x$ is smooth, so its error falls fast" (the kink's $K^{-3/2}$).

    ![L² error of the truncated Fourier series against K for the four targets](rates.svg)
    */
    ch.section("rates", "L² error rates: jump K^{-1/2}, kink K^{-3/2}, smooth faster than any power  [exercise 04.2]",
               [](wb::Section& s) {
        struct Target {
            const char* name;
            ch04::Fourier (*coefficients)(std::size_t);
            double norm2;   // ‖f‖² on [−π, π)
            double (*f)(double);
            int colour;
        };
        const double pi3 = wb::Pi * wb::Pi * wb::Pi;
        const Target targets[] = {
            {"sign x", ch04::square_wave_coefficients, 2 * wb::Pi, [](double x) { return std::signbit(x) ? -1.0 : 1.0; }, Jump},
            {"|x|", ch04::abs_coefficients, 2 * pi3 / 3, [](double x) { return std::fabs(x); }, Kink},
            {"x", ch04::sawtooth_coefficients, 2 * pi3 / 3, [](double x) { return x; }, NonPeriodic},
        };
        const Halves q(4000);
        const auto quadrature_error = [&](double (*f)(double), const ch04::Fourier& c) {
            wb::Vec r = ch04::partial_sum(c, q.x);
            for (std::size_t i = 0; i < r.size(); ++i) r(i) = f(q.x(i)) - r(i);
            return std::sqrt(q.integral(r * r));
        };
        for (const auto& t : targets)
            s.exact(fmt::format("{}: ‖f − S_15 f‖ by Parseval = by quadrature", t.name),
                    ch04::parseval_error(t.norm2, t.coefficients(15)), quadrature_error(t.f, t.coefficients(15)), 1e-8);
        s.exact("e^cos x: ‖f − S_4 f‖ by the coefficient tail = by quadrature", ch04::expcos_error(4),
                quadrature_error([](double x) { return std::exp(std::cos(x)); }, ch04::expcos_coefficients(4)), 1e-8);

        std::vector<double> Ks;
        for (int j = 4; j <= 10; ++j) Ks.push_back(std::ldexp(1.0, j) - 1);
        wb::Figure fig("rates", "L² error of the truncated Fourier series S_K f against the degree K");
        auto& p = fig.panel().xlabel("degree K").ylabel("‖f − S_K f‖ in L²(−π, π)").logx().logy();
        const double want[] = {-0.5, -1.5, -0.5};
        const double slip[] = {-1.0, -2.0, -1.5};
        const char* slip_text[] = {"the coefficients' rate K^{-1}", "the coefficients' rate K^{-2}",
                                   "smooth on the interval ⇒ the kink's K^{-3/2}"};
        for (int i = 0; i < 3; ++i) {
            const auto& t = targets[i];
            std::vector<double> err;
            for (double K : Ks) err.push_back(ch04::parseval_error(t.norm2, t.coefficients(static_cast<std::size_t>(K))));
            const wb::LineFit fit = wb::fit_loglog(Ks, err);
            s.note(fmt::format("{}: fitted slope {:.4f} (se of the fit {:.4f})", t.name, fit.slope, fit.se_slope));
            s.exact(fmt::format("{}: slope of log error against log K = {}", t.name, want[i]), fit.slope, want[i], 0.03);
            s.control().exact(fmt::format("{}: slope = {} ({})", t.name, slip[i], slip_text[i]), fit.slope, slip[i], 0.03);
            // All K on the plot: the step pattern of the odd-only series shows.
            std::vector<double> kk, ee;
            for (std::size_t K = 1; K <= 1023; K = K < 16 ? K + 1 : K * 2 - (K % 2 ? 0 : 1)) {
                kk.push_back(static_cast<double>(K));
                ee.push_back(ch04::parseval_error(t.norm2, t.coefficients(K)));
            }
            p.linepoints(kk, ee, fmt::format("{} (slope {:.3f})", t.name, fit.slope), t.colour).id(fmt::format("target{}", i));
        }
        // e^{cos x}: faster than any power. Successive local slopes d log E / d log K steepen without bound.
        std::vector<double> kk, ee;
        for (std::size_t K = 1; K <= 12; ++K) {
            kk.push_back(static_cast<double>(K));
            ee.push_back(ch04::expcos_error(K));
        }
        const double slope_lo = std::log(ee[3] / ee[1]) / std::log(4.0 / 2.0);   // K = 2 → 4
        const double slope_hi = std::log(ee[11] / ee[5]) / std::log(12.0 / 6.0);  // K = 6 → 12
        s.note(fmt::format("e^cos x: local slopes {:.2f} (K = 2→4) and {:.2f} (K = 6→12)", slope_lo, slope_hi));
        s.holds("e^cos x: local log–log slope steepens, K = 6→12 below 2× the slope at K = 2→4", slope_hi < 2 * slope_lo,
                slope_hi, 2 * slope_lo);
        // Faster than geometric: the ratio E(K+1)/E(K) → 0 like 1/(2(K+2)).
        s.exact("e^cos x: E(12)/E(11) = a_13/a_12 ≈ I_13(1)/I_12(1) (the tail's first term)", ee[11] / ee[10],
                std::cyl_bessel_i(13.0, 1.0) / std::cyl_bessel_i(12.0, 1.0), 0.01);
        p.linepoints(kk, ee, "e^{cos x} (faster than any power)", Smooth).id("expcos");
        p.yrange(1e-16, 10).key(wb::KeyPlace::Best);
        s.save(fig);
    });

    /*md
    ## 5. ReLU networks: kinks for free, and depth for accuracy

    Week 6 asked whether ReLU's kink at $0$ limits a network near a sharp point. It is the
    opposite: a kink is what a ReLU *is*. The absolute value is a network of two units,

    $$|x| = \operatorname{relu}(x) + \operatorname{relu}(-x),$$

    exactly, whereas the Fourier series of $|x|$ converges only like $K^{-3/2}$ (§4). Every
    one-hidden-layer ReLU network of one input is a continuous piecewise-linear function, one
    breakpoint per unit, and conversely. Is a smooth activation worse? The figure fits the target
    $|x - 0.3|$ on $[-1, 1]$ with $N$ hidden units whose breakpoints (ReLU) or centres (tanh) sit on
    the grid $t_i = -1 + 2i/N$, which never contains the kink at $0.3$, plus a constant unit; the
    output layer is fitted by least squares on 401 points (exercise 04.4). Three networks: ReLU
    units $\operatorname{relu}((x - t_i)N/2)$; tanh units $\tanh((x - t_i)N/2)$, whose slope grows with
    $N$; and tanh units $\tanh(2(x - t_i))$ of bounded slope. The numbers answer week 6's question
    more carefully than "ReLU is better": the ReLU network and the tanh network with slopes
    $\propto N$ both cut their error by more than $8\times$ from $N = 16$ to $128$ (the tanh
    network is even slightly ahead at some widths), while the tanh network of bounded slope
    stalls — its error at $N = 128$ is more than half of that at $N = 32$, and more than four times
    the ReLU network's. A smooth unit can make a corner only by becoming steep, i.e. with large weights;
    the ReLU's corner costs nothing, and with a breakpoint placed at the kink two units are exact.

    ![ReLU and tanh networks fitting |x − 0.3|: L² error against width](relu_tanh.svg)

    Depth does more. The tent map $g(x) = 2\operatorname{relu}(x) - 4\operatorname{relu}(x-\frac12)
    + 2\operatorname{relu}(x-1)$ — three ReLUs — maps $[0,1]$ onto itself, and its $s$-fold composition
    $g_s$ is a sawtooth with $2^{s-1}$ teeth. Yarotsky (2017) observed that

    $$f_m(x) = x - \sum_{s=1}^{m}\frac{g_s(x)}{4^s}$$

    is the piecewise-linear interpolant of $x^2$ at the nodes $k/2^m$: on $[0,1]$, $x - f_1(x)$ is
    the difference between the chord $x$ and the interpolant at $0, \frac12, 1$, and each further term
    halves the cells, on each of which the difference between two successive interpolants of
    $x^2$ is a tent of height $h^2/4$. On a cell of width $h = 2^{-m}$ the interpolation error
    $f_m(x) - x^2 = (x - x_k)(x_{k+1} - x)$ peaks at the midpoint, so

    $$\max_{[0,1]}|f_m(x) - x^2| = \frac{h^2}{4} = 2^{-2m-2}.$$

    As a network, $f_m$ has $m$ hidden layers of four units: three for the tent of the previous
    layer's sawtooth and one that carries the running sum $y_{s} = x - \sum_{r\le s} g_r/4^r \ge x^2 \ge 0$
    (a ReLU passes a non-negative number unchanged). So $4m$ units give the error $4^{-m}/4$: the
    error falls *exponentially* in the number of units. One hidden layer needs a unit per
    breakpoint: the same interpolant takes $2^m$ units, $\operatorname{relu}$ at each node with
    weight $h$ on the first and $2h$ on the others. The checks: the exercise's $f_m$ (04.3) against
    the interpolant at the dyadic nodes computed directly, the error $2^{-2m-2}$ for $m = 1, \dots, 8$
    on a grid containing every midpoint, and the layered network (matrices, model.cpp) and the
    shallow one against $f_m$. The control is the textbook bound $\frac{h^2}{8}\max|f''|$ read with
    $\max|f''| = 1$ instead of $2$, i.e. $2^{-2m-3}$.

    ![Yarotsky's approximation of x²: error against depth and against units, deep and shallow](yarotsky.svg)
    */
    ch.section("relu_depth", "|x| = relu(x) + relu(−x); Yarotsky's x² with error 2^{−2m−2}  [exercises 04.3, 04.4]",
               [](wb::Section& s) {
        const auto relu = [](double v) { return std::max(v, 0.0); };
        double worst_abs = 0.0;
        for (double x : wb::linspace(-3.0, 3.0, 601)) worst_abs = std::max(worst_abs, std::fabs(relu(x) + relu(-x) - std::fabs(x)));
        s.exact("max |relu(x) + relu(−x) − |x|| on [−3, 3] = 0", worst_abs, 0.0, 0.0, 0.0);
        double worst_tent = 0.0;
        for (double x : wb::linspace(-0.5, 1.5, 401))
            worst_tent = std::max(worst_tent, std::fabs(ch04::tent(x) - (x < 0 || x > 1 ? 0.0 : std::min(2 * x, 2 - 2 * x))));
        s.exact("tent from three ReLUs = min(2x, 2 − 2x) on [0, 1], 0 outside", worst_tent, 0.0, 0.0, 1e-15);

        // ReLU against tanh on |x − 0.3|: N units with evenly spread breakpoints (tanh: centres,
        // width the spacing), a constant unit, and the output layer by least squares on a grid.
        {
            const wb::Vec xg = wb::to_vec(wb::linspace(-1.0, 1.0, 401));
            const wb::Vec target = xt::abs(xg - 0.3);
            std::vector<double> widths, e_relu, e_tanh, e_tanh_fixed;
            for (std::size_t N : {4u, 8u, 16u, 32u, 64u, 128u}) {
                wb::Vec w = xt::empty<double>({N + 1}), c = xt::empty<double>({N + 1});
                const double spacing = 2.0 / static_cast<double>(N);
                for (std::size_t i = 0; i < N; ++i) {
                    const double t = -1 + spacing * static_cast<double>(i);  // t₀ = −1: a linear unit; never 0.3
                    w(i) = 1 / spacing;  // relu((x − t)/spacing): the scale only rescales the weight
                    c(i) = -t / spacing;
                }
                w(N) = 0.0;  // the constant unit: relu(1) = 1, tanh(1) is a constant too
                c(N) = 1.0;
                const auto rms = [&](const wb::Mat& Phi) {
                    const auto fit = xt::linalg::dot(Phi, ch04::min_norm_lstsq(Phi, target));  // auto: no xarray → xtensor copy
                    return std::sqrt(xt::mean(xt::square(fit - target))());
                };
                widths.push_back(static_cast<double>(N));
                e_relu.push_back(rms(ch04::relu_features(xg, w, c)));
                e_tanh.push_back(rms(ch04::tanh_features(xg, w, c)));
                // tanh with bounded weights: slope 2 for every unit, whatever N (the network stays analytic
                // on a fixed scale). Same centres.
                e_tanh_fixed.push_back(rms(ch04::tanh_features(xg, xt::where(w > 0, 2.0, 0.0), xt::where(w > 0, c * spacing * 2.0, 1.0))));
            }
            for (std::size_t i = 0; i < widths.size(); ++i) s.note(fmt::format("|x − 0.3|, N = {}: RMS error ReLU {:.3g}, tanh {:.3g}, tanh (slope 2) {:.3g}", widths[i], e_relu[i], e_tanh[i], e_tanh_fixed[i]));
            // Deterministic fits: the comparisons are predicates on computed numbers.
            s.holds("tanh with bounded slope stalls: RMS error at N = 128 ≥ ½ of that at N = 32", e_tanh_fixed[5] >= 0.5 * e_tanh_fixed[3],
                    e_tanh_fixed[5], 0.5 * e_tanh_fixed[3]);
            s.holds("ReLU at N = 128 below ¼ of bounded-slope tanh at N = 128", e_relu[5] < 0.25 * e_tanh_fixed[5], e_relu[5],
                    0.25 * e_tanh_fixed[5]);
            s.holds("ReLU's error falls at least 8× from N = 16 to 128", e_relu[5] < e_relu[2] / 8, e_relu[5], e_relu[2] / 8);
            s.holds("tanh with slope ∝ N: error falls at least 8× from N = 16 to 128", e_tanh[5] < e_tanh[2] / 8, e_tanh[5], e_tanh[2] / 8);
            wb::Figure fig("relu_tanh", "One hidden layer of N units fitting |x − 0.3| on [−1, 1] (least-squares output layer)");
            fig.panel().xlabel("hidden units N").ylabel("RMS error on [−1, 1]").logx().logy()
                .linepoints(widths, e_relu, "ReLU units", Kink).id("relu")
                .linepoints(widths, e_tanh, "tanh units, slope N/2", Smooth).id("tanh")
                .linepoints(widths, e_tanh_fixed, "tanh units, slope 2", NonPeriodic).id("tanh_bounded")
                .key(wb::KeyPlace::Best);
            s.save(fig);
        }

        std::vector<double> depth, err, units_deep, units_shallow;
        for (int m = 1; m <= 8; ++m) {
            const std::size_t cells = std::size_t{1} << m, sub = 8;  // 8 grid steps per cell: midpoints included
            const double h = 1.0 / static_cast<double>(cells);
            const auto deep = ch04::yarotsky_network(m);
            const auto shallow = ch04::shallow_square_network(m);
            double e_max = 0.0, d_interp = 0.0, d_deep = 0.0, d_shallow = 0.0;
            for (std::size_t i = 0; i <= cells * sub; ++i) {
                const double x = static_cast<double>(i) / static_cast<double>(cells * sub);
                const double fm = ch04::yarotsky_square(x, m);
                const std::size_t k = std::min(i / sub, cells - 1);  // cell [x_k, x_{k+1}]
                const double xk = static_cast<double>(k) * h, xk1 = xk + h;
                const double interp = xk * xk + (x - xk) * (xk1 * xk1 - xk * xk) / h;
                d_interp = std::max(d_interp, std::fabs(fm - interp));
                d_deep = std::max(d_deep, std::fabs(deep(x) - fm));
                d_shallow = std::max(d_shallow, std::fabs(shallow(x) - fm));
                e_max = std::max(e_max, fm - x * x);
            }
            s.exact(fmt::format("m = {}: f_m = interpolant of x² at k/2^m", m), d_interp, 0.0, 0.0, 1e-14);
            s.exact(fmt::format("m = {}: max |f_m − x²| = 2^(−2m−2)", m), e_max, std::ldexp(1.0, -2 * m - 2), 1e-12);
            if (m == 8) s.control().exact("m = 8: max |f_m − x²| = h²/8 = 2^(−2m−3)", e_max, std::ldexp(1.0, -2 * m - 3), 1e-6);
            s.exact(fmt::format("m = {}: layered ReLU network ({} units) = f_m", m, deep.units()), d_deep, 0.0, 0.0, 1e-14);
            s.exact(fmt::format("m = {}: one hidden layer ({} units) = f_m", m, shallow.units()), d_shallow, 0.0, 0.0, 1e-13);
            depth.push_back(m);
            err.push_back(e_max);
            units_deep.push_back(static_cast<double>(deep.units()));
            units_shallow.push_back(static_cast<double>(shallow.units()));
        }
        s.exact("units of the depth-8 network = 4·8", units_deep.back(), 32.0, 0.0);

        wb::Figure fig("yarotsky", "Yarotsky's ReLU approximation f_m of x² on [0, 1]", 1, 2);
        fig.size(900, 380);
        fig.panel(0).title("error against depth m").xlabel("depth m (hidden layers)").ylabel("max |f_m(x) − x²|").logy()
            .points(depth, err, "measured", Kink).id("measured")
            .line(depth, [&] { std::vector<double> v; for (double m : depth) v.push_back(std::ldexp(1.0, -2 * static_cast<int>(m) - 2)); return v; }(),
                  "2^{−2m−2}", Reference).id("bound")
            .key(wb::KeyPlace::Best);
        fig.panel(1).title("error against hidden units").xlabel("hidden ReLU units").ylabel("max |f(x) − x²|").logx().logy()
            .linepoints(units_deep, err, "deep: m layers of 4", Smooth).id("deep")
            .linepoints(units_shallow, err, "one hidden layer: 2^m", Jump).id("shallow")
            .key(wb::KeyPlace::Best);
        s.save(fig);
    });

    /*md
    ## 6. Is a bigger network better? Random features, interpolation and the second descent

    Assignment 03 asked whether more neurons always mean better accuracy. Approximation theory
    (§4–§5) says a bigger network *can* represent more; whether it *learns* better from a small
    noisy sample is another question. Take $n = 20$ points $x_i \sim \mathcal N(0, I_5)$ in
    $\mathbb R^5$ with $y_i = f(x_i) + 0.3\,\varepsilon_i$, $f(x) = x_1 + \tanh 2x_2$, and a network
    of width $N$ whose first layer is random and fixed, $\phi_j(x) = \operatorname{relu}(w_j^\top x)$,
    $w_j \sim \mathcal N(0, I_5/5)$ — *random features* — so that only the output layer $\beta$ is
    learned, exactly, by least squares: $\hat\beta = \Phi^+ y$ with $\Phi_{ij} = \phi_j(x_i)$ and
    $\Phi^+$ the pseudo-inverse (exercise 04.4). For $N < n$ this is ordinary least squares; at
    $N = n$ the square system interpolates the data, noise included, through a matrix whose
    smallest singular value is close to $0$; for $N > n$ it is the interpolant of least norm
    $\|\beta\|$, and the more features, the smoother that interpolant can be. The test error
    $\mathbb E_x(\hat f(x) - f(x))^2$ (on 200 fresh points) against $N$ therefore first falls
    (less bias), then rises to a peak at the *interpolation threshold* $N = n$ (the noise is
    amplified by $1/\sigma_{\min}^2$), then falls again: *double descent* (Belkin et al. 2019).
    Ridge regression, $\hat\beta = \arg\min \|y - \Phi\beta\|^2 + \lambda\|\beta\|^2$ with $\lambda = 1$,
    bounds the amplification and removes the peak; 5-fold cross-validation of the min-norm fit
    over the widths $1, 2, 5, 10, 20, 40, 100, 400$ picks a width from the data alone.

    The test error near $N = n$ is heavy-tailed across data sets: its mean is dominated by the
    rare draws whose $\sigma_{\min}$ is nearly $0$, so a sample mean of it has no trustworthy
    standard error; nor has the mean of the ratio of two errors, whose right tail comes from the
    draws where the denominator is small. The claims therefore compare widths *within* a data
    set (the features of width $N$ are the first $N$ of width $400$, so the models are nested) by
    the *share* of one test error in the sum of the two,
    $u = \mathrm{err}(a)/(\mathrm{err}(a) + \mathrm{err}(b)) \in (0, 1)$, averaged over $R$
    independent data sets. A bounded average has an honest standard error, and the comparison has a
    natural null: if neither width were better, $a$ and $b$ would be exchangeable and
    $\mathbb E u = \tfrac12$. The peak, for example, is the claim
    $\mathbb E[\mathrm{err}(n/2)/(\mathrm{err}(n/2) + \mathrm{err}(n))] < \tfrac12$. Each is a one-sided test, $z \ge c$,
    with the Student-$t$ critical value for $R$ replications ($R = 300$; 120 in the quick run).
    The control is the answer "yes, bigger is always better", the same share above $\tfrac12$,
    which the data must reject. The figure shows geometric means (bands: $\pm 2$ standard errors of the
    mean log error) and how often cross-validation picks each width.

    ![Test error against width: min-norm least squares, ridge, and the widths cross-validation picks](double_descent.svg)
    */
    ch.section("double_descent", "Test error against width: the interpolation peak and the second descent  [exercise 04.4]",
               [](wb::Section& s) {
        constexpr std::size_t n = 20, d = 5, n_test = 200, folds = 5;
        constexpr double noise = 0.3, lambda = 1.0;
        // The widths of the claims and of cross-validation (CV picks among these), then more for the figure.
        std::vector<std::size_t> widths{1, 2, 5, 10, 20, 40, 100, 400};
        const std::size_t W_cv = widths.size();
        if (!s.quick()) widths.insert(widths.end(), {3, 15, 18, 22, 25, 30, 60, 200});
        const std::size_t N_max = 400, W = widths.size();
        const std::size_t R = s.size(120, 300);  // data sets
        const auto f = [](const wb::Mat& X) -> wb::Vec {  // X (m, d) → (m,)
            return xt::col(X, 0) + xt::tanh(2.0 * xt::col(X, 1));
        };
        const auto normal_mat = [&](std::size_t r, std::size_t c, double sd) {
            wb::Mat a = xt::empty<double>({r, c});
            for (auto& v : a) v = sd * s.rng().normal();
            return a;
        };
        const auto first_columns = [](const wb::Mat& A, std::size_t N) -> wb::Mat {
            return xt::view(A, xt::all(), xt::range(0, N));
        };

        wb::Mat log_err = xt::empty<double>({R, W}), log_err_ridge = xt::empty<double>({R, W});
        std::vector<double> log_err_cv(R), pick(R);
        for (std::size_t r = 0; r < R; ++r) {
            const wb::Mat X = normal_mat(n, d, 1.0), Xt = normal_mat(n_test, d, 1.0);
            const wb::Mat Wf = normal_mat(d, N_max, 1.0 / std::sqrt(static_cast<double>(d)));
            wb::Vec y = f(X);
            for (auto& v : y) v += noise * s.rng().normal();
            const wb::Vec ft = f(Xt);
            const wb::Mat P = xt::maximum(xt::linalg::dot(X, Wf), 0.0);    // (n, N_max)
            const wb::Mat Pt = xt::maximum(xt::linalg::dot(Xt, Wf), 0.0);  // (n_test, N_max)
            const auto test_log_err = [&](std::size_t N, const wb::Vec& beta) {
                const auto pred = xt::linalg::dot(first_columns(Pt, N), beta);  // auto: see above
                return std::log(xt::mean(xt::square(pred - ft))());
            };
            for (std::size_t i = 0; i < W; ++i) {
                const wb::Mat PN = first_columns(P, widths[i]);
                log_err(r, i) = test_log_err(widths[i], ch04::min_norm_lstsq(PN, y));
                log_err_ridge(r, i) = test_log_err(widths[i], ch04::ridge(PN, y, lambda));
            }
            // 5-fold cross-validation of the min-norm fit: rows ≡ k (mod 5) held out.
            std::vector<double> cv(W_cv, 0.0);
            for (std::size_t k = 0; k < folds; ++k) {
                const std::size_t m_out = n / folds, m_in = n - m_out;
                wb::Mat A = xt::empty<double>({m_in, N_max}), B = xt::empty<double>({m_out, N_max});
                wb::Vec ya = xt::empty<double>({m_in}), yb = xt::empty<double>({m_out});
                for (std::size_t row = 0, ia = 0, ib = 0; row < n; ++row) {
                    const bool out = row % folds == k;
                    wb::Mat& dst = out ? B : A;
                    const std::size_t at_row = out ? ib++ : ia++;
                    for (std::size_t j = 0; j < N_max; ++j) dst(at_row, j) = P(row, j);
                    (out ? yb(at_row) : ya(at_row)) = y(row);
                }
                for (std::size_t i = 0; i < W_cv; ++i) {
                    const wb::Vec beta = ch04::min_norm_lstsq(first_columns(A, widths[i]), ya);
                    cv[i] += xt::sum(xt::square(xt::linalg::dot(first_columns(B, widths[i]), beta) - yb))();
                }
            }
            const std::size_t best = static_cast<std::size_t>(std::min_element(cv.begin(), cv.end()) - cv.begin());
            log_err_cv[r] = log_err(r, best);
            pick[r] = static_cast<double>(widths[best]);
        }
        const auto at = [&](std::size_t N) {
            return static_cast<std::size_t>(std::find(widths.begin(), widths.end(), N) - widths.begin());
        };
        const auto column = [&](const wb::Mat& L, std::size_t N) -> wb::Vec { return xt::col(L, at(N)); };
        const wb::Vec cv_err = wb::to_vec(log_err_cv);
        // Paired shares err_a / (err_a + err_b), one per data set: bounded in (0, 1), so their mean
        // has a trustworthy se where the errors and their ratios (heavy right tails) do not.
        const auto share = [](const wb::Vec& log_a, const wb::Vec& log_b) {
            return wb::mean_se(1.0 / (1.0 + xt::exp(log_b - log_a)));
        };
        const wb::Vec at_n = column(log_err, n);
        const wb::Estimate rise = share(column(log_err, n / 2), at_n);
        const wb::Estimate second = share(column(log_err, N_max), at_n);
        const wb::Estimate ridged = share(column(log_err_ridge, n), at_n);
        const wb::Estimate cv_vs_peak = share(cv_err, at_n);
        s.less("the peak: E[err(N = n/2) / (err(N = n/2) + err(N = n))] < ½", rise, 0.5);
        s.less("second descent: E[err(N = 20n) / (err(N = 20n) + err(N = n))] < ½", second, 0.5);
        s.less("ridge (λ = 1) removes the peak: E[err_ridge(n) / (err_ridge(n) + err(n))] < ½", ridged, 0.5);
        s.less("5-fold CV avoids it: E[err(N_cv) / (err(N_cv) + err(N = n))] < ½", cv_vs_peak, 0.5);
        s.control().greater("bigger is always better: E[err(N = n/2) / (err(N = n/2) + err(N = n))] > ½", rise, 0.5);
        s.note(fmt::format("geometric-mean test error: N = 1 {:.3f}, 5 {:.3f}, n/2 {:.3f}, n {:.3f}, 20n {:.3f}; CV {:.3f}",
                           std::exp(xt::mean(column(log_err, 1))()), std::exp(xt::mean(column(log_err, 5))()),
                           std::exp(xt::mean(column(log_err, n / 2))()), std::exp(xt::mean(column(log_err, n))()),
                           std::exp(xt::mean(column(log_err, N_max))()), std::exp(xt::mean(cv_err)())));

        // Figure: geometric means with ±2 se bands (on the log scale), and how often CV picks each width.
        std::vector<double> Ns, gm, gm_lo, gm_hi, gr, gr_lo, gr_hi;
        std::vector<std::size_t> order(W);
        for (std::size_t i = 0; i < W; ++i) order[i] = i;
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return widths[a] < widths[b]; });
        for (std::size_t i : order) {
            Ns.push_back(static_cast<double>(widths[i]));
            const wb::Estimate a = wb::mean_se(xt::col(log_err, i)), b = wb::mean_se(xt::col(log_err_ridge, i));
            gm.push_back(std::exp(a.value));
            gm_lo.push_back(std::exp(a.value - 2 * a.se));
            gm_hi.push_back(std::exp(a.value + 2 * a.se));
            gr.push_back(std::exp(b.value));
            gr_lo.push_back(std::exp(b.value - 2 * b.se));
            gr_hi.push_back(std::exp(b.value + 2 * b.se));
        }
        std::vector<double> cv_widths, cv_freq;
        for (std::size_t i = 0; i < W_cv; ++i) {
            cv_widths.push_back(static_cast<double>(widths[i]));
            cv_freq.push_back(static_cast<double>(std::count(pick.begin(), pick.end(), cv_widths.back())) / static_cast<double>(R));
        }
        wb::Figure fig("double_descent", "Random ReLU features, n = 20 noisy points: test error against width N", 2, 1);
        fig.size(760, 640);
        fig.panel(0).title("geometric mean of the test error over data sets (bands: ±2 se)")
            .xlabel("width N (random ReLU features)").ylabel("test error E(f̂ − f)²").logx().logy()
            .band(Ns, gm_lo, gm_hi, "", Jump).id("min_norm_band")
            .linepoints(Ns, gm, "min-norm least squares", Jump).id("min_norm")
            .band(Ns, gr_lo, gr_hi, "", Smooth).id("ridge_band")
            .linepoints(Ns, gr, "ridge, λ = 1", Smooth).id("ridge")
            .dashed({20.0, 20.0}, {0.05, 500.0}, "N = n (interpolation threshold)", Reference).id("threshold")
            .key(wb::KeyPlace::Best);
        fig.panel(1).title("widths chosen by 5-fold cross-validation").xlabel("width N").ylabel("fraction of data sets").logx()
            .linepoints(cv_widths, cv_freq, "CV's choice", Kink).id("cv_pick")
            .key(wb::KeyPlace::Best);
        s.save(fig);
    });

    /*md
    ## Summary

    * $S_Kf$ is the orthogonal projection of $f$ onto the trigonometric polynomials of degree
      $K$, hence the best $L^2$ approximation there for any square-integrable $f$ (§1); as a
      network it has one hidden layer of $2K$ fixed $\cos$/$\sin$ units and a least-squares output
      layer (§2).
    * At a jump the partial sums overshoot by $\frac1\pi\operatorname{Si}(\pi) - \frac12 \approx 0.0895$
      of the jump for every $K$ (§3); the $L^2$ error falls like $K^{-1/2}$ for a jump, $K^{-3/2}$
      for a kink and faster than any power for $e^{\cos x}$, and like $K^{-1/2}$ for $x$, which is
      smooth on the interval but jumps on the circle (§4).
    * A ReLU network represents a kink exactly; a tanh network needs steep units to follow it.
      Yarotsky's deep network reaches error $2^{-2m-2}$ with $4m$ units where one hidden layer
      needs $2^m$ (§5).
    * A bigger random-feature network is not always better: the test error peaks at the
      interpolation threshold $N = n$ and falls again past it; ridge removes the peak, and the
      width cross-validation picks typically has a small fraction of the peak's test error: its
      share of the two errors averages about $0.1$ (§6).

    ## References

    * M. Belkin, D. Hsu, S. Ma, S. Mandal (2019). Reconciling modern machine-learning practice
      and the classical bias–variance trade-off. *Proceedings of the National Academy of
      Sciences* 116(32), 15849–15854. (Double descent, §6.)
    * A. Rahimi, B. Recht (2007). Random features for large-scale kernel machines. *Advances in
      Neural Information Processing Systems* 20. (Random features, §6.)
    * D. Yarotsky (2017). Error bounds for approximations with deep ReLU networks. *Neural
      Networks* 94, 103–114. (The tent-map construction of $x^2$ and its error, §5.)
    * A. Zygmund (2002). *Trigonometric Series*, 3rd ed. Cambridge University Press. (Fourier
      coefficients' decay and the Gibbs phenomenon, §3–§4.)
    */
    return ch.run(argc, argv);
}
