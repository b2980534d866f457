"""What the runner, the grader and verify share: the list of exercises (with ids
and titles from HINTS.md), building one target, and running a GoogleTest
executable into per-test results.

An exercise is exercises/NN_topic/X_test.cpp with its file X.cpp; its id
("13.2") and title come from the heading "## 13.2 X — Title" of
exercises/NN_topic/HINTS.md (else from the generation manifest or the markers).
"""
import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import common, exgen

HEADING_RE = re.compile(r"^##[ \t]+(\d\d)\.(\d+)[ \t]+([A-Za-z_]\w*)[ \t]*(?:[—–-]+[ \t]*(.*?))?[ \t]*$")
MARK_RE = re.compile(r"//[ \t]*(?:EXERCISE|BEGIN SOLUTION)[ \t]+(\d\d)\.(\d+)[ \t]+([A-Za-z_]\w*)")
NOT_IMPLEMENTED = "is not implemented yet"


@dataclass
class Exercise:
    root: Path
    dirname: str  # "13_ou_scores"
    x: str        # "conditional_score"
    k: int        # 2 (999 when unknown)
    title: str

    @property
    def nn(self):
        return self.dirname[:2]

    @property
    def id(self):  # "13.2"
        return f"{self.nn}.{self.k}" if self.k != 999 else f"{self.nn}.?"

    @property
    def name(self):  # "13.2 conditional_score"
        return f"{self.id} {self.x}"

    @property
    def path(self):
        return self.root / "exercises" / self.dirname / f"{self.x}.cpp"

    @property
    def test_path(self):
        return self.root / "exercises" / self.dirname / f"{self.x}_test.cpp"

    @property
    def solution_path(self):
        return self.root / "solutions" / self.dirname / f"{self.x}.cpp"

    @property
    def target(self):
        return f"test_ex{self.nn}_{self.x}"

    @property
    def sol_target(self):
        return f"test_sol{self.nn}_{self.x}"

    def rel(self, p=None):
        return (p or self.path).relative_to(self.root).as_posix()


def hints(root, dirname):
    """{X: (k, title, text)} from exercises/dirname/HINTS.md."""
    p = Path(root) / "exercises" / dirname / "HINTS.md"
    if not p.exists():
        return {}
    out, cur, body = {}, None, []
    for line in p.read_text(encoding="utf-8").splitlines():
        m = HEADING_RE.match(line)
        if m or line.startswith("## ") or line.startswith("# "):
            if cur:
                out[cur[0]] = (cur[1], cur[2], "\n".join(body).strip())
            cur, body = ((m.group(3), int(m.group(2)), (m.group(4) or "").strip()) if m else None), []
        elif cur:
            body.append(line)
    if cur:
        out[cur[0]] = (cur[1], cur[2], "\n".join(body).strip())
    return out


def exercises(root=common.ROOT):
    """Every exercise, in chapter and id order."""
    root = Path(root)
    manifest = None
    out = []
    for dirname, x in exgen.exercise_tests(root):
        h = hints(root, dirname).get(x)
        k, title = (h[0], h[1]) if h else (999, "")
        if not h:
            if manifest is None:
                manifest = exgen.load_manifest(root)
            ident = (manifest.get(f"{dirname}/{x}.cpp") or {}).get("exercise")
            if not ident:
                for p in (root / "exercises" / dirname / f"{x}.cpp", root / "solutions" / dirname / f"{x}.cpp"):
                    m = MARK_RE.search(p.read_text(encoding="utf-8", errors="replace")) if p.exists() else None
                    if m:
                        ident = f"{m.group(1)}.{m.group(2)} {m.group(3)}"
                        break
            if ident:
                k = int(ident.split(" ")[0].split(".")[1])
        out.append(Exercise(root, dirname, x, k, title))
    out.sort(key=lambda e: (e.dirname, e.k, e.x))
    return out


def resolve(arg, root=common.ROOT):
    """Exercises named by arg: "13.2", "13.2 conditional_score", "conditional_score",
    "exercises/13_ou_scores/conditional_score.cpp", or a chapter "13" / "13_ou_scores"."""
    all_ = exercises(root)
    a = arg.strip()
    if a.endswith(".cpp"):
        a = Path(a).name[:-4]
        if a.endswith("_test"):
            a = a[:-5]
    chapter = [e for e in all_ if a in (e.nn, e.dirname, f"ch{e.nn}")]
    if chapter:
        return chapter
    hit = [e for e in all_ if a in (e.id, e.name, e.x)]
    if not hit:
        known = ", ".join(e.id for e in all_) or "none"
        common.die(f"no exercise '{arg}' (exercises: {known}; or a chapter number)")
    return hit


