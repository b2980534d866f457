"""The seed sweep (`./workbook seeds`): do a chapter's checks hold on every seed?

Runs chapter binaries over N consecutive seeds, in parallel on the available cores,
with `--no-plots --json` (nothing under figures/ is touched), and prints per chapter
the seeds that failed and, per claim, how often it failed, its worst statistic and the
number of failures its nominal false-alarm rate predicts. A chapter passes the sweep
when it fails on at most floor(N/200) of N seeds (1 in 200: 199 of 200, none of 20).
"""
import argparse
import json
import math
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import common
from . import report as reportschema

# The two-sided false-alarm rate of |z| <= 4, which every Monte Carlo check is held to
# (wb/critical.hpp); a one-sided claim at its boundary fails at half of it.
ALPHA = math.erfc(4 / math.sqrt(2))
NOMINAL = {"monte_carlo": ALPHA, "less": ALPHA / 2, "greater": ALPHA / 2, "within": ALPHA / 2}
# Checks that meet their bound from below (stat <= tol) and those from above (stat >= tol).
AT_MOST = {"exact", "gradient", "monte_carlo"}


def allowed_failures(count):
    """Seeds a chapter may fail on out of `count`: 1 in 200."""
    return count // 200


@dataclass
class Claim:
    section: str
    index: int
    claim: str
    kind: str
    control: bool
    failures: list = field(default_factory=list)  # (seed, record)


@dataclass
class Sweep:
    name: str
    runs: dict = field(default_factory=dict)      # seed -> (status, report or None, message)
    claims: dict = field(default_factory=dict)    # (section, index) -> Claim
    mc_checks: float = 0.0                         # Σ nominal rates over one run's checks

    def failed_seeds(self):
        return sorted(s for s, (status, _, _) in self.runs.items() if status not in (0, 3))


# One BLAS thread a run: the sweep already runs one seed a core, and OpenBLAS's spinning
# threads would only take CPU from the other runs.
SERIAL_BLAS = dict(os.environ, OPENBLAS_NUM_THREADS=os.environ.get("OPENBLAS_NUM_THREADS", "1"))


def run_one(binary, seed, quick, only):
    cmd = [str(binary), "--seed", str(seed), "--no-plots", "--json", "--jobs", "1"]  # the seeds fill the cores
    if quick:
        cmd.append("--quick")
    if only:
        cmd += ["--only", ",".join(only)]
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=3600,
                           env=SERIAL_BLAS)
    except (OSError, subprocess.TimeoutExpired) as e:
        return seed, -1, None, str(e)
    try:
        data = json.loads(p.stdout)
    except json.JSONDecodeError:
        tail = (p.stderr.strip().splitlines() or [""])[-1]
        return seed, p.returncode, None, f"exit {p.returncode}, no report: {tail}"
    problems = reportschema.validate(data)
    if problems:
        return seed, p.returncode, None, f"exit {p.returncode}, invalid report: {problems[0]}"
    return seed, p.returncode, data, ""


def worse(kind, control, a, b):
    """True if record a is further on the failing side than record b."""
    if a.get("stat") is None:
        return b.get("stat") is not None
    if b.get("stat") is None:
        return False
    at_most = kind in AT_MOST
    # A failing check went over (≤ kinds) or under (≥ kinds) its bound; an accepted control the other way.
    bigger_is_worse = at_most != control
    return a["stat"] > b["stat"] if bigger_is_worse else a["stat"] < b["stat"]


def collect(sweep, seed, status, data, message):
    sweep.runs[seed] = (status, data, message)
    if data is None:
        return
    nominal = 0.0
    for sec in data["sections"]:
        for i, c in enumerate(sec["checks"]):
            key = (sec["id"], i)
            cl = sweep.claims.setdefault(key, Claim(sec["id"], i, c["claim"], c["kind"], c["control"]))
            if not c["control"]:
                nominal += NOMINAL.get(c["kind"], 0.0)
            if not c["ok"]:
                cl.failures.append((seed, c))
    sweep.mc_checks = max(sweep.mc_checks, nominal)


def describe(cl, count):
    worst_seed, worst = cl.failures[0]
    for seed, c in cl.failures[1:]:
        if worse(cl.kind, cl.control, c, worst):
            worst_seed, worst = seed, c
    role = "control" if cl.control else "check"
    if worst["verdict"] == "error":
        stat = "error"
    else:
        name = {"monte_carlo": "|z|", "exact": "rel", "gradient": "rel"}.get(cl.kind, "z")
        cmp = ("≤" if cl.kind in AT_MOST else "≥")
        stat = f"{name} {worst['stat']:.3g} ({cmp} {worst['tol']:.3g})" if cl.kind != "holds" else "predicate"
    # A check's nominal failures over the sweep; exact claims and predicates have none.
    nominal = f"; nominal {count * NOMINAL[cl.kind]:.2g}" if not cl.control and cl.kind in NOMINAL else ""
    detail = f" [{worst['detail']}]" if worst.get("detail") else ""
    return (f"    {len(cl.failures):4d} × {cl.section} #{cl.index + 1} ({role}, {cl.kind}) {cl.claim}\n"
            f"           worst: {stat} at seed {worst_seed}{detail}{nominal}")


