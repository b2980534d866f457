// 12.4: the time-t score of a Gaussian mixture pushed through the VP kernel.
#include <algorithm>
#include <cmath>
#include <vector>

#include "diffusion_sdes.hpp"
#include "wb/exercise.hpp"

namespace ch12 {

void mixture_score(const wb::Mat& x, const wb::GaussianMixture& p0, const VpKernel& k, wb::Mat& out) {
    // EXERCISE 12.4 mixture_score: write this part (hint: ./workbook hint 12.4)
    throw wb::NotImplemented("12.4 mixture_score");
}

}  // namespace ch12
