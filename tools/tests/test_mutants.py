"""Mutants end to end on a fixture workbook: one exercise with two mutants, built
by the real cmake/Workbook.cmake, gtest main and tools. Weakening its test lets a
mutant survive, and `verify` (and CTest) must say which one.

Run from the repo root: python3 -m unittest tools.tests.test_mutants
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CMAKELISTS = """\
cmake_minimum_required(VERSION 3.25)
project(mutant_fixture LANGUAGES CXX)
set(CMAKE_CXX_STANDARD 20)
find_package(GTest REQUIRED)
# Stand-ins for the workbook's libraries: the exercise needs only wb/exercise.hpp.
add_library(wb_flags INTERFACE)
add_library(wb_common INTERFACE)
target_include_directories(wb_common INTERFACE ${CMAKE_SOURCE_DIR}/common)
add_library(wb_gtest_main STATIC common/gtest_main.cpp)
target_link_libraries(wb_gtest_main PUBLIC GTest::gtest)
set(CMAKE_RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bin)
enable_testing()
include(cmake/Workbook.cmake)
wb_discover_exercises()
"""

SOLUTION = """\
// 01.1: twice a number.
#include "demo.hpp"
#include "wb/exercise.hpp"

double twice(double x) {
    // BEGIN SOLUTION 01.1 twice
    // MUTANT plus_two: return x + 2.0;
    // MUTANT squared: return (x) * (x);
    return 2.0 * x;
    // END SOLUTION
}
"""

STRONG = """\
#include <gtest/gtest.h>

#include "demo.hpp"

TEST(Twice, AtZero) { EXPECT_EQ(twice(0.0), 0.0); }
TEST(Twice, AtTwo) { EXPECT_EQ(twice(2.0), 4.0); }
TEST(Twice, AtThree) { EXPECT_EQ(twice(3.0), 6.0); }
"""

# Without x = 3 nothing tells 2x from x²: the mutant `squared` survives.
WEAK = STRONG.replace('TEST(Twice, AtThree) { EXPECT_EQ(twice(3.0), 6.0); }\n', "")


def run(cmd, cwd, timeout=1200):
    r = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=timeout,
                       env=dict(os.environ, NO_COLOR="1"))
    return r.returncode, r.stdout


@unittest.skipUnless(shutil.which("cmake") and shutil.which("ninja"), "needs cmake and ninja")
class MutantFixture(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="wb-mutants-test-")
        t = cls.tree = Path(cls.tmp.name) / "wb"
        for rel in ("CMakePresets.json", "cmake/Workbook.cmake", "common/gtest_main.cpp", "common/wb/exercise.hpp"):
            (t / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / rel, t / rel)
        shutil.copytree(ROOT / "tools", t / "tools", ignore=shutil.ignore_patterns("__pycache__", "tests"))
        (t / "CMakeLists.txt").write_text(CMAKELISTS)
        (t / "solutions" / "01_demo").mkdir(parents=True)
        (t / "solutions" / "01_demo" / "twice.cpp").write_text(SOLUTION)
        ex = t / "exercises" / "01_demo"
        ex.mkdir(parents=True)
        (ex / "demo.hpp").write_text("#pragma once\n// 01.1 twice: 2x.\ndouble twice(double x);\n")
        (ex / "HINTS.md").write_text("# Hints\n\n## 01.1 twice — Twice\nMultiply.\n")
        (ex / "twice_test.cpp").write_text(STRONG)
        cls.test = ex / "twice_test.cpp"
        rc, out = cls.wb("generate")
        assert rc == 0, out

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    @classmethod
    def wb(cls, *args):
        return run([sys.executable, str(cls.tree / "tools" / "workbook.py"), *args], cls.tree)

    def row(self, out):
        return next(l for l in out.splitlines() if l.startswith("01.1 twice "))

    def test_1_every_mutant_is_caught_by_the_full_tests(self):
        rc, out = self.wb("verify", "-v")
        self.assertEqual(rc, 0, out)
        self.assertRegex(self.row(out), r"3/3\s+3/3\s+2/2\s+ok$")
        self.assertIn("2 of 2 mutants caught; no discrepancies", out)
        self.assertIn("mutant plus_two caught (", out)
        # CTest: one test per mutant, built by the chapter's fixture test chNN.mutants.build (not by `all`).
        rc, out = run(["ctest", "--test-dir", "build/default", "-L", "mutants"], self.tree)
        self.assertEqual(rc, 0, out)
        for name in ("ch01.mutants.build", "ex01.twice.mutant.plus_two", "ex01.twice.mutant.squared"):
            self.assertIn(name, out)

    def test_2_a_weakened_test_lets_verify_name_the_surviving_mutant(self):
        self.test.write_text(WEAK)
        try:
            rc, out = self.wb("verify")
            self.assertEqual(rc, 1, out)
            self.assertRegex(self.row(out), r"2/2\s+2/2\s+1/2\s+mutant squared survives$")
            self.assertIn("01.1 twice: mutant squared survives: all 2 tests pass on it", out)
            self.assertNotIn("plus_two survives", out)
            self.assertIn("1 of 2 mutants caught", out)
            rc, out = run(["ctest", "--test-dir", "build/default", "-L", "mutants"], self.tree)
            self.assertNotEqual(rc, 0, out)
            self.assertRegex(out, r"ex01\.twice\.mutant\.squared \.+\*\*\*Failed")
            self.assertRegex(out, r"ex01\.twice\.mutant\.plus_two \.+ +Passed")
        finally:
            self.test.write_text(STRONG)

    def test_3_the_default_build_and_the_student_edition_have_no_mutants(self):
        rc, out = run(["cmake", "--build", "build/default"], self.tree)
        self.assertEqual(rc, 0, out)
        self.assertNotRegex(out, r"mut01_twice")
        mutant = (self.tree / "build" / "default" / "mutants" / "01_demo" / "twice.squared.cpp").read_text()
        self.assertIn("return (x) * (x);\n", [l.lstrip() + "\n" for l in mutant.splitlines()])
        dest = Path(self.tmp.name) / "hand-out"
        rc, out = self.wb("student-edition", str(dest))
        self.assertEqual(rc, 0, out)
        for p in dest.rglob("*"):
            if p.is_file() and p.suffix in (".cpp", ".hpp", ".json"):
                self.assertNotIn("MUTANT", p.read_text(), p)
                self.assertNotIn("(x) * (x)", p.read_text(), p)  # the mutant, by a string no real file has
        rc, out = run(["cmake", "-S", ".", "-B", "build/default", "-G", "Ninja"], dest)
        self.assertEqual(rc, 0, out)
        self.assertFalse((dest / "build" / "default" / "mutants").exists())
        rc, out = run(["ctest", "--test-dir", "build/default", "-N", "-L", "mutants"], dest)
        self.assertIn("Total Tests: 0", out)


if __name__ == "__main__":
    unittest.main()
