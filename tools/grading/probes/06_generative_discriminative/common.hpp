// Shared input generator of the chapter 06 probes: two overlapping Gaussian-ish classes.
#pragma once

#include "generative_discriminative.hpp"
#include "probe.hpp"

namespace ch06_probe {
// n points in d dimensions (n, d) with labels (n); both classes present, classes overlap.
inline void labelled(wb::probe::Probe& p, std::size_t n, std::size_t d, wb::Mat& x, wb::Vec& y) {
    x = xt::empty<double>({n, d});
    y = xt::empty<double>({n});
    const double shift = p.rng().uniform(0.3, 1.2), scale1 = p.rng().uniform(0.6, 1.6);
    for (std::size_t i = 0; i < n; ++i) {
        const bool one = i < 2 ? i == 1 : p.rng().uniform() < 0.4;
        y(i) = one ? 1.0 : 0.0;
        double common = p.rng().normal();
        for (std::size_t j = 0; j < d; ++j)
            x(i, j) = (one ? shift : 0.0) + (one ? scale1 : 1.0) * (0.5 * common + p.rng().normal());
    }
}
}  // namespace ch06_probe
