// 14.1: one conservative finite-volume step of ∂ₜp = −∂ₓ(b p) + ½ ∂ₓ²(D p).
#include <stdexcept>
#include <vector>

#include "fokker_planck.hpp"
#include "wb/exercise.hpp"

namespace ch14 {

void fv_step(const wb::ScalarSde& sde, const Grid& grid, wb::Vec& p, double t, double dt) {
    if (p.size() != grid.M || grid.M < 2) throw std::invalid_argument("fv_step: p must have the grid's M >= 2 cells");
    // BEGIN SOLUTION 14.1 fv_step
    // The flux J = b p − ½ ∂ₓ(D p) through each interior edge; each edge's flux leaves one
    // cell and enters the next, so the total mass Σ p_i h changes only by rounding.
    const std::size_t M = grid.M;
    std::vector<double> J(M + 1, 0.0);  // J[0] = J[M] = 0: no flux through the outer edges
    for (std::size_t i = 0; i + 1 < M; ++i) {
        const double xl = grid.centre(i), xr = grid.centre(i + 1);
        const double gl = sde.g(xl, t), gr = sde.g(xr, t);
        // MUTANT d_outside: J[i + 1] = sde.f(grid.edge(i + 1), t) * 0.5 * (p(i) + p(i + 1)) - 0.5 * sde.g(grid.edge(i + 1), t) * sde.g(grid.edge(i + 1), t) * (p(i + 1) - p(i)) / grid.h;
        // MUTANT no_half: J[i + 1] = sde.f(grid.edge(i + 1), t) * 0.5 * (p(i) + p(i + 1)) - (gr * gr * p(i + 1) - gl * gl * p(i)) / grid.h;
        // MUTANT drift_sign: J[i + 1] = -sde.f(grid.edge(i + 1), t) * 0.5 * (p(i) + p(i + 1)) - 0.5 * (gr * gr * p(i + 1) - gl * gl * p(i)) / grid.h;
        J[i + 1] = sde.f(grid.edge(i + 1), t) * 0.5 * (p(i) + p(i + 1)) - 0.5 * (gr * gr * p(i + 1) - gl * gl * p(i)) / grid.h;
    }
    const double r = dt / grid.h;
    // MUTANT update_sign: for (std::size_t i = 0; i < M; ++i) p(i) += r * (J[i + 1] - J[i]);
    for (std::size_t i = 0; i < M; ++i) p(i) -= r * (J[i + 1] - J[i]);
    // END SOLUTION
}

}  // namespace ch14
