// Chapter 14 exercise API: Fokker–Planck and the probability-flow ODE, in one dimension.
//
//   14.1 fv_step        one conservative finite-volume step of the Fokker–Planck equation
//   14.2 flow_velocity  the probability-flow velocity v = b − ½ D′ − ½ D ∂ₓlog p
//   14.3 em_step        one Euler–Maruyama step with state-dependent diffusion
//
// The process is dX = b(X, t) dt + g(X, t) dW (wb::ScalarSde: b = sde.f, g = sde.g,
// ∂g/∂x = sde.g_x), with diffusion coefficient D = g², so D′ = 2 g ∂ₓg.
#pragma once

#include "wb/sde.hpp"
#include "wb/types.hpp"

namespace ch14 {

// A grid of M cells of width h on [lo, lo + M h]: cell i has centre lo + (i + ½) h.
struct Grid {
    double lo = 0.0, h = 1.0;
    std::size_t M = 0;
    double centre(std::size_t i) const { return lo + (static_cast<double>(i) + 0.5) * h; }
    double edge(std::size_t i) const { return lo + static_cast<double>(i) * h; }  // i = 0..M
};

// 14.1 fv_step: p (M) holds the cell averages of a density at time t; advance it by dt with
// the fluxes through the interior edges x_{i+½} between cells i and i + 1,
//   J_{i+½} = b(x_{i+½}, t) (p_i + p_{i+1})/2 − (D(x_{i+1}, t) p_{i+1} − D(x_i, t) p_i)/(2h),
// and no flux through the two outer edges:  p_i ← p_i − (dt/h)(J_{i+½} − J_{i−½}).
void fv_step(const wb::ScalarSde& sde, const Grid& grid, wb::Vec& p, double t, double dt);

// 14.2 flow_velocity: the velocity of the probability-flow ODE dx/dt = v(x, t) at x, given
// the score ∂ₓlog p_t(x):  v = b − ½ ∂ₓD − ½ D ∂ₓlog p_t.
double flow_velocity(const wb::ScalarSde& sde, double x, double t, double score);

// 14.3 em_step: one Euler–Maruyama step of dX = b dt + g dW from x at time t over h with the
// Brownian increment dW (variance h).
double em_step(const wb::ScalarSde& sde, double x, double t, double h, double dW);

}  // namespace ch14
