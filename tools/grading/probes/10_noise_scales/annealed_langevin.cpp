// Probe of 10.3 annealed_langevin. Different correct samplers draw different normals, so
// the judge tests the chains' law: on a Gaussian target N(0, b + σ²) every update is
// linear, and the mean and variance after the sweep follow an exact recursion; the
// chains' sample moments must lie within 6 standard errors of them (a false alarm has
// probability about 10⁻⁸ per moment). The order of the levels and the number of score
// evaluations per level are compared exactly.
#include <cmath>
#include <vector>

#include "noise_scales.hpp"
#include "probe.hpp"

WB_PROBE(p) {
    for (int rep = 0; rep < 3; ++rep) {
        const std::size_t L = 2 + static_cast<std::size_t>(p.rng().below(3)), steps = 1 + static_cast<std::size_t>(p.rng().below(6));
        const double b = p.rng().uniform(0.5, 2.0), eps = p.rng().uniform(0.05, 0.4), x0 = p.rng().normal(0.0, 3.0);
        wb::Vec sigmas = xt::empty<double>({L});
        for (std::size_t i = 0; i < L; ++i) sigmas(i) = std::pow(0.5, static_cast<double>(i)) * p.rng().uniform(1.5, 2.5);
        // The levels visited (consecutive repeats collapsed) and the chain evaluations at each:
        // one call per step on the whole batch and one per row are both valid.
        std::vector<double> seen, rows;
        auto score = [&](const wb::Mat& x, double sigma, wb::Mat& out) {
            if (seen.empty() || seen.back() != sigma) seen.push_back(sigma), rows.push_back(0.0);
            rows.back() += static_cast<double>(x.shape(0));
            out = -x / (b + sigma * sigma);
        };
        const std::size_t n = 20000;
        wb::Mat x = xt::zeros<double>({n, std::size_t{1}}) + x0;
        wb::Rng rng = p.fresh(static_cast<std::uint64_t>(rep));
        ch10::annealed_langevin(x, sigmas, eps, steps, score, rng);
        // The exact moments.
        double m = x0, v = 0.0;
        const double sL = sigmas(L - 1);
        for (std::size_t i = 0; i < L; ++i) {
            const double alpha = eps * sigmas(i) * sigmas(i) / (sL * sL), c = 1.0 - alpha / (2.0 * (b + sigmas(i) * sigmas(i)));
            for (std::size_t k = 0; k < steps; ++k) m *= c, v = c * c * v + alpha;
        }
        double mean = 0.0, q = 0.0;
        for (double e : x) mean += e;
        mean /= static_cast<double>(n);
        for (double e : x) q += (e - mean) * (e - mean);
        const double var = q / static_cast<double>(n - 1);
        const double got_mean = p.raw(mean), got_var = p.raw(var);
        p.values("the levels visited, in order", seen, 0.0, 0.0);
        p.values("chain evaluations per level", rows, 0.0, 0.0);
        if (p.mode() == wb::probe::Probe::Mode::Judge) {
            p.require(std::fabs(got_mean - m) <= 6 * std::sqrt(v / static_cast<double>(n)), "mean of the chains after the sweep");
            p.require(std::fabs(got_var - v) <= 6 * v * std::sqrt(2.0 / static_cast<double>(n)), "variance of the chains after the sweep");
        }
    }
}
