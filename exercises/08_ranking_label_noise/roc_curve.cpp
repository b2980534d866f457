// 08.2: the empirical ROC curve.
#include <algorithm>
#include <numeric>
#include <vector>

#include "ranking_label_noise.hpp"
#include "wb/exercise.hpp"

namespace ch08 {

RocCurve roc_curve(std::span<const double> score, std::span<const int> label) {
    // EXERCISE 08.2 roc_curve: write this part (hint: ./workbook hint 08.2)
    throw wb::NotImplemented("08.2 roc_curve");
}

}  // namespace ch08
