"""One chapter page of the book, as pandoc Markdown: prose verbatim, each step's code
folded in <details>, each section's results (from figures/NN_topic/checks.json) after
the section's last code line, and the chapter's figures inline."""
import html
import json
import re
from pathlib import Path

from . import report as reportschema
from .literate import IMAGE_RE, LINK_RE, Code, Prose, Section


# ---------------------------------------------------------------------------
# Results of the last run.

def load_checks(number, figdir, report):
    """The chapter's last report, checked against common/checks.schema.json; None if
    there is none or it cannot be read as this schema."""
    path = figdir / "checks.json"
    if not path.exists():
        report.warning(path, 0, f"chapter {number} has not been run yet (no checks.json): the page shows no "
                       f"results and no figures; run it (./workbook all --chapter {number}) and weave again")
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        report.error(path, e.lineno, f"not valid JSON ({e.msg}); run the chapter again")
        return None
    if not isinstance(data, dict) or data.get("version") != reportschema.version():
        found = data.get("version", "none") if isinstance(data, dict) else "none"
        report.error(path, 1, f"written by another version of the workbook (schema version {found}, the book "
                     f"reads {reportschema.version()}); run the chapter again")
        return None
    problems = reportschema.validate(data)
    if problems:
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        report.error(path, 1, "not a valid chapter report: " + "; ".join(problems[:3]) + more)
        return None
    return data


def warn_stale_sections(ch, report, figdir):
    known = {s.id for s in ch.sections}
    for s in (ch.checks or {}).get("sections", []):
        if s.get("id") not in known:
            report.warning(figdir / "checks.json", 0, f"results for section '{s.get('id')}', which "
                           f"{ch.source.name} no longer registers (stale results? run the chapter again)")


def fmt_num(x, spec=".6g"):
    if x is None:
        return "nan"
    try:
        return format(float(x), spec)
    except (TypeError, ValueError):
        return html.escape(str(x))


# What the test column shows per kind: the statistic's name and how it meets its bound.
STAT = {"exact": ("rel", "≤"), "gradient": ("rel", "≤"), "monte_carlo": ("|z|", "≤"), "less": ("z", "≥"),
        "greater": ("z", "≥"), "within": ("z", "≥")}


def relative(x):
    """A relative size: in percent from 0.1% up, else as a number (1e-10)."""
    return f"{fmt_num(100 * x, '.2g')}%" if x >= 1e-3 else fmt_num(x, ".2g")


def power_html(c):
    """Resolving power of a check, or a control's margin."""
    e = html.escape
    if c.get("control"):
        m = c.get("margin")
        return f'<span class="n">margin {e(fmt_num(m, ".3g"))}×</span>' if m is not None else ""
    r = c.get("resolution")
    if r is None:
        return ""
    s = f'<span class="n">{e(relative(r))}</span>'
    if c.get("se_scale") is not None and c.get("decisive"):
        s += f' <span class="n">se/scale {e(fmt_num(100 * c["se_scale"] / c["decisive"], ".0f"))}% of bound</span>'
    return s


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
        out.append("<thead><tr><th>verdict</th><th>claim</th><th>lhs</th><th>rhs</th><th>test</th>"
                   "<th>power</th></tr></thead>")
        out.append("<tbody>")
        for c in checks:
            v = c["verdict"]
            kind = c["kind"]

            def val(x, se):
                s = f'<span class="n">{e(fmt_num(x))}</span>'
                return f'{s} <span class="n">± {e(fmt_num(se, ".2g"))}</span>' if se and se > 0 else s
            stat, cmp = STAT.get(kind, ("", ""))
            if v == "error" or not stat:
                test = e(kind)
            else:
                df = f", t{fmt_num(c['df'], '.3g')}" if c.get("df") is not None else ""
                test = (f'<span class="n">{stat} {e(fmt_num(c.get("stat"), ".3g"))}</span> '
                        f'<span class="n">{cmp} {e(fmt_num(c.get("tol"), ".3g"))}{e(df)}</span>')
            rhs = (f'<span class="n">[{e(fmt_num(c["lo"]))}, {e(fmt_num(c["hi"]))}]</span>' if kind == "within"
                   else val(c.get("rhs"), c.get("rhs_se")))
            claim = e(c["claim"])
            if c["control"]:
                claim = f'<span class="control">control:</span> {claim}'
            if c.get("detail"):
                claim += f'<span class="detail">{e(c["detail"])}</span>'
            cls = "error fail" if v == "error" else v
            out.append(f'<tr class="{cls}"><td class="verdict" data-label="verdict">{v}</td>'
                       f'<td class="claim" data-label="claim">{claim}</td>'
                       f'<td class="num" data-label="lhs">{val(c.get("lhs"), c.get("lhs_se"))}</td>'
                       f'<td class="num" data-label="rhs">{rhs}</td>'
                       f'<td class="num" data-label="test">{test}</td>'
                       f'<td class="num" data-label="power">{power_html(c)}</td></tr>')
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
    return {k: int(s.get(k, 0) or 0) for k in ("passed", "failed", "rejected", "accepted", "check_errors",
                                                "skipped_sections", "errors")}


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
    if c["check_errors"]:
        text += f"; {c['check_errors']} invalid (non-finite or random holds)"
    if c["errors"]:
        text += f"; {plural(c['errors'], 'error')}"
    cls = "fail" if (c["failed"] or c["accepted"] or c["errors"] or c["check_errors"]) else "skipped" if c["skipped_sections"] else "pass"
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
            if sec is not None and sec.get("status") in ("skipped", "error"):
                report.warning(ch.source, line, f"figure '{target}' is from an earlier run: section "
                               f"'{prose.section}' did not run this time ({sec.get('status')})")
            else:
                report.error(ch.source, line, f"figure '{target}' is not produced by the chapter (its last run "
                             f"wrote {', '.join(sorted(all_figs))}); a stale file?")
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
        # The caption: the figure's title from its manifest (data/NAME/figure.json).
        title = ""
        try:
            title = str(json.loads((figdir / "data" / name / "figure.json").read_text(encoding="utf-8"))["title"])
        except (OSError, ValueError, KeyError, TypeError):
            pass
        e = html.escape
        return (f'<figure class="auto"><a href="{e(ch.dir)}/{e(f.name)}"><img src="{e(ch.dir)}/{e(f.name)}" '
                f'alt="{e(title or name)}"></a>'
                f'<figcaption>{e(title) + " " if title else ""}(<code>{e(f.name)}</code>)</figcaption></figure>')

    if checks is None:
        banner = raw_html(f'<p class="banner not-run">Chapter {ch.number} has not been run yet, so this page '
                          f'shows no results and no figures. Run it and weave the book again '
                          f'(<code>./workbook all --chapter {ch.number}</code>).</p>')
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
    # Every figure is discussed somewhere: one the prose never links is shown after its
    # section, but a reader meets it without a word about it.
    if checks is not None and not checks.get("only"):
        for name in sorted(all_figs - referenced):
            report.warning(ch.source, 1, f"figure '{name}' is drawn but the prose never links it "
                           f"(add ![Caption]({name}.svg) where it is discussed)")
    # Results of sections in checks.json the source does not know (stale), so nothing is dropped.
    known = {s.id for s in ch.sections}
    for r in (checks or {}).get("sections", []):
        if r.get("id") not in known:
            md.append(raw_html(results_html(Section(r.get("id", "?"), r.get("title", ""), 0, 0), r,
                                            ' <span class="run">(not in the source any more)</span>')))
    return "".join(md)
