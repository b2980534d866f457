// 09.3 The denoising score matching loss.
#include <stdexcept>
#include <vector>

#include "score_matching.hpp"
#include "wb/exercise.hpp"

namespace ch09 {

xt::xtensor<double, 1> dsm_terms(const TanhScore& s, const xt::xtensor<double, 2>& X, const xt::xtensor<double, 2>& Z,
                                 double sigma) {
    const std::size_t n = X.shape(0), d = X.shape(1);
    if (Z.shape(0) != n || Z.shape(1) != d || s.d != d) throw std::invalid_argument("dsm_terms: shapes differ");
    xt::xtensor<double, 1> out = xt::zeros<double>({n});
    std::vector<double> x_noisy(d), sx(d);
    for (std::size_t r = 0; r < n; ++r) {
        // EXERCISE 09.3 dsm_loss: write this part (hint: ./workbook hint 09.3)
        (void)sigma, (void)x_noisy, (void)sx;
        throw wb::NotImplemented("09.3 dsm_loss");
    }
    return out;
}

double dsm_loss(const TanhScore& s, const xt::xtensor<double, 2>& X, const xt::xtensor<double, 2>& Z, double sigma) {
    double loss = 0.0;
    // EXERCISE 09.3 dsm_loss: write this part (hint: ./workbook hint 09.3)
    (void)s, (void)X, (void)Z, (void)sigma;
    throw wb::NotImplemented("09.3 dsm_loss");
    return loss;
}

}  // namespace ch09
