"""The book weaver: turns each literate chapter source into a page of an HTML book.

    ./workbook book [--out DIR] [--chapter NN]...

A chapter's source is its derivation (see the README, "Literate chapter source"):
/*md ... */ blocks hold the prose (Markdown with TeX math), the code between them
checks each step, and figures/NN_topic/checks.json holds the results of the last
run. Each chapter becomes book/NN_topic.html:

    prose (verbatim) -> code of the step, folded in <details> -> the step's results
    (after the last code line of its ch.section(...)) -> the next prose block ...

with its figures copied into book/NN_topic/. book/index.html lists the chapters and
their check summaries. Pandoc renders the math as MathML, so the book needs neither
network access nor JavaScript.

Broken input (an unclosed /*md comment or math span, a figure the chapter did not
produce, TeX pandoc cannot read) is reported as `file:line: error: message`; the
book is still written, with the problem marked on the page, and the exit status is
1. Usage errors exit 2.
"""
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from . import common

HERE = Path(__file__).resolve().parent
CSS = HERE / "book.css"
TEMPLATE = HERE / "book.html"
MARKER = ".workbook-book"  # marks a folder this tool owns (and may replace)

USAGE = """usage: ./workbook book [--out DIR] [--chapter NN]...

Weaves chapters/NN_topic/chapter.cpp and the results of its last run
(figures/NN_topic/checks.json, figures) into an HTML book; open DIR/index.html.

  --out DIR      where to write the book (default: book/ in the workbook)
  --chapter NN   weave only chapter NN (repeatable); the index is rewritten too
  --root DIR     the workbook to read (default: the one this tool belongs to)

Exit status: 0 written; 1 written, but some chapter has broken input (listed as
file:line: error: ...); 2 usage error."""


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


# ---------------------------------------------------------------------------
# Results of the last run.

def load_checks(ch, figdir, report):
    path = figdir / "checks.json"
    if not path.exists():
        report.warning(path, 0, f"chapter {ch.number} has not been run yet (no checks.json): the page shows no "
                       f"results and no figures; run the chapter (./workbook run {ch.number}) and weave again")
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        report.error(path, e.lineno, f"not valid JSON ({e.msg}); run the chapter again")
        return None
    if not isinstance(data, dict) or not isinstance(data.get("sections"), list):
        report.error(path, 1, "not a chapter report (no 'sections' list); run the chapter again")
        return None
    known = {s.id for s in ch.sections}
    for s in data["sections"]:
        if s.get("id") not in known:
            report.warning(path, 0, f"results for section '{s.get('id')}', which {ch.source.name} no longer "
                           "registers (stale results? run the chapter again)")
    return data


def fmt_num(x, spec=".6g"):
    if x is None:
        return "nan"
    try:
        return format(float(x), spec)
    except (TypeError, ValueError):
        return html.escape(str(x))


def verdict(check):
    if check.get("control"):
        return "rejected" if check.get("ok") else "accepted"
    return "pass" if check.get("ok") else "fail"


