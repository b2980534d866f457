// Chapter 06's models: two-class data sets with exact log-odds, the chapter's own
// (independent) maximum-likelihood moments, exact error rates, Naive Bayes and k-NN.
#pragma once

#include <cstddef>

#include "generative_discriminative.hpp"
#include "wb/rng.hpp"
#include "wb/types.hpp"

namespace ch06 {

// A labelled sample: x (n, d), y (n) in {0, 1}.
struct Labeled {
    wb::Mat x;
    wb::Vec y;
};

// The log-odds of each row of x (n, d): (n).
wb::Vec log_odds(const Linear& m, const wb::Mat& x);
wb::Vec log_odds(const Quadratic& m, const wb::Mat& x);
// 1 where the rule "class 1 iff log-odds > 0" misclassifies point i, else 0: (n).
wb::Vec mistakes(const wb::Vec& log_odds, const wb::Vec& y);
// min(P(y=1|x), P(y=0|x)) from exact log-odds (n): the Bayes rule's error at each x.
wb::Vec bayes_risk(const wb::Vec& log_odds);

// N(mu, cov) in d dimensions through its Cholesky factor (cov = L Lᵀ).
struct Gaussian {
    wb::Vec mu;   // (d)
    wb::Mat cov;  // (d, d)
    wb::Mat L;    // (d, d) lower triangular
    double logdet = 0.0;
    Gaussian(wb::Vec mean, wb::Mat covariance);
    double log_pdf(const wb::Mat& x, std::size_t row) const;  // log N(x_row; mu, cov)
    void sample(wb::Rng& rng, wb::Mat& x, std::size_t row) const;
};

// Two Gaussian classes, P(y = 1) = pi1.
struct GaussianPair {
    Gaussian g0, g1;
    double pi1;
    // n points with Bernoulli(pi1) labels, or exactly n/2 of each class when balanced.
    Labeled sample(wb::Rng& rng, std::size_t n, bool balanced = false) const;
    // The exact log-odds log π₁N₁(x) − log π₀N₀(x) from the two densities: (n).
    wb::Vec log_odds(const wb::Mat& x) const;
};

// The chapter's own maximum-likelihood moments of a labelled sample: counts, means (d),
// covariances (d, d) per class (divided by n_c) and pooled (divided by n).
struct ClassMoments {
    double n[2];
    wb::Vec mu[2];
    wb::Mat cov[2];
    wb::Mat pooled;
};
ClassMoments class_moments(const Labeled& data);

// The exact error of the rule wᵀx + b > 0 when x | y ~ N(mu_y, cov), P(y = 1) = pi1.
double linear_error(const Linear& m, const wb::Vec& mu0, const wb::Vec& mu1, const wb::Mat& cov, double pi1);

// Gaussian Naive Bayes with one variance per feature shared by the classes (a linear log-odds),
// fitted by maximum likelihood.
Linear gaussian_nb_fit(const Labeled& data);

// A centred ring around a core in the plane, equal priors: class 0 is N(0, s² I), class 1 has
// radius |R + τ ε| (ε standard normal) and a uniform angle.
struct Ring {
    double s, R, tau;
    Labeled sample(wb::Rng& rng, std::size_t n) const;
    double core_radial(double r) const;  // the radial densities of the two classes
    double ring_radial(double r) const;
    wb::Vec log_odds(const wb::Mat& x) const;  // exact, (n)
    double bayes_error() const;                // ∫ min(½ f₀(r), ½ f₁(r)) dr by quadrature
};

// Two interleaved half-moons with isotropic noise sd sigma, equal priors: class 0 around
// (cos θ, sin θ), class 1 around (1 − cos θ, ½ − sin θ), θ ~ U(0, π).
struct Moons {
    double sigma;
    Labeled sample(wb::Rng& rng, std::size_t n) const;
    wb::Vec log_odds(const wb::Mat& x) const;  // exact up to quadrature over θ, (n)
};

// k nearest neighbours (Euclidean): log((c + ½)/(k − c + ½)) with c the class-1 count among the
// k nearest training points of each query row; positive iff the majority is class 1. (n_query)
wb::Vec knn_log_odds(const Labeled& train, const wb::Mat& query, std::size_t k);

}  // namespace ch06

namespace ch06 {
// The closed form of §1: w = Σ⁻¹(μ₁ − μ₀), b = −½μ₁ᵀΣ⁻¹μ₁ + ½μ₀ᵀΣ⁻¹μ₀ + log(π₁/π₀).
Linear lda_closed_form(const wb::Vec& mu0, const wb::Vec& mu1, const wb::Mat& cov, double pi1);
}  // namespace ch06
