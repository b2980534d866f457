#include "wb/chapter.hpp"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "wb/exercise.hpp"
#include "wb/io.hpp"

namespace wb {

namespace {
[[noreturn]] void usage_error(const std::string& program, const std::string& msg) {
    std::fprintf(stderr, "%s: error: %s (see --help)\n", program.c_str(), msg.c_str());
    std::exit(2);
}

bool colour_out() { return ::isatty(1) && std::getenv("NO_COLOR") == nullptr; }

std::string paint(const std::string& s, const char* code) {
    return colour_out() ? fmt::format("\033[{}m{}\033[0m", code, s) : s;
}

std::string verdict(const CheckRecord& r) {
    if (!r.control) return r.ok ? paint("PASS    ", "32") : paint("FAIL    ", "1;31");
    return r.ok ? paint("REJECTED", "36") : paint("ACCEPTED", "1;31");
}

std::string numbers(const CheckRecord& r) {
    auto v = [](double x, double se) {
        return se > 0 ? fmt::format("{:.6g} ± {:.2g}", x, se) : fmt::format("{:.6g}", x);
    };
    const char* stat = r.kind == "monte_carlo" ? "|z|" : r.kind == "holds" ? "" : "rel";
    std::string s = fmt::format("lhs {}  rhs {}", v(r.lhs, r.lhs_se), v(r.rhs, r.rhs_se));
    if (*stat) s += fmt::format("  {} {:.3g} (≤ {:.3g})", stat, r.stat, r.tol);
    return s;
}

// Display width of a UTF-8 string (counts code points; good enough for math).
std::size_t width(const std::string& s) {
    std::size_t w = 0;
    for (unsigned char c : s) w += (c & 0xC0) != 0x80;
    return w;
}
}  // namespace

Options parse_options(int argc, char** argv, const std::string& program, const std::string& about,
                      const std::vector<std::pair<std::string, std::string>>& sections,
                      const std::filesystem::path& default_out) {
    Options o;
    o.out = default_out;
    std::string footer = "Sections (for --only):\n";
    for (const auto& [id, title] : sections) footer += fmt::format("  {:<14} {}\n", id, title);
    footer +=
        "\nExit status: 0 every check passed and every control was rejected; 1 a check failed\n"
        "or a control was accepted; 2 a usage error; 3 sections skipped (unfinished exercises).";
    CLI::App app{about, program};
    app.footer(footer);
    long long seed = static_cast<long long>(o.seed);
    std::string out = o.out.string();
    app.add_option("--seed", seed, "Random seed (a non-negative integer); the same seed gives the same numbers")
        ->capture_default_str();
    app.add_flag("--quick", o.quick, "Small sample sizes (for CI): well under 2 s");
    app.add_option("--out", out, "Folder for figures, data and checks.json")->capture_default_str();
    bool no_plots = false;
    app.add_flag("--no-plots", no_plots, "Run the checks but write no figures");
    app.add_flag("--json", o.json, "Print the check report as JSON on standard output");
    app.add_flag("--list", o.list, "List the sections and exit");
    app.add_option("--only", o.only, "Run only these sections (repeat or separate with commas)")
        ->delimiter(',');
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        std::exit(app.exit(e));
    } catch (const CLI::ParseError& e) {
        std::string msg = e.what();
        if (msg.find("--seed") != std::string::npos || msg.find("seed") != std::string::npos)
            msg = "--seed needs a non-negative integer: " + msg;
        usage_error(program, msg);
    }
    if (seed < 0) usage_error(program, fmt::format("--seed must be a non-negative integer, got {}", seed));
    o.seed = static_cast<std::uint64_t>(seed);
    o.plots = !no_plots;
    if (out.empty()) usage_error(program, "--out needs a folder name");
    // Absolute, since figures are rendered from inside the folder.
    o.out = std::filesystem::absolute(out);
    std::set<std::string> known;
    for (const auto& s : sections) known.insert(s.first);
    for (const auto& id : o.only)
        if (!known.count(id)) usage_error(program, fmt::format("--only: no section '{}'", id));
    return o;
}

Section::Section(std::string chapter, std::string id, const Options& opt)
    : Checks(&records_), chapter_(std::move(chapter)), id_(std::move(id)), opt_(opt),
      rng_(Rng::for_section(opt.seed, chapter_, id_)), control_(&records_, true),
      start_(std::chrono::steady_clock::now()) {}

void Section::save(const Figure& fig) {
    if (!opt_.plots) return;
    fig.write(opt_.out);
    figures_.push_back(fig.name());
}

void Section::note(const std::string& text) { notes_.push_back(text); }

void Section::progress(std::size_t done, std::size_t total) {
    if (!::isatty(2)) return;
    const double el = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    if (el < 1.0 && !progress_shown_) return;
    progress_shown_ = true;
    std::fprintf(stderr, "\r  %s: %3.0f%% (%zu/%zu)%s", id_.c_str(), 100.0 * static_cast<double>(done) /
                 static_cast<double>(std::max<std::size_t>(total, 1)), done, total, done >= total ? "\n" : "");
    std::fflush(stderr);
}

Chapter::Chapter(std::string number, std::string title, std::string dir)
    : number_(std::move(number)), title_(std::move(title)), dir_(std::move(dir)) {
    if (dir_.empty()) dir_ = number_;
}

void Chapter::section(std::string id, std::string title, std::function<void(Section&)> body) {
    sections_.push_back({std::move(id), std::move(title), std::move(body)});
}

