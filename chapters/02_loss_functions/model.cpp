#include "model.hpp"

#include <cmath>

namespace ch02 {

double golden_min(const std::function<double(double)>& f, double a, double b, double tol) {
    const double r = (std::sqrt(5.0) - 1.0) / 2.0;  // 1/φ
    double c = b - r * (b - a), d = a + r * (b - a), fc = f(c), fd = f(d);
    while (b - a > tol) {
        if (fc < fd) {
            b = d, d = c, fd = fc;
            c = b - r * (b - a), fc = f(c);
        } else {
            a = c, c = d, fc = fd;
            d = a + r * (b - a), fd = f(d);
        }
    }
    return 0.5 * (a + b);
}

Linear train_linear(const wb::Mat& X, const BatchLoss& loss, Linear m, std::size_t iters, double lr,
                    double* grad_norm) {
    const std::size_t n = X.shape(0);
    wb::Vec z = wb::Vec::from_shape({n}), dz = wb::Vec::from_shape({n});
    double v1 = 0, v2 = 0, vb = 0, g1 = 0, g2 = 0, gb = 0;
    const double mom = 0.9;  // heavy-ball momentum
    for (std::size_t it = 0; it <= iters; ++it) {
        for (std::size_t i = 0; i < n; ++i) z(i) = m.score(X(i, 0), X(i, 1));
        loss(z, dz);
        g1 = g2 = gb = 0;
        for (std::size_t i = 0; i < n; ++i) {
            g1 += dz(i) * X(i, 0);
            g2 += dz(i) * X(i, 1);
            gb += dz(i);
        }
        if (it == iters) break;  // the last pass only measures the gradient
        v1 = mom * v1 - lr * g1, v2 = mom * v2 - lr * g2, vb = mom * vb - lr * gb;
        m.w1 += v1, m.w2 += v2, m.b += vb;
    }
    if (grad_norm) *grad_norm = std::sqrt(g1 * g1 + g2 * g2 + gb * gb);
    return m;
}

}  // namespace ch02
