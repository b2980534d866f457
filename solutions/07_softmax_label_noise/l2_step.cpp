// 07.4: one gradient step on the L2-regularised loss.
#include "softmax_label_noise.hpp"
#include "wb/exercise.hpp"

namespace ch07 {

wb::Mat l2_step(const wb::Mat& w, const wb::Mat& g, double lambda, double eta) {
    // BEGIN SOLUTION 07.4 l2_step
    // ∇[(λ/2)‖W‖²] = λW, so W ← W − η(g + λW) = (1 − ηλ)W − ηg.
    // MUTANT sign_of_penalty: return wb::Mat((1.0 + eta * lambda) * w - eta * g);
    // MUTANT two_lambda: return wb::Mat((1.0 - 2.0 * eta * lambda) * w - eta * g);
    // MUTANT shrink_after_step: return wb::Mat((1.0 - eta * lambda) * (w - eta * g));
    return wb::Mat((1.0 - eta * lambda) * w - eta * g);
    // END SOLUTION
}

}  // namespace ch07
