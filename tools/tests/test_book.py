"""Tests of the book weaver (tools/wbtools/book.py), read the way a reader reads the book.

Run from the repository root:  python3 -m unittest discover -s tools/tests -t .

Each test builds its own small workbook (chapters/99_demo/chapter.cpp, its checks.json
and a figure) in a temporary folder. The browser tests open the woven pages in headless
Chromium (skipped when /usr/bin/chromium is missing): every figure must load, every
math element must be laid out as MathML, nothing may stick out sideways on a phone, and
each page is saved as a screenshot under build/book-test/ to look at.
"""
import contextlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

from wbtools import book, common, literate  # noqa: E402

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
SHOTS = ROOT / "build" / "book-test"

SVG = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 560 400"><rect width="560" height="400" fill="#fff"/>'
       '<path d="M40 360 L200 120 L520 60" stroke="#0072B2" stroke-width="4" fill="none"/></svg>\n')

CHAPTER = r"""// Chapter 99: a demo of the literate format.
#include "wb/chapter.hpp"

/*md
# Chapter 99: A demo chapter

The Ornstein–Uhlenbeck kernel has mean $m_t = e^{-t}$ and variance

$$
v_t = 1 - e^{-2t}.
$$

![The mean against time](mean.svg)
*/

int main(int argc, char** argv) {
    wb::Chapter ch("99", "A demo chapter");

    /*md
    ## The mean

    We check $\mathbb{E}[X_t \mid x_0] = m_t x_0$; a dollar is written \$5, and `$x` in code is no math.
    The numbers behind the figure are in [a CSV file](data/mean-1-m.csv).
    */
    ch.section("mean", "The mean of the kernel", [](wb::Section& s) {
        const std::string brace = "}})";  // brackets in strings do not end the section
        s.exact("m_0 = 1", 1.0, 1.0);
        s.control().exact("m_0 = 2", 1.0, 2.0);
    });

    /*md
    ## The variance

    $$\operatorname{Var}[X_t] = v_t, \qquad \int_0^t e^{-2(t-s)}\, 2\, ds = 1 - e^{-2t}$$
    */
    ch.section("variance", "The variance", [](wb::Section& s) {
        s.monte_carlo("Var X_t = v_t", 0.5, 0.01, 0.5);
    });

    /*md
    ## A step that waits on an exercise

    ![The score field](score.svg)
    */
    ch.section("score", "The score", [](wb::Section& s) { s.exact("s = -x", score(1.0), -1.0); });
    return ch.run(argc, argv);
}
"""


def check(claim, ok=True, control=False, kind="exact", **kw):
    """One record as in common/checks.schema.json."""
    verdict = ("rejected" if ok else "accepted") if control else ("pass" if ok else "fail")
    c = {"claim": claim, "kind": kind, "control": control, "verdict": verdict, "ok": ok, "holds": ok != control,
         "lhs": 1.0, "rhs": 1.0, "lhs_se": 0.0, "rhs_se": 0.0, "lo": None, "hi": None, "stat": 0.0, "tol": 1e-10,
         "df": None, "se_scale": None, "decisive": None, "resolution": 1e-10, "margin": 2.0 if control else None,
         "detail": ""}
    c.update(kw)
    return c


def line_of(text, needle):
    return next(k + 1 for k, line in enumerate(text.split("\n")) if needle in line)


def checks_json():
    sections = [
        {"id": "mean", "title": "The mean of the kernel", "line": line_of(CHAPTER, 'section("mean"'),
         "status": "ran", "waits_on": "", "error": "", "checks": [check("m₀ = 1"), check("m₀ = 2", control=True, rhs=2.0, stat=0.5)],
         "figures": ["mean"], "notes": ["m₁ = 0.3679"]},
        {"id": "variance", "title": "The variance", "line": line_of(CHAPTER, 'section("variance"'), "status": "ran",
         "waits_on": "", "error": "",
         "checks": [check("Var Xₜ = vₜ", kind="monte_carlo", lhs=0.5012, lhs_se=0.004, rhs=0.5, stat=0.3, tol=4.01,
                          df=999, se_scale=0.008, decisive=0.05, resolution=0.032),
                    check("Var Xₜ = 1 − e^{−t}", ok=False, control=True, kind="monte_carlo", lhs=0.5, rhs=0.49,
                          stat=1.2, tol=4, margin=0.3, detail="|z| below the threshold")],
         "figures": ["var"], "notes": []},
        {"id": "score", "title": "The score", "line": line_of(CHAPTER, 'section("score"'), "status": "skipped",
         "waits_on": "13.2 conditional_score", "error": "", "checks": [], "figures": [], "notes": []},
    ]
    return {"schema": "wb-checks", "version": 2, "chapter": "99", "dir": "99_demo", "title": "A demo chapter",
            "seed": 7, "quick": False, "plots": True, "only": [],
            "source": {"file": "chapters/99_demo/chapter.cpp", "run_line": line_of(CHAPTER, "ch.run(")},
            "sections": sections,
            "summary": {"passed": 2, "failed": 0, "rejected": 1, "accepted": 1, "check_errors": 0,
                        "near_indecisive": 0, "skipped_sections": 1, "errors": 0, "figures": ["mean", "var"]}}


