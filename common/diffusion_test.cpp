// Tests of the score-SDE interface against closed forms. Monte Carlo checks use
// |z| < 4.42 (two-sided 1e-5) with the discretisation bias bounded first, so the
// margin does not depend on the seed.
#include "wb/diffusion.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "wb/gauss.hpp"
#include "wb/special.hpp"
#include "wb/stats.hpp"

namespace wb {
namespace {

constexpr double Z5 = 4.42;

Vec column0(const Mat& x) {
    Vec v = xt::empty<double>({x.shape(0)});
    for (std::size_t i = 0; i < v.size(); ++i) v(i) = x(i, 0);
    return v;
}

TEST(Diffusion, VpAndVeKernelsSolveTheirMomentOdes) {
    const VpSde vp(0.1, 20.0);
    const VeSde ve(0.01, 50.0);
    const double h = 1e-6;
    for (double t : {0.05, 0.3, 0.9}) {
        // VP: ṁ = −½β m, v̇ = β(1 − v);  VE: v̇ = g², m = 1.
        const double dm = (vp.mean_scale(t + h) - vp.mean_scale(t - h)) / (2 * h);
        const double dv = (vp.variance(t + h) - vp.variance(t - h)) / (2 * h);
        EXPECT_NEAR(dm / (-0.5 * vp.beta(t) * vp.mean_scale(t)), 1.0, 1e-7) << t;
        EXPECT_NEAR(dv / (vp.beta(t) * (1 - vp.variance(t))), 1.0, 1e-7) << t;
        const double dve = (ve.variance(t + h) - ve.variance(t - h)) / (2 * h);
        EXPECT_NEAR(dve / (ve.g(0.0, t) * ve.g(0.0, t)), 1.0, 1e-7) << t;
    }
    EXPECT_NEAR(vp.variance(1.0), 1.0, 1e-4);  // ≈ the prior N(0, 1)
    EXPECT_EQ(vp.variance(0.0), 0.0);
    EXPECT_NEAR(ve.variance(1.0) + 1e-4, ve.prior_variance(), 1e-9);
}

TEST(Diffusion, VpKernelMatchesSimulatedPaths) {
    // x_0 = 2, 20000 Euler–Maruyama paths with 2000 steps to t = 0.5.
    const VpSde vp(0.1, 20.0);
    Rng rng(8);
    const std::size_t n = 20000, steps = 2000;
    const double t = 0.5;
    Mat x = xt::full_like(Mat::from_shape({n, 1}), 2.0);
    integrate(vp, Scheme::EulerMaruyama, x, 0.0, t / steps, steps, rng);
    const Vec xt_ = column0(x);
    const Estimate m = mean_se(xt_), v = variance_se(xt_);
    EXPECT_LT(std::fabs(m.value - 2.0 * vp.mean_scale(t)) / m.se, Z5);
    EXPECT_LT(std::fabs(v.value - vp.variance(t)) / v.se, Z5);
}

TEST(Diffusion, PriorSamplesAndDensity) {
    const VeSde ve(0.01, 5.0);
    Rng rng(9);
    const Mat x = ve.prior_sample(rng, 40000, 2);
    const Estimate v = variance_se(column0(x));
    EXPECT_LT(std::fabs(v.value - 25.0) / v.se, Z5);
    const Mat one = {{1.0, -2.0}};
    EXPECT_NEAR(ve.prior_log_density(one)(0), normal_logpdf(1.0, 0.0, 25.0) + normal_logpdf(-2.0, 0.0, 25.0), 1e-14);
}

// The exact score of p_t for a Gaussian start N(mu0, s0²) under a linear SDE.
Score gaussian_score(const LinearSde& sde, double mu0, double s0) {
    return [&sde, mu0, s0](const Mat& x, double t, Mat& s) {
        const double m = sde.mean_scale(t), var = m * m * s0 * s0 + sde.variance(t);
        s = -(x - m * mu0) / var;
    };
}

TEST(Diffusion, ReverseSdeOfAGaussianReturnsIt) {
    // OU from N(1, 0.5²) to T = 1, then back from the exact p_T with the exact score.
    const double mu0 = 1.0, s0 = 0.5, T = 1.0;
    const OrnsteinUhlenbeck ou(1.0, std::sqrt(2.0));
    const ReverseSde rev(ou, gaussian_score(ou, mu0, s0), T);
    Rng rng(10);
    const std::size_t n = 20000, steps = 1000;
    const double mT = ou.mean_scale(T), vT = mT * mT * s0 * s0 + ou.variance(T);
    Mat y = xt::empty<double>({n, std::size_t{1}});
    for (std::size_t i = 0; i < n; ++i) y(i, 0) = mT * mu0 + std::sqrt(vT) * rng.normal();
    integrate(rev, Scheme::EulerMaruyama, y, 0.0, T / steps, steps, rng);
    const Vec y0 = column0(y);
    const Estimate m = mean_se(y0), v = variance_se(y0);
    // EM's weak error here is O(h) = O(1e-3), below 0.15 se (se ≈ 0.0035 and 0.0025).
    EXPECT_LT(std::fabs(m.value - mu0) / m.se, Z5);
    EXPECT_LT(std::fabs(v.value - s0 * s0) / v.se, Z5);
    // Control: the probability-flow coefficient ½g² in the reverse SDE (a common slip)
    // leaves the variance far from s0².
    const Score half = [&](const Mat& x, double t, Mat& s) {
        gaussian_score(ou, mu0, s0)(x, t, s);
        s *= 0.5;
    };
    const ReverseSde slip(ou, half, T);
    for (std::size_t i = 0; i < n; ++i) y(i, 0) = mT * mu0 + std::sqrt(vT) * rng.normal();
    integrate(slip, Scheme::EulerMaruyama, y, 0.0, T / steps, steps, rng);
    const Estimate vs = variance_se(column0(y));
    EXPECT_GT(std::fabs(vs.value - s0 * s0) / vs.se, Z5);
}

TEST(Diffusion, ProbabilityFlowGivesTheExactLogLikelihoodOfAMixture) {
    // p_0 a two-component mixture under VP: the marginals (and scores) are exact, so the
    // change of variables must reproduce log p_0 to the ODE's accuracy.
    const VpSde vp(0.1, 20.0);
    const auto p0 = GaussianMixture::univariate({0.3, 0.7}, {-1.0, 1.5}, {0.4, 0.6});
    const Score score = [&](const Mat& x, double t, Mat& s) { s = vp.marginal(p0, t).score(x); };
    const ProbabilityFlow flow(vp, score);
    const Mat x0 = {{-1.2}, {0.3}, {2.0}};
    const double T = 1.0;
    const auto pT = vp.marginal(p0, T);
    const Vec ll = flow_log_likelihood(flow, x0, 0.0, T, 400, [&](const Mat& x) { return pT.log_density(x); });
    for (std::size_t i = 0; i < 3; ++i) EXPECT_NEAR(ll(i), p0.log_density(x0(i, 0)), 1e-6) << i;
    // Control: the reverse-SDE drift f − g² s in place of f − ½g² s.
    const Score doubled = [&](const Mat& x, double t, Mat& s) {
        s = 2.0 * vp.marginal(p0, t).score(x);
    };
    const ProbabilityFlow wrong(vp, doubled);
    const Vec lw = flow_log_likelihood(wrong, x0, 0.0, T, 400, [&](const Mat& x) { return pT.log_density(x); });
    EXPECT_GT(std::fabs(lw(1) - p0.log_density(x0(1, 0))), 1e-2);
}

TEST(Diffusion, ProbabilityFlowTransportsTheMarginals) {
    // Samples of p_0 = N(1, 0.5²) pushed through the OU flow to t = 1 are N(m μ0, m² s0² + v).
    const OrnsteinUhlenbeck ou(1.0, std::sqrt(2.0));
    const ProbabilityFlow flow(ou, gaussian_score(ou, 1.0, 0.5));
    Rng rng(12);
    Mat x = xt::empty<double>({20000, 1});
    for (std::size_t i = 0; i < x.shape(0); ++i) x(i, 0) = 1.0 + 0.5 * rng.normal();
    Mat z = x;
    integrate_ode(flow, OdeMethod::RK4, x, 0.0, 0.01, 100);
    // The flow of a Gaussian is affine: x_1 = m_1 + √(V_1/V_0)(x_0 − μ0), exactly.
    const double m = ou.mean_scale(1.0), V1 = m * m * 0.25 + ou.variance(1.0);
    for (std::size_t i = 0; i < 5; ++i) EXPECT_NEAR(x(i, 0), m + std::sqrt(V1 / 0.25) * (z(i, 0) - 1.0), 1e-6);  // RK4, h = 0.01
    // Heun is second order, Euler first: halving h shrinks their errors by 4 and 2.
    auto err = [&](OdeMethod method, std::size_t steps) {
        Mat y = {{1.3}};
        integrate_ode(flow, method, y, 0.0, 1.0 / static_cast<double>(steps), steps);
        return std::fabs(y(0, 0) - (m + std::sqrt(V1 / 0.25) * 0.3));
    };
    EXPECT_NEAR(std::log2(err(OdeMethod::Heun, 50) / err(OdeMethod::Heun, 100)), 2.0, 0.1);
    EXPECT_NEAR(std::log2(err(OdeMethod::Euler, 50) / err(OdeMethod::Euler, 100)), 1.0, 0.1);
    EXPECT_NEAR(std::log2(err(OdeMethod::RK4, 40) / err(OdeMethod::RK4, 80)), 4.0, 0.2);
}

TEST(Diffusion, StateDependentDiffusionHasZeroFlowAtItsStationaryLaw) {
    // dX = −X dt + √(1 + X²) dW: D = 1 + x², stationary p ∝ (1 + x²)^{−2}, and in 1-D the
    // probability current vanishes there: v = b − ½D′ − ½D (log p)′ = −x − x + 2x = 0.
    const PointwiseSde sde([](double x, double) { return -x; }, [](double x, double) { return std::sqrt(1 + x * x); },
                           [](double x, double) { return x / std::sqrt(1 + x * x); });
    const Score stationary = [](const Mat& x, double, Mat& s) { s = -4.0 * x / (1.0 + x * x); };
    const ProbabilityFlow flow(sde, stationary);
    const Mat x = {{-2.0}, {0.5}, {3.0}};
    Mat v;
    flow.drift(x, 0.0, v);
    for (std::size_t i = 0; i < 3; ++i) EXPECT_NEAR(v(i, 0), 0.0, 1e-14);
    Mat dD;
    diffusion_divergence(sde, x, 0.0, dD);
    EXPECT_NEAR(dD(2, 0), 6.0, 1e-14);  // (1 + x²)′ = 2x
    // Control: without the ∇·D term the velocity would be x, not 0.
    EXPECT_NEAR(v(2, 0) + 0.5 * dD(2, 0), 3.0, 1e-14);
    // A stationary 1-D diffusion is reversible: the reverse drift −b + ∇·D + D s is b.
    const ReverseSde rev(sde, stationary, 1.0);
    Mat r;
    rev.drift(x, 0.0, r);
    for (std::size_t i = 0; i < 3; ++i) {
        const double xi = x(i, 0);
        EXPECT_NEAR(r(i, 0), -xi, 1e-13);  // x + 2x − 4x
    }
}

}  // namespace
}  // namespace wb
