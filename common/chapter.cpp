#include "wb/chapter.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "wb/exercise.hpp"
#include "wb/io.hpp"

// OpenBLAS's own threads (when the BLAS is OpenBLAS; weak, so any other BLAS links too).
extern "C" void openblas_set_num_threads(int) __attribute__((weak));

#if defined(__x86_64__) && defined(__linux__)
namespace {
// Debian's OpenBLAS picks its kernels by CPU when it loads, and kernels sum in different
// orders: the same binary wrote chapter 04's tanh fits 4% apart, and chapters 03, 09, 10,
// 12 and 13 apart in their last digits, on SandyBridge and Haswell kernels. So a chapter
// pins one kernel per class of CPU that glibc's libm also treats alike (libm has FMA
// variants of exp, log, sin, ...): Haswell's where AVX2 and FMA exist (Intel since 2013,
// AMD since 2015), the baseline Prescott's elsewhere. OpenBLAS reads OPENBLAS_CORETYPE in
// its constructor; a setenv before it is lost (libc's own initialisation resets environ),
// so when the variable is not already right the program runs itself again with it. This
// runs from .preinit_array, before any library's constructor: nothing has started yet.
// (Under valgrind, pass --trace-children=yes.)
constexpr const char* kCoreVar = "OPENBLAS_CORETYPE=";

void pin_blas_kernels(int, char** argv, char** envp) {
    if (openblas_set_num_threads == nullptr) return;  // no OpenBLAS loaded: nothing to pin
    __builtin_cpu_init();
    const bool fma = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    const char* want = fma ? "OPENBLAS_CORETYPE=Haswell" : "OPENBLAS_CORETYPE=Prescott";
    const std::size_t key = std::strlen(kCoreVar);
    std::size_t n = 0, same = 0, other = 0;
    for (; envp[n] != nullptr; ++n) {
        if (std::strncmp(envp[n], kCoreVar, key) != 0) continue;
        (std::strcmp(envp[n], want) == 0 ? same : other) += 1;
    }
    if (same == 1 && other == 0) return;
    char** env = static_cast<char**>(std::calloc(n + 2, sizeof(char*)));
    if (env == nullptr) return;
    std::size_t m = 0;
    for (std::size_t i = 0; i < n; ++i)
        if (std::strncmp(envp[i], kCoreVar, key) != 0) env[m++] = envp[i];
    env[m++] = const_cast<char*>(want);
    env[m] = nullptr;
    execve("/proc/self/exe", argv, env);  // returns only on failure: run unpinned
    std::free(env);
}
__attribute__((section(".preinit_array"), used)) void (*const pin_blas_kernels_entry)(int, char**, char**) =
    pin_blas_kernels;
}  // namespace
#endif

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
    switch (r.verdict) {
    case Verdict::pass: return paint("PASS    ", "32");
    case Verdict::fail: return paint("FAIL    ", "1;31");
    case Verdict::rejected: return paint("REJECTED", "36");
    case Verdict::accepted: return paint("ACCEPTED", "1;31");
    case Verdict::error: break;
    }
    return paint("ERROR   ", "1;31");
}

bool is_monte_carlo(Kind k) { return k == Kind::monte_carlo || k == Kind::less || k == Kind::greater || k == Kind::within; }

// A Monte Carlo check whose se/scale is above this fraction of its bound may flip
// between decisive and not from one seed to the next.
constexpr double kDecisiveHeadroom = 0.6;

bool near_indecisive(const CheckRecord& r) {
    return !r.control && is_monte_carlo(r.kind) && std::isfinite(r.se_scale) &&
           r.se_scale > kDecisiveHeadroom * r.decisive;
}

