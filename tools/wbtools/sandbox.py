"""Running a student's code in a bubblewrap sandbox (Debian package `bubblewrap`).

Every compile, link and run of submitted code goes through run(): new user, PID,
network, IPC and UTS namespaces (so no network, not even the host's 127.0.0.1),
read-only /usr and only the folders the caller binds (never solutions/, the
instructor's home or the grader's output), a private /tmp, and limits on address
space, processes, CPU time, file size and the output kept. The sandbox's first
process is the namespace's init: when it ends, or when the wall-clock limit kills
it, every process it started dies with it, so nothing outlives a test.

As root the sandbox runs under an unused uid (setpriv), so the process limit
counts only its own processes (root is exempt from RLIMIT_NPROC). Without user
namespaces bubblewrap cannot start: check() then fails closed, with a message,
and nothing is graded unsandboxed.
"""
import fcntl
import math
import os
import resource
import shutil
import signal
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

# The bwrap binary; tests point this at a failing program to see the grader refuse.
BWRAP = os.environ.get("WB_SANDBOX_BWRAP", "bwrap")
UID_BASE = 61000  # root's sandboxes run as uids UID_BASE.. (no passwd entry needed)


class Unavailable(Exception):
    """The sandbox cannot start here: grading must not go ahead."""


@dataclass
class Limits:
    timeout: float = 10.0          # wall-clock seconds for the whole sandbox
    cpu: float = 0.0               # CPU seconds per process (RLIMIT_CPU); 0: the wall-clock limit
    memory: int = 2 << 30          # address space per process (RLIMIT_AS)
    processes: int = 64            # processes of the sandbox's uid (RLIMIT_NPROC)
    file_size: int = 64 << 20      # largest file it may write (RLIMIT_FSIZE)
    output: int = 64 << 10         # bytes of stdout + stderr kept
    tmp_size: int = 256 << 20      # size of the private /tmp


@dataclass
class Result:
    returncode: int
    output: str
    timed_out: bool = False
    truncated: bool = False        # the program wrote more than Limits.output
    elapsed: float = 0.0
    flags: list = field(default_factory=list)
    started: bool = True           # False: the sandbox's shell could not fork the command


UID_COUNT = 64
LOCKS = Path(os.environ.get("WB_SANDBOX_LOCKS", "/run/lock/wb-sandbox"))
_uid_lock = threading.Lock()
_uids_free = list(range(UID_BASE, UID_BASE + UID_COUNT))
_held = {}
_checked = None


def _take_uid():
    """A uid no other session uses, in this process or any other on the machine (a lock
    file per uid, held while the session lasts): two graders never share a uid, so one
    submission can neither signal another's processes nor use up its process limit."""
    deadline = time.monotonic() + 600
    try:
        LOCKS.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as e:
        raise Unavailable(f"cannot create the sandbox uid locks in {LOCKS}: {e.strerror}") from None
    while True:
        with _uid_lock:
            for uid in list(_uids_free):
                fd = os.open(LOCKS / f"{uid}.lock", os.O_RDWR | os.O_CREAT, 0o600)
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    os.close(fd)
                    continue
                _uids_free.remove(uid)
                _held[uid] = fd
                return uid
        if time.monotonic() > deadline:
            raise Unavailable(f"every sandbox uid ({UID_BASE}..{UID_BASE + UID_COUNT - 1}) is in use by other graders")
        time.sleep(0.5)


def _give_uid(uid):
    with _uid_lock:
        os.close(_held.pop(uid))  # releases the lock
        _uids_free.append(uid)


