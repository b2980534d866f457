// 04.2: the truncated Fourier series S_K.
#include <cmath>

#include "approximation.hpp"
#include "wb/exercise.hpp"

namespace ch04 {

wb::Vec partial_sum(const Fourier& c, const wb::Vec& x) {
    wb::Vec s = xt::zeros<double>({x.size()});
    // EXERCISE 04.2 partial_sum: write this part (hint: ./workbook hint 04.2)
    throw wb::NotImplemented("04.2 partial_sum");
    return s;
}

}  // namespace ch04
