"""./workbook autograder DIR [CHAPTER ...]: the Gradescope autograder bundle.

DIR receives setup.sh, run_autograder and workbook/ (this tree without build/,
.git, figures/ or book/), and autograder.zip holding the three, which is what
Gradescope takes. On Gradescope the zip is unpacked into /autograder/source:
setup.sh installs the Debian packages (through the `workbook` entry script) and
builds the trusted grading tree and the reference probes once; run_autograder
grades /autograder/submission into /autograder/results/results.json. The
solutions are in the image, but the sandbox never mounts them; if the sandbox
cannot start there, results.json says so and scores 0 rather than grading
unsandboxed. AUTOGRADER_ROOT (default /autograder) lets a test run it elsewhere.
"""
import os
import sys
import zipfile
from pathlib import Path

from . import common, exgen

SETUP = """#!/usr/bin/env bash
# Gradescope runs this once when it builds the autograder image (as root).
set -euo pipefail
A="${{AUTOGRADER_ROOT:-/autograder}}"
cd "$A/source/workbook"
# The entry script installs the Debian packages it lists (bubblewrap included).
./workbook grade --prepare --work "$A/source/work" {only}
"""

RUN = """#!/usr/bin/env bash
# Gradescope runs this for every submission: grade it into results/results.json.
set -uo pipefail
A="${{AUTOGRADER_ROOT:-/autograder}}"
mkdir -p "$A/results"
cd "$A/source/workbook"
if ! msg=$(python3 tools/workbook.py grade --submission "$A/submission" --out "$A/results/results.json" \\
            --timeout {timeout} --work "$A/source/work" {only} 2>&1); then
  # Fail closed: no sandbox (or another error) means no grade, and a visible reason.
  python3 - "$A/results/results.json" "$msg" <<'EOF'
import json, sys
json.dump({{"score": 0, "output": "The autograder could not grade this submission:\\n" + sys.argv[2][-4000:],
           "tests": []}}, open(sys.argv[1], "w"))
EOF
fi
printf '%s\\n' "$msg" | tail -n 30
"""


def write_bundle(root, dest, only=(), timeout=10.0, log=sys.stdout):
    from .instructor import copy_tree
    root, dest = Path(root), Path(dest)
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        common.die(f"{dest} is not empty; the bundle goes into a new or empty folder")
    if dest.resolve().is_relative_to(root.resolve()) and not dest.resolve().is_relative_to((root / "build").resolve()):
        common.die(f"{dest} is inside the workbook; choose a folder outside it (or under build/)")
    if not (root / "solutions").is_dir():
        common.die("the bundle needs solutions/ (the reference judges the hidden checks)")
    dest.mkdir(parents=True, exist_ok=True)
    copy_tree(root, dest / "workbook", exclude_top={"figures"})
    args = " ".join(only)
    for name, text in (("setup.sh", SETUP.format(only=args)), ("run_autograder", RUN.format(only=args, timeout=timeout))):
        exgen.write_atomic(dest / name, text)
        os.chmod(dest / name, 0o755)
    with zipfile.ZipFile(dest / "autograder.zip.tmp", "w", zipfile.ZIP_DEFLATED) as z:
        for p in sorted([dest / "setup.sh", dest / "run_autograder", *(dest / "workbook").rglob("*")]):
            if p.is_file():
                info = zipfile.ZipInfo(p.relative_to(dest).as_posix())
                info.external_attr = (p.stat().st_mode & 0o777) << 16
                z.writestr(info, p.read_bytes(), zipfile.ZIP_DEFLATED)
    os.replace(dest / "autograder.zip.tmp", dest / "autograder.zip")
    print(f"wrote {dest / 'autograder.zip'} (upload it as the Gradescope autograder; setup.sh, run_autograder, "
          "workbook/)", file=log)
    return 0


def main(args):
    ap = exgen.ArgParser(prog="./workbook autograder", description="Write the Gradescope autograder bundle.")
    ap.add_argument("dir")
    ap.add_argument("--timeout", type=float, default=10.0, help="CPU seconds allowed per test run (default 10; the wall clock allows twice that plus 5 s)")
    ap.add_argument("chapters", nargs="*", help="grade only these chapters or exercises (e.g. 13, 13.2)")
    a = ap.parse_intermixed_args(args)
    from .instructor import check_only
    check_only(a.chapters, a.timeout)
    return write_bundle(common.ROOT, a.dir, tuple(a.chapters), a.timeout)
