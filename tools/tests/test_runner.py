"""Tests of the runner, verify and the student edition (grading: test_grade.py).

Fast tests use small fixture trees. The integration tests (class InTreeCopy) copy
the workbook, pruned to one chapter, into a temporary folder and build only what
they need there; one copy (and its build) serves every test of the class.

Run from the repo root: python3 -m unittest discover -s tools/tests -t .
"""
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

from wbtools import catalog, exgen, instructor  # noqa: E402
from tools.tests.test_exgen import STUB, make_tree  # noqa: E402


def wb(tree, *args, timeout=1800, env=None):
    """Runs the tree's own ./workbook (its tools/) and returns (status, output)."""
    r = subprocess.run([sys.executable, str(Path(tree) / "tools" / "workbook.py"), *map(str, args)],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=timeout,
                       env=dict(os.environ, NO_COLOR="1", **(env or {})))
    return r.returncode, r.stdout


def with_tools(root):
    shutil.copytree(ROOT / "tools", Path(root) / "tools", ignore=shutil.ignore_patterns("__pycache__"))
    return root


class FixtureRunner(unittest.TestCase):
    """Commands that need no build, on a fixture tree with the real tools."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.root = with_tools(make_tree(Path(self.tmp.name) / "wb"))
        self.assertEqual(wb(self.root, "generate")[0], 0)
        self.ex = self.root / "exercises" / "13_ou" / "conditional_score.cpp"

    def tearDown(self):
        self.tmp.cleanup()

    def test_hint_and_unknown_ids(self):
        rc, out = wb(self.root, "hint", "13.2")
        self.assertEqual(rc, 0)
        self.assertIn("13.2 conditional_score — The score", out)
        self.assertIn("Differentiate.", out)
        self.assertEqual(wb(self.root, "hint", "conditional_score")[0], 0)
        rc, out = wb(self.root, "hint", "13.9")
        self.assertEqual(rc, 2)
        self.assertEqual(len(out.strip().splitlines()), 1, out)
        self.assertIn("no exercise '13.9'", out)

    def test_list_without_building(self):
        rc, out = wb(self.root, "list", "--no-build")
        self.assertEqual(rc, 0, out)
        self.assertRegex(out, r"13\.2 conditional_score\s+not done\s+The score")
        self.assertIn("Progress: 0/1", out)

    def test_reset_in_a_student_edition_uses_the_manifest(self):
        shutil.rmtree(self.root / "solutions")
        self.ex.write_text("// my attempt\n")
        rc, out = wb(self.root, "reset", "13.2")
        self.assertEqual(rc, 0, out)
        self.assertEqual(self.ex.read_text(), STUB)
        backup = Path(re.search(r"saved as (\S+)", out).group(1))
        self.assertEqual(backup.read_text(), "// my attempt\n")
        self.assertIn("exercises/.backup", str(backup))
        rc, out = wb(self.root, "reset", "13.2")
        self.assertIn("already the stub", out)

    def test_student_edition(self):
        dest = Path(self.tmp.name) / "handout"
        for extra in ("build/default", ".git", "book"):
            (self.root / extra).mkdir(parents=True)
            (self.root / extra / "x").write_text("x")
        self.ex.write_text("// the instructor's scratch edit\n")
        rc, out = wb(self.root, "student-edition", dest)
        self.assertEqual(rc, 0, out)
        for absent in ("solutions", "build", ".git", "book"):
            self.assertFalse((dest / absent).exists(), absent)
        self.assertEqual((dest / "exercises" / "13_ou" / "conditional_score.cpp").read_text(), STUB)
        self.assertTrue((dest / "exercises" / "13_ou" / exgen.MANIFEST).is_file())
        self.assertTrue((dest / "tools" / "workbook.py").is_file())
        # A student edition resets from its manifest.
        (dest / "exercises" / "13_ou" / "conditional_score.cpp").write_text("mine\n")
        self.assertEqual(wb(dest, "reset", "13.2")[0], 0)
        self.assertEqual((dest / "exercises" / "13_ou" / "conditional_score.cpp").read_text(), STUB)
        # Never into a non-empty folder.
        rc, out = wb(self.root, "student-edition", dest)
        self.assertEqual(rc, 2)
        self.assertIn("not empty", out)


FAKE_GTEST = r"""#!/usr/bin/env python3
# Stands in for a GoogleTest executable: MODE is normal, crash or hang.
import json, os, signal, sys, time
MODE = "@MODE@"
args = sys.argv[1:]
if "--gtest_list_tests" in args:
    print("Suite.\n  Passes\n  Fails  # GetParam() = 1")
    sys.exit(0)
