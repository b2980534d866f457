// Probe of 02.3 focal_loss: random logits, labels, γ and α (or none).
#include <cmath>
#include <optional>

#include "losses.hpp"
#include "probe.hpp"

WB_PROBE(p) {
    for (int i = 0; i < 30; ++i) {
        const double z = p.rng().normal() * std::exp(p.rng().uniform(-2.0, 4.0));
        const int y = static_cast<int>(p.rng().below(2));
        const double gamma = i % 5 == 0 ? 0.0 : p.rng().uniform(0.0, 5.0);
        const std::optional<double> alpha =
            i % 2 == 0 ? std::optional<double>(p.rng().uniform(0.05, 0.95)) : std::nullopt;
        const auto r = ch02::focal_loss(z, y, gamma, alpha);
        p.value("loss", r.loss, 1e-9, 1e-300);
        p.value("gradient", r.grad, 1e-9, 1e-300);
    }
}
