// Chapter 05's models: the profile loss of one sinusoid (a 2×2 least-squares problem
// for each ω), the periodogram, local minima of a sampled curve, gradient descent on
// ω, and the synthetic hourly series with a daily and a weekly period.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "wb/rng.hpp"
#include "wb/types.hpp"

namespace ch05 {

// The best a cos ωx + b sin ωx for one ω, by the 2×2 normal equations solved with
// Cramer's rule; loss = (1/n)‖y − a cos ωx − b sin ωx‖². x, y (n).
struct ProfileFit {
    double loss = 0, a = 0, b = 0;
};
ProfileFit profile_fit(const wb::Vec& x, const wb::Vec& y, double omega);

// The mean squared loss ℓ(a, b, ω) = (1/n) Σ_i (y_i − a cos ωx_i − b sin ωx_i)². x, y (n).
double sinusoid_loss(const wb::Vec& x, const wb::Vec& y, double a, double b, double omega);

// The periodogram I(ω) = (1/n)|Σ_i y_i e^{−iωx_i}|², by direct sums. x, y (n).
double periodogram(const wb::Vec& x, const wb::Vec& y, double omega);

// Indices i of the interior strict local minima of a sampled curve v (v_{i−1} > v_i < v_{i+1}).
std::vector<std::size_t> local_minima(const wb::Vec& v);

// Gradient descent ω_{k+1} = ω_k − η dL(ω_k) from omega0, until |ω_{k+1} − ω_k| < tol
// or max_steps; returns the whole path ω_0, ω_1, …
std::vector<double> descend(const std::function<double(double)>& dL, double omega0, double eta,
                            std::size_t max_steps, double tol = 1e-12);

// The hourly series of §4: t = 0, 1, …, hours − 1 (hours) and
//   y_t = Σ_j A_j cos(2π t / P_j − φ_j) + σ ε_t,   ε_t ~ N(0, 1),
// with the periods P_j, amplitudes A_j and phases φ_j below.
struct Component {
    double period, amplitude, phase;
};
inline const std::vector<Component> HourlyComponents{
    {24.0, 1.0, 0.7},    // the daily cycle
    {12.0, 0.4, -1.2},   // its first harmonic: the daily profile is not a pure sinusoid
    {168.0, 0.6, 2.1},   // the weekly cycle
};
struct Series {
    wb::Vec t, mean, y;  // hours, the noiseless signal, the observed series (each of size hours)
};
Series hourly_series(std::size_t hours, double sigma, wb::Rng& rng);

}  // namespace ch05