std::string numbers(const CheckRecord& r) {
    auto v = [](double x, double se) {
        return se > 0 ? fmt::format("{:.6g} ± {:.2g}", x, se) : fmt::format("{:.6g}", x);
    };
    std::string s = fmt::format("lhs {}  ", v(r.lhs, r.lhs_se));
    s += r.kind == Kind::within ? fmt::format("in [{:.6g}, {:.6g}]", r.lo, r.hi)
                                : fmt::format("rhs {}", v(r.rhs, r.rhs_se));
    if (r.verdict == Verdict::error || r.kind == Kind::holds) return s;
    const bool mc = is_monte_carlo(r.kind);
    const char* stat = r.kind == Kind::monte_carlo ? "|z|" : mc ? "z" : "rel";
    const char* cmp = mc && r.kind != Kind::monte_carlo ? "≥" : "≤";
    // Student-t degrees of freedom, where they move the bound visibly (df < 1000: c > 1.004 z_max).
    const std::string t = mc && r.df < 1000 ? fmt::format(", t{:.3g}", r.df) : "";
    s += fmt::format("  {} {:.3g} ({} {:.3g}{})", stat, r.stat, cmp, r.tol, t);
    if (r.control) {
        s += fmt::format("  margin {:.3g}×", r.margin);
    } else {
        // Relative resolving power: in percent from 0.1% up, else as a number (1e-10).
        s += r.resolution >= 1e-3 ? fmt::format("  res {:.2g}%", 100 * r.resolution)
                                  : fmt::format("  res {:.2g}", r.resolution);
        if (mc) s += fmt::format("  se/scale {:.0f}% of {:.3g}", 100 * r.se_scale / r.decisive, r.decisive);
    }
    return s;
}

// One check record as in common/checks.schema.json (NaN and ∞ become null).
nlohmann::json record_json(const CheckRecord& r) {
    // Values with 12 significant digits, derived ratios (stat, se/scale, resolution, margin)
    // with 6: last-bit differences between CPUs (BLAS kernels, FMA) must not rewrite the
    // committed report on another machine. A statistic of nearly equal numbers (an exact
    // claim's relative error) moves in its 8th digit when its operands move in their 16th.
    auto rounded = [](double x, int digits) {
        if (!std::isfinite(x)) return nlohmann::json(nullptr);
        return nlohmann::json(std::strtod(fmt::format("{:.{}g}", x, digits).c_str(), nullptr));
    };
    auto num = [&](double x) { return rounded(x, 12); };
    auto ratio = [&](double x) { return rounded(x, 6); };
    return {{"claim", r.claim}, {"kind", name(r.kind)}, {"control", r.control}, {"verdict", name(r.verdict)},
            {"ok", r.ok}, {"holds", r.holds}, {"lhs", num(r.lhs)}, {"rhs", num(r.rhs)},
            {"lhs_se", num(r.lhs_se)}, {"rhs_se", num(r.rhs_se)}, {"lo", num(r.lo)}, {"hi", num(r.hi)},
            {"stat", ratio(r.stat)}, {"tol", num(r.tol)}, {"df", num(r.df)}, {"se_scale", ratio(r.se_scale)},
            {"decisive", num(r.decisive)}, {"resolution", ratio(r.resolution)}, {"margin", ratio(r.margin)},
            {"detail", r.detail}};
}

// The file a source_location names, relative to the source tree when inside it. The
// compiler may have been given a path relative to the build folder ("../../chapters/…"):
// then the part after the leading "../" names it.
std::string source_file(const char* file) {
    namespace fs = std::filesystem;
    const fs::path root(WB_SOURCE_DIR), p = fs::path(file).lexically_normal();
    if (p.is_absolute()) {
        const fs::path rel = p.lexically_relative(root);
        return !rel.empty() && *rel.begin() != ".." ? rel.generic_string() : p.generic_string();
    }
    fs::path rest;
    bool leading = true;
    for (const auto& part : p) {
        if (leading && part == "..") continue;
        leading = false;
        rest /= part;
    }
    std::error_code ec;
    return fs::exists(root / rest, ec) ? rest.generic_string() : p.generic_string();
}

