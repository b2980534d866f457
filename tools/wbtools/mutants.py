"""Writes every exercise's mutants into the build tree for CMake (not a command):

    python3 -m wbtools.mutants OUT_DIR      (run from tools/, at configure time)

For each solutions/NN_topic/X.cpp tested by exercises/NN_topic/X_test.cpp it
writes OUT_DIR/NN_topic/X.NAME.cpp per mutant NAME (the solution with that
mutant's change, see markers.py) and OUT_DIR/mutants.cmake, which sets
WB_MUTANTS_<NN>_<X> to the list of names. A file is rewritten only when its text
changes, so a reconfigure rebuilds nothing else; files of mutants that no longer
exist are removed. A solution with marker errors gets no mutants here (its
problems are printed for CMake to show; `./workbook generate` reports them too).
"""
import sys
from pathlib import Path

from . import common, exgen, markers


def mutant_sources(root):
    """({(dirname, x): {name: text}}, problems) for every exercise with a solution."""
    root = Path(root)
    out, problems = {}, []
    for dirname, x in exgen.exercise_tests(root):
        sol = root / "solutions" / dirname / f"{x}.cpp"
        if not sol.is_file():
            continue
        try:
            out[(dirname, x)] = markers.mutant_texts(common.read_text(sol), common.shown(sol, root), dirname[:2], x)
        except markers.MarkerError as err:
            problems += err.problems
        except UnicodeDecodeError:
            problems.append((common.shown(sol, root), 1, "not UTF-8 text"))
    return out, problems


def write_if_changed(path, text):
    data = text.encode("utf-8")
    if not path.is_file() or path.read_bytes() != data:
        common.write_atomic(path, data)


def main(argv):
    if len(argv) != 1:
        print("usage: python3 -m wbtools.mutants OUT_DIR", file=sys.stderr)
        return 2
    out = Path(argv[0])
    sources, problems = mutant_sources(common.ROOT)
    keep = {out / "mutants.cmake"}
    lines = ["# Written by tools/wbtools/mutants.py at configure time: the mutants of every exercise.\n"]
    for (dirname, x), texts in sorted(sources.items()):
        for name, text in texts.items():
            p = out / dirname / f"{x}.{name}.cpp"
            write_if_changed(p, text)
            keep.add(p)
        lines.append(f"set(WB_MUTANTS_{dirname[:2]}_{x} {' '.join(texts)})\n")
    write_if_changed(out / "mutants.cmake", "".join(lines))
    for p in sorted(out.rglob("*.cpp")):
        if p not in keep:
            p.unlink()
    for p, n, m in problems:
        print(f"{p}:{n}: {m}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except common.UsageError as e:
        print(f"mutants: {e}", file=sys.stderr)
        sys.exit(1)
