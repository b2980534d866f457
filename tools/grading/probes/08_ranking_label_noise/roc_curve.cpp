// Probe of 08.2 roc_curve: the points of the curve on samples with ties.
#include <vector>

#include "probe.hpp"
#include "ranking_label_noise.hpp"

WB_PROBE(p) {
    for (int i = 0; i < 6; ++i) {
        const std::size_t n = 4 + p.rng().below(40);
        std::vector<double> s(n);
        std::vector<int> y(n);
        for (std::size_t j = 0; j < n; ++j) {
            y[j] = j < 2 ? static_cast<int>(j) : (p.rng().uniform() < 0.5 ? 1 : 0);
            s[j] = static_cast<double>(p.rng().below(6)) + (y[j] == 1 ? 1.0 : 0.0);
        }
        const ch08::RocCurve r = ch08::roc_curve(s, y);
        p.value("number of points", static_cast<double>(r.fpr.size()), 0.0, 0.0);
        p.value("number of tpr values", static_cast<double>(r.tpr.size()), 0.0, 0.0);
        p.values("fpr", r.fpr, 1e-10);
        p.values("tpr", r.tpr, 1e-10);
    }
}
