// 02.3: the focal loss of Lin et al. (2017) on a logit, and its gradient.
#include <cmath>
#include <optional>
#include <stdexcept>

#include "losses.hpp"
#include "wb/exercise.hpp"

namespace ch02 {

LossGrad focal_loss(double z, int y, double gamma, std::optional<double> alpha) {
    if (gamma < 0) throw std::invalid_argument("focal_loss: gamma must be >= 0");
    // EXERCISE 02.3 focal_loss: write this part (hint: ./workbook hint 02.3)
    throw wb::NotImplemented("02.3 focal_loss");
}

}  // namespace ch02
