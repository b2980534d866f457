#include "wb/sde.hpp"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <xtensor/xview.hpp>

#include "wb/stats.hpp"

namespace wb {
namespace {

TEST(Sde, OneStepOfEachSchemeMatchesItsFormula) {
    GeometricBrownian gbm(0.5, 0.8);
    const double x0 = 1.3, h = 0.01, dw = 0.07;
    Batch dW = {{dw}};
    StepWork w;
    Batch x = {{x0}};
    step(gbm, Scheme::Euler, x, 0, h, dW, w);
    EXPECT_DOUBLE_EQ(x(0, 0), x0 + h * 0.5 * x0);
    x = {{x0}};
    step(gbm, Scheme::EulerMaruyama, x, 0, h, dW, w);
    EXPECT_DOUBLE_EQ(x(0, 0), x0 + h * 0.5 * x0 + 0.8 * x0 * dw);
    x = {{x0}};
    step(gbm, Scheme::Milstein, x, 0, h, dW, w);
    EXPECT_DOUBLE_EQ(x(0, 0), x0 + h * 0.5 * x0 + 0.8 * x0 * dw + 0.5 * 0.8 * x0 * 0.8 * (dw * dw - h));
    x = {{x0}};
    step(gbm, Scheme::TamedEM, x, 0, h, dW, w);
    const double f = 0.5 * x0;
    EXPECT_DOUBLE_EQ(x(0, 0), x0 + h * f / (1 + h * f) + 0.8 * x0 * dw);
}

// OU and GBM fuse each step into one pass; it must give the generic path's bits.
TEST(Sde, FusedStepsOfOuAndGbmEqualTheGenericOnesBitForBit) {
    const OrnsteinUhlenbeck ou(1.7, 0.6);
    const GeometricBrownian gbm(0.3, 0.9);
    Rng rng(7);
    Batch x0 = xt::empty<double>({std::size_t{257}, std::size_t{3}}), dW = x0;
    rng.fill_normal(x0);
    rng.fill_normal(dW, 0.1);
    for (const Sde* sde : {static_cast<const Sde*>(&ou), static_cast<const Sde*>(&gbm)}) {
        for (Scheme sc : {Scheme::Euler, Scheme::EulerMaruyama, Scheme::Milstein, Scheme::TamedEM}) {
            Batch a = x0, b = x0;
            StepWork w1, w2;
            for (int k = 0; k < 5; ++k) {
                step(*sde, sc, a, 0.1 * k, 0.01, dW, w1);
                sde->Sde::advance(sc, b, 0.1 * k, 0.01, dW, w2);
            }
            ASSERT_EQ(a.shape(), b.shape());
            for (std::size_t i = 0; i < a.size(); ++i) ASSERT_EQ(a.data()[i], b.data()[i]) << scheme_name(sc) << " at " << i;
            EXPECT_NE(a, x0) << scheme_name(sc);
        }
    }
}

// A step that draws its own increments must give the bits, and leave the generator
// where, filling dW and stepping would.
TEST(Sde, StepsDrawingTheirIncrementsEqualFillThenStepBitForBit) {
    const OrnsteinUhlenbeck ou(1.7, 0.6);
    const GeometricBrownian gbm(0.3, 0.9);
    const PointwiseSde generic([](double x, double) { return std::sin(x); }, [](double x, double) { return 1.0 + 0.1 * x * x; },
                               [](double x, double) { return 0.2 * x; });
    Rng init(11);
    Batch x0 = xt::empty<double>({std::size_t{700}, std::size_t{3}});
    init.fill_normal(x0);
    for (const Sde* sde : {static_cast<const Sde*>(&ou), static_cast<const Sde*>(&gbm), static_cast<const Sde*>(&generic)}) {
        for (Scheme sc : {Scheme::Euler, Scheme::EulerMaruyama, Scheme::Milstein, Scheme::TamedEM}) {
            Batch a = x0, b = x0, dW = xt::empty<double>(x0.shape());
            Rng ra(5), rb(5);
            StepWork w1, w2;
            const double h = 0.01;
            for (int k = 0; k < 3; ++k) {
                step(*sde, sc, a, 0.1 * k, h, ra, w1);
                if (sc != Scheme::Euler) rb.fill_normal(dW, std::sqrt(h));
                step(*sde, sc, b, 0.1 * k, h, dW, w2);
            }
            for (std::size_t i = 0; i < a.size(); ++i) ASSERT_EQ(a.data()[i], b.data()[i]) << scheme_name(sc) << " at " << i;
            if (sc != Scheme::Euler) {  // the increments it drew are left in w.dW
                ASSERT_EQ(w1.dW.shape(), dW.shape());
                for (std::size_t i = 0; i < dW.size(); ++i) ASSERT_EQ(w1.dW.data()[i], dW.data()[i]) << scheme_name(sc);
            }
            EXPECT_EQ(ra.next_u64(), rb.next_u64()) << scheme_name(sc);
            EXPECT_NE(a, x0) << scheme_name(sc);
        }
    }
}

TEST(Sde, HeunIsSecondOrderOnExponentialGrowth) {
    GeometricBrownian ode(1.0, 0.0);
    auto err = [&](std::size_t n) {
        Batch x = {{1.0}};
        StepWork w;
        for (std::size_t k = 0; k < n; ++k) heun_step(ode, x, 0, 1.0 / static_cast<double>(n), w);
        return std::fabs(x(0, 0) - std::exp(1.0));
    };
    EXPECT_NEAR(std::log2(err(50) / err(100)), 2.0, 0.05);
}

TEST(Sde, OrnsteinUhlenbeckMarginalMatchesSimulation) {
    OrnsteinUhlenbeck ou(1.5, 0.7);
    auto p0 = GaussianMixture::univariate({0.5, 0.5}, {-2.0, 2.0}, {0.3, 0.3});
    Rng r(21);
    Batch x = p0.sample(r, 40000);
    const double T = 0.8;
    integrate(ou, Scheme::EulerMaruyama, x, 0.0, T / 400, 400, r);
    auto pt = ou.marginal(p0, T);
    xt::xtensor<double, 1> col = xt::view(x, xt::all(), 0);
    auto v = variance_se(col);
    // EM's bias at h = 0.002 is far below the Monte Carlo error here.
    EXPECT_NEAR(v.value, pt.variance()(0), 4 * v.se);
    EXPECT_DOUBLE_EQ(ou.variance(T), 0.49 * (1 - std::exp(-2 * 1.5 * T)) / 3.0);
}

}  // namespace
}  // namespace wb

