"""Paths and helpers shared by the workbook's tools."""
import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHAPTER_DIR_RE = re.compile(r"^(\d\d)_([a-z0-9_]+)$")


class UsageError(Exception):
    """A user error: printed as one line, exit status 2."""


def die(msg):
    raise UsageError(msg)


class Stopped(UsageError):
    """Work that could not go on (not the user's mistake): one line, exit status 1."""
    status = 1


class FileError(UsageError, OSError):
    """A file that cannot be read or written: printed as one line naming it, exit
    status 1. It is an OSError too, so callers that ignore I/O errors still do."""
    status = 1


class ArgParser(argparse.ArgumentParser):
    """argparse whose usage errors are the workbook's one-line errors (status 2)."""

    def error(self, message):
        raise UsageError(f"{self.prog}: {message} (see {self.prog} --help)")


def chapter_args(root, kind, args, what):
    """The chapter numbers ("13") named by args ("13", "13_ou_scores", "ch13"),
    checked against the folders under root/kind before anything is done."""
    known = dict(chapter_dirs(root, kind))
    out = []
    for a in args:
        nn = a[2:] if a.startswith("ch") else a
        hit = [n for n, d in known.items() if nn in (n, d)]
        if not hit:
            raise UsageError(f"{what}: no chapter '{a}' in {kind}/ (chapters: {', '.join(known) or 'none'})")
        out.append(hit[0])
    return tuple(out)


def sha256(data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def read_text(path):
    return Path(path).read_bytes().decode("utf-8")


def shown(path, root=ROOT):
    """path relative to root when it lies inside, for messages."""
    try:
        return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return str(path)


def temp_name(path):
    """Where a file is written before it is renamed into place: `.NAME.PID.tmp` beside
    it, which .gitignore (`*.tmp`) and the copier's filter both skip."""
    path = Path(path)
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


BACKUP_DIR = ".backup"


def backup_path(root, path):
    """A fresh exercises/.backup/<UTC time>/<path relative to exercises/> for path."""
    root = Path(root)
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    rel = Path(path).resolve().relative_to((root / "exercises").resolve())
    base = root / "exercises" / BACKUP_DIR
    dest, k = base / stamp / rel, 1
    while dest.exists():
        dest, k = base / f"{stamp}-{k}" / rel, k + 1
    return dest


def _make_parent(path, made):
    """mkdir -p path's folder, remembering the folders it created (for rollback)."""
    missing = []
    p = Path(path).parent
    while not p.exists():
        missing.append(p)
        p = p.parent
    for d in reversed(missing):
        d.mkdir()
        made.append(d)


def write_files(items, root=ROOT, back_up=()):
    """Writes every (path, text or bytes) of items, or none of them.

    Each file goes to its temp_name() first; the files in back_up are then copied
    under exercises/.backup/; only then are the temporaries renamed over their
    targets. On any error the targets renamed so far get their old bytes back, the
    temporaries, backups and new folders are removed, and FileError names the file
    in one line. Returns {path: its backup} for the files in back_up."""
    items = [(Path(p), c.encode("utf-8") if isinstance(c, str) else c) for p, c in items]
    back_up = {Path(p) for p in back_up}
    staged, backups, renamed, made = [], {}, [], []
    current = None
    try:
        for path, data in items:
            current = path
            if path.exists() and not path.is_file():
                raise IsADirectoryError(21, "not a regular file")
            old = path.read_bytes() if path.exists() else None
            _make_parent(path, made)
            tmp = temp_name(path)
            staged.append((tmp, path, old))
            tmp.write_bytes(data)
        for path in sorted(back_up):
            current = path
            dest = backup_path(root, path)
            _make_parent(dest, made)
            shutil.copy2(path, dest)
            backups[path] = dest
        for tmp, path, old in staged:
            current = path
            os.replace(tmp, path)
            renamed.append((path, old))
    except OSError as e:
        for path, old in reversed(renamed):
            try:
                if old is None:
                    path.unlink()
                else:
                    tmp = temp_name(path)
                    tmp.write_bytes(old)
                    os.replace(tmp, path)
            except OSError:
                pass
        for p in [t for t, _, _ in staged] + list(backups.values()):
            try:
                p.unlink()
            except OSError:
                pass
        for d in reversed(made):
            try:
                d.rmdir()
            except OSError:
                pass
        why = e.strerror or str(e)
        raise FileError(f"cannot write {shown(current, root)}: {why}; nothing was written") from None
    return backups


def write_atomic(path, content, root=ROOT):
    """Writes one file through a temporary and a rename (see write_files)."""
    write_files([(path, content)], root)


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


def existing_build(root=ROOT):
    """A build folder of root that is already configured, for work any preset can do
    (the reference probes of grading): build/default, else build/ci (so the test
    suite reuses the tree it has just built rather than compiling a third), else
    build/default, configured now."""
    for preset in ("default", "ci"):
        if (build_dir(root, preset) / "CMakeCache.txt").exists():
            return build_dir(root, preset)
    return configure(root)


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
