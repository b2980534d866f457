// Random inputs for the chapter 09 probes.
#pragma once
#include <cstddef>

#include "probe.hpp"
#include "score_matching.hpp"

namespace ch09probe {
inline xt::xtensor<double, 2> normal_matrix(wb::probe::Probe& p, std::size_t n, std::size_t d, double sd = 1.0) {
    xt::xtensor<double, 2> A = xt::empty<double>({n, d});
    for (auto& a : A) a = p.rng().normal(0.0, sd);
    return A;
}
}  // namespace ch09probe
