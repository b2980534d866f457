// Tests of 08.1 auc.
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "ranking_label_noise.hpp"

using ch08::auc;

namespace {

// The definition itself, O(n²): wins plus half the ties over all (positive, negative) pairs.
double pair_count(const std::vector<double>& s, const std::vector<int>& y) {
    double wins = 0.0, pairs = 0.0;
    for (std::size_t i = 0; i < s.size(); ++i)
        for (std::size_t j = 0; j < s.size(); ++j)
            if (y[i] == 1 && y[j] == 0) {
                wins += s[i] > s[j] ? 1.0 : s[i] == s[j] ? 0.5 : 0.0;
                pairs += 1.0;
            }
    return wins / pairs;
}

}  // namespace

TEST(Auc, HandCountedWithTies) {
    // Positives 0.4, 0.8; negatives 0.1, 0.4, 0.4. Pairs: 0.4 beats 0.1 and ties twice (2),
    // 0.8 beats all three (3): 5 of 6.
    const std::vector<double> s{0.1, 0.4, 0.4, 0.8, 0.4};
    const std::vector<int> y{0, 1, 0, 1, 0};
    EXPECT_NEAR(auc(s, y), 5.0 / 6.0, 1e-12);
}

TEST(Auc, ExtremesAndAllTied) {
    const std::vector<int> y{1, 0, 1, 0, 0};
    EXPECT_NEAR(auc(std::vector<double>{5, 1, 4, 2, 3}, y), 1.0, 1e-12);
    EXPECT_NEAR(auc(std::vector<double>{1, 5, 2, 4, 3}, y), 0.0, 1e-12);
    EXPECT_NEAR(auc(std::vector<double>{2, 2, 2, 2, 2}, y), 0.5, 1e-12);
}

TEST(Auc, MatchesThePairCountOnTiedData) {
    std::mt19937 gen(7);
    std::uniform_int_distribution<int> level(0, 5), coin(0, 1);
    for (int rep = 0; rep < 20; ++rep) {
        const std::size_t n = 5 + static_cast<std::size_t>(rep) * 3;
        std::vector<double> s(n);
        std::vector<int> y(n);
        for (std::size_t i = 0; i < n; ++i) {
            y[i] = coin(gen);
            s[i] = 0.5 * (level(gen) + 2 * y[i]);  // few levels: many ties, both classes
        }
        y[0] = 1;
        y[1] = 0;
        EXPECT_NEAR(auc(s, y), pair_count(s, y), 1e-12) << "n = " << n;
    }
}
