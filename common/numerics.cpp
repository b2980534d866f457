#include "wb/numerics.hpp"

#include <cmath>
#include <map>
#include <mutex>

#include "wb/constants.hpp"

namespace wb {

// q_n(z) of the Hermite polynomials orthonormal under N(0, 1):
// q_0 = 1, q_j = (z q_{j−1} − √(j−1) q_{j−2}) / √j. Also returns Σ_{j<n} q_j².
static double hermite(std::size_t n, double z, double* sum_sq = nullptr) {
    double prev = 0.0, cur = 1.0, s = 0.0;
    for (std::size_t j = 1; j <= n; ++j) {
        s += cur * cur;
        const double next = (z * cur - std::sqrt(static_cast<double>(j - 1)) * prev) / std::sqrt(static_cast<double>(j));
        prev = cur;
        cur = next;
    }
    if (sum_sq) *sum_sq = s;
    return cur;
}

static GaussHermite make_gauss_hermite(std::size_t n) {
    // All roots lie in |z| < √(4n + 2); neighbouring roots are at least ~π/√(4n+2)
    // apart, so a scan 40 times finer than that brackets each one exactly once.
    const double zmax = std::sqrt(4.0 * static_cast<double>(n) + 2.0);
    const double dz = Pi / zmax / 40.0;
    GaussHermite q;
    double a = 0.0, fa = hermite(n, a);
    if (n % 2 == 1) q.nodes.push_back(0.0);  // odd n: z = 0 is a root
    if (n % 2 == 1) fa = hermite(n, a = dz * 0.5);
    while (a < zmax && q.nodes.size() < (n + 1) / 2) {
        const double b = a + dz, fb = hermite(n, b);
        if ((fa < 0) != (fb < 0)) {
            double lo = a, hi = b, flo = fa;
            for (int it = 0; it < 200 && hi - lo > 0; ++it) {
                const double mid = 0.5 * (lo + hi);
                if (mid <= lo || mid >= hi) break;
                const double fm = hermite(n, mid);
                if ((fm < 0) == (flo < 0)) lo = mid, flo = fm;
                else hi = mid;
            }
            q.nodes.push_back(0.5 * (lo + hi));
        }
        a = b;
        fa = fb;
    }
    if (q.nodes.size() != (n + 1) / 2) throw std::logic_error("gauss_hermite: root bracketing failed");
    // Mirror to the negative half, increasing order.
    std::vector<double> all;
    for (std::size_t i = q.nodes.size(); i-- > 0;)
        if (q.nodes[i] != 0.0) all.push_back(-q.nodes[i]);
    for (double z : q.nodes) all.push_back(z);
    q.nodes = all;
    for (double z : q.nodes) {
        double s = 0.0;
        hermite(n, z, &s);
        q.weights.push_back(1.0 / s);
    }
    return q;
}

const GaussHermite& gauss_hermite(std::size_t n) {
    if (n < 1 || n > 200) throw std::invalid_argument("gauss_hermite: need 1 <= n <= 200 nodes");
    static std::mutex m;
    static std::map<std::size_t, GaussHermite> cache;
    std::lock_guard<std::mutex> lock(m);
    auto it = cache.find(n);
    if (it == cache.end()) it = cache.emplace(n, make_gauss_hermite(n)).first;
    return it->second;
}

std::vector<double> logspace(double a, double b, std::size_t n) {
    std::vector<double> g = linspace(a, b, n);
    for (auto& v : g) v = std::pow(10.0, v);
    return g;
}

std::vector<double> geomspace(double a, double b, std::size_t n) {
    if (!(a > 0 && b > 0)) throw std::invalid_argument("geomspace: end points must be positive");
    std::vector<double> g = linspace(std::log(a), std::log(b), n);
    for (auto& v : g) v = std::exp(v);
    g.front() = a;
    g.back() = b;
    return g;
}

Mat grid2d(Values x, Values y) {
    Mat G = xt::empty<double>({x.size() * y.size(), std::size_t{2}});
    for (std::size_t i = 0; i < y.size(); ++i)
        for (std::size_t j = 0; j < x.size(); ++j) {
            G(i * x.size() + j, 0) = x[j];
            G(i * x.size() + j, 1) = y[i];
        }
    return G;
}

}  // namespace wb
