// A chapter program: named sections, each a step of the derivation with its
// checks, controls and figures, run under the command line every chapter shares.
//
//   int main(int argc, char** argv) {
//       wb::Chapter ch("13", "Ornstein–Uhlenbeck: conditional vs marginal score");
//       ch.section("kernel", "The perturbation kernel", [](wb::Section& s) { ... });
//       return ch.run(argc, argv);
//   }
//
// checks.json holds no timings, so the same seed writes the same report; its schema
// (version kReportVersion) is common/checks.schema.json, described in the README.
// Each section records the source line of its ch.section(...) call and the report
// the line of ch.run(...), so the book can split the source without parsing C++.
//
// Exit status: 0 all checks passed and all controls rejected; 1 a check failed or
// a control was accepted; 2 a usage error; 3 no failures, but some sections were
// skipped because they wait on an unfinished exercise.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <source_location>
#include <string>
#include <vector>

#include "wb/check.hpp"
#include "wb/figure.hpp"
#include "wb/rng.hpp"

#ifndef WB_CHAPTER_DIR
#define WB_CHAPTER_DIR ""
#endif

namespace wb {

// Version of the checks.json schema (common/checks.schema.json).
inline constexpr int kReportVersion = 2;

struct Options {
    std::uint64_t seed = 20261125;
    bool quick = false;
    bool plots = true;
    bool json = false;
    bool list = false;
    // Sections run at once (--jobs; default: the cores, at most 4). Each section has its
    // own random stream and captures nothing, so the report is the same for any value.
    unsigned jobs = 1;
    std::vector<std::string> only;
    std::filesystem::path out;
};

// Parses the shared chapter flags. On --help prints usage and exits 0; on a bad
// flag prints one line naming it and exits 2, before anything is written. --seed
// takes decimal digits only (0 ≤ seed < 2⁶⁴, no sign, no leading zero); flags take
// no value (--quick=1 is an error). When the run writes figures, --out must be (or
// be creatable as) a writable folder: checked here, before the first section.
Options parse_options(int argc, char** argv, const std::string& program, const std::string& about,
                      const std::vector<std::pair<std::string, std::string>>& sections,
                      const std::filesystem::path& default_out);

class Section : public Checks {
public:
    Section(std::string chapter, std::string id, const Options& opt);

    const std::string& id() const { return id_; }
    bool quick() const { return opt_.quick; }
    // Sample sizes: the quick value under --quick, else the full one.
    std::size_t size(std::size_t quick_n, std::size_t full_n) const { return opt_.quick ? quick_n : full_n; }
    // This section's random stream, fixed by (seed, chapter, section).
    Rng& rng() { return rng_; }
    // Wrong variants: checks recorded here must be rejected.
    Checks& control() { return control_; }
    // Writes the figure's data and script now; rendering happens at the end of the run.
    void save(const Figure& fig);
    // Prints a note under the section (e.g. a derived number worth seeing).
    void note(const std::string& text);
    // Progress on stderr for long loops, shown only on a terminal after ~1 s (sections
    // running at once take turns on the line).
    void progress(std::size_t done, std::size_t total);

    std::vector<CheckRecord>& records() { return records_; }
    const std::vector<std::string>& figures() const { return figures_; }
    const std::vector<std::string>& notes() const { return notes_; }

private:
    std::string chapter_, id_;
    const Options& opt_;
    Rng rng_;
    std::vector<CheckRecord> records_;
    Checks control_;
    std::vector<std::string> figures_, notes_;
    std::chrono::steady_clock::time_point start_;
    bool progress_shown_ = false;
};

class Chapter {
public:
    // `number` is the two-digit chapter number; the folder name comes from the
    // build (WB_CHAPTER_DIR), e.g. "13_ou_scores".
    Chapter(std::string number, std::string title, std::string dir = WB_CHAPTER_DIR);
#if defined(WB_CHAPTER_NUMBER) && defined(WB_CHAPTER_TITLE)
    // Number and title from the build, read from the heading "# Chapter NN: Title" of
    // the chapter's prose (wb_chapter_info() in its CMakeLists.txt): written once.
    Chapter() : Chapter(WB_CHAPTER_NUMBER, WB_CHAPTER_TITLE) {}
#endif
    // `where` defaults to the line of this call: the book splits the source there.
    void section(std::string id, std::string title, std::function<void(Section&)> body,
                 std::source_location where = std::source_location::current());
    int run(int argc, char** argv, std::source_location where = std::source_location::current());

private:
    struct Entry {
        std::string id, title;
        std::function<void(Section&)> body;
        unsigned line;
    };
    std::string number_, title_, dir_, file_;
    std::vector<Entry> sections_;
};

}  // namespace wb
