// Chapter 12's model: the score model of §6, linear in its parameters and fitted by
// denoising score matching at each time of a grid (the MMD is wb/mmd.hpp).
#pragma once

#include <cstddef>
#include <vector>

#include "diffusion_sdes.hpp"
#include "wb/diffusion.hpp"
#include "wb/gauss.hpp"
#include "wb/rng.hpp"
#include "wb/types.hpp"

namespace ch12 {

// The score model of §6 at one time t: s(x) = Φ(x)ᵀ A, with features (F = 3 + G²)
//   Φ(x) = (1, x₁, x₂, exp(−|x − c_k|²/(2(ℓ² + v_t))) for the G × G centres c_k),
// centres on a grid over [−L, L]² and ℓ their spacing, widened by the noise variance.
// A (F, 2) is fitted by least squares on denoising targets (the DSM loss), one fit per
// time of a uniform grid t_k = t_min + k (T − t_min)/N, k = 0..N. The features know the
// SDE (m_t, v_t) but nothing of p0.
class GridScoreModel {
public:
    static constexpr std::size_t G = 8;
    static constexpr double L = 3.5;
    static constexpr std::size_t F = 3 + G * G;

    // Which target the least squares regresses on: DSM's conditional score −z/√v, or (a
    // control) the noise −z itself.
    enum class Target { Score, Noise };
    // Fits at the N + 1 grid times from draws x0 (n, 2) of p0: at each time, x_t = m x0 + √v z
    // with fresh z (n, 2).
    GridScoreModel(const wb::Mat& x0, const wb::VpSde& sde, double t_min, std::size_t N, wb::Rng& rng,
                   Target target = Target::Score);
    // s(x, t) at the grid time nearest t, x (n, 2) → out (n, 2).
    void score(const wb::Mat& x, double t, wb::Mat& out) const;
    double time(std::size_t k) const;

private:
    void features(const double* x, double v, double* phi) const;
    wb::VpSde sde_;
    double t_min_;
    std::size_t N_;
    std::vector<wb::Mat> A_;  // (F, 2) per grid time
};

}  // namespace ch12
