"""`./workbook bench`: the Google Benchmark targets as a table to paste into the README;
`--vs-numpy` also times the same workloads in NumPy (Debian's python3-numpy): normal
draws, chapter 13's C_t Monte Carlo and chapter 11's GBM convergence study, written
as in common/bench/bench_common.cpp (BM_NormalFill, BM_CtMonteCarlo, BM_GbmConvergence)."""
import argparse
import json
import os
import shutil
import subprocess
import sys

from . import common

# Each prints its best of 3 times in seconds, after a warm-up run.
NUMPY_WORKLOADS = {
    "normals": """
g = np.random.Generator(np.random.PCG64(1))
def work(): g.standard_normal(10**7)
""",
    "ct": """
g = np.random.Generator(np.random.PCG64(1))
w, mu, sd = np.array([0.3, 0.7]), np.array([-2.0, 1.5]), np.array([0.5, 0.7])
def work():
    n, total = 10**6, 0.0
    for i in range(12):
        t = 0.05 + 0.15 * i; m = np.exp(-t); v = 1 - np.exp(-2 * t); sv = np.sqrt(v)
        k = (g.random(n) >= w[0]).astype(int)
        x0 = mu[k] + sd[k] * g.standard_normal(n)
        z = g.standard_normal(n)
        xt = m * x0 + sv * z
        mt, vt = m * mu, m * m * sd * sd + v
        logw = np.log(w) - 0.5 * np.log(2 * np.pi * vt) - 0.5 * (xt[:, None] - mt) ** 2 / vt
        r = np.exp(logw - logw.max(axis=1, keepdims=True)); r /= r.sum(axis=1, keepdims=True)
        score = (r * (-(xt[:, None] - mt) / vt)).sum(axis=1)
        d = -z / sv - score
        total += (d * d).mean()
    return total
""",
    "gbm": """
g = np.random.Generator(np.random.PCG64(1))
def work():
    n, fine, levels, mu, sg = 45000, 1024, 6, 1.0, 1.0
    hf = 1.0 / fine
    em, mil, acc, W = np.ones((levels, n)), np.ones((levels, n)), np.zeros((levels, n)), np.zeros(n)
    for j in range(fine):
        dW = np.sqrt(hf) * g.standard_normal(n)
        W += dW
        acc[0] = dW
        for l in range(levels):
            if (j + 1) % (1 << l): break
            h, a = hf * (1 << l), acc[l]
            em[l] += mu * em[l] * h + sg * em[l] * a
            mil[l] += mu * mil[l] * h + sg * mil[l] * a + 0.5 * sg * sg * mil[l] * (a * a - h)
            if l + 1 < levels: acc[l + 1] += a
            if l > 0: acc[l] = 0
    return em[-1, 0] + mil[-1, 0] + W[0]
""",
}
TIMER = """
import time, numpy as np
{body}
work(); best = 1e9
for _ in range(3):
    t0 = time.perf_counter(); work(); best = min(best, time.perf_counter() - t0)
print(best)
"""


def parser():
    ap = common.ArgParser(prog="./workbook bench", description=__doc__)
    ap.add_argument("--vs-numpy", action="store_true", help="also time the same workloads in NumPy")
    ap.add_argument("--filter", metavar="REGEX", help="only the benchmarks matching REGEX")
    return ap


# Both the benchmarks and NumPy run with glibc's malloc keeping freed memory (trim and mmap
# thresholds at 256 MiB): by default every large temporary is handed back to the kernel
# and its pages are faulted in and cleared again on the next allocation, which measures
# the kernel, not the code (on the C_t workload a third of C++'s time, a tenth of NumPy's).
MALLOC_TUNABLES = "glibc.malloc.trim_threshold=268435456:glibc.malloc.mmap_threshold=268435456"


def bench_env():
    env = dict(os.environ)
    env["GLIBC_TUNABLES"] = ":".join(t for t in (env.get("GLIBC_TUNABLES"), MALLOC_TUNABLES) if t)
    return env


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
    r = subprocess.run([str(bd / "bin" / "bench_common"), *flags], capture_output=True, text=True, env=bench_env())
    if r.returncode != 0:
        sys.stderr.write(r.stderr)
        return r.returncode
    rows = {b["run_name"]: b for b in json.loads(r.stdout)["benchmarks"] if b.get("aggregate_name") == "median"}
    load = open("/proc/loadavg").read().split()[0] if sys.platform.startswith("linux") else "?"
    print(f"\nmedian of 3 repetitions, CPU time; 1-minute load average {load} on {os.cpu_count()} cores;"
          f" GLIBC_TUNABLES={MALLOC_TUNABLES} (NumPy too)\n")
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
        version = subprocess.run([py, "-c", "import numpy; print(numpy.__version__)"], capture_output=True,
                                 text=True).stdout.strip()
        # (workload, the C++ benchmark, NumPy's work in C++'s items per run)
        cases = [("10⁷ standard normals", "BM_NormalFill", "normals", 10**7),
                 ("C_t Monte Carlo, 12 times × 10⁶ draws (ch. 13)", "BM_CtMonteCarlo", "ct", 12 * 10**6),
                 ("GBM convergence, 45,000 paths × 2¹⁰ steps, 6 grids (ch. 11)", "BM_GbmConvergence", "gbm",
                  45000 * 1024)]
        print(f"\n| workload | C++ | NumPy {version} | ratio |\n| --- | --- | --- | --- |")
        for label, bench, key, items in cases:
            cpp = rows.get(bench)
            if not cpp:
                continue  # filtered out
            print(f"  timing {label} in NumPy ...", file=sys.stderr, flush=True)
            secs = float(subprocess.run([py, "-c", TIMER.format(body=NUMPY_WORKLOADS[key])], capture_output=True,
                                        text=True, check=True, env=bench_env()).stdout)
            c, np_rate = cpp["items_per_second"], items / secs
            print(f"| {label} | {c / 1e6:.0f} M/s | {np_rate / 1e6:.1f} M/s | {c / np_rate:.1f}x |")
    return 0
