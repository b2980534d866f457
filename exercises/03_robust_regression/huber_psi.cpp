// 03.2: Huber's ψ function and the IRLS weight.
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "robust.hpp"
#include "wb/exercise.hpp"

namespace ch03 {

double huber_psi(double r, double k) {
    if (!(k > 0)) throw std::invalid_argument("huber_psi: k must be positive");
    // EXERCISE 03.2 huber_psi: write this part (hint: ./workbook hint 03.2)
    throw wb::NotImplemented("03.2 huber_psi");
}

double huber_weight(double r, double k) {
    if (!(k > 0)) throw std::invalid_argument("huber_weight: k must be positive");
    // EXERCISE 03.2 huber_psi: write this part (hint: ./workbook hint 03.2)
    throw wb::NotImplemented("03.2 huber_psi");
}

}  // namespace ch03
