"""`./workbook new NN topic "Title"`: a new chapter that builds, runs and passes.

Writes chapters/NN_topic/ (chapter.cpp: a prose block, one section with one claim,
one control and one figure; CMakeLists.txt), solutions/NN_topic/ (one marked
exercise), exercises/NN_topic/ (the API header, the exercise's test, HINTS.md), adds
the chapter's row to the README's chapters table, generates the stub with
`./workbook generate NN`, then builds and runs the chapter. It refuses to touch an
existing chapter number or folder, and checks everything before writing anything.

The number and the title are written once: in the heading "# Chapter NN: Title" of
the chapter's prose. The build reads them from there (wb_chapter_info() in the
chapter's CMakeLists.txt), and the chapter constructs `wb::Chapter ch;`.
"""
import re
import shutil
import subprocess
import sys
from pathlib import Path

from . import common

TOPIC_RE = re.compile(r"^[a-z][a-z0-9_]*$")
EXERCISE = "second_moment"

CHAPTER_CPP = r'''/*md
# Chapter @NN@: @TITLE@

What this chapter derives, in two or three sentences, and the question of the course it
answers. State each symbol where it first appears.

## 1. The second moment of a standard normal

For $Z \sim \mathcal N(0, 1)$, $\mathbb E[Z^2] = \operatorname{Var} Z + (\mathbb E Z)^2 = 1$.
The Monte Carlo estimate from $n$ draws carries its standard error, and the claim must also be
decisive. The control is the slip $\mathbb E[Z^2] = (\mathbb E Z)^2 = 0$, which the same draws
must reject. The histogram of the draws of $Z^2$ is the $\chi^2_1$ density:

![Draws of Z² and the χ²₁ density](second_moment.svg)
*/
#include <cmath>
#include <vector>

#include "@TOPIC@.hpp"
#include "wb/chapter.hpp"
#include "wb/constants.hpp"
#include "wb/stats.hpp"

int main(int argc, char** argv) {
    wb::Chapter ch;  // number and title from the heading above (see CMakeLists.txt)

    ch.section("second_moment", "E[Z²] = 1  [exercise @NN@.1]", [](wb::Section& s) {
        const auto z = s.rng().normal_vector(s.size(4000, 40000));
        const std::vector<double> draws(z.begin(), z.end());
        const wb::Estimate m2 = ch@NN@::second_moment(draws);
        s.monte_carlo("E[Z²] = 1", m2, 1.0);
        s.control().monte_carlo("E[Z²] = (E Z)² = 0", m2, 0.0, {.scale = 1.0});

        std::vector<double> sq;
        for (double x : draws) sq.push_back(x * x);
        const auto h = wb::histogram(sq, 0.0, 6.0, 30);
        std::vector<double> x, pdf;
        for (int i = 1; i <= 200; ++i) {
            const double v = 6.0 * i / 200.0;
            x.push_back(v);
            pdf.push_back(std::exp(-v / 2) / std::sqrt(2 * wb::Pi * v));  // χ²₁ density
        }
        wb::Figure fig("second_moment", "Draws of Z² and the χ²₁ density");
        fig.panel().xlabel("z²").ylabel("density").yrange(0, 2)
            .steps(h.edges, h.density, "histogram of Z²").id("histogram")
            .line(x, pdf, "χ²₁ density").id("chi2_density")
            .key(wb::KeyPlace::Best);
        s.save(fig);
    });

    return ch.run(argc, argv);
}
'''

CMAKE = """wb_add_chapter()
# Number and title come from the heading "# Chapter NN: Title" of chapter.cpp.
wb_chapter_info()
"""

HEADER = r'''// Chapter @NN@ exercise API: @TITLE@.
//
//   @NN@.1 @EX@  the mean of x_i² and its standard error
#pragma once

#include <span>

#include "wb/stats.hpp"

namespace ch@NN@ {

// @NN@.1 @EX@: the sample mean of x_i² over the n = x.size() ≥ 2 values, with
// its standard error s/√n (s² the sample variance of the x_i², divided by n − 1).
wb::Estimate @EX@(std::span<const double> x);

}  // namespace ch@NN@
'''

SOLUTION = r'''// @NN@.1: the second moment and its standard error.
#include <cmath>

#include "@TOPIC@.hpp"
#include "wb/exercise.hpp"

namespace ch@NN@ {

wb::Estimate @EX@(std::span<const double> x) {
    // BEGIN SOLUTION @NN@.1 @EX@
    // Welford's update on y = x²: the mean and the sum of squared deviations in one pass.
    double mean = 0.0, m2 = 0.0;
    std::size_t n = 0;
    for (double xi : x) {
        const double y = xi * xi, d = y - mean;
        mean += d / static_cast<double>(++n);
        m2 += d * (y - mean);
    }
    const double var = m2 / static_cast<double>(n - 1);
    return {mean, std::sqrt(var / static_cast<double>(n)), n};
    // END SOLUTION
}

}  // namespace ch@NN@
'''

TEST = r'''// Tests of @NN@.1 @EX@.
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "@TOPIC@.hpp"

using ch@NN@::@EX@;

TEST(SecondMoment, KnownValues) {
    // x² = 1, 1, 4, 4: mean 2.5, sample variance 4·1.5²/3 = 3, se = √(3/4).
    const std::vector<double> x{1, -1, 2, -2};
    const wb::Estimate e = @EX@(x);
    EXPECT_DOUBLE_EQ(e.value, 2.5);
    EXPECT_NEAR(e.se, std::sqrt(0.75), 1e-12);
    EXPECT_EQ(e.n, 4u);
}

TEST(SecondMoment, IsNotTheSquaredMean) {
    // The slip (mean x)² gives 0 here.
    const std::vector<double> x{3, -3};
    EXPECT_DOUBLE_EQ(@EX@(x).value, 9.0);
}

TEST(SecondMoment, StandardErrorUsesNMinusOne) {
    // x² = 0, 2: mean 1, sample variance 2 (not 1), se = √(2/2) = 1.
    const std::vector<double> x{0, std::sqrt(2.0)};
    EXPECT_NEAR(@EX@(x).se, 1.0, 1e-12);
}
'''

