"""Reading a literate chapter source (chapters/NN_topic/chapter.cpp) for the book.

The prose sits in comment blocks that open with `/*md` alone on a line and close
with `*/` alone on a line: Markdown with TeX math ($...$, $$...$$). The code between
them checks each step; `ch.section("id", "Title", ...)` opens a section, which ends
where that call's brackets close. parse_source() splits the file into Prose blocks
and Code pieces (split where the section changes), and scan_math() finds the math
spans of a prose block; both report broken input as `file:line: error: message`.
"""
import re
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path


# ---------------------------------------------------------------------------
# Diagnostics: every problem names a file and a line.

class Report:
    def __init__(self, root, stream=sys.stderr, quiet=False):
        self.root = Path(root)
        self.stream = stream
        self.quiet = quiet
        self.errors = []
        self.warnings = []

    def where(self, path, line):
        try:
            p = Path(path).resolve().relative_to(self.root.resolve())
        except ValueError:
            p = Path(path)
        return f"{p}:{line}" if line else f"{p}"

    def error(self, path, line, msg):
        text = f"{self.where(path, line)}: error: {msg}"
        self.errors.append(text)
        if not self.quiet:
            print(text, file=self.stream)

    def warning(self, path, line, msg):
        text = f"{self.where(path, line)}: warning: {msg}"
        self.warnings.append(text)
        if not self.quiet:
            print(text, file=self.stream)


# ---------------------------------------------------------------------------
# Parsing a chapter source into prose blocks and code pieces.

SECTION_RE = re.compile(r'\.section\(\s*"((?:[^"\\]|\\.)*)"')
TITLE_RE = re.compile(r"^#\s+Chapter\s+(\d+)\s*[:.—–-]\s*(.+?)\s*#*\s*$")
IMAGE_RE = re.compile(r'!\[((?:[^\]\\]|\\.)*)\]\(\s*<?([^)\s>]+)>?(\s+"[^"]*")?\s*\)')
LINK_RE = re.compile(r'(?<!!)\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)')


@dataclass
class Prose:
    text: str          # dedented Markdown
    line: int          # source line of the first text line
    section: str = None  # the section this prose introduces or sits in


@dataclass
class Code:
    lines: list        # source lines (no newline)
    line: int          # source line of the first one
    section: str = None
    ends_section: bool = False  # the section's last code line is in this piece


@dataclass
class Section:
    id: str
    title: str
    start: int
    end: int


@dataclass
class Chapter:
    number: str
    dir: str
    source: Path
    title: str = ""
    blocks: list = field(default_factory=list)
    sections: list = field(default_factory=list)
    checks: dict = None       # parsed checks.json or None
    math: list = field(default_factory=list)  # (tex, line) of every math span in the prose


def _code_depths(lines, is_code):
    """Bracket depth ((, [, {) before each line, skipping strings, chars and comments."""
    depth, out = 0, []
    in_comment = False
    for k, line in enumerate(lines):
        out.append(depth)
        if not is_code[k]:
            continue
        i, n = 0, len(line)
        while i < n:
            c = line[i]
            if in_comment:
                j = line.find("*/", i)
                if j < 0:
                    break
                in_comment, i = False, j + 2
                continue
            if line.startswith("//", i):
                break
            if line.startswith("/*", i):
                in_comment, i = True, i + 2
                continue
            if c == "R" and line.startswith('R"', i) and (i == 0 or not (line[i - 1].isalnum() or line[i - 1] == "_")):
                m = re.match(r'R"([^(\s]*)\(', line[i:])
                if m:
                    end = line.find(")" + m.group(1) + '"', i + m.end())
                    i = n if end < 0 else end + len(m.group(1)) + 2
                    continue
            if c == "'" and i > 0 and line[i - 1].isalnum() and line[i - 2:i] != "u8" and line[i - 1] not in "uUL":
                i += 1  # a digit separator (1'000'000), not a character literal
                continue
            if c in "\"'":
                j = i + 1
                while j < n and line[j] != c:
                    j += 2 if line[j] == "\\" else 1
                i = j + 1
                continue
            if c in "([{":
                depth += 1
            elif c in ")]}":
                depth -= 1
            i += 1
    out.append(depth)
    return out


