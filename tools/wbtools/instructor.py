"""The instructor's commands:

    ./workbook grade [--submission DIR | --class DIR] [--out PATH] [--timeout S] [--work DIR] [CHAPTER ...]
    ./workbook autograder DIR [CHAPTER ...]     (the Gradescope bundle: autograder.py)
    ./workbook student-edition DIR

grade assumes a hostile submission (README, "Grading"). It takes only the exercise
sources X.cpp out of the submission and compiles, links and runs them in a
bubblewrap sandbox (sandbox.py), one fresh scratch folder per submission, against
a trusted build of the pristine tree without solutions/ (tests, headers, the test
main and the probes, built once and mounted read-only). A test scores only when
  * its GoogleTest run (one sandbox per test) reports it passed, and
  * the exercise's hidden check passes: the probe, linked with the student's code,
    computes the exercise on inputs drawn from a secret per-submission seed; the
    reference probe, run outside the sandbox, recomputes them and compares.
The first is feedback the student's process could forge; the second it cannot,
short of computing the right answers. A submission that defines main(), GoogleTest
or workbook symbols scores 0 for that exercise and is flagged.

--class DIR grades every folder of DIR as one student's submission, in parallel,
into OUT/STUDENT/results.json and OUT/gradebook.csv, and resumes where it stopped.
"""
import concurrent.futures
import csv
import hashlib
import io
import json
import math
import re
import shutil
import sys
from pathlib import Path

from . import common, exgen, grader, sandbox

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


def check_only(chapters, timeout):
    if not (math.isfinite(timeout) and timeout > 0):
        common.die(f"--timeout {timeout:g}: give a positive number of seconds")
    for c in chapters:
        if not re.fullmatch(r"\d\d(\.\d+)?", c) or not any(d[0] == c[:2] for d in common.chapter_dirs(common.ROOT, "exercises")):
            common.die(f"no chapter or exercise '{c}' (give NN or NN.k)")


def check_args(a, class_mode):
    """Every flag checked before anything is built or written (one line, exit 2)."""
    check_only(a.chapters, a.timeout)
    if a.work and Path(a.work).exists() and not Path(a.work).is_dir():
        common.die(f"--work {a.work}: not a folder")
    out = Path(a.out)
    if class_mode:
        if out.exists() and not out.is_dir():
            common.die(f"--out {out}: not a folder (with --class, --out is where the results go)")
    else:
        if out.is_dir():
            common.die(f"--out {out}: is a folder; give the file to write, e.g. {out / 'results.json'}")
        if not out.parent.is_dir():
            common.die(f"--out {out}: the folder {out.parent} does not exist")


def write_results(doc, out):
    exgen.write_atomic(Path(out), json.dumps(doc, indent=2, ensure_ascii=False) + "\n")


def grade(root, submission, out="results.json", timeout=10.0, chapters=(), work=None, log=sys.stdout, seed=None):
    """Grades one submission (or, without one, this tree's own exercises) into out."""
    root = Path(root)
    try:
        sandbox.check()
    except sandbox.Unavailable as e:
        common.die(str(e))
    work = Path(work or root / "build" / "grading")
    trusted = grader.prepare(root, work, chapters, log)
    try:
        doc = grader.grade(trusted, submission or root / "exercises", timeout, work, seed=seed, log=log)
    except sandbox.Unavailable as e:
        raise common.Stopped(f"grading stopped, nothing written: {e}") from None
    write_results(doc, out)
    print(doc["output"], file=log)
    print(f"score {doc['score']:g}/{doc['max_score']:g}; wrote {out}", file=log)
    return 0


