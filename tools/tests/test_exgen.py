"""Tests of the exercise compiler (tools/wbtools/exgen.py) on small fixture trees,
plus the check that the committed exercises/ is what the compiler produces.

Run from the repo root: python3 -m unittest discover -s tools/tests -t .
"""
import io
import json
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

from wbtools import catalog, exgen  # noqa: E402

SOLUTION = """\
// 13.2: the conditional score.
#include "ou.hpp"
#include "wb/exercise.hpp"

namespace ch13 {

double conditional_score(double xt, double x0, const OuKernel& k) {
    // BEGIN SOLUTION 13.2 conditional_score
    // A made-up body (never an exercise's real solution: this file ships in the edition).
    return 0.25 * (xt + x0) * k.v;
    // END SOLUTION
}

}  // namespace ch13
"""

STUB = """\
// 13.2: the conditional score.
#include "ou.hpp"
#include "wb/exercise.hpp"

namespace ch13 {

double conditional_score(double xt, double x0, const OuKernel& k) {
    // EXERCISE 13.2 conditional_score: write this part (hint: ./workbook hint 13.2)
    throw wb::NotImplemented("13.2 conditional_score");
}

}  // namespace ch13
"""


def make_tree(base, solutions=None, tests=("conditional_score",)):
    """A minimal workbook tree: solutions/13_ou/*.cpp and their tests."""
    root = Path(base)
    sol = root / "solutions" / "13_ou"
    ex = root / "exercises" / "13_ou"
    sol.mkdir(parents=True)
    ex.mkdir(parents=True)
    for name, text in (solutions or {"conditional_score.cpp": SOLUTION}).items():
        (sol / name).write_text(text, encoding="utf-8")
    for t in tests:
        (ex / f"{t}_test.cpp").write_text(f"// tests of {t}\n", encoding="utf-8")
    (ex / "HINTS.md").write_text("# Hints\n\n## 13.2 conditional_score — The score\nDifferentiate.\n",
                                 encoding="utf-8")
    return root


def gen(root, **kw):
    out = io.StringIO()
    rc = exgen.generate(root, out=out, **kw)
    return rc, out.getvalue()


class CompileText(unittest.TestCase):
    def test_region_becomes_the_stub(self):
        text, ident = exgen.compile_text(SOLUTION, "x.cpp", "13", "conditional_score")
        self.assertEqual(text, STUB)
        self.assertEqual(ident, "13.2 conditional_score")

    def test_stub_lines_replace_the_throw_and_keep_indentation(self):
        src = ("int f(int a) {\n"
               "  if (a) {\n"
               "      // BEGIN SOLUTION 13.1 f\n"
               "      // STUB: return 0;\n"
               "      return a * 2;\n"
               "      // END SOLUTION\n"
               "  }\n"
               "  return 1;\n"
               "}\n")
        text, _ = exgen.compile_text(src)
        self.assertEqual(text, "int f(int a) {\n  if (a) {\n"
                               "      // EXERCISE 13.1 f: write this part (hint: ./workbook hint 13.1)\n"
                               "      return 0;\n  }\n  return 1;\n}\n")

    def test_several_regions_with_one_id(self):
        src = SOLUTION + SOLUTION.split("namespace ch13 {")[1].replace("conditional_score(", "other(")
        text, ident = exgen.compile_text(src)
        self.assertEqual(text.count('throw wb::NotImplemented("13.2 conditional_score");'), 2)
        self.assertNotIn("0.25 * (xt + x0)", text)

    def test_everything_else_is_verbatim_including_line_endings(self):
        src = SOLUTION.replace("\n", "\r\n")
        text, _ = exgen.compile_text(src)
        self.assertEqual(text, STUB.replace("\n", "\r\n"))
        no_eol = "int x;\n// BEGIN SOLUTION 01.1 x\nx = 1;\n// END SOLUTION\nint y;"
        self.assertTrue(exgen.compile_text(no_eol)[0].endswith("int y;"))

    def assert_error(self, src, line, words, **kw):
        with self.assertRaises(exgen.MarkerError) as cm:
            exgen.compile_text(src, "s.cpp", **kw)
        lines = [p[1] for p in cm.exception.problems]
        self.assertIn(line, lines, cm.exception.problems)
        self.assertIn(words, str(cm.exception).lower())

    def test_malformed_markers_are_errors_with_line(self):
        body = "int f() {\n    // BEGIN SOLUTION 13.1 f\n    return 1;\n"
        self.assert_error(body + "}\n", 2, "never closed")
        self.assert_error(body + "    // BEGIN SOLUTION 13.1 f\n    // END SOLUTION\n}\n", 4, "nested")
        self.assert_error("int x;\n// END SOLUTION\n", 2, "without begin")
        self.assert_error("// STUB: return 0;\n", 1, "outside")
        self.assert_error("int x;\n\n// BEGIN SOLUTON 13.1 f\n", 3, "unknown")
        self.assert_error("x = 1;  // END SOLUTION\n", 1, "unknown")
        self.assert_error("// begin solution 13.1 f\n", 1, "unknown")
        self.assert_error("// BEGIN SOLUTION f\n// END SOLUTION\n", 1, "bad exercise id")
        self.assert_error("// BEGIN SOLUTION 12.1 f\n// END SOLUTION\n", 1, "chapter", chapter="13")
        self.assert_error("// BEGIN SOLUTION 13.1 g\n// END SOLUTION\n", 1, "named after", stem="f")
        self.assert_error("// BEGIN SOLUTION 13.1 f\n// END SOLUTION\n// BEGIN SOLUTION 13.2 f\n"
                          "// END SOLUTION\n", 3, "one exercise")

    def test_ordinary_comments_are_not_markers(self):
        src = "// the end of the solution space\n// END of file\n// stub values\n"
        self.assertEqual(exgen.compile_text(src)[0], src)