// Decimal digits only, no leading zero, below 2⁶⁴; anything else is a usage error.
std::optional<std::uint64_t> parse_seed(const std::string& s) {
    if (s.empty() || s.size() > 20 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    if (s.size() > 1 && s[0] == '0') return std::nullopt;
    std::uint64_t v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return v;
}

// --jobs: decimal digits, 1 to 64.
std::optional<unsigned> parse_jobs(const std::string& s) {
    const auto v = parse_seed(s);
    if (!v || *v < 1 || *v > 64) return std::nullopt;
    return static_cast<unsigned>(*v);
}

unsigned default_jobs() { return std::clamp(std::thread::hardware_concurrency(), 1u, 4u); }

// "" if `dir` is a folder the run can write into (creating it if needed), else why not.
std::string unwritable(const std::filesystem::path& dir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
        return fmt::format("--out {} is a file, not a folder", dir.string());
    fs::create_directories(dir, ec);
    if (ec) return fmt::format("--out {}: cannot create the folder ({})", dir.string(), ec.message());
    const std::string probe = (dir / ".wb-write-test-XXXXXX").string();
    std::vector<char> name(probe.begin(), probe.end());
    name.push_back('\0');
    const int fd = ::mkstemp(name.data());
    if (fd < 0) return fmt::format("--out {}: the folder is not writable ({})", dir.string(), std::strerror(errno));
    ::close(fd);
    ::unlink(name.data());
    return "";
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
    std::string seed = std::to_string(o.seed);
    std::string out = o.out.string();
    app.add_option("--seed", seed, "Random seed (decimal digits, 0 ≤ seed < 2^64); the same seed gives the same numbers")
        ->capture_default_str();
    app.add_flag("--quick", o.quick, "Small sample sizes (for CI): seconds, not minutes")->disable_flag_override();
    app.add_option("--out", out, "Folder for figures, data and checks.json")->capture_default_str();
    bool no_plots = false;
    app.add_flag("--no-plots", no_plots, "Run the checks but write no figures")->disable_flag_override();
    app.add_flag("--json", o.json, "Print the check report as JSON on standard output (with --list: the sections)")
        ->disable_flag_override();
    app.add_flag("--list", o.list, "List the sections and exit")->disable_flag_override();
    app.add_option("--only", o.only, "Run only these sections (repeat or separate with commas)")
        ->delimiter(',');
    std::string jobs = std::to_string(default_jobs());
    app.add_option("--jobs", jobs, "Sections run at once (1 to 64; the report is the same for any value)")
        ->capture_default_str();
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        std::exit(app.exit(e));
    } catch (const CLI::ParseError& e) {
        usage_error(program, e.what());
    }
    const auto parsed = parse_seed(seed);
    if (!parsed)
        usage_error(program, fmt::format("--seed needs decimal digits without a sign or leading zero, below 2^64; "
                                         "got '{}'", seed));
    o.seed = *parsed;
    const auto j = parse_jobs(jobs);
    if (!j) usage_error(program, fmt::format("--jobs needs a whole number from 1 to 64; got '{}'", jobs));
    o.jobs = *j;
    o.plots = !no_plots;
    if (out.empty()) usage_error(program, "--out needs a folder name");
    // Absolute, since figures are rendered from inside the folder.
    o.out = std::filesystem::absolute(out);
    std::set<std::string> known;
    for (const auto& s : sections) known.insert(s.first);
    for (const auto& id : o.only)
        if (!known.count(id)) usage_error(program, fmt::format("--only: no section '{}'", id));
    // Last, since it may create the folder: every other usage error writes nothing.
    if (o.plots && !o.list) {
        const std::string why = unwritable(o.out);
        if (!why.empty()) usage_error(program, why);
    }
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
    static std::mutex line;
    const std::lock_guard<std::mutex> lock(line);
    std::fprintf(stderr, "\r  %s: %3.0f%% (%zu/%zu)%s", id_.c_str(), 100.0 * static_cast<double>(done) /
                 static_cast<double>(std::max<std::size_t>(total, 1)), done, total, done >= total ? "\n" : "");
    std::fflush(stderr);
}