def results_html(section, res, run_info):
    """The results of one section as an HTML fragment (a table of its checks)."""
    e = html.escape
    out = [f'<section class="results" id="results-{e(section.id)}">',
           f'<p class="results-head">Results of <code>{e(section.id)}</code> — {e(section.title)}'
           f'{run_info}</p>']
    if res is None:
        out.append('<p class="status not-run">This section did not run in the last run of the chapter.</p>')
        out.append("</section>")
        return "\n".join(out)
    status = res.get("status", "ran")
    if status == "skipped":
        ex = res.get("waits_on", "")
        exid = ex.split(" ")[0] if ex else ""
        out.append(f'<p class="status skipped">Skipped: this section waits on exercise <b>{e(ex)}</b> '
                   f'(<code>./workbook hint {e(exid)}</code>).</p>')
    elif status == "error":
        out.append(f'<p class="status error">Error: {e(res.get("error", ""))}</p>')
    checks = res.get("checks") or []
    if checks:
        out.append('<div class="table-wrap"><table class="checks">')
        out.append("<thead><tr><th>verdict</th><th>claim</th><th>lhs</th><th>rhs</th><th>test</th></tr></thead>")
        out.append("<tbody>")
        for c in checks:
            v = verdict(c)
            kind = c.get("kind", "")

            def val(x, se):
                s = f'<span class="n">{e(fmt_num(x))}</span>'
                return f'{s} <span class="n">± {e(fmt_num(se, ".2g"))}</span>' if se and se > 0 else s
            stat = {"monte_carlo": "|z|", "holds": ""}.get(kind, "rel")
            test = (f'<span class="n">{stat} {e(fmt_num(c.get("stat"), ".3g"))}</span> '
                    f'<span class="n">≤ {e(fmt_num(c.get("tol"), ".3g"))}</span>') if stat else e(kind)
            claim = e(c.get("claim", ""))
            if c.get("control"):
                claim = f'<span class="control">control:</span> {claim}'
            if c.get("detail"):
                claim += f'<span class="detail">{e(c["detail"])}</span>'
            out.append(f'<tr class="{v}"><td class="verdict" data-label="verdict">{v}</td>'
                       f'<td class="claim" data-label="claim">{claim}</td>'
                       f'<td class="num" data-label="lhs">{val(c.get("lhs"), c.get("lhs_se"))}</td>'
                       f'<td class="num" data-label="rhs">{val(c.get("rhs"), c.get("rhs_se"))}</td>'
                       f'<td class="num" data-label="test">{test}</td></tr>')
        out.append("</tbody></table></div>")
    elif status == "ran":
        out.append('<p class="status">No checks recorded in this section.</p>')
    notes = res.get("notes") or []
    if notes:
        out.append('<ul class="notes">' + "".join(f"<li>{e(n)}</li>" for n in notes) + "</ul>")
    out.append("</section>")
    return "\n".join(out)


def summary_counts(checks):
    s = (checks or {}).get("summary") or {}
    return {k: int(s.get(k, 0) or 0) for k in ("passed", "failed", "rejected", "accepted", "skipped_sections", "errors")}


def plural(n, word):
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary_text(checks):
    if checks is None:
        return "not run yet", "not-run"
    c = summary_counts(checks)
    text = (f"{plural(c['passed'], 'check')} passed, {c['failed']} failed; "
            f"{plural(c['rejected'], 'control')} rejected, {c['accepted']} accepted")
    if c["skipped_sections"]:
        text += f"; {plural(c['skipped_sections'], 'section')} skipped (waiting on exercises)"
    if c["errors"]:
        text += f"; {plural(c['errors'], 'error')}"
    cls = "fail" if (c["failed"] or c["accepted"] or c["errors"]) else "skipped" if c["skipped_sections"] else "pass"
    return text, cls


# ---------------------------------------------------------------------------
# Weaving one chapter into Markdown for pandoc.

def raw_html(fragment):
    return "\n```{=html}\n" + fragment + "\n```\n"


def code_markdown(piece, section_titles):
    fence = "`" * max(3, 1 + max((len(m) for ln in piece.lines for m in re.findall(r"`+", ln)), default=0))
    last = piece.line + len(piece.lines) - 1
    where = f"lines {piece.line}–{last}" if last > piece.line else f"line {piece.line}"
    label = f"C++ · {html.escape(section_titles.get(piece.section, ''))} · " if piece.section else "C++ · "
    return (raw_html(f'<details class="code"><summary>{label}{where}</summary>')
            + f'\n{fence}{{.cpp .numberLines startFrom="{piece.line}"}}\n' + "\n".join(piece.lines)
            + f"\n{fence}\n" + raw_html("</details>"))


def figure_file(figdir, name):
    """The file a figure reference or a figures[] entry stands for, or None."""
    p = figdir / name
    if p.suffix == "" and (figdir / (name + ".svg")).exists():
        return figdir / (name + ".svg")
    return p if p.is_file() else None


