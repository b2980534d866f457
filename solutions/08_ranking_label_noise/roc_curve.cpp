// 08.2: the empirical ROC curve.
#include <algorithm>
#include <numeric>
#include <vector>

#include "ranking_label_noise.hpp"
#include "wb/exercise.hpp"

namespace ch08 {

RocCurve roc_curve(std::span<const double> score, std::span<const int> label) {
    // BEGIN SOLUTION 08.2 roc_curve
    // Sort by decreasing score and lower the threshold one block of equal scores at a time:
    // a block moves the point by (its negatives / #neg, its positives / #pos), so a tie
    // between classes is one diagonal step, whose trapezoid counts the tied pairs one half.
    const std::size_t n = score.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return score[a] > score[b]; });
    const double pos = static_cast<double>(std::count(label.begin(), label.end(), 1));
    const double neg = static_cast<double>(n) - pos;
    RocCurve roc;
    roc.fpr.push_back(0.0);
    roc.tpr.push_back(0.0);
    double fp = 0.0, tp = 0.0;
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        // MUTANT one_at_a_time: while (j < i + 1) {
        while (j < n && score[order[j]] == score[order[i]]) {
            (label[order[j]] == 1 ? tp : fp) += 1.0;
            ++j;
        }
        // MUTANT rate_over_n: roc.fpr.push_back(fp / static_cast<double>(n));
        roc.fpr.push_back(fp / neg);
        roc.tpr.push_back(tp / pos);
        i = j;
    }
    return roc;
    // END SOLUTION
}

}  // namespace ch08
