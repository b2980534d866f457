#include "wb/mmd.hpp"

#include <cmath>
#include <stdexcept>

#include "wb/constants.hpp"

namespace wb {

MixtureMmd::MixtureMmd(const GaussianMixture& p, double ell) : smooth_(p.noised(ell)), ell_(ell) {
    if (!(ell > 0.0)) throw std::invalid_argument("MixtureMmd: the kernel width must be > 0");
    const std::size_t d = p.dim(), K = p.components();
    // E_y k(x, y) = (2πℓ²)^{d/2} (p * N(0, ℓ²I))(x).
    norm_ = 0.5 * static_cast<double>(d) * std::log(2.0 * Pi * ell * ell);
    // E_{y,y'} k(y, y') = (2πℓ²)^{d/2} Σ_kl π_k π_l N(μ_k; μ_l, Σ_k + Σ_l + ℓ²I).
    double self = 0.0;
    for (std::size_t a = 0; a < K; ++a)
        for (std::size_t b = 0; b < K; ++b) {
            double lg = norm_ + std::log(p.weights()(a) * p.weights()(b));
            for (std::size_t c = 0; c < d; ++c) {
                const double var = p.variances()(a, c) + p.variances()(b, c) + ell * ell;
                const double r = p.means()(a, c) - p.means()(b, c);
                lg += -0.5 * std::log(2.0 * Pi * var) - 0.5 * r * r / var;
            }
            self += std::exp(lg);
        }
    self_ = self;
}

double MixtureMmd::mean_embedding(std::span<const double> x) const {
    return std::exp(norm_ + smooth_.log_density(x));
}

Estimate MixtureMmd::operator()(const Mat& x, std::size_t blocks) const {
    const std::size_t n = x.shape(0), d = x.shape(1), B = blocks, block = B == 0 ? 0 : n / B;
    if (d != smooth_.dim()) throw std::invalid_argument("MixtureMmd: the sample's dimension differs from the mixture's");
    if (B < 2 || block < 2) throw std::invalid_argument("MixtureMmd: need >= 2 blocks of >= 2 rows");
    const double inv2l2 = 1.0 / (2.0 * ell_ * ell_), b = static_cast<double>(block);
    RunningStats u;
    for (std::size_t k = 0; k < B; ++k) {
        const std::size_t lo = k * block, hi = lo + block;
        double pairs = 0.0, embed = 0.0;
        for (std::size_t i = lo; i < hi; ++i) {
            embed += mean_embedding(std::span<const double>(&x(i, 0), d));
            for (std::size_t j = i + 1; j < hi; ++j) {
                double r2 = 0.0;
                for (std::size_t c = 0; c < d; ++c) {
                    const double r = x(i, c) - x(j, c);
                    r2 += r * r;
                }
                pairs += std::exp(-r2 * inv2l2);
            }
        }
        u.add(2.0 * pairs / (b * (b - 1.0)) - 2.0 * embed / b + self_);
    }
    return {u.mean(), u.se(), u.count()};
}

}  // namespace wb
