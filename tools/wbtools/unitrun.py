"""Runs the tools' unittest suite (verbose, on the console) and writes its counts
as JSON, so `./workbook test` reads numbers rather than scraping console text:

    python3 tools/wbtools/unitrun.py OUT.json   (discovers tools/tests)
"""
import json
import sys
import time
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class TimedResult(unittest.TextTestResult):
    """Adds up the wall time per test class, its setUpClass included (the gap before
    its first test), so the suite's log says where the tools' step spends its time."""

    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.per_class, self._last = {}, time.monotonic()

    def stopTest(self, test):
        super().stopTest(test)
        now = time.monotonic()
        name = type(test).__module__.rsplit(".", 1)[-1] + "." + type(test).__name__
        self.per_class[name] = self.per_class.get(name, 0.0) + now - self._last
        self._last = now


def main(out):
    suite = unittest.defaultTestLoader.discover(str(ROOT / "tools" / "tests"), top_level_dir=str(ROOT))
    result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout, resultclass=TimedResult).run(suite)
    slowest = sorted(result.per_class.items(), key=lambda kv: -kv[1])[:8]
    print("slowest test classes: " + ", ".join(f"{n} {s:.0f} s" for n, s in slowest), flush=True)
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    counts = {"ran": result.testsRun, "failed": failed, "skipped": len(result.skipped),
              "passed": result.testsRun - failed - len(result.skipped)}
    Path(out).write_text(json.dumps(counts) + "\n", encoding="utf-8")
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main(sys.argv[1]))
