// 07.3: generalised cross-entropy and its gradient in the logits.
#include <cmath>

#include "softmax_label_noise.hpp"
#include "wb/exercise.hpp"

namespace ch07 {

LossGrad gce(const wb::Vec& z, std::size_t y, double q) {
    // EXERCISE 07.3 gce: write this part (hint: ./workbook hint 07.3)
    throw wb::NotImplemented("07.3 gce");
}

}  // namespace ch07