def weave_markdown(ch, figdir, report, copies, pages=()):
    """The chapter page as pandoc Markdown. Fills copies {book path: source file}.
    `pages` are the file names of the book's chapter pages (prose may link to them)."""
    checks = ch.checks
    results = {s.get("id"): s for s in (checks or {}).get("sections", [])}
    titles = {s.id: s.title for s in ch.sections}
    ran_figs = {s.get("id"): set(s.get("figures") or []) for s in (checks or {}).get("sections", [])}
    all_figs = set((checks or {}).get("summary", {}).get("figures") or [])
    for f in ran_figs.values():
        all_figs |= f
    referenced = set()
    md = []

    run_info = ""
    if checks is not None:
        bits = [f"seed {checks.get('seed')}"]
        if checks.get("quick"):
            bits.append("--quick")
        if checks.get("only"):
            bits.append("--only " + ",".join(checks["only"]))
        run_info = f' <span class="run">(last run: {html.escape(", ".join(map(str, bits)))})</span>'

    def image(m, prose, offset):
        alt, target = m.group(1), m.group(2)
        line = prose.line + prose.text.count("\n", 0, offset + m.start())
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith("#"):
            return m.group(0)
        src = (figdir / target).resolve()
        if figdir.resolve() not in src.parents:
            report.error(ch.source, line, f"figure '{target}' is outside figures/{ch.dir}/ (name it by its file "
                         "name, e.g. ![Caption](name.svg))")
            return m.group(0)
        stem = Path(target).stem
        referenced.add(stem)
        sec = results.get(prose.section)
        if not src.is_file():
            if checks is None:
                why = "the chapter has not been run yet"
                cls = "missing-figure pending"
            elif sec is not None and sec.get("status") in ("skipped", "error"):
                why = f"section '{prose.section}' did not run ({sec.get('status')})"
                report.warning(ch.source, line, f"figure '{target}' is missing: {why}")
                cls = "missing-figure pending"
            elif prose.section and sec is None and checks.get("only"):
                why = f"section '{prose.section}' was not in the last (--only) run"
                report.warning(ch.source, line, f"figure '{target}' is missing: {why}")
                cls = "missing-figure pending"
            else:
                why = f"the chapter did not produce figures/{ch.dir}/{target}"
                report.error(ch.source, line, f"figure '{target}' is missing: {why}")
                cls = "missing-figure error"
            return (f'<span class="{cls}">[figure <code>{html.escape(target)}</code>: '
                    f'{html.escape(alt)} — not shown: {html.escape(why)}]</span>')
        if checks is not None and all_figs and stem not in all_figs and not checks.get("only"):
            report.error(ch.source, line, f"figure '{target}' is not produced by the chapter (its last run wrote "
                         f"{', '.join(sorted(all_figs))}); a stale file?")
        copies[f"{ch.dir}/{target}"] = src
        whole, a, b = m.group(0), m.start(2) - m.start(), m.end(2) - m.start()
        return whole[:a] + f"{ch.dir}/{target}" + whole[b:]

    def link(m, prose):
        target = m.group(1)
        line = prose.line + prose.text.count("\n", 0, m.start())
        path, _, frag = target.partition("#")
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or not path or path in pages:
            return m.group(0)
        src = (figdir / path).resolve()
        if figdir.resolve() in src.parents and src.is_file():
            copies[f"{ch.dir}/{path}"] = src
            whole, a, b = m.group(0), m.start(1) - m.start(), m.end(1) - m.start()
            return whole[:a] + f"{ch.dir}/{target}" + whole[b:]
        if checks is None and figdir.resolve() in src.parents:
            report.warning(ch.source, line, f"link to '{target}': not there until the chapter runs")
        else:
            report.error(ch.source, line, f"link to '{target}', which is neither a chapter page (NN_topic.html) "
                         f"nor a file the chapter wrote in figures/{ch.dir}/")
        return m.group(0)[1:m.group(0).index("](")]  # the link text, unlinked

    def figure_html(name):
        f = figure_file(figdir, name + ".svg") or figure_file(figdir, name + ".png")
        if f is None:
            return ""
        copies[f"{ch.dir}/{f.name}"] = f
        # The caption: the figure's title, the first line of its gnuplot script ("# Title").
        gp, title = figdir / (name + ".gp"), ""
        if gp.is_file():
            first = gp.read_text(encoding="utf-8", errors="replace").split("\n", 1)[0]
            title = first[1:].strip() if first.startswith("#") else ""
        e = html.escape
        return (f'<figure class="auto"><a href="{e(ch.dir)}/{e(f.name)}"><img src="{e(ch.dir)}/{e(f.name)}" '
                f'alt="{e(title or name)}"></a>'
                f'<figcaption>{e(title) + " " if title else ""}(<code>{e(f.name)}</code>)</figcaption></figure>')

    if checks is None:
        banner = raw_html(f'<p class="banner not-run">Chapter {ch.number} has not been run yet, so this page '
                          f'shows no results and no figures. Run it (<code>./workbook run {ch.number}</code>) '
                          f'and weave the book again (<code>./workbook book</code>).</p>')
    else:
        text, cls = summary_text(checks)
        banner = raw_html(f'<p class="banner {cls}">Last run: {html.escape(text)}.{run_info}</p>')

    # The page opens with the title: code above the first prose block (includes) follows it.
    blocks = list(ch.blocks)
    lead = 0
    while lead < len(blocks) and isinstance(blocks[lead], Code):
        lead += 1
    if 0 < lead < len(blocks):
        blocks = [blocks[lead]] + blocks[:lead] + blocks[lead + 1:]
    if not blocks or not isinstance(blocks[0], Prose):
        md.append(banner)
        banner = None

    for b in blocks:
        if isinstance(b, Prose):
            text = b.text
            out, pos = [], 0
            # Rewrite image and link targets (outside inline code spans) to the book's copies.
            for m in re.finditer(r"`+[^`]*`+|!?\[", text):
                if m.start() < pos or m.group(0).startswith("`"):
                    continue
                im = IMAGE_RE.match(text, m.start()) or LINK_RE.match(text, m.start())
                if im is None:
                    continue
                out.append(text[pos:m.start()])
                out.append(image(im, b, 0) if m.group(0) == "![" else link(im, b))
                pos = im.end()
            out.append(text[pos:])
            text = "".join(out)
            if banner is not None:  # the run's summary right under the chapter's title
                head, nl, rest = text.lstrip("\n").partition("\n")
                text = (head + "\n" + banner + rest) if head.startswith("#") else (banner + text)
                banner = None
            md.append("\n" + text + "\n")
        else:
            md.append(code_markdown(b, titles))
            if b.ends_section:
                s = next(x for x in ch.sections if x.id == b.section)
                frag = results_html(s, results.get(s.id), "") if checks is not None else ""
                # Figures the section drew that the prose does not show.
                extra = [figure_html(n) for n in sorted(ran_figs.get(s.id, ())) if n not in referenced]
                frag += "".join(x for x in extra if x)
                if frag:
                    md.append(raw_html(frag))
    # Results of sections in checks.json the source does not know (stale), so nothing is dropped.
    known = {s.id for s in ch.sections}
    for r in (checks or {}).get("sections", []):
        if r.get("id") not in known:
            md.append(raw_html(results_html(Section(r.get("id", "?"), r.get("title", ""), 0, 0), r,
                                            ' <span class="run">(not in the source any more)</span>')))
    return "".join(md)