out = next(a.split(":", 1)[1] for a in args if a.startswith("--gtest_output=json:"))
print("[ RUN      ] Suite.Passes\n[       OK ] Suite.Passes\n[ RUN      ] Suite.Fails", flush=True)
if MODE == "crash":
    os.kill(os.getpid(), signal.SIGSEGV)
if MODE == "hang":
    time.sleep(60)
doc = {"testsuites": [{"name": "Suite", "testsuite": [
    {"name": "Passes", "status": "RUN", "result": "COMPLETED"},
    {"name": "Fails", "status": "RUN", "result": "COMPLETED",
     "failures": [{"failure": "x_test.cpp:3\nExpected equality of these values:\n  f(1)\n    Which is: 0\n  1"}]}]}]}
json.dump(doc, open(out, "w"))
sys.exit(1)
"""


class RunTests(unittest.TestCase):
    """catalog.run_tests turns every way a test program can end into per-test results."""

    def fake(self, mode):
        p = Path(self.tmp.name) / f"fake_{mode}"
        p.write_text(FAKE_GTEST.replace("@MODE@", mode))
        p.chmod(0o755)
        return p

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.tmp.cleanup()

    def test_failures_carry_gtest_messages(self):
        exe = self.fake("normal")
        names = catalog.list_tests(exe)
        self.assertEqual(names, ["Suite.Passes", "Suite.Fails"])
        r = catalog.run_tests(exe, expected=names)
        self.assertEqual([(t.name, t.passed) for t in r.tests], [("Suite.Passes", True), ("Suite.Fails", False)])
        self.assertIn("Which is: 0", r.tests[1].messages[0])
        self.assertFalse(r.all_passed)

    def test_a_crash_fails_the_running_test(self):
        r = catalog.run_tests(self.fake("crash"), expected=["Suite.Passes", "Suite.Fails"])
        self.assertEqual([(t.name, t.passed) for t in r.tests], [("Suite.Passes", True), ("Suite.Fails", False)])
        self.assertIn("SIGSEGV", r.tests[1].messages[0])

    def test_a_hang_is_a_timeout_not_a_hung_runner(self):
        t0 = time.time()
        r = catalog.run_tests(self.fake("hang"), gtest_filter="Suite.Fails", timeout=1, expected=["Suite.Fails"])
        self.assertLess(time.time() - t0, 20)
        self.assertTrue(r.timed_out)
        hung = [t for t in r.tests if t.name == "Suite.Fails"]
        self.assertEqual([t.passed for t in hung], [False])
        self.assertIn("timed out", hung[0].messages[0])

    def test_polling_notices_a_save(self):
        from wbtools import runner
        f = Path(self.tmp.name) / "x.cpp"
        f.write_text("a")

        def save():
            time.sleep(0.5)
            f.write_text("bb")

        threading.Thread(target=save).start()
        t0 = time.time()
        runner.wait_for_change([f], poll=True)
        self.assertLess(time.time() - t0, 10)


def pick_chapter():
    """The chapter the integration tests use: 13 if it has exercises, else the
    first chapter with at least three exercises and their solutions."""
    by = {}
    for e in catalog.exercises(ROOT):
        if e.solution_path.exists():
            by.setdefault(e.dirname, []).append(e)
    ok = [d for d, es in sorted(by.items()) if len(es) >= 3]
    return next((d for d in ok if d.startswith("13")), ok[0] if ok else None)


@unittest.skipUnless((ROOT / "solutions").is_dir() and shutil.which("cmake"), "needs solutions/ and cmake")
class InTreeCopy(unittest.TestCase):
    """Isolation, verify, check, watch, list, run and grade --submission on a copy of
    the workbook with one chapter, built in the copy's build/default."""

    @classmethod
    def setUpClass(cls):
        cls.chapter = pick_chapter()
        if cls.chapter is None:
            raise unittest.SkipTest("no chapter with three exercises yet")
        cls.tmp = tempfile.TemporaryDirectory(prefix="wb-tools-test-")
        cls.tree = Path(cls.tmp.name) / "tree"
        instructor.copy_tree(ROOT, cls.tree, exclude_top={"figures"})
        for kind in ("chapters", "exercises", "solutions"):
            for d in (cls.tree / kind).iterdir():
                if d.is_dir() and d.name != cls.chapter:
                    shutil.rmtree(d)
        r = subprocess.run(["cmake", "--preset", "default"], cwd=cls.tree, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
        assert r.returncode == 0, r.stdout
        cls.ex = catalog.exercises(cls.tree)
        cls.nn = cls.chapter[:2]

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def solution(self, ex):
        return ex.solution_path.read_text(encoding="utf-8")

    def test_1_isolation_and_verify(self):
        """A broken exercise does not stop the others: verify still builds and runs
        every other exercise, all solutions pass and every other stub fails."""
        broken = self.ex[0]
        pristine = broken.path.read_bytes()
        broken.path.write_bytes(pristine + b"\nint broken_on_purpose = ;\n")
        try:
            rc, out = wb(self.tree, "verify", self.nn)
        finally:
            broken.path.write_bytes(pristine)
        self.assertEqual(rc, 1, out)
        rows = {l.split()[0] + " " + l.split()[1]: l for l in out.splitlines() if re.match(r"^\d\d\.\d+ ", l)}
        self.assertIn("stub does not compile", rows[broken.name])
        for ex in self.ex[1:]:
            self.assertRegex(rows[ex.name], r"(\d+)/\1\s+(\d+)/\2\s+ok$", out)
        m = re.search(r"(\d+) exercises, (\d+) tests; (\d+) pass on the solutions", out)
        self.assertEqual(int(m.group(1)), len(self.ex))
        self.assertEqual(m.group(2), m.group(3), "every test passes on its solution")
        # Repaired: no discrepancy left, and the proof's counts add up.
        rc, out = wb(self.tree, "verify", self.nn)
        self.assertEqual(rc, 0, out)
        m = re.search(r"(\d+) tests; (\d+) pass on the solutions, (\d+) fail on the stubs", out)
        self.assertTrue(m.group(1) == m.group(2) == m.group(3), out)

    def test_2_check_watch_list(self):
        first, second, third = self.ex[0], self.ex[1], self.ex[2]
        rc, out = wb(self.tree, "check", first.id)
        self.assertEqual(rc, 1, out)
        self.assertIn("not started", out)
        self.assertIn(f"./workbook hint {first.id}", out)
        # A wrong answer: gtest's expected/actual values are shown.
        body = self.solution(first)
        first.path.write_text(re.sub(r"return ([^;]*);", r"return {};", body, count=1)
                              if "return {}" not in body else body + "\n#error wrong\n")
        rc, out = wb(self.tree, "check", first.id)
        self.assertEqual(rc, 1, out)
        self.assertRegex(out, r"✗ \w+\.\w+|does not compile")
        first.path.write_text(body)
        rc, out = wb(self.tree, "check", first.id)
        self.assertEqual(rc, 0, out)
        self.assertIn(f"{first.name} is done", out)
        self.assertIn(f"Next: ./workbook check {second.id}", out)

        # watch: checks `second`, waits for a save, passes, moves on to `third`.
        p = subprocess.Popen([sys.executable, str(self.tree / "tools" / "workbook.py"), "watch", second.id],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                             env=dict(os.environ, NO_COLOR="1"))
        lines = []
        watchdog = threading.Timer(900, p.kill)  # a hung watch fails the test instead of hanging it
        watchdog.start()

        def wait_for(text, limit=600):
            t0 = time.time()
            while time.time() - t0 < limit:
                line = p.stdout.readline()
                if not line:
                    break
                lines.append(line)
                if text in line:
                    return
            self.fail(f"watch never printed {text!r}:\n{''.join(lines)}")

        try:
            wait_for(f"waiting for you to save {second.rel()}")
            time.sleep(0.5)
            second.path.write_text(self.solution(second))
            wait_for(f"moving on to {third.name}")
            wait_for(f"waiting for you to save {third.rel()}")
            p.send_signal(signal.SIGINT)
            rest, _ = p.communicate(timeout=60)
        finally:
            watchdog.cancel()
            if p.poll() is None:
                p.kill()
                p.wait()
        self.assertEqual(p.returncode, 0, "".join(lines) + rest)
        self.assertIn("[watch] stopped", rest)
        self.assertNotIn("Traceback", rest)

        rc, out = wb(self.tree, "list")
        self.assertEqual(rc, 0, out)
        self.assertRegex(out, rf"{re.escape(first.name)}\s+done")
        self.assertRegex(out, rf"{re.escape(second.name)}\s+done")
        self.assertRegex(out, rf"{re.escape(third.name)}\s+not done")
        self.assertIn(f"Progress: 2/{len(self.ex)}", out)
        # check with no argument goes to the next unfinished exercise.
        rc, out = wb(self.tree, "check")
        self.assertEqual(rc, 1)
        self.assertIn(third.name, out)
        # reset keeps a backup and restores the stub.
        rc, out = wb(self.tree, "reset", first.id)
        self.assertEqual(rc, 0, out)
        self.assertIn("saved as", out)
        self.assertEqual(first.path.read_text(), exgen.pristine(self.tree, first.dirname, first.x))

    def test_4_run_chapter_and_student_edition(self):
        """The chapter runs on the student's code, skipping what waits on a stub
        (exit 3); the student edition configures with chNN on the exercises."""
        rc, out = wb(self.tree, "run", self.nn, "--quick", "--no-plots")
        self.assertIn(rc, (0, 3), out)
        if rc == 3:
            self.assertIn("waits on exercise", out)
        dest = Path(self.tmp.name) / "edition"
        self.assertEqual(wb(self.tree, "student-edition", dest)[0], 0)
        self.assertFalse((dest / "solutions").exists())
        bd = dest / "build" / "default"
        r = subprocess.run(["cmake", "--preset", "default"], cwd=dest, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
        self.assertEqual(r.returncode, 0, r.stdout)
        r = subprocess.run(["cmake", "--build", str(bd), "--target", "help"], stdout=subprocess.PIPE, text=True)
        self.assertNotIn("test_sol", r.stdout)
        self.assertIn(f"ch{self.nn}_student", r.stdout)
        # Every input of the chapter and the exercise tests exists (a dry run).
        r = subprocess.run(["cmake", "--build", str(bd), "--target", f"ch{self.nn}", "student_tests", "--",
                            "-n"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.assertEqual(r.returncode, 0, r.stdout)
        ninja = (bd / "build.ninja").read_text()
        link = re.search(rf"build bin/ch{self.nn}: CXX_EXECUTABLE_LINKER[^\n]*", ninja).group(0)
        self.assertIn(f"libex{self.nn}_", link)
        self.assertNotIn(f"libsol{self.nn}_", link)


if __name__ == "__main__":
    unittest.main()
