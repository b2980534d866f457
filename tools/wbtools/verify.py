"""Proof that every exercise test means something:

    ./workbook verify [--build-dir DIR] [-v] [CHAPTER ...]

builds every exercise's tests against its solution (test_solNN_X: every test
must pass), against its generated stub (test_exNN_X: every test must fail) and
against each of its mutants (test_mutNN_X_NAME, a plausible wrong solution
marked in solutions/: at least one test must fail), runs each with
--gtest_output=json, and prints a table per exercise. Exit status 1 on any
discrepancy: a test that passes on a stub checks nothing; a test that fails on
the solution is wrong; a mutant that passes every test is a hole in the tests
(strengthen X_test.cpp, never drop the mutant). Each exercise is its own target,
so one that does not compile is reported and the others still run.
"""
import sys
import time

from . import catalog, common, exgen, markers

TIMEOUT = 120


def mutant_target(ex, name):
    return f"test_mut{ex.nn}_{ex.x}_{name}"


def mutant_names(ex):
    """The exercise's mutant names, in the order of the solution file (raises MarkerError)."""
    text = common.read_text(ex.solution_path)
    return list(markers.parse(text, ex.rel(ex.solution_path), ex.nn, ex.x)[2])


def verify(root, bd, chapters=(), out=sys.stdout, verbose=False):
    t_start = time.monotonic()
    if not (root / "solutions").is_dir():
        common.die("no solutions/ folder: verify proves the tests against the reference solutions and their "
                   "mutants, and a student edition has none (./workbook check tests your own code)")
    all_ = [e for e in catalog.exercises(root) if not chapters or e.nn in chapters or e.dirname in chapters]
    if not all_:
        common.die("no exercises to verify" + (f" in chapter(s) {', '.join(chapters)}" if chapters else ""))
    mutants, marker_problems = {}, {}
    targets = []
    for ex in all_:
        if ex.solution_path.exists():
            targets.append(ex.sol_target)
            try:
                mutants[ex.name] = mutant_names(ex)
            except markers.MarkerError as err:
                mutants[ex.name], marker_problems[ex.name] = [], err.problems
            targets += [mutant_target(ex, m) for m in mutants[ex.name]]
        targets.append(ex.target)
    print(f"building {len(targets)} test executables in {bd} ...", file=out, flush=True)
    # One parallel pass; only when it fails is each target built alone, for its messages.
    all_built, _ = catalog.build(bd, targets, keep_going=True)

    def build(target):
        return (True, "") if all_built else catalog.build(bd, [target])

    rows, problems = [], []
    n_tests = n_sol_pass = n_stub_fail = n_mutants = n_caught = 0
    for ex in all_:
        issues = []
        sol_names, sol_pass, stub_fail, caught, n = None, "-", "-", "-", 0
        if not ex.solution_path.exists():
            issues.append("no solution")
        else:
            ok, log = build(ex.sol_target)
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
            k, survivors = check_mutants(ex, bd, mutants.get(ex.name, []), sol_names, build, problems, root,
                                         out if verbose else None)
            caught = f"{k}/{len(mutants.get(ex.name, []))}"
            n_mutants += len(mutants.get(ex.name, []))
            n_caught += k
            if ex.name in marker_problems:
                issues.append("marker problems")
                problems += [(ex, f"{p}:{line}: {m}", "") for p, line, m in marker_problems[ex.name]]
            elif len(mutants.get(ex.name, [])) < exgen.MIN_MUTANTS:
                issues.append(f"fewer than {exgen.MIN_MUTANTS} mutants")
                problems.append((ex, f"has {len(mutants.get(ex.name, []))} mutant(s); every exercise needs at "
                                     f"least {exgen.MIN_MUTANTS} (README, Writing an exercise)", ""))
            if survivors:
                issues.append(f"mutant{'s' if len(survivors) > 1 else ''} {', '.join(survivors)} "
                              f"survive{'s' if len(survivors) == 1 else ''}")
            not_built = len(mutants.get(ex.name, [])) - k - len(survivors)
            if not_built:
                issues.append(f"{not_built} mutant(s) do not compile")
        if not catalog.is_pristine(ex):
            issues.append("exercise file is not the generated stub")
        ok, log = build(ex.target)
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
        rows.append((ex, n, sol_pass, stub_fail, caught, "; ".join(issues) or "ok"))

    w = max(len(r[0].name) for r in rows)
    print(f"\n{'exercise':<{w}}  {'tests':>5}  {'pass on solution':>16}  {'fail on stub':>12}  "
          f"{'mutants caught':>14}  verdict", file=out)
    for ex, n, sp, sf, mc, verdict in rows:
        print(f"{ex.name:<{w}}  {n:>5}  {sp:>16}  {sf:>12}  {mc:>14}  {verdict}", file=out)
    for ex, what, detail in problems:
        print(f"\n{ex.name}: {what}", file=out)
        if detail:
            print("    " + detail.replace("\n", "\n    "), file=out)
    bad = sum(r[5] != "ok" for r in rows)
    print(f"\nverify: {len(rows)} exercises, {n_tests} tests; {n_sol_pass} pass on the solutions, "
          f"{n_stub_fail} fail on the stubs; {n_caught} of {n_mutants} mutants caught; "
          + (f"{bad} exercise(s) with discrepancies" if bad else "no discrepancies")
          + f" ({time.monotonic() - t_start:.0f} s)", file=out)
    return 1 if bad else 0


def check_mutants(ex, bd, names, sol_names, build, problems, root, log=None):
    """Builds and runs each mutant of ex: (number caught, names of the survivors).
    A mutant is caught when at least one test fails on it (a crash or a time-out
    counts as failing); one that does not compile is reported, neither caught nor
    surviving."""
    caught, survivors = 0, []
    for name in names:
        target = mutant_target(ex, name)
        ok, blog = build(target)
        if not ok:
            problems.append((ex, f"mutant {name} does not compile (fix its MUTANT line in "
                                 f"{ex.rel(ex.solution_path)})", catalog.compiler_messages(blog, 15, root=root)))
            continue
        res = catalog.run_tests(catalog.executable(bd, target), timeout=TIMEOUT, expected=sol_names)
        failed = [t.name for t in res.tests if not t.passed]
        if failed or res.crashed or res.timed_out:
            caught += 1
            if log:
                why = res.crashed or ("timed out" if res.timed_out else "") or f"{len(failed)} failing: {failed[0]}"
                print(f"  {ex.name}: mutant {name} caught ({why})", file=log)
        else:
            survivors.append(name)
            problems.append((ex, f"mutant {name} survives: all {len(res.tests)} tests pass on it. The tests have a "
                                 f"hole: strengthen {ex.rel(ex.test_path)} (never drop the mutant)", ""))
    return caught, survivors


def main(cmd, args):
    ap = common.ArgParser(prog="./workbook verify", description=__doc__.strip().split("\n\n")[0])
    ap.add_argument("--build-dir", help="build folder (configured if needed; default build/default)")
    ap.add_argument("-v", "--verbose", action="store_true", help="name the first test that catches each mutant")
    ap.add_argument("chapters", nargs="*", help="only these chapters (e.g. 13)")
    a = ap.parse_args(args)
    root = common.ROOT
    if not (root / "solutions").is_dir():
        return verify(root, None)  # says there are no solutions, before configuring anything
    chapters = common.chapter_args(root, "exercises", a.chapters, "verify")
    bd = catalog.build_dir(root, a.build_dir)
    return verify(root, bd, chapters, verbose=a.verbose)
