// Probe of 02.4 weighted_cross_entropy: random batches, classes and weights.
#include <cmath>
#include <vector>

#include "losses.hpp"
#include "probe.hpp"

WB_PROBE(p) {
    for (int i = 0; i < 8; ++i) {
        const std::size_t n = 1 + static_cast<std::size_t>(p.rng().below(12));
        const std::size_t K = 2 + static_cast<std::size_t>(p.rng().below(5));
        wb::Mat Z = wb::Mat::from_shape({n, K});
        std::vector<std::size_t> y(n);
        wb::Vec w = wb::Vec::from_shape({K});
        for (std::size_t k = 0; k < K; ++k) w(k) = std::exp(p.rng().uniform(-2.0, 3.0));
        const double shift = i % 2 == 0 ? 1000.0 : 0.0;
        for (std::size_t r = 0; r < n; ++r) {
            for (std::size_t k = 0; k < K; ++k) Z(r, k) = shift + 2.0 * p.rng().normal();
            y[r] = static_cast<std::size_t>(p.rng().below(K));
        }
        const auto res = ch02::weighted_cross_entropy(Z, y, w);
        p.value("loss", res.loss, 1e-9, 1e-12);
        p.values("gradient", res.grad, 1e-9, 1e-12);
    }
}
