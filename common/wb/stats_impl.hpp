#pragma once
#include <algorithm>
#include <cmath>

namespace wb {
template <class Cdf>
    requires std::invocable<Cdf, double>
double ks_statistic(Values x, Cdf cdf) {
    std::vector<double> a(x.begin(), x.end());
    std::sort(a.begin(), a.end());
    const double n = static_cast<double>(a.size());
    double d = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const double f = cdf(a[i]);
        d = std::max({d, static_cast<double>(i + 1) / n - f, f - static_cast<double>(i) / n});
    }
    return d;
}
}  // namespace wb
