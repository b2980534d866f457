#include "wb/gauss.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include <xtensor/xmath.hpp>

#include "wb/constants.hpp"
#include "wb/special.hpp"

namespace wb {

namespace {
// Scratch of K doubles: on the stack for the usual few components (no allocation per point).
class Scratch {
public:
    explicit Scratch(std::size_t K) : heap_(K > kSmall ? K : 0) {}
    double* data() { return heap_.empty() ? small_ : heap_.data(); }

private:
    static constexpr std::size_t kSmall = 16;
    double small_[kSmall];
    std::vector<double> heap_;
};
}  // namespace

double log_sum_exp(std::span<const double> a) {
    if (a.empty()) return -INFINITY;
    const double m = *std::max_element(a.begin(), a.end());
    if (!std::isfinite(m)) return m;
    double s = 0.0;
    for (double v : a) s += v == m ? 1.0 : std::exp(v - m);  // exp(0) = 1 exactly: one exp fewer
    return m + std::log(s);
}

GaussianMixture::GaussianMixture(xt::xtensor<double, 1> weights, xt::xtensor<double, 2> means,
                                 xt::xtensor<double, 2> vars)
    : weights_(std::move(weights)), means_(std::move(means)), vars_(std::move(vars)) {
    const std::size_t K = weights_.size();
    if (K == 0) throw std::invalid_argument("GaussianMixture: need at least one component");
    if (means_.shape(0) != K || vars_.shape(0) != K || vars_.shape(1) != means_.shape(1))
        throw std::invalid_argument("GaussianMixture: weights (K), means (K, d) and variances (K, d) disagree");
    double total = 0.0;
    for (double w : weights_) {
        if (!(w > 0.0)) throw std::invalid_argument("GaussianMixture: weights must be positive");
        total += w;
    }
    weights_ /= total;
    for (double v : vars_)
        if (!(v > 0.0)) throw std::invalid_argument("GaussianMixture: variances must be positive");
    ivars_ = 1.0 / vars_;
    sds_ = xt::sqrt(vars_);
    lognorm_ = xt::empty<double>({K});
    for (std::size_t k = 0; k < K; ++k) {
        double s = std::log(weights_(k));
        for (std::size_t j = 0; j < dim(); ++j) s -= 0.5 * (Log2Pi + std::log(vars_(k, j)));
        lognorm_(k) = s;
    }
}

GaussianMixture GaussianMixture::isotropic(const xt::xtensor<double, 1>& weights, const xt::xtensor<double, 2>& means,
                                           const xt::xtensor<double, 1>& sds) {
    xt::xtensor<double, 2> vars = xt::empty<double>(means.shape());
    if (sds.size() != means.shape(0)) throw std::invalid_argument("GaussianMixture::isotropic: one sd per component");
    for (std::size_t k = 0; k < means.shape(0); ++k)
        for (std::size_t j = 0; j < means.shape(1); ++j) vars(k, j) = sds(k) * sds(k);
    return GaussianMixture(weights, means, vars);
}

GaussianMixture GaussianMixture::univariate(const xt::xtensor<double, 1>& weights, const xt::xtensor<double, 1>& means,
                                            const xt::xtensor<double, 1>& sds) {
    xt::xtensor<double, 2> m = xt::empty<double>({means.size(), std::size_t{1}});
    for (std::size_t k = 0; k < means.size(); ++k) m(k, 0) = means(k);
    return isotropic(weights, m, sds);
}

void GaussianMixture::component_logs(const double* x, double* lk) const {
    const std::size_t K = components(), d = dim();
    const double *mu = means_.data(), *iv = ivars_.data();  // (K, d), row-major
    for (std::size_t k = 0; k < K; ++k) {
        double q = 0.0;
        for (std::size_t j = 0; j < d; ++j) {
            const double r = x[j] - mu[k * d + j];
            q += r * r * iv[k * d + j];
        }
        lk[k] = lognorm_(k) - 0.5 * q;
    }
}

namespace {
// e_k ← exp(e_k − max_l e_l) in place (the maximum's is 1 exactly, one exp fewer); Σ_k e_k.
inline double shift_exp(double* e, std::size_t K) {
    std::size_t top = 0;
    for (std::size_t k = 1; k < K; ++k)
        if (e[k] > e[top]) top = k;
    const double m = e[top];
    double sum = 0.0;
    for (std::size_t k = 0; k < K; ++k) {
        e[k] = k == top ? 1.0 : exp_nonpositive(e[k] - m);
        sum += e[k];
    }
    return sum;
}

// The score of a 1-D mixture at x, e (length K) as scratch: component_logs, shift_exp
// and score_at's sums for d = 1, inlined into the loops over many points (the same bits).
inline double score_1d(double x, const double* mu, const double* iv, const double* lognorm, std::size_t K,
                       double* e) {
    for (std::size_t k = 0; k < K; ++k) {
        const double r = x - mu[k];
        e[k] = lognorm[k] - 0.5 * (r * r * iv[k]);
    }
    const double inv_sum = 1.0 / shift_exp(e, K);
    double g = 0.0;
    for (std::size_t k = 0; k < K; ++k) g += e[k] * (mu[k] - x) * iv[k];
    return g * inv_sum;
}

// score_1d for K = 2, the same operations without the scratch and without branches, so
// the loop over points vectorises: the parameters are held by value (no aliasing with
// the output), and exp's argument is −|l₁ − l₀| (= l_other − l_top exactly).
struct TwoComponents {
    double mu0, mu1, iv0, iv1, ln0, ln1;
};
inline double score_1d_two(double x, TwoComponents c) {
    const double r0 = x - c.mu0, r1 = x - c.mu1;
    const double l0 = c.ln0 - 0.5 * (r0 * r0 * c.iv0), l1 = c.ln1 - 0.5 * (r1 * r1 * c.iv1);
    const double d = l1 - l0;
    const double e = exp_nonpositive(-std::fabs(d));
    const bool second = d > 0.0;  // shift_exp's top: the first maximum
    const double e0 = second ? e : 1.0, e1 = second ? 1.0 : e;
    const double inv_sum = 1.0 / (e0 + e1);
    double g = 0.0;
    g += e0 * (c.mu0 - x) * c.iv0;
    g += e1 * (c.mu1 - x) * c.iv1;
    return g * inv_sum;
}
}  // namespace

double GaussianMixture::relative_weights(const double* x, double* e) const {
    component_logs(x, e);
    return shift_exp(e, components());
}

void GaussianMixture::score_at(const double* x, double* out, double* e) const {
    const std::size_t K = components(), d = dim();
    const double *mu = means_.data(), *iv = ivars_.data();
    if (d == 1) {
        out[0] = score_1d(x[0], mu, iv, lognorm_.data(), K, e);
        return;
    }
    const double inv_sum = 1.0 / relative_weights(x, e);
    std::fill(out, out + d, 0.0);
    for (std::size_t k = 0; k < K; ++k)
        for (std::size_t j = 0; j < d; ++j) out[j] += e[k] * (mu[k * d + j] - x[j]) * iv[k * d + j];
    for (std::size_t j = 0; j < d; ++j) out[j] *= inv_sum;
}

double GaussianMixture::log_density(std::span<const double> x) const {
    if (x.size() != dim()) throw std::invalid_argument("GaussianMixture::log_density: wrong dimension");
    Scratch lk(components());
    component_logs(x.data(), lk.data());
    return log_sum_exp(std::span<const double>(lk.data(), components()));
}

void GaussianMixture::score(std::span<const double> x, std::span<double> out) const {
    if (x.size() != dim() || out.size() != dim()) throw std::invalid_argument("GaussianMixture::score: wrong dimension");
    Scratch lk(components());
    score_at(x.data(), out.data(), lk.data());
}

xt::xtensor<double, 1> GaussianMixture::log_density(const xt::xtensor<double, 2>& X) const {
    if (X.shape(1) != dim()) throw std::invalid_argument("GaussianMixture::log_density: X must be (n, d)");
    const std::size_t n = X.shape(0);
    xt::xtensor<double, 1> out = xt::empty<double>({n});
    std::vector<double> lk(components());
    for (std::size_t i = 0; i < n; ++i) {
        component_logs(&X(i, 0), lk.data());
        out(i) = log_sum_exp(lk);
    }
    return out;
}

xt::xtensor<double, 2> GaussianMixture::score(const xt::xtensor<double, 2>& X) const {
    if (X.shape(1) != dim()) throw std::invalid_argument("GaussianMixture::score: X must be (n, d)");
    const std::size_t n = X.shape(0), d = dim();
    xt::xtensor<double, 2> out = xt::empty<double>({n, d});
    std::vector<double> lk(components());  // one scratch for all rows
    for (std::size_t i = 0; i < n; ++i) score_at(&X(i, 0), &out(i, 0), lk.data());
    return out;
}

xt::xtensor<double, 2> GaussianMixture::posterior(const xt::xtensor<double, 2>& X) const {
    const std::size_t n = X.shape(0), K = components();
    xt::xtensor<double, 2> out = xt::empty<double>({n, K});
    for (std::size_t i = 0; i < n; ++i) {
        double* r = &out(i, 0);
        const double inv_sum = 1.0 / relative_weights(&X(i, 0), r);
        for (std::size_t k = 0; k < K; ++k) r[k] *= inv_sum;
    }
    return out;
}

xt::xtensor<double, 1> GaussianMixture::mean() const {
    xt::xtensor<double, 1> m = xt::zeros<double>({dim()});
    for (std::size_t k = 0; k < components(); ++k)
        for (std::size_t j = 0; j < dim(); ++j) m(j) += weights_(k) * means_(k, j);
    return m;
}

xt::xtensor<double, 1> GaussianMixture::variance() const {
    // Law of total variance: E[Var] + Var[E].
    const auto m = mean();
    xt::xtensor<double, 1> v = xt::zeros<double>({dim()});
    for (std::size_t k = 0; k < components(); ++k)
        for (std::size_t j = 0; j < dim(); ++j) {
            const double dm = means_(k, j) - m(j);
            v(j) += weights_(k) * (vars_(k, j) + dm * dm);
        }
    return v;
}

template <class Label>
void GaussianMixture::draw(Rng& rng, std::size_t n, double* x, Label&& label) const {
    const std::size_t d = dim();
    const Categorical component(std::span<const double>(weights_.data(), weights_.size()));
    const double *mu = means_.data(), *s = sds_.data();
    if (d == 1) {  // the same draws, with the generator's state in registers
        // By value: nothing the rare out-of-line redraw touches needs reloading.
        rng.each_uniform_normal(n, [=](std::size_t i, double u, double z) {
            const std::size_t k = component.pick(u);
            label(i, k);
            x[i] = mu[k] + s[k] * z;
        });
        return;
    }
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t k = component(rng);
        label(i, k);
        for (std::size_t j = 0; j < d; ++j) x[i * d + j] = mu[k * d + j] + s[k * d + j] * rng.normal();
    }
}

