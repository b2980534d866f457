"""Reading a literate chapter source (chapters/NN_topic/chapter.cpp) for the book.

The prose sits in comment blocks that open with `/*md` alone on a line and close
with `*/` alone on a line: Markdown with TeX math ($...$, $$...$$). The code between
them checks each step; `ch.section("id", "Title", ...)` opens a section, which ends
before the next section, the next prose block or `ch.run(...)` (the chapter's report
gives those source lines; the source is not lexed as C++). parse_source() splits the file into Prose blocks
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
RUN_RE = re.compile(r'\bch\.run\(|\.run\(\s*argc')
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


def _sections_from_layout(layout, lines, is_code, path, report):
    """[(id, title, start index)] and the ch.run line index from a chapter report, if they
    still match the source (each line holds its ch.section("id" call); else None."""
    if not layout or not isinstance(layout.get("sections"), list):
        return None
    out = []
    for sec in layout["sections"]:
        k = (sec.get("line") or 0) - 1
        sid = sec.get("id")
        if not (0 <= k < len(lines) and is_code[k] and f'"{sid}"' in lines[k] and ".section(" in lines[k]):
            report.warning(path, k + 1 if 0 <= k < len(lines) else 0,
                           f"the report's line for section '{sid}' does not match the source (stale results? "
                           "run the chapter again); finding the sections in the source instead")
            return None
        out.append((sid, sec.get("title") or sid, k))
    run = ((layout.get("source") or {}).get("run_line") or 0) - 1
    return out, run if 0 <= run < len(lines) and ".run(" in lines[run] else None


def _sections_from_source(lines, is_code):
    """The same, found from the lines that call .section("id", "title" and .run(."""
    out, run = [], None
    for k, line in enumerate(lines):
        if not is_code[k]:
            continue
        code = line.split("//")[0]
        m = SECTION_RE.search(code)
        if m:
            title_m = re.search(r'\.section\(\s*"(?:[^"\\]|\\.)*"\s*,\s*"((?:[^"\\]|\\.)*)"', code)
            out.append((m.group(1), title_m.group(1) if title_m else m.group(1), k))
        elif RUN_RE.search(code):
            run = k
    return out, run


def parse_source(path, report, number, dirname, layout=None):
    """Splits chapter.cpp into prose and code pieces; reports structural errors.

    `layout` is the chapter's report (checks.json, or chNN --list --json): it gives the line
    of each ch.section(...) call and of ch.run(...). Without it (a chapter not run yet)
    those lines are found in the source. A section runs from its call to the line before
    the next boundary: the next section, the next prose block, or ch.run."""
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

    # 2. Sections: from the line of each ch.section call to the next boundary.
    starts, run = _sections_from_layout(layout, lines, is_code, path, report) or (None, None)
    if starts is None or run is None:
        src_starts, src_run = _sections_from_source(lines, is_code)
        starts, run = starts if starts is not None else src_starts, run if run is not None else src_run
    boundaries = sorted({k for _, _, k in starts} | {a - 1 for a, _ in prose_spans} |
                        ({run} if run is not None else set()))
    seen = {}
    for sid, title, k in starts:
        nxt = next((b for b in boundaries if b > k), len(lines))
        end = nxt - 1
        while end > k and (not is_code[end] or not lines[end].strip()):
            end -= 1
        if sid in seen:
            report.error(path, k + 1, f"section '{sid}' is registered twice (first on line {seen[sid]})")
            continue
        seen[sid] = k + 1
        ch.sections.append(Section(sid, title, k, end))

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