# ---------------------------------------------------------------------------
# Pandoc.

class _MathFailures(HTMLParser):
    """Collects the TeX of math pandoc could not convert (left as span.math)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth, self.found, self.buf = 0, [], []

    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get("class") or ""
        if self.depth:
            self.depth += 1
        elif tag == "span" and "math" in cls.split():
            self.depth, self.buf = 1, []

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
            if not self.depth:
                self.found.append("".join(self.buf))

    def handle_data(self, data):
        if self.depth:
            self.buf.append(data)


def pandoc(markdown, pagetitle, variables, report, source, toc=True):
    exe = shutil.which("pandoc")
    if exe is None:
        common.die("pandoc is not installed (apt-get install pandoc)")
    cmd = [exe, "--mathml", "-f", "markdown", "-t", "html5", "--standalone", "--template", str(TEMPLATE),
           "--css", "book.css", "--metadata", f"pagetitle={pagetitle}", "--eol=lf"]
    if toc:
        cmd += ["--toc", "--toc-depth=2"]
    for k, v in variables.items():
        cmd += ["-V", f"{k}={v}"]
    r = subprocess.run(cmd, input=markdown, capture_output=True, text=True, encoding="utf-8")
    if r.returncode != 0:
        report.error(source, 0, f"pandoc failed: {r.stderr.strip()}")
        return None
    for w in r.stderr.strip().split("\n[WARNING]"):
        w = w.strip().removeprefix("[WARNING]").strip()
        if w and not w.startswith("Could not convert TeX math"):
            report.warning(source, 0, f"pandoc: {w.splitlines()[0]}")
    return r.stdout


TEX_HINTS = [("\\rm", "\\mathrm{...}"), ("\\bf", "\\mathbf{...}"), ("\\it", "\\mathit{...}"),
             ("\\cal", "\\mathcal{...}"), ("\\sf", "\\mathsf{...}"), ("\\tt", "\\mathtt{...}")]


def _norm(tex):
    return re.sub(r"\s+", " ", tex).strip().strip("$").strip()


def nav_html(prev, nxt):
    e = html.escape
    parts = ['<a class="up" href="index.html">Contents</a>']
    parts.append(f'<a class="prev" rel="prev" href="{e(prev[0])}.html">← {e(prev[1])}</a>' if prev
                 else '<span class="prev"></span>')
    parts.append(f'<a class="next" rel="next" href="{e(nxt[0])}.html">{e(nxt[1])} →</a>' if nxt
                 else '<span class="next"></span>')
    return "".join(parts)


def display_title(ch):
    return f"{ch.number} · {ch.title or ch.dir}"


def render_chapter(ch, root, out, report, prev, nxt, book_title, pages=()):
    figdir = Path(root) / "figures" / ch.dir
    copies = {}
    md = weave_markdown(ch, figdir, report, copies, pages)
    page = pandoc(md, f"Chapter {ch.number}: {ch.title or ch.dir} — {book_title}",
                  {"nav": nav_html(prev, nxt), "booktitle": html.escape(book_title)}, report, ch.source)
    if page is None:
        return False
    # Math pandoc could not convert is left as TeX in a span: report it by line.
    p = _MathFailures()
    p.feed(page)
    for tex in p.found:
        line = next((ln for t, ln in ch.math if _norm(t) == _norm(tex)), 0)
        hint = "".join(f"; pandoc does not know {old}: write {new}" for old, new in TEX_HINTS
                       if re.search(re.escape(old) + r"(?![A-Za-z])", tex))
        report.error(ch.source, line, f"pandoc cannot read this TeX (shown as source on the page): "
                     f"{_norm(tex)}{hint}")
    (out / f"{ch.dir}.html").write_text(page, encoding="utf-8")
    figout = out / ch.dir
    if figout.exists():
        shutil.rmtree(figout)
    for rel, src in sorted(copies.items()):
        dst = out / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dst)
    return True


class _Headings(HTMLParser):
    """The (id, text) of a page's <h2> headings: the sections listed in the contents."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self.cur = [], None

    def handle_starttag(self, tag, attrs):
        if tag == "h2":
            self.cur = [dict(attrs).get("id") or "", []]

    def handle_endtag(self, tag):
        if tag == "h2" and self.cur is not None:
            self.found.append((self.cur[0], re.sub(r"\s+", " ", "".join(self.cur[1])).strip()))
            self.cur = None

    def handle_data(self, data):
        if self.cur is not None:
            self.cur[1].append(data)


