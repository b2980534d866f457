// Probe of 09.1 hutchinson: the laws of the slicing directions (examined by the
// judge, since each student draws differently) and vᵀAv for given directions.
#include <cmath>
#include <string>

#include "common.hpp"

WB_PROBE(p) {
    const std::size_t d = 5;
    const ch09::Slice kinds[] = {ch09::Slice::Gaussian, ch09::Slice::Rademacher, ch09::Slice::Sphere};
    for (std::size_t i = 0; i < 3; ++i) {
        const auto kind = kinds[i];
        // Enough Gaussian draws that the fourth moment tells the law apart (below).
        const std::size_t m = kind == ch09::Slice::Gaussian ? 2000 : 400;
        wb::Rng rng = p.fresh(i);
        const auto V = p.raw_all(ch09::slicing_directions(kind, m, d, rng));
        const std::string name = ch09::slice_name(kind);
        p.require(V.shape(0) == m && V.shape(1) == d, name + " directions: wrong shape");
        // Coordinates have mean 0 and variance 1 under all three laws; a 6-standard-error
        // band is missed by a right answer with probability ~1e-8.
        double sum = 0, sum2 = 0, sum4 = 0;
        bool signs = true, norms = true;
        for (std::size_t r = 0; r < m; ++r) {
            double n2 = 0;
            for (std::size_t j = 0; j < d; ++j) {
                const double v = V(r, j);
                sum += v, sum2 += v * v, sum4 += v * v * v * v, n2 += v * v;
                signs = signs && (v == 1.0 || v == -1.0);
            }
            norms = norms && std::fabs(n2 - static_cast<double>(d)) <= 1e-9 * static_cast<double>(d);
        }
        const double N = static_cast<double>(m * d), mean = sum / N, var = sum2 / N;
        p.require(std::isfinite(sum4) && std::fabs(mean) <= 6.0 / std::sqrt(N), name + " directions: coordinates do not have mean 0");
        p.require(std::fabs(var - 1.0) <= 6.0 * std::sqrt(std::max(sum4 / N - var * var, 1e-12) / N),
                  name + " directions: coordinates do not have variance 1");
        if (kind == ch09::Slice::Rademacher) p.require(signs, "Rademacher directions: entries must be ±1");
        if (kind == ch09::Slice::Sphere) p.require(norms, "sphere directions: every row must have length √d");
        if (kind == ch09::Slice::Gaussian) {
            p.require(!signs && !norms, "Gaussian directions: these look like Rademacher or sphere directions");
            // E v⁴ = 3 for N(0, 1), with Var v⁴ = 105 − 9 = 96; uniform entries of variance 1
            // give 1.8, Rademacher 1: 6 standard errors (0.59 at N = 10⁴) apart from 3 or more.
            p.require(std::fabs(sum4 / N - 3.0) <= 6.0 * std::sqrt(96.0 / N),
                      "Gaussian directions: the coordinates are not normal (their fourth moment is not 3)");
        }
    }
    for (int i = 0; i < 5; ++i) {
        const auto A = ch09probe::normal_matrix(p, d, d), V = ch09probe::normal_matrix(p, 30, d);
        p.values("vᵀAv", ch09::hutchinson_samples(A, V), 1e-10, 1e-12);
    }
}
