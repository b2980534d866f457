// The workbook's array vocabulary and the read-only view statistics take.
//
// Arrays are xtensor containers of static rank: `Vec` (n) and `Mat` (n, d). A
// statistic reads a sequence of doubles through `Values`, a std::span<const double>
// that also binds to a `Vec` or a std::vector without a copy, so callers never
// convert by hand.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <type_traits>
#include <span>
#include <vector>

#include <xtensor/xtensor.hpp>

namespace wb {

using Vec = xt::xtensor<double, 1>;  // (n)
using Mat = xt::xtensor<double, 2>;  // (n, d): row i is point (or path) i

// A read-only run of doubles: a span that converts from the containers chapters hold.
struct Values : std::span<const double> {
    using std::span<const double>::span;
    Values(std::span<const double> s) : std::span<const double>(s) {}
    Values(std::span<double> s) : std::span<const double>(s.data(), s.size()) {}
    Values(const std::vector<double>& v) : std::span<const double>(v.data(), v.size()) {}
    Values(const Vec& v) : std::span<const double>(v.data(), v.size()) {}
    // A braced list as an argument, f({1, 2, 3}): the list lives until the call returns
    // (never keep such a Values in a variable).
    Values(std::initializer_list<double> l) : std::span<const double>(l.begin(), l.size()) {}
    // A 1-D xtensor expression (a − b, a view): evaluated once into storage this
    // view shares, so mean_se(a - b) works like mean_se(Vec(a - b)).
    template <class E>
        requires(xt::is_xexpression<E>::value && !std::is_same_v<E, Vec>)
    Values(const E& e) : Values(std::make_shared<const Vec>(e)) {}

private:
    explicit Values(std::shared_ptr<const Vec> v) : std::span<const double>(v->data(), v->size()), own_(std::move(v)) {}
    std::shared_ptr<const Vec> own_;
};

// Copies into a Vec / a std::vector (for results that outlive their source).
inline Vec to_vec(Values x) {
    Vec v = xt::empty<double>({x.size()});
    for (std::size_t i = 0; i < x.size(); ++i) v(i) = x[i];
    return v;
}
inline std::vector<double> to_vector(Values x) { return {x.begin(), x.end()}; }

}  // namespace wb
