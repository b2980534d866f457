// Gaussian mixtures with exact densities and scores.
//
// A mixture p(x) = Σ_k π_k N(x; μ_k, diag(σ²_k)) is closed under x ↦ m x + √v z
// (z ~ N(0, I)): the law of the result is Σ_k π_k N(m μ_k, diag(m² σ²_k + v)).
// So the noised densities of score matching and the marginals p_t of linear SDEs
// (Ornstein–Uhlenbeck, VP) started from a mixture have exact scores:
//   ∇log p(x) = Σ_k r_k(x) (μ_k − x) / σ²_k,  r_k(x) = π_k N_k(x) / p(x).
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "wb/rng.hpp"
#include "wb/types.hpp"

namespace wb {

struct LabeledSample;

class GaussianMixture {
public:
    // weights (K), means (K, d), variances (K, d) of diagonal covariances.
    GaussianMixture(xt::xtensor<double, 1> weights, xt::xtensor<double, 2> means, xt::xtensor<double, 2> vars);
    // One component per row of `means`, each with covariance sd_k² I.
    static GaussianMixture isotropic(const xt::xtensor<double, 1>& weights, const xt::xtensor<double, 2>& means,
                                     const xt::xtensor<double, 1>& sds);
    // A 1-D mixture.
    static GaussianMixture univariate(const xt::xtensor<double, 1>& weights, const xt::xtensor<double, 1>& means,
                                      const xt::xtensor<double, 1>& sds);

    std::size_t dim() const { return means_.shape(1); }
    std::size_t components() const { return weights_.size(); }
    const xt::xtensor<double, 1>& weights() const { return weights_; }
    const xt::xtensor<double, 2>& means() const { return means_; }
    const xt::xtensor<double, 2>& variances() const { return vars_; }

    // 1-D mixtures (dim() == 1): at a point, and elementwise over a Vec of points.
    double log_density(double x) const;
    double density(double x) const;
    double score(double x) const;  // d/dx log p(x)
    Vec log_density(const Vec& x) const;
    Vec density(const Vec& x) const;
    Vec score(const Vec& x) const;

    // Single points (length d).
    double log_density(std::span<const double> x) const;
    void score(std::span<const double> x, std::span<double> out) const;
    // Batches: X is (n, d).
    xt::xtensor<double, 1> log_density(const xt::xtensor<double, 2>& X) const;
    xt::xtensor<double, 2> score(const xt::xtensor<double, 2>& X) const;
    // Responsibilities r_k(x), (n, K).
    xt::xtensor<double, 2> posterior(const xt::xtensor<double, 2>& X) const;
    // Mean and per-coordinate variance of the whole mixture.
    xt::xtensor<double, 1> mean() const;
    xt::xtensor<double, 1> variance() const;

    // n draws, (n, d).
    Mat sample(Rng& rng, std::size_t n) const;
    // n draws with each draw's component (the same draws as sample() from the same state).
    LabeledSample sample_labeled(Rng& rng, std::size_t n) const;
    // n draws of a 1-D mixture as a Vec.
    Vec sample_1d(Rng& rng, std::size_t n) const;

    // The law of m X + √v Z.
    GaussianMixture transformed(double m, double v) const;
    // The law of X + σ Z: the noised density q_σ = p * N(0, σ² I).
    GaussianMixture noised(double sigma) const { return transformed(1.0, sigma * sigma); }

private:
    void require_1d(const char* what) const;
    // log π_k + log N(x; μ_k, Σ_k) for all k, into lk (length K).
    void component_logs(const double* x, double* lk) const;
    // e_k = exp(lk_k − max_l lk_l) into e (length K); returns Σ_k e_k. So the
    // responsibilities are e_k / Σ e: K − 1 exp per point and no log.
    double relative_weights(const double* x, double* e) const;
    // The score at x (length d) into out, with e (length K) as scratch.
    void score_at(const double* x, double* out, double* e) const;
    // n draws into x (n × d, row-major), calling label(i, k) with each draw's component.
    template <class Label> void draw(Rng& rng, std::size_t n, double* x, Label&& label) const;
    xt::xtensor<double, 1> weights_;
    xt::xtensor<double, 2> means_, vars_;
    xt::xtensor<double, 2> ivars_, sds_;  // 1/σ²_kj and σ_kj
    xt::xtensor<double, 1> lognorm_;  // log π_k − ½ Σ_j log(2π σ²_kj)
};

struct LabeledSample {
    Mat x;                            // (n, d) draws
    std::vector<std::size_t> labels;  // (n) the component of each draw
};

// log(Σ exp(a_i)) without overflow.
double log_sum_exp(std::span<const double> a);

}  // namespace wb
