"""The exercise compiler: solutions/NN_topic/ -> exercises/NN_topic/.

    ./workbook generate [--check] [--force]

A region a student must write is marked in the reference code

        // BEGIN SOLUTION 13.2 conditional_score
        return -(xt - k.m * x0) / k.v;
        // END SOLUTION

and becomes, at the BEGIN line's indentation,

        // EXERCISE 13.2 conditional_score: write this part (hint: ./workbook hint 13.2)
        throw wb::NotImplemented("13.2 conditional_score");

Lines `// STUB: <code>` inside a region are emitted (uncommented) instead of the
throw. Everything else is copied byte for byte, so the output is deterministic.

A region also carries the exercise's mutants: plausible wrong solutions that its
tests must reject (`./workbook verify` proves they do). Never copied into a stub:

        // MUTANT flipped_sign: return (xt - k.m * x0) / k.v;
        return -(xt - k.m * x0) / k.v;

replaces, in the mutant `flipped_sign`, the code line right below (several MUTANT
lines may stack above one line; `// MUTANT name:` with no code deletes it), and

        // BEGIN MUTANT naive_variance
        // ...the whole region's code, commented out...
        // END MUTANT

replaces the region's body. Names are unique in a file; mutants.py writes each
variant into the build tree for CMake.

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
from dataclasses import dataclass, field
from pathlib import Path

from . import common

MANIFEST = ".generated.json"
BACKUP_DIR = common.BACKUP_DIR
SOURCE_SUFFIXES = {".cpp", ".cc", ".hpp", ".h"}
MIN_MUTANTS = 2  # every exercise carries at least this many mutants

BEGIN_RE = re.compile(r"^([ \t]*)//[ \t]*BEGIN SOLUTION[ \t]+(.*?)[ \t]*\r?\n?$")
END_RE = re.compile(r"^[ \t]*//[ \t]*END SOLUTION[ \t]*\r?\n?$")
STUB_RE = re.compile(r"^([ \t]*)//[ \t]*STUB:[ ]?(.*?)(\r?\n?)$")
MUTANT_RE = re.compile(r"^[ \t]*//[ \t]*MUTANT[ \t]+(\S+?)[ \t]*:[ ]?(.*?)[ \t]*(\r?\n?)$")
BEGIN_MUTANT_RE = re.compile(r"^[ \t]*//[ \t]*BEGIN MUTANT[ \t]+(\S+)[ \t]*\r?\n?$")
END_MUTANT_RE = re.compile(r"^[ \t]*//[ \t]*END MUTANT[ \t]*\r?\n?$")
COMMENTED_RE = re.compile(r"^([ \t]*)//[ ]?(.*?)(\r?\n?)$")
ID_RE = re.compile(r"^(\d\d)\.(\d+) ([A-Za-z_][A-Za-z0-9_]*)$")
MUTANT_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
# Anything that looks like a marker but is not one of those above is an error,
# so a typo (`// BEGIN SOLUTON`, `x = 1; // END SOLUTION`) cannot silently leak code.
MARKER_LIKE_RE = re.compile(
    r"(?i:\b(BEGIN|END)[ \t]+SOLUTION\b)|//[ \t]*(BEGIN|END)[ \t]+[A-Z][A-Z_]*\b|//[ \t]*(STUB|MUTANT[A-Z]*)\b")
MARKERS_HELP = ("markers are '// BEGIN SOLUTION NN.k name', '// END SOLUTION', '// STUB: code', "
                "'// MUTANT name: code', '// BEGIN MUTANT name' and '// END MUTANT', each on its own line")

# Compatibility aliases: these helpers moved to common.py.
ArgParser = common.ArgParser
sha256 = common.sha256


class MarkerError(Exception):
    """Malformed markers: a list of (path, line, message)."""

    def __init__(self, problems):
        super().__init__("; ".join(f"{p}:{n}: {m}" for p, n, m in problems))
        self.problems = problems


@dataclass
class Region:
    begin: int         # index of the BEGIN SOLUTION line
    indent: str
    id: str
    eol: str
    end: int = -1      # index of the END SOLUTION line
    stub: list = field(default_factory=list)


@dataclass
class Mutant:
    name: str
    line: int          # 1-based line of its marker
    region: Region
    target: int = -1   # line form: index of the line it replaces
    code: str = ""     # line form: the replacement
    block: list = None  # block form: the lines that replace the region's body


def stub_lines(indent, exercise_id, stub_code, eol):
    """The lines that replace one region."""
    short = exercise_id.split(" ")[0]
    out = [f"{indent}// EXERCISE {exercise_id}: write this part (hint: ./workbook hint {short}){eol}"]
    if stub_code:
        out += stub_code
    else:
        out.append(f'{indent}throw wb::NotImplemented("{exercise_id}");{eol}')
    return out


def squeeze(lines):
    """The code of lines without whitespace and whole-line comments (to tell
    whether a mutant changes anything)."""
    return "".join("".join(l.split()) for l in lines if not l.lstrip().startswith("//"))


def parse(text, path="<text>", chapter=None, stem=None):
    """Reads the markers of one solution file: (lines, regions, mutants, exercise id).

    `chapter` ("13") and `stem` ("conditional_score"), when given, must match the
    id in the markers. Raises MarkerError listing every problem with its line.
    """
    problems = []
    lines = text.splitlines(keepends=True)
    regions, mutants = [], {}
    ex_id = None
    region = None
    pending = []  # MUTANT lines waiting for the code line below them
    block = None  # the open BEGIN MUTANT block

    def problem(n, msg):
        problems.append((path, n, msg))

    def flush_pending(n):
        for m in pending:
            problem(m.line, f"MUTANT {m.name} must sit right above the code line it replaces (line {n} is not one)")
        pending.clear()

    def add_mutant(n, name, **kw):
        if not MUTANT_NAME_RE.match(name):
            problem(n, f"bad mutant name '{name}' (lower-case letters, digits and _, starting with a letter: "
                       "it names a CTest test and a build target)")
            return None
        if name in mutants:
            problem(n, f"duplicate mutant name '{name}' (also at line {mutants[name].line})")
            return None
        mutants[name] = Mutant(name, n, region, **kw)
        return mutants[name]

    for i, line in enumerate(lines):
        n = i + 1
        b, e, s = BEGIN_RE.match(line), END_RE.match(line), STUB_RE.match(line)
        mu, bm, em = MUTANT_RE.match(line), BEGIN_MUTANT_RE.match(line), END_MUTANT_RE.match(line)
        if block is not None:
            if em:
                if not block.block:
                    problem(block.line, f"MUTANT block {block.name} is empty")
                block = None
            elif e or b or s or mu or bm:
                problem(n, f"'{line.strip()}' inside the MUTANT block {block.name} opened at line {block.line} "
                           "(close it with '// END MUTANT' first)")
                if e:
                    block = None
                    region.end = i
                    regions.append(region)
                    region = None
            elif not line.strip():
                block.block.append(line)
            elif COMMENTED_RE.match(line):
                c = COMMENTED_RE.match(line)
                block.block.append((c.group(1) + c.group(2) if c.group(2) else "") + c.group(3))
            else:
                problem(n, f"code inside the MUTANT block {block.name}: its lines are commented out "
                           "('// code') so the solution still compiles")
            continue
        if b:
            flush_pending(n)
            if region:
                problem(n, f"nested BEGIN SOLUTION (the region opened at line {region.begin + 1} is not closed)")
                continue
            rid = b.group(2)
            m = ID_RE.match(rid)
            if not m:
                problem(n, f"bad exercise id '{rid}' (want 'NN.k name', e.g. '13.2 conditional_score')")
            else:
                if chapter is not None and m.group(1) != chapter:
                    problem(n, f"exercise {rid} is in chapter folder {chapter}")
                if stem is not None and m.group(3) != stem:
                    problem(n, f"exercise {rid} must be named after its file ({stem})")
                if ex_id is None:
                    ex_id = rid
                elif rid != ex_id:
                    problem(n, f"a file holds one exercise: {rid} after {ex_id}")
            region = Region(i, b.group(1), rid, "\r\n" if line.endswith("\r\n") else "\n")
        elif e:
            flush_pending(n)
            if not region:
                problem(n, "END SOLUTION without BEGIN SOLUTION")
                continue
            region.end = i
            regions.append(region)
            region = None
        elif s:
            flush_pending(n)
            if not region:
                problem(n, "STUB line outside a SOLUTION region")
            else:
                region.stub.append(f"{s.group(1)}{s.group(2)}{s.group(3)}")
        elif mu or bm or em:
            if not region:
                problem(n, "mutant marker outside a SOLUTION region (mutants change the solution's code)")
            elif em:
                problem(n, "END MUTANT without BEGIN MUTANT")
            elif mu:
                m = add_mutant(n, mu.group(1), code=mu.group(2))
                if m:
                    pending.append(m)
            else:
                flush_pending(n)
                block = add_mutant(n, bm.group(1), block=[])
                if block is None:  # a bad name: still skip the block's lines
                    block = Mutant(bm.group(1), n, region, block=[None])
        elif MARKER_LIKE_RE.search(line):
            flush_pending(n)
            problem(n, f"unknown or misplaced marker '{line.strip()}' ({MARKERS_HELP})")
        elif pending:
            if not line.strip() or line.lstrip().startswith("//"):
                flush_pending(n)
            else:
                for m in pending:
                    m.target = i
                    if squeeze([m.code]) == squeeze([line]):
                        problem(m.line, f"mutant {m.name} is the line below it: it changes nothing")
                pending.clear()
    flush_pending(len(lines) + 1)
    if block is not None:
        problem(block.line, f"BEGIN MUTANT {block.name} is never closed (END MUTANT missing)")
    if region:
        problem(region.begin + 1, f"BEGIN SOLUTION {region.id} is never closed (END SOLUTION missing)")
    for m in mutants.values():
        if m.block is not None and m.region.end >= 0:
            body = [l for l in lines[m.region.begin + 1:m.region.end]
                    if not any(r.match(l) for r in (STUB_RE, MUTANT_RE))]
            if squeeze(m.block) == squeeze(body):
                problem(m.line, f"mutant {m.name} is the region's code: it changes nothing")
    if problems:
        raise MarkerError(problems)
    return lines, regions, mutants, ex_id


def compile_text(text, path="<text>", chapter=None, stem=None):
    """Compiles one solution file into its stub. Returns (output text, exercise id
    or None). Raises MarkerError listing every problem with its line."""
    lines, regions, _, ex_id = parse(text, path, chapter, stem)
    return stub_text(lines, regions), ex_id


def stub_text(lines, regions):
    out, at = [], 0
    for r in regions:
        out += lines[at:r.begin]
        out += stub_lines(r.indent, r.id, r.stub, r.eol)
        at = r.end + 1
    out += lines[at:]
    return "".join(out)


def mutant_texts(text, path="<text>", chapter=None, stem=None):
    """{name: source} for every mutant of one solution file, in the order they
    appear: the solution with that one mutant's change (marker lines stay, as
    comments). Raises MarkerError."""
    lines, _, mutants, _ = parse(text, path, chapter, stem)
    out = {}
    for name, m in mutants.items():
        new = list(lines)
        if m.block is None:
            old = lines[m.target]
            indent = old[: len(old) - len(old.lstrip())]
            eol = old[len(old.rstrip("\r\n")):]
            new[m.target] = f"{indent}{m.code}{eol}" if m.code else ""
        else:
            new[m.region.begin + 1:m.region.end] = m.block
        out[name] = f"// Mutant '{name}' of {path}, a wrong solution (generated; do not edit).\n" + "".join(new)
    return out


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
