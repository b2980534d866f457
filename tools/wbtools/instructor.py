"""The instructor's commands:

    ./workbook grade [--submission DIR] [--out results.json] [--timeout S] [CHAPTER ...]
    ./workbook student-edition DIR

grade runs every exercise test on the student variant and writes results.json in
Gradescope's format. With --submission it copies only the exercise source files
(exercises/NN_topic/X.cpp for each X with an X_test.cpp; DIR may be a whole
workbook, its exercises/ folder, or the X.cpp files side by side) into a fresh
copy of this tree with pristine tests, headers and hints, and builds there, so an
edited test cannot change the grade. Each test runs alone with a time limit, so an
infinite loop fails that test instead of hanging the grader; a file that does not
compile scores 0 for its exercise and the others are still graded.

student-edition writes a copy of the workbook without solutions/ (nor build/,
.git, book/) whose exercises are the pristine stubs; CMake then links every
chapter against the exercises.
"""
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path

from . import catalog, common, exgen

TEST_RE = re.compile(r"^\s*(?:TEST|TEST_F)\s*\(\s*(\w+)\s*,\s*(\w+)\s*\)", re.M)
# Never copied into a grading tree or a student edition.
TOP_EXCLUDE = {"build", ".git", "book", ".cache", ".notes", "results.json"}
ANY_EXCLUDE = {"__pycache__", ".backup"}


def copy_tree(src, dst, exclude_top=()):
    src, dst = Path(src), Path(dst)
    skip_top = TOP_EXCLUDE | set(exclude_top)

    def ignore(folder, names):
        rel = Path(folder).resolve().relative_to(src.resolve())
        out = {n for n in names if n in ANY_EXCLUDE or n.endswith(".tmp")}
        if rel == Path("."):
            out |= {n for n in names if n in skip_top}
        return out

    shutil.copytree(src, dst, ignore=ignore, symlinks=True, dirs_exist_ok=True)


def source_tests(ex):
    """Test names parsed from the test source (used when the exercise does not compile)."""
    text = ex.test_path.read_text(encoding="utf-8", errors="replace")
    return [f"{a}.{b}" for a, b in TEST_RE.findall(text)]


def submission_folder(sub):
    """The exercises/ folder of a submission: DIR/exercises or DIR itself."""
    sub = Path(sub)
    if not sub.is_dir():
        common.die(f"--submission {sub}: no such folder")
    return sub / "exercises" if (sub / "exercises").is_dir() else sub


def prepare_grading_tree(root, sub, work):
    """Fresh copy of root (without solutions/) in work/tree with the submission's
    exercise files; returns (tree, notes)."""
    tree = Path(work) / "tree"
    if tree.exists():
        shutil.rmtree(tree)
    copy_tree(root, tree, exclude_top={"solutions", "figures"})
    src = submission_folder(sub)
    notes = {}
    exs = catalog.exercises(tree)
    unique = {x for x in (e.x for e in exs) if sum(e.x == x for e in exs) == 1}
    for ex in exs:
        f = src / ex.dirname / f"{ex.x}.cpp"
        if not f.exists() and ex.x in unique:
            f = src / f"{ex.x}.cpp"  # files uploaded flat (Gradescope's submission folder)
        if f.is_file() and not f.is_symlink():
            data = f.read_bytes()
        else:
            stub = exgen.pristine(root, ex.dirname, ex.x)
            data = (stub or "").encode("utf-8")
            notes[ex.name] = f"not submitted ({ex.rel()}); graded as the stub"
        # Written afresh (new mtime) so a reused build folder recompiles it.
        dest = tree / "exercises" / ex.dirname / f"{ex.x}.cpp"
        dest.unlink(missing_ok=True)
        dest.write_bytes(data)
    return tree, notes


