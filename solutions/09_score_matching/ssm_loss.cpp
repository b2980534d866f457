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
        // BEGIN SOLUTION 09.2 ssm_loss
        // Seed the dual point x + ε v: then s(x + ε v) = s(x) + ε J(x) v, and
        // vᵀ s(x + ε v) = vᵀs + ε vᵀ J v, whose ε-part is vᵀ∇ₓ(vᵀs).
        // MUTANT seed_ones: for (std::size_t i = 0; i < d; ++i) x[i] = D(X(r, i), 1.0);
        for (std::size_t i = 0; i < d; ++i) x[i] = D(X(r, i), V(r, i));
        s(x.data(), sx.data());
        D p(0.0);
        for (std::size_t j = 0; j < d; ++j) p += V(r, j) * sx[j];
        out.proj(r) = p.v;
        out.dir(r) = p.d;
        // STUB: (void)x, (void)sx;
        // STUB: throw wb::NotImplemented("09.2 ssm_loss");
        // END SOLUTION
    }
    return out;
}

double ssm_loss(const TanhScore& s, const xt::xtensor<double, 2>& X, const xt::xtensor<double, 2>& V) {
    const SliceTerms t = slice_terms(s, X, V);
    double loss = 0.0;
    // BEGIN SOLUTION 09.2 ssm_loss
    const std::size_t n = t.proj.size();
    // MUTANT no_half: for (std::size_t r = 0; r < n; ++r) loss += t.proj(r) * t.proj(r) + t.dir(r);
    // MUTANT divergence_sign: for (std::size_t r = 0; r < n; ++r) loss += 0.5 * t.proj(r) * t.proj(r) - t.dir(r);
    for (std::size_t r = 0; r < n; ++r) loss += 0.5 * t.proj(r) * t.proj(r) + t.dir(r);
    loss /= static_cast<double>(n);
    // STUB: (void)t;
    // STUB: throw wb::NotImplemented("09.2 ssm_loss");
    // END SOLUTION
    return loss;
}

}  // namespace ch09