def summarise(sweep, first, count, quick, out=sys.stdout):
    failed = sweep.failed_seeds()
    allowed = allowed_failures(count)
    ok = len(failed) <= allowed
    mode = "--quick" if quick else "default run"
    passed = count - len(failed)
    print(f"\n{sweep.name}: seeds {first}–{first + count - 1}, {mode}: passed on {passed}/{count} "
          f"({'ok' if ok else 'FAILED'}: at most {allowed} may fail)", file=out)
    print(f"  nominal false alarms: {count * sweep.mc_checks:.2g} expected failing check-runs over {count} seeds "
          f"(α = {ALPHA:.2g} per two-sided Monte Carlo check, α/2 one-sided)", file=out)
    if failed:
        print("  failed seeds: " + " ".join(str(s) for s in failed), file=out)
    broken = [(s, m) for s, (st, d, m) in sorted(sweep.runs.items()) if d is None]
    for s, m in broken[:5]:
        print(f"  seed {s}: {m}", file=out)
    claims = sorted((c for c in sweep.claims.values() if c.failures), key=lambda c: (-len(c.failures), c.section, c.index))
    if claims:
        print("  failures by claim:", file=out)
        for cl in claims:
            print(describe(cl, count), file=out)
    return ok


def chapter_binaries(args):
    """[(name, path)] of the binaries to sweep."""
    if args.binary:
        p = Path(args.binary).resolve()
        if not p.is_file() or not os.access(p, os.X_OK):
            common.die(f"--binary {args.binary}: not an executable file")
        return [(p.name, p)]
    known = dict(common.chapter_dirs())
    wanted = [n.zfill(2) for n in args.chapters] or sorted(known)
    for n in wanted:
        if not n.isdigit() or n not in known:
            common.die(f"seeds: no chapter {n} (chapters: {' '.join(sorted(known))})")
    bd = Path(args.build_dir).resolve() if args.build_dir else common.build_dir(common.ROOT)
    if not args.no_build:
        bd = common.configure(common.ROOT) if not args.build_dir else bd
        print(f"== building {' '.join('ch' + n for n in wanted)} ==", flush=True)
        r = common.run(["cmake", "--build", str(bd), "--target", *[f"ch{n}" for n in wanted], "-j", common.jobs()],
                       check=False, capture=True)
        if r.returncode != 0:
            sys.stderr.write(r.stdout or "")
            common.die("the build failed")
    out = []
    for n in wanted:
        p = bd / "bin" / f"ch{n}"
        if not p.exists():
            common.die(f"{p} does not exist (build it, or drop --no-build)")
        out.append((f"ch{n} ({known[n]})", p))
    return out


def parser():
    p = argparse.ArgumentParser(prog="./workbook seeds", description=__doc__.split("\n\n")[0],
                                epilog="Exit status: 0 every chapter passed; 1 a chapter failed on more than "
                                       "floor(N/200) of N seeds; 2 a usage error.")
    p.add_argument("chapters", nargs="*", metavar="NN", help="chapters to sweep (default: all)")
    p.add_argument("--count", type=int, default=200, help="number of seeds (default 200)")
    p.add_argument("--first", type=int, default=1, help="first seed (default 1)")
    p.add_argument("--quick", action="store_true", help="run the chapters with --quick")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="runs in parallel (default: the cores)")
    p.add_argument("--only", action="append", default=[], metavar="SECTION", help="run only these sections")
    p.add_argument("--build-dir", help="build folder with bin/chNN (default build/default)")
    p.add_argument("--no-build", action="store_true", help="do not build the chapters first")
    p.add_argument("--binary", help="sweep this chapter binary instead (e.g. build/default/bin/demo_chapter)")
    return p


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        common.die(f"seeds: {message}")


def main(cmd, argv):
    p = parser()
    p.__class__ = _Parser
    args = p.parse_args(argv)
    if args.count < 1:
        common.die(f"seeds: --count must be at least 1, got {args.count}")
    if args.first < 0 or args.first + args.count > 2 ** 64:
        common.die(f"seeds: seeds must lie in [0, 2^64), got --first {args.first}")
    if args.jobs < 1:
        common.die(f"seeds: --jobs must be at least 1, got {args.jobs}")
    if args.binary and args.chapters:
        common.die("seeds: give chapters or --binary, not both")
    only = [s for o in args.only for s in o.split(",") if s]
    binaries = chapter_binaries(args)
    seeds = range(args.first, args.first + args.count)
    all_ok = True
    t0 = time.monotonic()
    for name, binary in binaries:
        sweep = Sweep(name)
        t1 = time.monotonic()
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            futures = [pool.submit(run_one, binary, s, args.quick, only) for s in seeds]
            tty, step = sys.stderr.isatty(), max(1, args.count // 10)
            for k, f in enumerate(futures):
                collect(sweep, *f.result())
                done = k + 1
                if tty:
                    print(f"\r  {name}: {done}/{args.count}", end="", file=sys.stderr, flush=True)
                elif done % step == 0 and done < args.count:
                    # A log (CI, a helper's pipe) gets a line per tenth: long sweeps show progress.
                    bad = sweep.failed_seeds()
                    print(f"  {name}: {done}/{args.count} seeds, {len(bad)} failed"
                          + (f" ({' '.join(map(str, bad[:10]))})" if bad else ""), flush=True)
        if sys.stderr.isatty():
            print(file=sys.stderr)
        all_ok &= summarise(sweep, args.first, args.count, args.quick)
        print(f"  ({time.monotonic() - t1:.0f} s)")
    print(f"\nseeds: {'every chapter passed' if all_ok else 'some chapters FAILED'} "
          f"({len(binaries)} chapters × {args.count} seeds, {time.monotonic() - t0:.0f} s)")
    return 0 if all_ok else 1