def make_workbook(base, chapter=CHAPTER, checks=True, figures=("mean", "var"), number="99", topic="demo"):
    """A small workbook tree: chapters/NN_topic/chapter.cpp, figures/NN_topic/{checks.json, *.svg}."""
    d = f"{number}_{topic}"
    (base / "chapters" / d).mkdir(parents=True, exist_ok=True)
    (base / "chapters" / d / "chapter.cpp").write_text(chapter, encoding="utf-8")
    fig = base / "figures" / d
    fig.mkdir(parents=True, exist_ok=True)
    if checks:
        data = checks_json() if checks is True else checks
        (fig / "checks.json").write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    for f in figures:
        (fig / f"{f}.svg").write_text(SVG)
        (fig / "data").mkdir(exist_ok=True)
        (fig / "data" / f"{f}-1-m.csv").write_text("# t,m\n0,1\n1,0.3679\n")
        (fig / "data" / f).mkdir(exist_ok=True)
        (fig / "data" / f / "figure.json").write_text(json.dumps({"name": f, "title": f"The {f} figure"}))
    return base


def weave(root, out, only=None):
    """Runs the weaver; returns (status, report) with diagnostics captured."""
    err = io.StringIO()
    status, report = book.build(root, out, only, stream=err)
    return status, report


def run_cli(*args):
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "workbook.py"), "book", *args],
                       capture_output=True, text=True, timeout=300)
    return r.returncode, r.stdout, r.stderr


# ---------------------------------------------------------------------------
# Headless Chromium, as a reader's browser.

