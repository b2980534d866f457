// 07.2: the gradient of the mean cross-entropy of a linear softmax classifier.
#include <cmath>
#include <vector>

#include "softmax_label_noise.hpp"
#include "wb/exercise.hpp"

namespace ch07 {

wb::Mat ce_gradient(const wb::Mat& x, std::span<const std::size_t> y, const wb::Mat& w) {
    // EXERCISE 07.2 ce_gradient: write this part (hint: ./workbook hint 07.2)
    throw wb::NotImplemented("07.2 ce_gradient");
}

}  // namespace ch07
