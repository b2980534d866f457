// Chapter 06 exercise API: generative vs discriminative classifiers.
//
// Two classes y ∈ {0, 1}. Data are x (n, d), one point per row, and labels y (n)
// holding 0.0 or 1.0. Every classifier is returned as its log-odds
// log P(y = 1 | x) / P(y = 0 | x), so P(y = 1 | x) = σ(log-odds) and the predicted
// class is 1 where the log-odds is positive. No exercise calls another.
//
//   06.1 lda_fit          Gaussian class densities with a shared covariance → a linear log-odds
//   06.2 qda_fit          Gaussian class densities with their own covariances → a quadratic log-odds
//   06.3 logistic_newton  logistic regression by Newton's method (IRLS)
//   06.4 poisson_nb_fit   Naive Bayes with Poisson counts → a linear log-odds
#pragma once

#include "wb/types.hpp"

namespace ch06 {

// log-odds(x) = wᵀx + b; w (d).
struct Linear {
    wb::Vec w;
    double b = 0.0;
};

// log-odds(x) = xᵀA x + wᵀx + b; A (d, d) symmetric, w (d).
struct Quadratic {
    wb::Mat A;
    wb::Vec w;
    double b = 0.0;
};

// 06.1 lda_fit: the maximum-likelihood fit of p(y) p(x | y) with p(x | y) = N(μ_y, Σ):
// π₁ = n₁/n, μ_y the class means, Σ the pooled covariance Σ_i (x_i − μ_{y_i})(x_i − μ_{y_i})ᵀ / n
// (divided by n: the MLE). Returns the log-odds w = Σ⁻¹(μ₁ − μ₀) and its b. Both classes
// must be present and Σ invertible.
Linear lda_fit(const wb::Mat& x, const wb::Vec& y);

// 06.2 qda_fit: the same with one covariance per class, Σ_y = Σ_{i: y_i = y} (x_i − μ_y)(x_i − μ_y)ᵀ / n_y
// (the MLE). Returns the quadratic log-odds (A, w, b).
Quadratic qda_fit(const wb::Mat& x, const wb::Vec& y);

// 06.3 logistic_newton: minimises −Σ_i log P(y_i | x_i) + (λ/2)‖w‖² over (w, b) with
// P(y = 1 | x) = σ(wᵀx + b), λ ≥ 0 (b is not penalised), by Newton's method from w = 0,
// b = 0, until the largest component of a Newton step is below 1e-10 (at most 100 steps).
// With λ = 0 the data must not be linearly separable (else there is no minimiser).
Linear logistic_newton(const wb::Mat& x, const wb::Vec& y, double lambda);

// 06.4 poisson_nb_fit: Naive Bayes with x_j | y ~ Poisson(λ_{y j}) independently over the d
// features, x (n, d) holding counts. The MLE: π₁ = n₁/n, λ_{y j} the mean of feature j in class
// y (every one must be positive). Returns the log-odds, which is linear in x.
Linear poisson_nb_fit(const wb::Mat& x, const wb::Vec& y);

}  // namespace ch06
