"""The exercise compiler: solutions/NN_topic/ -> exercises/NN_topic/.

    ./workbook generate [--check] [--force]

A region a student must write is marked in the reference code

        // BEGIN SOLUTION 99.1 clip
        return std::clamp(x, lo, hi);
        // END SOLUTION

and becomes, at the BEGIN line's indentation,

        // EXERCISE 99.1 clip: write this part (hint: ./workbook hint 99.1)
        throw wb::NotImplemented("99.1 clip");

Lines `// STUB: <code>` inside a region are emitted (uncommented) instead of the
throw. Everything else is copied byte for byte, so the output is deterministic.

exercises/NN_topic/.generated.json (the chapter's manifest, committed with the
chapter) records for each generated file its exercise id, its SHA-256 and its
content, with sorted keys and no timestamps: a file whose hash differs from
the manifest's was edited by someone and is not overwritten without --force (which
keeps a backup), and `./workbook reset` can restore a stub even in the student
edition, where solutions/ is absent.
"""
import argparse
import hashlib
import json
import os
import re
import shutil
import sys
import time
from pathlib import Path

from . import common

MANIFEST = ".generated.json"
BACKUP_DIR = ".backup"
SOURCE_SUFFIXES = {".cpp", ".cc", ".hpp", ".h"}

BEGIN_RE = re.compile(r"^([ \t]*)//[ \t]*BEGIN SOLUTION[ \t]+(.*?)[ \t]*\r?\n?$")
END_RE = re.compile(r"^[ \t]*//[ \t]*END SOLUTION[ \t]*\r?\n?$")
STUB_RE = re.compile(r"^([ \t]*)//[ \t]*STUB:[ ]?(.*?)(\r?\n?)$")
ID_RE = re.compile(r"^(\d\d)\.(\d+) ([A-Za-z_][A-Za-z0-9_]*)$")
# Anything that looks like a marker but is not one of the three above is an error,
# so a typo (`// BEGIN SOLUTON`, `x = 1; // END SOLUTION`) cannot silently leak code.
MARKER_LIKE_RE = re.compile(
    r"(?i:\b(BEGIN|END)[ \t]+SOLUTION\b)|//[ \t]*(BEGIN|END)[ \t]+[A-Z][A-Z_]*\b|//[ \t]*STUB\b")


class ArgParser(argparse.ArgumentParser):
    """argparse whose usage errors are the workbook's one-line errors (status 2)."""

    def error(self, message):
        raise common.UsageError(f"{self.prog}: {message} (see {self.prog} --help)")


class MarkerError(Exception):
    """Malformed markers: a list of (path, line, message)."""

    def __init__(self, problems):
        super().__init__("; ".join(f"{p}:{n}: {m}" for p, n, m in problems))
        self.problems = problems


