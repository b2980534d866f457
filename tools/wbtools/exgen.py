"""The exercise compiler: solutions/NN_topic/ -> exercises/NN_topic/.

    ./workbook generate [--check] [--force]

Each SOLUTION region of a reference file becomes a stub (a throw, or its `// STUB:`
lines); everything else is copied byte for byte, so the output is deterministic. The
marker language (SOLUTION regions, STUB lines, MUTANT lines and blocks, which never
reach a stub) is described and parsed in markers.py.

exercises/NN_topic/.generated.json (the chapter's manifest, committed with the
chapter) records for each generated file its exercise id, its SHA-256 and its
content, with sorted keys and no timestamps: a file whose hash differs from
the manifest's was edited by someone and is not overwritten without --force (which
keeps a backup), and `./workbook reset` can restore a stub even in the student
edition, where solutions/ is absent.
"""
import json
import re
import sys
from pathlib import Path

from . import common, markers

MANIFEST = ".generated.json"
BACKUP_DIR = common.BACKUP_DIR
SOURCE_SUFFIXES = {".cpp", ".cc", ".hpp", ".h"}
MIN_MUTANTS = 2  # every exercise carries at least this many mutants

# The marker language lives in markers.py; these names are kept for the tools that use them.
MarkerError = markers.MarkerError
parse = markers.parse
compile_text = markers.compile_text
stub_text = markers.stub_text
mutant_texts = markers.mutant_texts
# Compatibility aliases: these helpers moved to common.py.
ArgParser = common.ArgParser
sha256 = common.sha256
read_text = common.read_text


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
    {"content", "exercise", "mutants" (names), "solution" (its path)}; raises
    MarkerError."""
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
            lines, regions, mutants, ex_id = parse(read_text(path), shown, nn, stem if is_exercise else None)
            content = stub_text(lines, regions)
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
        outputs[f"{dirname}/{rel}"] = {"content": content, "exercise": ex_id, "mutants": list(mutants),
                                       "solution": shown}
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


# Compatibility aliases: writing and backing up moved to common.py.
write_atomic = common.write_atomic


def backup(root, path):
    """Copies path under exercises/.backup/ and returns the copy's path."""
    return common.write_files([], root, back_up=[path])[Path(path)]


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
        if ident and len(o["mutants"]) < MIN_MUTANTS:
            print(f"warning: {o['solution']} has {len(o['mutants'])} mutant(s); an exercise needs at least "
                  f"{MIN_MUTANTS} (// MUTANT name: code)", file=out)
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

    # Each chapter's files and manifest are written together or not at all.
    written, kept, same, status = [], [], 0, 0
    for d in sorted({rel.split("/")[0] for rel in outputs}):
        try:
            w, k, n = write_chapter(root, d, {r: o for r, o in outputs.items() if r.split("/")[0] == d}, old,
                                    force, out)
        except common.FileError as err:
            print(f"workbook: error: {err}", file=sys.stderr)
            status = 1
            continue
        written += w
        kept += k
        same += n
    for rel in written:
        print(f"wrote exercises/{rel}", file=out)
    print(f"generate: {len(written)} written, {same} unchanged, {len(kept)} kept", file=out)
    for rel in kept:
        print(f"kept: exercises/{rel} differs from what was last generated (someone edited it); "
              "not overwritten. Use --force to overwrite it (a backup is kept).", file=out)
    return status or (1 if kept else 0)


def write_chapter(root, d, outputs, old, force, out):
    """Writes one chapter's generated files and its manifest, all or none (raises
    common.FileError). Returns (written, kept, number unchanged)."""
    ex = root / "exercises"
    writes, back_up, written, kept, same, final = [], [], [], [], 0, {}
    for rel, o in sorted(outputs.items()):
        p = ex / rel
        data = o["content"].encode("utf-8")
        if p.exists() and not p.is_file():
            raise common.FileError(f"cannot write exercises/{rel}: not a regular file; nothing was written")
        try:
            current = p.read_bytes() if p.exists() else None
        except OSError as e:
            raise common.FileError(f"cannot read exercises/{rel}: {e.strerror}; nothing was written") from None
        if current == data:
            same += 1
            final[rel] = o
            continue
        if current is not None and sha256(current) != old.get(rel, {}).get("sha256"):
            if not force:
                kept.append(rel)
                if rel in old:
                    final[rel] = {"content": old[rel]["stub"], "exercise": old[rel]["exercise"]}
                continue
            back_up.append(p)
        writes.append((p, data))
        written.append(rel)
        final[rel] = o
    mp = manifest_path(root, d)
    text = manifest_texts(final, {d})[d]
    if not mp.is_file() or mp.read_bytes() != text.encode("utf-8"):
        writes.append((mp, text))
    backups = common.write_files(writes, root, back_up)
    for p, b in sorted(backups.items()):
        print(f"backup: {common.shown(p, root)} (edited) saved as {b}", file=out)
    return written, kept, same


def main(cmd, args):
    ap = ArgParser(prog="./workbook generate", description="Compile solutions/ into the exercise stubs in exercises/.")
    ap.add_argument("--check", action="store_true",
                    help="write nothing; exit 1 listing the files that differ from the compiler's output")
    ap.add_argument("--force", action="store_true",
                    help="overwrite edited exercise files (each is backed up under exercises/.backup/)")
    ap.add_argument("chapters", nargs="*", help="only these chapters (e.g. 13); default all")
    a = ap.parse_args(args)
    chapters = tuple(a.chapters)
    if (common.ROOT / "solutions").is_dir():  # else generate() says there is nothing to compile
        chapters = common.chapter_args(common.ROOT, "solutions", a.chapters, "generate")
    return generate(common.ROOT, check=a.check, force=a.force, chapters=chapters)