def index_markdown(chapters, out, book_title):
    e = html.escape
    items = []
    for ch in chapters:
        text, cls = summary_text(ch.checks)
        name = e(ch.title or ch.dir)
        page = out / f"{ch.dir}.html"
        item = [f'<li class="chapter"><span class="num">{e(ch.number)}</span> ']
        if page.exists():
            item.append(f'<a class="title" href="{e(ch.dir)}.html">{name}</a>')
            h = _Headings()
            h.feed(page.read_text(encoding="utf-8"))
            secs = "".join(f'<li><a href="{e(ch.dir)}.html#{e(i)}">{e(t)}</a></li>' for i, t in h.found if i)
        else:
            item.append(f'<span class="title">{name}</span> <span class="run">(not woven)</span>')
            secs = ""
        item.append(f'<br><span class="badge {cls}">{e(text)}</span>')
        if secs:
            item.append(f'<ul class="sections">{secs}</ul>')
        items.append("".join(item) + "</li>")
    contents = '<ol class="contents">\n' + "\n".join(items) + "\n</ol>"
    legend = ('<p class="legend">Verdicts: <span class="badge pass">pass</span> a step of the derivation checks '
              'out; <span class="badge fail">fail</span> it does not; <span class="badge rejected">rejected</span> a '
              'control (a plausible wrong variant) was rejected, as it must be; <span class="badge accepted">'
              'accepted</span> a control slipped through, so the check could not tell right from wrong.</p>')
    intro = ("Each chapter is a derivation. Every step states a claim and is checked by the code under it "
             "(folded: open **C++** to read it), followed by the results of the chapter's last run and its "
             "figures.")
    return f"# {book_title}\n\n{intro}\n" + raw_html(legend) + "\n## Contents\n" + raw_html(contents)


