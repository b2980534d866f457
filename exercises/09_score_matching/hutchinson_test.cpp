// Tests of 09.1: slicing directions for each p(v) and Hutchinson's samples vᵀAv.
#include <cmath>

#include <gtest/gtest.h>

#include "score_matching.hpp"
#include "wb/stats.hpp"

using ch09::Slice;

namespace {

// A fixed non-symmetric 4x4 matrix with a large diagonal.
xt::xtensor<double, 2> test_matrix() {
    return {{3.0, 0.5, -1.0, 0.2}, {1.5, -2.0, 0.3, 0.7}, {0.0, 0.4, 1.0, -0.6}, {2.0, -0.3, 0.8, 4.0}};
}

double trace(const xt::xtensor<double, 2>& A) {
    double t = 0;
    for (std::size_t i = 0; i < A.shape(0); ++i) t += A(i, i);
    return t;
}

// ‖A_s‖²_F, Σ A_ii², with A_s = (A + Aᵀ)/2.
double sym_frob2(const xt::xtensor<double, 2>& A) {
    double f = 0;
    for (std::size_t i = 0; i < A.shape(0); ++i)
        for (std::size_t j = 0; j < A.shape(1); ++j) f += 0.25 * (A(i, j) + A(j, i)) * (A(i, j) + A(j, i));
    return f;
}
double diag2(const xt::xtensor<double, 2>& A) {
    double f = 0;
    for (std::size_t i = 0; i < A.shape(0); ++i) f += A(i, i) * A(i, i);
    return f;
}

// Sample mean and sample variance (with its standard error) of vᵀAv over m draws.
struct Moments {
    wb::Estimate mean, var;
};
Moments draw(Slice kind, std::size_t m, std::uint64_t seed) {
    wb::Rng rng(seed);
    const auto A = test_matrix();
    const auto V = ch09::slicing_directions(kind, m, 4, rng);
    const xt::xtensor<double, 1> q = ch09::hutchinson_samples(A, V);
    return {wb::mean_se(q), wb::variance_se(q)};
}

}  // namespace

TEST(Hutchinson, SamplesAreTheQuadraticForms) {
    const xt::xtensor<double, 2> A = {{1.0, 2.0}, {-3.0, 4.0}};
    const xt::xtensor<double, 2> V = {{1.0, 0.0}, {1.0, 1.0}, {2.0, -1.0}};
    const auto q = ch09::hutchinson_samples(A, V);
    ASSERT_EQ(q.size(), 3u);
    EXPECT_DOUBLE_EQ(q(0), 1.0);
    EXPECT_DOUBLE_EQ(q(1), 1.0 + 2.0 - 3.0 + 4.0);
    EXPECT_DOUBLE_EQ(q(2), 4.0 * 1.0 - 2.0 * 2.0 + 2.0 * 3.0 + 4.0);  // 4 − 4 + 6 + 4
}

TEST(Hutchinson, AllSignVectorsGiveTheExactTrace) {
    // Averaged over all 2^d sign vectors the cross terms cancel exactly.
    const auto A = test_matrix();
    xt::xtensor<double, 2> V = xt::zeros<double>({16, 4});
    for (std::size_t r = 0; r < 16; ++r)
        for (std::size_t i = 0; i < 4; ++i) V(r, i) = (r >> i) & 1u ? 1.0 : -1.0;
    const auto q = ch09::hutchinson_samples(A, V);
    EXPECT_NEAR(wb::mean_se(q).value, trace(A), 1e-12);
}

TEST(Hutchinson, ScaledBasisVectorsOnTheSphereGiveTheExactTrace) {
    // v = √d e_i lies on the sphere of radius √d and gives vᵀAv = d A_ii.
    const auto A = test_matrix();
    const xt::xtensor<double, 2> V = 2.0 * xt::xtensor<double, 2>(xt::eye<double>(4));
    const auto q = ch09::hutchinson_samples(A, V);
    for (std::size_t i = 0; i < 4; ++i) EXPECT_NEAR(q(i), 4.0 * A(i, i), 1e-12);
    EXPECT_NEAR(wb::mean_se(q).value, trace(A), 1e-12);
}

