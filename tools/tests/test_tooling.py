"""Fast tests of the main job's --compare, the suite's counters and the scaffold's
README row (no build). Run from the repo root: python3 -m unittest tools.tests.test_tooling
"""
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

from wbtools import figcompare, scaffold, testsuite  # noqa: E402


class Compare(unittest.TestCase):
    def test_numbers_within_the_tolerance_agree(self):
        self.assertIsNone(figcompare.compare_text("# x,y\n1,0.30000000000000004\n", "# x,y\n1,0.3\n"))
        self.assertIsNone(figcompare.compare_text("1e-300,NaN,-Inf\n", "1.0000000000001e-300,NaN,-Inf\n"))

    def test_a_number_beyond_it_is_named(self):
        why = figcompare.compare_text("# x,y\n1,2\n3,4\n", "# x,y\n1,2\n3,4.00001\n")
        self.assertRegex(why, r"up to 2\.5e-06 relative \(number 4: 4\.0 committed, 4\.00001 now\)")
        self.assertIsNotNone(figcompare.compare_text("0\n", "1e-20\n"))  # relative: noise about 0 counts

    def test_text_outside_the_numbers_must_match(self):
        self.assertEqual(figcompare.compare_text('{"label": "a"}', '{"label": "b"}'), "differs in more than its numbers")
        self.assertEqual(figcompare.compare_text("1,2\n", "1,2,3\n"), "differs in more than its numbers")

    def test_folders(self):
        with tempfile.TemporaryDirectory() as t:
            a, b = Path(t) / "a", Path(t) / "b"
            for d in (a, b):
                (d / "data" / "f").mkdir(parents=True)
                (d / "f.png").write_bytes(b"png" + d.name.encode())  # rendered: counted only
                (d / "checks.json").write_text('{"ok": true, "lhs": 1.5}')
            (a / "data" / "f" / "1-1.csv").write_text("1,2\n")
            (b / "data" / "f" / "1-1.csv").write_text("1,2.5\n")
            (a / "data" / "f" / "gone.csv").write_text("1\n")
            (b / "data" / "f" / "new.csv").write_text("1\n")
            problems, rendered = figcompare.compare_dirs(a, b)
            self.assertEqual(rendered, 1)
            self.assertEqual([p.as_posix() for p, _ in problems],
                             ["data/f/1-1.csv", "data/f/gone.csv", "data/f/new.csv"])
            self.assertIn("no longer writes", problems[1][1])
            self.assertIn("not committed", problems[2][1])


JUNIT = """<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="Linux" tests="4" failures="1" disabled="1" skipped="0" hostname="" time="1">
  <testcase name="a" classname="a" time="0.1" status="run"><system-out>ok</system-out></testcase>
  <testcase name="b" classname="b" time="0.1" status="fail"><failure message="Failed"/></testcase>
  <testcase name="c" classname="c" time="0" status="notrun"><skipped message="Not Run"/></testcase>
  <testcase name="d" classname="d" time="0" status="disabled"/>
</testsuite>
"""


class SuiteCounts(unittest.TestCase):
    def test_junit(self):
        with tempfile.TemporaryDirectory() as t:
            p = Path(t) / "r.xml"
            p.write_text(JUNIT)
            self.assertEqual(testsuite.count_junit(p), (1, 2))  # a test that did not run failed
            self.assertEqual(testsuite.count_junit(Path(t) / "missing.xml"), (0, 0))

    def test_json(self):
        with tempfile.TemporaryDirectory() as t:
            p = Path(t) / "c.json"
            p.write_text('{"ran": 5, "failed": 1, "skipped": 1, "passed": 3}')
            self.assertEqual(testsuite.count_json(p), (3, 1))


class Scaffold(unittest.TestCase):
    TABLE = ("intro\n\n| chapter | what it derives and checks | checks / controls | default / `--quick` |\n"
             "| --- | --- | --- | --- |\n| [03 A](chapters/03_a/chapter.cpp) | x | 1 / 1 | 1 s |\n"
             "| [13 B](chapters/13_b/chapter.cpp) | y | 1 / 1 | 1 s |\n\nafter\n")

    def test_the_row_goes_in_number_order(self):
        out = scaffold.readme_with_row(self.TABLE, "05", "05_new", "New one").split("\n")
        i = out.index("| [05 New one](chapters/05_new/chapter.cpp) | (to be written) | – | – |")
        self.assertTrue(out[i - 1].startswith("| [03 ") and out[i + 1].startswith("| [13 "))
        last = scaffold.readme_with_row(self.TABLE, "14", "14_z", "Z").split("\n")
        self.assertEqual(last[last.index("after") - 2], "| [14 Z](chapters/14_z/chapter.cpp) | (to be written) | – | – |")

    def test_templates_have_no_placeholders_left(self):
        for t in (scaffold.CHAPTER_CPP, scaffold.CMAKE, scaffold.HEADER, scaffold.SOLUTION, scaffold.TEST,
                  scaffold.HINTS):
            self.assertNotIn("@", scaffold.fill(t, "05", "topic", "Title"))


class PortableFlags(unittest.TestCase):
    def test_no_build_compiles_for_this_cpu_only(self):
        dbs = sorted((ROOT / "build").glob("*/compile_commands.json"))
        if not dbs:
            self.skipTest("nothing configured yet")
        for db in dbs:
            text = db.read_text(encoding="utf-8")
            self.assertIn("chapter.cpp", text, db)
            for flag in ("-march=native", "-mtune=native", "-ffast-math", "-Ofast"):
                self.assertNotIn(flag, text, db)


if __name__ == "__main__":
    unittest.main()