HARNESS = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
%s
<script>
// Runs after every frame (and every image in it) has loaded.
window.addEventListener('load', function () {
  var out = [];
  document.querySelectorAll('iframe').forEach(function (f) {
    var w = f.contentWindow, d = f.contentDocument, r = {page: f.dataset.page, width: f.clientWidth};
    try {
      r.images = Array.prototype.map.call(d.images, function (i) {
        return {src: i.getAttribute('src'), loaded: i.complete && i.naturalWidth > 0,
                shown: i.getBoundingClientRect().width};
      });
      var maths = d.getElementsByTagName('math');
      r.math = maths.length;
      r.mathLaidOut = Array.prototype.filter.call(maths, function (m) {
        var b = m.getBoundingClientRect();
        return m instanceof w.MathMLElement && b.width > 0 && b.height > 0;
      }).length;
      r.texLeft = d.querySelectorAll('span.math').length;
      r.scripts = d.getElementsByTagName('script').length;
      r.scrollWidth = d.documentElement.scrollWidth;
      r.wide = [];  // what sticks out of the window (outside any scrolling box), to name in a failure
      d.querySelectorAll('main *').forEach(function (el) {
        if (r.wide.length >= 5 || el.getBoundingClientRect().right <= w.innerWidth + 0.5) return;
        for (var q = el.parentElement; q; q = q.parentElement)
          if (['auto', 'scroll', 'hidden'].indexOf(w.getComputedStyle(q).overflowX) >= 0) return;
        r.wide.push(el.tagName.toLowerCase() + ': ' + (el.textContent || '').slice(0, 80));
      });
      r.innerWidth = w.innerWidth;
      var main = d.querySelector('main');
      r.styled = !!main && w.getComputedStyle(main).maxWidth !== 'none';
    } catch (e) { r.error = String(e); }
    out.push(r);
  });
  var pre = document.createElement('pre');
  pre.id = 'wb-probe';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script></body></html>
"""

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]


def chromium(url, user_dir, *extra, timeout=300):
    cmd = [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={user_dir}", *extra, url]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


def probe_pages(pages, tmp, widths=(1000, 375)):
    """Loads every page at every width as frames of one harness page (one browser start)
    and returns what the harness found in each: [{page, width, images, math, ...}]."""
    import html as _html
    frames = "\n".join(f'<iframe data-page="{p.name}" src="{p.resolve().as_uri()}" '
                       f'style="width:{w}px;height:900px;border:0"></iframe>' for p in pages for w in widths)
    harness = Path(tmp) / "harness.html"
    harness.write_text(HARNESS % frames, encoding="utf-8")
    # The harness reads its frames' documents: file:// pages need this flag to see each other.
    r = chromium(harness.as_uri(), Path(tmp) / "profile-probe", "--allow-file-access-from-files", "--dump-dom")
    m = re.search(r'<pre id="wb-probe">(.*?)</pre>', r.stdout, re.S)
    if not m:
        raise AssertionError(f"the probe did not run: {r.stderr[-2000:]}")
    return json.loads(_html.unescape(m.group(1)))


def screenshot(page, tmp, name, width, height):
    SHOTS.mkdir(parents=True, exist_ok=True)
    shot = SHOTS / name
    if shot.exists():
        shot.unlink()
    chromium(page.resolve().as_uri(), Path(tmp) / f"profile-shot-{name}", f"--window-size={width},{height}",
             "--hide-scrollbars", f"--screenshot={shot}")
    return shot


def assert_reads_well(test, out, tmp, shots_prefix="demo"):
    """The browser check of the woven book in `out`: every page at a desktop and a phone
    width; screenshots of every page (desktop) and of the first two (phone)."""
    pages = sorted(Path(out).glob("*.html"))
    results = probe_pages(pages, tmp)
    test.assertEqual(len(results), 2 * len(pages))
    for res in results:
        name = res["page"]
        with test.subTest(page=name, width=res["width"]):
            test.assertNotIn("error", res)
            bad = [i["src"] for i in res["images"] if not i["loaded"]]
            test.assertEqual(bad, [], f"{name}: figures that did not load")
            test.assertTrue(all(i["shown"] > 0.6 * min(res["innerWidth"], 600) for i in res["images"]),
                            f"{name}: figures shown too small: {res['images']}")
            test.assertEqual(res["mathLaidOut"], res["math"], f"{name}: math not laid out as MathML")
            test.assertEqual(res["texLeft"], 0, f"{name}: TeX left unconverted")
            test.assertEqual(res["scripts"], 0, f"{name}: pages need no JavaScript")
            test.assertLessEqual(res["scrollWidth"], res["innerWidth"], f"{name}: wider than the window: {res['wide']}")
            test.assertTrue(res["styled"], f"{name}: the style sheet did not load")
    phone = [p for p in pages if p.name != "index.html"][:1] + [out / "index.html"]
    for page in pages:
        shots = [(1000, 2400, "desktop")] + ([(500, 1800, "phone")] if page in phone else [])
        for width, height, tag in shots:
            shot = screenshot(page, tmp, f"{shots_prefix}-{page.stem}-{tag}.png", width, height)
            test.assertTrue(shot.exists() and shot.stat().st_size > 1000, f"no screenshot of {page.name}")
    return pages, results


# ---------------------------------------------------------------------------

class ParseTest(unittest.TestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="wb-book-"))
        self.addCleanup(shutil.rmtree, self.tmp, True)

    def parse(self, text):
        src = self.tmp / "chapter.cpp"
        src.write_text(text, encoding="utf-8")
        report = literate.Report(self.tmp, io.StringIO())
        ch = literate.parse_source(src, report, "99", "99_demo")
        for b in ch.blocks:
            if isinstance(b, literate.Prose):
                ch.math += literate.scan_math(b, src, report)
        return ch, report

    def test_blocks_sections_and_title(self):
        ch, report = self.parse(CHAPTER)
        self.assertEqual(report.errors, [])
        self.assertEqual(ch.title, "A demo chapter")
        self.assertEqual([s.id for s in ch.sections], ["mean", "variance", "score"])
        mean = ch.sections[0]
        # The section ends at its closing "});" despite the brackets inside the string.
        self.assertEqual(CHAPTER.split("\n")[mean.end].strip(), "});")
        ends = [b.section for b in ch.blocks if isinstance(b, literate.Code) and b.ends_section]
        self.assertEqual(ends, ["mean", "variance", "score"])
        prose = [b for b in ch.blocks if isinstance(b, literate.Prose)]
        self.assertEqual([p.section for p in prose], ["mean", "mean", "variance", "score"])
        self.assertTrue(prose[1].text.startswith("## The mean"))  # dedented
        self.assertIn(("m_t = e^{-t}", 7), ch.math)

    def test_unclosed_md_comment(self):
        lines = CHAPTER.split("\n")
        opened = lines.index("    ## The variance")  # the 1-based line of its "/*md"
        closing = lines.index("    */", opened)
        text = "\n".join(lines[:closing] + lines[closing + 1:])
        _, report = self.parse(text)
        self.assertTrue(any(e.startswith(f"chapter.cpp:{opened}: error: unclosed /*md") for e in report.errors),
                        report.errors)
        last = lines.index("    ## A step that waits on an exercise")
        text = "\n".join(lines[:last + 3])  # the file ends inside the last block
        _, report = self.parse(text)
        self.assertTrue(any(e.startswith(f"chapter.cpp:{last}: error: unclosed /*md") for e in report.errors),
                        report.errors)

    def test_unclosed_math(self):
        _, report = self.parse(CHAPTER.replace("$$\nv_t = 1 - e^{-2t}.\n$$", "$$\nv_t = 1 - e^{-2t}.\n"))
        self.assertTrue(any(e.startswith("chapter.cpp:9: error: unclosed display math") for e in report.errors),
                        report.errors)
        _, report = self.parse(CHAPTER.replace("mean $m_t = e^{-t}$ and", "mean $m_t = e^{-t} and"))
        self.assertTrue(any(e.startswith("chapter.cpp:7: error: unclosed inline math") for e in report.errors),
                        report.errors)

    def test_comment_end_inside_prose(self):
        _, report = self.parse(CHAPTER.replace("![The mean against time](mean.svg)", "a note */"))
        self.assertTrue(any(":13: error: '*/' inside a /*md block" in e for e in report.errors), report.errors)


class WeaveTest(unittest.TestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="wb-book-"))
        self.addCleanup(shutil.rmtree, self.tmp, True)
        self.root = make_workbook(self.tmp / "wb")
        self.out = self.tmp / "book"

    def page(self):
        return (self.out / "99_demo.html").read_text(encoding="utf-8")

    def test_weaves_a_chapter(self):
        status, report = weave(self.root, self.out)
        self.assertEqual((status, report.errors), (0, []))
        html = self.page()
        for f in ("index.html", "book.css", "99_demo.html", "99_demo/mean.svg", "99_demo/var.svg"):
            self.assertTrue((self.out / f).exists(), f)
        self.assertEqual(html.count("<math"), 4)
        self.assertNotIn("$$", html)
        self.assertIn('<img src="99_demo/mean.svg"', html)  # referenced from prose
        self.assertIn('<img src="99_demo/var.svg"', html)   # drawn by a section, not referenced: shown after it
        self.assertIn("<figcaption>The var figure (<code>var.svg</code>)</figcaption>", html)  # from its manifest
        self.assertIn('<details class="code">', html)
        self.assertNotIn("<script", html + (self.out / "index.html").read_text())  # no JavaScript
        # Results come right after the section's code, in order, with verdict classes.
        order = [html.index(s) for s in ('id="the-mean"', 'id="results-mean"', 'id="the-variance"',
                                         'id="results-variance"', 'id="results-score"')]
        self.assertEqual(order, sorted(order))
        for cls in ("pass", "rejected", "accepted"):
            self.assertIn(f'<tr class="{cls}">', html)
        self.assertIn("m₀ = 1", html)
        self.assertIn('<span class="n">0.5012</span> <span class="n">± 0.004</span>', html)
        self.assertIn("waits on exercise <b>13.2 conditional_score</b>", html)
        self.assertIn('class="missing-figure pending"', html)  # score.svg: its section was skipped
        self.assertTrue(any("score.svg" in w for w in report.warnings))
        self.assertEqual(book.check_links(self.out), [])
        self.assertIn('href="99_demo.html"', (self.out / "index.html").read_text())

    def test_output_is_deterministic(self):
        weave(self.root, self.out)
        first = {p.relative_to(self.out): p.read_bytes() for p in self.out.rglob("*") if p.is_file()}
        weave(self.root, self.out)
        second = {p.relative_to(self.out): p.read_bytes() for p in self.out.rglob("*") if p.is_file()}
        self.assertEqual(first, second)

    def test_chapter_not_run_yet(self):
        shutil.rmtree(self.root / "figures")
        status, report = weave(self.root, self.out)
        self.assertEqual((status, report.errors), (0, []))
        self.assertTrue(any("has not been run yet" in w for w in report.warnings))
        html = self.page()
        self.assertIn("has not been run yet", html)
        self.assertNotIn("<img", html)
        self.assertEqual(book.check_links(self.out), [])

    def test_figure_the_chapter_did_not_produce(self):
        (self.root / "figures" / "99_demo" / "mean.svg").unlink()
        status, report = weave(self.root, self.out)
        self.assertEqual(status, 1)
        self.assertTrue(any(re.match(r"chapters/99_demo/chapter.cpp:13: error: figure 'mean.svg' is missing", e)
                            for e in report.errors), report.errors)
        self.assertIn('class="missing-figure error"', self.page())  # marked on the page, not dropped

    def test_links_in_prose(self):
        status, report = weave(self.root, self.out)
        self.assertEqual(status, 0)
        self.assertIn('href="99_demo/data/mean-1-m.csv"', self.page())
        self.assertTrue((self.out / "99_demo" / "data" / "mean-1-m.csv").exists())
        src = self.root / "chapters" / "99_demo" / "chapter.cpp"
        src.write_text(CHAPTER.replace("(data/mean-1-m.csv)", "(data/nothing.csv)"), encoding="utf-8")
        status, report = weave(self.root, self.out)
        self.assertEqual(status, 1)
        self.assertTrue(any(e.startswith("chapters/99_demo/chapter.cpp:23: error: link to 'data/nothing.csv'")
                            for e in report.errors), report.errors)

    def test_stale_figure_file(self):
        """A figure file the last run did not write (left from an older version) is an error."""
        (self.root / "figures" / "99_demo" / "score.svg").write_text(SVG)
        src = self.root / "chapters" / "99_demo" / "chapter.cpp"
        src.write_text(CHAPTER.replace("(mean.svg)", "(score.svg)"), encoding="utf-8")
        status, report = weave(self.root, self.out)
        self.assertEqual(status, 1)
        self.assertTrue(any(e.startswith("chapters/99_demo/chapter.cpp:13: error: figure 'score.svg' is not "
                                         "produced by the chapter") for e in report.errors), report.errors)
        # In a section that was skipped (a student's run), it is only a warning.
        src.write_text(CHAPTER, encoding="utf-8")
        status, report = weave(self.root, self.out)
        self.assertEqual(status, 0, report.errors)
        self.assertTrue(any("'score.svg' is from an earlier run" in w for w in report.warnings), report.warnings)

    def test_a_figure_the_prose_never_links_is_a_warning(self):
        src = self.root / "chapters" / "99_demo" / "chapter.cpp"
        src.write_text(CHAPTER.replace("![The mean against time](mean.svg)", "The mean decays."), encoding="utf-8")
        status, report = weave(self.root, self.out)
        self.assertEqual(status, 0, report.errors)
        self.assertTrue(any("figure 'mean' is drawn but the prose never links it" in w for w in report.warnings),
                        report.warnings)
        src.write_text(CHAPTER, encoding="utf-8")
        status, report = weave(self.root, self.out)
        self.assertFalse(any("figure 'mean' is drawn" in w for w in report.warnings), report.warnings)

    def test_tex_pandoc_cannot_read(self):
        src = self.root / "chapters" / "99_demo" / "chapter.cpp"
        src.write_text(CHAPTER.replace("$m_t = e^{-t}$", r"$m_t = \frac{1}{e^t$"), encoding="utf-8")
        status, report = weave(self.root, self.out)
        self.assertEqual(status, 1)
        self.assertTrue(any(e.startswith("chapters/99_demo/chapter.cpp:7: error: pandoc cannot read") for e in
                            report.errors), report.errors)

    def test_stale_results_are_shown_not_dropped(self):
        data = checks_json()
        data["sections"].append({"id": "old", "title": "Gone", "line": 3, "status": "ran", "waits_on": "",
                                 "error": "", "checks": [check("a = a")], "figures": [], "notes": []})
        make_workbook(self.root, checks=data)
        status, report = weave(self.root, self.out)
        self.assertEqual(status, 0)
        self.assertTrue(any("'old'" in w for w in report.warnings))
        self.assertIn('id="results-old"', self.page())

    def test_two_chapters_link_to_each_other(self):
        make_workbook(self.root, chapter=CHAPTER.replace("99", "98"), number="98", topic="first")
        status, report = weave(self.root, self.out)
        self.assertEqual(status, 0, report.errors)
        first = (self.out / "98_first.html").read_text()
        self.assertIn('rel="next" href="99_demo.html"', first)
        self.assertIn('rel="prev" href="98_first.html"', self.page())
        index = (self.out / "index.html").read_text()
        self.assertLess(index.index("98_first.html"), index.index("99_demo.html"))
        # One chapter only: the other page stays, the index is rewritten.
        status, _ = weave(self.root, self.out, only=["99"])
        self.assertEqual(status, 0)
        self.assertTrue((self.out / "98_first.html").exists())
        self.assertEqual(book.check_links(self.out), [])

    def test_results_from_another_folder(self):
        """--figures: a student's own run (./workbook run writes elsewhere than figures/)."""
        mine = self.tmp / "student-figures"
        shutil.copytree(self.root / "figures", mine)
        data = checks_json()
        data["sections"][0]["checks"][0].update(ok=False, holds=False, verdict="fail", lhs=1.5)
        (mine / "99_demo" / "checks.json").write_text(json.dumps(data), encoding="utf-8")
        rc, out, err = run_cli("--root", str(self.root), "--out", str(self.out), "--figures", str(mine))
        self.assertEqual(rc, 0, err)
        self.assertIn('<tr class="fail">', self.page())

    def test_student_edition_has_no_solutions(self):
        self.assertFalse((self.root / "solutions").exists())
        status, _ = weave(self.root, self.out)
        self.assertEqual(status, 0)

    def test_link_checker_finds_missing_targets(self):
        weave(self.root, self.out)
        (self.out / "99_demo" / "var.svg").unlink()
        problems = book.check_links(self.out)
        self.assertTrue(any("99_demo/var.svg" in m for _, m in problems), problems)

    def test_command_line(self):
        rc, out, err = run_cli("--root", str(self.root), "--out", str(self.out))
        self.assertEqual(rc, 0, err)
        self.assertIn(str(self.out / "index.html"), out)
        rc, _, err = run_cli("--root", str(self.root), "--out", str(self.out), "--chapter", "42")
        self.assertEqual(rc, 2)
        self.assertEqual(len(err.strip().splitlines()), 1, err)
        rc, _, err = run_cli("--bogus")
        self.assertEqual(rc, 2)
        (self.tmp / "mine").mkdir()
        (self.tmp / "mine" / "notes.txt").write_text("keep me")
        rc, _, err = run_cli("--root", str(self.root), "--out", str(self.tmp / "mine"))
        self.assertEqual(rc, 2)  # never replaces a folder it did not write
        self.assertTrue((self.tmp / "mine" / "notes.txt").exists())
        src = self.root / "chapters" / "99_demo" / "chapter.cpp"
        src.write_text(CHAPTER.replace("    */\n    ch.section(\"mean\"", "    ch.section(\"mean\""))
        rc, _, err = run_cli("--root", str(self.root), "--out", str(self.out))
        self.assertEqual(rc, 1)
        self.assertRegex(err, r"chapters/99_demo/chapter.cpp:\d+: error: unclosed /\*md comment")


@unittest.skipUnless(CHROMIUM, "needs Chromium (apt-get install chromium)")
class BrowserTest(unittest.TestCase):
    """Opens the woven book in headless Chromium."""

    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="wb-book-"))
        self.addCleanup(shutil.rmtree, self.tmp, True)

    def test_demo_book_reads_in_a_browser(self):
        root = make_workbook(self.tmp / "wb")
        out = self.tmp / "book"
        status, report = weave(root, out)
        self.assertEqual(status, 0, report.errors)
        pages, results = assert_reads_well(self, out, self.tmp)
        self.assertEqual([p.name for p in pages], ["99_demo.html", "index.html"])
        demo = next(r for r in results if r["page"] == "99_demo.html")
        self.assertEqual((demo["math"], len(demo["images"])), (4, 2))

    def test_this_workbooks_book_reads_in_a_browser(self):
        """The real chapters, woven from this checkout into a temporary folder; problems
        are reported per chapter (and per page), so one chapter's typo names only it."""
        chapters = common.chapter_dirs(ROOT)
        if not chapters:
            self.skipTest("no chapters yet")
        out = self.tmp / "book"
        status, report = weave(ROOT, out)
        for _, d in chapters:
            with self.subTest(chapter=d):
                self.assertEqual([e for e in report.errors if f"/{d}/" in e or f"/{d}." in e], [])
        self.assertEqual([e for e in report.errors if not any(f"/{d}" in e for _, d in chapters)], [])
        self.assertEqual(book.check_links(out), [])
        assert_reads_well(self, out, self.tmp, shots_prefix="book")
        self.assertEqual(status, 0)


