// 11.1: one explicit Euler step for an ODE.
#include "schemes.hpp"
#include "wb/exercise.hpp"

namespace ch11 {

double euler_step(double x, double t, double h, const wb::ScalarSde& ode) {
    // BEGIN SOLUTION 11.1 euler_step
    // Left-point rule for x(t + h) = x(t) + ∫_t^{t+h} f(x(s), s) ds.
    // MUTANT drift_at_the_end: return x + h * ode.f(x, t + h);
    // MUTANT no_step_size: return x + ode.f(x, t);
    return x + h * ode.f(x, t);
    // END SOLUTION
}

}  // namespace ch11
