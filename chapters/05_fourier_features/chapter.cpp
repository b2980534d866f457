/*md
# Chapter 05: Fourier features and learnable periods

A network that sees time $x$ through the two features $(\cos x, \sin x)$ can only represent
a cycle of period $2\pi$. The course's week 6 asks two questions about this (Q2): is the
period *learnable* if we write the features as $(\cos\omega x, \sin\omega x)$ and treat the
angular frequency $\omega$ as a parameter, and how should the features be extended when the
period is unknown or there are several (a daily and a weekly cycle)? This chapter answers both
on models small enough that every quantity can be computed exactly.

The answers, in brief: $\omega$ is learnable by gradient descent — its gradient is an
ordinary chain rule (§3) — but the loss as a function of $\omega$ has a local minimum about
every $2\pi/X$ for data spanning a length $X$ (§2), so gradient descent finds the period only
from a start in the right basin, and the periodogram is how to find that basin. Several periods
are captured by a *bank* of frequencies fitted by ridge regression (§4), and random Fourier
features (Tancik et al., 2020) let a linear model fit a target of higher frequency than raw
inputs can, provided their scale matches the target (§5).
*/
#include <algorithm>
#include <array>
#include <cmath>
#include <complex>
#include <vector>

#include <fmt/format.h>
#include <xtensor-blas/xlinalg.hpp>
#include <xtensor/xview.hpp>

#include "fourier_features.hpp"
#include "model.hpp"
#include "wb/chapter.hpp"
#include "wb/constants.hpp"
#include "wb/numerics.hpp"
#include "wb/stats.hpp"

namespace {

// One colour per kind of curve, the same in every figure (indices into the Okabe–Ito palette).
constexpr int Exact = 0;     // exact curves: the profile loss, the true signal
constexpr int Descent = 1;   // gradient-descent runs
constexpr int Fit = 2;       // fitted models
constexpr int Spectrum = 3;  // the periodogram
constexpr int Raw = 4;       // the raw-input baseline
constexpr int Data = 7;      // observations

// §2–§3: four days of an hourly signal with a daily period, without noise.
constexpr std::size_t LandscapeHours = 96;
const double Omega0 = 2 * wb::Pi / 24.0;  // rad/h
constexpr double A0 = 1.0, B0 = 0.5;      // y = A0 cos ω0 x + B0 sin ω0 x

struct Signal {
    wb::Vec x, y;
};
Signal daily_signal() {
    Signal d{xt::empty<double>({LandscapeHours}), xt::empty<double>({LandscapeHours})};
    for (std::size_t i = 0; i < LandscapeHours; ++i) {
        d.x(i) = static_cast<double>(i);
        d.y(i) = A0 * std::cos(Omega0 * d.x(i)) + B0 * std::sin(Omega0 * d.x(i));
    }
    return d;
}

// The profile loss L(ω) and its derivative by the envelope theorem (§3), with the
// student's ∂ℓ/∂ω (05.2) at the best (a, b) of ω.
double profile_slope(const Signal& d, double omega) {
    const ch05::ProfileFit f = ch05::profile_fit(d.x, d.y, omega);
    return ch05::loss_domega(d.x, d.y, f.a, f.b, omega);
}

// The bank of §4: harmonics k·2π/P of a base period P, k = 1..K (rad/h).
wb::Vec harmonics(double period, std::size_t K) {
    wb::Vec w = xt::empty<double>({K});
    for (std::size_t k = 0; k < K; ++k) w(k) = 2 * wb::Pi * static_cast<double>(k + 1) / period;
    return w;
}

}  // namespace

