"""The marker language of solutions/NN_topic/X.cpp, read by the exercise compiler
(exgen.py: the stubs) and by mutants.py (the mutants, for CMake).

A region a student must write is marked in the reference code

        // BEGIN SOLUTION 99.1 clip
        return std::clamp(x, lo, hi);
        // END SOLUTION

and becomes, at the BEGIN line's indentation,

        // EXERCISE 99.1 clip: write this part (hint: ./workbook hint 99.1)
        throw wb::NotImplemented("99.1 clip");

Lines `// STUB: <code>` inside a region are emitted (uncommented) instead of the
throw. Everything else is copied byte for byte, so the output is deterministic.

A region also carries the exercise's mutants: plausible wrong solutions that its
tests must reject (`./workbook verify` proves they do). Never copied into a stub:

        // MUTANT no_upper_bound: return std::max(x, lo);
        return std::clamp(x, lo, hi);

replaces, in the mutant `no_upper_bound`, the code line right below (several MUTANT
lines may stack above one line; `// MUTANT name:` with no code deletes it), and

        // BEGIN MUTANT naive_variance
        // ...the whole region's code, commented out...
        // END MUTANT

replaces the region's body. Names are unique in a file. Every problem is
reported with its line (MarkerError), and then nothing is produced.
"""
import re
from dataclasses import dataclass, field

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
