"""The whole test suite (`./workbook test`), which CI runs through .ci/run.

Steps, each reported with its time:
  1. exercises/ is what the compiler makes of solutions/ (no stale exercise)
  2. build everything with warnings as errors (preset 'ci')
  3. ctest on that build: unit tests, exercise tests (stubs fail, solutions pass), mutants
     caught, chapters --quick; then every chapter on seeds 1–20 --quick
  4. the exercise report (./workbook verify): the same proof, as a table per exercise
  5. the tools' own tests (compiler, runner, grading, isolation, the book in Chromium)
  6. address + undefined sanitizers (-O1) over the unit tests, exercise tests (not mutants) and
     chapters --quick, building only what those tests run (target `tested`)
The last line reads 'suite: N passed, M failed' (N counts every test that ran).
"""
import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import common

STEPS = ["stale", "build", "ctest", "seeds", "verify", "tools", "sanitize"]
SWEEP = ["--count", "20", "--quick"]  # a seed-tuned check cannot land


class Tally:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.steps = []

    def count(self, ok):
        if ok:
            self.passed += 1
        else:
            self.failed += 1

    def add(self, rc, passed, failed):
        """Adds a runner's counts; a nonzero exit with no failed test still counts as one failure."""
        self.passed += passed
        self.failed += failed + (1 if rc != 0 and failed == 0 else 0)
        return passed, failed

    def step(self, name, ok, secs, detail=""):
        self.steps.append((name, ok, secs, detail))
        print(f"-- {name}: {'ok' if ok else 'FAILED'} ({secs:.0f} s){'  ' + detail if detail else ''}", flush=True)


def stream(cmd, env=None):
    """Runs cmd, echoing its output, and returns (returncode, output)."""
    p = subprocess.Popen(cmd, cwd=common.ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                         env=env, bufsize=1)
    out = []
    for line in p.stdout:
        sys.stdout.write(line)
        out.append(line)
    p.wait()
    return p.returncode, "".join(out)


def count_junit(path):
    """(passed, failed) from ctest's JUnit XML (--output-junit); a test that did
    not run (not built, a missing executable) counts as failed."""
    import xml.etree.ElementTree as ET
    try:
        cases = ET.parse(path).getroot().iter("testcase")
    except (OSError, ET.ParseError):
        return 0, 0
    passed = failed = 0
    for c in cases:
        if c.get("status") == "run" and c.find("failure") is None and c.find("error") is None:
            passed += 1
        elif c.get("status") != "disabled":
            failed += 1
    return passed, failed


def count_json(path):
    """(passed, failed) from the counts the tools' test runner writes (unitrun)."""
    try:
        c = json.loads(Path(path).read_text(encoding="utf-8"))
        return c["passed"], c["failed"]
    except (OSError, ValueError, KeyError):
        return 0, 0


def parser():
    from .exgen import ArgParser
    ap = ArgParser(prog="./workbook test", description="The whole test suite (what CI runs).")
    ap.add_argument("--fast", action="store_true", help="skip the slow steps (tools' integration tests, sanitizers)")
    ap.add_argument("--no-sanitize", action="store_true", help="skip the sanitizer build")
    ap.add_argument("--only", choices=STEPS, metavar="STEP", help="run one step: " + ", ".join(STEPS))
    return ap


