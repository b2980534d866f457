// Probe of 12.3 flow_heun_step: one step of random batches, forward and backward in t.
#include "common.hpp"

WB_PROBE(p) {
    for (int i = 0; i < 10; ++i) {
        ch12probe::Case c = ch12probe::random_case(p);
        ch12::flow_heun_step(c.sde, c.score, c.x, c.t, i % 2 ? c.h : -c.h);
        p.values("x after the step", c.x, 1e-9, 1e-12);
    }
}
