// 04.1: Fourier coefficients by the periodic trapezoid rule.
#include <cmath>
#include <stdexcept>

#include "approximation.hpp"
#include "wb/constants.hpp"
#include "wb/exercise.hpp"

namespace ch04 {

Fourier fourier_coefficients(const std::function<double(double)>& f, std::size_t K, std::size_t n) {
    if (n < 2 * K + 1) throw std::invalid_argument("fourier_coefficients: need n >= 2K + 1 points");
    Fourier c{xt::zeros<double>({K + 1}), xt::zeros<double>({K + 1})};
    // EXERCISE 04.1 fourier_coefficients: write this part (hint: ./workbook hint 04.1)
    throw wb::NotImplemented("04.1 fourier_coefficients");
    return c;
}

}  // namespace ch04
