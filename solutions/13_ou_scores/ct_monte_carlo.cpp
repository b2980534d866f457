// 13.4: a Monte Carlo estimate of C_t.
#include <cmath>
#include <stdexcept>

#include "ou.hpp"
#include "wb/exercise.hpp"

namespace ch13 {

wb::Estimate ct_monte_carlo(const xt::xtensor<double, 1>& x0, const xt::xtensor<double, 1>& z, const OuKernel& k,
                            const std::function<double(double)>& marginal_score) {
    if (x0.size() != z.size() || x0.size() < 2) throw std::invalid_argument("ct_monte_carlo: need n >= 2 pairs");
    // BEGIN SOLUTION 13.4 ct_monte_carlo
    // x_t = m x_0 + √v z, so the conditional score −(x_t − m x_0)/v is −z/√v.
    const double sv = std::sqrt(k.v);
    wb::RunningStats acc;
    for (std::size_t i = 0; i < x0.size(); ++i) {
        const double xt = k.m * x0(i) + sv * z(i);
        const double d = -z(i) / sv - marginal_score(xt);
        acc.add(d * d);
    }
    return {acc.mean(), acc.se(), acc.count()};
    // END SOLUTION
}

}  // namespace ch13
