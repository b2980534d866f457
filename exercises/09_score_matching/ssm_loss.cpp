// 09.2 The sliced score matching loss, with the directional derivative
// vᵀ∇ₓ(vᵀs) from one forward-mode pass.
#include <stdexcept>
#include <vector>

#include "score_matching.hpp"
#include "wb/dual.hpp"
#include "wb/exercise.hpp"

namespace ch09 {

SliceTerms slice_terms(const TanhScore& s, const xt::xtensor<double, 2>& X, const xt::xtensor<double, 2>& V) {
    const std::size_t n = X.shape(0), d = X.shape(1);
    if (V.shape(0) != n || V.shape(1) != d || s.d != d) throw std::invalid_argument("slice_terms: shapes differ");
    SliceTerms out{xt::zeros<double>({n}), xt::zeros<double>({n})};
    using D = wb::Dual<double>;
    std::vector<D> x(d), sx(d);
    for (std::size_t r = 0; r < n; ++r) {
        // EXERCISE 09.2 ssm_loss: write this part (hint: ./workbook hint 09.2)
        (void)x, (void)sx;
        throw wb::NotImplemented("09.2 ssm_loss");
    }
    return out;
}

double ssm_loss(const TanhScore& s, const xt::xtensor<double, 2>& X, const xt::xtensor<double, 2>& V) {
    const SliceTerms t = slice_terms(s, X, V);
    double loss = 0.0;
    // EXERCISE 09.2 ssm_loss: write this part (hint: ./workbook hint 09.2)
    (void)t;
    throw wb::NotImplemented("09.2 ssm_loss");
    return loss;
}

}  // namespace ch09