TEST(Directions, RademacherEntriesAreSigns) {
    wb::Rng rng(7);
    const auto V = ch09::slicing_directions(Slice::Rademacher, 2000, 5, rng);
    ASSERT_EQ(V.shape(0), 2000u);
    ASSERT_EQ(V.shape(1), 5u);
    double plus = 0;
    for (double e : V) {
        ASSERT_EQ(std::fabs(e), 1.0);
        plus += e > 0;
    }
    EXPECT_NEAR(plus / 10000.0, 0.5, 0.03) << "signs should be +1 and -1 equally often";
}

TEST(Directions, SphereRowsHaveLengthSqrtD) {
    wb::Rng rng(8);
    const std::size_t d = 6;
    const auto V = ch09::slicing_directions(Slice::Sphere, 3000, d, rng);
    ASSERT_EQ(V.shape(1), d);
    double first = 0;
    for (std::size_t r = 0; r < V.shape(0); ++r) {
        double n2 = 0;
        for (std::size_t i = 0; i < d; ++i) n2 += V(r, i) * V(r, i);
        ASSERT_NEAR(n2, static_cast<double>(d), 1e-9) << "row " << r;
        first += V(r, 0);
    }
    EXPECT_NEAR(first / 3000.0, 0.0, 0.1) << "directions should be symmetric about 0";
}

TEST(Directions, EveryLawHasIdentitySecondMoment) {
    // E[v vᵀ] = I is what makes every slicing law unbiased; checked to 5 standard errors.
    for (Slice kind : {Slice::Gaussian, Slice::Rademacher, Slice::Sphere}) {
        wb::Rng rng(9);
        const std::size_t m = 20000, d = 3;
        const auto V = ch09::slicing_directions(kind, m, d, rng);
        ASSERT_EQ(V.shape(0), m) << ch09::slice_name(kind);
        for (std::size_t i = 0; i < d; ++i)
            for (std::size_t j = 0; j < d; ++j) {
                xt::xtensor<double, 1> p = xt::zeros<double>({m});
                for (std::size_t r = 0; r < m; ++r) p(r) = V(r, i) * V(r, j);
                const auto e = wb::mean_se(p);
                EXPECT_NEAR(e.value, i == j ? 1.0 : 0.0, 5 * e.se + 1e-12) << ch09::slice_name(kind) << " (" << i
                                                                           << "," << j << ")";
            }
    }
}

TEST(Directions, GaussianDirectionsAreGaussian) {
    // E[v⁴] = 3 for N(0,1), 1 for signs, 3d/(d+2) on the sphere: tells the laws apart.
    wb::Rng rng(10);
    const std::size_t m = 20000, d = 2;
    const auto V = ch09::slicing_directions(Slice::Gaussian, m, d, rng);
    xt::xtensor<double, 1> v4 = xt::zeros<double>({m});
    for (std::size_t r = 0; r < m; ++r) v4(r) = std::pow(V(r, 0), 4);
    const auto e = wb::mean_se(v4);
    EXPECT_NEAR(e.value, 3.0, 5 * e.se);
}

TEST(Hutchinson, GaussianEstimatorIsUnbiasedWithVarianceTwiceFrobeniusOfSymmetricPart) {
    const auto A = test_matrix();
    const auto m = draw(Slice::Gaussian, 40000, 11);
    EXPECT_NEAR(m.mean.value, trace(A), 5 * m.mean.se);
    EXPECT_NEAR(m.var.value, 2 * sym_frob2(A), 5 * m.var.se);
}

TEST(Hutchinson, RademacherEstimatorDropsTheDiagonalFromTheVariance) {
    const auto A = test_matrix();
    const auto m = draw(Slice::Rademacher, 40000, 12);
    EXPECT_NEAR(m.mean.value, trace(A), 5 * m.mean.se);
    EXPECT_NEAR(m.var.value, 2 * (sym_frob2(A) - diag2(A)), 5 * m.var.se);
}

TEST(Hutchinson, SphereEstimatorDropsTheTraceFromTheVariance) {
    const auto A = test_matrix();
    const double d = 4, tr = trace(A);
    const auto m = draw(Slice::Sphere, 40000, 13);
    EXPECT_NEAR(m.mean.value, tr, 5 * m.mean.se);
    EXPECT_NEAR(m.var.value, 2 * d / (d + 2) * (sym_frob2(A) - tr * tr / d), 5 * m.var.se);
}
