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
    // EXERCISE 04.3 yarotsky: write this part (hint: ./workbook hint 04.3)
    throw wb::NotImplemented("04.3 yarotsky");
}

double yarotsky_square(double x, int m) {
    if (m < 0) throw std::invalid_argument("yarotsky_square: m must be >= 0");
    // EXERCISE 04.3 yarotsky: write this part (hint: ./workbook hint 04.3)
    throw wb::NotImplemented("04.3 yarotsky");
}

}  // namespace ch04