class Generate(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.root = make_tree(self.tmp.name)
        self.ex = self.root / "exercises" / "13_ou" / "conditional_score.cpp"
        self.manifest = self.root / "exercises" / "13_ou" / exgen.MANIFEST

    def tearDown(self):
        self.tmp.cleanup()

    def test_generates_stub_and_deterministic_manifest(self):
        rc, _ = gen(self.root)
        self.assertEqual(rc, 0)
        self.assertEqual(self.ex.read_text(), STUB)
        first = self.manifest.read_bytes()
        doc = json.loads(first)
        entry = doc["files"]["conditional_score.cpp"]
        self.assertEqual(entry["exercise"], "13.2 conditional_score")
        self.assertEqual(entry["sha256"], exgen.sha256(STUB))
        self.assertEqual(entry["stub"], STUB)
        # Byte-for-byte the same on a second run, and in a fresh tree.
        self.ex.unlink()
        self.assertEqual(gen(self.root)[0], 0)
        self.assertEqual(self.manifest.read_bytes(), first)
        with tempfile.TemporaryDirectory() as other:
            r2 = make_tree(other)
            gen(r2)
            self.assertEqual((r2 / "exercises" / "13_ou" / exgen.MANIFEST).read_bytes(), first)
        self.assertEqual(list(json.loads(first)), sorted(json.loads(first)))

    def test_check_reports_stale_exercises_without_writing(self):
        gen(self.root)
        self.assertEqual(gen(self.root, check=True)[0], 0)
        sol = self.root / "solutions" / "13_ou" / "conditional_score.cpp"
        sol.write_text(SOLUTION.replace("// 13.2: the conditional score.", "// 13.2: changed."))
        before = self.ex.read_bytes(), self.manifest.read_bytes()
        rc, out = gen(self.root, check=True)
        self.assertEqual(rc, 1)
        self.assertIn("exercises/13_ou/conditional_score.cpp", out)
        self.assertEqual((self.ex.read_bytes(), self.manifest.read_bytes()), before)

    def test_marker_errors_write_nothing(self):
        gen(self.root)
        before = self.ex.read_bytes(), self.manifest.read_bytes()
        (self.root / "solutions" / "13_ou" / "conditional_score.cpp").write_text(
            SOLUTION.replace("    // END SOLUTION\n", ""))
        (self.root / "solutions" / "13_ou" / "zz_new.cpp").write_text("int z;\n")
        err = io.StringIO()
        old, sys.stderr = sys.stderr, err
        try:
            rc, _ = gen(self.root)
        finally:
            sys.stderr = old
        self.assertEqual(rc, 2)
        self.assertIn("solutions/13_ou/conditional_score.cpp:8:", err.getvalue())
        self.assertEqual((self.ex.read_bytes(), self.manifest.read_bytes()), before)
        self.assertFalse((self.root / "exercises" / "13_ou" / "zz_new.cpp").exists())

    def test_an_exercise_without_a_region_is_an_error(self):
        (self.root / "solutions" / "13_ou" / "conditional_score.cpp").write_text("int f() { return 1; }\n")
        with self.assertRaises(exgen.MarkerError) as cm:
            exgen.plan(self.root)
        self.assertIn("no BEGIN SOLUTION", str(cm.exception))

    def test_student_edits_are_kept_unless_forced_with_backup(self):
        gen(self.root)
        self.ex.write_text(STUB.replace("throw", "return 1.0; // mine\n    throw"))
        mine = self.ex.read_bytes()
        # The solution changes: the edited file is still not overwritten.
        sol = self.root / "solutions" / "13_ou" / "conditional_score.cpp"
        sol.write_text(SOLUTION.replace("the conditional score.", "the conditional score (v2)."))
        rc, out = gen(self.root)
        self.assertEqual(rc, 1)
        self.assertIn("kept: exercises/13_ou/conditional_score.cpp", out)
        self.assertEqual(self.ex.read_bytes(), mine)
        rc, out = gen(self.root, force=True)
        self.assertEqual(rc, 0)
        line = next(l for l in out.splitlines() if l.startswith("backup:"))
        backup = Path(line.split(" saved as ")[1])
        self.assertTrue(backup.is_file())
        self.assertTrue(str(backup).startswith(str(self.root / "exercises" / ".backup")))
        self.assertEqual(backup.read_bytes(), mine)
        self.assertIn("(v2)", self.ex.read_text())

    def test_unedited_stub_is_regenerated_silently(self):
        gen(self.root)
        sol = self.root / "solutions" / "13_ou" / "conditional_score.cpp"
        sol.write_text(SOLUTION.replace("the conditional score.", "the conditional score (v2)."))
        rc, out = gen(self.root)
        self.assertEqual(rc, 0)
        self.assertNotIn("backup", out)
        self.assertIn("(v2)", self.ex.read_text())

    def test_orphans_are_reported(self):
        (self.root / "exercises" / "13_ou" / "lonely_test.cpp").write_text("// no solution\n")
        rc, out = gen(self.root)
        self.assertIn("orphan: exercises/13_ou/lonely_test.cpp", out)

    def test_pristine_comes_from_the_manifest_without_solutions(self):
        gen(self.root)
        self.assertEqual(exgen.pristine(self.root, "13_ou", "conditional_score"), STUB)
        os.rename(self.root / "solutions", self.root / "gone")
        self.assertEqual(exgen.pristine(self.root, "13_ou", "conditional_score"), STUB)
        exs = catalog.exercises(self.root)
        self.assertEqual([(e.id, e.title) for e in exs], [("13.2", "The score")])
        self.assertTrue(catalog.is_pristine(exs[0]))


class CommittedExercises(unittest.TestCase):
    def test_committed_exercises_match_the_compiler(self):
        """The suite fails if exercises/ differs from what ./workbook generate writes."""
        if not (ROOT / "solutions").is_dir():
            self.skipTest("student edition: no solutions/")
        r = subprocess.run([sys.executable, str(ROOT / "tools" / "workbook.py"), "generate", "--check"],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.assertEqual(r.returncode, 0, r.stdout)


if __name__ == "__main__":
    unittest.main()
