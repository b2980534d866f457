// 08.1: the Mann–Whitney AUC by midranks.
#include <algorithm>
#include <numeric>
#include <vector>

#include "ranking_label_noise.hpp"
#include "wb/exercise.hpp"

namespace ch08 {

double auc(std::span<const double> score, std::span<const int> label) {
    // BEGIN SOLUTION 08.1 auc
    // Rank all scores once; a block of equal scores shares the mean of its ranks (midrank),
    // which counts each tied (positive, negative) pair one half. Then the rank sum of the
    // positives, less its minimum m(m + 1)/2, counts the pairs the positives win.
    const std::size_t n = score.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return score[a] < score[b]; });
    double rank_sum = 0.0, m = 0.0;
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        while (j < n && score[order[j]] == score[order[i]]) ++j;
        // MUTANT ties_as_losses: const double midrank = static_cast<double>(i) + 1.0;
        const double midrank = 0.5 * static_cast<double>(i + 1 + j);  // ranks i+1 … j
        for (std::size_t k = i; k < j; ++k)
            if (label[order[k]] == 1) {
                rank_sum += midrank;
                m += 1.0;
            }
        i = j;
    }
    const double negatives = static_cast<double>(n) - m;
    // MUTANT no_minimum: return rank_sum / (m * negatives);
    // MUTANT minimum_m_squared: return (rank_sum - 0.5 * m * m) / (m * negatives);
    return (rank_sum - 0.5 * m * (m + 1.0)) / (m * negatives);
    // END SOLUTION
}

}  // namespace ch08