# ---------------------------------------------------------------------------
# Math typesetting, on a machine without a math font.

# Chromium sees only DejaVu (fonts-dejavu-core): like a student's machine with no
# OpenType math font, so only the fonts the book ships can make the math right.
FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>%s</cachedir></fontconfig>
"""

# Inline math of the kind the chapters use.
MATH_SAMPLES = (r"We check $\mathbb{E}[X_t \mid x_0] = m_t x_0$, $p(x_t \mid x_0)$, "
                r"$\nabla_x \log p_t(x)$, $C_t$ and $(\sigma^2 + v_t)$;")

MEASURE = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<iframe src="%s" style="width:1000px;height:900px;border:0"></iframe>
<script>
window.addEventListener('load', function () {
  var f = document.querySelector('iframe'), w = f.contentWindow, d = f.contentDocument;
  d.fonts.ready.then(function () {
    var m = {scripts: [], parens: [], mathFont: w.getComputedStyle(d.querySelector('math')).fontFamily};
    // Scripts: size relative to the base, and how far a subscript drops (in em of the base).
    Array.prototype.forEach.call(d.querySelectorAll('msub, msup'), function (e) {
      if (e.children.length < 2) return;
      var b = e.children[0], s = e.children[1];
      var fb = parseFloat(w.getComputedStyle(b).fontSize), fs = parseFloat(w.getComputedStyle(s).fontSize);
      var rb = b.getBoundingClientRect(), rs = s.getBoundingClientRect();
      m.scripts.push({tag: e.tagName.toLowerCase(), ratio: fs / fb, drop: (rs.bottom - rb.bottom) / fb});
    });
    // Parentheses around one-line inline content, against the paragraph's line height.
    Array.prototype.forEach.call(d.querySelectorAll('p math:not([display=block]) mo'), function (o) {
      if (['(', ')', '[', ']'].indexOf(o.textContent.trim()) < 0) return;
      m.parens.push(o.getBoundingClientRect().height / parseFloat(w.getComputedStyle(o.closest('p')).lineHeight));
    });
    var pre = document.createElement('pre');
    pre.id = 'wb-probe';
    pre.textContent = JSON.stringify(m);
    document.body.appendChild(pre);
  });
});
</script></body></html>
"""


