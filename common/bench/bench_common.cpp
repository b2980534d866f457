// Benchmarks of the hot kernels. Targets (README, issue 12): normals ≥ 250 M/s on one
// core; uniform and Rademacher fills near the generator's own speed (BM_NextU64); one
// Euler–Maruyama step over a batch, including drawing its increments, at most 1.2x
// drawing the normals alone (compare BM_EulerMaruyamaStep with BM_NormalFillScaled).
#include <benchmark/benchmark.h>

#include "wb/check.hpp"
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

void BM_EulerMaruyamaStep(benchmark::State& st) {
    wb::Rng r(1);
    wb::GeometricBrownian gbm(0.05, 0.2);
    wb::Mat x = xt::ones<double>({N, std::size_t{1}});
    wb::Mat dW = xt::empty<double>({N, std::size_t{1}});
    wb::StepWork w;
    const double h = 1e-3, sh = std::sqrt(h);
    for (auto _ : st) {
        r.fill_normal(dW, sh);
        wb::step(gbm, wb::Scheme::EulerMaruyama, x, 0.0, h, dW, w);
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

}  // namespace

BENCHMARK_MAIN();
