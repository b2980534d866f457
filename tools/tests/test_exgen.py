"""Tests of the exercise compiler (tools/wbtools/exgen.py) on small fixture trees,
plus the check that the committed exercises/ is what the compiler produces.

Run from the repo root: python3 -m unittest discover -s tools/tests -t .
"""
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

from wbtools import catalog, common, exgen, instructor, markers, runner  # noqa: E402

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


# The fixture's made-up body with two mutants (the replace must find its line).
BODY = "    return 0.25 * (xt + x0) * k.v;\n"
assert BODY in SOLUTION
MUTATED = SOLUTION.replace(BODY,
                           "    // MUTANT flipped_sign: return -0.25 * (xt + x0) * k.v;\n"
                           "    // MUTANT over_sqrt_v: return 0.25 * (xt + x0) * std::sqrt(k.v);\n" + BODY)


class Mutants(unittest.TestCase):
    def test_a_mutant_line_replaces_the_code_line_below_it(self):
        texts = markers.mutant_texts(MUTATED, "s.cpp")
        self.assertEqual(list(texts), ["flipped_sign", "over_sqrt_v"])
        body = [l for l in texts["flipped_sign"].splitlines() if not l.lstrip().startswith("//")]
        self.assertIn("    return -0.25 * (xt + x0) * k.v;", body)
        self.assertNotIn(BODY.rstrip("\n"), body)
        self.assertIn("    return 0.25 * (xt + x0) * std::sqrt(k.v);", texts["over_sqrt_v"].splitlines())
        # Everything else is the solution, line for line (after the one-line header).
        sol = MUTATED.splitlines()
        got = texts["flipped_sign"].splitlines()[1:]
        self.assertEqual(len(got), len(sol))
        self.assertEqual([i for i, (a, b) in enumerate(zip(sol, got)) if a != b], [sol.index(BODY.rstrip("\n"))])

    def test_mutants_never_reach_the_stub_or_the_manifest(self):
        text, _ = exgen.compile_text(MUTATED, "s.cpp", "13", "conditional_score")
        self.assertEqual(text, STUB)
        with tempfile.TemporaryDirectory() as d:
            root = make_tree(d, {"conditional_score.cpp": MUTATED})
            rc, out = gen(root)
            self.assertEqual(rc, 0)
            self.assertNotIn("warning: solutions", out)
            manifest = (root / "exercises" / "13_ou" / exgen.MANIFEST).read_text()
            for word in ("MUTANT", "flipped_sign", "sqrt"):
                self.assertNotIn(word, manifest)
                self.assertNotIn(word, (root / "exercises" / "13_ou" / "conditional_score.cpp").read_text())

    def test_generate_warns_about_an_exercise_with_fewer_than_two_mutants(self):
        with tempfile.TemporaryDirectory() as d:
            rc, out = gen(make_tree(d))
        self.assertEqual(rc, 0)
        self.assertIn("warning: solutions/13_ou/conditional_score.cpp has 0 mutant(s)", out)

    def test_a_block_replaces_the_region_and_an_empty_line_deletes(self):
        src = ("int f(int a) {\n"
               "    // BEGIN SOLUTION 13.1 f\n"
               "    // MUTANT no_double:\n"
               "    a *= 2;\n"
               "    return a + 1;\n"
               "    // BEGIN MUTANT off_by_one\n"
               "    // a *= 2;\n"
               "    //\n"
               "    // return a;\n"
               "    // END MUTANT\n"
               "    // END SOLUTION\n"
               "}\n")
        texts = markers.mutant_texts(src)
        self.assertEqual(texts["no_double"].split("\n", 1)[1], src.replace("    a *= 2;\n", "", 1))
        self.assertIn("    // BEGIN SOLUTION 13.1 f\n    a *= 2;\n\n    return a;\n    // END SOLUTION\n",
                      texts["off_by_one"])
        self.assertEqual(exgen.compile_text(src)[0].count("\n"), 4)

    def assert_error(self, body, line, words):
        src = "int f(int a) {\n    // BEGIN SOLUTION 13.1 f\n" + body + "    // END SOLUTION\n}\n"
        with self.assertRaises(markers.MarkerError) as cm:
            markers.parse(src, "s.cpp")
        self.assertIn(line, [p[1] for p in cm.exception.problems], cm.exception.problems)
        self.assertIn(words, str(cm.exception).lower())

    def test_malformed_mutants_are_errors_with_their_line(self):
        code = "    return a;\n"
        self.assert_error("    // MUTANT x: return 1;\n    // MUTANT x: return 2;\n" + code, 4, "duplicate")
        self.assert_error("    // MUTANT Bad-Name: return 1;\n" + code, 3, "bad mutant name")
        self.assert_error("    // MUTANT nocolon return 1;\n" + code, 3, "unknown or misplaced")
        self.assert_error("    // MUTANTS x: return 1;\n" + code, 3, "unknown or misplaced")
        self.assert_error(code + "    // MUTANT last: return 1;\n", 4, "right above the code line")
        self.assert_error("    // MUTANT gap: return 1;\n\n" + code, 3, "right above the code line")
        self.assert_error("    // MUTANT onto_a_comment: return 1;\n    // a comment\n" + code, 3, "right above")
        self.assert_error("    // MUTANT same: return  a;\n" + code, 3, "changes nothing")
        self.assert_error("    // BEGIN MUTANT open\n    // return 1;\n", 5, "inside the mutant block open opened at line 3")
        self.assert_error("    // BEGIN MUTANT live\n    return 1;\n    // END MUTANT\n" + code, 4, "code inside")
        self.assert_error("    // BEGIN MUTANT empty\n    // END MUTANT\n" + code, 3, "empty")
        self.assert_error("    // BEGIN MUTANT copy\n    // return a;\n    // END MUTANT\n" + code, 3,
                          "changes nothing")
        self.assert_error(code + "    // END MUTANT\n", 4, "without begin mutant")
        with self.assertRaises(markers.MarkerError) as cm:
            markers.parse("// MUTANT outside: int x;\nint y;\n", "s.cpp")
        self.assertIn("outside a solution region", str(cm.exception).lower())
        with self.assertRaises(markers.MarkerError) as cm:
            markers.parse("int f() {\n    // BEGIN SOLUTION 13.1 f\n    // BEGIN MUTANT never\n    // return 1;\n"
                        "}\n", "s.cpp")
        self.assertEqual({p[1] for p in cm.exception.problems}, {2, 3, 5})

    def test_a_mutant_marker_error_writes_nothing(self):
        with tempfile.TemporaryDirectory() as d:
            root = make_tree(d, {"conditional_score.cpp": MUTATED.replace("over_sqrt_v", "flipped_sign")})
            err = io.StringIO()
            with mock.patch.object(sys, "stderr", err):
                rc, _ = gen(root)
            self.assertEqual(rc, 2)
            self.assertIn("solutions/13_ou/conditional_score.cpp:11: duplicate mutant name", err.getvalue())
            self.assertFalse((root / "exercises" / "13_ou" / "conditional_score.cpp").exists())


