// Chapter 01's model: least absolute deviations on a line, its exact optimum by
// enumeration, and the directional derivatives of the objective.
#pragma once

#include <cstddef>

#include "wb/rng.hpp"
#include "wb/types.hpp"

namespace ch01 {

// A data set for LAD regression on a line: A (n, 2) with rows a_i = (1, x_i), y (n).
struct LadData {
    wb::Mat A;
    wb::Vec y;
};

// x_i ~ U(−1, 1), y_i = 0.5 + 1.5 x_i + 0.5 ε_i with ε_i ~ Student t₃ (heavy tails).
LadData lad_data(wb::Rng& rng, std::size_t n);

// f(w) = (1/n) Σ_i |y_i − a_iᵀw|; A (n, p), y (n), w (p).
double lad_objective(const wb::Mat& A, const wb::Vec& y, const wb::Vec& w);

// The exact minimiser of f for p = 2, by enumeration: an LAD optimum is a vertex of the
// linear programme, a line through two data points, so the best of the n(n−1)/2 lines
// through pairs (i, j) is optimal.
struct LadOptimum {
    wb::Vec w;         // (2) the minimiser
    double f = 0;      // f(w)
    std::size_t i = 0, j = 0;  // the two interpolated points
};
LadOptimum lad_by_enumeration(const wb::Mat& A, const wb::Vec& y);

// The one-sided directional derivative f'(w; d) = lim_{τ↓0} (f(w + τd) − f(w))/τ, from
// the subdifferential's support function max_{g∈∂f(w)} gᵀd:
//   −(1/n) Σ_{r_i ≠ 0} sign(r_i) a_iᵀd + (1/n) Σ_{r_i = 0} |a_iᵀd|,
// a residual counting as 0 when |r_i| ≤ tie. kinks = false drops the second sum (the
// slip of treating sign(0) = 0 as the whole subdifferential). A (n, p), y (n), w, d (p).
double lad_directional_derivative(const wb::Mat& A, const wb::Vec& y, const wb::Vec& w, const wb::Vec& d,
                                  double tie = 1e-9, bool kinks = true);

// ρ = (1/n) Σ_i ‖a_i‖: every subgradient of f has norm at most ρ. A (n, p).
double subgradient_bound(const wb::Mat& A);

}  // namespace ch01
