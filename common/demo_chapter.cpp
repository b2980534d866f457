// A tiny chapter used by chapter_test.cpp to test the shared chapter machinery:
// the command line, exit statuses, reports, figures and reproducibility.
#include <xtensor/xview.hpp>

#include "wb/chapter.hpp"
#include "wb/exercise.hpp"

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
    });
    ch.section("bad", "A failing check", [](wb::Section& s) { s.exact("1 = 2", 1.0, 2.0); });
    ch.section("accepted", "A control that is wrongly accepted", [](wb::Section& s) {
        s.control().exact("1 = 1", 1.0, 1.0);
    });
    ch.section("waits", "Waits on an exercise", [](wb::Section&) { throw wb::NotImplemented("99.1 demo"); });
    return ch.run(argc, argv);
}
