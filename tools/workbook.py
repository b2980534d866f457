#!/usr/bin/env python3
"""The workbook's command line: one entry for students, instructors and CI.

Each command lives in its own module under tools/wbtools/; this file only
dispatches. Errors are one line on stderr and exit status 2.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wbtools import common  # noqa: E402

COMMANDS = {
    # command: (module, one-line help)
    "all": ("mainjob", "build and run every chapter: figures, checks, the book, a summary table"),
    "test": ("testsuite", "run the whole test suite (what CI runs)"),
    "seeds": ("seeds", "run chapters over many seeds: which claims fail, how often, how badly"),
    "list": ("runner", "list the exercises and your progress"),
    "check": ("runner", "build and test one exercise or chapter (default: the next unfinished one)"),
    "watch": ("runner", "re-test the current exercise whenever you save it"),
    "hint": ("runner", "show the hint for an exercise, e.g. `hint 13.2`"),
    "reset": ("runner", "restore an exercise's stub (your file is backed up)"),
    "run": ("runner", "run chapter NN on your own code, e.g. `run 13`"),
    "grade": ("runner", "grade a submission (or --class: a folder of them) in a sandbox; Gradescope results.json"),
    "autograder": ("instructor", "write the Gradescope autograder bundle (setup.sh, run_autograder, zip)"),
    "student-edition": ("runner", "write a copy of the workbook without solutions/ to hand out"),
    "verify": ("verify", "prove every exercise test fails on its stub and passes on its solution"),
    "generate": ("exgen", "regenerate exercises/ from solutions/ (instructors)"),
    "book": ("book", "weave the chapters into the HTML book under book/"),
    "new": ("scaffold", "start a chapter: `new NN topic \"Title\"` writes, builds and runs it"),
    "bench": ("bench", "run the benchmarks and print a table; --vs-numpy compares with NumPy"),
}


def usage(out=sys.stdout):
    print("usage: ./workbook COMMAND [ARGS]   (./workbook COMMAND --help for more)\n", file=out)
    for name, (_, text) in COMMANDS.items():
        print(f"  {name:<16} {text}", file=out)


def main(argv):
    if not argv or argv[0] in ("help", "-h", "--help"):
        usage()
        return 0
    cmd, args = argv[0], argv[1:]
    if cmd not in COMMANDS:
        common.die(f"unknown command '{cmd}' (see ./workbook help)")
    module = __import__(f"wbtools.{COMMANDS[cmd][0]}", fromlist=["main"])
    return module.main(cmd, args)


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except common.UsageError as e:  # usage errors exit 2; a file that cannot be written (FileError) 1
        print(f"workbook: error: {e}", file=sys.stderr)
        sys.exit(getattr(e, "status", 2))
    except KeyboardInterrupt:
        print("\nworkbook: interrupted", file=sys.stderr)
        sys.exit(130)
