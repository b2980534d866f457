"""Grading one submission, assuming it is hostile (README, "Grading").

prepare() builds the trusted parts once: a copy of the tree without solutions/
(tests, headers, hints, the test main, the probes), configured and built with the
pristine stubs, plus the reference probes in the instructor's own build. grade()
then takes a submission's X.cpp files and, in sandboxes (sandbox.py) with the
trusted build mounted read-only, compiles each, checks its symbols, links it with
the trusted objects, runs every test in its own sandbox, and runs its probe; the
reference probe judges the probe's values outside the sandbox. A test scores 1 only
if GoogleTest reports it passed *and* the hidden check passed.
"""
import hashlib
import json
import os
import re
import secrets
import shlex
import shutil
import stat
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import catalog, common, exgen, sandbox

MAX_SOURCE = 1 << 20        # a submitted file above this size is refused
MAX_MESSAGE = 10_000        # characters kept per test's output
MAX_REPORT = 1_000_000      # characters of a whole results.json
MAX_READ = 4 << 20          # bytes read back from a sandbox's file (report, values)
BUILD_LIMITS = sandbox.Limits(timeout=180, memory=4 << 30, processes=32, file_size=256 << 20, output=64 << 10)
FORBIDDEN_PREFIXES = ("testing::", "wb::", "std::", "__gnu_cxx::")
# What the trusted build is made of (never solutions/); its hash names the build.
TRUSTED_PARTS = ("CMakeLists.txt", "CMakePresets.json", "cmake", "common", "exercises", "chapters", "tools/grading")
SPECIAL = re.compile(r"^(?:vtable|typeinfo|typeinfo name|VTT|construction vtable|guard variable) for ")


@dataclass
class Trusted:
    root: Path       # the instructor's tree (with solutions/)
    dir: Path        # work/trusted-KEY: tree/ and build/
    key: str
    info: dict       # per exercise: compile, link_test, link_probe, lib, tests, ref_probe

    @property
    def tree(self):
        return self.dir / "tree"

    @property
    def build(self):
        return self.dir / "build"


