// 08.1: the Mann–Whitney AUC by midranks.
#include <algorithm>
#include <numeric>
#include <vector>

#include "ranking_label_noise.hpp"
#include "wb/exercise.hpp"

namespace ch08 {

double auc(std::span<const double> score, std::span<const int> label) {
    // EXERCISE 08.1 auc: write this part (hint: ./workbook hint 08.1)
    throw wb::NotImplemented("08.1 auc");
}

}  // namespace ch08
