// Benchmarks of the hot kernels. Targets (README, issue 12): normals ≥ 250 M/s on one
// core; uniform and Rademacher fills near the generator's own speed (BM_NextU64); one
// Euler–Maruyama step over a batch, including drawing its increments, at most 1.2x
// drawing the normals alone (compare BM_EulerMaruyamaStep with BM_NormalFillScaled).
#include <vector>

#include <benchmark/benchmark.h>

#include "wb/check.hpp"
#include "wb/gauss.hpp"
#include "wb/rng.hpp"
#include "wb/sde.hpp"
#include "wb/stats.hpp"

namespace {

constexpr std::size_t N = 1 << 16;

void BM_NextU64(benchmark::State& st) {
    wb::Rng r(1);
    for (auto _ : st) {
        std::uint64_t acc = 0;
        for (std::size_t i = 0; i < N; ++i) acc ^= r.next_u64();
        benchmark::DoNotOptimize(acc);
    }
    st.SetItemsProcessed(static_cast<std::int64_t>(st.iterations() * N));
}
BENCHMARK(BM_NextU64);

// The raw draws as the fills take them: detail::pcg64_fill in blocks of 256 (the AVX512-IFMA
// kernel where the CPU has it, the two-chain loop elsewhere).
void BM_Pcg64Fill(benchmark::State& st) {
    const wb::detail::Pcg64 g(1, 2);
    auto s = g.state();
    std::vector<std::uint64_t> buf(256);
    for (auto _ : st) {
        for (std::size_t r = 0; r < N / buf.size(); ++r) {
            wb::detail::pcg64_fill(s, g.inc(), buf.data(), buf.size());
            benchmark::DoNotOptimize(buf.data());
            benchmark::ClobberMemory();
        }
    }
    st.SetItemsProcessed(static_cast<std::int64_t>(st.iterations() * N));
}
BENCHMARK(BM_Pcg64Fill);

template <class Fill>
void fill_bench(benchmark::State& st, Fill fill) {
    wb::Rng r(1);
    wb::Vec a = xt::empty<double>({N});
    for (auto _ : st) {
        fill(r, a);
        benchmark::DoNotOptimize(a.data());
        benchmark::ClobberMemory();
    }
    st.SetItemsProcessed(static_cast<std::int64_t>(st.iterations() * N));
}
void BM_NormalFill(benchmark::State& st) { fill_bench(st, [](wb::Rng& r, wb::Vec& a) { r.fill_normal(a); }); }
void BM_NormalFillScaled(benchmark::State& st) { fill_bench(st, [](wb::Rng& r, wb::Vec& a) { r.fill_normal(a, 0.03); }); }
void BM_NormalSingle(benchmark::State& st) {
    fill_bench(st, [](wb::Rng& r, wb::Vec& a) { for (double& x : a) x = r.normal(); });
}
void BM_UniformFill(benchmark::State& st) { fill_bench(st, [](wb::Rng& r, wb::Vec& a) { r.fill_uniform(a); }); }
void BM_RademacherFill(benchmark::State& st) { fill_bench(st, [](wb::Rng& r, wb::Vec& a) { r.fill_rademacher(a); }); }
BENCHMARK(BM_NormalFill);
BENCHMARK(BM_NormalFillScaled);
BENCHMARK(BM_NormalSingle);
BENCHMARK(BM_UniformFill);
BENCHMARK(BM_RademacherFill);

// The step as wb::integrate takes it: fill the increments, then step.
void BM_EulerMaruyamaStep(benchmark::State& st) {
    wb::Rng r(1);
    wb::GeometricBrownian gbm(0.05, 0.2);
    wb::Mat x = xt::ones<double>({N, std::size_t{1}});
    wb::StepWork w;
    const double h = 1e-3;
    for (auto _ : st) {
        wb::step(gbm, wb::Scheme::EulerMaruyama, x, 0.0, h, r, w);
        benchmark::DoNotOptimize(x.data());
    }
    st.SetItemsProcessed(static_cast<std::int64_t>(st.iterations() * N));
}
BENCHMARK(BM_EulerMaruyamaStep);


void BM_MonteCarloCheck1e6(benchmark::State& st) {
    wb::Rng r(1);
    wb::Vec x = xt::empty<double>({std::size_t{1000000}});
    for (auto _ : st) {
        r.fill_normal(x);
        std::vector<wb::CheckRecord> rec;
        wb::Checks c(&rec);
        c.monte_carlo("E[Z] = 0", wb::mean_se(x), 0.0, {.scale = 1.0});
        benchmark::DoNotOptimize(rec.data());
    }
    st.SetItemsProcessed(st.iterations() * 1000000);
}
BENCHMARK(BM_MonteCarloCheck1e6)->Unit(benchmark::kMillisecond);

// The workloads `./workbook bench --vs-numpy` times in NumPy too (tools/wbtools/bench.py
// writes the same computations there; change both together).

// Chapter 13's C_t by Monte Carlo: at 12 times, 10⁶ draws x₀ ~ p₀ (a two-component
// mixture), x_t = m x₀ + √v z under the OU kernel with θ = 1, σ = √2, and the mean of
// (∇log p(x_t|x₀) − ∇log p_t(x_t))², the marginal score in closed form.
void BM_CtMonteCarlo(benchmark::State& st) {
    wb::Rng r(1);
    const auto p0 = wb::GaussianMixture::univariate({0.3, 0.7}, {-2.0, 1.5}, {0.5, 0.7});
    const std::size_t n = 1000000;
    double sink = 0;
    for (auto _ : st) {
        for (int i = 0; i < 12; ++i) {
            const double t = 0.05 + 0.15 * i, m = std::exp(-t), v = 1.0 - std::exp(-2.0 * t), sv = std::sqrt(v);
            const wb::Vec x0 = p0.sample_1d(r, n);
            wb::Vec z = xt::empty<double>({n});
            r.fill_normal(z);
            const wb::Vec x_t = m * x0 + sv * z;
            const wb::Vec d = -z / sv - p0.transformed(m, v).score(x_t);
            sink += wb::mean_se(xt::eval(d * d)).value;
        }
    }
    benchmark::DoNotOptimize(sink);
    st.SetItemsProcessed(st.iterations() * 12 * static_cast<std::int64_t>(n));
}
BENCHMARK(BM_CtMonteCarlo)->Unit(benchmark::kMillisecond);

// Chapter 11's GBM convergence study at its default size, as its coupled_gbm runs it
// (wb::coupled_paths): 45,000 paths, 2¹⁰ fine steps (μ = s = 1, T = 1), Euler–Maruyama
// and Milstein on the fine grid and on 5 coarser ones, each grid stepping on the sums of
// the finer grid's increments.
void BM_GbmConvergence(benchmark::State& st) {
    wb::Rng r(1);
    const std::size_t n = 45000, fine = 1024;
    const wb::GeometricBrownian gbm(1.0, 1.0);
    const std::vector<wb::Scheme> schemes{wb::Scheme::EulerMaruyama, wb::Scheme::Milstein};
    double sink = 0;
    for (auto _ : st) {
        const wb::CoupledPaths p = wb::coupled_paths(gbm, schemes, 1.0, 1.0, 10, 6, n, r);
        sink += p.x[0].back()(0) + p.x[1].back()(0) + p.W(0);
    }
    benchmark::DoNotOptimize(sink);
    st.SetItemsProcessed(st.iterations() * static_cast<std::int64_t>(n * fine));
}
BENCHMARK(BM_GbmConvergence)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
