// Chapter 11 exercises: one step of each scheme for a scalar SDE
//
//   dX = f(X, t) dt + g(X, t) dW,
//
// given as the library's scalar view `wb::ScalarSde` (common/wb/sde.hpp): sde.f(x, t)
// is the drift, sde.g(x, t) the diffusion and sde.g_x(x, t) = ∂g/∂x. Build one from
// lambdas with `wb::PointwiseSde{f, g, gx}`, or pass a library process such as
// `wb::GeometricBrownian`. h > 0 is the step and dW = W(t + h) − W(t) ~ N(0, h) the
// Brownian increment over the step. Each function advances one state x at time t to
// time t + h. Every function here is one exercise; none calls another, so a broken
// one never blocks the rest.
#pragma once

#include "wb/sde.hpp"

namespace ch11 {

// 11.1 euler_step: one explicit Euler step of the ODE dx/dt = f(x, t), the drift of
// `ode` (its diffusion is ignored).
double euler_step(double x, double t, double h, const wb::ScalarSde& ode);

// 11.2 em_step: one Euler–Maruyama step of dX = f dt + g dW with increment dW.
double em_step(double x, double t, double h, double dW, const wb::ScalarSde& sde);

// 11.3 milstein_step: one Milstein step; it needs sde.g_x = ∂g/∂x.
double milstein_step(double x, double t, double h, double dW, const wb::ScalarSde& sde);

// 11.4 tamed_em_step: one tamed Euler–Maruyama step (Hutzenthaler, Jentzen & Kloeden
// 2012): the drift increment h f becomes h f / (1 + h |f|), never larger than 1.
double tamed_em_step(double x, double t, double h, double dW, const wb::ScalarSde& sde);

}  // namespace ch11
