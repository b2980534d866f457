// Probe of 08.1 auc: random samples with ties (few score levels) and without.
#include <vector>

#include "probe.hpp"
#include "ranking_label_noise.hpp"

WB_PROBE(p) {
    for (int i = 0; i < 10; ++i) {
        const std::size_t n = 4 + p.rng().below(60);
        const bool ties = i % 2 == 0;
        std::vector<double> s(n);
        std::vector<int> y(n);
        for (std::size_t j = 0; j < n; ++j) {
            y[j] = j < 2 ? static_cast<int>(j) : (p.rng().uniform() < 0.4 ? 1 : 0);
            const double v = p.rng().normal(y[j] == 1 ? 0.8 : 0.0, 1.0);
            s[j] = ties ? static_cast<double>(static_cast<int>(2.0 * v)) : v;
        }
        p.value("AUC", ch08::auc(s, y), 1e-10);
    }
}