def _system_binds():
    """The read-only system: /usr, the merged-/usr links, the linker cache and
    alternatives (c++ -> g++), nothing else from /etc."""
    args = ["--ro-bind", "/usr", "/usr"]
    for name in ("bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        p = Path("/") / name
        if p.is_symlink():
            args += ["--symlink", os.readlink(p), str(p)]
        elif p.is_dir():
            args += ["--ro-bind", str(p), str(p)]
    for p in ("/etc/alternatives", "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d"):
        args += ["--ro-bind-try", p, p]
    return args


def command(cmd, ro=(), rw=(), cwd="/tmp", limits=Limits(), env=None):
    """The bwrap command line for cmd (binds: paths mounted at the same place)."""
    args = [BWRAP, "--unshare-all", "--die-with-parent", "--new-session", *_system_binds(),
            "--proc", "/proc", "--dev", "/dev", "--size", str(limits.tmp_size), "--tmpfs", "/tmp"]
    for p in ro:
        args += ["--ro-bind", str(p), str(p)]
    for p in rw:
        args += ["--bind", str(p), str(p)]
    base = {"PATH": "/usr/bin:/bin", "HOME": "/tmp", "TMPDIR": "/tmp", "LANG": "C.UTF-8",
            "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    base.update(env or {})
    args += ["--clearenv"]
    for k, v in base.items():
        args += ["--setenv", k, v]
    return args + ["--chdir", str(cwd), "--", *map(str, cmd)]


def _limits_preexec(limits, nproc):
    cpu = math.ceil(limits.cpu or limits.timeout) + 1  # RLIMIT_CPU counts whole seconds

    def apply():
        resource.setrlimit(resource.RLIMIT_AS, (limits.memory, limits.memory))
        resource.setrlimit(resource.RLIMIT_NPROC, (nproc, nproc))
        resource.setrlimit(resource.RLIMIT_FSIZE, (limits.file_size, limits.file_size))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))  # SIGXCPU first, SIGKILL a second later
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    return apply


def _own_processes():
    uid, n = os.getuid(), 0
    for d in Path("/proc").iterdir():
        try:
            n += d.name.isdigit() and d.stat().st_uid == uid
        except OSError:
            pass
    return n


# Runs the command, then counts the processes still in the namespace (its init and
# this shell are 2) onto a pipe the command itself does not inherit: what it left
# behind is flagged, then dies with the namespace. The pipe is the shell's stdin (the
# command reads /dev/null): /bin/sh is dash, whose redirections take only fds 0-9,
# and a pipe's own number grows with whatever the grader holds open. The command's
# process writes "s" there before it becomes the command: no "s" means the shell could
# not fork (the uid's processes from a sandbox that just ended may still be dying), so
# nothing of the command ran and it is safe to try again.
LEFTOVERS = ('(echo s >&0; exec "$@" </dev/null); rc=$?; n=0; for p in /proc/[0-9]*; do n=$((n+1)); done; '
             'echo "$n" >&0; exit $rc')


# bwrap's own words when the kernel refuses a namespace for now (EAGAIN: the uid's or the
# container's process limit): nothing of the command ran, so it is safe to try again.
TRANSIENT = "Resource temporarily unavailable"
START_TRIES = 6


def run_as(uid, cmd, ro=(), rw=(), cwd="/tmp", limits=Limits(), env=None):
    """Runs cmd in a fresh sandbox (as root: under uid); returns a Result, whatever
    the program does. A sandbox the kernel refuses for now is tried again, then raises
    Unavailable: never a score of 0 for the grader's own trouble. Use session() rather
    than calling this directly."""
    for attempt in range(START_TRIES):
        if attempt:
            time.sleep(0.25 * 2 ** (attempt - 1))
        r = _run_once(uid, cmd, ro, rw, cwd, limits, env)
        first = (r.output.splitlines() or [""])[0]
        refused = r.returncode == 1 and first.startswith("bwrap: ") and TRANSIENT in first
        no_fork = not r.started and not r.timed_out and "Cannot fork" in first  # nothing of cmd ran
        if not (refused or no_fork):
            return r
    raise Unavailable(f"the sandbox could not start ({first}; {START_TRIES} tries)")


