// Probe of 05.1 fourier_features at random x and frequencies.
#include "fourier_features.hpp"
#include "probe.hpp"

WB_PROBE(p) {
    for (int r = 0; r < 3; ++r) {
        const std::size_t n = 3 + p.rng().below(10), K = 1 + p.rng().below(4);
        wb::Vec x = xt::empty<double>({n}), omega = xt::empty<double>({K});
        for (auto& v : x) v = p.rng().uniform(-20.0, 50.0);
        for (auto& w : omega) w = p.rng().uniform(0.01, 3.0);
        const wb::Mat phi = ch05::fourier_features(x, omega);
        p.value("rows", static_cast<double>(phi.shape(0)), 0.0, 0.0);
        p.value("columns", static_cast<double>(phi.shape(1)), 0.0, 0.0);
        if (phi.shape(0) == n && phi.shape(1) == 2 * K) p.values("features", phi, 1e-9, 1e-12);
    }
}