LabeledSample GaussianMixture::sample_labeled(Rng& rng, std::size_t n) const {
    LabeledSample out{xt::empty<double>({n, dim()}), std::vector<std::size_t>(n)};
    draw(rng, n, out.x.data(), [&out](std::size_t i, std::size_t k) { out.labels[i] = k; });
    return out;
}

Mat GaussianMixture::sample(Rng& rng, std::size_t n) const {
    Mat x = xt::empty<double>({n, dim()});
    draw(rng, n, x.data(), [](std::size_t, std::size_t) {});
    return x;
}

Vec GaussianMixture::sample_1d(Rng& rng, std::size_t n) const {
    require_1d("sample_1d");
    Vec x = xt::empty<double>({n});
    draw(rng, n, x.data(), [](std::size_t, std::size_t) {});
    return x;
}

void GaussianMixture::require_1d(const char* what) const {
    if (dim() != 1) throw std::invalid_argument(std::string("GaussianMixture::") + what + ": the mixture is not 1-D");
}

double GaussianMixture::log_density(double x) const {
    require_1d("log_density");
    return log_density(std::span<const double>(&x, 1));
}

double GaussianMixture::density(double x) const { return std::exp(log_density(x)); }

double GaussianMixture::score(double x) const {
    require_1d("score");
    double g = 0.0;
    score(std::span<const double>(&x, 1), std::span<double>(&g, 1));
    return g;
}