int main(int argc, char** argv) {
    wb::Chapter ch;  // number and title from the heading above (see CMakeLists.txt)

    /*md
    ## 1. Features with a frequency

    Let $x$ be time (in hours) and $\omega > 0$ an angular frequency (radians per hour; the
    period is $T = 2\pi/\omega$). The feature map of one frequency is
    $\varphi_\omega(x) = (\cos\omega x, \sin\omega x)$, and a bank of $K$ frequencies
    $\omega_1, \dots, \omega_K$ stacks them into $2K$ features,

    $$\Phi(x) = \left(\cos\omega_1 x,\ \sin\omega_1 x,\ \dots,\ \cos\omega_K x,\ \sin\omega_K x\right).$$

    Both members of each pair are needed. A linear readout of one pair is
    $a\cos\omega x + b\sin\omega x = R\cos(\omega x - \phi)$ with $R = \sqrt{a^2+b^2}$ and
    $\phi = \operatorname{atan2}(b, a)$ (expand $\cos(\omega x - \phi)$), so the pair represents
    a cycle of frequency $\omega$ with *any* amplitude and phase, while the cosine alone can only
    represent cycles that peak at $x = 0$. We check the feature map against the real and
    imaginary parts of $e^{i\omega x}$ (computed by the standard library's complex exponential), and
    the amplitude–phase identity on a grid. The control is the slip of keeping only the cosine:
    its best fit to $R\cos(\omega x - \phi)$ leaves a residual, which the exact check rejects.
    */
    ch.section("features", "The feature map (cos ωx, sin ωx)  [exercise 05.1]", [](wb::Section& s) {
        wb::Vec x = xt::empty<double>({50}), omega = xt::empty<double>({3});
        for (auto& v : x) v = s.rng().uniform(-30.0, 200.0);
        for (auto& w : omega) w = s.rng().uniform(0.01, 2.0);
        const wb::Mat phi = ch05::fourier_features(x, omega);
        s.holds("Φ has shape (n, 2K)", phi.shape(0) == x.size() && phi.shape(1) == 2 * omega.size(),
                static_cast<double>(phi.shape(1)), static_cast<double>(2 * omega.size()));
        double dev = 0;
        for (std::size_t i = 0; i < x.size(); ++i)
            for (std::size_t k = 0; k < omega.size(); ++k) {
                const std::complex<double> e = std::exp(std::complex<double>(0.0, omega(k) * x(i)));
                dev = std::max({dev, std::abs(phi(i, 2 * k) - e.real()), std::abs(phi(i, 2 * k + 1) - e.imag())});
            }
        s.exact("max |Φ(x) − (Re e^{iω_k x}, Im e^{iω_k x})_k| = 0", dev, 0.0, 0.0, 1e-12);

        // a cos ωx + b sin ωx = R cos(ωx − φ) on a grid, with the features of one frequency.
        const double a = s.rng().normal(), b = s.rng().normal(), w = omega(0);
        const double R = std::hypot(a, b), ph = std::atan2(b, a);
        const wb::Vec grid = wb::to_vec(wb::linspace(0.0, 48.0, 97));
        const wb::Mat f = ch05::fourier_features(grid, wb::Vec{w});
        double num = 0, cos_only = 0, cc = 0, cy = 0;
        for (std::size_t i = 0; i < grid.size(); ++i) {
            const double target = R * std::cos(w * grid(i) - ph);
            num = std::max(num, std::abs(a * f(i, 0) + b * f(i, 1) - target));
            cc += f(i, 0) * f(i, 0), cy += f(i, 0) * target;
        }
        s.exact("max |a cos ωx + b sin ωx − R cos(ωx − φ)| = 0, R = √(a²+b²), φ = atan2(b, a)", num, 0.0, 0.0, 1e-12);
        // Control: the cosine feature alone, fitted by least squares (coefficient cy/cc).
        for (std::size_t i = 0; i < grid.size(); ++i)
            cos_only = std::max(cos_only, std::abs(cy / cc * f(i, 0) - R * std::cos(w * grid(i) - ph)));
        s.control().exact("max |best cosine-only fit − R cos(ωx − φ)| = 0", cos_only, 0.0, 0.0, 1e-9);
    });

    /*md
    ## 2. The profile loss: learnable, but many basins

    Fit $\hat y = a\cos\omega x + b\sin\omega x$ by the mean squared loss
    $\ell(a, b, \omega) = \frac1n\sum_i (y_i - a\cos\omega x_i - b\sin\omega x_i)^2$. For fixed
    $\omega$ the model is linear in $(a, b)$, so the best $(a, b)$ solves a $2\times2$ system of
    normal equations, and the **profile loss**

    $$L(\omega) = \min_{a, b}\ \ell(a, b, \omega) = \tfrac1n\left(\|y\|^2 - \|P_\omega y\|^2\right)$$

    ($P_\omega$ the projection onto the span of the two features) can be computed exactly on a
    dense grid of $\omega$. The data are four days of an hourly series with a daily period,
    $y_i = \cos\omega_0 x_i + \tfrac12\sin\omega_0 x_i$ for $x_i = 0, 1, \dots, 95$ h and
    $\omega_0 = 2\pi/24$ rad/h, without noise: the shape of $L$ is set by the sampling, not
    by the noise.

    Why is $L$ multimodal? Away from $\omega_0$ the projection $\|P_\omega y\|^2$ is about
    $\frac2n|\sum_i y_i e^{-i\omega x_i}|^2$, and the sum is a Dirichlet kernel in
    $\omega - \omega_0$ whose side lobes are spaced $2\pi/X$ apart, for data spanning
    $X = n$ hours: every side lobe is a dip of $L$. On an interval of frequencies of length
    $\Delta\omega$ we therefore expect about $\Delta\omega\,X/(2\pi)$ local minima. We find
    them on the grid and check that the median gap between consecutive minima is $2\pi/X$; the
    control is the plausible slip of a spacing $\pi/X$ (the kernel's half-width), which would put
    twice as many minima in the same interval. On $[0.02, 1.2]$ rad/h the grid shows 16 minima
    against $\Delta\omega\,X/(2\pi) = 18$: the gaps are wider at the main lobe around $\omega_0$
    ($4\pi/X$ wide, with a single minimum) and near $\omega = 0$.

    Gradient descent on $\omega$, $\omega \leftarrow \omega - \eta L'(\omega)$, with the
    derivative $L'$ of §3 and a step $\eta = 1/(2\,\overline{y^2}\ \overline{x^2})$ (about the inverse
    curvature of $\ell$ in $\omega$ at the global minimum, where $\overline{\,\cdot\,}$ averages over the data),
    lands in the minimum of whichever basin it starts in. We start it at several frequencies and
    check that the runs end in different local minima, and that the global minimum is reached from
    the start that the **periodogram** $I(\omega) = \frac1n|\sum_i y_i e^{-i\omega x_i}|^2$ proposes,
    its highest peak. The control is the hope that a start one basin away still reaches
    $\omega_0$.

    ![The profile loss L(ω) with gradient-descent runs from several starts](profile_landscape.svg)
    */
    ch.section("landscape", "The profile loss L(ω) and gradient descent  [exercise 05.2]", [](wb::Section& s) {
        const Signal d = daily_signal();
        const double X = static_cast<double>(LandscapeHours);

        // L(ω) on a dense grid: the closed-form 2×2 solve against a library least-squares solve.
        const double w_lo = 0.02, w_hi = 1.2;
        const wb::Vec grid = wb::to_vec(wb::linspace(w_lo, w_hi, s.size(3000, 6000)));
        wb::Vec L = xt::empty<double>({grid.size()}), I = xt::empty<double>({grid.size()});
        for (std::size_t j = 0; j < grid.size(); ++j) {
            L(j) = ch05::profile_fit(d.x, d.y, grid(j)).loss;
            I(j) = ch05::periodogram(d.x, d.y, grid(j));
        }
        {
            const double w = 0.5;
            const wb::Mat phi = ch05::fourier_features(d.x, wb::Vec{w});
            const wb::Vec beta = std::get<0>(xt::linalg::lstsq(phi, d.y));
            const wb::Vec r = d.y - xt::linalg::dot(phi, beta);
            s.exact("L(0.5) by Cramer's rule = ‖y − Φβ‖²/n by lstsq", ch05::profile_fit(d.x, d.y, w).loss,
                    xt::sum(r * r)() / X, 1e-9);
        }

        // The gaps between consecutive local minima against the side-lobe spacing 2π/X.
        const auto minima = ch05::local_minima(L);
        std::vector<double> gaps;
        for (std::size_t m = 1; m < minima.size(); ++m) gaps.push_back(grid(minima[m]) - grid(minima[m - 1]));
        const double gap = wb::median(gaps);
        s.exact("median gap between local minima of L = 2π/X (within 3%)", gap, 2 * wb::Pi / X, 0.03);
        s.control().exact("median gap between local minima of L = π/X", gap, wb::Pi / X, 0.03);

        // Gradient descent from several starts, and from the periodogram's highest peak.
        const double eta = 1.0 / (2 * xt::mean(d.y * d.y)() * xt::mean(d.x * d.x)());
        auto dL = [&](double w) { return profile_slope(d, w); };
        const std::size_t steps = 4000;
        const std::array<double, 6> starts{0.12, 0.2, 0.3, 0.42, 0.6, 0.9};
        std::vector<std::vector<double>> paths;
        std::vector<double> ends;
        for (double w0 : starts) {
            paths.push_back(ch05::descend(dL, w0, eta, steps));
            ends.push_back(paths.back().back());
        }
        // A run ends in a local minimum: L' ≈ 0 there and L is higher a grid step to either side.
        const double dw = grid(1) - grid(0);
        for (std::size_t r = 0; r < ends.size(); ++r) {
            const double e = ends[r], Le = ch05::profile_fit(d.x, d.y, e).loss;
            const bool is_min = Le < ch05::profile_fit(d.x, d.y, e - dw).loss && Le < ch05::profile_fit(d.x, d.y, e + dw).loss;
            s.holds(fmt::format("descent from ω = {} ends in a local minimum (ω = {:.4f})", starts[r], e), is_min, Le, 0.0);
        }
        std::vector<double> distinct;
        for (double e : ends)
            if (std::none_of(distinct.begin(), distinct.end(), [&](double v) { return std::abs(v - e) < dw; }))
                distinct.push_back(e);
        s.holds("the six runs end in at least four different minima", distinct.size() >= 4,
                static_cast<double>(distinct.size()), 4.0);

        const std::size_t peak = static_cast<std::size_t>(std::distance(I.begin(), std::max_element(I.begin(), I.end())));
        const auto from_peak = ch05::descend(dL, grid(peak), eta, steps);
        s.exact("descent from the periodogram's peak reaches ω0 = 2π/24", from_peak.back(), Omega0, 1e-8);
        s.exact("there, L(ω0) = 0 (noise-free data)", ch05::profile_fit(d.x, d.y, from_peak.back()).loss, 0.0, 0.0, 1e-12);
        // Control: a start in the next basin down, one and a half side lobes (3π/X) below ω0.
        const auto neighbour = ch05::descend(dL, Omega0 - 3 * wb::Pi / X, eta, steps);
        s.control().exact("descent from ω0 − 3π/X also reaches ω0", neighbour.back(), Omega0, 1e-3);
        s.note(fmt::format("{} local minima on [{}, {}] (Δω·X/2π = {:.1f}); periodogram peak at ω = {:.4f}; ω0 = {:.4f}",
                           minima.size(), w_lo, w_hi, (w_hi - w_lo) * X / (2 * wb::Pi), grid(peak), Omega0));

        // Figure: L(ω) with the runs drawn as points on it; the right panel zooms in on the side lobes.
        wb::Figure fig("profile_landscape",
                       "Profile loss L(ω) of a daily cycle seen for 4 days, with gradient-descent runs from six starts", 1, 2);
        for (int panel = 0; panel < 2; ++panel) {
            auto& p = fig.panel(panel).xlabel("angular frequency ω (rad/h)").ylabel("profile loss L(ω)").key(wb::KeyPlace::Best);
            p.title(panel == 0 ? "the whole landscape" : "zoom on the side lobes").xrange(w_lo, w_hi);
            if (panel == 1) p.yrange(0.59, 0.635);
            p.line(grid, L, "L(ω) = min_{a,b} ℓ(a, b, ω)", Exact).id(fmt::format("profile{}", panel + 1));
            for (std::size_t r = 0; r < paths.size(); ++r) {
                std::vector<double> w, l;
                for (std::size_t k = 0; k < paths[r].size(); k += std::max<std::size_t>(1, paths[r].size() / 40)) {
                    w.push_back(paths[r][k]);
                    l.push_back(ch05::profile_fit(d.x, d.y, paths[r][k]).loss);
                }
                w.push_back(paths[r].back());
                l.push_back(ch05::profile_fit(d.x, d.y, paths[r].back()).loss);
                p.linepoints(w, l, r == 0 ? "gradient descent (start to end)" : "", Descent)
                    .id(fmt::format("run{}_{}", r + 1, panel + 1));
            }
        }
        fig.size(1200, 450);
        s.save(fig);
    });

    /*md
    ## 3. The gradient with respect to ω

    The period is learnable by backpropagation because $\omega$ enters the model smoothly. With
    the residual $r_i = y_i - a\cos\omega x_i - b\sin\omega x_i$, the chain rule through the
    inner function $\omega x_i$ gives

    $$\frac{\partial r_i}{\partial\omega} = x_i\left(a\sin\omega x_i - b\cos\omega x_i\right),
    \qquad \frac{\partial\ell}{\partial\omega} = \frac2n\sum_i r_i\,x_i\left(a\sin\omega x_i - b\cos\omega x_i\right).$$

    The factor $x_i$ is what makes the loss so sensitive to $\omega$: a change $\delta\omega$ shifts
    the phase at time $x_i$ by $x_i\,\delta\omega$, so late observations weigh most, and the
    curvature at the true frequency grows like $\overline{x^2}$ — the scale of the step $\eta$ of
    §2. Gradient descent in §2 runs on the *profile* loss $L(\omega) = \ell(a^*(\omega), b^*(\omega), \omega)$,
    and by the envelope theorem its derivative needs no derivative of $a^*, b^*$: since
    $\partial\ell/\partial a = \partial\ell/\partial b = 0$ at the optimum,
    $L'(\omega) = \partial_\omega\ell(a^*(\omega), b^*(\omega), \omega)$.

    We check $\partial\ell/\partial\omega$ against central finite differences of $\ell$ at three
    random $(a, b, \omega)$ on a noisy hourly series, and $L'$ against finite differences of the
    profile loss at three frequencies (each triple as one gradient, its error relative to the largest
    component). The control drops the factor $x_i$ of the chain rule, the slip of differentiating
    $\cos\omega x$ as if it were $\cos\omega$.
    */
    ch.section("gradient", "∂ℓ/∂ω by the chain rule, and the envelope theorem  [exercise 05.2]", [](wb::Section& s) {
        Signal d = daily_signal();
        for (auto& v : d.y) v += 0.3 * s.rng().normal();
        // Three random points (a_r, b_r, ω_r) checked as one gradient of Σ_r ℓ(a_r, b_r, ·) in (ω_1, ω_2, ω_3):
        // the error is measured against the largest component, so a point where ∂ℓ/∂ω happens to be
        // near zero does not turn finite-difference rounding into a relative error.
        std::array<double, 3> a{}, b{};
        std::vector<double> w(3), g(3), wrong(3, 0.0);
        for (std::size_t r = 0; r < 3; ++r) {
            a[r] = s.rng().normal(), b[r] = s.rng().normal(), w[r] = s.rng().uniform(0.05, 1.2);
            g[r] = ch05::loss_domega(d.x, d.y, a[r], b[r], w[r]);
            // Control: the chain rule without its inner factor x_i.
            for (std::size_t i = 0; i < d.x.size(); ++i) {
                const double c = std::cos(w[r] * d.x(i)), sn = std::sin(w[r] * d.x(i));
                wrong[r] += 2 * (d.y(i) - a[r] * c - b[r] * sn) * (a[r] * sn - b[r] * c) / static_cast<double>(d.x.size());
            }
        }
        auto losses = [&](std::span<const double> v) {
            double total = 0;
            for (std::size_t r = 0; r < 3; ++r) total += ch05::sinusoid_loss(d.x, d.y, a[r], b[r], v[r]);
            return total;
        };
        s.gradient(fmt::format("∂ℓ/∂ω at three random (a, b, ω), ω = {:.3f}, {:.3f}, {:.3f}", w[0], w[1], w[2]), losses, w, g,
                   1e-6, 1e-6);
        s.control().gradient("∂ℓ/∂ω without the factor x_i", losses, w, wrong, 1e-6, 1e-6);

        // The envelope theorem at ω = 0.2, 0.27, 0.6, jointly in the same way.
        const std::vector<double> ws{0.2, 0.27, 0.6};
        std::vector<double> slopes;
        for (double v : ws) slopes.push_back(profile_slope(d, v));
        auto profiles = [&](std::span<const double> v) {
            double total = 0;
            for (double vi : v) total += ch05::profile_fit(d.x, d.y, vi).loss;
            return total;
        };
        s.gradient("L′(ω) = ∂ℓ/∂ω at (a*(ω), b*(ω)), ω = 0.2, 0.27, 0.6", profiles, ws, slopes, 1e-6, 1e-6);
    });

    /*md
    ## 4. Several periods: a bank of frequencies and ridge regression

    An hourly series with a daily and a weekly cycle needs more than one frequency. If the
    periods are unknown, we give the model a *bank*: the harmonics $\omega_k = 2\pi k/P$,
    $k = 1, \dots, K$, of a base period $P$ long enough to contain every cycle we expect. With
    $P = 168$ h (a week) and $K = 14$ the bank holds the periods $168/k$ h, among them 168 h
    ($k = 1$), 24 h ($k = 7$) and 12 h ($k = 14$), the first harmonic of the daily cycle that any
    daily profile other than a pure sinusoid needs. The coefficients $\beta$ of the $2K$ features
    come from ridge regression,

    $$\hat\beta = \arg\min_\beta\ \|y - \Phi\beta\|^2 + \lambda\|\beta\|^2 = (\Phi^\top\Phi + \lambda I)^{-1}\Phi^\top y .$$

    On whole weeks of hourly data the features of the bank are orthogonal, with
    $\Phi^\top\Phi = \tfrac N2 I$ for $N$ hours, so least squares fits each pair on its own:
    $\hat a_k = \frac2N\sum_t y_t\cos\omega_k t$, and the amplitude $\hat R_k = \sqrt{\hat a_k^2+\hat b_k^2}$
    of a cycle of amplitude $R_k$ in white noise of variance $\sigma^2$ has standard error
    $\sigma\sqrt{2/N}$. Ridge shrinks every coefficient by the factor $1/(1 + 2\lambda/N)$, which is
    negligible here ($\lambda = 1$, $N = 4032$); it matters once the features are redundant or
    outnumber the data. The same orthogonality links the fit to the periodogram: at a frequency of
    the bank, $I(\omega_k) = \frac1N|\sum_t y_t e^{-i\omega_k t}|^2 = N\hat R_k^2/4$ for the
    least-squares amplitudes ($\lambda = 0$), an identity we check between the direct sum and the
    linear solve.

    The synthetic series has 24 weeks of hours, $y_t = \sum_j R_j\cos(2\pi t/P_j - \phi_j) + \sigma\varepsilon_t$
    with $(P_j, R_j) = (24, 1), (12, 0.4), (168, 0.6)$ and $\sigma = 0.4$. We check the three
    recovered amplitudes against the truth with the standard error above (known from the design,
    so the normal critical value applies), and the residual mean square
    $\|y - \Phi\hat\beta\|^2/(N - 2K)$ against $\sigma^2$ (standard error $\sigma^2\sqrt{2/(N - 2K)}$).
    Away from the three cycles the periodogram at the Fourier frequencies $2\pi j/N$ is the noise
    alone, with mean $\sigma^2$: its peaks at 168, 24 and 12 h stand far above that floor. The
    control is the bank a reader might build first, the harmonics of the *daily* period
    ($P = 24$ h): it has no feature for the weekly cycle, whose variance $R^2/2 = 0.18$ stays in
    the residual, and the residual check rejects it.

    ![Two weeks of the hourly series, the fit by the bank of weekly harmonics, and the truth](hourly_fit.svg)

    ![The periodogram of the hourly series: peaks at 168 h, 24 h and 12 h above the noise floor σ²](periodogram.svg)
    */
    ch.section("bank", "Daily and weekly periods: a frequency bank and ridge regression  [exercises 05.1, 05.3]",
               [](wb::Section& s) {
        const std::size_t N = 24 * 168, K = 14;
        const double sigma = 0.4, lambda = 1.0;
        const ch05::Series ser = ch05::hourly_series(N, sigma, s.rng());
        const wb::Mat phi = ch05::fourier_features(ser.t, harmonics(168.0, K));
        const wb::Vec beta = ch05::ridge_fit(phi, ser.y, lambda);
        const double Nd = static_cast<double>(N), p = static_cast<double>(2 * K);

        // The three amplitudes: the harmonic k = 168/P_j of the week holds the cycle of period P_j.
        const double se_amp = sigma * std::sqrt(2.0 / Nd);
        for (const ch05::Component& c : ch05::HourlyComponents) {
            const std::size_t k = static_cast<std::size_t>(std::lround(168.0 / c.period)) - 1;
            const double amp = std::hypot(beta(2 * k), beta(2 * k + 1));
            s.monte_carlo(fmt::format("amplitude of the {} h cycle = {}", c.period, c.amplitude), {amp, se_amp, 0},
                          c.amplitude);
        }
        // The residual mean square against σ², for the weekly bank and (control) the daily one.
        auto residual_ms = [&](const wb::Mat& features, const wb::Vec& coef) {
            const wb::Vec r = ser.y - xt::linalg::dot(features, coef);
            return xt::sum(r * r)() / (Nd - static_cast<double>(features.shape(1)));
        };
        const double se_ms = sigma * sigma * std::sqrt(2.0 / (Nd - p));
        s.monte_carlo("‖y − Φβ‖²/(N − 2K) = σ² (weekly harmonics)", {residual_ms(phi, beta), se_ms, 0}, sigma * sigma);
        const wb::Mat daily = ch05::fourier_features(ser.t, harmonics(24.0, K));
        s.control().monte_carlo("‖y − Φβ‖²/(N − 2K) = σ² (daily harmonics)",
                                {residual_ms(daily, ch05::ridge_fit(daily, ser.y, lambda)), se_ms, 0}, sigma * sigma);

        // The periodogram at the bank's 24 h frequency = N R̂²/4 by least squares.
        const wb::Vec ols = ch05::ridge_fit(phi, ser.y, 0.0);
        const double w24 = 2 * wb::Pi / 24.0;
        s.exact("I(2π/24) by the direct sum = N R̂²/4 by least squares", ch05::periodogram(ser.t, ser.y, w24),
                Nd * (ols(12) * ols(12) + ols(13) * ols(13)) / 4, 1e-9);

        // The noise floor: the periodogram at the Fourier frequencies 2πj/N off the three cycles.
        std::vector<double> floor;
        for (std::size_t j = 1; j < N / 2; ++j) {
            if (j == N / 168 || j == N / 24 || j == N / 12) continue;
            floor.push_back(ch05::periodogram(ser.t, ser.y, 2 * wb::Pi * static_cast<double>(j) / Nd));
        }
        s.monte_carlo("mean of I(2πj/N) off the three cycles = σ²", wb::mean_se(floor), sigma * sigma);

        // Figures: two weeks of data and fit; the periodogram against the period.
        const wb::Vec fit = xt::linalg::dot(phi, beta);
        const std::size_t shown = 2 * 168;
        const wb::Vec t2 = xt::view(ser.t, xt::range(0, shown)), y2 = xt::view(ser.y, xt::range(0, shown));
        const wb::Vec m2 = xt::view(ser.mean, xt::range(0, shown)), f2 = xt::view(fit, xt::range(0, shown));
        wb::Figure fig("hourly_fit", "Hourly series with 24 h and 168 h cycles: fit by 14 weekly harmonics (first two weeks)");
        fig.panel().xlabel("time t (hours)").ylabel("y_t").yrange(-3.5, 4).key(wb::KeyPlace::TopRight)
            .points(t2, y2, "observations", Data).id("data")
            .line(t2, f2, "ridge fit on the bank", Fit).id("fit")
            .dashed(t2, m2, "true signal", Exact).id("truth");
        fig.size(1100, 420);
        s.save(fig);

        const wb::Vec periods = wb::to_vec(wb::geomspace(4.0, 400.0, s.size(600, 1500)));
        wb::Vec I = xt::empty<double>({periods.size()});
        for (std::size_t j = 0; j < periods.size(); ++j) I(j) = ch05::periodogram(ser.t, ser.y, 2 * wb::Pi / periods(j));
        wb::Figure pg("periodogram", "Periodogram of the hourly series: peaks at 168 h, 24 h and 12 h");
        pg.panel().xlabel("period 2π/ω (hours)").ylabel("periodogram I(ω)").logx().logy().xrange(3, 500).key(wb::KeyPlace::Best)
            .line(periods, I, "I(ω) = |Σ y_t e^{−iωt}|²/N", Spectrum).id("periodogram")
            .dashed(std::vector<double>{4.0, 400.0}, std::vector<double>{sigma * sigma, sigma * sigma}, "noise floor σ²", Exact)
            .id("floor");
        s.save(pg);
    });

    /*md
    ## 5. Random Fourier features and their scale

    A bank of harmonics presumes a base period. Random Fourier features (Tancik et al., 2020)
    draw the frequencies instead: $\omega_j = 2\pi b_j$ with $b_j \sim \mathcal N(0, s^2)$, $j = 1, \dots, m$,
    and the *scale* $s$ (cycles per unit of $x$) becomes the one parameter to choose. Tancik et
    al. show that a network fed raw coordinates learns high frequencies very slowly (its kernel
    decays fast in frequency), while one fed $\Phi(x)$ behaves like a kernel machine with the
    stationary kernel $k(x - x') = \mathbb E_b\cos 2\pi b(x - x') = e^{-2\pi^2 s^2 (x - x')^2}$,
    whose width $1/s$ sets which frequencies it can fit. We check that kernel by Monte Carlo over
    the frequency draws; the control forgets the $2\pi$ of $\omega = 2\pi b$ and predicts
    $e^{-s^2(x - x')^2/2}$.

    We see the same with linear models. The target on $[0, 1]$ is
    $f(x) = \sin 2\pi\,4x + \tfrac12\sin(2\pi\,9x + 1)$, observed at $n = 64$ evenly spaced points
    $x_i = (i + \tfrac12)/64$ with noise of standard deviation 0.1; we use $m = 32$ frequencies
    (64 features, as many as data points) and $\lambda = 0.1$; each model is fitted by ridge regression and scored by its
    mean squared error against $f$ on a grid. The raw inputs $(1, x)$ can only fit a line; random
    features at a small scale are nearly polynomial in $x$ and do hardly better; at a scale that
    covers the target's frequencies the error drops by orders of magnitude; at a much larger
    scale the features oscillate faster than the $n$ samples resolve and the fit interpolates
    noise between them, so the error rises again. Each of $R = 60$ replications (50 in `--quick`) redraws the noise
    and the frequencies, with the same standard normals $z_j$ ($b_j = s z_j$) at every scale, so
    the comparisons are paired. The errors span orders of magnitude and have heavy right tails, so
    the claims are about the mean log-ratio $\mathbb E[\ln \mathrm{MSE}_A - \ln \mathrm{MSE}_B]$
    over replications, with its standard error and the Student-$t$ bound for $R - 1$ degrees of
    freedom: a mean gap above $\ln 10$ is an error smaller by more than a factor 10 in geometric
    mean. We compare the matched scale $s = 9.49$ (the middle of the log grid $0.3, \dots, 300$)
    with the raw inputs, the smallest scale and the largest. The control is the belief that a larger
    scale is always better — that the error at the largest scale is below the error at the matched one.

    ![Test error of ridge regression on random Fourier features against their scale s](rff_scale.svg)
    */
    ch.section("rff", "Random Fourier features: error against scale  [exercises 05.1, 05.3]", [](wb::Section& s) {
        // The kernel of the random features: E_b cos 2πb·d = exp(−2π² s² d²) at s = 3, d = 0.05.
        {
            const double sk = 3.0, dist = 0.05;
            const wb::Vec b = sk * s.rng().normal_vector(s.size(20000, 100000));
            const wb::Vec k = xt::cos(2 * wb::Pi * b * dist);
            const wb::Estimate kernel = wb::mean_se(k);
            s.monte_carlo("E_b cos 2πb(x − x′) = exp(−2π² s² (x − x′)²)", kernel,
                          std::exp(-2 * wb::Pi * wb::Pi * sk * sk * dist * dist));
            s.control().monte_carlo("E_b cos 2πb(x − x′) = exp(−s² (x − x′)²/2)", kernel, std::exp(-sk * sk * dist * dist / 2));
        }
        // n training points evenly spaced on [0, 1], m random frequencies, ridge penalty λ.
        const std::size_t n = 64, m = 32, n_test = 400, R = s.size(50, 60);
        const double noise = 0.1, lambda = 0.1;
        auto f = [](double x) { return std::sin(2 * wb::Pi * 4 * x) + 0.5 * std::sin(2 * wb::Pi * 9 * x + 1); };
        // Scales 0.3 … 300 on a log grid (three of them in --quick); the middle one, 9.49, matches the target.
        const wb::Vec scales = wb::to_vec(wb::geomspace(0.3, 300.0, s.size(3, 7)));
        const wb::Vec xt_grid = wb::to_vec(wb::linspace(0.0, 1.0, n_test));
        wb::Vec ft = xt::empty<double>({n_test});
        for (std::size_t i = 0; i < n_test; ++i) ft(i) = f(xt_grid(i));
        auto test_mse = [&](const wb::Mat& feats, const wb::Vec& coef) {
            const wb::Vec e = xt::linalg::dot(feats, coef) - ft;
            return xt::mean(e * e)();
        };
        wb::Vec x = xt::empty<double>({n});
        for (std::size_t i = 0; i < n; ++i) x(i) = (static_cast<double>(i) + 0.5) / static_cast<double>(n);
        wb::Mat lin = xt::ones<double>({n, std::size_t{2}}), lin_t = xt::ones<double>({n_test, std::size_t{2}});
        xt::col(lin, 1) = x;
        xt::col(lin_t, 1) = xt_grid;
        std::vector<std::vector<double>> err(scales.size());
        std::vector<double> raw;
        for (std::size_t r = 0; r < R; ++r) {
            wb::Vec y = xt::empty<double>({n});
            for (std::size_t i = 0; i < n; ++i) y(i) = f(x(i)) + noise * s.rng().normal();
            const wb::Vec z = s.rng().normal_vector(m);  // b_j = s z_j at every scale: paired comparisons
            raw.push_back(test_mse(lin_t, ch05::ridge_fit(lin, y, 0.0)));  // raw inputs: least squares on (1, x)
            for (std::size_t j = 0; j < scales.size(); ++j) {
                const wb::Vec omega = 2 * wb::Pi * scales(j) * z;
                const wb::Vec coef = ch05::ridge_fit(ch05::fourier_features(x, omega), y, lambda);
                err[j].push_back(test_mse(ch05::fourier_features(xt_grid, omega), coef));
            }
        }
        // Errors span orders of magnitude and have heavy right tails: compare their logarithms, paired.
        auto log_gap = [](const std::vector<double>& hi, const std::vector<double>& lo) {
            std::vector<double> d;
            for (std::size_t r = 0; r < hi.size(); ++r) d.push_back(std::log(hi[r] / lo[r]));
            return wb::mean_se(d);
        };
        const std::size_t small = 0, matched = scales.size() / 2, large = scales.size() - 1;
        const double ln10 = std::log(10.0);
        s.greater(fmt::format("E[ln MSE raw (1, x) − ln MSE RFF at s = {:.3g}] > ln 10", scales(matched)),
                  log_gap(raw, err[matched]), ln10);
        s.greater(fmt::format("E[ln MSE RFF at s = {:.3g} − ln MSE at s = {:.3g}] > ln 10", scales(small), scales(matched)),
                  log_gap(err[small], err[matched]), ln10);
        s.greater(fmt::format("E[ln MSE RFF at s = {:.3g} − ln MSE at s = {:.3g}] > ln 10", scales(large), scales(matched)),
                  log_gap(err[large], err[matched]), ln10);
        // Control: a larger scale is always better.
        s.control().less(fmt::format("E[ln MSE RFF at s = {:.3g} − ln MSE at s = {:.3g}] < 0", scales(large), scales(matched)),
                         log_gap(err[large], err[matched]), 0.0, {.scale = ln10});
        std::vector<double> mean, se;
        for (const auto& e : err) {
            std::vector<double> l10;
            for (double v : e) l10.push_back(std::log10(v));
            const wb::Estimate est = wb::mean_se(l10);
            mean.push_back(est.value);
            se.push_back(est.se);
            s.note(fmt::format("s = {:.3g}: mean log10 test MSE {:.3f} ± {:.2g}", scales(mean.size() - 1), est.value, est.se));
        }
        std::vector<double> raw10;
        for (double v : raw) raw10.push_back(std::log10(v));
        const double raw_mean = wb::mean_se(raw10).value;
        s.note(fmt::format("raw (1, x): mean log10 test MSE {:.3f}", raw_mean));

        wb::Figure fig("rff_scale", "Random Fourier features: test error against the feature scale");
        fig.panel().xlabel("feature scale s (cycles per unit of x)").ylabel("log10 of the test mean squared error").logx()
            .yrange(-3, 2).key(wb::KeyPlace::TopLeft)
            .errorbars(scales, mean, se, "32 random frequencies, ridge (mean ± se)", Fit).id("rff")
            .dashed(std::vector<double>{scales(0), scales(large)}, std::vector<double>{raw_mean, raw_mean},
                    "raw inputs (1, x)", Raw).id("raw");
        s.save(fig);
    });

    /*md
    ## Summary

    * With features $(\cos\omega x, \sin\omega x)$ the period $2\pi/\omega$ is a parameter like any
      other: $\partial\ell/\partial\omega$ is the chain rule with the inner factor $x$.
    * The profile loss $L(\omega)$ has a local minimum about every $2\pi/X$, so gradient descent
      finds the period only from a start in its basin; the periodogram's highest peak is such a start.
    * Several or unknown periods: a bank of harmonics of a long base period, fitted by ridge
      regression, recovers each cycle's amplitude to within $\sigma\sqrt{2/N}$.
    * Random Fourier features fit what raw inputs cannot, if their scale matches the target's
      frequencies; too small a scale underfits like raw inputs, too large a scale interpolates noise.

    ## References

    * M. Tancik, P. P. Srinivasan, B. Mildenhall, S. Fridovich-Keil, N. Raghavan, U. Singhal,
      R. Ramamoorthi, J. T. Barron, R. Ng (2020). Fourier features let networks learn high frequency
      functions in low dimensional domains. *Advances in Neural Information Processing Systems 33*
      (NeurIPS 2020). (Random Fourier features and their scale, §5.)
    */
    return ch.run(argc, argv);
}

