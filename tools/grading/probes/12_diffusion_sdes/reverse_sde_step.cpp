// Probe of 12.2 reverse_sde_step: one step of random batches with random increments.
#include "common.hpp"

WB_PROBE(p) {
    for (int i = 0; i < 10; ++i) {
        ch12probe::Case c = ch12probe::random_case(p);
        wb::Mat dW = xt::empty<double>(c.x.shape());
        for (auto& v : dW) v = std::sqrt(c.h) * p.rng().normal();
        ch12::reverse_sde_step(c.sde, c.score, c.x, c.t, c.h, dW);
        p.values("x after the step", c.x, 1e-9, 1e-12);
    }
}
