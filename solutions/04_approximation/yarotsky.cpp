// 04.3: the tent map from three ReLUs and Yarotsky's approximation of x².
#include <algorithm>
#include <stdexcept>

#include "approximation.hpp"
#include "wb/exercise.hpp"

namespace ch04 {

namespace {
double relu(double x) { return std::max(x, 0.0); }
}  // namespace

double tent(double x) {
    // BEGIN SOLUTION 04.3 yarotsky
    // Slopes 2, then 2 − 4 = −2 past ½, then −2 + 2 = 0 past 1.
    // MUTANT middle_weight_halved: return 2 * relu(x) - 2 * relu(x - 0.5) + 2 * relu(x - 1);
    // MUTANT third_relu_missing: return 2 * relu(x) - 4 * relu(x - 0.5);
    return 2 * relu(x) - 4 * relu(x - 0.5) + 2 * relu(x - 1);
    // END SOLUTION
}

double yarotsky_square(double x, int m) {
    if (m < 0) throw std::invalid_argument("yarotsky_square: m must be >= 0");
    // BEGIN SOLUTION 04.3 yarotsky
    // g_s = g(g_{s−1}) is a sawtooth with 2^{s−1} teeth; each term halves the interpolation
    // step, so its weight is 4^{−s} (the error of linear interpolation scales like h²).
    double y = x, g = x, w = 1.0;
    for (int s = 1; s <= m; ++s) {
        // MUTANT not_composed: g = tent(x);
        g = tent(g);
        // MUTANT weight_two_to_minus_s: w /= 2;
        w /= 4;
        y -= w * g;
    }
    return y;
    // END SOLUTION
}

}  // namespace ch04
