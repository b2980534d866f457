// Probe of 08.3 noisy_posterior: h(η) and h′(η) at random η and rates.
#include "probe.hpp"
#include "ranking_label_noise.hpp"

WB_PROBE(p) {
    for (int i = 0; i < 20; ++i) {
        const double eta = p.rng().uniform();
        const ch08::FlipRates r{p.rng().uniform(0.0, 0.4), p.rng().uniform(0.0, 0.4), p.rng().uniform(-2.0, 2.0),
                                p.rng().uniform(-2.0, 2.0)};
        const ch08::NoisyPosterior h = ch08::noisy_posterior(eta, r);
        p.value("h(η)", h.value, 1e-10);
        p.value("h′(η)", h.slope, 1e-10, 1e-12);
    }
}
