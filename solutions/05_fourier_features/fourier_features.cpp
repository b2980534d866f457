// 05.1: the Fourier feature map.
#include <cmath>

#include "fourier_features.hpp"
#include "wb/constants.hpp"
#include "wb/exercise.hpp"

namespace ch05 {

wb::Mat fourier_features(const wb::Vec& x, const wb::Vec& omega) {
    // BEGIN SOLUTION 05.1 fourier_features
    const std::size_t n = x.size(), K = omega.size();
    wb::Mat phi = xt::empty<double>({n, 2 * K});
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t k = 0; k < K; ++k) {
            // ω is an angular frequency: the phase is ω x, not 2π ω x.
            // MUTANT cycles_not_radians: const double t = 2 * wb::Pi * omega(k) * x(i);
            const double t = omega(k) * x(i);
            phi(i, 2 * k) = std::cos(t);
            // MUTANT cosine_twice: phi(i, 2 * k + 1) = std::cos(t);
            phi(i, 2 * k + 1) = std::sin(t);
        }
    return phi;
    // BEGIN MUTANT blocked_columns
    // // All cosines first, then all sines: another convention than the one asked for.
    // const std::size_t n = x.size(), K = omega.size();
    // wb::Mat phi = xt::empty<double>({n, 2 * K});
    // for (std::size_t i = 0; i < n; ++i)
    //     for (std::size_t k = 0; k < K; ++k) {
    //         const double t = omega(k) * x(i);
    //         phi(i, k) = std::cos(t);
    //         phi(i, K + k) = std::sin(t);
    //     }
    // return phi;
    // END MUTANT
    // END SOLUTION
}

}  // namespace ch05
