// Tests of the shared chapter machinery, run through a tiny demo chapter.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "wb/chapter.hpp"
#include "wb/io.hpp"

namespace {
namespace fs = std::filesystem;

struct DemoRun {
    int status;
    std::string out;
};

// Runs the demo chapter with `args` (after the `env` assignments), capturing stdout+stderr.
DemoRun demo(const std::string& args, const std::string& env = "") {
    const fs::path log = fs::temp_directory_path() / ("wb_demo_log" + std::to_string(::getpid()));
    const std::string cmd = env + " " + wb::shell_quote(WB_DEMO_CHAPTER) + " " + args + " >" + wb::shell_quote(log.string()) + " 2>&1";
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
    for (const std::string args : {"--bogus", "--seed -3", "--seed abc", "--only nosuch", "--out", "--jobs 0",
                                   "--jobs 65", "--jobs -1", "--jobs 2x", "--jobs ''"}) {
        const DemoRun r = demo(args + " --out " + d.string());
        EXPECT_EQ(r.status, 2) << args << ": " << r.out;
        EXPECT_NE(r.out.find("error"), std::string::npos) << args;
        EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << args << ": " << r.out;
        EXPECT_FALSE(fs::exists(d)) << args;
    }
}

TEST(ChapterCli, SeedIsDecimalDigitsBelowTwoToThe64) {
    const auto d = fresh("seed");
    // '' (was seed 0), octal-looking 010 (was 8), hex, a sign, space, 2^64 (was clamped to 2^63 − 1).
    for (const std::string seed : {"''", "010", "0x10", "+5", "' 5'", "1e3", "18446744073709551616",
                                   "99999999999999999999999"}) {
        const DemoRun r = demo("--no-plots --only other --seed " + seed + " --out " + d.string());
        EXPECT_EQ(r.status, 2) << seed << ": " << r.out;
        EXPECT_NE(r.out.find("--seed"), std::string::npos) << seed << ": " << r.out;
        EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << seed << ": " << r.out;
    }
    // The whole range is accepted, and each seed gives its own numbers.
    for (const std::string seed : {"0", "7", "18446744073709551615"})
        EXPECT_EQ(demo("--no-plots --only other --seed " + seed).status, 0) << seed;
    EXPECT_FALSE(fs::exists(d));
}

TEST(ChapterCli, FlagsTakeNoValue) {
    for (const std::string args : {"--quick=3", "--quick=0", "--no-plots=1", "--json=yes", "--list=1"}) {
        const DemoRun r = demo(args + " --no-plots --only other");
        EXPECT_EQ(r.status, 2) << args << ": " << r.out;
        EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << args << ": " << r.out;
    }
}

TEST(ChapterCli, AnUnusableOutFolderIsAnErrorBeforeAnySectionRuns) {
    const auto d = fresh("outfile");
    fs::create_directories(d);
    const fs::path file = d / "a_file";
    std::ofstream(file) << "keep me\n";
    // A file, a folder below a file, a folder that cannot be created (as any user).
    for (const std::string& out : {file.string(), (file / "sub").string(), std::string("/proc/wb_no_such_dir")}) {
        for (const std::string only : {"", " --only good"}) {
            const DemoRun r = demo("--quick" + only + " --out " + out);
            EXPECT_EQ(r.status, 2) << out << only << ": " << r.out;
            EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << out << only << ": " << r.out;
            EXPECT_EQ(r.out.find("Chapter 99"), std::string::npos) << "a section ran: " << r.out;
        }
    }
    EXPECT_EQ(slurp(file), "keep me\n");
    // The one line goes to stderr: stdout stays empty.
    const std::string cmd = wb::shell_quote(WB_DEMO_CHAPTER) + " --only good --out " + wb::shell_quote(file.string()) +
                            " 2>/dev/null";
    FILE* p = ::popen(cmd.c_str(), "r");
    ASSERT_NE(p, nullptr);
    char buf[256];
    const std::size_t got = std::fread(buf, 1, sizeof buf, p);
    EXPECT_EQ(WEXITSTATUS(::pclose(p)), 2);
    EXPECT_EQ(got, 0u) << std::string(buf, got);
    // Without figures nothing is written, so --out is not needed.
    EXPECT_EQ(demo("--quick --no-plots --only good --out " + file.string()).status, 0);
    fs::remove_all(d);
}

TEST(ChapterCli, ListJsonGivesTheSourceLinesOfTheSections) {
    const fs::path log = fresh("list") .string() + ".json";
    const std::string cmd = wb::shell_quote(WB_DEMO_CHAPTER) + " --list --json >" + wb::shell_quote(log.string());
    ASSERT_EQ(std::system(cmd.c_str()), 0);
    const auto j = nlohmann::json::parse(slurp(log));
    fs::remove(log);
    EXPECT_EQ(j["schema"], "wb-sections");
    EXPECT_EQ(j["source"]["file"], "common/demo_chapter.cpp");
    // Each line holds that section's ch.section("id" call; run_line holds ch.run.
    std::vector<std::string> src;
    {
        std::ifstream in(fs::path(WB_SOURCE_DIR) / "common/demo_chapter.cpp");
        for (std::string line; std::getline(in, line);) src.push_back(line);
    }
    ASSERT_GT(j["sections"].size(), 3u);
    for (const auto& sec : j["sections"]) {
        const std::size_t line = sec["line"];
        ASSERT_LE(line, src.size());
        EXPECT_NE(src[line - 1].find("ch.section(\"" + sec["id"].get<std::string>() + "\""), std::string::npos)
            << line << ": " << src[line - 1];
    }
    const std::size_t run = j["source"]["run_line"];
    EXPECT_NE(src[run - 1].find("ch.run("), std::string::npos) << src[run - 1];
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
    EXPECT_EQ(j["schema"], "wb-checks");
    EXPECT_EQ(j["version"], wb::kReportVersion);
    EXPECT_EQ(j["summary"]["passed"], 1);
    EXPECT_EQ(j["summary"]["rejected"], 1);
    EXPECT_EQ(j["sections"][0]["checks"][1]["control"], true);
    EXPECT_EQ(j["sections"][0]["checks"][1]["verdict"], "rejected");
    EXPECT_GT(j["sections"][0]["checks"][1]["margin"].get<double>(), 1.0);
    EXPECT_GT(j["sections"][0]["checks"][0]["resolution"].get<double>(), 0.0);
    fs::remove_all(d);
}

TEST(ChapterRun, InvalidEvidenceIsAnErrorAndFailsTheRun) {
    const DemoRun r = demo("--quick --no-plots --only invalid");
    EXPECT_EQ(r.status, 1) << r.out;
    EXPECT_NE(r.out.find("ERROR"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("2 invalid"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("nan"), std::string::npos) << "a NaN printed as a number: " << r.out;
}

TEST(ChapterRun, EveryKindOfClaimPassesAndEveryControlIsRejected) {
    for (const std::string mode : {"--quick", ""}) {
        const DemoRun r = demo(mode + " --no-plots --only kinds");
        EXPECT_EQ(r.status, 0) << mode << ": " << r.out;
        EXPECT_NE(r.out.find("8 checks passed, 0 failed; 8 controls rejected, 0 accepted"), std::string::npos) << r.out;
    }
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

TEST(ChapterRun, AnyNumberOfJobsGivesTheSameReportInTheSameOrder) {
    // The run's own time, at the end of the summary line, is the only part that may differ
    // (no <regex>: GCC 12 warns inside it at the sanitizers' -O1).
    const auto without_time = [](std::string text) {
        const std::size_t at = text.find(" errors; ");
        if (at != std::string::npos) text.erase(at, text.find('\n', at) - at);
        return text;
    };
    std::string first;
    for (const char* jobs : {"1", "2", "7"}) {
        const auto d = fresh(std::string("jobs") + jobs);
        const DemoRun r = demo(std::string("--quick --jobs ") + jobs + " --out " + d.string());
        EXPECT_EQ(r.status, 1) << jobs << ": " << r.out;  // the demo has a failing section
        std::string out = without_time(r.out);
        out = out.replace(out.find(d.string()), d.string().size(), "OUT");
        const std::string text = out + slurp(d / "checks.json") + slurp(d / "data/demo/1-1.csv") + slurp(d / "demo.gp");
        if (first.empty()) first = text;
        EXPECT_EQ(text, first) << "--jobs " << jobs;
        fs::remove_all(d);
    }
    EXPECT_LT(first.find("§1 good"), first.find("§2 other")) << first;
    EXPECT_LT(first.find("§6 accepted"), first.find("§7 waits")) << first;
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

namespace {

#if defined(__x86_64__) && defined(__linux__)
// A machine whose OpenBLAS would pick other kernels (simulated by OPENBLAS_CORETYPE) still
// runs the pinned ones, so it writes the same digits (common/chapter.cpp).
TEST(ChapterRun, OpenBlasRunsThePinnedKernelsWhateverItWouldPick) {
    __builtin_cpu_init();
    const bool fma = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    const std::string want = std::string("Core: ") + (fma ? "Haswell" : "Prescott");
    for (const char* core : {"SandyBridge", "Prescott", "Haswell"}) {
        const auto r = demo("--list", std::string("OPENBLAS_VERBOSE=2 OPENBLAS_CORETYPE=") + core);
        EXPECT_EQ(r.status, 0) << r.out;
        EXPECT_NE(r.out.find(want), std::string::npos) << "asked for " << core << ":\n" << r.out;
        EXPECT_EQ(r.out.find("Core: "), r.out.rfind("Core: ")) << "OpenBLAS started twice:\n" << r.out;
    }
    EXPECT_NE(demo("--list", "env -u OPENBLAS_CORETYPE OPENBLAS_VERBOSE=2").out.find(want), std::string::npos);
}
#endif

// The report's kinds, verdicts and version are written once in common/checks.schema.json;
// the C++ names must be those.
TEST(ReportSchema, KindsVerdictsAndVersionMatchTheSchemaFile) {
    const auto schema = nlohmann::json::parse(slurp(fs::path(WB_SOURCE_DIR) / "common/checks.schema.json"));
    const auto& check = schema["$defs"]["check"]["properties"];
    std::vector<std::string> kinds, verdicts;
    for (auto k : wb::kind_names()) kinds.emplace_back(k);
    for (auto v : wb::verdict_names()) verdicts.emplace_back(v);
    EXPECT_EQ(check["kind"]["enum"].get<std::vector<std::string>>(), kinds);
    EXPECT_EQ(check["verdict"]["enum"].get<std::vector<std::string>>(), verdicts);
    EXPECT_EQ(schema["properties"]["version"]["const"], wb::kReportVersion);
}

}  // namespace