def measure_math(page, tmp, name):
    """Laid-out metrics of the page's inline math, in Chromium without system math fonts."""
    import html as _html
    tmp = Path(tmp)
    (tmp / "fc").mkdir(parents=True, exist_ok=True)
    (tmp / "fc" / "fonts.conf").write_text(FONTS_CONF % (tmp / "fc" / "cache"), encoding="utf-8")
    harness = tmp / f"measure-{name}.html"
    harness.write_text(MEASURE % page.resolve().as_uri(), encoding="utf-8")
    env = dict(os.environ, FONTCONFIG_FILE=str(tmp / "fc" / "fonts.conf"))
    cmd = [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp / ('profile-' + name)}", "--allow-file-access-from-files",
           "--virtual-time-budget=60000", "--dump-dom", harness.as_uri()]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env)
    m = re.search(r'<pre id="wb-probe">(.*?)</pre>', r.stdout, re.S)
    if not m:
        raise AssertionError(f"the math probe did not run: {r.stderr[-2000:]}")
    SHOTS.mkdir(parents=True, exist_ok=True)
    shot = SHOTS / f"math-{name}.png"
    shot.unlink(missing_ok=True)
    subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp / ('profile-shot-' + name)}",
                    "--window-size=1000,700", "--hide-scrollbars", "--virtual-time-budget=60000",
                    f"--screenshot={shot}", page.resolve().as_uri()], capture_output=True, timeout=300, env=env)
    return json.loads(_html.unescape(m.group(1)))


