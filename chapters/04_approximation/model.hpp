// Chapter 04's models: closed-form Fourier coefficients of the chapter's targets, the sine
// integral, ReLU networks written out layer by layer, and random ReLU features.
#pragma once

#include <cstddef>
#include <vector>

#include "approximation.hpp"
#include "wb/types.hpp"

namespace ch04 {

// Closed-form coefficients up to degree K of the targets on [−π, π) (their 2π-periodic extensions):
Fourier square_wave_coefficients(std::size_t K);  // sign x: b_k = 4/(πk), k odd
Fourier abs_coefficients(std::size_t K);          // |x|: a₀ = π, a_k = −4/(πk²), k odd
Fourier sawtooth_coefficients(std::size_t K);     // x: b_k = 2(−1)^{k+1}/k
Fourier expcos_coefficients(std::size_t K);       // e^{cos x}: a_k = 2 I_k(1)

// ‖f − S_K‖ in L²(−π, π) by Parseval: ‖f‖² − π(a₀²/2 + Σ_{k≤K} a_k² + b_k²), given ‖f‖².
double parseval_error(double norm2, const Fourier& c);
// The same for e^{cos x} from its tail π Σ_{k>K} a_k² (no cancellation at tiny errors).
double expcos_error(std::size_t K);

// Si(x) = ∫₀ˣ sin t / t dt by its power series (|x| ≤ 8).
double sine_integral(double x);

// A ReLU network R → R: hidden layers h_l = relu(W_l h_{l−1} + b_l), h_0 = (x), and a linear
// output wᵀh_L + c. W_l has shape (units_l, units_{l−1}).
struct ReluNet {
    std::vector<wb::Mat> W;
    std::vector<wb::Vec> b;
    wb::Vec w_out;
    double c_out = 0.0;
    double operator()(double x) const;
    std::size_t units() const;  // hidden units, all layers
    std::size_t depth() const { return W.size(); }
};
// Yarotsky's network for x² on [0, 1]: m hidden layers of 4 units (three for the tent, one
// carrying the running approximation), output f_m(x). m ≥ 1.
ReluNet yarotsky_network(int m);
// One hidden layer with 2^m units: the piecewise-linear interpolant of x² at k/2^m.
ReluNet shallow_square_network(int m);

// Random ReLU features relu(w_j x_i + c_j): x (n,), w and c (N,) → (n, N).
wb::Mat relu_features(const wb::Vec& x, const wb::Vec& w, const wb::Vec& c);
// tanh features tanh(w_j x_i + c_j), same shapes.
wb::Mat tanh_features(const wb::Vec& x, const wb::Vec& w, const wb::Vec& c);
// Ridge least squares argmin ‖y − Φβ‖² + λ‖β‖²: Phi (n, N), y (n,) → (N,), λ > 0.
wb::Vec ridge(const wb::Mat& Phi, const wb::Vec& y, double lambda);

}  // namespace ch04
