// Tests of 10.3 annealed_langevin. On a Gaussian target N(0, v_σ) at each level the
// update is linear, x ← c x + √α z with c = 1 − α/(2 v_σ), so the mean and variance of
// the chains after the sweep are known exactly (var ← c² var + α); the tests compare
// the chains' sample moments with them (a fixed seed, a margin of 6 standard errors).
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "noise_scales.hpp"

using ch10::annealed_langevin;

namespace {
// The score of N(0, 1 + σ²) in every coordinate.
void gaussian_score(const wb::Mat& x, double sigma, wb::Mat& out) { out = -x / (1.0 + sigma * sigma); }

struct Moments {
    double mean, var;
};
// The exact mean and variance after the sweep, from x0 (every chain starts there).
Moments exact_moments(double x0, const std::vector<double>& sigmas, double eps, std::size_t steps) {
    double m = x0, v = 0.0;
    const double sL = sigmas.back();
    for (double s : sigmas) {
        const double alpha = eps * s * s / (sL * sL), c = 1.0 - alpha / (2.0 * (1.0 + s * s));
        for (std::size_t k = 0; k < steps; ++k) m *= c, v = c * c * v + alpha;
    }
    return {m, v};
}
Moments sample_moments(const wb::Mat& x) {
    const double n = static_cast<double>(x.size());
    double m = 0.0, q = 0.0;
    for (double e : x) m += e;
    m /= n;
    for (double e : x) q += (e - m) * (e - m);
    return {m, q / (n - 1)};
}
void expect_moments(const wb::Mat& x, const Moments& want) {
    const Moments got = sample_moments(x);
    const double n = static_cast<double>(x.size());
    EXPECT_NEAR(got.mean, want.mean, 6 * std::sqrt(want.var / n)) << "mean of the chains";
    EXPECT_NEAR(got.var, want.var, 6 * want.var * std::sqrt(2.0 / n)) << "variance of the chains";
}
}  // namespace

TEST(AnnealedLangevin, GaussianMomentsAfterOneLevel) {
    // One level: plain Langevin with step eps.
    wb::Mat x = xt::zeros<double>({std::size_t{20000}, std::size_t{1}}) + 4.0;
    wb::Rng rng(7);
    annealed_langevin(x, wb::Vec{0.5}, 0.3, 5, gaussian_score, rng);
    expect_moments(x, exact_moments(4.0, {0.5}, 0.3, 5));
}

TEST(AnnealedLangevin, GaussianMomentsAfterThreeLevels) {
    // Levels 4, 2, 1 with eps = 0.2: steps 3.2, 0.8, 0.2; four steps each.
    wb::Mat x = xt::zeros<double>({std::size_t{10000}, std::size_t{2}}) + 3.0;
    wb::Rng rng(11);
    annealed_langevin(x, wb::Vec{4.0, 2.0, 1.0}, 0.2, 4, gaussian_score, rng);
    expect_moments(x, exact_moments(3.0, {4.0, 2.0, 1.0}, 0.2, 4));
}

TEST(AnnealedLangevin, VisitsEveryLevelInOrder) {
    // Largest σ first, `steps` score evaluations of every chain per level (in one call per
    // step on the whole batch, or row by row: both are valid).
    std::vector<double> levels;     // the levels visited, consecutive repeats collapsed
    std::vector<std::size_t> rows;  // chain evaluations per visited level
    auto recorder = [&](const wb::Mat& x, double sigma, wb::Mat& out) {
        if (levels.empty() || levels.back() != sigma) levels.push_back(sigma), rows.push_back(0);
        rows.back() += x.shape(0);
        out = xt::zeros<double>(x.shape());
    };
    wb::Mat x = xt::zeros<double>({std::size_t{3}, std::size_t{2}});
    wb::Rng rng(1);
    annealed_langevin(x, wb::Vec{3.0, 1.0}, 0.1, 2, recorder, rng);
    EXPECT_EQ(levels, (std::vector<double>{3.0, 1.0}));
    EXPECT_EQ(rows, (std::vector<std::size_t>{6, 6}));
}
