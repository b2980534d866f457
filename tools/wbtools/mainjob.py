"""The main job (`./workbook all`): build, run every chapter, weave the book, and
print a summary table; and `./workbook bench`."""
import json
import subprocess
import sys
import time
from pathlib import Path

from . import common

USAGE = """usage: ./workbook all [--quick] [--seed N] [--chapter NN ...] [--no-book]

Builds the workbook (CMake preset 'default'), runs every chapter against the
reference solutions (figures and checks.json land in figures/NN_topic/), weaves
the book into book/ and prints one line per chapter: checks passed/failed,
controls rejected/accepted, wall time. Exit status 1 if any check failed, any
control was accepted or the book has errors.

  --quick        small sample sizes (what CI runs)
  --seed N       random seed passed to every chapter
  --chapter NN   run only chapter NN (repeatable)
  --no-book      skip weaving the book
"""


def parse(args):
    o = {"quick": False, "seed": None, "chapters": [], "book": True}
    it = iter(args)
    for a in it:
        if a in ("-h", "--help"):
            print(USAGE)
            return None
        if a == "--quick":
            o["quick"] = True
        elif a == "--no-book":
            o["book"] = False
        elif a in ("--seed", "--chapter"):
            v = next(it, None)
            if v is None:
                common.die(f"{a} needs a value")
            if a == "--seed":
                if not v.isdigit():
                    common.die(f"--seed needs a non-negative integer, got '{v}'")
                o["seed"] = v
            else:
                if not v.isdigit():
                    common.die(f"--chapter needs a chapter number like 13, got '{v}'")
                o["chapters"].append(v.zfill(2))
        else:
            common.die(f"all: unknown argument '{a}' (see ./workbook all --help)")
    return o


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
    print("\n" + "chapter".ljust(26) + "checks passed  failed  controls rejected  accepted  skipped  wall time")
    for r in rows:
        if r.get("missing"):
            print(f"{r['dir']:<26}{'(no report: the chapter crashed, exit ' + str(r['rc']) + ')':<62}{r['wall']:6.2f} s")
            continue
        print(f"{r['dir']:<26}{r['passed']:>13}  {r['failed']:>6}  {r['rejected']:>17}  {r['accepted']:>8}"
              f"  {r['skipped_sections']:>7}  {r['wall']:6.2f} s")
    tot = {k: sum(r.get(k, 0) for r in rows) for k in ("passed", "failed", "rejected", "accepted")}
    print(f"{'total':<26}{tot['passed']:>13}  {tot['failed']:>6}  {tot['rejected']:>17}  {tot['accepted']:>8}"
          f"  {'':>7}  {sum(r['wall'] for r in rows):6.2f} s")


def main(cmd, args):
    if cmd == "bench":
        return bench(args)
    o = parse(args)
    if o is None:
        return 0
    chapters = common.chapter_dirs()
    if o["chapters"]:
        known = {nn for nn, _ in chapters}
        for nn in o["chapters"]:
            if nn not in known:
                common.die(f"--chapter {nn}: no such chapter ({', '.join(sorted(known))})")
        chapters = [c for c in chapters if c[0] in o["chapters"]]
    t0 = time.monotonic()
    bd = build("default", [f"ch{nn}" for nn, _ in chapters])
    rows = run_chapters(bd, chapters, o["quick"], o["seed"])
    book_rc = 0
    if o["book"]:
        from . import book
        print("\n== book ==", flush=True)
        book_rc = book.main("book", [])
    print_table(rows)
    bad = [r for r in rows if r["rc"] not in (0,) or r.get("missing")]
    print(f"\nfigures: {common.ROOT / 'figures'}" + (f"   book: {common.ROOT / 'book' / 'index.html'}" if o["book"] else ""))
    print(f"main job: {len(rows) - len(bad)} chapters passed, {len(bad)} failed, {time.monotonic() - t0:.0f} s")
    return 1 if bad or book_rc else 0


def bench(args):
    if args and args[0] in ("-h", "--help"):
        print("usage: ./workbook bench [Google Benchmark flags, e.g. --benchmark_filter=Euler]")
        return 0
    bd = build("default", ["bench_common"])
    exe = bd / "bin" / "bench_common"
    return subprocess.run([str(exe), *args]).returncode