def main(cmd, args):
    o = parser().parse_args(args)
    fast, only = o.fast, o.only
    # The suite runs a job a core; OpenBLAS's own threads would spin against them.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    sanitize = not fast and not o.no_sanitize
    scratch = Path(tempfile.mkdtemp(prefix="wb-suite-"))  # the runners' JUnit XML and JSON counts
    atexit.register(shutil.rmtree, scratch, True)

    def want(step):
        return only == step if only else (step != "tools" or not fast) and (step != "sanitize" or sanitize)

    t = Tally()
    t_all = time.monotonic()
    jobs = common.jobs()

    if want("stale"):
        print("\n== 1. exercises/ is generated from solutions/ ==", flush=True)
        t0 = time.monotonic()
        rc, _ = stream([sys.executable, str(common.ROOT / "tools" / "workbook.py"), "generate", "--check"])
        t.step("stale exercises", rc == 0, time.monotonic() - t0)
        t.count(rc == 0)

    if want("build") or want("ctest") or want("seeds") or want("verify"):
        print("\n== 2. build, warnings as errors (preset ci) ==", flush=True)
        t0 = time.monotonic()
        bd = common.configure(common.ROOT, "ci", quiet=False)
        rc, _ = stream(["cmake", "--build", str(bd), "-j", jobs])
        t.step("build (ci)", rc == 0, time.monotonic() - t0)
        if rc != 0:
            t.failed += 1
            return finish(t, t_all)

    if want("ctest"):
        print("\n== 3. ctest: unit, exercises, chapters --quick ==", flush=True)
        t0 = time.monotonic()
        rc, out = stream(["ctest", "--preset", "ci", "-j", jobs, "--output-junit", str(scratch / "ci.xml")])
        p, f = t.add(rc, *count_junit(scratch / "ci.xml"))
        t.step("ctest (ci)", rc == 0, time.monotonic() - t0, f"{p} passed, {f} failed")

    if want("seeds"):
        print("\n== 3b. the chapters hold on seeds 1–20 (--quick) ==", flush=True)
        t0 = time.monotonic()
        rc, _ = stream([sys.executable, str(common.ROOT / "tools" / "workbook.py"), "seeds", *SWEEP, "--no-build",
                        "--build-dir", str(common.build_dir(common.ROOT, "ci"))])
        t.step("seed sweep", rc == 0, time.monotonic() - t0)
        t.count(rc == 0)

    if want("verify"):
        print("\n== 4. every exercise test fails on its stub and passes on its solution; mutants are caught ==",
              flush=True)
        t0 = time.monotonic()
        rc, _ = stream([sys.executable, str(common.ROOT / "tools" / "workbook.py"), "verify", "--build-dir",
                        str(common.build_dir(common.ROOT, "ci"))])
        t.step("exercise report", rc == 0, time.monotonic() - t0)
        t.count(rc == 0)

    if want("tools"):
        print("\n== 5. the tools' tests (compiler, runner, grading, isolation, book) ==", flush=True)
        t0 = time.monotonic()
        rc, out = stream([sys.executable, str(common.ROOT / "tools" / "wbtools" / "unitrun.py"),
                          str(scratch / "tools.json")])
        p, f = t.add(rc, *count_json(scratch / "tools.json"))
        t.step("tools' tests", rc == 0, time.monotonic() - t0, f"{p} passed, {f} failed")

    if want("sanitize"):
        print("\n== 6. address + undefined sanitizers: unit tests, exercises, chapters --quick ==", flush=True)
        t0 = time.monotonic()
        bd = common.configure(common.ROOT, "sanitize", quiet=False)
        selection = ["-LE", "mutants"]  # mutants are proved in the ci build (step 3)
        # Only what those tests run (target `tested`): not the probes or the student editions.
        rc, _ = stream(["cmake", "--build", str(bd), "-j", jobs, "--target", "tested"])
        if rc == 0:
            env = dict(__import__("os").environ, ASAN_OPTIONS="detect_leaks=0:abort_on_error=1",
                       UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1")
            rc, out = stream(["ctest", "--preset", "sanitize", "-j", jobs, *selection, "--output-junit",
                              str(scratch / "sanitize.xml")], env=env)
            t.add(rc, *count_junit(scratch / "sanitize.xml"))
        else:
            t.failed += 1
        t.step("sanitizers", rc == 0, time.monotonic() - t0)

    return finish(t, t_all)


def finish(t, t_all):
    print("\n== summary ==")
    for name, ok, secs, detail in t.steps:
        print(f"  {'ok    ' if ok else 'FAILED'}  {name:<20} {secs:6.0f} s  {detail}")
    print(f"  total {time.monotonic() - t_all:.0f} s")
    ok = all(s[1] for s in t.steps) and t.failed == 0
    print(f"suite: {t.passed} passed, {t.failed} failed")
    return 0 if ok else 1
