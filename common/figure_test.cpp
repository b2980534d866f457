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
    const auto csv = slurp(d / "data/demo-1-1-squares.csv");
    EXPECT_EQ(csv, "# x,y\n1,1\n2,4\n3,9\n");
    const auto gp1 = slurp(d / "demo.gp");
    fig.write(d);
    EXPECT_EQ(gp1, slurp(d / "demo.gp"));
    EXPECT_NE(gp1.find("set logscale y"), std::string::npos);
    EXPECT_NE(gp1.find("yerrorbars"), std::string::npos);
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