def parse_source(path, report, number, dirname):
    """Splits chapter.cpp into prose and code pieces; reports structural errors."""
    text = Path(path).read_text(encoding="utf-8")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    ch = Chapter(number=number, dir=dirname, source=Path(path))

    # 1. Prose blocks: "/*md" alone on a line up to "*/" alone on a line.
    is_code = [True] * len(lines)
    prose_spans = []  # (first text line index, end index exclusive)
    i = 0
    while i < len(lines):
        s = lines[i].strip()
        if s == "/*md":
            k = i + 1
            while k < len(lines) and lines[k].strip() != "*/":
                if lines[k].strip().startswith("/*md"):
                    report.error(path, i + 1, f"unclosed /*md comment: another /*md starts on line {k + 1} "
                                 "before a '*/' on its own line closes this one")
                    break
                if "*/" in lines[k]:
                    report.error(path, k + 1, "'*/' inside a /*md block must stand alone on its line "
                                 "(it ends the C++ comment here)")
                k += 1
            if k == len(lines):
                report.error(path, i + 1, "unclosed /*md comment: no '*/' on its own line before the end of the file")
            closed = k < len(lines) and lines[k].strip() == "*/"
            for j in range(i, k + 1 if closed else k):
                is_code[j] = False
            prose_spans.append((i + 1, k))
            i = k + 1 if closed else k
            continue
        if s.startswith("/*md"):
            report.error(path, i + 1, "'/*md' must stand alone on its line (the prose starts on the next line)")
        i += 1

    # 2. Sections: from the line with .section("id" to the line closing its call.
    depths = _code_depths(lines, is_code)
    seen = {}
    for k, line in enumerate(lines):
        if not is_code[k]:
            continue
        m = SECTION_RE.search(line.split("//")[0])
        if not m:
            continue
        sid = m.group(1)
        title_m = re.search(r'\.section\(\s*"(?:[^"\\]|\\.)*"\s*,\s*"((?:[^"\\]|\\.)*)"', line)
        d0, end = depths[k], None
        for j in range(k, len(lines)):
            if is_code[j] and depths[j + 1] <= d0:
                end = j
                break
        if end is None:
            report.warning(path, k + 1, f"section '{sid}': could not find where its ch.section(...) call ends")
            end = len(lines) - 1
        if sid in seen:
            report.error(path, k + 1, f"section '{sid}' is registered twice (first on line {seen[sid]})")
            continue
        seen[sid] = k + 1
        ch.sections.append(Section(sid, title_m.group(1) if title_m else sid, k, end))

    def section_at(k):
        for s in ch.sections:
            if s.start <= k <= s.end:
                return s
        return None

    def section_after(k):
        for s in ch.sections:
            if s.start >= k:
                return s
        return None

    # 3. Blocks in source order; code pieces split where the section changes.
    prose_at = {a - 1: (a, b) for a, b in prose_spans}
    k, piece = 0, []

    def flush():
        nonlocal piece
        while piece and not lines[piece[0]].strip():
            piece.pop(0)
        while piece and not lines[piece[-1]].strip():
            piece.pop()
        if piece:
            s = section_at(piece[0])
            ch.blocks.append(Code([lines[j] for j in piece], piece[0] + 1, s.id if s else None,
                                  bool(s) and s.end in piece))
        piece = []

    while k < len(lines):
        if k in prose_at:
            flush()
            a, b = prose_at[k]
            body = textwrap.dedent("\n".join(lines[a:b]))
            s = section_at(a) or section_after(b)
            ch.blocks.append(Prose(body, a + 1, s.id if s else None))
            k = b + 1 if b < len(lines) and lines[b].strip() == "*/" else b
            continue
        if piece and (section_at(piece[-1]) is not section_at(k)):
            flush()
        piece.append(k)
        k += 1
    flush()

    # 4. The title: the first prose block opens with "# Chapter NN: Title".
    first = next((b for b in ch.blocks if isinstance(b, Prose)), None)
    if first is None:
        report.warning(path, 1, "no /*md prose blocks: the page shows only code and results")
    else:
        head = first.text.lstrip("\n").split("\n", 1)[0]
        m = TITLE_RE.match(head)
        if m:
            ch.title = m.group(2)
            if m.group(1).zfill(2) != number:
                report.warning(path, first.line, f"the title says chapter {m.group(1)} but the folder is {dirname}")
        else:
            report.warning(path, first.line, f"the first /*md block should start with '# Chapter {number}: Title'")
    return ch


# ---------------------------------------------------------------------------
# Math spans in the prose: find them (to report unclosed ones by line).

def scan_math(prose, path, report):
    """Returns [(tex, line)] for the $...$ and $$...$$ spans of a prose block,
    following pandoc's tex_math_dollars rules; reports unclosed spans."""
    spans = []
    state, opened, buf = None, 0, []
    fence = None
    lines = prose.text.split("\n")

    def unclosed():
        if state == "inline":
            report.error(path, opened, "unclosed inline math: this '$' has no closing '$' in its paragraph "
                         "(write \\$ for a dollar sign)")
        else:
            report.error(path, opened, "unclosed display math: this '$$' has no closing '$$' before the "
                         "paragraph ends")

    for off, line in enumerate(lines):
        lineno = prose.line + off
        st = line.strip()
        if state is None and (fence or re.match(r"^(```+|~~~+)", st)):
            m = re.match(r"^(```+|~~~+)", st)
            if fence is None:
                fence = m.group(1)
            elif m and m.group(1).startswith(fence) and st == m.group(1):
                fence = None
            continue
        if not st:
            if state:
                unclosed()
                state = None
            continue
        j, n = 0, len(line)
        while j < n:
            c = line[j]
            if c == "\\":
                if state:
                    buf.append(line[j:j + 2])
                j += 2
                continue
            if state is None and c == "`":
                run = re.match(r"`+", line[j:]).group(0)
                close = line.find(run, j + len(run))
                j = j + len(run) if close < 0 else close + len(run)
                continue
            if line.startswith("$$", j):
                if state is None:
                    state, opened, buf = "display", lineno, []
                    j += 2
                    continue
                if state == "display":
                    spans.append(("".join(buf).strip(), opened))
                    state = None
                    j += 2
                    continue
            if c == "$":
                if state is None:
                    if j + 1 < n and not line[j + 1].isspace():
                        state, opened, buf = "inline", lineno, []
                    j += 1
                    continue
                if state == "inline" and not line[j - 1].isspace() and not (j + 1 < n and line[j + 1].isdigit()):
                    spans.append(("".join(buf), opened))
                    state = None
                    j += 1
                    continue
            if state:
                buf.append(c)
            j += 1
        if state:
            buf.append("\n")
    if state:
        unclosed()
    return spans
