// Tests of the shared chapter machinery, run through a tiny demo chapter.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "wb/io.hpp"

namespace {
namespace fs = std::filesystem;

struct DemoRun {
    int status;
    std::string out;
};

// Runs the demo chapter with `args`, capturing stdout+stderr.
DemoRun demo(const std::string& args) {
    const fs::path log = fs::temp_directory_path() / ("wb_demo_log" + std::to_string(::getpid()));
    const std::string cmd = wb::shell_quote(WB_DEMO_CHAPTER) + " " + args + " >" + wb::shell_quote(log.string()) + " 2>&1";
    const int rc = std::system(cmd.c_str());
    std::ifstream in(log);
    std::stringstream s;
    s << in.rdbuf();
    fs::remove(log);
    return {WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, s.str()};
}

fs::path fresh(const std::string& name) {
    auto d = fs::temp_directory_path() / ("wb_chapter_test_" + name + std::to_string(::getpid()));
    fs::remove_all(d);
    return d;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

TEST(ChapterCli, BadFlagsExitTwoWithOneLineAndWriteNothing) {
    const auto d = fresh("bad");
    for (const std::string args : {"--bogus", "--seed -3", "--seed abc", "--only nosuch", "--out"}) {
        const DemoRun r = demo(args + " --out " + d.string());
        EXPECT_EQ(r.status, 2) << args << ": " << r.out;
        EXPECT_NE(r.out.find("error"), std::string::npos) << args;
        EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << args << ": " << r.out;
        EXPECT_FALSE(fs::exists(d)) << args;
    }
}

TEST(ChapterCli, HelpAndList) {
    DemoRun r = demo("--help");
    EXPECT_EQ(r.status, 0);
    EXPECT_NE(r.out.find("--quick"), std::string::npos);
    EXPECT_NE(r.out.find("Exit status"), std::string::npos);
    r = demo("--list");
    EXPECT_EQ(r.status, 0);
    EXPECT_NE(r.out.find("good"), std::string::npos);
    EXPECT_NE(r.out.find("waits"), std::string::npos);
}

TEST(ChapterRun, ExitStatusFollowsTheVerdicts) {
    const auto d = fresh("status");
    EXPECT_EQ(demo("--quick --no-plots --only good,other --out " + d.string()).status, 0);
    EXPECT_EQ(demo("--quick --no-plots --only bad --out " + d.string()).status, 1);
    EXPECT_EQ(demo("--quick --no-plots --only accepted --out " + d.string()).status, 1);
    const DemoRun w = demo("--quick --no-plots --only waits --out " + d.string());
    EXPECT_EQ(w.status, 3);
    EXPECT_NE(w.out.find("waits on exercise 99.1 demo"), std::string::npos) << w.out;
    fs::remove_all(d);
}

TEST(ChapterRun, RelativeOutFolderWorks) {
    const auto d = fresh("relative");
    fs::create_directories(d);
    const std::string cmd = "cd " + wb::shell_quote(d.string()) + " && " + wb::shell_quote(WB_DEMO_CHAPTER) +
                            " --quick --only good --out rel/figs >/dev/null 2>&1";
    const int rc = std::system(cmd.c_str());
    EXPECT_TRUE(WIFEXITED(rc) && WEXITSTATUS(rc) == 0);
    EXPECT_TRUE(fs::exists(d / "rel/figs/demo.gp"));
    if (wb::have_program("gnuplot")) {
        EXPECT_TRUE(fs::exists(d / "rel/figs/demo.svg"));
    }
    fs::remove_all(d);
}

TEST(ChapterRun, PartialRunsKeepTheFullReport) {
    const auto d = fresh("partial");
    ASSERT_EQ(demo("--quick --no-plots --only good --out " + d.string()).status, 0);
    EXPECT_FALSE(fs::exists(d / "checks.json"));
    ASSERT_EQ(demo("--quick --only good,other --out " + d.string()).status, 0);
    EXPECT_FALSE(fs::exists(d / "checks.json"));
    fs::create_directories(d);
    wb::write_file_atomic(d / "checks.json", "{\"full\": true}");
    ASSERT_EQ(demo("--quick --no-plots --out " + d.string()).status, 1);  // all sections: bad fails
    EXPECT_EQ(slurp(d / "checks.json"), "{\"full\": true}");
    fs::remove_all(d);
}

TEST(ChapterRun, WritesAJsonReport) {
    const auto d = fresh("json");
    // --json: the report on stdout (the text report goes to stderr).
    const fs::path log = d.string() + ".json";
    const std::string cmd = wb::shell_quote(WB_DEMO_CHAPTER) + " --quick --only good --json --out " +
                            wb::shell_quote(d.string()) + " >" + wb::shell_quote(log.string()) + " 2>/dev/null";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
    EXPECT_FALSE(fs::exists(d / "checks.json"));
    const auto j = nlohmann::json::parse(slurp(log));
    fs::remove(log);
    EXPECT_EQ(j["chapter"], "99");
    EXPECT_EQ(j["summary"]["passed"], 1);
    EXPECT_EQ(j["summary"]["rejected"], 1);
    EXPECT_EQ(j["sections"][0]["checks"][1]["control"], true);
    fs::remove_all(d);
}

TEST(ChapterRun, AFullRunRemovesFiguresItDidNotDraw) {
    const auto d = fresh("prune");
    for (const char* f : {"stale.gp", "stale.svg", "data/stale/1-1.csv", "data/old-1-1-label.csv"})
        wb::write_file_atomic(d / f, "x\n");
    // A partial run keeps everything; a full one keeps only what it drew.
    demo("--quick --only good --out " + d.string());
    EXPECT_TRUE(fs::exists(d / "stale.gp"));
    demo("--quick --out " + d.string());
    EXPECT_TRUE(fs::exists(d / "data/demo/1-1.csv"));
    for (const char* f : {"stale.gp", "stale.svg", "data/stale", "data/old-1-1-label.csv"})
        EXPECT_FALSE(fs::exists(d / f)) << f;
    fs::remove_all(d);
}

TEST(ChapterRun, SameSeedSameDataWhateverTheSectionOrder) {
    const auto a = fresh("seed_a"), b = fresh("seed_b"), c = fresh("seed_c");
    ASSERT_EQ(demo("--quick --seed 5 --only good --out " + a.string()).status, 0);
    ASSERT_EQ(demo("--quick --seed 5 --only other,good --out " + b.string()).status, 0);
    ASSERT_EQ(demo("--quick --seed 6 --only good --out " + c.string()).status, 0);
    const auto csv = "data/demo/1-1.csv";
    EXPECT_EQ(slurp(a / csv), slurp(b / csv));
    EXPECT_NE(slurp(a / csv), slurp(c / csv));
    EXPECT_EQ(slurp(a / "demo.gp"), slurp(b / "demo.gp"));
    for (const auto& d : {a, b, c}) fs::remove_all(d);
}

}  // namespace

namespace {

TEST(ChapterRun, WithoutGnuplotTheDataAndScriptStayAndTheRunSaysHow) {
    // A PATH without gnuplot (the shell itself is found by its absolute path).
    const auto e = fresh("nognuplot_env");
    const std::string cmd = "env PATH=/nonexistent " + wb::shell_quote(WB_DEMO_CHAPTER) + " --quick --only good --out " +
                            wb::shell_quote(e.string()) + " >" + wb::shell_quote((e.string() + ".log")) + " 2>&1";
    const int rc = std::system(cmd.c_str());
    ASSERT_TRUE(WIFEXITED(rc));
    EXPECT_EQ(WEXITSTATUS(rc), 0);
    const std::string log = slurp(e.string() + ".log");
    EXPECT_NE(log.find("gnuplot is not installed"), std::string::npos) << log;
    EXPECT_TRUE(fs::exists(e / "demo.gp"));
    EXPECT_TRUE(fs::exists(e / "data/demo/1-1.csv"));
    EXPECT_FALSE(fs::exists(e / "demo.svg"));
    fs::remove_all(e);
    fs::remove(e.string() + ".log");
}

}  // namespace
