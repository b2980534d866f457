// 07.3: generalised cross-entropy and its gradient in the logits.
#include <cmath>

#include "softmax_label_noise.hpp"
#include "wb/exercise.hpp"

namespace ch07 {

LossGrad gce(const wb::Vec& z, std::size_t y, double q) {
    // BEGIN SOLUTION 07.3 gce
    // log p = z − logsumexp(z), computed around the largest logit; p_y^q = e^{q log p_y}.
    double c = z(0);
    for (double zk : z) c = std::fmax(c, zk);
    double sum = 0.0;
    for (double zk : z) sum += std::exp(zk - c);
    const double log_sum = c + std::log(sum);
    // MUTANT one_minus_q: const double py_q = std::exp((1.0 - q) * (z(y) - log_sum));
    const double py_q = std::exp(q * (z(y) - log_sum));
    // ∂L_q/∂z = −p_y^{q−1} ∂p_y/∂z = p_y^q (p − e_y): CE's gradient weighted by p_y^q.
    wb::Vec grad = xt::empty<double>({z.size()});
    for (std::size_t k = 0; k < z.size(); ++k) grad(k) = std::exp(z(k) - log_sum);
    grad(y) -= 1.0;
    // MUTANT unweighted: grad *= 1.0;
    grad *= py_q;
    // MUTANT no_over_q: return {1.0 - py_q, grad};
    return {(1.0 - py_q) / q, grad};
    // END SOLUTION
}

}  // namespace ch07
