// Hidden checks for grading: one probe per exercise, tools/grading/probes/NN_topic/X.cpp.
//
// A probe draws inputs from a per-submission seed, calls the exercise, and reports
// what it returned. It is linked twice: with the student's code, run in the sandbox
// in Emit mode (it writes the values to a file), and with the reference solution,
// run by the grader outside the sandbox in Judge mode (it recomputes every value
// and compares the student's file with it). The verdict therefore comes from a
// process the student's code never touches, on inputs it has never seen: printing
// or writing "passed" achieves nothing, only the right numbers do.
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "wb/rng.hpp"

namespace wb::probe {

class Probe {
public:
    enum class Mode { Emit, Judge };
    Probe(Mode mode, std::uint64_t seed, std::vector<double> student = {})
        : mode_(mode), rng_(seed, 0x9e3779b97f4a7c15ULL), student_(std::move(student)) {}

    // The probe's inputs come from here; an exercise that draws random numbers gets
    // its own stream (fresh(i)), so the inputs do not depend on how many it drew.
    wb::Rng& rng() { return rng_; }
    wb::Rng fresh(std::uint64_t i) const { return rng_.split(1000 + i); }

    // The student's value `got` must equal `want`, computed by the reference:
    // |got − want| ≤ atol + rtol·|want|. Emit writes got; Judge compares the
    // student's next value with want (its own got is the reference's).
    void expect(std::string_view what, double got, double want, double rtol = 1e-9, double atol = 1e-12);
    void value(std::string_view what, double x, double rtol = 1e-9, double atol = 1e-12) { expect(what, x, x, rtol, atol); }
    template <class E>
    void values(std::string_view what, const E& xs, double rtol = 1e-9, double atol = 1e-12) {
        for (double x : xs) value(what, x, rtol, atol);
    }
    // A value the judge examines itself (with require): Emit writes x and returns it;
    // Judge returns the student's value in its place.
    double raw(double x);
    template <class E>
    E raw_all(E xs) {
        for (auto& x : xs) x = raw(x);
        return xs;
    }
    // Judge only: a property the student's raw values must have.
    void require(bool ok, std::string_view what);

    Mode mode() const { return mode_; }
    const std::vector<double>& emitted() const { return out_; }
    bool failed() const { return !failure_.empty(); }
    const std::string& failure() const { return failure_; }
    bool all_read() const { return next_ == student_.size(); }

private:
    double next_student(std::string_view what);
    Mode mode_;
    wb::Rng rng_;
    std::vector<double> student_, out_;
    std::size_t next_ = 0;
    std::string failure_;
};

}  // namespace wb::probe

// The body of a probe: `WB_PROBE(p) { ... }`.
#define WB_PROBE(p) void wb_probe_run(wb::probe::Probe& p)
void wb_probe_run(wb::probe::Probe& p);