def _run_once(uid, cmd, ro, rw, cwd, limits, env):
    count_r, count_w = os.pipe()
    argv = command(["/bin/sh", "-c", LEFTOVERS, "sh", *cmd], ro, rw, cwd, limits, env)
    if os.getuid() == 0:
        if uid is None:
            raise ValueError("as root, run the sandbox under a uid from session()")
        argv = ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--inh-caps=-all"] + argv
        nproc = limits.processes
    else:
        nproc = limits.processes + _own_processes()
    t0 = time.monotonic()
    try:
        p = subprocess.Popen(argv, stdin=count_w, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             start_new_session=True, preexec_fn=_limits_preexec(limits, nproc))
    except OSError as e:
        os.close(count_r)
        raise Unavailable(f"cannot start the sandbox ({BWRAP}): {e}") from None
    finally:
        os.close(count_w)
    kept, total = bytearray(), [0]

    def drain():  # keeps reading (and counting) past the cap, so the program never blocks on a full pipe
        while True:
            chunk = p.stdout.read1(65536)
            if not chunk:
                return
            total[0] += len(chunk)
            if len(kept) < limits.output:
                kept.extend(chunk[:limits.output - len(kept)])

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    timed_out = False
    try:
        p.wait(timeout=limits.timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
    finally:
        if p.poll() is None or timed_out:
            # bwrap's monitor dies; its init dies with it (--die-with-parent) and
            # takes the whole PID namespace along.
            try:
                os.killpg(p.pid, 9)
            except ProcessLookupError:
                pass
        p.wait()
    reader.join(timeout=5)
    p.stdout.close()
    with os.fdopen(count_r, "rb") as f:
        os.set_blocking(f.fileno(), False)
        try:
            marks = (f.read(64) or b"").split()
        except (OSError, TypeError):
            marks = []
    started = marks[:1] == [b"s"]
    try:
        left = int(marks[-1]) - 2 if started and len(marks) > 1 else 0
    except ValueError:
        left = 0
    out = kept.decode("utf-8", errors="replace")
    # SIGXCPU: the command (reported by the shell as 128 + n) or the shell itself hit RLIMIT_CPU.
    cpu_out = p.returncode in (128 + signal.SIGXCPU, -signal.SIGXCPU)
    res = Result(p.returncode, out, timed_out or cpu_out, total[0] > limits.output, time.monotonic() - t0,
                 started=started)
    if res.truncated:
        res.flags.append(f"output cut at {limits.output // 1024} kB (it wrote {total[0] // 1024} kB)")
    if timed_out:
        res.flags.append(f"timed out after {limits.timeout:g} s")
    elif cpu_out:
        res.flags.append(f"used more than {limits.cpu or limits.timeout:g} s of CPU time")
    elif left > 0:
        res.flags.append(f"left {left} process{'es' if left > 1 else ''} running after it ended (killed)")
    return res


class session:
    """A uid (as root) for one submission's sandboxes: `with sandbox.session() as s:`,
    then s.writable(folder) and s.run(...)."""

    def __enter__(self):
        self.uid = _take_uid() if os.getuid() == 0 else None
        return self

    def __exit__(self, *exc):
        if self.uid is not None:
            _give_uid(self.uid)

    def writable(self, path):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self.uid is not None:
            os.chown(path, self.uid, self.uid)
        return path

    def run(self, cmd, ro=(), rw=(), cwd="/tmp", limits=Limits(), env=None):
        return run_as(self.uid, cmd, ro, rw, cwd, limits, env)


def check():
    """Raises Unavailable unless a sandbox starts here (cached)."""
    global _checked
    if _checked is None:
        if not shutil.which(BWRAP):
            _checked = f"bubblewrap ({BWRAP}) is not installed (apt-get install bubblewrap)"
        else:
            try:
                with session() as s:
                    r = s.run(["true"], limits=Limits(timeout=30))
                _checked = "" if r.returncode == 0 and not r.timed_out else (
                    f"bubblewrap cannot create a sandbox here ({r.output.strip().splitlines()[0] if r.output.strip() else f'exit {r.returncode}'}); "
                    "grading needs user namespaces (sysctl kernel.unprivileged_userns_clone=1, or a container "
                    "that allows them)")
            except Unavailable as e:
                _checked = str(e)
    if _checked:
        raise Unavailable(_checked + "; refusing to grade without a sandbox")
