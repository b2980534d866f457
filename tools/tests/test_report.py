"""Tests of the check report's schema (common/checks.schema.json, tools/wbtools/report.py)
and of the seed sweep (`./workbook seeds`), run on the demo chapter of common/.

Run from the repository root:  python3 -m unittest tools.tests.test_report
The demo chapter must be built (build/default or build/ci); the tests skip otherwise.
"""
import copy
import json
import subprocess
import sys
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

from wbtools import report  # noqa: E402

# The newest build's demo chapter: the suite builds only `ci`, and a `default` build left
# from before may lack the flags these tests use.
DEMO = max((p for p in (ROOT / "build" / b / "bin" / "demo_chapter" for b in ("default", "ci")) if p.exists()),
           key=lambda p: p.stat().st_mtime, default=None)


def demo_json(*args):
    p = subprocess.run([str(DEMO), "--no-plots", "--json", *args], capture_output=True, text=True, timeout=120)
    return p.returncode, json.loads(p.stdout)


def workbook(*args):
    p = subprocess.run([sys.executable, str(ROOT / "tools" / "workbook.py"), *args], capture_output=True, text=True,
                       timeout=600)
    return p.returncode, p.stdout, p.stderr


class Validator(unittest.TestCase):
    def test_schema_reads_and_names_the_enums(self):
        self.assertEqual(report.version(), 2)
        self.assertIn("monte_carlo", report.kinds())
        self.assertEqual(report.verdicts(), ["pass", "fail", "rejected", "accepted", "error"])

    def test_validator_finds_each_kind_of_problem(self):
        doc = {"schema": "wb-checks"}
        problems = report.validate(doc)
        self.assertTrue(any("missing 'version'" in p for p in problems), problems)
        self.assertEqual(report.validate(3), ["$: expected object, got int"])
        check = report.schema()["$defs"]["check"]
        self.assertTrue(report.validate({"kind": "bogus"}, check))
        self.assertTrue(any("not one of" in p for p in report.validate({"kind": "bogus"}, check)))


@unittest.skipIf(DEMO is None, "the demo chapter is not built (cmake --build build/default --target demo_chapter)")
class DemoReport(unittest.TestCase):
    def test_every_section_gives_a_valid_report_with_every_kind(self):
        rc, data = demo_json("--quick")
        self.assertEqual(rc, 1)  # the demo has a failing section on purpose
        self.assertEqual(report.validate(data), [])
        kinds = {c["kind"] for s in data["sections"] for c in s["checks"]}
        self.assertEqual(kinds, set(report.kinds()))
        verdicts = {c["verdict"] for s in data["sections"] for c in s["checks"]}
        self.assertEqual(verdicts, set(report.verdicts()))

    def test_a_changed_report_is_caught(self):
        _, data = demo_json("--quick", "--only", "kinds")
        bad = copy.deepcopy(data)
        bad["sections"][0]["checks"][0]["verdict"] = "PASS"
        self.assertTrue(report.validate(bad))
        bad = copy.deepcopy(data)
        del bad["sections"][0]["line"]
        self.assertTrue(report.validate(bad))
        bad = copy.deepcopy(data)
        bad["summary"]["extra"] = 1
        self.assertTrue(report.validate(bad))


@unittest.skipIf(DEMO is None, "the demo chapter is not built (cmake --build build/default --target demo_chapter)")
class Seeds(unittest.TestCase):
    def test_a_sound_chapter_passes_on_every_seed(self):
        rc, out, err = workbook("seeds", "--binary", str(DEMO), "--only", "good,kinds", "--count", "6", "--quick")
        self.assertEqual(rc, 0, out + err)
        self.assertIn("seeds 1–6, --quick: passed on 6/6 (ok: at most 0 may fail)", out)
        self.assertIn("nominal false alarms", out)

    def test_failures_are_listed_by_seed_and_by_claim(self):
        rc, out, err = workbook("seeds", "--binary", str(DEMO), "--only", "good,bad,invalid", "--count", "3",
                                "--first", "10")
        self.assertEqual(rc, 1, out + err)
        self.assertIn("passed on 0/3 (FAILED", out)
        self.assertIn("failed seeds: 10 11 12", out)
        self.assertIn("3 × bad #1 (check, exact) 1 = 2", out)
        self.assertIn("worst: rel 0.5 (≤ 1e-10)", out)
        self.assertIn("(control, monte_carlo) E Z = 1 on an overflowed estimate", out)
        self.assertIn("worst: error", out)

    def test_threshold_is_one_seed_in_200(self):
        from wbtools import seeds
        self.assertEqual([seeds.allowed_failures(n) for n in (1, 20, 199, 200, 399, 400, 1000)],
                         [0, 0, 0, 1, 1, 2, 5])

    def test_usage_errors(self):
        for args in (["--count", "0"], ["--count", "x"], ["--first", "-1"], ["--jobs", "0"], ["99"],
                     ["--quick=3"], ["--binary", "/nonexistent"], ["--bogus"]):
            rc, out, err = workbook("seeds", "--no-build", *args)
            self.assertEqual(rc, 2, f"{args}: {out}{err}")
            self.assertEqual(len(err.strip().splitlines()), 1, f"{args}: {err}")


if __name__ == "__main__":
    unittest.main()