int Chapter::run(int argc, char** argv) {
    namespace fs = std::filesystem;
    using nlohmann::json;
    const std::string program = "ch" + number_;
    std::vector<std::pair<std::string, std::string>> ids;
    for (const auto& e : sections_) ids.emplace_back(e.id, e.title);
    const fs::path default_out = fs::path(WB_SOURCE_DIR) / "figures" / dir_;
    const Options opt = parse_options(argc, argv, program, fmt::format("Chapter {}: {}", number_, title_), ids,
                                      default_out);
    if (opt.list) {
        for (const auto& [id, title] : ids) std::printf("%-14s %s\n", id.c_str(), title.c_str());
        return 0;
    }

    const auto t0 = std::chrono::steady_clock::now();
    std::ostream& out = opt.json ? std::cerr : std::cout;
    out << paint(fmt::format("Chapter {}: {}", number_, title_), "1") << "\n";
    json report = {{"chapter", number_}, {"dir", dir_}, {"title", title_}, {"seed", opt.seed},
                   {"quick", opt.quick}, {"only", opt.only}, {"sections", json::array()}};
    int passed = 0, failed = 0, rejected = 0, accepted = 0, skipped = 0, errors = 0;
    std::vector<std::string> figures;

    for (std::size_t k = 0; k < sections_.size(); ++k) {
        const auto& e = sections_[k];
        if (!opt.only.empty() && std::find(opt.only.begin(), opt.only.end(), e.id) == opt.only.end()) continue;
        out << "\n" << paint(fmt::format("§{} {} — {}", k + 1, e.id, e.title), "1") << "\n";
        Section s(number_, e.id, opt);
        std::string status = "ran", waits_on, error;
        try {
            e.body(s);
        } catch (const NotImplemented& ex) {
            status = "skipped";
            waits_on = ex.exercise();
            ++skipped;
        } catch (const std::exception& ex) {
            status = "error";
            error = ex.what();
            ++errors;
        }
        json checks = json::array();
        for (const auto& r : s.records()) {
            const std::string claim = (r.control ? "control: " : "") + r.claim;
            const std::size_t pad = width(claim) < 46 ? 46 - width(claim) : 1;
            out << "  " << verdict(r) << " " << claim << std::string(pad, ' ') << numbers(r);
            if (!r.ok && !r.detail.empty()) out << "  [" << r.detail << "]";
            out << "\n";
            if (r.control) (r.ok ? rejected : accepted)++;
            else (r.ok ? passed : failed)++;
            checks.push_back({{"claim", r.claim}, {"kind", r.kind}, {"control", r.control}, {"lhs", r.lhs},
                              {"rhs", r.rhs}, {"lhs_se", r.lhs_se}, {"rhs_se", r.rhs_se}, {"stat", r.stat},
                              {"tol", r.tol}, {"holds", r.holds}, {"ok", r.ok}, {"detail", r.detail}});
        }
        for (const auto& n : s.notes()) out << "  " << paint("note", "2") << "     " << n << "\n";
        if (status == "skipped")
            out << "  " << paint("SKIPPED", "33") << "  waits on exercise " << waits_on << " (./workbook hint "
                << waits_on.substr(0, waits_on.find(' ')) << ")\n";
        if (status == "error") out << "  " << paint("ERROR", "1;31") << "    " << error << "\n";
        for (const auto& f : s.figures()) figures.push_back(f);
        report["sections"].push_back({{"id", e.id}, {"title", e.title}, {"status", status}, {"waits_on", waits_on},
                                      {"error", error}, {"checks", checks},
                                      {"figures", s.figures()}, {"notes", s.notes()}});
    }

    bool rendered = true;
    if (opt.plots && !figures.empty()) {
        rendered = render_figures(opt.out, figures);
        if (!rendered && have_program("gnuplot")) ++errors;
    }
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    report["summary"] = {{"passed", passed}, {"failed", failed}, {"rejected", rejected}, {"accepted", accepted},
                         {"skipped_sections", skipped}, {"errors", errors},
                         {"figures", figures}};
    // Only a full run (every section, with figures) replaces checks.json: the book
    // and the main job read it, and a partial run must not lose the rest.
    const bool full_report = opt.only.empty() && opt.plots;
    if (full_report) {
        try {
            if (!errors) prune_figures(opt.out, figures);  // on disk: exactly what this run drew
            write_file_atomic(opt.out / "checks.json", report.dump(2) + "\n");
        } catch (const std::exception& ex) {
            std::fprintf(stderr, "%s: error: %s\n", program.c_str(), ex.what());
            return 1;
        }
    }
    if (opt.json) std::cout << report.dump(2) << "\n";

    const bool bad = failed || accepted || errors;
    out << "\n"
        << paint(fmt::format("{}: {} checks passed, {} failed; {} controls rejected, {} accepted; {} sections "
                             "skipped; {} errors; {:.2f} s",
                             program, passed, failed, rejected, accepted, skipped, errors, secs),
                 bad ? "1;31" : "1;32")
        << "\n";
    if (full_report) out << "figures and checks.json: " << opt.out.string() << "\n";
    else
        out << (opt.plots ? "figures: " + opt.out.string() : std::string("figures: not written (--no-plots)"))
            << "; checks.json kept as it was (a partial run; --json prints this report)\n";
    if (bad) return 1;
    return skipped ? 3 : 0;
}

}  // namespace wb
