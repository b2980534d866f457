#include "wb/figure.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "wb/io.hpp"

namespace wb {
namespace {
namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

fs::path fresh_dir(const std::string& name) {
    auto d = fs::temp_directory_path() / ("wb_figure_test_" + name + std::to_string(::getpid()));
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

TEST(Figure, WritesCsvAndScriptDeterministically) {
    auto d = fresh_dir("det");
    Figure fig("demo", "A demo", 1, 2);
    fig.panel(0).xlabel("x").ylabel("y").logy().line({1, 2, 3}, {1, 4, 9}, "squares");
    fig.panel(1).errorbars({1, 2}, {3, 4}, {0.1, 0.2}, "with errors");
    fig.write(d);
    const auto csv = slurp(d / "data/demo/1-1.csv");
    EXPECT_EQ(csv, "# x,y\n1,1\n2,4\n3,9\n");
    EXPECT_NE(slurp(d / "data/demo/figure.json").find("\"data/demo/2-1.csv\""), std::string::npos);
    const auto gp1 = slurp(d / "demo.gp");
    fig.write(d);
    EXPECT_EQ(gp1, slurp(d / "demo.gp"));
    EXPECT_NE(gp1.find("set logscale y"), std::string::npos);
    EXPECT_NE(gp1.find("yerrorbars"), std::string::npos);
    fs::remove_all(d);
}

TEST(Figure, NamesFilesByIdAndRemovesStaleOnes) {
    auto d = fresh_dir("ids");
    Figure fig("f", "Ids");
    fig.panel().line({1, 2}, {3, 4}, "n = 5000, fitted").id("fit").points({1}, {2}, "data 0.25");
    fig.write(d);
    EXPECT_TRUE(fs::exists(d / "data/f/fit.csv"));
    EXPECT_TRUE(fs::exists(d / "data/f/1-2.csv"));
    Figure fewer("f", "Ids");
    fewer.panel().line({1, 2}, {3, 4}, "renamed").id("fit");
    fewer.write(d);
    EXPECT_TRUE(fs::exists(d / "data/f/fit.csv"));
    EXPECT_FALSE(fs::exists(d / "data/f/1-2.csv"));
    Figure dup("g", "Dup");
    dup.panel().line({1}, {1}, "a").id("x").line({1}, {1}, "b").id("x");
    EXPECT_THROW(dup.write(d), std::invalid_argument);
    EXPECT_THROW(dup.panel().id("no spaces"), std::invalid_argument);
    fs::remove_all(d);
}

TEST(Figure, WritesTwelveSignificantDigits) {
    EXPECT_EQ(format_number(0.1 + 0.2), "0.3");
    EXPECT_EQ(format_number(1.0 / 3.0), "0.333333333333");
    EXPECT_EQ(format_number(-2.5e-300), "-2.5e-300");
    EXPECT_EQ(format_number(std::nan("")), "NaN");
}

TEST(Figure, BestKeyAvoidsTheData) {
    auto d = fresh_dir("key");
    Figure fig("k", "Key", 1, 2);
    // Points along the rising diagonal: the top-left and bottom-right corners are free.
    std::vector<double> x, y;
    for (int i = 0; i <= 50; ++i) x.push_back(i), y.push_back(i);
    fig.panel(0).points(x, y, "diagonal").key(KeyPlace::Best);
    // Points everywhere: no free corner, so the key goes below the plot.
    std::vector<double> gx, gy;
    for (int i = 0; i <= 20; ++i)
        for (int j = 0; j <= 20; ++j) gx.push_back(i), gy.push_back(j);
    fig.panel(1).points(gx, gy, "grid").key(KeyPlace::Best);
    fig.write(d);
    const auto gp = slurp(d / "k.gp");
    EXPECT_NE(gp.find("set key top left"), std::string::npos) << gp;
    EXPECT_NE(gp.find("set key below"), std::string::npos) << gp;
    EXPECT_NE(gp.find("font \"DejaVu Sans,11\""), std::string::npos);
    fs::remove_all(d);
}

TEST(Figure, BestKeySeesTwoPointLinesAndBelowMakesRoomForItsRows) {
    auto d = fresh_dir("key2");
    Figure fig("k", "Key", 1, 2);
    // Points in three corners; a two-point line cuts the top-right corner between its end
    // points, neither of which is in it. Seen, no corner is free and the key goes below.
    fig.panel(0).points({0.0, 0.0, 1.0}, {0.0, 1.0, 0.0}, "b").line({0.7, 1.0}, {1.0, 0.7}, "a")
        .key(KeyPlace::Best);
    // Three 29-character entries: one column fits a 560-px panel, so three rows, and a
    // bottom margin of four lines more than the rows (tic labels, x label, gaps).
    const std::string long_label = "alpha alpha alpha alpha alpha";
    fig.panel(1).line({0.0, 1.0}, {0.0, 1.0}, long_label).line({0.0, 1.0}, {1.0, 0.0}, long_label)
        .line({0.0, 1.0}, {0.5, 0.5}, long_label).key(KeyPlace::Below).xlabel("x");
    fig.write(d);
    const auto gp = slurp(d / "k.gp");
    EXPECT_EQ(gp.find("set key top right"), std::string::npos) << gp;
    EXPECT_NE(gp.find("set key below horizontal center maxcols 5; set bmargin 5"), std::string::npos) << gp;
    EXPECT_NE(gp.find("set key below horizontal center maxcols 1; set bmargin 7"), std::string::npos) << gp;
    fs::remove_all(d);
}

TEST(Figure, PruneKeepsOnlyTheFiguresOfTheRun) {
    auto d = fresh_dir("prune");
    Figure a("a", "A"), b("b", "B");
    a.panel().line({1}, {1}, "x");
    b.panel().line({1}, {1}, "x");
    a.write(d);
    b.write(d);
    write_file_atomic(d / "b.svg", "<svg/>");
    write_file_atomic(d / "data/old-1-1-label.csv", "# x\n");
    write_file_atomic(d / "checks.json", "{}");
    const auto gone = prune_figures(d, {"a"});
    EXPECT_EQ(gone.size(), 4u);
    EXPECT_TRUE(fs::exists(d / "a.gp"));
    EXPECT_TRUE(fs::exists(d / "data/a/1-1.csv"));
    EXPECT_TRUE(fs::exists(d / "checks.json"));
    EXPECT_FALSE(fs::exists(d / "b.gp"));
    EXPECT_FALSE(fs::exists(d / "b.svg"));
    EXPECT_FALSE(fs::exists(d / "data/b"));
    EXPECT_FALSE(fs::exists(d / "data/old-1-1-label.csv"));
    fs::remove_all(d);
}

TEST(Figure, RejectsMismatchedColumnsAndBadNames) {
    Figure fig("ok", "t");
    EXPECT_THROW(fig.panel().line({1, 2}, {1}, "bad"), std::invalid_argument);
    EXPECT_THROW(Figure("no spaces", "t"), std::invalid_argument);
    EXPECT_THROW(fig.panel(3), std::out_of_range);
}

TEST(Figure, RendersSvgWhenGnuplotIsPresent) {
    if (!have_program("gnuplot")) GTEST_SKIP() << "gnuplot not installed";
    auto d = fresh_dir("render");
    Figure fig("r", "Render");
    fig.panel().line({0, 1}, {0, 1}, "diagonal").vectors({0}, {0}, {0.5}, {0.5}, "arrow");
    fig.write(d);
    ASSERT_TRUE(render_figures(d, {"r"}));
    EXPECT_TRUE(fs::exists(d / "r.svg"));
    EXPECT_NE(slurp(d / "r.svg").find("<svg"), std::string::npos);
    for (auto& e : fs::directory_iterator(d)) EXPECT_EQ(e.path().string().find(".tmp"), std::string::npos) << e.path();
    fs::remove_all(d);
}

// Several figures render in parallel, each in its own gnuplot; one failing script fails the
// whole call, and nothing is left behind: no figure half-replaced, no temporary, no log.
TEST(Figure, RendersSeveralInParallelAndFailsAsAWhole) {
    if (!have_program("gnuplot")) GTEST_SKIP() << "gnuplot not installed";
    auto d = fresh_dir("render_many");
    std::vector<std::string> names;
    for (int k = 0; k < 5; ++k) {
        Figure fig("f" + std::to_string(k), "Render");
        fig.panel().line({0, 1}, {0, 1.0 * k}, "line");
        fig.write(d);
        names.push_back("f" + std::to_string(k));
    }
    ASSERT_TRUE(render_figures(d, names));
    for (const auto& n : names) EXPECT_TRUE(fs::exists(d / (n + ".svg"))) << n;
    for (const auto& n : names) fs::remove(d / (n + ".svg"));
    {
        std::ofstream bad(d / "f3.gp", std::ios::app);
        bad << "plot this is not gnuplot\n";
    }
    EXPECT_FALSE(render_figures(d, names));
    for (auto& e : fs::directory_iterator(d)) {
        const std::string f = e.path().filename().string();
        EXPECT_EQ(f.find(".svg"), std::string::npos) << f;
        EXPECT_EQ(f.find(".tmp"), std::string::npos) << f;
        EXPECT_EQ(f.find(".gnuplot.log"), std::string::npos) << f;
    }
    fs::remove_all(d);
}

TEST(Io, AtomicWriteReplacesWholeFile) {
    auto d = fresh_dir("io");
    write_file_atomic(d / "a.txt", "first");
    write_file_atomic(d / "a.txt", "second");
    EXPECT_EQ(slurp(d / "a.txt"), "second");
    EXPECT_EQ(std::distance(fs::directory_iterator(d), fs::directory_iterator{}), 1);
    EXPECT_EQ(shell_quote("it's"), "'it'\\''s'");
    fs::remove_all(d);
}

}  // namespace
}  // namespace wb
