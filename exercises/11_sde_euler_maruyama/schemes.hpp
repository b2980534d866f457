// Chapter 11 exercises: one step of each scheme for a scalar SDE
//
//   dX = f(X, t) dt + g(X, t) dW,
//
// f the drift, g the diffusion, h > 0 the step and dW = W(t + h) − W(t) ~ N(0, h)
// the Brownian increment over the step. Each function advances one state x at time
// t to time t + h. Every function here is one exercise; none calls another, so a
// broken one never blocks the rest.
#pragma once

#include <functional>

namespace ch11 {

// A coefficient c(x, t) of the SDE: the drift f, the diffusion g, or ∂g/∂x.
using Coefficient = std::function<double(double x, double t)>;

// 11.1 euler_step: one explicit Euler step of the ODE dx/dt = f(x, t).
double euler_step(double x, double t, double h, const Coefficient& f);

// 11.2 em_step: one Euler–Maruyama step of dX = f dt + g dW with increment dW.
double em_step(double x, double t, double h, double dW, const Coefficient& f, const Coefficient& g);

// 11.3 milstein_step: one Milstein step; gx(x, t) = ∂g/∂x.
double milstein_step(double x, double t, double h, double dW, const Coefficient& f, const Coefficient& g,
                     const Coefficient& gx);

// 11.4 tamed_em_step: one tamed Euler–Maruyama step (Hutzenthaler, Jentzen & Kloeden
// 2012): the drift increment h f becomes h f / (1 + h |f|), never larger than 1.
double tamed_em_step(double x, double t, double h, double dW, const Coefficient& f, const Coefficient& g);

}  // namespace ch11
