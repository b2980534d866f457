#include "wb/dual.hpp"

#include <gtest/gtest.h>

namespace wb {
namespace {

template <class T>
T f(T x) {
    using std::exp, std::tanh, std::sin;
    return exp(x) * tanh(x) / (1.0 + x * x) + sin(x);
}

TEST(Dual, MatchesTheAnalyticDerivative) {
    const double x = 0.7;
    Dual<double> y = f(Dual<double>(x, 1.0));
    EXPECT_DOUBLE_EQ(y.v, f(x));
    const double h = 1e-6;
    EXPECT_NEAR(y.d, (f(x + h) - f(x - h)) / (2 * h), 1e-8);
}

TEST(Dual, DirectionalDerivativeOfAVectorFunction) {
    // g(x) = (x0 x1, x0 + log x1); v^T ∇(v^T g) along v = (1, 2) at x = (0.5, 2).
    const double v0 = 1, v1 = 2;
    Dual<double> x0(0.5, v0), x1(2.0, v1);
    Dual<double> vg = v0 * (x0 * x1) + v1 * (x0 + log(x1));
    // v^T g = x0 x1 + 2 x0 + 2 log x1; gradient (x1 + 2, x0 + 2/x1) = (4, 1.5); dot v = 7.
    EXPECT_DOUBLE_EQ(vg.d, 7.0);
}

}  // namespace
}  // namespace wb