def book_title_of(root):
    readme = Path(root) / "README.md"
    if readme.exists():
        for line in readme.read_text(encoding="utf-8").splitlines():
            if line.startswith("# "):
                return line[2:].strip()
    return "Workbook"


# ---------------------------------------------------------------------------
# Checking the written book: every local link and image points at something.

class _Refs(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refs, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        for key in ("href", "src"):
            if a.get(key) is not None and (tag, key) in (("a", "href"), ("img", "src"), ("link", "href"),
                                                          ("script", "src"), ("source", "src")):
                self.refs.append((tag, a[key]))


def check_links(out):
    """Problems with the book in `out`: [(page, message)] for references to missing files or anchors."""
    out = Path(out)
    pages = {}
    for page in sorted(out.glob("*.html")):
        p = _Refs()
        p.feed(page.read_text(encoding="utf-8"))
        pages[page.name] = p
    problems = []
    for name, p in pages.items():
        for tag, ref in p.refs:
            if re.match(r"^[a-z][a-z0-9+.-]*:", ref, re.I):
                problems.append((name, f"<{tag}> refers to {ref}: the book must work offline"))
                continue
            path, _, frag = ref.partition("#")
            target = (out / name).parent / path if path else out / name
            if not target.exists():
                problems.append((name, f"<{tag}> refers to missing {path}"))
            elif frag and target.suffix == ".html":
                tp = pages.get(target.name)
                if tp is not None and frag not in tp.ids:
                    problems.append((name, f"<{tag}> refers to missing anchor #{frag} in {target.name}"))
    return problems


# ---------------------------------------------------------------------------
# The command.

def load_chapter(root, number, dirname, report):
    src = Path(root) / "chapters" / dirname / "chapter.cpp"
    if not src.exists():
        report.warning(src, 0, "no chapter.cpp yet: the chapter is left out of the book")
        return None
    ch = parse_source(src, report, number, dirname)
    for b in ch.blocks:
        if isinstance(b, Prose):
            ch.math += scan_math(b, src, report)
    ch.checks = load_checks(ch, Path(root) / "figures" / dirname, report)
    if not ch.title and ch.checks:
        ch.title = str(ch.checks.get("title", ""))
    return ch


def _prepare_out(out, replace):
    """Checks that `out` is ours to write; returns the folder to write into."""
    if out.exists() and not out.is_dir():
        common.die(f"--out {out}: not a folder")
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        common.die(f"--out {out}: the folder exists and is not a book folder (no {MARKER}); choose another")
    if not replace:
        out.mkdir(parents=True, exist_ok=True)
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}-new-", dir=out.parent))
    work.chmod(0o755)
    return work


