// Chapter 14's models: the stationary law of b = −x, D = 1 + x² in closed form, and a density
// held as cell averages on a finite-volume grid (its CDF, quantiles and score).
#pragma once

#include <cstddef>

#include "fokker_planck.hpp"
#include "wb/rng.hpp"
#include "wb/sde.hpp"
#include "wb/types.hpp"

namespace ch14 {

// p∞(x) = (2/π)(1 + x²)⁻², the stationary density of dX = −X dt + √(1 + X²) dW; its CDF
// F(x) = ½ + (arctan x + x/(1 + x²))/π, the quantile by bisection on F, and n draws
// X = Z/√(Z₁² + Z₂² + Z₃²) (a Student t₃ over √3, whose density is p∞).
double stationary_density(double x);
double stationary_cdf(double x);
double stationary_quantile(double q);
wb::Vec stationary_sample(wb::Rng& rng, std::size_t n);

// The state with zero flux through every edge (the discrete stationary state of 14.1), from
//   p_{i+1}(D_{i+1}/(2h) − b_{i+½}/2) = p_i(D_i/(2h) + b_{i+½}/2),
// normalised to Σ p_i h = 1. With `d_outside` the flux of the slip −½ D(x_{i+½}) Δp/h instead.
wb::Vec zero_flux_state(const wb::ScalarSde& sde, const Grid& grid, bool d_outside = false);

// A density given by its cell averages p (M) on a grid: piecewise constant for the CDF and
// its quantiles; the score ∂ₓlog p from the differences (log p_{i+1} − log p_i)/h at the interior
// edges, linear between edges and constant beyond the first and last.
class GridDensity {
public:
    GridDensity(const Grid& grid, const wb::Vec& p);
    double cdf(double x) const;
    double quantile(double q) const;
    double score(double x) const;
    double mass() const { return cum_.back(); }

private:
    Grid grid_;
    wb::Vec p_;
    std::vector<double> cum_, edge_score_;  // cum_[i] = mass of cells < i (M + 1); score at edges 1..M−1
};

}  // namespace ch14
