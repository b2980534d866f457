// Chapter 01 exercises: the subgradient method on least absolute deviations (LAD).
//
// The objective is f(w) = (1/n) Σ_i |y_i − a_iᵀw| for rows a_i of A (n, p) and
// targets y (n). Every function here is one exercise; none calls another, so a
// broken one never blocks the rest.
//
//   01.1 lad_subgradient     a subgradient of f at w
//   01.2 subgradient_step    one step of the subgradient method with η_t = η/√t
//   01.3 minibatch_gradient  a mini-batch subgradient, the batch drawn without replacement
#pragma once

#include <cstddef>

#include "wb/rng.hpp"
#include "wb/types.hpp"

namespace ch01 {

// 01.1 lad_subgradient: an element of the subdifferential ∂f(w) of
// f(w) = (1/n) Σ_i |y_i − a_iᵀw|, A (n, p), y (n), w (p) → (p). Where a residual
// r_i = y_i − a_iᵀw is exactly 0, any s_i ∈ [−1, 1] in place of sign(r_i) is correct.
wb::Vec lad_subgradient(const wb::Mat& A, const wb::Vec& y, const wb::Vec& w);

// 01.2 subgradient_step: w_{t+1} = w_t − η_t g_t with the schedule η_t = eta/√t,
// t = 1, 2, … the step's number; w (p), g (p) → (p).
wb::Vec subgradient_step(const wb::Vec& w, const wb::Vec& g, std::size_t t, double eta);

// 01.3 minibatch_gradient: the subgradient −(1/m) Σ_{i∈S} sign(r_i) a_i of the batch
// objective (1/m) Σ_{i∈S} |y_i − a_iᵀw|, for a batch S of m distinct row indices drawn
// uniformly without replacement from {0, …, n−1} with rng (every m-subset equally
// likely), 1 ≤ m ≤ n; A (n, p), y (n), w (p) → (p). Use sign(0) = 0.
wb::Vec minibatch_gradient(const wb::Mat& A, const wb::Vec& y, const wb::Vec& w, std::size_t m, wb::Rng& rng);

}  // namespace ch01
