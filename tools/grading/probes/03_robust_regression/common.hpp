// Random regression data for the chapter 03 probes: y = Xβ + heavy-tailed noise.
#pragma once
#include <cstddef>

#include "probe.hpp"
#include "robust.hpp"

namespace ch03probe {
struct Data {
    wb::Mat X;
    wb::Vec y;
};
inline Data random_data(wb::probe::Probe& p, std::size_t n, std::size_t dims) {
    Data D{xt::ones<double>({n, dims}), xt::empty<double>({n})};
    for (std::size_t i = 0; i < n; ++i) {
        double fit = p.rng().normal();
        for (std::size_t j = 1; j < dims; ++j) {
            D.X(i, j) = p.rng().normal(0.0, 2.0);
            fit += static_cast<double>(j) * D.X(i, j);
        }
        D.y(i) = fit + p.rng().student_t(3.0);
    }
    return D;
}
}  // namespace ch03probe
