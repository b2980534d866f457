"""The main job (`./workbook all`): build, run every chapter, weave the book, and
print a summary table."""
import json
import subprocess
import sys
import time
from pathlib import Path

from . import common

DESCRIPTION = """Builds the workbook (CMake preset 'default'), runs every chapter against the
reference solutions (figures and checks.json land in figures/NN_topic/), weaves
the book into book/ and prints one line per chapter: checks passed/failed,
controls rejected/accepted, wall time. Exit status 1 if any check failed, any
control was accepted or the book has errors.

With --compare nothing under figures/ is written: every chapter runs into
build/compare/ and each committed data file, report and script is compared with
what this machine computes; a file whose numbers differ by more than 1e-9
relative (or whose text differs otherwise) is listed, and the exit status is 1."""


def parser():
    from .exgen import ArgParser
    import argparse
    ap = ArgParser(prog="./workbook all", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small sample sizes (what CI runs)")
    ap.add_argument("--seed", type=seed_arg, help="random seed passed to every chapter")
    ap.add_argument("--chapter", action="append", default=[], type=chapter_arg, metavar="NN",
                    help="run only chapter NN (repeatable)")
    ap.add_argument("--no-book", dest="book", action="store_false", help="skip weaving the book")
    ap.add_argument("--compare", action="store_true",
                    help="regenerate into build/compare/ and report committed files whose numbers differ")
    return ap


def seed_arg(v):
    if not (v.isascii() and v.isdigit()) or int(v) >= 2 ** 64:
        raise __import__("argparse").ArgumentTypeError(f"needs a decimal integer 0 <= N < 2^64, got '{v}'")
    return v


def chapter_arg(v):
    if not (v.isascii() and v.isdigit()) or len(v) > 2:
        raise __import__("argparse").ArgumentTypeError(f"needs a chapter number like 13, got '{v}'")
    return v.zfill(2)


def build(preset, targets=None):
    bd = common.configure(common.ROOT, preset)
    cmd = ["cmake", "--build", str(bd), "-j", common.jobs()]
    if targets:
        cmd += ["--target", *targets]
    print(f"== building ({preset}) ==", flush=True)
    t0 = time.monotonic()
    r = subprocess.run(cmd, cwd=common.ROOT)
    if r.returncode != 0:
        common.die(f"the build failed (preset {preset}); see the compiler messages above")
    print(f"   built in {time.monotonic() - t0:.0f} s", flush=True)
    return bd


def run_chapters(bd, chapters, quick=False, seed=None, out_root=None, extra=()):
    """Runs each chapter; returns rows for the summary table."""
    rows = []
    for nn, dirname in chapters:
        exe = bd / "bin" / f"ch{nn}"
        out = (out_root or common.ROOT / "figures") / dirname
        cmd = [str(exe), "--out", str(out), *extra]
        if quick:
            cmd.append("--quick")
        if seed is not None:
            cmd += ["--seed", str(seed)]
        print(f"\n== chapter {nn} ({dirname}) ==", flush=True)
        t0 = time.monotonic()
        rc = subprocess.run(cmd).returncode
        wall = time.monotonic() - t0
        row = {"chapter": nn, "dir": dirname, "rc": rc, "wall": wall}
        try:
            s = json.loads((out / "checks.json").read_text())["summary"]
            row.update(s)
        except (OSError, ValueError, KeyError):
            row["missing"] = True
        rows.append(row)
    return rows


def print_table(rows):
    # errors: records that could not be judged (NaN, se = 0, holds fed a random number) plus
    # sections that threw or figures that failed; a chapter with any is not a pass.
    print("\n" + "chapter".ljust(30) + "checks passed  failed  controls rejected  accepted  errors  skipped  wall time")
    for r in rows:
        if r.get("missing"):
            print(f"{r['dir']:<30}{'(no report: the chapter crashed, exit ' + str(r['rc']) + ')':<70}{r['wall']:6.2f} s")
            continue
        print(f"{r['dir']:<30}{r['passed']:>13}  {r['failed']:>6}  {r['rejected']:>17}  {r['accepted']:>8}"
              f"  {errors(r):>6}  {r['skipped_sections']:>7}  {r['wall']:6.2f} s")
    tot = {k: sum(r.get(k, 0) for r in rows) for k in ("passed", "failed", "rejected", "accepted")}
    print(f"{'total':<30}{tot['passed']:>13}  {tot['failed']:>6}  {tot['rejected']:>17}  {tot['accepted']:>8}"
          f"  {sum(errors(r) for r in rows if not r.get('missing')):>6}  {'':>7}  {sum(r['wall'] for r in rows):6.2f} s")


def errors(row):
    return row.get("check_errors", 0) + row.get("errors", 0)


def main(cmd, args):
    o = parser().parse_args(args)
    chapters = common.chapter_dirs()
    if o.chapter:
        known = {nn for nn, _ in chapters}
        for nn in o.chapter:
            if nn not in known:
                common.die(f"--chapter {nn}: no such chapter ({', '.join(sorted(known))})")
        chapters = [c for c in chapters if c[0] in o.chapter]
    t0 = time.monotonic()
    bd = build("default", [f"ch{nn}" for nn, _ in chapters])
    if o.compare:
        return compare(bd, chapters, o)
    rows = run_chapters(bd, chapters, o.quick, o.seed)
    book_rc = 0
    if o.book:
        from . import book
        print("\n== book ==", flush=True)
        book_rc = book.main("book", [])
    print_table(rows)
    bad = [r for r in rows if r["rc"] not in (0,) or r.get("missing")]
    print(f"\nfigures: {common.ROOT / 'figures'}" + (f"   book: {common.ROOT / 'book' / 'index.html'}" if o.book else ""))
    print(f"main job: {len(rows) - len(bad)} chapters passed, {len(bad)} failed, {time.monotonic() - t0:.0f} s")
    return 1 if bad or book_rc else 0


def compare(bd, chapters, o):
    """Runs the chapters into build/compare/ and compares with figures/ (figcompare)."""
    import shutil
    from . import figcompare
    scratch = bd.parent / "compare"
    shutil.rmtree(scratch, ignore_errors=True)
    rows = run_chapters(bd, chapters, o.quick, o.seed, out_root=scratch)
    print("\n== compare with figures/ ==")
    n_bad = 0
    for (nn, dirname), row in zip(chapters, rows):
        problems, rendered = figcompare.compare_dirs(common.ROOT / "figures" / dirname, scratch / dirname)
        n_bad += len(problems)
        for rel, why in problems:
            print(f"figures/{dirname}/{rel.as_posix()}: {why}")
        print(f"chapter {nn}: {len(problems)} files differ" +
              (f" ({rendered} rendered SVG/PNG files differ in bytes)" if rendered else ""))
    print(f"compare: {n_bad} committed files differ beyond {figcompare.RTOL:g} relative "
          f"(this machine's run is in {scratch})")
    return 1 if n_bad or any(r["rc"] != 0 for r in rows) else 0

