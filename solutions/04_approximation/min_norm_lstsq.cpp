// 04.4: the minimum-norm least-squares output layer.
#include <stdexcept>

#include <xtensor-blas/xlinalg.hpp>
#include <xtensor/xview.hpp>

#include "approximation.hpp"
#include "wb/exercise.hpp"

namespace ch04 {

wb::Vec min_norm_lstsq(const wb::Mat& Phi, const wb::Vec& y) {
    if (Phi.shape(0) != y.size()) throw std::invalid_argument("min_norm_lstsq: Phi has n rows, y has n entries");
    // BEGIN SOLUTION 04.4 min_norm_lstsq
    // LAPACK's gelsd (an SVD) drops the zero singular values, which gives the minimum-norm
    // solution when Φ has more columns than rows; it never forms the ill-conditioned ΦᵀΦ.
    // BEGIN MUTANT normal_equations
    // const wb::Mat G = xt::linalg::dot(xt::transpose(Phi), Phi);
    // return xt::linalg::solve(G, xt::linalg::dot(xt::transpose(Phi), y));
    // END MUTANT
    // BEGIN MUTANT row_space_formula
    // const wb::Mat G = xt::linalg::dot(Phi, xt::transpose(Phi));
    // return xt::linalg::dot(xt::transpose(Phi), xt::linalg::solve(G, y));
    // END MUTANT
    // BEGIN MUTANT small_ridge
    // wb::Mat G = xt::linalg::dot(xt::transpose(Phi), Phi);
    // for (std::size_t j = 0; j < G.shape(0); ++j) G(j, j) += 1e-6;
    // return xt::linalg::solve(G, xt::linalg::dot(xt::transpose(Phi), y));
    // END MUTANT
    // y as an (n, 1) matrix: with a 1-D b, lstsq squeezes the N = 1 answer to a scalar.
    const wb::Mat Y = xt::view(y, xt::all(), xt::newaxis());
    const auto B = std::get<0>(xt::linalg::lstsq(Phi, Y));  // (N, 1)
    return xt::view(B, xt::all(), 0);
    // END SOLUTION
}

}  // namespace ch04
