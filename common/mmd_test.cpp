#include "wb/mmd.hpp"

#include <cmath>
#include <stdexcept>

#include <gtest/gtest.h>

#include "wb/numerics.hpp"
#include "wb/rng.hpp"

namespace wb {
namespace {

const GaussianMixture P = GaussianMixture::univariate({0.3, 0.7}, {-1.0, 1.5}, {0.5, 0.8});
constexpr double Ell = 0.7;

double kernel(double x, double y) { return std::exp(-(x - y) * (x - y) / (2 * Ell * Ell)); }

// The closed forms against quadrature of the definitions E_y k(x, y) and E_{y,y'} k(y, y').
TEST(MixtureMmd, ClosedFormsMatchQuadrature) {
    const MixtureMmd mmd(P, Ell);
    for (const double x : {-2.0, 0.1, 1.5}) {
        const double q = simpson([&](double y) { return P.density(y) * kernel(x, y); }, -9.0, 9.0);
        EXPECT_NEAR(mmd.mean_embedding(std::vector<double>{x}), q, 1e-10) << "x = " << x;
    }
    // E_{y'} k(y, y') by quadrature too, not through mean_embedding.
    const double self = simpson(
        [&](double y) { return P.density(y) * simpson([&](double u) { return P.density(u) * kernel(y, u); }, -9.0, 9.0, 800); },
        -9.0, 9.0, 800);
    EXPECT_NEAR(mmd.self_term(), self, 1e-9);
}

// Unbiased: for q = N(a, s²) against p = N(0, 1) the mean over blocks estimates the closed form
//   MMD² = ℓ/√(ℓ² + 2s²) − 2ℓ/√(ℓ² + s² + 1) e^{−a²/(2(ℓ² + s² + 1))} + ℓ/√(ℓ² + 2),
// and exact draws of p give 0; the se is the blocks' spread (n = the number of blocks).
TEST(MixtureMmd, EstimatesTheClosedFormWithItsStandardError) {
    const GaussianMixture std_normal = GaussianMixture::univariate({1.0}, {0.0}, {1.0});
    const MixtureMmd mmd(std_normal, Ell);
    Rng rng(7);
    const double a = 0.5, s = 1.3, l2 = Ell * Ell;
    const double exact = Ell / std::sqrt(l2 + 2 * s * s) -
                         2 * Ell / std::sqrt(l2 + s * s + 1) * std::exp(-a * a / (2 * (l2 + s * s + 1))) +
                         Ell / std::sqrt(l2 + 2);
    Mat x = xt::empty<double>({std::size_t{20000}, std::size_t{1}});
    rng.fill_normal(x);
    const Estimate null = mmd(x);
    EXPECT_EQ(null.n, MixtureMmd::DefaultBlocks);
    EXPECT_GT(null.se, 0.0);
    EXPECT_NEAR(null.value, 0.0, 4.5 * null.se);
    x = a + s * x;
    const Estimate e = mmd(x, 100);
    EXPECT_EQ(e.n, 100u);
    EXPECT_NEAR(e.value, exact, 4.5 * e.se);
    EXPECT_LT(e.se, 0.1 * exact);  // the check above has power
}

// A shifted sample is told apart from exact draws by far more than its se.
TEST(MixtureMmd, DetectsAShift) {
    const MixtureMmd mmd(P, Ell);
    Rng rng(11);
    Mat x = P.sample(rng, 4000);
    x += 0.5;
    const Estimate e = mmd(x);
    EXPECT_GT(e.value, 8 * e.se);
}

TEST(MixtureMmd, RefusesBadInput) {
    EXPECT_THROW(MixtureMmd(P, 0.0), std::invalid_argument);
    const MixtureMmd mmd(P, Ell);
    const Mat x = xt::zeros<double>({std::size_t{100}, std::size_t{1}});
    EXPECT_THROW(mmd(x, 1), std::invalid_argument);   // one block: no spread
    EXPECT_THROW(mmd(x, 60), std::invalid_argument);  // blocks of one row
    const Mat wrong_dim = xt::zeros<double>({std::size_t{100}, std::size_t{2}});
    EXPECT_THROW(mmd(wrong_dim, 10), std::invalid_argument);
}

}  // namespace
}  // namespace wb