def _tree_key(tree):
    h = hashlib.sha256()
    for p in sorted(tree.rglob("*")):
        if p.is_file() and not p.is_symlink():
            h.update(p.relative_to(tree).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def _link_line(bd, target):
    r = common.run(["ninja", "-C", str(bd), "-t", "commands", target], check=False, capture=True)
    lines = [ln for ln in (r.stdout or "").splitlines() if f"-o bin/{target} " in ln]
    if r.returncode != 0 or not lines:
        common.die(f"cannot read the link command of {target} from {bd}")
    line = lines[-1].strip()
    line = re.sub(r"^:\s*&&\s*", "", line)
    line = re.sub(r"\s*&&\s*:\s*$", "", line)
    return shlex.split(line)


def prepare(root, work, only=(), log=None):
    """The trusted build for grading root's exercises (all, or only those of the
    chapters "NN" and ids "NN.k" in only), reused while the tree is unchanged."""
    from .instructor import copy_tree
    root, work = Path(root).resolve(), Path(work).resolve()
    if not (root / "solutions").is_dir():
        common.die("grading needs solutions/: the reference solutions judge the hidden checks")
    work.mkdir(parents=True, exist_ok=True)
    os.chmod(work, 0o755)
    incoming = Path(tempfile.mkdtemp(prefix="incoming-", dir=work))
    for rel in TRUSTED_PARTS:
        src = root / rel
        if src.is_dir():
            copy_tree(src, incoming / "tree" / rel)
        elif src.is_file():
            (incoming / "tree" / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, incoming / "tree" / rel)
    key = _tree_key(incoming / "tree")
    tdir = work / f"trusted-{key}"
    ready = tdir / f"ready-{'_'.join(sorted(only)) or 'all'}.json"
    if ready.exists():
        shutil.rmtree(incoming)
        return Trusted(root, tdir, key, json.loads(ready.read_text(encoding="utf-8")))
    if tdir.is_dir():
        shutil.rmtree(incoming)
    else:
        for old in work.glob("trusted-*"):
            shutil.rmtree(old, ignore_errors=True)
        os.chmod(incoming, 0o755)
        incoming.rename(tdir)
    if log:
        print(f"building the trusted grading tree in {tdir} (once per version of the tests) ...", file=log, flush=True)
    bd = catalog.build_dir(tdir / "tree", tdir / "build")
    exs = [e for e in catalog.exercises(tdir / "tree") if not only or e.nn in only or e.id in only]
    if not exs:
        common.die("no exercises to grade")
    targets = [t for e in exs for t in (e.target, f"probe_ex{e.nn}_{e.x}")]
    ok, out = catalog.build(bd, targets, keep_going=True, timeout=7200)
    if not ok:
        common.die("the pristine tree does not build:\n" + catalog.compiler_messages(out, 20, root=tdir / "tree"))
    ref_bd = common.existing_build(root)
    ok, out = catalog.build(ref_bd, [f"probe_sol{e.nn}_{e.x}" for e in exs], keep_going=True, timeout=7200)
    if not ok:
        common.die("the reference probes do not build:\n" + catalog.compiler_messages(out, 20, root=root))
    commands = {c["file"]: c["command"] for c in json.loads((bd / "compile_commands.json").read_text())}
    info = {}
    for e in exs:
        src = str(tdir / "tree" / "exercises" / e.dirname / f"{e.x}.cpp")
        names = catalog.list_tests(catalog.executable(bd, e.target))
        if not names:
            common.die(f"cannot list the tests of {e.name}")
        info[e.name] = {
            "id": e.id, "dirname": e.dirname, "x": e.x,
            "compile": shlex.split(commands[src]), "source": src,
            "lib": f"libex{e.nn}_{e.x}.a",
            "link_test": _link_line(bd, e.target), "link_probe": _link_line(bd, f"probe_ex{e.nn}_{e.x}"),
            "tests": names, "ref_probe": str(catalog.executable(ref_bd, f"probe_sol{e.nn}_{e.x}")),
        }
    exgen.write_atomic(ready, json.dumps(info, indent=1) + "\n")
    return Trusted(root, tdir, key, info)


# ---- reading a submission ----------------------------------------------------------

def _refusal(sub, path):
    """Why path (under sub) may not be read: a symbolic link anywhere from sub down to
    it, not a regular file, or too large; None if it may (or does not exist)."""
    rel = Path(path).relative_to(sub)
    for k in range(len(rel.parts)):
        p = Path(sub, *rel.parts[:k + 1])
        try:
            st = p.lstat()
        except FileNotFoundError:
            return None
        if stat.S_ISLNK(st.st_mode):
            return f"{Path(*rel.parts[:k + 1]).as_posix()} is a symbolic link"
    if not stat.S_ISREG(st.st_mode):
        return f"{rel.as_posix()} is not a regular file"
    if st.st_size > MAX_SOURCE:
        return f"{rel.as_posix()} is larger than {MAX_SOURCE // 1024} kB"
    return None


def read_submission(sub, info):
    """{exercise name: bytes or None}, {exercise name: note}, [submission-wide flags]."""
    sub = Path(sub)
    if sub.is_symlink() or not sub.is_dir():
        common.die(f"--submission {sub}: not a folder (symbolic links are refused)")
    base = sub / "exercises" if (sub / "exercises").is_dir() and not (sub / "exercises").is_symlink() else sub
    xs = [i["x"] for i in info.values()]
    files, notes, flags = {}, {}, []
    if (sub / "exercises").is_symlink():
        flags.append("refused exercises: it is a symbolic link")
    for name, i in info.items():
        cands = [base / i["dirname"] / f"{i['x']}.cpp"]
        if xs.count(i["x"]) == 1:
            cands.append(base / f"{i['x']}.cpp")  # uploaded flat (Gradescope)
        data = None
        for c in cands:
            why = _refusal(sub, c)
            if why:
                notes[name] = f"refused: {why}; graded as the stub"
                flags.append(f"refused {why}")
                break
            if c.is_file():
                data = c.read_bytes()
                break
        files[name] = data
        if data is None and name not in notes:
            notes[name] = f"not submitted (exercises/{i['dirname']}/{i['x']}.cpp); graded as the stub"
    return files, notes, sorted(set(flags))


# ---- one submission ------------------------------------------------------------------

def _read_back(path, limit=MAX_READ):
    """A file the sandbox wrote: only a regular file (no symlink), at most limit bytes."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
            return None
        data = f.read(limit + 1)
    return None if len(data) > limit else data


def _clip(text, limit=MAX_MESSAGE):
    return text if len(text) <= limit else text[:limit] + f"\n... (cut at {limit} characters)"


def forbidden_symbols(nm_output):
    """Defined symbols a submission may not have: main, GoogleTest's, or strong
    definitions in the workbook's or the standard library's namespaces."""
    bad = set()
    for line in nm_output.splitlines():
        m = re.match(r"^[0-9a-fA-F]*\s+([A-Za-z])\s+(.+)$", line)
        if not m:
            continue
        kind, name = m.group(1), SPECIAL.sub("", m.group(2))
        if name == "main" or name.startswith("testing::"):
            bad.add(name.split("(")[0])
        elif kind in "TDBRGS" and name.startswith(FORBIDDEN_PREFIXES):
            bad.add(name.split("(")[0])
    return sorted(bad)


def wall_clock(timeout):
    """The wall-clock limit of a run allowed `timeout` s of CPU time: CPU time stops loops
    whatever the load; the wall clock only stops sleepers, so it leaves room for a busy machine."""
    return 2 * timeout + 5


class Submission:
    """The sandboxed build and runs of one submission in its own fresh folder."""

    def __init__(self, trusted, box, folder, timeout, seed):
        self.t, self.box, self.dir, self.timeout, self.seed = trusted, box, Path(folder), timeout, seed
        self.runs = 0

    def clean(self, text):
        for p, short in ((self.t.tree, "workbook"), (self.t.build, "build"), (self.dir, "submission")):
            text = text.replace(str(p) + "/", short + "/").replace(str(p), short)
        return text

    def compile(self, name, data):
        """Compiles one exercise file; returns (object path or None, message, flags)."""
        i = self.t.info[name]
        key = hashlib.sha256(f"{self.t.key}\0{name}\0".encode() + data).hexdigest()
        cached = self.t.dir / "objects" / f"{key}.o"
        src = self.dir / "src" / i["dirname"] / f"{i['x']}.cpp"
        src.parent.mkdir(parents=True, exist_ok=True)
        src.write_bytes(data)
        obj = self.box.writable(self.dir / "obj" / i["x"]) / f"{i['x']}.o"
        if cached.exists():
            shutil.copyfile(cached, obj)
        else:
            cmd = list(i["compile"])
            cmd[cmd.index("-o") + 1] = str(obj)
            cmd[cmd.index(i["source"])] = str(src)
            r = self.box.run(cmd, ro=[self.t.tree, self.t.build, src.parent], rw=[obj.parent], cwd=self.t.build,
                             limits=BUILD_LIMITS)
            if r.returncode != 0 or r.timed_out:
                msg = catalog.compiler_messages(self.clean(r.output), 40) or f"the compiler stopped ({r.returncode})"
                flags = list(r.flags)
                if re.search(r"fatal error: /\S+: No such file", r.output):
                    flags.append("includes a file by absolute path (outside the workbook)")
                return None, _clip("does not compile:\n" + msg), flags
            # Safe to share: the object was copied before any of the student's code ran.
            data_o = _read_back(obj, 256 << 20)
            if data_o is None:
                return None, "does not compile: no object file", ["no object file"]
            cached.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=cached.parent, suffix=".tmp")  # unique: --class compiles in parallel
            with os.fdopen(fd, "wb") as f:
                f.write(data_o)
            os.replace(tmp, cached)
        r = self.box.run(["nm", "--defined-only", "-C", str(obj)], ro=[obj.parent], limits=sandbox.Limits(timeout=60, output=1 << 20))
        bad = forbidden_symbols(r.output)
        if bad:
            return None, ("refused: the file defines " + ", ".join(bad[:5]) +
                          " (a submission may not define main(), GoogleTest or workbook symbols)"), \
                ["defines forbidden symbols: " + ", ".join(bad[:5])]
        return obj, "", []

    def link(self, name, obj, which):
        i = self.t.info[name]
        out = self.box.writable(self.dir / "bin" / i["x"]) / which
        cmd = list(i[f"link_{which}"])
        cmd[cmd.index("-o") + 1] = str(out)
        cmd[cmd.index(i["lib"])] = str(obj)
        r = self.box.run(cmd, ro=[self.t.tree, self.t.build, obj.parent], rw=[out.parent], cwd=self.t.build,
                         limits=BUILD_LIMITS)
        if r.returncode != 0 or r.timed_out:
            return None, "does not link:\n" + _clip(catalog.compiler_messages(self.clean(r.output), 30), 4000)
        return out, ""

    def sandboxed(self, exe, args):
        """Runs exe in its own sandbox with a fresh writable folder; returns (Result, folder)."""
        self.runs += 1
        out = self.box.writable(self.dir / "run" / str(self.runs))
        limits = sandbox.Limits(timeout=wall_clock(self.timeout), cpu=self.timeout, memory=2 << 30, processes=64,
                                file_size=16 << 20, output=MAX_MESSAGE)
        r = self.box.run([exe, *args], ro=[exe.parent], rw=[out], cwd=out, limits=limits)
        return r, out

    def gtest(self, exe, test):
        """(passed, message, flags) of one test, from the JSON report its run wrote."""
        r, out = self.sandboxed(exe, [f"--gtest_filter={test}", "--gtest_output=json:report.json", "--gtest_color=no"])
        flags = list(r.flags)
        data = _read_back(out / "report.json")
        try:
            doc = json.loads(data) if data else None
        except ValueError:
            doc = None
        entry = None
        for suite in (doc or {}).get("testsuites", []) if isinstance(doc, dict) else []:
            for t in suite.get("testsuite", []) if isinstance(suite, dict) else []:
                if isinstance(t, dict) and f"{suite.get('name')}.{t.get('name')}" == test:
                    entry = t
        console = self.clean(r.output.strip())
        if r.timed_out:
            return False, f"ran out of time ({self.timeout:g} s of CPU, {wall_clock(self.timeout):g} s on the clock; an infinite loop?)", flags
        if entry is None:
            why = catalog.describe_status(r.returncode) or f"exit status {r.returncode}"
            flags.append("no test report (the program ended before its tests ran, or wrote none)")
            return False, _clip(f"the test did not report ({why})\n{console}".strip()), flags
        fails = [str(f.get("failure", "")) for f in entry.get("failures", []) if isinstance(f, dict)]
        passed = not fails and entry.get("result") == "COMPLETED" and entry.get("status") == "RUN" and r.returncode == 0
        if not passed and not fails:
            fails = [catalog.describe_status(r.returncode) or f"exit status {r.returncode}"]
        return passed, _clip(self.clean("\n".join(fails))), flags

    def probe(self, name, exe):
        """(passed, message, flags) of the hidden check."""
        r, out = self.sandboxed(exe, ["emit", str(self.seed), "values.txt"])
        if r.timed_out:
            return False, f"the hidden check ran out of time ({self.timeout:g} s of CPU, {wall_clock(self.timeout):g} s on the clock)", list(r.flags)
        if r.returncode != 0:
            last = self.clean(r.output.strip()).splitlines()[-1:] or [catalog.describe_status(r.returncode)]
            return False, _clip("the hidden check did not finish: " + last[0], 2000), list(r.flags)
        data = _read_back(out / "values.txt")
        if data is None:
            return False, "the hidden check wrote no values", list(r.flags) + ["hidden check: no values"]
        with tempfile.NamedTemporaryFile(prefix="wb-values-") as f:  # the judge reads the grader's own copy
            f.write(data)
            f.flush()
            j = subprocess.run([self.t.info[name]["ref_probe"], "judge", str(self.seed), f.name],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=120)
        verdict = j.stdout.strip()
        if j.returncode == 0 and verdict == "ok":
            return True, "", []
        return False, _clip("hidden check on random inputs: " + verdict, 2000), []


def grade(trusted, submission, timeout, work, seed=None, log=None):
    """Grades one submission folder; returns the results document (Gradescope format)."""
    files, notes, sub_flags = read_submission(submission, trusted.info)
    seed = secrets.randbits(63) if seed is None else seed
    (Path(work) / "submissions").mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="s-", dir=Path(work) / "submissions"))
    os.chmod(folder, 0o755)
    tests, summary = [], []
    try:
        with sandbox.session() as box:
            s = Submission(trusted, box, folder, timeout, seed)
            for name, i in trusted.info.items():
                tests_i, line = grade_exercise(s, name, i, files[name], notes.get(name, ""))
                tests += tests_i
                summary.append(line)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    score = sum(t["score"] for t in tests)
    total = sum(t["max_score"] for t in tests)
    flags = sub_flags + sorted({f for t in tests for f in t["extra_data"]["flags"]})
    out = "\n".join(summary + [f"flagged: {f}" for f in sub_flags])
    doc = {"score": score, "max_score": total, "output": _clip(out, 100_000), "visibility": "visible",
           "stdout_visibility": "hidden", "tests": tests, "extra_data": {"flags": flags}}
    if len(json.dumps(doc)) > MAX_REPORT:
        for t in tests:
            t["output"] = _clip(t["output"], 1000)
    return doc


def grade_exercise(s, name, i, data, note):
    """The test entries and the summary line of one exercise."""
    if data is None:
        data = (exgen.pristine(s.t.root, i["dirname"], i["x"]) or "").encode("utf-8")
    obj, msg, flags = s.compile(name, data)
    exes = {}
    if obj:
        for which in ("test", "probe"):
            exes[which], msg = s.link(name, obj, which)
            if not exes[which]:
                break
    probe_ok, probe_msg, probe_flags = (False, "", [])
    if obj and all(exes.values()):
        probe_ok, probe_msg, probe_flags = s.probe(name, exes["probe"])
    entries = []
    got = 0
    for test in i["tests"]:
        if not (obj and all(exes.values())):
            passed, text, tflags = False, msg, list(flags)
        else:
            passed, text, tflags = s.gtest(exes["test"], test)
            if passed and not probe_ok:
                tflags.append("the visible test passed but the hidden check failed")
            text = "\n".join(x for x in (text, probe_msg) if x)
            tflags += probe_flags
            passed = passed and probe_ok
        if note:
            text = (note + "\n" + text).strip()
        got += passed
        entries.append({"name": f"{name}: {test}", "number": i["id"], "score": 1 if passed else 0, "max_score": 1,
                        "status": "passed" if passed else "failed", "output": _clip(text),
                        "visibility": "visible", "extra_data": {"flags": sorted(set(tflags))}})
    built = bool(obj and all(exes.values()))
    line = f"{name}: {got}/{len(i['tests'])}"
    if built:
        line += "; hidden check " + ("passed" if probe_ok else "failed")
    why = note or ("" if built else msg.splitlines()[0])
    return entries, line + (f" ({why})" if why else "")
