// main() for exercise tests. With --expect-all-fail the exit status is 0 only when
// at least one test ran and every test failed: how the build proves that a stub
// cannot pass its exercise's tests. With --expect-a-failure it is 0 only when at
// least one test failed: how it proves that the tests reject a mutant (a
// plausible wrong solution).
#include <cstdio>
#include <cstring>

#include <gtest/gtest.h>

namespace {
void print_passing(const char* what) {
    const auto* u = testing::UnitTest::GetInstance();
    for (int i = 0; i < u->total_test_suite_count(); ++i) {
        const auto* s = u->GetTestSuite(i);
        for (int j = 0; j < s->total_test_count(); ++j) {
            const auto* t = s->GetTestInfo(j);
            if (t->should_run() && t->result()->Passed())
                std::printf("  passes on the %s: %s.%s\n", what, s->name(), t->name());
        }
    }
}
}  // namespace

int main(int argc, char** argv) {
    bool expect_all_fail = false, expect_a_failure = false;
    int out = 1;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--expect-all-fail") == 0) expect_all_fail = true;
        else if (std::strcmp(argv[i], "--expect-a-failure") == 0) expect_a_failure = true;
        else argv[out++] = argv[i];
    }
    argc = out;
    testing::InitGoogleTest(&argc, argv);
    if (expect_all_fail || expect_a_failure) GTEST_FLAG_SET(brief, true);
    const int rc = RUN_ALL_TESTS();
    const auto* u = testing::UnitTest::GetInstance();
    const int ran = u->test_to_run_count(), failed = u->failed_test_count();
    if (expect_a_failure) {
        if (failed > 0) {
            std::printf("mutant check: %d of %d tests reject the mutant, as at least one must\n", failed, ran);
            return 0;
        }
        std::printf("mutant check FAILED: all %d tests pass on this mutant (a wrong solution): "
                    "the tests have a hole\n", ran);
        return 1;
    }
    if (!expect_all_fail) return rc;
    if (ran > 0 && failed == ran) {
        std::printf("stub check: all %d tests fail against the stub, as they must\n", ran);
        return 0;
    }
    std::printf("stub check FAILED: %d of %d tests pass against the stub; they check nothing\n", ran - failed, ran);
    print_passing("stub");
    return 1;
}
