"""Tests of grading: hostile submissions (tests/fixtures/grading), honest ones, the
command line, a whole class and the Gradescope bundle. Everything runs through the
real sandbox; the trusted build is kept in build/grading-test between runs."""
import csv
import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

from wbtools import grader, sandbox  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "grading"
WORK = ROOT / "build" / "grading-test"
CH = "13_ou_scores"
TIMEOUT = 3.0
HOSTILE_TIMEOUT = 1.0  # the processes that never end: each of their runs waits out the limits


def wb(*args, env=None):
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "workbook.py"), *map(str, args)], cwd=ROOT,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    return r.returncode, r.stdout


def tree_digest(folder):
    h = hashlib.sha256()
    for p in sorted(Path(folder).rglob("*")):
        if p.is_file() and "build" not in p.relative_to(folder).parts[:1]:
            h.update(str(p).encode() + p.read_bytes())
    return h.hexdigest()


def sandbox_processes():
    """Processes running under the sandboxes' uids (root) — none may outlive a grade."""
    out = []
    for d in Path("/proc").iterdir():
        try:
            if (d.name.isdigit() and sandbox.UID_BASE <= d.stat().st_uid < sandbox.UID_BASE + sandbox.UID_COUNT
                    and (d / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"):  # zombies are dead
                out.append(d.name)
        except OSError:
            pass
    return out


def sandbox_works():
    try:
        sandbox.check()
        return True
    except sandbox.Unavailable:
        return False


class CommandLine(unittest.TestCase):
    """grade's own flags: one line, exit 2, nothing written (issue 13)."""

    def test_bad_flags(self):
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            afile = tmp / "a-file"
            afile.write_text("x")
            cases = [("--timeout", "-5"), ("--timeout", "0"), ("--timeout", "nan"), ("--out", str(tmp)),
                     ("--work", str(afile))]
            for flag, value in cases:
                out = tmp / "results.json"
                args = ["grade", "--submission", tmp, flag, value] + (["--out", out] if flag != "--out" else [])
                rc, text = wb(*args)
                self.assertEqual(rc, 2, (flag, value, text))
                self.assertEqual(len(text.strip().splitlines()), 1, text)
                self.assertIn(flag, text)
                self.assertFalse(out.exists())
                self.assertFalse((tmp / "a-file").read_text() != "x")

    def test_the_sandbox_starts_here(self):
        """Grading needs it; without user namespaces the Grading tests below are skipped, and
        this failure says why (grade itself refuses, as the next test shows)."""
        try:
            sandbox.check()
        except sandbox.Unavailable as e:
            self.fail(str(e))

    def test_fails_closed_without_a_sandbox(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "results.json"
            env = dict(os.environ, WB_SANDBOX_BWRAP="/bin/false")
            rc, text = wb("grade", "--submission", tmp, "--out", out, "--work", Path(tmp) / "w", "13.2", env=env)
            self.assertEqual(rc, 2, text)
            self.assertIn("refusing to grade without a sandbox", text)
            self.assertFalse(out.exists())


@unittest.skipUnless(sandbox_works(), "needs a working bubblewrap sandbox (user namespaces)")
class SandboxStarts(unittest.TestCase):
    """A sandbox the kernel refuses for a moment is tried again; refused for good, grading
    stops rather than scoring 0; concurrent graders never share a uid."""

    def fake_bwrap(self, tmp, refusals):
        tmp.chmod(0o777)  # the fake runs under the sandbox's uid
        (tmp / "count").write_text("")
        (tmp / "count").chmod(0o666)
        fake = tmp / "bwrap"
        fake.write_text(f"""#!/bin/sh
n=$(wc -c < {tmp}/count)
if [ "$n" -lt {refusals} ]; then
    printf x >> {tmp}/count
    echo "bwrap: Creating new namespace failed: {sandbox.TRANSIENT}" >&2
    exit 1
fi
exec {shutil.which(sandbox.BWRAP)} "$@"
""")
        fake.chmod(0o755)
        return fake

    def run_with(self, fake, tries):
        old = sandbox.BWRAP, sandbox.START_TRIES
        sandbox.BWRAP, sandbox.START_TRIES = str(fake), tries
        try:
            with sandbox.session() as s:
                return s.run(["echo", "ran"], limits=sandbox.Limits(timeout=30))
        finally:
            sandbox.BWRAP, sandbox.START_TRIES = old

    def test_a_refused_start_is_tried_again(self):
        with tempfile.TemporaryDirectory() as tmp:
            r = self.run_with(self.fake_bwrap(Path(tmp), 2), 4)
            self.assertEqual((r.returncode, r.output.strip()), (0, "ran"))
            self.assertEqual((Path(tmp) / "count").read_text(), "xx")

    def test_refused_for_good_it_stops(self):
        with tempfile.TemporaryDirectory() as tmp:
            with self.assertRaisesRegex(sandbox.Unavailable, "could not start .*3 tries"):
                self.run_with(self.fake_bwrap(Path(tmp), 99), 3)
            self.assertEqual((Path(tmp) / "count").read_text(), "xxx")

    @unittest.skipUnless(os.getuid() == 0, "the sandbox's uid is the grader's own unless run as root")
    def test_a_shell_that_cannot_fork_yet_is_tried_again(self):
        # The uid still holds processes (as from a sandbox that just ended and is dying):
        # bwrap, its init and the shell start, the shell's fork of the command does not.
        limits = sandbox.Limits(timeout=30, processes=8)
        with sandbox.session() as s:
            holders = [subprocess.Popen(["setpriv", f"--reuid={s.uid}", f"--regid={s.uid}", "--clear-groups",
                                         "sleep", "60"]) for _ in range(limits.processes - 3)]
            try:
                first = sandbox._run_once(s.uid, ["echo", "ran"], (), (), "/tmp", limits, None)
                self.assertEqual((first.started, first.returncode), (False, 2), first.output)
                self.assertIn("Cannot fork", first.output)
                timer = threading.Timer(0.3, lambda: [(h.kill(), h.wait()) for h in holders])
                timer.start()
                r = s.run(["echo", "ran"], limits=limits)
                timer.join()
            finally:
                for h in holders:
                    h.kill()
                    h.wait()
        self.assertEqual((r.started, r.returncode, r.output.strip()), (True, 0, "ran"))

    def test_the_cpu_limit_stops_a_busy_loop_long_before_the_clock(self):
        with sandbox.session() as s:
            r = s.run(["sh", "-c", "while :; do :; done"], limits=sandbox.Limits(timeout=300, cpu=1))
        self.assertTrue(r.timed_out)
        self.assertIn("used more than 1 s of CPU time", r.flags)
        self.assertLess(r.elapsed, 300)

    @unittest.skipUnless((ROOT / "solutions" / CH).is_dir() and shutil.which("cmake"), "needs solutions/ and cmake")
    def test_grade_stops_rather_than_score_when_the_sandbox_stays_refused(self):
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            rc, text = wb("grade", "--prepare", "--work", WORK, "13.2")
            self.assertEqual(rc, 0, text)
            tmp.chmod(0o777)
            (tmp / "count").write_text("")
            (tmp / "count").chmod(0o666)
            fake = tmp / "bwrap"  # lets the start-up check through, then refuses every sandbox
            fake.write_text(f"""#!/bin/sh
if [ ! -s {tmp}/count ]; then printf x >> {tmp}/count; exec {shutil.which(sandbox.BWRAP)} "$@"; fi
echo "bwrap: Creating new namespace failed: {sandbox.TRANSIENT}" >&2
exit 1
""")
            fake.chmod(0o755)
            sub = tmp / "sub" / "exercises" / CH
            sub.mkdir(parents=True)
            (sub / "conditional_score.cpp").write_text((ROOT / "solutions" / CH / "conditional_score.cpp").read_text())
            out = tmp / "results.json"
            rc, text = wb("grade", "--submission", sub.parent.parent, "--out", out, "--work", WORK, "13.2",
                          env=dict(os.environ, WB_SANDBOX_BWRAP=str(fake)))
            self.assertEqual(rc, 1, text)
            self.assertIn("grading stopped, nothing written: the sandbox could not start", text)
            self.assertFalse(out.exists())

    def test_the_grader_holding_many_files_changes_nothing(self):
        # The leftover count once went to a pipe named by its fd number, which dash takes
        # only below 10: with the grader's locks and files open, links failed at random.
        files = [open(os.devnull) for _ in range(20)]
        try:
            self.assertGreaterEqual(files[-1].fileno(), 10)
            with sandbox.session() as s:
                limits = sandbox.Limits(timeout=30)
                plain = s.run(["sh", "-c", "echo ran; exit 3"], limits=limits)
                reads = s.run(["sh", "-c", "cat; echo read"], limits=limits)
                left = s.run(["sh", "-c", "sleep 30 & echo ran"], limits=limits)
        finally:
            for f in files:
                f.close()
        self.assertEqual((plain.returncode, plain.output, plain.flags), (3, "ran\n", []))
        self.assertEqual((reads.returncode, reads.output, reads.flags), (0, "read\n", []))  # stdin is /dev/null
        self.assertEqual((left.returncode, left.output.strip()), (0, "ran"))
        self.assertIn("left 1 process running after it ended (killed)", left.flags)

    @unittest.skipUnless(os.getuid() == 0, "uids are chosen only as root")
    def test_two_graders_never_share_a_uid(self):
        code = ("import sys; sys.path.insert(0, sys.argv[1]); from wbtools import sandbox\n"
                "with sandbox.session() as a, sandbox.session() as b: print(a.uid, b.uid)")
        with sandbox.session() as s:
            r = subprocess.run([sys.executable, "-c", code, str(ROOT / "tools")], stdout=subprocess.PIPE, text=True,
                               check=True)
            theirs = {int(u) for u in r.stdout.split()}
            self.assertEqual(len(theirs), 2)
            self.assertNotIn(s.uid, theirs)


@unittest.skipUnless((ROOT / "solutions" / CH).is_dir() and shutil.which("cmake"), "needs solutions/ and cmake")
@unittest.skipUnless(sandbox_works(), "needs a working bubblewrap sandbox (user namespaces)")
class Grading(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="wb-grade-test-")
        cls.dir = Path(cls.tmp.name)
        os.chmod(cls.dir, 0o755)
        cls.port_hits = []
        # The trusted build first, so that no test's time limit includes it.
        for only in ("13", "13.2"):
            rc, text = wb("grade", "--prepare", "--work", WORK, only)
            assert rc == 0, text[-3000:]

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def submission(self, name, files):
        d = self.dir / name / "exercises" / CH
        d.mkdir(parents=True)
        for x, text in files.items():
            (d / f"{x}.cpp").write_text(text)
        return d.parent.parent

    def solution(self, x):
        return (ROOT / "solutions" / CH / f"{x}.cpp").read_text()

    def grade(self, sub, only="13.2", timeout=TIMEOUT):
        out = self.dir / f"{Path(sub).name}.json"
        t0 = time.monotonic()
        rc, text = wb("grade", "--submission", sub, "--out", out, "--timeout", timeout, "--work", WORK, only)
        self.assertEqual(rc, 0, text)
        return json.loads(out.read_text()), time.monotonic() - t0, out

    def test_1_honest_solutions_full_marks_stubs_zero_wrong_as_before(self):
        xs = ["ou_kernel", "conditional_score", "marginal_score", "ct_monte_carlo"]
        # One point a test: the chapter's tests, counted in their sources.
        tests = {x: len(re.findall(r"^TEST(?:_F)?\(", (ROOT / "exercises" / CH / f"{x}_test.cpp").read_text(), re.M))
                 for x in xs}
        total = sum(tests.values())
        doc, _, _ = self.grade(self.submission("honest", {x: self.solution(x) for x in xs}), only="13")
        self.assertEqual((doc["score"], doc["max_score"]), (total, total), doc["output"])
        self.assertEqual(doc["extra_data"]["flags"], [])
        doc, _, _ = self.grade(self.submission("stubs", {}), only="13")
        self.assertEqual(doc["score"], 0, doc["output"])
        # One slip (the sign) costs that exercise; the others still score.
        files = {x: self.solution(x) for x in xs}
        files["conditional_score"] = (FIXTURES / "wrong_sign" / "conditional_score.cpp").read_text()
        doc, _, _ = self.grade(self.submission("wrong", files), only="13")
        self.assertEqual(doc["score"], total - tests["conditional_score"], doc["output"])

    def hostile(self, name, text=None, expect_flag=True, timeout=TIMEOUT):
        src = text or (FIXTURES / name / "conditional_score.cpp").read_text()
        src = src.replace("@ROOT@", str(ROOT)).replace("@OUT@", str(self.dir / f"{name}.json"))
        before = tree_digest(ROOT / "exercises"), tree_digest(ROOT / "solutions")
        doc, elapsed, out = self.grade(self.submission(name, {"conditional_score": src}), timeout=timeout)
        self.assertEqual(doc["score"], 0, (name, doc["output"]))
        # Three tests and the hidden check, each at most the wall-clock limit, plus building.
        self.assertLess(elapsed, 4 * grader.wall_clock(timeout) + 60, name)
        if expect_flag:
            self.assertTrue(doc["extra_data"]["flags"], (name, doc))
        self.assertEqual(before, (tree_digest(ROOT / "exercises"), tree_digest(ROOT / "solutions")), name)
        if os.getuid() == 0:
            self.assertEqual(sandbox_processes(), [], name)
        self.assertLess(len(out.read_bytes()), grader.MAX_REPORT)
        return doc, out

    def test_2_the_seven_cheats(self):
        for name in ("fake_console", "forge_json", "own_main", "include_absolute", "include_solution",
                     "rewrite_tests"):
            with self.subTest(name):
                # Probing with __has_include or rewriting read-only files leaves no trace to flag.
                doc, _ = self.hostile(name, expect_flag=name not in ("include_solution", "rewrite_tests"))
                self.assertNotIn("BEGIN SOLUTION", json.dumps(doc))
        with self.subTest("symlinked folder"):
            sub = self.dir / "symlinked" / "exercises"
            sub.mkdir(parents=True)
            (sub / CH).symlink_to(ROOT / "solutions" / CH)
            doc, _, _ = self.grade(sub.parent)
            self.assertEqual(doc["score"], 0)
            self.assertTrue(any("symbolic link" in f for f in doc["extra_data"]["flags"]), doc)
        with self.subTest("detached rewrite of results.json"):
            doc, out = self.hostile("detached_rewrite")
            before = out.read_bytes()
            time.sleep(3)
            self.assertEqual(out.read_bytes(), before)
        with self.subTest("the next submission is graded as if alone"):
            doc, _, _ = self.grade(self.submission("after", {"conditional_score": self.solution("conditional_score")}))
            self.assertEqual((doc["score"], doc["max_score"]), (3, 3), doc["output"])

    def test_3_hostile_processes(self):
        for name in ("exit_before_main", "fork_bomb", "huge_alloc", "daemon", "sleepers", "spin"):
            with self.subTest(name):
                doc, _ = self.hostile(name, expect_flag=name != "huge_alloc", timeout=HOSTILE_TIMEOUT)
                if name == "spin":  # stopped by whichever limit comes first on a loaded machine
                    self.assertTrue(any("of CPU time" in f or "timed out" in f for f in doc["extra_data"]["flags"]),
                                    doc["extra_data"])
                if name == "sleepers":
                    self.assertIn(f"timed out after {grader.wall_clock(HOSTILE_TIMEOUT):g} s", doc["extra_data"]["flags"])
                if name in ("fork_bomb", "daemon"):
                    self.assertTrue(any("left" in f and "running after it ended" in f
                                        for f in doc["extra_data"]["flags"]), doc["extra_data"])
        with self.subTest("reads secrets"):
            doc, _ = self.hostile("read_secrets", expect_flag=False)
            text = json.dumps(doc)
            self.assertNotIn("BEGIN SOLUTION", text)
            self.assertNotIn("root:", text)
        with self.subTest("socket to 127.0.0.1"):
            srv = socket.socket()
            srv.bind(("127.0.0.1", 0))
            srv.listen(8)
            srv.settimeout(0.2)
            hits = []
            stop = threading.Event()

            def accept():
                while not stop.is_set():
                    try:
                        hits.append(srv.accept())
                    except OSError:
                        pass
            th = threading.Thread(target=accept, daemon=True)
            th.start()
            src = (FIXTURES / "socket_out" / "conditional_score.cpp").read_text().replace(
                "@PORT@", str(srv.getsockname()[1]))
            doc, _ = self.hostile("socket_out", src, expect_flag=False)
            stop.set()
            th.join()
            srv.close()
            self.assertEqual(hits, [])
            self.assertNotIn("CONNECTED", json.dumps(doc))

    def test_4_oversized_and_noisy_files(self):
        big = "// padding\n" * (50 * 1024 * 1024 // 11) + "int broken = ;\n"
        doc, _, out = self.grade(self.submission("big", {"conditional_score": big}))
        self.assertEqual(doc["score"], 0)
        self.assertTrue(any("larger than" in f for f in doc["extra_data"]["flags"]), doc["extra_data"])
        noisy = "".join(f"int broken{i} = ;\n" for i in range(20000))
        doc, _, out = self.grade(self.submission("noisy", {"conditional_score": noisy}))
        self.assertEqual(doc["score"], 0)
        self.assertLess(len(out.read_bytes()), 3 * (grader.MAX_MESSAGE + 2000))
        self.assertNotIn("-std=c++20", out.read_text())  # no command lines

    def test_5_hardcoded_visible_value_is_caught_by_the_hidden_check(self):
        doc, _ = self.hostile("hardcoded")
        self.assertIn("the visible test passed but the hidden check failed", doc["extra_data"]["flags"])

    def test_6_a_class(self):
        """30 submissions (honest, wrong, hard-coded, forged, own main, empty) into one gradebook;
        an interrupted run resumes."""
        kinds = {"honest": self.solution("conditional_score"),
                 "wrong": (FIXTURES / "wrong_sign" / "conditional_score.cpp").read_text(),
                 "hardcoded": (FIXTURES / "hardcoded" / "conditional_score.cpp").read_text(),
                 "forged": (FIXTURES / "forge_json" / "conditional_score.cpp").read_text(),
                 "main": (FIXTURES / "own_main" / "conditional_score.cpp").read_text(), "empty": None}
        klass = self.dir / "class"
        want = {}
        for i in range(30):
            kind = list(kinds)[i % len(kinds)]
            d = klass / f"student{i:02d}"
            (d / "exercises" / CH).mkdir(parents=True)
            if kinds[kind]:
                (d / "exercises" / CH / "conditional_score.cpp").write_text(kinds[kind])
            want[d.name] = 3 if kind == "honest" else 0
        out = self.dir / "grades"
        rc, text = wb("grade", "--class", klass, "--out", out, "--timeout", TIMEOUT, "--work", WORK, "13.2")
        self.assertEqual(rc, 0, text)
        with (out / "gradebook.csv").open(encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        got = {r["student"]: float(r["score"]) for r in rows if r["exercise"] == "total"}
        wrong = sorted(k for k in want if got.get(k) != float(want[k]))
        self.assertEqual(wrong, [], "\n".join(f"{k}: want {want[k]}, got {got.get(k)}: "
                                              + (out / k / "results.json").read_text()[:3000] for k in wrong))
        flagged = {r["student"] for r in rows if r["exercise"] == "total" and r["flags"]}
        expect = {f"student{i:02d}" for i in range(30) if i % 6 in (2, 3, 4)}
        self.assertEqual(flagged, expect, "\n".join(f"{k}: " + (out / k / "results.json").read_text()[:3000]
                                                   for k in sorted(flagged ^ expect)))
        (out / "student07" / "results.json").unlink()
        rc, text = wb("grade", "--class", klass, "--out", out, "--timeout", TIMEOUT, "--work", WORK, "13.2")
        self.assertEqual(rc, 0, text)
        self.assertIn("grading 1 of 30 submissions", text)


@unittest.skipUnless((ROOT / "solutions").is_dir() and shutil.which("cmake"), "needs solutions/ and cmake")
class HiddenChecks(unittest.TestCase):
    """The reference judges its own values as right on every seed, and rejects plausible
    slips: one value off by a relative 1e-6, Gaussian directions replaced by uniform ones
    of the same variance (a wrong law), or by ±1 (another law)."""

    @classmethod
    def setUpClass(cls):
        from wbtools import catalog, common
        bd = common.existing_build(ROOT)
        targets = ["probe_sol13_conditional_score", "probe_sol09_hutchinson"]
        ok, out = catalog.build(bd, targets, timeout=3600)
        assert ok, out[-3000:]
        cls.exe = {t: catalog.executable(bd, t) for t in targets}
        cls.tmp = tempfile.TemporaryDirectory()

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def run_probe(self, name, seed, edit=None):
        f = Path(self.tmp.name) / f"{name}-{seed}.txt"
        subprocess.run([str(self.exe[name]), "emit", str(seed), str(f)], check=True)
        if edit:
            vals = [float(x) for x in f.read_text().split()]
            f.write_text("".join(f"{v!r}\n" for v in edit(vals)))
        r = subprocess.run([str(self.exe[name]), "judge", str(seed), str(f)], stdout=subprocess.PIPE, text=True)
        return r.returncode, r.stdout.strip()

    def test_right_values_pass_on_every_seed(self):
        for seed in range(200):
            for name in self.exe:
                self.assertEqual(self.run_probe(name, seed), (0, "ok"), (name, seed))

    def test_slips_are_rejected(self):
        import math
        import random
        off = lambda v: [v[0] * (1 + 1e-6)] + v[1:]  # noqa: E731
        self.assertEqual(self.run_probe("probe_sol13_conditional_score", 1, off)[0], 1)
        self.assertEqual(self.run_probe("probe_sol13_conditional_score", 1, lambda v: v[:-1])[0], 1)
        self.assertEqual(self.run_probe("probe_sol13_conditional_score", 1, lambda v: v + [0.0])[0], 1)
        # A subnormal value is a number (judged, and wrong here); an overflowing one is not.
        rc, why = self.run_probe("probe_sol13_conditional_score", 1, lambda v: [5e-324] + v[1:])
        self.assertEqual(rc, 1)
        self.assertIn("got 4.94065645841e-324", why)
        f = Path(self.tmp.name) / "overflow.txt"
        f.write_text("1e999\n")
        r = subprocess.run([str(self.exe["probe_sol13_conditional_score"]), "judge", "1", str(f)],
                           stdout=subprocess.PIPE, text=True)
        self.assertEqual((r.returncode, r.stdout.strip()), (1, "the output is not a list of numbers"))
        n = 2000 * 5  # the Gaussian directions come first
        rng = random.Random(3)
        uniform = lambda v: [rng.uniform(-math.sqrt(3), math.sqrt(3)) for _ in range(n)] + v[n:]  # noqa: E731
        signs = lambda v: [1.0 if x > 0 else -1.0 for x in v[:n]] + v[n:]  # noqa: E731
        for seed in range(20):
            for slip in (uniform, signs):
                rc, why = self.run_probe("probe_sol09_hutchinson", seed, slip)
                self.assertEqual(rc, 1, (seed, slip, why))


def solution_lines(root):
    """Code lines inside the SOLUTION regions of solutions/ that appear nowhere else in
    the sources (exercises, chapters, common): what an edition must not contain."""
    import re
    region = re.compile(r"//\s*BEGIN SOLUTION[^\n]*\n(.*?)//\s*END SOLUTION", re.S)
    lines = set()
    for p in (root / "solutions").rglob("*.cpp"):
        for body in region.findall(p.read_text(encoding="utf-8")):
            for ln in body.splitlines():
                t = ln.strip()
                if len(t) >= 20 and not t.startswith("//"):
                    lines.add(t)
    # A line found (even inside a longer line) in the shared sources is not the solution's:
    # e.g. a loop header `for (std::size_t c = 0; c < d; ++c)` the tests use too. The edition
    # is scanned by substring, so the same test applies here.
    shared = "\n".join(p.read_text(encoding="utf-8", errors="replace")
                       for kind in ("exercises", "chapters", "common", "tools/grading")
                       for p in (root / kind).rglob("*.[ch]pp"))
    return {ln for ln in lines if ln not in shared}


@unittest.skipUnless((ROOT / "solutions").is_dir(), "needs solutions/")
class StudentEdition(unittest.TestCase):
    def test_no_solution_code_anywhere_in_the_edition(self):
        lines = solution_lines(ROOT)
        self.assertGreater(len(lines), 20)
        with tempfile.TemporaryDirectory() as tmp:
            dest = Path(tmp) / "edition"
            rc, text = wb("student-edition", dest)
            self.assertEqual(rc, 0, text)
            found = []
            for p in dest.rglob("*"):
                if p.is_file() and p.stat().st_size < 4 << 20:
                    content = p.read_text(encoding="utf-8", errors="replace")
                    found += [f"{p.relative_to(dest)}: {ln}" for ln in lines if ln in content]
            self.assertEqual(found, [])


@unittest.skipUnless((ROOT / "solutions" / CH).is_dir() and shutil.which("cmake"), "needs solutions/ and cmake")
@unittest.skipUnless(sandbox_works(), "needs a working bubblewrap sandbox (user namespaces)")
class Gradescope(unittest.TestCase):
    def test_bundle_in_a_simulated_autograder(self):
        """The bundle unpacked into a temporary /autograder: setup.sh, then run_autograder on
        an upload of flat .cpp files (an honest one and a forged one)."""
        base = ROOT / "build" / "autograder-test"
        shutil.rmtree(base, ignore_errors=True)
        bundle = base / "bundle"
        rc, text = wb("autograder", bundle, "--timeout", TIMEOUT, "13.2")
        self.assertEqual(rc, 0, text)
        a = base / "autograder"
        import zipfile
        with zipfile.ZipFile(bundle / "autograder.zip") as z:
            names = z.namelist()
            self.assertIn("setup.sh", names)
            self.assertIn("run_autograder", names)
            z.extractall(a / "source")
        for p in (a / "source").rglob("*"):  # zipfile drops the modes
            if p.name in ("setup.sh", "run_autograder", "workbook"):
                p.chmod(0o755)
        shutil.copy(a / "source" / "run_autograder", a / "run_autograder")
        env = dict(os.environ, AUTOGRADER_ROOT=str(a))
        r = subprocess.run(["bash", str(a / "source" / "setup.sh")], env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
        self.assertEqual(r.returncode, 0, r.stdout[-3000:])
        for name, src, want in (("honest", ROOT / "solutions" / CH / "conditional_score.cpp", 3),
                                ("forged", FIXTURES / "forge_json" / "conditional_score.cpp", 0)):
            sub = a / "submission"
            shutil.rmtree(sub, ignore_errors=True)
            sub.mkdir()
            shutil.copy(src, sub / "conditional_score.cpp")
            r = subprocess.run(["bash", str(a / "run_autograder")], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
            self.assertEqual(r.returncode, 0, r.stdout)
            doc = json.loads((a / "results" / "results.json").read_text())
            self.assertEqual(doc["score"], want, (name, doc.get("output")))
            self.assertEqual(len(doc["tests"]), 3)
            for t in doc["tests"]:
                self.assertTrue({"name", "score", "max_score", "status", "output"} <= set(t))
        # Without a sandbox it refuses, and says so in results.json.
        r = subprocess.run(["bash", str(a / "run_autograder")], env=dict(env, WB_SANDBOX_BWRAP="/bin/false"),
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        doc = json.loads((a / "results" / "results.json").read_text())
        self.assertEqual(doc["score"], 0)
        self.assertIn("without a sandbox", doc["output"])
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
