// Probe of 01.3 minibatch_gradient. Different correct samplers draw different batches,
// so the judge tests the batches' law: rows a_i = (1, 2^i) with every residual negative
// make m·g(1) = Σ_{i∈S} 2^i name the batch S; it must hold m distinct rows, the mean's
// first component must be 1, and over many draws every 2-subset of 5 rows must be
// equally likely (Pearson's χ² with 9 degrees of freedom below 45: a false alarm has
// probability under 10⁻⁶).
#include <bit>
#include <cmath>
#include <cstdint>
#include <map>

#include "optimisation.hpp"
#include "probe.hpp"

WB_PROBE(p) {
    const std::size_t n = 5;
    wb::Mat A = xt::ones<double>({n, std::size_t{2}});
    const wb::Vec y = -1e6 * xt::ones<double>({n}), w = xt::zeros<double>({std::size_t{2}});
    for (std::size_t i = 0; i < n; ++i) A(i, 1) = std::ldexp(1.0, static_cast<int>(i));
    wb::Rng rng = p.fresh(0);
    std::map<std::uint64_t, int> count;
    const int K = 4000;
    bool distinct = true, mean_ok = true;
    for (int k = 0; k < K; ++k) {
        const wb::Vec g = ch01::minibatch_gradient(A, y, w, 2, rng);
        const double g0 = p.raw(g(0)), g1 = p.raw(g(1));
        mean_ok = mean_ok && std::fabs(g0 - 1.0) < 1e-12;
        const auto mask = static_cast<std::uint64_t>(std::llround(2 * g1));
        distinct = distinct && std::popcount(mask) == 2 && mask < 32;
        ++count[mask];
    }
    double chi2 = 0.0;
    for (const auto& [mask, c] : count) chi2 += (c - K / 10.0) * (c - K / 10.0) / (K / 10.0);
    chi2 += (10.0 - static_cast<double>(count.size())) * K / 10.0;  // subsets never drawn
    // m = n: the batch is the whole data set, the value is the full subgradient.
    for (int rep = 0; rep < 5; ++rep) {
        const std::size_t n2 = 3 + p.rng().below(20);
        wb::Mat A2 = xt::ones<double>({n2, std::size_t{2}});
        wb::Vec y2 = xt::empty<double>({n2});
        for (std::size_t i = 0; i < n2; ++i) A2(i, 1) = p.rng().normal(), y2(i) = p.rng().normal(0.5, 2.0);
        const wb::Vec w2 = {p.rng().normal(), p.rng().normal()};
        wb::Rng r2 = p.fresh(1 + static_cast<std::uint64_t>(rep));
        p.values("full-batch subgradient", ch01::minibatch_gradient(A2, y2, w2, n2, r2), 1e-9, 1e-12);
    }
    if (p.mode() == wb::probe::Probe::Mode::Judge) {
        p.require(mean_ok, "the batch gradient averages over m rows");
        p.require(distinct, "a batch holds m distinct rows");
        p.require(chi2 < 45.0, "every 2-subset of 5 rows equally likely");
    }
}
