"""Proof that every exercise test means something:

    ./workbook verify [--build-dir DIR] [CHAPTER ...]

builds every exercise's tests twice, against its solution (test_solNN_X: every
test must pass) and against its generated stub (test_exNN_X: every test must
fail), runs each with --gtest_output=json, and prints the counts and a table per
exercise. Exit status 1 on any discrepancy: a test that passes on a stub checks
nothing; a test that fails on the solution is wrong. Each exercise is its own
target, so one that does not compile is reported and the others still run.
"""
import sys

from . import catalog, common, exgen

TIMEOUT = 120


def verify(root, bd, chapters=(), out=sys.stdout):
    all_ = [e for e in catalog.exercises(root) if not chapters or e.nn in chapters or e.dirname in chapters]
    if not all_:
        common.die("no exercises to verify" + (f" in chapter(s) {', '.join(chapters)}" if chapters else ""))
    targets = []
    for ex in all_:
        if ex.solution_path.exists():
            targets.append(ex.sol_target)
        targets.append(ex.target)
    print(f"building {len(targets)} test executables in {bd} ...", file=out, flush=True)
    catalog.build(bd, targets, keep_going=True)  # one parallel pass; failures are re-reported below

    rows, problems = [], []
    n_tests = n_sol_pass = n_stub_fail = 0
    for ex in all_:
        issues = []
        sol_names, sol_pass, stub_fail, n = None, "-", "-", 0
        if not ex.solution_path.exists():
            issues.append("no solution")
        else:
            ok, log = catalog.build(bd, [ex.sol_target])
            if not ok:
                issues.append("solution does not compile")
                problems.append((ex, "solution build", catalog.compiler_messages(log, 15, root=root)))
            else:
                exe = catalog.executable(bd, ex.sol_target)
                sol_names = catalog.list_tests(exe) or []
                res = catalog.run_tests(exe, timeout=TIMEOUT, expected=sol_names)
                n = len(res.tests)
                sol_pass = f"{res.n_passed}/{n}"
                n_tests += n
                n_sol_pass += res.n_passed
                if not n:
                    issues.append("no tests")
                bad = [t for t in res.tests if not t.passed]
                if bad:
                    issues.append(f"{len(bad)} fail on the solution")
                    problems += [(ex, f"fails on the solution: {t.name}", "\n".join(t.messages)) for t in bad]
        if not catalog.is_pristine(ex):
            issues.append("exercise file is not the generated stub")
        ok, log = catalog.build(bd, [ex.target])
        if not ok:
            issues.append("stub does not compile")
            problems.append((ex, "stub build", catalog.compiler_messages(log, 15, root=root)))
        else:
            exe = catalog.executable(bd, ex.target)
            names = catalog.list_tests(exe) or []
            res = catalog.run_tests(exe, timeout=TIMEOUT, expected=names)
            failing = sum(not t.passed for t in res.tests)
            stub_fail = f"{failing}/{len(res.tests)}"
            n_stub_fail += failing
            if sol_names is None:
                n_tests += len(res.tests)
            elif sorted(names) != sorted(sol_names):
                issues.append("the stub and solution executables list different tests")
            passing = [t for t in res.tests if t.passed]
            if passing:
                issues.append(f"{len(passing)} pass on the stub")
                problems += [(ex, f"passes on the stub (checks nothing): {t.name}", "") for t in passing]
            if not res.tests:
                issues.append("no tests ran on the stub")
        rows.append((ex, n, sol_pass, stub_fail, "; ".join(issues) or "ok"))

    w = max(len(r[0].name) for r in rows)
    print(f"\n{'exercise':<{w}}  {'tests':>5}  {'pass on solution':>16}  {'fail on stub':>12}  verdict", file=out)
    for ex, n, sp, sf, verdict in rows:
        print(f"{ex.name:<{w}}  {n:>5}  {sp:>16}  {sf:>12}  {verdict}", file=out)
    for ex, what, detail in problems:
        print(f"\n{ex.name}: {what}", file=out)
        if detail:
            print("    " + detail.replace("\n", "\n    "), file=out)
    bad = sum(r[4] != "ok" for r in rows)
    print(f"\nverify: {len(rows)} exercises, {n_tests} tests; {n_sol_pass} pass on the solutions, "
          f"{n_stub_fail} fail on the stubs; "
          + (f"{bad} exercise(s) with discrepancies" if bad else "no discrepancies"), file=out)
    return 1 if bad else 0


def main(cmd, args):
    ap = exgen.ArgParser(prog="./workbook verify", description=__doc__.strip().split("\n\n")[0])
    ap.add_argument("--build-dir", help="build folder (configured if needed; default build/default)")
    ap.add_argument("chapters", nargs="*", help="only these chapters (e.g. 13)")
    a = ap.parse_args(args)
    root = common.ROOT
    bd = catalog.build_dir(root, a.build_dir)
    return verify(root, bd, tuple(c[:2] if c[:2].isdigit() else c for c in a.chapters))
