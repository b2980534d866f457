// Random numbers: a seeded PCG generator and the workbook's own samplers.
//
// Standard-library distributions differ between implementations and xt::random is
// lazy, so every draw in the workbook goes through these samplers: the same seed
// gives the same numbers on every machine. Streams are derived from
// (seed, chapter, section) so that one section's draws never shift another's.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include <pcg_random.hpp>
#include <xtensor/xtensor.hpp>

namespace wb {

// 64-bit FNV-1a, used to turn names into stream ids.
std::uint64_t hash_name(std::string_view s, std::uint64_t h = 1469598103934665603ull);

class Rng {
public:
    explicit Rng(std::uint64_t seed, std::uint64_t stream = 0);
    // An independent stream for one section of one chapter.
    static Rng for_section(std::uint64_t seed, std::string_view chapter, std::string_view section);
    // A child stream, e.g. one per replication, independent of the parent's state.
    Rng split(std::uint64_t index) const;

    std::uint64_t next_u64() { return gen_(); }
    // Uniform on [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(gen_() >> 11) * 0x1.0p-53; }
    double uniform(double a, double b) { return a + (b - a) * uniform(); }
    // Uniform integer in [0, n).
    std::uint64_t below(std::uint64_t n);
    // Standard normal (Marsaglia's polar method; the spare value is cached).
    double normal();
    double normal(double mean, double sd) { return mean + sd * normal(); }
    double rademacher() { return (gen_() >> 63) ? 1.0 : -1.0; }
    // Gamma(shape k, scale 1) by Marsaglia & Tsang (2000).
    double gamma(double k);
    double chi_square(double nu) { return 2.0 * gamma(0.5 * nu); }
    double student_t(double nu);
    double cauchy();
    double exponential() ;
    // Poisson(lambda): inversion for small lambda, PTRS (Hörmann 1993) otherwise.
    std::int64_t poisson(double lambda);
    // Index k with probability w[k] / sum(w).
    std::size_t categorical(std::span<const double> w);

    // Fill whole arrays (shape is kept).
    template <class A> void fill_normal(A& a) { for (auto& v : a) v = normal(); }
    template <class A> void fill_uniform(A& a) { for (auto& v : a) v = uniform(); }
    template <class A> void fill_rademacher(A& a) { for (auto& v : a) v = rademacher(); }
    xt::xtensor<double, 2> normal_matrix(std::size_t n, std::size_t d);
    xt::xtensor<double, 1> normal_vector(std::size_t n);
    // n x d matrix whose rows are uniform on the sphere of radius sqrt(d).
    xt::xtensor<double, 2> sphere_matrix(std::size_t n, std::size_t d);
    xt::xtensor<double, 2> rademacher_matrix(std::size_t n, std::size_t d);

private:
    pcg64 gen_;
    double spare_ = 0.0;
    bool has_spare_ = false;
};

}  // namespace wb