namespace wb {
namespace {

TEST(ScalarSde, EveryProcessHasAScalarViewThatMatchesItsBatchMethods) {
    const GeometricBrownian gbm(0.3, 0.7);
    const OrnsteinUhlenbeck ou(2.0, 0.5);
    const PointwiseSde cubic([](double x, double) { return -x * x * x; }, [](double x, double) { return 0.5 * x; },
                             [](double, double) { return 0.5; });
    const FunctionSde batch_only([](const Batch& x, double, Batch& f) { f = -2.0 * x; },
                                 [](const Batch& x, double, Batch& g) { g = 0.1 * x * x; },
                                 [](const Batch& x, double, Batch& g) { g = 0.2 * x; });
    for (const Sde* s : std::initializer_list<const Sde*>{&gbm, &ou, &cubic, &batch_only}) {
        Batch x = {{1.5}, {-0.4}}, f, g, gx;
        s->drift(x, 0.2, f);
        s->diffusion(x, 0.2, g);
        s->diffusion_dx(x, 0.2, gx);
        for (std::size_t i = 0; i < 2; ++i) {
            EXPECT_DOUBLE_EQ(s->f(x(i, 0), 0.2), f(i, 0));
            EXPECT_DOUBLE_EQ(s->g(x(i, 0), 0.2), g(i, 0));
            EXPECT_DOUBLE_EQ(s->g_x(x(i, 0), 0.2), gx(i, 0));
        }
    }
    EXPECT_EQ(batch_only.f(1.5, 0.0), -3.0);
}

TEST(ScalarSde, PathDriversCallTheSchemeOnTheExactGrid) {
    // x ↦ x + dW with t recorded: the path is the Brownian path, and t_k = k h exactly.
    std::vector<double> ts;
    auto step = [&](double x, double t, double h, double dW) {
        ts.push_back(t);
        EXPECT_EQ(h, 0.1);
        return x + dW;
    };
    Rng a(5), b(5);
    const auto path = scalar_path(step, 1.0, 0.0, 0.1, 30, a);
    ASSERT_EQ(path.size(), 31u);
    for (std::size_t k = 0; k < 30; ++k) EXPECT_EQ(ts[k], static_cast<double>(k) * 0.1);
    double w = 1.0;
    for (std::size_t k = 0; k < 30; ++k) w += std::sqrt(0.1) * b.normal();
    EXPECT_EQ(path.back(), w);
    Rng c(5);
    EXPECT_EQ(scalar_endpoint(step, 1.0, 0.0, 0.1, 30, c), w);
    const std::vector<double> dW = {0.5, -1.0};
    EXPECT_EQ(scalar_path(step, 0.0, 0.0, 0.1, dW).back(), -0.5);
    // An ODE map: Euler on y' = −y gives (1 − h)^N.
    const auto y = ode_path([](double x, double, double h) { return x - h * x; }, 1.0, 0.0, 0.1, 10);
    EXPECT_NEAR(y.back(), std::pow(0.9, 10), 1e-15);
}

// GBM and OU run the coupled grids in blocks of paths and steps; a PointwiseSde with the
// same coefficients runs them a fine step at a time through wb::step. The two must agree
// bit for bit, across the blocks' edges in paths (n = 1, 300, 1500) and in steps (K = 3,
// 5), and leave the generator in the same state.
TEST(CoupledPaths, BlockedStepsEqualTheStepByStepLoopBitForBit) {
    const GeometricBrownian gbm(0.7, 0.9);
    const OrnsteinUhlenbeck ou(1.3, 0.6);
    const PointwiseSde gbm_ref([](double x, double) { return 0.7 * x; }, [](double x, double) { return 0.9 * x; },
                               [](double, double) { return 0.9; });
    const PointwiseSde ou_ref([](double x, double) { return -1.3 * x; }, [](double, double) { return 0.6; });
    const std::vector<Scheme> schemes{Scheme::EulerMaruyama, Scheme::Milstein, Scheme::Euler};
    for (const auto& [fast, ref] : {std::pair<const Sde*, const Sde*>{&gbm, &gbm_ref}, {&ou, &ou_ref}}) {
        for (const std::size_t n : {std::size_t{1}, std::size_t{300}, std::size_t{1500}}) {
            for (const int K : {3, 5}) {
                const int levels = K + 1;
                Rng r1(11), r2(11);
                std::vector<std::size_t> calls;
                const CoupledPaths a = coupled_paths(*fast, schemes, 1.2, 0.8, K, levels, n, r1,
                                                     [&](std::size_t done, std::size_t total) {
                                                         EXPECT_EQ(total, std::size_t{1} << K);
                                                         calls.push_back(done);
                                                     });
                const CoupledPaths b = coupled_paths(*ref, schemes, 1.2, 0.8, K, levels, n, r2);
                ASSERT_EQ(a.x.size(), schemes.size());
                ASSERT_FALSE(calls.empty());
                EXPECT_EQ(calls.back(), std::size_t{1} << K);
                EXPECT_TRUE(std::is_sorted(calls.begin(), calls.end()));
                for (std::size_t i = 0; i < n; ++i) ASSERT_EQ(a.W(i), b.W(i)) << "W at " << i;
                for (std::size_t k = 0; k < schemes.size(); ++k) {
                    ASSERT_EQ(a.x[k].size(), static_cast<std::size_t>(levels));
                    for (std::size_t l = 0; l < a.x[k].size(); ++l)
                        for (std::size_t i = 0; i < n; ++i)
                            ASSERT_EQ(a.x[k][l](i), b.x[k][l](i))
                                << scheme_name(schemes[k]) << " grid " << l << " path " << i << " n " << n << " K " << K;
                }
                // Not a trivial agreement: the schemes and grids differ, and the paths moved.
                EXPECT_NE(a.x[0][0](0), a.x[2][0](0));
                if (fast == &gbm) {  // OU's noise is additive: there EM and Milstein agree
                    EXPECT_NE(a.x[0][0](0), a.x[1][0](0));
                }
                EXPECT_NE(a.x[0][0](0), a.x[0][1](0));
                EXPECT_NE(a.x[0][0](0), 1.2);
                EXPECT_EQ(r1.uniform(), r2.uniform());
            }
        }
    }
}

// The coarse grid's one-step Euler–Maruyama end point is x0 + h f(x0) + g(x0) W_T: grid
// l sums the fine increments it covers.
TEST(CoupledPaths, TheCoarsestGridStepsOnTheSumOfTheFineIncrements) {
    const GeometricBrownian gbm(0.4, 0.5);
    Rng rng(3);
    const int K = 6;
    const CoupledPaths p = coupled_paths(gbm, std::vector{Scheme::EulerMaruyama}, 2.0, 1.5, K, K + 1, 700, rng);
    for (std::size_t i = 0; i < 700; ++i)
        EXPECT_NEAR(p.x[0][K](i), 2.0 + 1.5 * 0.4 * 2.0 + 0.5 * 2.0 * p.W(i), 1e-12) << i;
}

TEST(CoupledPaths, RejectsImpossibleGrids) {
    const GeometricBrownian gbm(0.4, 0.5);
    Rng rng(3);
    const std::vector<Scheme> em{Scheme::EulerMaruyama};
    EXPECT_THROW(coupled_paths(gbm, em, 1.0, 1.0, 4, 0, 10, rng), std::invalid_argument);
    EXPECT_THROW(coupled_paths(gbm, em, 1.0, 1.0, 4, 6, 10, rng), std::invalid_argument);
    EXPECT_THROW(coupled_paths(gbm, em, 1.0, 1.0, -1, 1, 10, rng), std::invalid_argument);
    EXPECT_THROW(coupled_paths(gbm, em, 1.0, 0.0, 4, 2, 10, rng), std::invalid_argument);
    EXPECT_THROW(coupled_paths(gbm, em, 1.0, std::nan(""), 4, 2, 10, rng), std::invalid_argument);
    EXPECT_THROW(coupled_paths(gbm, std::vector<Scheme>{}, 1.0, 1.0, 4, 2, 10, rng), std::invalid_argument);
}

}  // namespace
}  // namespace wb