Chapter::Chapter(std::string number, std::string title, std::string dir)
    : number_(std::move(number)), title_(std::move(title)), dir_(std::move(dir)) {
    if (dir_.empty()) dir_ = number_;
}

void Chapter::section(std::string id, std::string title, std::function<void(Section&)> body,
                      std::source_location where) {
    if (file_.empty()) file_ = source_file(where.file_name());
    sections_.push_back({std::move(id), std::move(title), std::move(body), where.line()});
}

int Chapter::run(int argc, char** argv, std::source_location where) {
    namespace fs = std::filesystem;
    using nlohmann::json;
    const std::string program = "ch" + number_;
    std::vector<std::pair<std::string, std::string>> ids;
    for (const auto& e : sections_) ids.emplace_back(e.id, e.title);
    const fs::path default_out = fs::path(WB_SOURCE_DIR) / "figures" / dir_;
    const Options opt = parse_options(argc, argv, program, fmt::format("Chapter {}: {}", number_, title_), ids,
                                      default_out);
    const json source = {{"file", file_.empty() ? source_file(where.file_name()) : file_}, {"run_line", where.line()}};
    if (opt.list) {
        if (opt.json) {
            json list = {{"schema", "wb-sections"}, {"version", kReportVersion}, {"chapter", number_}, {"dir", dir_},
                         {"title", title_}, {"source", source}, {"sections", json::array()}};
            for (const auto& e : sections_)
                list["sections"].push_back({{"id", e.id}, {"title", e.title}, {"line", e.line}});
            std::cout << list.dump(2) << "\n";
        } else {
            for (const auto& [id, title] : ids) std::printf("%-14s %s\n", id.c_str(), title.c_str());
        }
        return 0;
    }

    // One BLAS thread: the sections are the parallelism, and OpenBLAS splits some
    // reductions by its thread count, so its default (the cores) would make the numbers
    // depend on the machine (chapter 04's tanh fits moved in the fourth digit).
    if (openblas_set_num_threads) openblas_set_num_threads(1);
    const auto t0 = std::chrono::steady_clock::now();
    std::ostream& out = opt.json ? std::cerr : std::cout;
    out << paint(fmt::format("Chapter {}: {}", number_, title_), "1") << "\n";
    json report = {{"schema", "wb-checks"}, {"version", kReportVersion}, {"chapter", number_}, {"dir", dir_},
                   {"title", title_}, {"seed", opt.seed}, {"quick", opt.quick}, {"plots", opt.plots},
                   {"only", opt.only}, {"source", source}, {"sections", json::array()}};
    int passed = 0, failed = 0, rejected = 0, accepted = 0, check_errors = 0, near = 0, skipped = 0, errors = 0;
    std::vector<std::string> figures;

    // The sections run on opt.jobs threads, taken in order; each is reported, in order,
    // as soon as it and those before it are done.
    struct Run {
        std::unique_ptr<Section> s;  // set when the section has run
        std::string status = "ran", waits_on, error;
    };
    std::vector<std::size_t> todo;
    for (std::size_t k = 0; k < sections_.size(); ++k)
        if (opt.only.empty() || std::find(opt.only.begin(), opt.only.end(), sections_[k].id) != opt.only.end())
            todo.push_back(k);
    std::vector<Run> runs(todo.size());
    std::mutex m;
    std::condition_variable cv;
    std::size_t next = 0;
    auto work = [&] {
        for (;;) {
            std::size_t i;
            {
                const std::lock_guard<std::mutex> lock(m);
                if (next == todo.size()) return;
                i = next++;
            }
            const auto& e = sections_[todo[i]];
            Run r;
            r.s = std::make_unique<Section>(number_, e.id, opt);
            try {
                e.body(*r.s);
            } catch (const NotImplemented& ex) {
                r.status = "skipped";
                r.waits_on = ex.exercise();
            } catch (const std::exception& ex) {
                r.status = "error";
                r.error = ex.what();
            } catch (...) {
                r.status = "error";
                r.error = "an exception that is not a std::exception";
            }
            {
                const std::lock_guard<std::mutex> lock(m);
                runs[i] = std::move(r);
            }
            cv.notify_all();
        }
    };
    bool rendered = true;
    std::vector<std::jthread> workers;
    for (unsigned w = 0; w < std::min<std::size_t>(opt.jobs, todo.size()); ++w) workers.emplace_back(work);

    for (std::size_t i = 0; i < todo.size(); ++i) {
        const std::size_t k = todo[i];
        const auto& e = sections_[k];
        {
            std::unique_lock<std::mutex> lock(m);
            cv.wait(lock, [&] { return runs[i].s != nullptr; });
        }
        out << "\n" << paint(fmt::format("§{} {} — {}", k + 1, e.id, e.title), "1") << "\n";
        Section& s = *runs[i].s;
        const std::string &status = runs[i].status, &waits_on = runs[i].waits_on, &error = runs[i].error;
        skipped += status == "skipped";
        errors += status == "error";
        json checks = json::array();
        for (const auto& r : s.records()) {
            const std::string claim = (r.control ? "control: " : "") + r.claim;
            const std::size_t pad = width(claim) < 46 ? 46 - width(claim) : 1;
            out << "  " << verdict(r) << " " << claim << std::string(pad, ' ') << numbers(r);
            if (!r.ok && !r.detail.empty()) out << "  [" << r.detail << "]";
            out << "\n";
            switch (r.verdict) {
            case Verdict::pass: ++passed; break;
            case Verdict::fail: ++failed; break;
            case Verdict::rejected: ++rejected; break;
            case Verdict::accepted: ++accepted; break;
            case Verdict::error: ++check_errors; break;
            }
            near += near_indecisive(r);
            checks.push_back(record_json(r));
        }
        for (const auto& n : s.notes()) out << "  " << paint("note", "2") << "     " << n << "\n";
        if (status == "skipped")
            out << "  " << paint("SKIPPED", "33") << "  waits on exercise " << waits_on << " (./workbook hint "
                << waits_on.substr(0, waits_on.find(' ')) << ")\n";
        if (status == "error") out << "  " << paint("ERROR", "1;31") << "    " << error << "\n";
        for (const auto& f : s.figures()) figures.push_back(f);
        // Rendered now, while the later sections still run, not all at the end.
        if (opt.plots && !s.figures().empty() && !render_figures(opt.out, s.figures())) rendered = false;
        report["sections"].push_back({{"id", e.id}, {"title", e.title}, {"line", e.line}, {"status", status},
                                      {"waits_on", waits_on},
                                      {"error", error}, {"checks", checks},
                                      {"figures", s.figures()}, {"notes", s.notes()}});
        runs[i].s.reset();
    }

    if (!rendered && have_program("gnuplot")) ++errors;
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    report["summary"] = {{"passed", passed}, {"failed", failed}, {"rejected", rejected}, {"accepted", accepted},
                         {"check_errors", check_errors}, {"near_indecisive", near},
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

    const bool bad = failed || accepted || errors || check_errors;
    out << "\n"
        << paint(fmt::format("{}: {} checks passed, {} failed; {} controls rejected, {} accepted; {} invalid "
                             "(non-finite or random holds); {} sections skipped; {} errors; {:.2f} s",
                             program, passed, failed, rejected, accepted, check_errors, skipped, errors, secs),
                 bad ? "1;31" : "1;32")
        << "\n";
    if (near)
        out << paint(fmt::format("{}: {} Monte Carlo checks have se/scale above {:.0f}% of their decisiveness bound "
                                 "(a seed may flip them)", program, near, 100 * kDecisiveHeadroom), "33")
            << "\n";
    if (full_report) out << "figures and checks.json: " << opt.out.string() << "\n";
    else
        out << (opt.plots ? "figures: " + opt.out.string() : std::string("figures: not written (--no-plots)"))
            << "; checks.json kept as it was (a partial run; --json prints this report)\n";
    if (bad) return 1;
    return skipped ? 3 : 0;
}

}  // namespace wb