def file_key(ex):
    """Hash of everything an exercise's result depends on in its folder."""
    h = hashlib.sha256()
    folder = ex.root / "exercises" / ex.dirname
    for p in [ex.path, ex.test_path] + sorted(folder.glob("*.hpp")):
        h.update(p.name.encode() + b"\0")
        h.update(p.read_bytes() if p.exists() else b"<missing>")
    return h.hexdigest()


def is_pristine(ex):
    """True when the student's file is still the generated stub."""
    if not ex.path.exists():
        return False
    current = ex.path.read_bytes()
    entry = exgen.load_manifest(ex.root).get(f"{ex.dirname}/{ex.x}.cpp")
    if entry and exgen.sha256(current) == entry["sha256"]:
        return True
    try:
        stub = exgen.pristine(ex.root, ex.dirname, ex.x)
    except exgen.MarkerError:
        return False
    return stub is not None and stub.encode("utf-8") == current


# ---- building -------------------------------------------------------------------

def build_dir(root=common.ROOT, given=None):
    """The build folder: `given` (configured if needed) or build/default."""
    if given:
        bd = Path(given).resolve()
        if not (bd / "CMakeCache.txt").exists():
            # The preset's generator and build type, in another folder.
            r = common.run(["cmake", "--preset", "default", "-B", str(bd)], cwd=root, check=False, capture=True)
            if r.returncode != 0:
                sys.stderr.write(r.stdout or "")
                common.die(f"cmake configure of {bd} failed")
        return bd
    return common.configure(root)


def build(bd, targets, keep_going=False, timeout=None):
    """Builds targets; returns (ok, output)."""
    cmd = ["cmake", "--build", str(bd), "--target", *targets, "-j", common.jobs()]
    if keep_going:
        cmd += ["--", "-k", "0"]
    try:
        r = common.run_group(cmd, timeout=timeout)  # a Ctrl-C ends ninja and the compilers too
    except subprocess.TimeoutExpired:
        return False, f"the build did not finish within {timeout} s"
    return r.returncode == 0, r.stdout or ""


def compiler_messages(output, limit=40, root=None):
    """The compiler's diagnostics from a build log, without ninja's noise (paths
    relative to root when given)."""
    if root:
        output = output.replace(str(root) + "/", "")
    keep = []
    for line in output.splitlines():
        s = line.strip()
        if (not s or re.match(r"^\[\d+/\d+\]", s) or s.startswith("FAILED:") or s.startswith("ninja:")
                or s.startswith("-- ") or s.startswith("Re-running CMake")
                or re.match(r"^(/\S*)?(c\+\+|g\+\+|clang\+\+|cc|gcc|ld)\b.* -o ", s) or "-MD -MT" in s
                or s.startswith("gmake") or s.startswith("Change Dir")):
            continue
        keep.append(line)
    if len(keep) > limit:
        keep = keep[:limit] + [f"... ({len(keep) - limit} more lines)"]
    return "\n".join(keep)


def executable(bd, name):
    for p in (Path(bd) / name, Path(bd) / "bin" / name):
        if p.exists():
            return p
    hits = sorted(Path(bd).rglob(name))
    hits = [h for h in hits if h.is_file() and os.access(h, os.X_OK)]
    return hits[0] if hits else Path(bd) / name


# ---- running GoogleTest ----------------------------------------------------------

@dataclass
class TestResult:
    name: str          # "Suite.Test"
    passed: bool
    messages: list     # failure messages (file:line + gtest's text)


@dataclass
class RunResult:
    tests: list        # [TestResult]
    returncode: int
    output: str
    timed_out: bool = False
    crashed: str = ""  # "" or a description ("killed by SIGSEGV")

    @property
    def all_passed(self):
        return bool(self.tests) and all(t.passed for t in self.tests) and not self.timed_out and not self.crashed

    @property
    def n_passed(self):
        return sum(t.passed for t in self.tests)


