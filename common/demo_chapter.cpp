// A tiny chapter used by chapter_test.cpp to test the shared chapter machinery:
// the command line, exit statuses, reports, figures and reproducibility.
#include <cmath>
#include <span>
#include <vector>

#include <xtensor/xview.hpp>

#include "wb/chapter.hpp"
#include "wb/exercise.hpp"

extern "C" double ddot_(const int* n, const double* x, const int* incx, const double* y, const int* incy);

int main(int argc, char** argv) {
    wb::Chapter ch("99", "Demo chapter", "99_demo");
    ch.section("good", "A passing check, a rejected control and a figure", [](wb::Section& s) {
        const auto x = s.rng().normal_vector(s.size(1000, 4000));
        s.monte_carlo("E[Z] = 0", wb::mean_se(x), 0.0, {.scale = 1.0});
        s.control().monte_carlo("E[Z] = 1", wb::mean_se(x), 1.0);
        wb::Figure fig("demo", "Demo");
        fig.panel().xlabel("i").ylabel("z").points(xt::xtensor<double, 1>(xt::arange<double>(10.0)),
                                                   xt::xtensor<double, 1>(xt::view(x, xt::range(0, 10))), "draws");
        s.save(fig);
    });
    ch.section("other", "Another stream", [](wb::Section& s) {
        s.holds("a uniform draw is in [0, 1)", s.rng().uniform() < 1.0, 0, 1);
        // Through the BLAS, so the demo loads OpenBLAS as the chapters do (its kernels are pinned).
        const double a[3] = {1.0, 2.0, 3.0}, b[3] = {4.0, 5.0, 6.0};
        const int n = 3, one = 1;
        s.exact("(1, 2, 3) · (4, 5, 6) = 32 by the BLAS's ddot", ddot_(&n, a, &one, b, &one), 32.0);
    });
    ch.section("kinds", "Every kind of claim, each with a control", [](wb::Section& s) {
        const auto x = s.rng().normal_vector(s.size(6000, 20000));
        const auto y = s.rng().normal_vector(s.size(6000, 20000));
        const wb::Estimate mx = wb::mean_se(x), vx = wb::variance_se(x), vy = wb::variance_se(xt::eval(2.0 * y));
        s.exact("1 + 1 = 2", 1.0 + 1.0, 2.0);
        s.control().exact("1 + 1 = 2.001", 1.0 + 1.0, 2.001);
        s.monte_carlo("Var Z = 1", vx, 1.0);
        s.control().monte_carlo("Var Z = 1.5", vx, 1.5);
        s.less("Var Z < Var 2Z", vx, vy);
        s.control().less("Var 2Z < Var Z", vy, vx);
        s.greater("Var 2Z > 3", vy, 3.0);
        s.control().greater("Var Z > 1.3", vx, 1.3);
        s.within("E Z ∈ [−0.5, 0.5]", mx, -0.5, 0.5, {.scale = 1.0});
        s.control().within("E Z ∈ [0.5, 1.5]", mx, 0.5, 1.5);
        s.ratio_at_least("Var 2Z exceeds Var Z by a factor 3", vy, vx, 3.0);
        s.control().ratio_at_least("Var 2Z exceeds Var Z by a factor 5", vy, vx, 5.0);
        auto f = [](std::span<const double> v) { return v[0] * v[0]; };
        const std::vector<double> at = {1.5}, g = {3.0}, g_wrong = {1.5};
        s.gradient("d/dx x² = 2x", f, at, g);
        s.control().gradient("d/dx x² = x", f, at, g_wrong);
        s.holds("2 > 1", 2 > 1, 2.0, 1.0);
        s.control().holds("1 > 2", 1 > 2, 1.0, 2.0);
    });
    ch.section("invalid", "A holds on a random estimate and a non-finite control", [](wb::Section& s) {
        const wb::Estimate m = wb::mean_se(s.rng().normal_vector(100));
        s.holds("E Z < 1 by a raw comparison", m.value < 1.0, m, 1.0);
        s.control().monte_carlo("E Z = 1 on an overflowed estimate", {HUGE_VAL, HUGE_VAL, 100}, 1.0);
    });
    ch.section("bad", "A failing check", [](wb::Section& s) { s.exact("1 = 2", 1.0, 2.0); });
    ch.section("accepted", "A control that is wrongly accepted", [](wb::Section& s) {
        s.control().exact("1 = 1", 1.0, 1.0);
    });
    ch.section("waits", "Waits on an exercise", [](wb::Section&) { throw wb::NotImplemented("99.1 demo"); });
    return ch.run(argc, argv);
}
