// 09.1 Hutchinson's trace estimator with three laws of the slicing direction.
#include <cmath>
#include <span>
#include <stdexcept>

#include "score_matching.hpp"
#include "wb/exercise.hpp"

namespace ch09 {

xt::xtensor<double, 2> slicing_directions(Slice kind, std::size_t m, std::size_t d, wb::Rng& rng) {
    xt::xtensor<double, 2> V = xt::zeros<double>({m, d});
    for (std::size_t r = 0; r < m; ++r) {
        double* v = &V(r, 0);
        // BEGIN SOLUTION 09.1 hutchinson
        if (kind == Slice::Rademacher) {
            for (std::size_t i = 0; i < d; ++i) v[i] = rng.rademacher();
            continue;
        }
        // A standard normal vector; its direction is uniform, so rescaling it to
        // length √d gives the sphere (E[vvᵀ] = I needs ‖v‖² = d on average).
        rng.fill_normal(std::span<double>(v, d));
        double norm2 = 0.0;
        for (std::size_t i = 0; i < d; ++i) norm2 += v[i] * v[i];
        // MUTANT gaussian_on_the_sphere: if (kind != Slice::Rademacher) {
        if (kind == Slice::Sphere) {
            // MUTANT sphere_of_radius_one: const double f = std::sqrt(1.0 / norm2);
            const double f = std::sqrt(static_cast<double>(d) / norm2);
            for (std::size_t i = 0; i < d; ++i) v[i] *= f;
        }
        // STUB: (void)kind, (void)rng, (void)v;
        // STUB: throw wb::NotImplemented("09.1 hutchinson");
        // END SOLUTION
    }
    return V;
}

xt::xtensor<double, 1> hutchinson_samples(const xt::xtensor<double, 2>& A, const xt::xtensor<double, 2>& V) {
    const std::size_t m = V.shape(0), d = V.shape(1);
    if (A.shape(0) != d || A.shape(1) != d) throw std::invalid_argument("hutchinson_samples: A must be (d, d)");
    xt::xtensor<double, 1> q = xt::zeros<double>({m});
    // BEGIN SOLUTION 09.1 hutchinson
    // q_r = Σ_ij v_i A_ij v_j: O(d²) per direction, no matrix is formed.
    for (std::size_t r = 0; r < m; ++r) {
        const double* v = &V(r, 0);
        double acc = 0.0;
        for (std::size_t i = 0; i < d; ++i) {
            const double* a = &A(i, 0);
            double Av = 0.0;
            // MUTANT index_slip: for (std::size_t j = 0; j < d; ++j) Av += a[j] * v[i];
            for (std::size_t j = 0; j < d; ++j) Av += a[j] * v[j];
            acc += v[i] * Av;
        }
        q(r) = acc;
    }
    // END SOLUTION
    return q;
}

}  // namespace ch09
