"""`./workbook all --compare`: are the committed figures what this machine computes?

Every chapter runs into a scratch folder; each text file there (CSV data, checks.json,
gnuplot scripts, figure manifests) is compared with the one under figures/ number by
number. A file differs when its text outside the numbers differs, or when a number
differs by more than RTOL relative: that is a file a run on this machine would rewrite
for more than the last bits. Rendered files (SVG, PNG) are counted, not compared: they
follow from the numbers and the installed fonts.
"""
import math
import re
from pathlib import Path

RTOL = 1e-9
TEXT = {".csv", ".json", ".gp"}
RENDERED = {".svg", ".png"}
NUMBER_RE = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[-+]?(?:NaN|Inf|nan|inf)\b")
# checks.json fields that measure the run, not the mathematics.
VOLATILE_RE = re.compile(r'"(seconds|wall|elapsed)":\s*[-+0-9.eE]+')


def numbers(text):
    """(skeleton, [floats]): the text with every number replaced by '#', and the numbers."""
    text = VOLATILE_RE.sub(lambda m: f'"{m.group(1)}": #', text)
    vals = []

    def take(m):
        vals.append(float(m.group(0)))
        return "#"
    return NUMBER_RE.sub(take, text), vals


def rel_diff(a, b):
    if a == b or (math.isnan(a) and math.isnan(b)):
        return 0.0
    if not (math.isfinite(a) and math.isfinite(b)):
        return math.inf
    return abs(a - b) / max(abs(a), abs(b))


def compare_text(old, new):
    """None if the texts agree to RTOL, else a one-line reason."""
    s_old, v_old = numbers(old)
    s_new, v_new = numbers(new)
    if s_old != s_new or len(v_old) != len(v_new):
        return "differs in more than its numbers"
    worst, where = 0.0, None
    for i, (a, b) in enumerate(zip(v_old, v_new)):
        d = rel_diff(a, b)
        if d > worst:
            worst, where = d, (i, a, b)
    if worst > RTOL:
        i, a, b = where
        return f"numbers differ by up to {worst:.1e} relative (number {i + 1}: {a!r} committed, {b!r} now)"
    return None


def compare_dirs(committed, fresh):
    """Compares two figure folders: ([(relative path, reason)], rendered files that differ)."""
    committed, fresh = Path(committed), Path(fresh)
    problems, rendered = [], 0
    old = {p.relative_to(committed) for p in committed.rglob("*") if p.is_file()} if committed.is_dir() else set()
    new = {p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file()}
    for rel in sorted(old | new):
        ext = rel.suffix
        if ext not in TEXT | RENDERED:
            continue
        if rel not in new:
            problems.append((rel, "committed, but the run no longer writes it"))
            continue
        if rel not in old:
            problems.append((rel, "written by the run, but not committed"))
            continue
        a, b = (committed / rel).read_bytes(), (fresh / rel).read_bytes()
        if a == b:
            continue
        if ext in RENDERED:
            rendered += 1
            continue
        why = compare_text(a.decode("utf-8", "replace"), b.decode("utf-8", "replace"))
        if why:
            problems.append((rel, why))
    return problems, rendered