Vec GaussianMixture::log_density(const Vec& x) const {
    Vec out = xt::empty<double>({x.size()});
    for (std::size_t i = 0; i < x.size(); ++i) out(i) = log_density(x(i));
    return out;
}

Vec GaussianMixture::density(const Vec& x) const {
    Vec out = xt::empty<double>({x.size()});
    for (std::size_t i = 0; i < x.size(); ++i) out(i) = density(x(i));
    return out;
}

Vec GaussianMixture::score(const Vec& x) const {
    require_1d("score");
    const std::size_t n = x.size(), K = components();
    Vec out = xt::empty<double>({n});
    Scratch e(K);
    const double *mu = means_.data(), *iv = ivars_.data(), *ln = lognorm_.data(), *xp = x.data();
    double* op = out.data();
    if (K == 2) {  // the usual two-component mixture
        const TwoComponents two{mu[0], mu[1], iv[0], iv[1], ln[0], ln[1]};
        for (std::size_t i = 0; i < n; ++i) op[i] = score_1d_two(xp[i], two);
    } else
        for (std::size_t i = 0; i < n; ++i) op[i] = score_1d(xp[i], mu, iv, ln, K, e.data());
    return out;
}

GaussianMixture GaussianMixture::transformed(double m, double v) const {
    if (!(v >= 0.0)) throw std::invalid_argument("GaussianMixture::transformed: v must be >= 0");
    xt::xtensor<double, 2> means = m * means_;
    xt::xtensor<double, 2> vars = m * m * vars_ + v;
    return GaussianMixture(weights_, std::move(means), std::move(vars));
}

}  // namespace wb
