"""Paths and helpers shared by the workbook's tools."""
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHAPTER_DIR_RE = re.compile(r"^(\d\d)_([a-z0-9_]+)$")


class UsageError(Exception):
    """A user error: printed as one line, exit status 2."""


def die(msg):
    raise UsageError(msg)


def chapter_dirs(root=ROOT, kind="chapters"):
    """Sorted list of (NN, dirname) for folders named NN_topic under root/kind."""
    base = Path(root) / kind
    if not base.is_dir():
        return []
    out = []
    for d in sorted(base.iterdir()):
        m = CHAPTER_DIR_RE.match(d.name)
        if d.is_dir() and m:
            out.append((m.group(1), d.name))
    return out


def build_dir(root=ROOT, preset="default"):
    return Path(root) / "build" / preset


def run(cmd, cwd=None, check=True, capture=False, env=None, timeout=None):
    """Runs a command; on failure raises CalledProcessError (caller decides)."""
    kw = dict(cwd=cwd, env=env, timeout=timeout, text=True)
    if capture:
        kw.update(stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return subprocess.run(cmd, check=check, **kw)


def configure(root=ROOT, preset="default", quiet=True):
    """Configures the CMake preset if its build folder has no cache yet."""
    bd = build_dir(root, preset)
    if not (bd / "CMakeCache.txt").exists():
        r = run(["cmake", "--preset", preset], cwd=root, check=False, capture=quiet)
        if r.returncode != 0:
            sys.stderr.write(r.stdout or "")
            die(f"cmake configure (preset {preset}) failed")
    return bd


def jobs():
    return str(max(1, os.cpu_count() or 1))


# ---- children in their own process group -------------------------------------

def kill_group(p, sig=None):
    """Ends p and everything it started (p leads its own process group)."""
    import signal
    if p.poll() is None:
        try:
            os.killpg(p.pid, sig or signal.SIGKILL)
        except ProcessLookupError:
            pass
    p.wait()


def _die_with_parent():
    """In the child before exec (Linux): SIGKILL when the parent dies, so even a
    SIGKILLed parent leaves no child behind."""
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(1, 9)  # PR_SET_PDEATHSIG, SIGKILL
    except (OSError, AttributeError):
        pass


def start_group(cmd, die_with_parent=False, **kw):
    """Popen in a new session (own process group), with SIGINT and SIGTERM held back
    until the Popen object exists, so a signal can never orphan a half-started child."""
    import signal
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        return subprocess.Popen(cmd, start_new_session=True,
                                preexec_fn=_die_with_parent if die_with_parent else None, **kw)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def stop_on_signals():
    """Ctrl-C, SIGTERM and SIGHUP all raise KeyboardInterrupt, so every `finally`
    runs and every child is ended. SIGINT is installed explicitly: a process
    started in the background by a non-interactive shell (CI, nohup) inherits it
    ignored, and an interactive command must still stop on it."""
    import signal

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, signal.default_int_handler)
    for s in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(s, interrupt)


def run_group(cmd, cwd=None, env=None, timeout=None):
    """Runs cmd (stdout and stderr captured together) in its own process group and
    ends the whole group on every way out: success, timeout, Ctrl-C, an error.
    Returns CompletedProcess; raises TimeoutExpired after killing the group."""
    p = start_group(cmd, cwd=cwd, env=env, text=True, errors="replace",
                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        out, _ = p.communicate(timeout=timeout)
        return subprocess.CompletedProcess(cmd, p.returncode, out, None)
    finally:
        kill_group(p)
        if p.stdout:
            p.stdout.close()
