// Benchmarks of the hot kernels. Targets (README): one Euler–Maruyama step over a
// batch, including drawing its increments, costs at most 1.5x drawing the normals alone.
#include <benchmark/benchmark.h>

#include "wb/check.hpp"
#include "wb/rng.hpp"
#include "wb/sde.hpp"
#include "wb/stats.hpp"

namespace {

void BM_NormalFill(benchmark::State& st) {
    wb::Rng r(1);
    wb::Batch dW = xt::empty<double>({static_cast<std::size_t>(st.range(0)), std::size_t{1}});
    for (auto _ : st) {
        r.fill_normal(dW);
        benchmark::DoNotOptimize(dW.data());
    }
    st.SetItemsProcessed(st.iterations() * st.range(0));
}
BENCHMARK(BM_NormalFill)->Arg(1 << 16);

void BM_EulerMaruyamaStep(benchmark::State& st) {
    wb::Rng r(1);
    const auto n = static_cast<std::size_t>(st.range(0));
    wb::GeometricBrownian gbm(0.05, 0.2);
    wb::Batch x = xt::ones<double>({n, std::size_t{1}});
    wb::Batch dW = xt::empty<double>({n, std::size_t{1}});
    wb::StepWork w;
    const double h = 1e-3, sh = std::sqrt(h);
    for (auto _ : st) {
        r.fill_normal(dW);
        dW *= sh;
        wb::step(gbm, wb::Scheme::EulerMaruyama, x, 0.0, h, dW, w);
        benchmark::DoNotOptimize(x.data());
    }
    st.SetItemsProcessed(st.iterations() * st.range(0));
}
BENCHMARK(BM_EulerMaruyamaStep)->Arg(1 << 16);

void BM_MonteCarloCheck1e6(benchmark::State& st) {
    wb::Rng r(1);
    xt::xtensor<double, 1> x = xt::empty<double>({std::size_t{1000000}});
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
