// Tests of 11.4 tamed_em_step.
#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

#include "schemes.hpp"
#include "wb/rng.hpp"
#include "wb/sde.hpp"

using ch11::tamed_em_step;

namespace {
// dX = −X³ dt + dW.
const wb::PointwiseSde cubic([](double x, double) { return -x * x * x; }, [](double, double) { return 1.0; });
}  // namespace

TEST(TamedEmStep, KnownValueForTheCubicDrift) {
    // x = 2, h = 0.1: f = −8, h f/(1 + h|f|) = −0.8/1.8; plus g ΔW = 0.05.
    EXPECT_DOUBLE_EQ(tamed_em_step(2.0, 0.0, 0.1, 0.05, cubic), 2.0 - 0.8 / 1.8 + 0.05);
}

TEST(TamedEmStep, DriftIncrementStaysBelowOne) {
    // However large f, |h f/(1 + h|f|)| < 1 (≤ 1 after rounding), in both directions.
    for (double x : {1.0, 10.0, 1e3, 1e6, -1e6}) {
        const double dx = tamed_em_step(x, 0.0, 0.5, 0.0, cubic) - x;
        EXPECT_LE(std::fabs(dx), 1.0) << "x = " << x;
        EXPECT_LT(dx * x, 0.0) << "x = " << x;  // it still points back to 0
    }
}

TEST(TamedEmStep, DiffersFromEulerMaruyamaBySecondOrderInH) {
    // tamed − EM = −h² f|f|/(1 + h|f|): the taming is invisible as h → 0.
    const double x = 1.5, dW = 0.1, f = -x * x * x;
    for (double h : {1e-2, 1e-3, 1e-4}) {
        const double em = x + h * f + dW;
        EXPECT_NEAR(tamed_em_step(x, 0.0, h, dW, cubic) - em, -h * h * f * std::fabs(f) / (1 + h * std::fabs(f)),
                    1e-13) << "h = " << h;
    }
}

TEST(TamedEmStep, StaysBoundedWhereEulerMaruyamaExplodes) {
    // dX = −X³ dt + dW from X_0 = 3 with h = 0.5: EM leaves √(2/h) = 2 at once and
    // overflows; the tamed scheme on the same increments stays small.
    wb::Rng rng(4);
    double em = 3.0, tamed = 3.0, biggest = 0.0;
    for (int k = 0; k < 200; ++k) {
        const double dW = std::sqrt(0.5) * rng.normal();
        if (std::isfinite(em)) em = em - 0.5 * em * em * em + dW;
        tamed = tamed_em_step(tamed, 0.5 * k, 0.5, dW, cubic);
        biggest = std::max(biggest, std::fabs(tamed));
    }
    EXPECT_FALSE(std::isfinite(em) && std::fabs(em) < 1e10);
    EXPECT_LT(biggest, 6.0);
}
