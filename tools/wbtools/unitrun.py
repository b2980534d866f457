"""Runs the tools' unittest suite (verbose, on the console) and writes its counts
as JSON, so `./workbook test` reads numbers rather than scraping console text:

    python3 tools/wbtools/unitrun.py OUT.json   (discovers tools/tests)
"""
import json
import sys
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main(out):
    suite = unittest.defaultTestLoader.discover(str(ROOT / "tools" / "tests"), top_level_dir=str(ROOT))
    result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    counts = {"ran": result.testsRun, "failed": failed, "skipped": len(result.skipped),
              "passed": result.testsRun - failed - len(result.skipped)}
    Path(out).write_text(json.dumps(counts) + "\n", encoding="utf-8")
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main(sys.argv[1]))
