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

Modules: literate.py reads a chapter source, bookpage.py weaves one page's Markdown,
this one runs pandoc, writes the index, checks the links and is the command.

Broken input (an unclosed /*md comment or math span, a figure the chapter did not
produce, TeX pandoc cannot read) is reported as `file:line: error: message`; the
book is still written, with the problem marked on the page, and the exit status is
1. Usage errors exit 2.
"""
import argparse
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

from . import common
from .bookpage import load_checks, raw_html, summary_text, warn_stale_sections, weave_markdown
from .literate import Prose, Report, parse_source, scan_math

HERE = Path(__file__).resolve().parent
CSS = HERE / "book.css"
TEMPLATE = HERE / "book.html"
MARKER = ".workbook-book"  # marks a folder this tool owns (and may replace)

# The fonts the book ships in fonts/, from Debian's fonts-lmodern: Latin Modern, under
# the GUST Font License (LPPL 1.3c), which allows redistributing the unmodified files;
# the licence, README and manifest go beside them. Latin Modern Math carries the
# OpenType MATH table the browser needs to lay out MathML like TeX.
LM = Path("/usr/share/texmf/fonts/opentype/public")
FONTS = [LM / "lm-math" / "latinmodern-math.otf"] + [
    LM / "lm" / f"{n}.otf" for n in ("lmroman10-regular", "lmroman10-italic", "lmroman10-bold",
                                     "lmroman10-bolditalic", "lmsans10-regular", "lmsans10-bold", "lmmono10-regular")]
FONT_NOTES = [Path("/usr/share/texmf/doc/fonts/lm-math") / n for n in (
    "GUST-FONT-LICENSE.txt", "README-Latin-Modern-Math.txt", "MANIFEST-Latin-Modern-Math.txt")] + [
    Path("/usr/share/doc/fonts-lmodern") / n for n in ("README-Latin-Modern.TXT", "MANIFEST-Latin-Modern.TXT",
                                                       "copyright")]


def copy_fonts(out):
    """Copies the book's fonts and their licence into out/fonts/."""
    dest = Path(out) / "fonts"
    dest.mkdir(parents=True, exist_ok=True)
    for src in FONTS + FONT_NOTES:
        shutil.copyfile(src, dest / ("fonts-lmodern-copyright.txt" if src.name == "copyright" else src.name))

USAGE = """usage: ./workbook book [--out DIR] [--chapter NN]... [--figures DIR] [--pdf]

Weaves chapters/NN_topic/chapter.cpp and the results of its last run
(figures/NN_topic/checks.json, figures) into an HTML book; open DIR/index.html.

  --out DIR      where to write the book (default: book/ in the workbook)
  --chapter NN   weave only chapter NN (repeatable); the index is rewritten too
  --figures DIR  read each chapter's results and figures from DIR/NN_topic/
                 (default: figures/); e.g. the student runs of `./workbook run`,
                 build/default/student-figures
  --root DIR     the workbook to read (default: the one this tool belongs to)
  --pdf          also print it with headless Chromium to DIR/workbook.pdf (A4,
                 numbered pages; with one --chapter NN, to DIR/NN_topic.pdf)

Exit status: 0 written; 1 written, but some chapter has broken input (listed as
file:line: error: ...); 2 usage error."""


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
    """Previous chapter, contents, next chapter: one line, long titles cut with an ellipsis."""
    e = html.escape
    return "".join([
        f'<a class="prev" rel="prev" href="{e(prev[0])}.html" title="{e(prev[1])}">← <span class="t">{e(prev[1])}</span></a>' if prev
        else '<span class="prev"></span>',
        '<a class="up" href="index.html">Contents</a>',
        f'<a class="next" rel="next" href="{e(nxt[0])}.html" title="{e(nxt[1])}"><span class="t">{e(nxt[1])}</span> →</a>' if nxt
        else '<span class="next"></span>'])


def display_title(ch):
    return f"{ch.number} · {ch.title or ch.dir}"


API_RE = r"^//\s*(?:-+\s*)?{id}\s+{x}\b"


def exercise_api(folder, ident, x):
    """The declaration of exercise ident in the chapter's API header: its comment
    (starting "// NN.k x") and the lines after it, up to a blank line."""
    for h in sorted(Path(folder).glob("*.hpp")):
        lines = h.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            if re.match(API_RE.format(id=re.escape(ident), x=re.escape(x)), line.strip()):
                block = []
                for ln in lines[i:]:
                    if not ln.strip():
                        break
                    block.append(ln)
                if any(not ln.lstrip().startswith(("//", "#")) and "(" in ln for ln in block):  # a declaration
                    return h.name, "\n".join(block)
    return None, ""


def exercises_markdown(root, dirname):
    """The chapter's exercises, for the end of its page: id, title, the API to
    implement, how to check it, and the hint folded under a click."""
    from . import catalog
    exs = [e for e in catalog.exercises(root) if e.dirname == dirname] if (Path(root) / "exercises").is_dir() else []
    if not exs:
        return ""
    e = html.escape
    hints = catalog.hints(root, dirname)
    out = ["\n## Exercises\n", raw_html('<section class="exercises"><dl>')]
    for ex in exs:
        header, api = exercise_api(Path(root) / "exercises" / dirname, ex.id, ex.x)
        title = f" — {e(ex.title)}" if ex.title else ""
        out.append(raw_html(
            f'<dt id="exercise-{e(ex.id)}">{e(ex.id)} <code>{e(ex.x)}</code>{title}</dt><dd>'
            + (f'<pre class="api"><code>{e(api)}</code></pre>' if api else "")
            + f"<p>Write it in <code>exercises/{e(dirname)}/{e(ex.x)}.cpp</code>"
            + (f" (the API is in <code>{e(header)}</code>)" if header else "")
            + f"; test it with <code>./workbook check {e(ex.id)}</code>.</p>"))
        hint = (hints.get(ex.x) or (0, "", ""))[2]
        if hint:
            out.append(raw_html("<details><summary>Hint</summary>") + "\n" + hint + "\n" + raw_html("</details>"))
        out.append(raw_html("</dd>"))
    out.append(raw_html("</dl></section>"))
    return "\n".join(out) + "\n"


def render_chapter(ch, figures, out, report, prev, nxt, book_title, pages=()):
    figdir = Path(figures) / ch.dir
    copies = {}
    md = weave_markdown(ch, figdir, report, copies, pages)
    md += exercises_markdown(Path(ch.source).parents[2], ch.dir)
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
    """The (id, inner HTML) of a page's <h2> headings, math included: the sections
    listed in the contents."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self.cur = [], None

    def handle_starttag(self, tag, attrs):
        if tag == "h2":
            self.cur = [dict(attrs).get("id") or "", []]
        elif self.cur is not None:
            self.cur[1].append(self.get_starttag_text())

    def handle_startendtag(self, tag, attrs):
        if self.cur is not None:
            self.cur[1].append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if tag == "h2" and self.cur is not None:
            self.found.append((self.cur[0], re.sub(r"\s+", " ", "".join(self.cur[1])).strip()))
            self.cur = None
        elif self.cur is not None:
            self.cur[1].append(f"</{tag}>")

    def handle_data(self, data):
        if self.cur is not None:
            self.cur[1].append(html.escape(data, quote=False))


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
            secs = "".join(f'<li><a href="{e(ch.dir)}.html#{e(i)}">{t}</a></li>' for i, t in h.found if i)
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

def load_chapter(root, figures, number, dirname, report):
    src = Path(root) / "chapters" / dirname / "chapter.cpp"
    if not src.exists():
        report.warning(src, 0, "no chapter.cpp yet: the chapter is left out of the book")
        return None
    checks = load_checks(number, Path(figures) / dirname, report)
    ch = parse_source(src, report, number, dirname, layout=checks)
    for b in ch.blocks:
        if isinstance(b, Prose):
            ch.math += scan_math(b, src, report)
    ch.checks = checks
    warn_stale_sections(ch, report, Path(figures) / dirname)
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
    # Named *.tmp (gitignored) in case the build is interrupted.
    work = Path(tempfile.mkdtemp(prefix=f"{out.name}-new-", suffix=".tmp", dir=out.parent))
    work.chmod(0o755)
    return work


def build(root, out, only=None, stream=sys.stderr, figures=None):
    """Weaves the book from root/chapters and the runs' results in `figures` (default
    root/figures, one NN_topic/ folder per chapter); returns (exit status, Report)."""
    root, out = Path(root).resolve(), Path(out).resolve()
    figures = Path(figures).resolve() if figures else root / "figures"
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
    missing = [str(p) for p in FONTS + FONT_NOTES if not p.is_file()]
    if missing:
        common.die(f"the book's fonts are missing ({missing[0]}): apt-get install fonts-lmodern")
    full = not only
    work = _prepare_out(out, replace=full)
    try:
        loaded = []
        for n, d in chapters:
            if full or n in only:
                ch = load_chapter(root, figures, n, d, report)
            else:  # only for the index and the links: read quietly
                ch = load_chapter(root, figures, n, d, Report(root, quiet=True))
            if ch is not None:
                loaded.append(ch)
        title = book_title_of(root)
        (work / MARKER).write_text("This folder is written by `./workbook book`; it is replaced on each build.\n")
        shutil.copyfile(CSS, work / "book.css")
        copy_fonts(work)
        present = [c for c in loaded if (full or c.number in only or (work / f"{c.dir}.html").exists())]
        for ch in loaded:
            if not (full or ch.number in only):
                continue
            k = present.index(ch)
            prev = (present[k - 1].dir, display_title(present[k - 1])) if k > 0 else None
            nxt = (present[k + 1].dir, display_title(present[k + 1])) if k + 1 < len(present) else None
            render_chapter(ch, figures, work, report, prev, nxt, title, {f"{c.dir}.html" for c in loaded})
        index = pandoc(index_markdown(loaded, work, title), title, {"nav": "", "booktitle": html.escape(title)},
                       report, root / "chapters", toc=False)
        if index is not None:
            (work / "index.html").write_text(index, encoding="utf-8")
        for page, msg in check_links(work):
            report.error(out / page, 0, msg)
        if full:
            old = None
            if out.exists():
                old = out.parent / f"{out.name}-old-{os.getpid()}.tmp"
                out.rename(old)
            work.rename(out)
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        if full and work.exists():
            shutil.rmtree(work, ignore_errors=True)
        raise
    return (1 if report.errors else 0), report


# ---------------------------------------------------------------------------
# Printing: one page with every chapter, printed to PDF by headless Chromium.

MAIN_RE = re.compile(r"<main>(.*)</main>", re.S)
TOC_RE = re.compile(r'<nav id="TOC".*?</nav>', re.S)


def print_page(out, pages, title):
    """out/print.html: the given pages' contents one after another (a chapter per
    article, each starting a new printed page), styled by book.css."""
    parts = []
    for page in pages:
        m = MAIN_RE.search((out / page).read_text(encoding="utf-8"))
        body = TOC_RE.sub("", m.group(1)) if m else ""
        parts.append(f'<article class="print-chapter">{body}</article>')
    doc = ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
           f"<title>{html.escape(title)}</title>\n"
           '<link rel="stylesheet" href="book.css">\n</head>\n<body>\n<main>\n' + "\n".join(parts) +
           "\n</main>\n</body>\n</html>\n")
    dest = out / "print.html"
    dest.write_text(doc, encoding="utf-8")
    return dest


def print_pdf(out, only=None, title="Workbook"):
    """Prints the book in out (all chapters, or those in only) to out/workbook.pdf (or
    out/NN_topic.pdf for one chapter); returns the PDF's path."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        common.die("--pdf needs Chromium (apt-get install chromium)")
    out = Path(out)
    chapters = sorted(p.name for p in out.glob("[0-9][0-9]_*.html"))
    if only:
        chapters = [c for c in chapters if c[:2] in only]
    pages = chapters if only else ["index.html"] + chapters
    src = print_page(out, pages, title)
    pdf = out / (f"{chapters[0][:-5]}.pdf" if only and len(chapters) == 1 else "workbook.pdf")
    tmp = pdf.with_name(pdf.name + ".tmp")
    with tempfile.TemporaryDirectory(prefix="wb-print-") as profile:
        r = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            f"--user-data-dir={profile}", "--no-pdf-header-footer", f"--print-to-pdf={tmp}",
                            src.resolve().as_uri()], capture_output=True, text=True, timeout=600)
    if r.returncode != 0 or not tmp.exists() or tmp.stat().st_size == 0:
        tmp.unlink(missing_ok=True)
        common.die(f"printing with Chromium failed: {(r.stderr or '').strip().splitlines()[-1:] or r.returncode}")
    os.replace(tmp, pdf)
    return pdf


def chapter_arg(v):
    m = re.match(r"^(\d{1,2})(_[a-z0-9_]+)?/?$", v)
    if not m:
        raise argparse.ArgumentTypeError(f"expected a chapter number like 13, got '{v}'")
    return m.group(1).zfill(2)


def parse_args(args):
    from .exgen import ArgParser
    if any(a in ("-h", "--help") for a in args):
        print(USAGE)
        return None
    ap = ArgParser(prog="./workbook book", add_help=False)
    ap.add_argument("--out")
    ap.add_argument("--chapter", dest="chapters", action="append", default=[], type=chapter_arg)
    ap.add_argument("--root")
    ap.add_argument("--figures")
    ap.add_argument("--pdf", action="store_true")
    o = ap.parse_args(args)
    if o.out is not None and Path(o.out).exists() and not Path(o.out).is_dir():
        common.die(f"--out {o.out}: is a file, not a folder")
    return vars(o)


def main(cmd, args):
    opts = parse_args(args)
    if opts is None:
        return 0
    root = Path(opts["root"]).resolve() if opts["root"] else common.ROOT
    if not (root / "chapters").is_dir():
        common.die(f"--root {root}: no chapters/ folder")
    out = Path(opts["out"]).resolve() if opts["out"] else root / "book"
    figures = Path(opts["figures"]).resolve() if opts["figures"] else None
    if figures is not None and not figures.is_dir():
        common.die(f"--figures {opts['figures']}: no such folder")
    status, report = build(root, out, opts["chapters"] or None, figures=figures)
    n_err, n_warn = len(report.errors), len(report.warnings)
    print(f"book: {out / 'index.html'}  ({n_err} errors, {n_warn} warnings)")
    if opts["pdf"]:
        print(f"book: {print_pdf(out, opts['chapters'] or None, book_title_of(root))}")
    if n_err:
        print(f"book: written, but {n_err} problems in the chapter sources need fixing (listed above)",
              file=sys.stderr)
    return status