def grade(root, submission=None, out="results.json", timeout=10.0, chapters=(), work=None, log=sys.stdout):
    root = Path(root)
    notes = {}
    tmp = None
    if submission:
        if work is None:
            tmp = tempfile.TemporaryDirectory(prefix="wb-grade-")
            work = tmp.name
        work = Path(work).resolve()
        work.mkdir(parents=True, exist_ok=True)
        tree, notes = prepare_grading_tree(root, submission, work)
        bd = catalog.build_dir(tree, work / "build")
    else:
        tree = root
        bd = common.configure(root)
    try:
        exs = [e for e in catalog.exercises(tree) if not chapters or e.nn in chapters]
        if not exs:
            common.die("no exercises to grade")
        print(f"grading {len(exs)} exercises (build in {bd}) ...", file=log, flush=True)
        catalog.build(bd, [e.target for e in exs], keep_going=True, timeout=3600)
        tests, summary = [], []
        for ex in exs:
            ok, blog = catalog.build(bd, [ex.target], timeout=1200)
            if not ok:
                names = source_tests(ex) or ["(all tests)"]
                msg = "does not compile:\n" + (catalog.compiler_messages(blog, 30, root=tree) or blog[-3000:])
                if ex.name in notes:
                    msg = notes[ex.name] + "\n" + msg
                for n in names:
                    tests.append(entry(ex, n, False, msg))
                summary.append((ex, 0, len(names), "does not compile"))
                continue
            exe = catalog.executable(bd, ex.target)
            names = catalog.list_tests(exe) or source_tests(ex) or ["(all tests)"]
            got = 0
            for n in names:
                res = catalog.run_tests(exe, gtest_filter=n, timeout=timeout, expected=[n])
                t = next((r for r in res.tests if r.name == n), None)
                passed = bool(t and t.passed and not res.timed_out)
                text = "" if passed else "\n".join(t.messages if t else ["did not run"])
                if res.timed_out:
                    text = f"timed out after {timeout:g} s (an infinite loop?)"
                text = text.replace(str(tree) + "/", "")
                if ex.name in notes:
                    text = (notes[ex.name] + "\n" + text).strip()
                tests.append(entry(ex, n, passed, text))
                got += passed
            summary.append((ex, got, len(names), notes.get(ex.name, "")))
        score = sum(t["score"] for t in tests)
        total = sum(t["max_score"] for t in tests)
        lines = [f"{ex.name}: {g}/{m}" + (f" ({note})" if note else "") for ex, g, m, note in summary]
        doc = {"score": score, "max_score": total, "output": "\n".join(lines), "tests": tests}
        outp = Path(out)
        exgen.write_atomic(outp, json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
        for line in lines:
            print("  " + line, file=log)
        print(f"score {score:g}/{total:g}; wrote {outp}", file=log)
        return 0
    finally:
        if tmp:
            tmp.cleanup()


def entry(ex, test, passed, output):
    return {"name": f"{ex.name}: {test}", "number": ex.id, "score": 1 if passed else 0, "max_score": 1,
            "status": "passed" if passed else "failed", "output": output}


def student_edition(root, dest, log=sys.stdout):
    root, dest = Path(root), Path(dest)
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        common.die(f"{dest} is not empty; the student edition goes into a new or empty folder")
    if dest.resolve().is_relative_to(root.resolve()):
        common.die(f"{dest} is inside the workbook; choose a folder outside it")
    try:
        outputs, _ = exgen.plan(root) if (root / "solutions").is_dir() else ({}, [])
    except exgen.MarkerError as err:
        common.die(f"cannot compile solutions/: {err}")
    copy_tree(root, dest, exclude_top={"solutions"})
    # The handed-out exercises are the pristine stubs, whatever is in this tree.
    if outputs:
        for rel, o in outputs.items():
            exgen.write_atomic(dest / "exercises" / rel, o["content"])
        for d, text in exgen.manifest_texts(outputs).items():
            exgen.write_atomic(exgen.manifest_path(dest, d), text)
    n = sum(1 for _ in dest.rglob("*") if _.is_file())
    print(f"wrote the student edition to {dest} ({n} files, no solutions/)", file=log)
    print(f"students start with: cd {dest} && ./workbook list", file=log)
    return 0


def main(cmd, args):
    if cmd == "student-edition":
        ap = exgen.ArgParser(prog="./workbook student-edition",
                                     description="Write a copy of the workbook without solutions/.")
        ap.add_argument("dir")
        a = ap.parse_args(args)
        return student_edition(common.ROOT, a.dir)
    ap = exgen.ArgParser(prog="./workbook grade", description="Grade the exercises (Gradescope format).")
    ap.add_argument("--submission", help="a student's workbook (or its exercises/ folder) to grade")
    ap.add_argument("--out", default="results.json", help="where to write the results (default ./results.json)")
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds allowed per test (default 10)")
    ap.add_argument("--work", help="folder for the grading copy and its build (default: a temporary folder; "
                                   "reusing one makes the next grade faster)")
    ap.add_argument("chapters", nargs="*", help="grade only these chapters (e.g. 13)")
    a = ap.parse_args(args)
    return grade(common.ROOT, a.submission, a.out, a.timeout, tuple(c[:2] for c in a.chapters), a.work)
