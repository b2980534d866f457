#pragma once
#include <algorithm>
#include <cmath>

namespace wb {
template <class Cdf>
double ks_statistic(std::vector<double> a, Cdf cdf) {
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
