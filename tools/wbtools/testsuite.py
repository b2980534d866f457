"""The whole test suite (`./workbook test`), which CI runs through .ci/run.

Steps, each reported with its time:
  1. exercises/ is what the compiler makes of solutions/ (no stale exercise)
  2. build everything with warnings as errors (preset 'ci')
  3. ctest: unit tests, exercise tests (solutions pass, stubs fail, mutants are caught), chapters --quick
  4. the exercise report: counts of exercises and tests, passing on solutions, failing on stubs,
     mutants caught
  5. the tools' own tests (compiler, runner, grading, isolation, the book in Chromium)
  6. address + undefined sanitizers over the unit tests, exercise tests (not mutants) and chapters --quick
The last line reads 'suite: N passed, M failed' (N counts every test that ran).
"""
import re
import subprocess
import sys
import time

from . import common

USAGE = """usage: ./workbook test [--fast] [--no-sanitize] [--only STEP]

  --fast          skip the slow steps (tools' integration tests, sanitizers)
  --no-sanitize   skip the sanitizer build
  --only STEP     run one step: stale, build, ctest, verify, tools, sanitize
"""

STEPS = ["stale", "build", "ctest", "verify", "tools", "sanitize"]


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


def count_ctest(out):
    m = re.search(r"(\d+)% tests passed, (\d+) tests? failed out of (\d+)", out)
    if not m:
        return 0, 0
    failed, total = int(m.group(2)), int(m.group(3))
    return total - failed, failed


def count_unittest(out):
    ran = re.search(r"^Ran (\d+) tests?", out, re.M)
    n = int(ran.group(1)) if ran else 0
    bad = re.search(r"^FAILED \((.*)\)", out, re.M)
    failed = 0
    if bad:
        for part in bad.group(1).split(","):
            k, _, v = part.strip().partition("=")
            if k in ("failures", "errors"):
                failed += int(v)
    return n - failed, failed


def main(cmd, args):
    fast = "--fast" in args
    sanitize = not fast and "--no-sanitize" not in args
    only = None
    rest = [a for a in args if a not in ("--fast", "--no-sanitize")]
    if rest and rest[0] in ("-h", "--help"):
        print(USAGE)
        return 0
    if rest:
        if rest[0] != "--only" or len(rest) != 2 or rest[1] not in STEPS:
            common.die(f"test: unexpected arguments {' '.join(rest)} (see ./workbook test --help)")
        only = rest[1]

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

    if want("build") or want("ctest") or want("verify"):
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
        rc, out = stream(["ctest", "--preset", "ci", "-j", jobs])
        p, f = t.add(rc, *count_ctest(out))
        t.step("ctest (ci)", rc == 0, time.monotonic() - t0, f"{p} passed, {f} failed")

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
        rc, out = stream([sys.executable, "-m", "unittest", "discover", "-s", "tools/tests", "-t", ".", "-v"])
        p, f = t.add(rc, *count_unittest(out))
        t.step("tools' tests", rc == 0, time.monotonic() - t0, f"{p} passed, {f} failed")

    if want("sanitize"):
        print("\n== 6. address + undefined sanitizers: unit tests, exercises, chapters --quick ==", flush=True)
        t0 = time.monotonic()
        bd = common.configure(common.ROOT, "sanitize", quiet=False)
        rc, _ = stream(["cmake", "--build", str(bd), "-j", jobs])
        if rc == 0:
            env = dict(__import__("os").environ, ASAN_OPTIONS="detect_leaks=0:abort_on_error=1",
                       UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1")
            # Mutants are proved in the ci build (step 3); under the sanitizers they would only cost time.
            rc, out = stream(["ctest", "--preset", "sanitize", "-j", jobs, "-LE", "mutants"], env=env)
            t.add(rc, *count_ctest(out))
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
