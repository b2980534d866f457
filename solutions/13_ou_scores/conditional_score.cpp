// 13.2: the conditional score of the Gaussian kernel.
#include "ou.hpp"
#include "wb/exercise.hpp"

namespace ch13 {

double conditional_score(double xt, double x0, const OuKernel& k) {
    // BEGIN SOLUTION 13.2 conditional_score
    // log N(x_t; m x_0, v) = −(x_t − m x_0)²/(2v) + const.
    // MUTANT flipped_sign: return (xt - k.m * x0) / k.v;
    // MUTANT over_sqrt_v: return -(xt - k.m * x0) / std::sqrt(k.v);
    // MUTANT forgets_m: return -(xt - x0) / k.v;
    return -(xt - k.m * x0) / k.v;
    // END SOLUTION
}

}  // namespace ch13
