// 13.4: a Monte Carlo estimate of C_t.
#include <cmath>
#include <stdexcept>

#include "ou.hpp"
#include "wb/exercise.hpp"

namespace ch13 {

wb::Estimate ct_monte_carlo(const wb::Vec& x0, const wb::Vec& z, const OuKernel& k,
                            const std::function<double(double)>& marginal_score) {
    if (x0.size() != z.size() || x0.size() < 2) throw std::invalid_argument("ct_monte_carlo: need n >= 2 pairs");
    // BEGIN SOLUTION 13.4 ct_monte_carlo
    // x_t = m x_0 + √v z, so the conditional score −(x_t − m x_0)/v is −z/√v.
    const double sv = std::sqrt(k.v);
    wb::RunningStats acc;
    for (std::size_t i = 0; i < x0.size(); ++i) {
        // MUTANT noise_times_v: const double x_t = k.m * x0(i) + k.v * z(i);
        const double x_t = k.m * x0(i) + sv * z(i);
        // MUTANT conditional_over_v: const double d = -z(i) / k.v - marginal_score(x_t);
        const double d = -z(i) / sv - marginal_score(x_t);
        acc.add(d * d);
    }
    return {acc.mean(), acc.se(), acc.count()};
    // BEGIN MUTANT naive_variance
    // // Var(d²) as E[d⁴] − E[d²]²: it cancels when C_t is large next to its spread.
    // const double sv = std::sqrt(k.v);
    // double s1 = 0.0, s2 = 0.0;
    // for (std::size_t i = 0; i < x0.size(); ++i) {
    //     const double x_t = k.m * x0(i) + sv * z(i);
    //     const double d = -z(i) / sv - marginal_score(x_t);
    //     s1 += d * d;
    //     s2 += d * d * d * d;
    // }
    // const double n = static_cast<double>(x0.size()), mean = s1 / n;
    // return {mean, std::sqrt((s2 / n - mean * mean) / (n - 1)), x0.size()};
    // END MUTANT
    // END SOLUTION
}

}  // namespace ch13