def math_problems(m):
    """What is wrong with the metrics, judged by TeX's rules (Latin Modern Math: scripts
    at 70% of the base, a subscript dropped about a quarter em; a one-line delimiter
    shorter than the line)."""
    bad = []
    if not m["scripts"] or not m["parens"]:
        bad.append("no scripts or parentheses measured")
    bad += [f"{s['tag']} script at {s['ratio']:.2f} of its base (want 0.65-0.75)" for s in m["scripts"]
            if not 0.65 <= s["ratio"] <= 0.75]
    bad += [f"subscript dropped {s['drop']:.2f} em (want 0.15-0.30)" for s in m["scripts"]
            if s["tag"] == "msub" and not 0.15 <= s["drop"] <= 0.30]
    bad += [f"a parenthesis {h:.2f} line heights tall (want at most 0.85)" for h in m["parens"] if h > 0.85]
    return bad


@unittest.skipUnless(CHROMIUM, "needs Chromium (apt-get install chromium)")
class MathTypesettingTest(unittest.TestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="wb-math-"))
        self.addCleanup(shutil.rmtree, self.tmp, True)

    def test_math_is_typeset_with_the_bundled_font(self):
        chapter = CHAPTER.replace(r"We check $\mathbb{E}[X_t \mid x_0] = m_t x_0$;", MATH_SAMPLES)
        self.assertNotEqual(chapter, CHAPTER)
        root = make_workbook(self.tmp / "wb", chapter=chapter)
        out = self.tmp / "book"
        self.assertEqual(weave(root, out)[0], 0)
        self.assertTrue((out / "fonts" / "latinmodern-math.otf").is_file())
        self.assertTrue((out / "fonts" / "GUST-FONT-LICENSE.txt").is_file())
        after = measure_math(out / "99_demo.html", self.tmp, "after")
        self.assertEqual(math_problems(after), [], after)
        # The control: the same page without the bundled fonts (as the book was before
        # it shipped them) must fail the same measurements.
        css = out / "book.css"
        css.write_text(css.read_text(encoding="utf-8").replace('url("fonts/', 'url("no-fonts/'), encoding="utf-8")
        before = measure_math(out / "99_demo.html", self.tmp, "before")
        self.assertNotEqual(math_problems(before), [], before)


