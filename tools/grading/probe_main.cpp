// main() of every probe (see probe.hpp):
//   probe emit SEED OUT      run the exercise on the seed's inputs, write its values to OUT
//   probe judge SEED FILE    recompute with this binary's code (the reference) and compare
//                            with the student's FILE: prints "ok" (exit 0) or why not (exit 1)
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <string>

#include "probe.hpp"

namespace wb::probe {

void Probe::expect(std::string_view what, double got, double want, double rtol, double atol) {
    if (mode_ == Mode::Emit) {
        out_.push_back(got);
        return;
    }
    const double s = next_student(what);
    if (failed()) return;
    const bool same = std::isfinite(want) ? std::isfinite(s) && std::fabs(s - want) <= atol + rtol * std::fabs(want)
                                          : (std::isnan(want) ? std::isnan(s) : s == want);
    if (!same) {
        char buf[256];
        std::snprintf(buf, sizeof buf, "%.*s: got %.12g, expected %.12g", static_cast<int>(what.size()), what.data(), s,
                      want);
        failure_ = buf;
    }
}

double Probe::raw(double x) {
    if (mode_ == Mode::Emit) {
        out_.push_back(x);
        return x;
    }
    const double s = next_student("a value");
    return failed() ? x : s;
}

void Probe::require(bool ok, std::string_view what) {
    if (mode_ == Mode::Judge && !ok && !failed()) failure_ = std::string(what);
}

double Probe::next_student(std::string_view what) {
    if (next_ < student_.size()) return student_[next_++];
    if (!failed()) failure_ = "the output stops before " + std::string(what);
    return 0.0;
}

}  // namespace wb::probe

namespace {

int usage() {
    std::fprintf(stderr, "usage: probe emit SEED OUT | probe judge SEED FILE\n");
    return 2;
}

// The student's file: one number per line, nothing else (at most a million).
bool read_values(const char* path, std::vector<double>& v) {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (v.size() >= 1000000) return false;
        char* end = nullptr;
        errno = 0;
        const double x = std::strtod(line.c_str(), &end);
        // ERANGE on underflow still gives the (subnormal or zero) value: only overflow is refused.
        if (end == line.c_str() || *end != '\0' || (errno == ERANGE && std::isinf(x))) return false;
        v.push_back(x);
    }
    return in.eof();
}

}  // namespace

int main(int argc, char** argv) {
    using wb::probe::Probe;
    if (argc != 4) return usage();
    const std::string mode = argv[1];
    char* end = nullptr;
    const std::uint64_t seed = std::strtoull(argv[2], &end, 10);
    if (*end != '\0') return usage();
    if (mode == "emit") {
        Probe p(Probe::Mode::Emit, seed);
        try {
            wb_probe_run(p);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "the exercise threw: %s\n", e.what());
            return 3;
        }
        std::FILE* f = std::fopen(argv[3], "w");
        if (!f) return 4;
        for (double x : p.emitted()) std::fprintf(f, "%.17g\n", x);
        return std::fclose(f) == 0 ? 0 : 4;
    }
    if (mode != "judge") return usage();
    std::vector<double> student;
    if (!read_values(argv[3], student)) {
        std::printf("the output is not a list of numbers\n");
        return 1;
    }
    Probe p(Probe::Mode::Judge, seed, std::move(student));
    try {
        wb_probe_run(p);
    } catch (const std::exception& e) {
        std::printf("the reference could not use the output: %s\n", e.what());
        return 1;
    }
    if (!p.failed() && !p.all_read()) p.require(false, "the output has more values than expected");
    std::printf("%s\n", p.failed() ? p.failure().c_str() : "ok");
    return p.failed() ? 1 : 0;
}