def build(root, out, only=None, stream=sys.stderr):
    """Weaves the book; returns (exit status, Report)."""
    root, out = Path(root).resolve(), Path(out).resolve()
    report = Report(root, stream)
    chapters = common.chapter_dirs(root)
    if not chapters:
        common.die(f"no chapters under {root / 'chapters'}")
    numbers = [n for n, _ in chapters]
    if only:
        for n in only:
            if n not in numbers:
                common.die(f"--chapter {n}: no such chapter (chapters: {', '.join(numbers)})")
    if shutil.which("pandoc") is None:
        common.die("pandoc is not installed (apt-get install pandoc)")
    full = not only
    work = _prepare_out(out, replace=full)
    try:
        loaded = []
        for n, d in chapters:
            if full or n in only:
                ch = load_chapter(root, n, d, report)
            else:  # only for the index and the links: read quietly
                ch = load_chapter(root, n, d, Report(root, quiet=True))
            if ch is not None:
                loaded.append(ch)
        title = book_title_of(root)
        (work / MARKER).write_text("This folder is written by `./workbook book`; it is replaced on each build.\n")
        shutil.copyfile(CSS, work / "book.css")
        present = [c for c in loaded if (full or c.number in only or (work / f"{c.dir}.html").exists())]
        for ch in loaded:
            if not (full or ch.number in only):
                continue
            k = present.index(ch)
            prev = (present[k - 1].dir, display_title(present[k - 1])) if k > 0 else None
            nxt = (present[k + 1].dir, display_title(present[k + 1])) if k + 1 < len(present) else None
            render_chapter(ch, root, work, report, prev, nxt, title, {f"{c.dir}.html" for c in loaded})
        index = pandoc(index_markdown(loaded, work, title), title, {"nav": "", "booktitle": html.escape(title)},
                       report, root / "chapters", toc=False)
        if index is not None:
            (work / "index.html").write_text(index, encoding="utf-8")
        for page, msg in check_links(work):
            report.error(out / page, 0, msg)
        if full:
            old = None
            if out.exists():
                old = out.parent / f".{out.name}-old-{os.getpid()}"
                out.rename(old)
            work.rename(out)
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        if full and work.exists():
            shutil.rmtree(work, ignore_errors=True)
        raise
    return (1 if report.errors else 0), report


def parse_args(args):
    opts = {"out": None, "chapters": [], "root": None}
    it = iter(args)
    for a in it:
        if a in ("-h", "--help"):
            print(USAGE)
            return None
        key, eq, val = a.partition("=")
        if key in ("--out", "--chapter", "--root"):
            if not eq:
                val = next(it, None)
                if val is None or val.startswith("--"):
                    common.die(f"{key} needs a value (see ./workbook book --help)")
            if key == "--chapter":
                m = re.match(r"^(\d{1,2})(_[a-z0-9_]+)?/?$", val)
                if not m:
                    common.die(f"--chapter {val}: expected a chapter number like 13")
                opts["chapters"].append(m.group(1).zfill(2))
            else:
                opts[key[2:]] = val
        else:
            common.die(f"book: unknown argument '{a}' (see ./workbook book --help)")
    return opts


def main(cmd, args):
    opts = parse_args(args)
    if opts is None:
        return 0
    root = Path(opts["root"]).resolve() if opts["root"] else common.ROOT
    if not (root / "chapters").is_dir():
        common.die(f"--root {root}: no chapters/ folder")
    out = Path(opts["out"]).resolve() if opts["out"] else root / "book"
    status, report = build(root, out, opts["chapters"] or None)
    n_err, n_warn = len(report.errors), len(report.warnings)
    print(f"book: {out / 'index.html'}  ({n_err} errors, {n_warn} warnings)")
    if n_err:
        print(f"book: written, but {n_err} problems in the chapter sources need fixing (listed above)",
              file=sys.stderr)
    return status