HINTS = r'''# Hints for chapter @NN@

## @NN@.1 @EX@ — The second moment and its standard error
Average $y_i = x_i^2$, not $x_i$: the slip $(\bar x)^2$ is the squared mean. The standard error of
a mean is $s/\sqrt n$ with $s^2 = \frac{1}{n-1}\sum_i (y_i - \bar y)^2$; Welford's update computes
both in one pass without cancellation.
'''


def fill(template, nn, topic, title):
    return (template.replace("@NN@", nn).replace("@TOPIC@", topic).replace("@TITLE@", title)
            .replace("@EX@", EXERCISE))


def check_args(root, nn, topic, title):
    """Every reason to refuse, before anything is written."""
    if not re.fullmatch(r"\d\d", nn) or nn == "00":
        common.die(f"new: the chapter number must be two digits 01–99, got '{nn}'")
    if not TOPIC_RE.match(topic):
        common.die(f"new: the topic must be lowercase letters, digits and '_' (starting with a letter), "
                   f"got '{topic}'")
    title = title.strip()
    if not title or any(c in title for c in '\n"\\;'):
        common.die("new: the title must be one line without quotes, backslashes or semicolons")
    for kind in ("chapters", "exercises", "solutions", "figures"):
        for n, d in common.chapter_dirs(root, kind):
            if n == nn:
                common.die(f"new: chapter {nn} exists already ({kind}/{d}); nothing written")
    return title


def readme_with_row(text, nn, dirname, title):
    """The README with the chapter's row added to the chapters table, in number order."""
    lines = text.split("\n")
    head = next((i for i, l in enumerate(lines) if l.startswith("| chapter | what it derives")), None)
    if head is None:
        return None
    row = f"| [{nn} {title}](chapters/{dirname}/chapter.cpp) | (to be written) | – | – |"
    i = head + 2
    while i < len(lines) and lines[i].startswith("|"):
        m = re.match(r"^\| \[(\d\d) ", lines[i])
        if m and m.group(1) > nn:
            break
        i += 1
    lines.insert(i, row)
    return "\n".join(lines)


def create(root, nn, topic, title):
    """Writes the chapter's files (all or nothing) and returns the folder name."""
    root = Path(root)
    dirname = f"{nn}_{topic}"
    files = {
        f"chapters/{dirname}/chapter.cpp": CHAPTER_CPP,
        f"chapters/{dirname}/CMakeLists.txt": CMAKE,
        f"exercises/{dirname}/{topic}.hpp": HEADER,
        f"exercises/{dirname}/{EXERCISE}_test.cpp": TEST,
        f"exercises/{dirname}/HINTS.md": HINTS,
        f"solutions/{dirname}/{EXERCISE}.cpp": SOLUTION,
    }
    readme = root / "README.md"
    new_readme = readme_with_row(readme.read_text(encoding="utf-8"), nn, dirname, title) if readme.exists() else None
    # Staged next to the tree, then each folder renamed into place.
    stage = root / f".new-{dirname}.tmp"
    shutil.rmtree(stage, ignore_errors=True)
    moved = []
    try:
        for rel, text in files.items():
            p = stage / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text(fill(text, nn, topic, title), encoding="utf-8")
        for kind in ("chapters", "exercises", "solutions"):
            (root / kind).mkdir(exist_ok=True)
            (stage / kind / dirname).rename(root / kind / dirname)
            moved.append(root / kind / dirname)
        if new_readme is not None:
            tmp = readme.with_name(readme.name + ".tmp")
            tmp.write_text(new_readme, encoding="utf-8")
            tmp.replace(readme)
    except OSError as e:
        for d in moved:
            shutil.rmtree(d, ignore_errors=True)
        common.die(f"new: cannot write the chapter ({e}); nothing kept")
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return dirname


def main(cmd, args):
    from .exgen import ArgParser, generate
    ap = ArgParser(prog="./workbook new", description=__doc__.split("\n\n")[1])
    ap.add_argument("number", help="two digits, e.g. 05")
    ap.add_argument("topic", help="the folder's topic: lowercase, digits and '_', e.g. kernel_methods")
    ap.add_argument("title", help='the chapter title, e.g. "Kernel methods"')
    ap.add_argument("--no-build", action="store_true", help="write the files only; do not build and run")
    a = ap.parse_args(args)
    root = common.ROOT
    title = check_args(root, a.number, a.topic, a.title)
    dirname = create(root, a.number, a.topic, title)
    print(f"wrote chapters/{dirname}/, solutions/{dirname}/, exercises/{dirname}/ and the README row")
    rc = generate(root, chapters=(a.number,))
    if rc != 0:
        return rc
    if a.no_build:
        return 0
    bd = common.configure(root)
    target = f"ch{a.number}"
    print(f"building {target} ...", flush=True)
    r = subprocess.run(["cmake", "--build", str(bd), "--target", target, f"test_sol{a.number}_{EXERCISE}",
                        f"test_ex{a.number}_{EXERCISE}", "-j", common.jobs()],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stdout)
        print(f"new: chapter {a.number} was written but does not build (above)", file=sys.stderr)
        return 1
    rc = subprocess.call([str(bd / "bin" / target)])
    if rc == 0:
        print(f"\nchapter {a.number} runs: edit chapters/{dirname}/chapter.cpp (README, \"Writing a chapter\")")
    return rc
