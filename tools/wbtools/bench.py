"""`./workbook bench`: the Google Benchmark targets as a table to paste into the README;
`--vs-numpy` also times the same normal draws in NumPy (Debian's python3-numpy)."""
import argparse
import json
import os
import shutil
import subprocess
import sys

from . import common

NUMPY_NORMALS = """
import time, numpy as np
g = np.random.Generator(np.random.PCG64(1)); n = 10**7; best = 1e9
for _ in range(3):
    t0 = time.perf_counter(); g.standard_normal(n); best = min(best, time.perf_counter() - t0)
print(n / best)
"""


def parser():
    ap = common.ArgParser(prog="./workbook bench", description=__doc__)
    ap.add_argument("--vs-numpy", action="store_true", help="also time the same normal draws in NumPy")
    ap.add_argument("--filter", metavar="REGEX", help="only the benchmarks matching REGEX")
    return ap


def numpy_python():
    """An interpreter that imports numpy: this one, else Debian's /usr/bin/python3."""
    for py in (sys.executable, "/usr/bin/python3", shutil.which("python3")):
        if py and subprocess.run([py, "-c", "import numpy"], capture_output=True).returncode == 0:
            return py
    return None


def main(cmd, args):
    o = parser().parse_args(args)
    from .mainjob import build
    bd = build("default", ["bench_common"])
    flags = ["--benchmark_format=json", "--benchmark_repetitions=3", "--benchmark_report_aggregates_only=true"]
    if o.filter:
        flags.append(f"--benchmark_filter={o.filter}")
    r = subprocess.run([str(bd / "bin" / "bench_common"), *flags], capture_output=True, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stderr)
        return r.returncode
    rows = {b["run_name"]: b for b in json.loads(r.stdout)["benchmarks"] if b.get("aggregate_name") == "median"}
    load = open("/proc/loadavg").read().split()[0] if sys.platform.startswith("linux") else "?"
    print(f"\nmedian of 3 repetitions, CPU time; 1-minute load average {load} on {os.cpu_count()} cores\n")
    print("| benchmark | CPU time | rate |\n| --- | --- | --- |")
    for name, b in rows.items():
        rate = b.get("items_per_second")
        print(f"| `{name}` | {b['cpu_time']:.4g} {b['time_unit']} | {rate / 1e6:.0f} M/s |" if rate else
              f"| `{name}` | {b['cpu_time']:.4g} {b['time_unit']} | |")
    em, nf = rows.get("BM_EulerMaruyamaStep"), rows.get("BM_NormalFillScaled")
    if em and nf:
        print(f"\nEuler–Maruyama step / its scaled normals: {em['cpu_time'] / nf['cpu_time']:.2f}x (target <= 1.2x)")
    if o.vs_numpy:
        py = numpy_python()
        if not py:
            print("\nvs NumPy: skipped, numpy is not installed (sudo apt-get install python3-numpy)")
            return 0
        np_rate = float(subprocess.run([py, "-c", NUMPY_NORMALS], capture_output=True, text=True, check=True).stdout)
        cpp = rows.get("BM_NormalFill")
        print("\n| workload | C++ | NumPy | ratio |\n| --- | --- | --- | --- |")
        if cpp:
            c = cpp["items_per_second"]
            print(f"| 10⁷ standard normals | {c / 1e6:.0f} M/s | {np_rate / 1e6:.0f} M/s | {c / np_rate:.1f}x |")
        print("(the C_t Monte Carlo and GBM convergence workloads are not yet in this comparison)")
    return 0