def sha256(data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def stub_lines(indent, exercise_id, stub_code, eol):
    """The lines that replace one region."""
    short = exercise_id.split(" ")[0]
    out = [f"{indent}// EXERCISE {exercise_id}: write this part (hint: ./workbook hint {short}){eol}"]
    if stub_code:
        out += stub_code
    else:
        out.append(f'{indent}throw wb::NotImplemented("{exercise_id}");{eol}')
    return out


def compile_text(text, path="<text>", chapter=None, stem=None):
    """Compiles one solution file. Returns (output text, exercise id or None).

    `chapter` ("13") and `stem` ("conditional_score"), when given, must match the
    id in the markers. Raises MarkerError listing every problem with its line.
    """
    problems = []
    out = []
    ex_id = None
    region = None  # (line number, indent, id, stub lines, eol)
    for n, line in enumerate(text.splitlines(keepends=True), start=1):
        b, e, s = BEGIN_RE.match(line), END_RE.match(line), STUB_RE.match(line)
        if b:
            if region:
                problems.append((path, n, f"nested BEGIN SOLUTION (the region opened at line {region[0]} "
                                           "is not closed)"))
                continue
            rid = b.group(2)
            m = ID_RE.match(rid)
            if not m:
                problems.append((path, n, f"bad exercise id '{rid}' (want 'NN.k name', e.g. '13.2 "
                                           "conditional_score')"))
            else:
                if chapter is not None and m.group(1) != chapter:
                    problems.append((path, n, f"exercise {rid} is in chapter folder {chapter}"))
                if stem is not None and m.group(3) != stem:
                    problems.append((path, n, f"exercise {rid} must be named after its file ({stem})"))
                if ex_id is None:
                    ex_id = rid
                elif rid != ex_id:
                    problems.append((path, n, f"a file holds one exercise: {rid} after {ex_id}"))
            eol = "\r\n" if line.endswith("\r\n") else "\n"
            region = (n, b.group(1), rid, [], eol)
        elif e:
            if not region:
                problems.append((path, n, "END SOLUTION without BEGIN SOLUTION"))
                continue
            out += stub_lines(region[1], region[2], region[3], region[4])
            region = None
        elif s:
            if not region:
                problems.append((path, n, "STUB line outside a SOLUTION region"))
            else:
                region[3].append(f"{s.group(1)}{s.group(2)}{s.group(3)}")
        elif MARKER_LIKE_RE.search(line):
            problems.append((path, n, f"unknown or misplaced marker '{line.strip()}' (markers are "
                                       "'// BEGIN SOLUTION NN.k name', '// END SOLUTION', '// STUB: code', "
                                       "each on its own line)"))
        elif not region:
            out.append(line)
    if region:
        problems.append((path, region[0], f"BEGIN SOLUTION {region[2]} is never closed (END SOLUTION missing)"))
    if problems:
        raise MarkerError(problems)
    return "".join(out), ex_id


def read_text(path):
    return Path(path).read_bytes().decode("utf-8")


def solution_files(root):
    """Sorted (dirname, relative path within the chapter folder, Path) of every
    source file under solutions/NN_topic/."""
    out = []
    for nn, dirname in common.chapter_dirs(root, "solutions"):
        base = Path(root) / "solutions" / dirname
        for p in sorted(base.rglob("*")):
            if p.is_file() and p.suffix in SOURCE_SUFFIXES and not any(
                    part.startswith(".") for part in p.relative_to(base).parts):
                out.append((dirname, p.relative_to(base).as_posix(), p))
    return out


def exercise_tests(root):
    """Sorted (dirname, X) for every exercises/NN_topic/X_test.cpp."""
    out = []
    for nn, dirname in common.chapter_dirs(root, "exercises"):
        for t in sorted((Path(root) / "exercises" / dirname).glob("*_test.cpp")):
            out.append((dirname, t.name[: -len("_test.cpp")]))
    return out


def plan(root, chapters=()):
    """Compiles every solution (of `chapters`, e.g. ("13",), if given) in memory.
    Returns (outputs, orphans) where outputs maps 'NN_topic/X.cpp' ->
    {"content", "exercise"}; raises MarkerError."""
    root = Path(root)
    problems, outputs = [], {}
    tests = {t for t in exercise_tests(root) if not chapters or t[0][:2] in chapters}
    ids = {}
    for dirname, rel, path in solution_files(root):
        if chapters and dirname[:2] not in chapters:
            continue
        shown = path.relative_to(root).as_posix()
        nn = dirname[:2]
        stem = rel[: -len(".cpp")] if rel.endswith(".cpp") else None
        is_exercise = stem is not None and (dirname, stem) in tests
        try:
            content, ex_id = compile_text(read_text(path), shown, nn, stem if is_exercise else None)
        except MarkerError as err:
            problems += err.problems
            continue
        except UnicodeDecodeError:
            problems.append((shown, 1, "not UTF-8 text"))
            continue
        if is_exercise and ex_id is None:
            problems.append((shown, 1, f"exercises/{dirname}/{stem}_test.cpp tests this file, but it has no "
                                       "BEGIN SOLUTION region (its stub would be the solution)"))
        if ex_id is not None:
            key = (dirname, ex_id.split(" ")[0])
            if key in ids and ids[key] != shown:
                problems.append((shown, 1, f"exercise {ex_id.split(' ')[0]} is also in {ids[key]}"))
            ids[key] = shown
        outputs[f"{dirname}/{rel}"] = {"content": content, "exercise": ex_id}
    if problems:
        raise MarkerError(problems)
    orphans = []
    if (root / "solutions").is_dir():
        for dirname, x in sorted(tests):
            if f"{dirname}/{x}.cpp" not in outputs:
                orphans.append(f"exercises/{dirname}/{x}_test.cpp has no solution solutions/{dirname}/{x}.cpp")
    return outputs, orphans


def manifest_texts(outputs, chapters=()):
    """{dirname: manifest text} for every chapter of outputs (and of `chapters`)."""
    by = {d: {} for d in chapters}
    for rel, o in outputs.items():
        d, name = rel.split("/", 1)
        by.setdefault(d, {})[name] = {"exercise": o["exercise"], "sha256": sha256(o["content"]),
                                      "stub": o["content"]}
    out = {}
    for d, files in by.items():
        doc = {"about": "Written by `./workbook generate` from solutions/: the generated exercise files, their "
                        "hashes (to detect edits) and contents (for `./workbook reset`). Do not edit.",
               "files": files, "version": 1}
        out[d] = json.dumps(doc, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    return out


def manifest_path(root, dirname):
    return Path(root) / "exercises" / dirname / MANIFEST


def load_manifest(root):
    """Every chapter manifest's files, as {"NN_topic/X.cpp": entry} ({} if none)."""
    files = {}
    for _, d in common.chapter_dirs(root, "exercises"):
        p = manifest_path(root, d)
        if not p.exists():
            continue
        try:
            for name, e in json.loads(p.read_text(encoding="utf-8")).get("files", {}).items():
                files[f"{d}/{name}"] = e
        except (ValueError, AttributeError):
            common.die(f"{p} is not valid JSON; regenerate it with ./workbook generate")
    return files


def pristine(root, dirname, x):
    """The stub of exercises/dirname/x.cpp: compiled from solutions/ when present,
    else taken from the manifest; None if neither has it."""
    root = Path(root)
    sol = root / "solutions" / dirname / f"{x}.cpp"
    if sol.exists():
        content, _ = compile_text(read_text(sol), sol.relative_to(root).as_posix(), dirname[:2], x)
        return content
    entry = load_manifest(root).get(f"{dirname}/{x}.cpp")
    return entry["stub"] if entry else None


def write_atomic(path, content):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    tmp.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    os.replace(tmp, path)


def backup(root, path):
    """Copies path to exercises/.backup/<UTC time>/<path relative to exercises/>
    and returns the backup's path."""
    root = Path(root)
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    rel = Path(path).resolve().relative_to((root / "exercises").resolve())
    base = root / "exercises" / BACKUP_DIR
    dest, k = base / stamp / rel, 1
    while dest.exists():
        dest, k = base / f"{stamp}-{k}" / rel, k + 1
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(path, dest)
    return dest


def print_problems(problems):
    for p, n, m in problems:
        print(f"workbook: error: {p}:{n}: {m}", file=sys.stderr)


def generate(root=common.ROOT, check=False, force=False, out=sys.stdout, chapters=()):
    """The `generate` command on the tree at root. Returns the exit status."""
    root = Path(root)
    if not (root / "solutions").is_dir():
        common.die("no solutions/ folder: generate compiles the reference code (this looks like a student "
                   "edition; use ./workbook reset to restore a stub)")
    try:
        outputs, orphans = plan(root, chapters)
    except MarkerError as err:
        print_problems(err.problems)
        print(f"workbook: error: {len(err.problems)} marker problem(s); nothing written", file=sys.stderr)
        return 2
    for o in orphans:
        print(f"orphan: {o}", file=out)
    for rel, o in sorted(outputs.items()):
        ident = o["exercise"]
        hints = root / "exercises" / rel.split("/")[0] / "HINTS.md"
        text = hints.read_text(encoding="utf-8") if hints.exists() else ""
        if ident and not re.search(rf"^##[ \t]+{re.escape(ident)}[ \t]+[—–-]", text, re.M):
            print(f"warning: exercises/{rel.split('/')[0]}/HINTS.md has no heading '## {ident} — Title'", file=out)
    old = {k: v for k, v in load_manifest(root).items() if not chapters or k[:2] in chapters}
    ex = root / "exercises"
    stale = sorted(set(old) - set(outputs))
    for rel in stale:
        print(f"stale: exercises/{rel} was generated from a solution that no longer exists "
              "(delete it if it is not needed)", file=out)

    if check:
        bad = []
        for rel, o in sorted(outputs.items()):
            p = ex / rel
            if not p.exists() or p.read_bytes() != o["content"].encode("utf-8"):
                bad.append(f"exercises/{rel}")
        for d, text in sorted(manifest_texts(outputs).items()):
            mp = manifest_path(root, d)
            if not mp.exists() or mp.read_text(encoding="utf-8") != text:
                bad.append(f"exercises/{d}/{MANIFEST}")
        for b in bad:
            print(f"differs: {b}", file=out)
        if bad:
            print(f"{len(bad)} file(s) differ from what ./workbook generate writes from solutions/", file=out)
            return 1
        print(f"exercises/ is up to date ({len(outputs)} files generated from solutions/)", file=out)
        return 0

    written, kept, same = [], [], 0
    final = {}
    for rel, o in sorted(outputs.items()):
        p = ex / rel
        data = o["content"].encode("utf-8")
        if p.exists():
            current = p.read_bytes()
            if current == data:
                same += 1
                final[rel] = o
                continue
            generated_last = old.get(rel, {}).get("sha256")
            if sha256(current) != generated_last:
                if not force:
                    kept.append(rel)
                    if rel in old:
                        final[rel] = {"content": old[rel]["stub"], "exercise": old[rel]["exercise"]}
                    continue
                b = backup(root, p)
                print(f"backup: exercises/{rel} (edited) saved as {b}", file=out)
        write_atomic(p, data)
        written.append(rel)
        final[rel] = o
    for d, text in manifest_texts(final, {rel.split("/")[0] for rel in outputs}).items():
        write_atomic(manifest_path(root, d), text)
    for rel in written:
        print(f"wrote exercises/{rel}", file=out)
    print(f"generate: {len(written)} written, {same} unchanged, {len(kept)} kept", file=out)
    if kept:
        for rel in kept:
            print(f"kept: exercises/{rel} differs from what was last generated (someone edited it); "
                  "not overwritten. Use --force to overwrite it (a backup is kept).", file=out)
        return 1
    return 0


def main(cmd, args):
    ap = ArgParser(prog="./workbook generate",
                                 description="Compile solutions/ into the exercise stubs in exercises/.")
    ap.add_argument("--check", action="store_true",
                    help="write nothing; exit 1 listing the files that differ from the compiler's output")
    ap.add_argument("--force", action="store_true",
                    help="overwrite edited exercise files (each is backed up under exercises/.backup/)")
    ap.add_argument("chapters", nargs="*", help="only these chapters (e.g. 13); default all")
    a = ap.parse_args(args)
    return generate(common.ROOT, check=a.check, force=a.force, chapters=tuple(c[:2] for c in a.chapters))