def list_tests(exe, timeout=60):
    """Test names of a gtest executable ("Suite.Test") from GoogleTest's JSON listing
    (--gtest_list_tests with --gtest_output=json), or None if it cannot run."""
    fd, js = tempfile.mkstemp(prefix="wb-gtest-list-", suffix=".json")
    os.close(fd)
    try:
        r = subprocess.run([str(exe), "--gtest_list_tests", f"--gtest_output=json:{js}"], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=timeout)
        if r.returncode != 0:
            return None
        with open(js, encoding="utf-8") as f:
            doc = json.load(f)
        return [f"{suite['name']}.{t['name']}" for suite in doc.get("testsuites", [])
                for t in suite.get("testsuite", [])]
    except (OSError, ValueError, KeyError, subprocess.TimeoutExpired):
        return None
    finally:
        if os.path.exists(js):
            os.unlink(js)


def describe_status(rc):
    if rc < 0:
        try:
            return f"killed by {signal.Signals(-rc).name}"
        except ValueError:
            return f"killed by signal {-rc}"
    return ""


def run_tests(exe, gtest_filter=None, timeout=60, expected=None):
    """Runs a gtest executable and returns a RunResult. Tests that did not report
    (a crash or a timeout) count as failed; `expected` names every test that
    should appear (from list_tests)."""
    fd, js = tempfile.mkstemp(prefix="wb-gtest-", suffix=".json")
    os.close(fd)
    os.unlink(js)
    cmd = [str(exe), f"--gtest_output=json:{js}", "--gtest_color=no"]
    if gtest_filter:
        cmd.append(f"--gtest_filter={gtest_filter}")
    timed_out = False
    try:
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                             errors="replace", start_new_session=True)
        try:
            out, _ = p.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            os.killpg(p.pid, signal.SIGKILL)
            out, _ = p.communicate()
        except BaseException:  # Ctrl-C: the test runs in its own session, so stop it here
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
            raise
        rc = p.returncode
    except OSError as e:
        return RunResult([], 127, f"cannot run {exe}: {e}", crashed="cannot run")
    tests = {}
    try:
        with open(js, encoding="utf-8") as f:
            doc = json.load(f)
        for suite in doc.get("testsuites", []):
            for t in suite.get("testsuite", []):
                name = f"{suite['name']}.{t['name']}"
                if t.get("status") == "NOTRUN":
                    continue
                msgs = [fl.get("failure", "") for fl in t.get("failures", [])]
                ok = not msgs and t.get("result", "COMPLETED") == "COMPLETED"
                if t.get("result") == "SKIPPED":
                    msgs = msgs or ["the test was skipped"]
                tests[name] = TestResult(name, ok, msgs)
    except (OSError, ValueError):
        # No report: a crash or a timeout. Recover what the console shows.
        running = None
        for line in out.splitlines():
            m = re.match(r"^\[\s*(RUN|OK|FAILED)\s*\] (\S+)", line)
            if not m:
                continue
            kind, name = m.group(1), m.group(2)
            if kind == "RUN":
                running = name
            elif name == running:
                tests[name] = TestResult(name, kind == "OK", [] if kind == "OK" else ["failed (see output)"])
                running = None
        if running:
            why = f"timed out after {timeout} s (an infinite loop?)" if timed_out else (
                describe_status(rc) or f"the test program stopped with status {rc}")
            tests[running] = TestResult(running, False, [why])
    finally:
        if os.path.exists(js):
            os.unlink(js)
    for name in expected or []:
        if name not in tests and (not gtest_filter or gtest_filter == name):
            why = "timed out" if timed_out else (describe_status(rc) or "did not run")
            tests[name] = TestResult(name, False, [f"did not report ({why})"])
    crashed = describe_status(rc) if not timed_out else ""
    order = {n: i for i, n in enumerate(expected or [])}
    res = sorted(tests.values(), key=lambda t: (order.get(t.name, len(order)), t.name))
    return RunResult(res, rc, out, timed_out=timed_out, crashed=crashed)


# ---- the student's progress (cached by file contents) ---------------------------

def state_path(bd):
    return Path(bd) / "workbook-state.json"


def load_states(bd):
    try:
        return json.loads(state_path(bd).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def save_state(bd, ex, key, state):
    s = load_states(bd)
    s[ex.name] = {"key": key, "state": state}
    try:
        exgen.write_atomic(state_path(bd), json.dumps(s, indent=1, sort_keys=True) + "\n")
    except OSError:
        pass


def colour(text, code, stream=sys.stdout):
    if stream.isatty() and not os.environ.get("NO_COLOR"):
        return f"\033[{code}m{text}\033[0m"
    return text