def _digest(folder):
    h = hashlib.sha256()
    for p in sorted(Path(folder).rglob("*")):
        if p.is_file() and not p.is_symlink() and p.stat().st_size <= grader.MAX_SOURCE:
            h.update(p.relative_to(folder).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
        elif p.is_symlink():
            h.update(b"link:" + p.relative_to(folder).as_posix().encode())
    return h.hexdigest()


def grade_class(root, folder, out="grades", timeout=10.0, chapters=(), work=None, log=sys.stdout, seed=None):
    """Every folder of `folder` is one student: OUT/STUDENT/results.json and OUT/gradebook.csv.
    A student whose results exist for the same submission is not graded again."""
    root, folder, out = Path(root), Path(folder), Path(out)
    if not folder.is_dir():
        common.die(f"--class {folder}: no such folder")
    try:
        sandbox.check()
    except sandbox.Unavailable as e:
        common.die(str(e))
    students = sorted(d for d in folder.iterdir() if d.is_dir() and not d.name.startswith("."))
    symlinked = sorted(d.name for d in folder.iterdir() if d.is_symlink())
    work = Path(work or root / "build" / "grading")
    trusted = grader.prepare(root, work, chapters, log)
    out.mkdir(parents=True, exist_ok=True)
    todo = []
    for d in students:
        if d.is_symlink():
            continue
        mark = out / d.name / "submission.sha256"
        if (out / d.name / "results.json").exists() and mark.exists() and mark.read_text().strip() == _digest(d):
            continue
        todo.append(d)
    print(f"grading {len(todo)} of {len(students)} submissions ({len(students) - len(todo)} already graded) ...",
          file=log, flush=True)

    def one(d):
        doc = grader.grade(trusted, d, timeout, work, seed=seed)
        write_results(doc, out / d.name / "results.json")
        exgen.write_atomic(out / d.name / "submission.sha256", _digest(d) + "\n")
        return d.name, doc

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, int(common.jobs()))) as pool:
        try:
            for name, doc in pool.map(one, todo):
                print(f"  {name}: {doc['score']:g}/{doc['max_score']:g}" +
                      (f" (flagged: {'; '.join(doc['extra_data']['flags'])})" if doc["extra_data"]["flags"] else ""),
                      file=log, flush=True)
        except sandbox.Unavailable as e:
            pool.shutdown(cancel_futures=True)  # the students not yet started would only fail the same way
            raise common.Stopped(f"grading stopped: {e}; the students graded so far are kept, run again to "
                                 "grade the rest") from None
    rows = []
    for d in students:
        if d.is_symlink():
            continue
        doc = json.loads((out / d.name / "results.json").read_text(encoding="utf-8"))
        per = {}
        for t in doc["tests"]:
            ex = t["name"].split(":")[0]
            g = per.setdefault(ex, [0, 0, set()])
            g[0] += t["score"]
            g[1] += t["max_score"]
            g[2] |= set(t.get("extra_data", {}).get("flags", []))
        for ex, (sc, mx, fl) in per.items():
            rows.append([d.name, ex, f"{sc:g}", f"{mx:g}", "; ".join(sorted(fl))])
        rows.append([d.name, "total", f"{doc['score']:g}", f"{doc['max_score']:g}",
                     "; ".join(doc["extra_data"]["flags"])])
    for name in symlinked:
        rows.append([name, "total", "0", "", "refused: the submission folder is a symbolic link"])
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["student", "exercise", "score", "max", "flags"])
    w.writerows(rows)
    exgen.write_atomic(out / "gradebook.csv", buf.getvalue())
    print(f"wrote {out / 'gradebook.csv'} ({len(students)} students)", file=log)
    return 0


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
    if cmd == "autograder":
        from . import autograder
        return autograder.main(args)
    if cmd == "student-edition":
        ap = exgen.ArgParser(prog="./workbook student-edition",
                                     description="Write a copy of the workbook without solutions/.")
        ap.add_argument("dir")
        a = ap.parse_args(args)
        return student_edition(common.ROOT, a.dir)
    ap = exgen.ArgParser(prog="./workbook grade", description="Grade submissions in a sandbox (Gradescope format).")
    src = ap.add_mutually_exclusive_group()
    src.add_argument("--submission", help="a student's workbook (or its exercises/ folder, or the .cpp files)")
    src.add_argument("--class", dest="klass", metavar="DIR", help="a folder with one submission folder per student")
    src.add_argument("--prepare", action="store_true", help="only build the trusted tree and the reference "
                                                            "(the autograder's setup.sh)")
    ap.add_argument("--out", help="the results file (default ./results.json); with --class the folder for "
                                  "STUDENT/results.json and gradebook.csv (default ./grades)")
    ap.add_argument("--timeout", type=float, default=10.0, help="CPU seconds allowed per test run (default 10; the wall clock allows twice that plus 5 s)")
    ap.add_argument("--work", help="folder for the trusted build and the scratch folders (default build/grading); "
                                   "each submission gets a fresh folder in it, removed afterwards")
    ap.add_argument("chapters", nargs="*", help="grade only these chapters or exercises (e.g. 13, 13.2)")
    a = ap.parse_args(args)
    a.out = a.out or ("grades" if a.klass else "results.json")
    check_args(a, bool(a.klass))
    chapters = tuple(a.chapters)
    if a.prepare:
        try:
            sandbox.check()
        except sandbox.Unavailable as e:
            print(f"workbook: warning: {e}", file=sys.stderr)  # run_autograder will refuse to grade
        grader.prepare(common.ROOT, Path(a.work or common.ROOT / "build" / "grading"), chapters, sys.stdout)
        print("the trusted grading tree and the reference probes are built")
        return 0
    if a.klass:
        return grade_class(common.ROOT, a.klass, a.out, a.timeout, chapters, a.work)
    return grade(common.ROOT, a.submission, a.out, a.timeout, chapters, a.work)
