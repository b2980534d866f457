// Tests of 08.2 roc_curve.
#include <algorithm>
#include <random>
#include <set>
#include <vector>

#include <gtest/gtest.h>

#include "ranking_label_noise.hpp"

using ch08::roc_curve;

TEST(RocCurve, HandCountedWithTies) {
    // Scores 0.8 (+), 0.4 (+, −, −), 0.1 (−): thresholds 0.8, 0.4, 0.1.
    const std::vector<double> s{0.1, 0.4, 0.4, 0.8, 0.4};
    const std::vector<int> y{0, 1, 0, 1, 0};
    const ch08::RocCurve r = roc_curve(s, y);
    const std::vector<double> fpr{0, 0, 2.0 / 3.0, 1}, tpr{0, 0.5, 1, 1};
    ASSERT_EQ(r.fpr.size(), fpr.size());
    ASSERT_EQ(r.tpr.size(), tpr.size());
    for (std::size_t i = 0; i < fpr.size(); ++i) {
        EXPECT_NEAR(r.fpr[i], fpr[i], 1e-12) << i;
        EXPECT_NEAR(r.tpr[i], tpr[i], 1e-12) << i;
    }
}

TEST(RocCurve, AreaIsThePairCountOnTiedData) {
    std::mt19937 gen(11);
    std::uniform_int_distribution<int> level(0, 4), coin(0, 1);
    for (int rep = 0; rep < 20; ++rep) {
        const std::size_t n = 6 + static_cast<std::size_t>(rep) * 2;
        std::vector<double> s(n);
        std::vector<int> y(n);
        for (std::size_t i = 0; i < n; ++i) {
            y[i] = coin(gen);
            s[i] = level(gen) + y[i];
        }
        y[0] = 1;
        y[1] = 0;
        double wins = 0.0, pairs = 0.0;
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < n; ++j)
                if (y[i] == 1 && y[j] == 0) {
                    wins += s[i] > s[j] ? 1.0 : s[i] == s[j] ? 0.5 : 0.0;
                    pairs += 1.0;
                }
        const ch08::RocCurve r = roc_curve(s, y);
        ASSERT_EQ(r.fpr.size(), std::set<double>(s.begin(), s.end()).size() + 1);
        ASSERT_EQ(r.tpr.size(), r.fpr.size());
        EXPECT_DOUBLE_EQ(r.fpr.front(), 0.0);
        EXPECT_DOUBLE_EQ(r.tpr.front(), 0.0);
        EXPECT_NEAR(r.fpr.back(), 1.0, 1e-12);
        EXPECT_NEAR(r.tpr.back(), 1.0, 1e-12);
        double area = 0.0;
        for (std::size_t k = 1; k < r.fpr.size(); ++k)
            area += (r.fpr[k] - r.fpr[k - 1]) * 0.5 * (r.tpr[k] + r.tpr[k - 1]);
        EXPECT_NEAR(area, wins / pairs, 1e-12) << "n = " << n;
    }
}