COLOURS = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<iframe src="%s" style="width:1000px;height:900px;border:0"></iframe>
<script>
window.addEventListener('load', function () {
  var f = document.querySelector('iframe'), w = f.contentWindow, d = f.contentDocument;
  var pre = document.createElement('pre');
  pre.id = 'wb-probe';
  pre.textContent = JSON.stringify({page: w.getComputedStyle(d.body).backgroundColor,
                                    text: w.getComputedStyle(d.body).color,
                                    figure: w.getComputedStyle(d.querySelector('figure img')).backgroundColor});
  document.body.appendChild(pre);
});
</script></body></html>
"""


def luminance(css_colour):
    r, g, b = (int(v) for v in re.findall(r"\d+", css_colour)[:3])
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255


@unittest.skipUnless(CHROMIUM, "needs Chromium (apt-get install chromium)")
class DarkModeTest(unittest.TestCase):
    def test_dark_page_keeps_light_figures(self):
        import html as _html
        tmp = Path(tempfile.mkdtemp(prefix="wb-dark-"))
        self.addCleanup(shutil.rmtree, tmp, True)
        root = make_workbook(tmp / "wb")
        out = tmp / "book"
        self.assertEqual(weave(root, out)[0], 0)
        harness = tmp / "colours.html"
        harness.write_text(COLOURS % (out / "99_demo.html").resolve().as_uri(), encoding="utf-8")
        seen = {}
        # Blink's preferred colour scheme: 0 dark, 1 light.
        for scheme, value in (("dark", 0), ("light", 1)):
            r = chromium(harness.as_uri(), tmp / f"profile-{scheme}", "--allow-file-access-from-files",
                         f"--blink-settings=preferredColorScheme={value}", "--dump-dom")
            m = re.search(r'<pre id="wb-probe">(.*?)</pre>', r.stdout, re.S)
            self.assertTrue(m, r.stderr[-2000:])
            seen[scheme] = json.loads(_html.unescape(m.group(1)))
        self.assertLess(luminance(seen["dark"]["page"]), 0.2, seen)
        self.assertGreater(luminance(seen["dark"]["text"]), 0.7, seen)
        self.assertGreater(luminance(seen["dark"]["figure"]), 0.95, seen)
        self.assertGreater(luminance(seen["light"]["page"]), 0.95, seen)


@unittest.skipUnless(CHROMIUM and shutil.which("pdfinfo") and shutil.which("pdftotext"),
                     "needs Chromium and poppler-utils (pdfinfo, pdftotext)")
class PdfTest(unittest.TestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="wb-pdf-"))
        self.addCleanup(shutil.rmtree, self.tmp, True)

    def test_this_workbooks_book_prints(self):
        chapters = common.chapter_dirs(ROOT)
        if not chapters:
            self.skipTest("no chapters yet")
        out = self.tmp / "book"
        self.assertEqual(weave(ROOT, out)[0], 0)
        pdf = book.print_pdf(out)
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
        self.assertIn("(A4)", info)
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
        per_page = text.split("\f")
        # Every chapter title, each on a page of its own start; numbered pages "k / N".
        for n, d in chapters:
            title = book.load_chapter(ROOT, ROOT / "figures", n, d, literate.Report(ROOT, quiet=True)).title
            starts = [i for i, pg in enumerate(per_page) if re.search(rf"Chapter {n}\b", pg[:400])]
            self.assertTrue(starts, f"chapter {n} ({title}) is not at the top of any page")
        for k in (1, pages // 2, pages):
            self.assertRegex(per_page[k - 1], rf"\b{k} / {pages}\b")
        self.assertGreater(pages, len(chapters))
        # No text cut off at the right edge: pdftotext -bbox would place it beyond the page.
        bbox = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True).stdout
        width = float(re.search(r'<page width="([0-9.]+)"', bbox).group(1))
        xmax = max(float(x) for x in re.findall(r'xMax="([0-9.]+)"', bbox))
        self.assertLessEqual(xmax, width)
        # One chapter alone.
        one = book.print_pdf(out, only=[chapters[-1][0]])
        self.assertEqual(one.name, f"{chapters[-1][1]}.pdf")


class ExercisesInTheBookTest(unittest.TestCase):
    def test_each_chapter_ends_with_its_exercises(self):
        for n, d in common.chapter_dirs(ROOT):
            if not (ROOT / "exercises" / d).is_dir():
                continue
            md = book.exercises_markdown(ROOT, d)
            with self.subTest(chapter=d):
                for ex in [e for e in __import__("wbtools.catalog", fromlist=["x"]).exercises(ROOT) if e.dirname == d]:
                    self.assertIn(f"./workbook check {ex.id}", md)
                    self.assertIn(f'id="exercise-{ex.id}"', md)
                    api = re.search(rf'id="exercise-{re.escape(ex.id)}".*?<pre class="api"><code>(.*?)</code>', md, re.S)
                    self.assertTrue(api and ");" in api.group(1), f"{ex.id}: no declaration from the API header")
                self.assertIn("<summary>Hint</summary>", md)


if __name__ == "__main__":
    unittest.main()
