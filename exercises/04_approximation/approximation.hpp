// Chapter 04 exercise API: Approximation: Fourier series, Gibbs, ReLU and depth.
//
//   04.1 fourier_coefficients  a_k, b_k of a 2π-periodic function by the periodic trapezoid rule
//   04.2 partial_sum           the truncated Fourier series S_K at given points
//   04.3 yarotsky              the tent map from three ReLUs and Yarotsky's approximation of x²
//   04.4 min_norm_lstsq        the minimum-norm least-squares output layer
#pragma once

#include <cstddef>
#include <functional>

#include "wb/types.hpp"

namespace ch04 {

// The coefficients of S_K(x) = a₀/2 + Σ_{k=1..K} (a_k cos kx + b_k sin kx): a and b have
// length K + 1, indexed by k; b(0) = 0.
struct Fourier {
    wb::Vec a, b;
    std::size_t degree() const { return a.size() - 1; }  // K
};

// 04.1 fourier_coefficients: a_k = (1/π)∫_{−π}^{π} f(x) cos kx dx and b_k = (1/π)∫ f(x) sin kx dx
// for k = 0..K, by the periodic trapezoid rule on the n ≥ 2K + 1 points x_j = −π + 2πj/n,
// j = 0..n−1 (each point once: −π and π are the same point of the circle).
Fourier fourier_coefficients(const std::function<double(double)>& f, std::size_t K, std::size_t n);

// 04.2 partial_sum: S_K(x_i) for every point of x (shape (m,)), returns shape (m,).
wb::Vec partial_sum(const Fourier& c, const wb::Vec& x);

// 04.3 yarotsky: the tent map g(x) = 2 relu(x) − 4 relu(x − ½) + 2 relu(x − 1) on the real line
// (g = 2x on [0, ½], 2 − 2x on [½, 1], 0 outside [0, 1]), and Yarotsky's approximation
// f_m(x) = x − Σ_{s=1..m} g_s(x)/4^s of x² on [0, 1], with g_s = g ∘ … ∘ g (s times), m ≥ 0.
double tent(double x);
double yarotsky_square(double x, int m);

// 04.4 min_norm_lstsq: the β of least Euclidean norm among the minimisers of ‖y − Φβ‖²,
// for Φ of shape (n, N) with any n and N (below, at and past interpolation), y of shape (n,);
// returns shape (N,).
wb::Vec min_norm_lstsq(const wb::Mat& Phi, const wb::Vec& y);

}  // namespace ch04
