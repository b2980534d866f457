// 07.4: one gradient step on the L2-regularised loss.
#include "softmax_label_noise.hpp"
#include "wb/exercise.hpp"

namespace ch07 {

wb::Mat l2_step(const wb::Mat& w, const wb::Mat& g, double lambda, double eta) {
    // EXERCISE 07.4 l2_step: write this part (hint: ./workbook hint 07.4)
    throw wb::NotImplemented("07.4 l2_step");
}

}  // namespace ch07