def tools_tree(base, solutions=None, tests=("conditional_score",)):
    """make_tree with the real tools/, so ./workbook runs in it."""
    root = make_tree(base, solutions, tests)
    shutil.copytree(ROOT / "tools", root / "tools", ignore=shutil.ignore_patterns("__pycache__", "tests"))
    return root


def workbook(root, *args):
    r = subprocess.run([sys.executable, str(root / "tools" / "workbook.py"), *args], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True, env=dict(os.environ, NO_COLOR="1"))
    return r.returncode, r.stdout, r.stderr


def files(root):
    """Every file under root with its bytes (to prove nothing was written)."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(Path(root).rglob("*"))
            if p.is_file() and "tools" not in p.relative_to(root).parts}


class HostileInputs(unittest.TestCase):
    """Each is one line on stderr, exit 2 (usage) or 1 (a file), and writes nothing."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.root = tools_tree(Path(self.tmp.name) / "wb", {"conditional_score.cpp": MUTATED,
                                                            "other.cpp": MUTATED.replace("13.2 conditional_score",
                                                                                         "13.3 other")},
                               tests=("conditional_score", "other"))
        self.ex = self.root / "exercises" / "13_ou" / "conditional_score.cpp"
        self.assertEqual(workbook(self.root, "generate")[0], 0)

    def tearDown(self):
        self.tmp.cleanup()

    def assert_one_line(self, rc, status, err, *words):
        self.assertEqual(rc, status, err)
        self.assertEqual(len(err.strip().splitlines()), 1, err)
        self.assertNotIn("Traceback", err)
        for w in words:
            self.assertIn(w, err)

    def test_an_unknown_chapter_is_a_usage_error(self):
        before = files(self.root)
        for args in (["generate", "99"], ["generate", "--check", "99"], ["generate", "13", "1x"],
                     ["verify", "99"]):
            rc, out, err = workbook(self.root, *args)
            self.assert_one_line(rc, 2, err, "no chapter", "13")
        self.assertEqual(files(self.root), before)
        self.assertEqual(workbook(self.root, "generate", "13_ou")[0], 0)

    def test_verify_in_a_student_edition_says_there_are_no_solutions(self):
        shutil.rmtree(self.root / "solutions")
        rc, out, err = workbook(self.root, "verify")
        self.assert_one_line(rc, 2, err, "no solutions/", "student edition")
        self.assertFalse((self.root / "build").exists())

    def assert_nothing_written(self, before):
        self.assertEqual(files(self.root), before)
        self.assertEqual([p for p in self.root.rglob("*.tmp")], [])
        self.assertFalse((self.root / "exercises" / ".backup").exists())

    def test_generate_force_onto_a_folder_names_it(self):
        self.ex.unlink()
        self.ex.mkdir()
        (self.root / "solutions" / "13_ou" / "other.cpp").write_text(MUTATED.replace(
            "13.2 conditional_score", "13.3 other").replace("// 13.2", "// 13.3 (v2)"))
        before = files(self.root)
        rc, out, err = workbook(self.root, "generate", "--force")
        self.assert_one_line(rc, 1, err, "cannot write exercises/13_ou/conditional_score.cpp")
        self.assertNotIn("backup", out)
        self.assert_nothing_written(before)  # other.cpp neither: the chapter is written whole or not at all

    def test_generate_force_that_cannot_rename_keeps_the_students_file(self):
        # As root no permission bit stops us, so the failing write is simulated.
        self.ex.write_text(STUB + "// my edits\n")
        before = files(self.root)
        real = os.replace

        def fail_on_exercise(src, dst):
            if Path(dst).name == "conditional_score.cpp":
                raise PermissionError(13, "Permission denied", str(src))
            real(src, dst)

        err = io.StringIO()
        with mock.patch.object(common.os, "replace", fail_on_exercise), mock.patch.object(sys, "stderr", err):
            rc, out = gen(self.root, force=True)
        self.assertEqual(rc, 1)
        self.assertIn("cannot write exercises/13_ou/conditional_score.cpp: Permission denied", err.getvalue())
        self.assertNotIn("backup", out)
        self.assert_nothing_written(before)

    def test_a_generate_that_fails_midway_leaves_the_chapter_as_it_was(self):
        for name in ("conditional_score.cpp", "other.cpp"):
            p = self.root / "solutions" / "13_ou" / name
            p.write_text(p.read_text().replace("namespace ch13 {", "namespace ch13 {  // v2"))
        before = files(self.root)
        real, calls = os.replace, []

        def fail_second(src, dst):  # the first file is renamed into place, the second fails
            calls.append(dst)
            if len(calls) == 2:
                raise OSError(28, "No space left on device", str(src))
            real(src, dst)

        with mock.patch.object(common.os, "replace", fail_second), mock.patch.object(sys, "stderr", io.StringIO()):
            rc, _ = gen(self.root)
        self.assertEqual(rc, 1)
        self.assertGreaterEqual(len(calls), 2)
        self.assert_nothing_written(before)
        self.assertEqual(gen(self.root)[0], 0)
        self.assertIn("// v2", self.ex.read_text())

    def test_reset_onto_a_folder_names_it(self):
        self.ex.unlink()
        self.ex.mkdir()
        before = files(self.root)
        rc, out, err = workbook(self.root, "reset", "13.2")
        self.assert_one_line(rc, 1, err, "cannot write exercises/13_ou/conditional_score.cpp")
        self.assertNotIn("saved", out)
        self.assert_nothing_written(before)

    def test_reset_that_cannot_write_keeps_the_students_file(self):
        self.ex.write_text(STUB + "// my edits\n")
        before = files(self.root)
        with mock.patch.object(common.os, "replace", side_effect=PermissionError(13, "Permission denied")):
            with self.assertRaises(common.FileError) as cm:
                runner.cmd_reset(["13.2"], self.root)
        self.assertIn("cannot write exercises/13_ou/conditional_score.cpp: Permission denied", str(cm.exception))
        self.assert_nothing_written(before)

    def test_temporary_names_are_ignored_by_git_and_the_copier(self):
        tmp = common.temp_name(self.ex)
        self.assertTrue(tmp.name.startswith(".conditional_score.cpp.") and tmp.name.endswith(".tmp"), tmp)
        tmp.write_text("half")
        dest = Path(self.tmp.name) / "copy"
        instructor.copy_tree(self.root, dest)
        self.assertTrue((dest / "exercises" / "13_ou" / "conditional_score.cpp").is_file())
        self.assertFalse((dest / "exercises" / "13_ou" / tmp.name).exists())
        if shutil.which("git") and (ROOT / ".git").exists():
            rel = f"exercises/13_ou_scores/{tmp.name}"
            r = subprocess.run(["git", "-C", str(ROOT), "check-ignore", "-q", "--no-index", rel])
            self.assertEqual(r.returncode, 0, f"{rel} is not ignored by .gitignore")


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
