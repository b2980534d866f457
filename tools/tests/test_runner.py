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
out = next(a.split(":", 1)[1] for a in args if a.startswith("--gtest_output=json:"))
if "--gtest_list_tests" in args:
    print("Suite.\n  Passes\n  Fails  # GetParam() = 1")
    json.dump({"testsuites": [{"name": "Suite", "testsuite": [{"name": "Passes"}, {"name": "Fails"}]}]},
              open(out, "w"))
    sys.exit(0)
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

    def test_a_save_after_the_watch_starts_is_seen(self):
        """Polling and inotifywait: the watch is in place when Watcher() returns, so
        a save right after it is never missed (no sleep, no race)."""
        from wbtools import runner
        modes = [True] + ([False] if shutil.which("inotifywait") else [])
        for poll in modes:
            f = Path(self.tmp.name) / f"x{poll}.cpp"
            f.write_text("a")
            with runner.Watcher([f], poll=poll) as w:
                f.write_text("bb")
                done = threading.Event()
                t = threading.Thread(target=lambda: (w.wait(), done.set()), daemon=True)
                t.start()
                self.assertTrue(done.wait(60), f"poll={poll}: the save was missed")
            if not poll:
                self.assertIsNone(w.proc)
                self.assertEqual(tree_processes(self.tmp.name), [])


    @unittest.skipUnless(shutil.which("inotifywait"), "needs inotifywait")
    def test_a_watch_stops_on_any_signal_and_leaves_no_child(self):
        """Started the way CI starts it (SIGINT inherited as ignored), a watch still
        stops on SIGINT; on SIGTERM too; and a SIGKILLed one leaves no inotifywait."""
        f = Path(self.tmp.name) / "w.cpp"
        f.write_text("a")
        prog = (f"import sys; sys.path.insert(0, {str(ROOT / 'tools')!r})\n"
                "from wbtools import common, runner\n"
                "common.stop_on_signals()\n"
                f"w = runner.Watcher([{str(f)!r}], poll=False)\n"
                "try:\n    print('ready', flush=True)\n    w.wait()\nexcept KeyboardInterrupt:\n    print('stopped', flush=True)\n"
                "finally:\n    w.close()\n")
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGKILL):
            p = subprocess.Popen([sys.executable, "-c", prog], stdout=subprocess.PIPE, text=True,
                                 preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
            try:
                self.assertEqual(p.stdout.readline(), "ready\n")
                p.send_signal(sig)
                out, _ = p.communicate(timeout=60)
            finally:
                if p.poll() is None:
                    p.kill()
                    p.wait()
            if sig != signal.SIGKILL:
                self.assertEqual((p.returncode, out), (0, "stopped\n"), sig)
            # The child is gone once its parent is (PR_SET_PDEATHSIG for SIGKILL): poll briefly.
            t0 = time.time()
            while tree_processes(f) and time.time() - t0 < 30:
                time.sleep(0.1)
            self.assertEqual(tree_processes(f), [], sig)


def tree_processes(path):
    """Command lines of the running processes that mention path (children left behind)."""
    out = []
    for d in Path("/proc").iterdir():
        if not d.name.isdigit() or int(d.name) == os.getpid():
            continue
        try:
            cmd = (d / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if str(path) in cmd:
            out.append(cmd.strip())
    return out


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
        # Started as CI starts a background job: with SIGINT ignored, which watch must undo.
        p = subprocess.Popen([sys.executable, str(self.tree / "tools" / "workbook.py"), "watch", second.id],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                             env=dict(os.environ, NO_COLOR="1"),
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
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
            # watch prints "waiting" only once its watch is in place: save right away.
            wait_for(f"waiting for you to save {second.rel()}")
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
        self.assertEqual(tree_processes(self.tree), [], "watch left children running")

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

    def test_5_new_chapter_and_compare(self):
        """`new` writes a chapter that builds, runs and passes, with its exercise
        proved (stub fails, solution passes); it refuses to overwrite. `all --compare`
        finds the chapter's committed numbers reproduced, and names a changed file."""
        rc, out = wb(self.tree, "new", "42", "demo_topic", "A demo chapter")
        self.assertEqual(rc, 0, out)
        d = "42_demo_topic"
        for rel in (f"chapters/{d}/chapter.cpp", f"chapters/{d}/CMakeLists.txt", f"solutions/{d}/second_moment.cpp",
                    f"exercises/{d}/demo_topic.hpp", f"exercises/{d}/second_moment_test.cpp",
                    f"exercises/{d}/HINTS.md", f"exercises/{d}/second_moment.cpp", f"exercises/{d}/.generated.json"):
            self.assertTrue((self.tree / rel).is_file(), rel)
        self.assertIn("throw wb::NotImplemented(\"42.1 second_moment\")",
                      (self.tree / "exercises" / d / "second_moment.cpp").read_text())
        self.assertIn(f"| [42 A demo chapter](chapters/{d}/chapter.cpp) |", (self.tree / "README.md").read_text())
        # Number and title written once (the heading), yet the program and its report know them.
        src = (self.tree / "chapters" / d / "chapter.cpp").read_text()
        self.assertEqual(src.count("A demo chapter"), 1)
        report = json.loads((self.tree / "figures" / d / "checks.json").read_text())
        self.assertEqual((report["chapter"], report["title"]), ("42", "A demo chapter"))
        self.assertEqual((report["summary"]["passed"], report["summary"]["rejected"]), (1, 1))
        self.assertTrue((self.tree / "figures" / d / "data" / "second_moment" / "histogram.csv").is_file())
        self.assertEqual(wb(self.tree, "hint", "42.1")[0], 0)
        r = subprocess.run(["ctest", "--preset", "default", "-L", "ch42"], cwd=self.tree, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
        self.assertEqual(r.returncode, 0, r.stdout)
        self.assertIn("100% tests passed, 0 tests failed out of 3", r.stdout)
        # Refused: the same number again, whatever the topic; nothing changes.
        before = {p: p.read_bytes() for p in (self.tree / "chapters" / d).iterdir()}
        for args in (("42", "other", "Other"), ("42", "demo_topic", "A demo chapter")):
            rc, out = wb(self.tree, "new", *args)
            self.assertEqual(rc, 2, out)
            self.assertEqual(len(out.strip().splitlines()), 1, out)
        self.assertEqual(before, {p: p.read_bytes() for p in (self.tree / "chapters" / d).iterdir()})
        self.assertFalse((self.tree / "chapters" / "42_other").exists())

        # --compare: this machine reproduces what the chapter just wrote ...
        rc, out = wb(self.tree, "all", "--compare", "--chapter", "42")
        self.assertEqual(rc, 0, out)
        self.assertIn("compare: 0 committed files differ", out)
        # ... and a number changed beyond 1e-9 relative (not one within) is reported.
        csv = self.tree / "figures" / d / "data" / "second_moment" / "chi2_density.csv"
        lines = csv.read_text().splitlines()
        x, y = lines[5].split(",")
        lines[5] = f"{x},{float(y) * (1 + 1e-11)!r}"
        csv.write_text("\n".join(lines) + "\n")
        self.assertEqual(wb(self.tree, "all", "--compare", "--chapter", "42")[0], 0)
        lines[5] = f"{x},{float(y) * (1 + 1e-6)!r}"
        csv.write_text("\n".join(lines) + "\n")
        rc, out = wb(self.tree, "all", "--compare", "--chapter", "42")
        self.assertEqual(rc, 1, out)
        self.assertRegex(out, rf"figures/{d}/data/second_moment/chi2_density.csv: numbers differ by up to 1\.0e-06")
        self.assertIn("compare: 1 committed files differ", out)


class HostileCommandLines(unittest.TestCase):
    """Every command answers input it does not understand with one line, exit 2,
    and writes nothing (not even a build folder)."""

    CASES = [
        ("check", "13.2", "13.9"),        # two ids, the second unknown
        ("check", "13.2 13.1"),           # one argument is one id
        ("check", "--bogus"),
        ("check", "99"),
        ("watch", "13.2", "13.2"),        # watch takes one id
        ("watch", "--bogus"),
        ("watch", "nope"),
        ("list", "extra"),
        ("list", "--bogus"),
        ("hint",),
        ("hint", "13.9"),
        ("hint", "--bogus"),
        ("run",),
        ("run", "99"),
        ("run", "--bogus"),
        ("all", "--seed", "-1"),
        ("all", "--seed", "0x10"),
        ("all", "--seed", str(2 ** 64)),
        ("all", "--chapter", "99"),
        ("all", "--chapter", "1a"),
        ("all", "13"),
        ("all", "--bogus"),
        ("book", "--bogus"),
        ("book", "--chapter", "x"),
        ("book", "--chapter", "99"),
        ("book", "--out"),
        ("book", "--out", "README.md"),
        ("test", "--bogus"),
        ("test", "--only", "nope"),
        ("test", "extra"),
        ("new", "5", "topic", "Title"),
        ("new", "13", "ou_again", "Title"),
        ("new", "05", "Bad-Topic", "Title"),
        ("new", "05", "topic", 'a "quoted" title'),
        ("new", "05", "topic"),
        ("bench", "--bogus"),
        ("nonsense",),
    ]

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.root = with_tools(make_tree(Path(self.tmp.name) / "wb"))
        self.assertEqual(wb(self.root, "generate")[0], 0)
        (self.root / "README.md").write_text("readme\n")
        (self.root / "chapters" / "13_ou").mkdir(parents=True, exist_ok=True)

    def tearDown(self):
        self.tmp.cleanup()

    def snapshot(self):
        return {p.relative_to(self.root): p.read_bytes() for p in self.root.rglob("*")
                if p.is_file() and "__pycache__" not in p.parts}

    def test_each_is_one_line_exit_2_and_writes_nothing(self):
        before = self.snapshot()
        for args in self.CASES:
            with self.subTest(args=args):
                rc, out = wb(self.root, *args, timeout=120)
                self.assertEqual(rc, 2, out)
                self.assertEqual(len(out.strip().splitlines()), 1, out)
                self.assertTrue(out.startswith("workbook: error: "), out)
                self.assertEqual(self.snapshot(), before, "something was written")
                self.assertFalse((self.root / "build").exists(), "a build folder was made")


if __name__ == "__main__":
    unittest.main()
