"""The student's runner (like rustlings):

    ./workbook list                 every exercise, its state, your progress
    ./workbook check [ID|NN]        build and test one exercise (default: the next unfinished)
    ./workbook watch [ID]           re-check on every save; move on when it passes
    ./workbook hint ID              the hint from exercises/NN_topic/HINTS.md
    ./workbook reset ID             restore the stub (your file is backed up)
    ./workbook run NN [ARGS]        run chapter NN on your own code

grade and student-edition are the instructor's commands (instructor.py).
Each exercise is built as its own test executable (test_exNN_X) in build/default,
so only the exercise being checked is compiled.
"""
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from . import catalog, common, exgen
from .catalog import colour

TEST_TIMEOUT = 60  # seconds for one exercise's tests in `check`


def state_of(ex, bd, build=True):
    """(state, detail) of an exercise: "done", "not done", "does not compile",
    or "not checked" when build=False and nothing is known."""
    if not ex.path.exists():
        return "does not compile", f"{ex.rel()} is missing (./workbook reset {ex.id})"
    if catalog.is_pristine(ex):
        return "not done", "not started"
    key = catalog.file_key(ex)
    cached = catalog.load_states(bd).get(ex.name)
    if cached and cached.get("key") == key:
        return cached["state"], ""
    if not build:
        return "not checked", ""
    state, _, _ = test_exercise(ex, bd)
    return state, ""


def test_exercise(ex, bd):
    """Builds and runs one exercise's tests: (state, build log, RunResult or None)."""
    if not ex.path.exists():
        return "does not compile", f"{ex.rel()} is missing: ./workbook reset {ex.id} restores the stub", None
    key = catalog.file_key(ex)
    ok, log = catalog.build(bd, [ex.target])
    if not ok:
        catalog.save_state(bd, ex, key, "does not compile")
        return "does not compile", log, None
    exe = catalog.executable(bd, ex.target)
    res = catalog.run_tests(exe, timeout=TEST_TIMEOUT, expected=catalog.list_tests(exe))
    state = "done" if res.all_passed else "not done"
    catalog.save_state(bd, ex, key, state)
    return state, log, res


def next_unfinished(all_, bd, after=None):
    """The first exercise (after `after`, wrapping around) that is not done."""
    order = all_
    if after is not None:
        i = [e.name for e in all_].index(after.name)
        order = all_[i + 1:] + all_[: i + 1]
    for ex in order:
        if state_of(ex, bd)[0] != "done":
            return ex
    return None


def indent(text, pad="      "):
    return "\n".join(pad + line if line else line for line in text.splitlines())


def show_result(ex, state, log, res, out=sys.stdout):
    """Friendly report of one check."""
    head = f"{ex.name}" + (f" — {ex.title}" if ex.title else "")
    print(colour(head, "1", out) + f"   ({ex.rel()})", file=out)
    hint = f"./workbook hint {ex.id}"
    if state == "does not compile":
        print(colour("  does not compile:", "1;31", out), file=out)
        print(indent(catalog.compiler_messages(log, root=ex.root) or log.strip(), "    "), file=out)
        print(f"  Fix the first error above and save; hint: {hint}", file=out)
        return
    failed = [t for t in res.tests if not t.passed]
    if res.tests and all(any(catalog.NOT_IMPLEMENTED in m for m in t.messages) for t in failed) \
            and len(failed) == len(res.tests):
        print(f"  not started: the part marked `// EXERCISE {ex.id}` in {ex.rel()} still throws "
              f"wb::NotImplemented.", file=out)
        print(f"  Write it and run ./workbook check {ex.id} ({len(res.tests)} tests wait for it); hint: {hint}",
              file=out)
        return
    for t in res.tests:
        if t.passed:
            print(colour("  ✓ ", "32", out) + t.name, file=out)
            continue
        print(colour("  ✗ ", "1;31", out) + t.name, file=out)
        for m in t.messages:
            m = m.replace(str(ex.root) + "/", "")
            print(indent(m), file=out)
    if res.timed_out:
        print(colour(f"  the tests did not finish within {TEST_TIMEOUT} s (an infinite loop?)", "1;31", out),
              file=out)
    elif res.crashed:
        print(colour(f"  the test program crashed ({res.crashed})", "1;31", out), file=out)
    n = len(res.tests)
    if state == "done":
        print(colour(f"  all {n} tests pass: {ex.name} is done", "1;32", out), file=out)
    else:
        print(f"  {res.n_passed} of {n} tests pass; hint: {hint}", file=out)


def check_one(ex, bd, out=sys.stdout):
    state, log, res = test_exercise(ex, bd)
    show_result(ex, state, log, res, out)
    return state


def parser(cmd, ids="*", help_ids="exercise ids (13.2, conditional_score) or chapters (13)"):
    ap = exgen.ArgParser(prog=f"./workbook {cmd}")
    if ids:
        ap.add_argument("ids", nargs=ids, metavar="ID", help=help_ids)
    return ap


def resolve_all(ids, root):
    """Every exercise the ids name, in order, without repeats; an unknown id is a usage
    error raised before anything is built or written."""
    out = []
    for a in ids:
        for ex in catalog.resolve(a, root):
            if ex not in out:
                out.append(ex)
    return out


def cmd_check(args, root):
    a = parser("check").parse_args(args)
    all_ = catalog.exercises(root)
    if not all_:
        common.die("no exercises yet (exercises/NN_topic/X_test.cpp)")
    targets = resolve_all(a.ids, root)
    bd = common.configure(root)
    if not targets:
        ex = next_unfinished(all_, bd)
        if ex is None:
            print(colour(f"All {len(all_)} exercises are done.", "1;32"))
            return 0
        targets = [ex]
    states = []
    for ex in targets:
        states.append(check_one(ex, bd))
        if len(targets) > 1:
            print()
    if all(s == "done" for s in states):
        nxt = next_unfinished(all_, bd, after=targets[-1])
        if nxt:
            print(f"Next: ./workbook check {nxt.id}   ({nxt.name}" + (f" — {nxt.title})" if nxt.title else ")"))
        else:
            print(colour(f"All {len(all_)} exercises are done.", "1;32"))
        return 0
    return 1


def cmd_list(args, root):
    ap = parser("list", ids=None)
    ap.add_argument("--no-build", action="store_true", help="do not build edited exercises to learn their state")
    a = ap.parse_args(args)
    all_ = catalog.exercises(root)
    if not all_:
        print("no exercises yet")
        return 0
    bd = common.build_dir(root) if a.no_build else common.configure(root)
    done = 0
    chapter = None
    w = max(len(e.name) for e in all_)
    for ex in all_:
        if ex.dirname != chapter:
            chapter = ex.dirname
            print(colour(f"\nChapter {ex.nn} ({ex.dirname})", "1"))
        state, _ = state_of(ex, bd, build=not a.no_build)
        done += state == "done"
        code = {"done": "32", "does not compile": "1;31"}.get(state, "33")
        print(f"  {ex.name:<{w}}  {colour(f'{state:<16}', code)}  {ex.title}")
    n = len(all_)
    bar = "#" * round(20 * done / n) + "." * (20 - round(20 * done / n))
    print(f"\nProgress: {done}/{n} exercises done [{bar}] {100 * done // n}%")
    nxt = next(iter([e for e in all_ if state_of(e, bd, build=False)[0] != "done"]), None)
    if nxt:
        print(f"Next: ./workbook check {nxt.id}")
    return 0


class Watcher:
    """Watches files for a save. The watch is in place when the constructor returns,
    so a save made after the caller says "waiting" is never missed (inotifywait -m,
    which keeps running across events, or polling mtimes). inotifywait runs in its
    own process group and is ended on every way out (close(), also on Ctrl-C)."""

    def __init__(self, files, poll=None):
        self.files = [Path(f) for f in files]
        self.names = {f.name for f in self.files}
        self.proc = None
        if poll is None:
            poll = bool(os.environ.get("WB_WATCH_POLL")) or shutil.which("inotifywait") is None
        if not poll:
            folders = sorted({str(f.parent) for f in self.files})
            self.proc = common.start_group(
                ["inotifywait", "-m", "-e", "close_write", "-e", "moved_to", "-e", "create", "--format", "%f",
                 *folders], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, text=True,
                die_with_parent=True)
            try:
                for line in self.proc.stdout:  # stderr first says "Setting up watches." then this
                    if line.strip() == "Watches established.":
                        break
                else:
                    self.close()  # inotifywait failed (e.g. no watches left): poll instead
            except BaseException:
                self.close()
                raise
        self.before = None if self.proc else self.snap()

    def snap(self):
        return [(f.stat().st_mtime_ns, f.stat().st_size) if f.exists() else None for f in self.files]

    def wait(self):
        """Blocks until one of the files is written."""
        if self.proc:
            for line in self.proc.stdout:
                if line.strip() in self.names:
                    return
            self.close()  # inotifywait ended: fall back to polling from now
            self.before = self.snap()
        while self.snap() == self.before:
            time.sleep(0.3)
        self.before = self.snap()

    def close(self):
        if self.proc:
            common.kill_group(self.proc)
            self.proc.stdout.close()
            self.proc = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def cmd_watch(args, root):
    a = parser("watch", ids="?", help_ids="the exercise (or chapter) to start with").parse_args(args)
    common.stop_on_signals()
    all_ = catalog.exercises(root)
    if not all_:
        common.die("no exercises yet")
    hits = resolve_all([a.ids] if a.ids else [], root)
    bd = common.configure(root)
    if hits:
        ex = next((e for e in hits if state_of(e, bd)[0] != "done"), hits[0])
    else:
        ex = next_unfinished(all_, bd)
    try:
        while ex is not None:
            print(colour(f"\n[watch] checking {ex.name} ...", "2"), flush=True)
            state = check_one(ex, bd)
            if state == "done":
                ex = next_unfinished(all_, bd, after=ex)
                if ex is not None:
                    print(colour(f"\n[watch] moving on to {ex.name}", "1"), flush=True)
                continue
            with Watcher([ex.path, ex.test_path]) as w:
                print(colour(f"[watch] waiting for you to save {ex.rel()} (Ctrl-C to stop)", "2"), flush=True)
                w.wait()
        print(colour(f"All {len(all_)} exercises are done.", "1;32"))
        return 0
    except KeyboardInterrupt:
        print("\n[watch] stopped", flush=True)
        return 0


def cmd_hint(args, root):
    a = parser("hint", ids="+").parse_args(args)
    for ex in resolve_all(a.ids, root):
        h = catalog.hints(root, ex.dirname).get(ex.x)
        if not h or not h[2]:
            common.die(f"no hint for {ex.name} in exercises/{ex.dirname}/HINTS.md")
        print(colour(ex.name + (f" — {ex.title}" if ex.title else ""), "1"))
        print(h[2] + "\n")
    return 0


def cmd_reset(args, root):
    if not args:
        common.die("reset needs an exercise, e.g. ./workbook reset 13.2")
    for ex in catalog.resolve(" ".join(args), root):
        try:
            stub = exgen.pristine(root, ex.dirname, ex.x)
        except exgen.MarkerError as err:
            common.die(f"cannot compile the solution: {err}")
        if stub is None:
            common.die(f"no stub for {ex.name}: neither solutions/ nor exercises/{ex.dirname}/{exgen.MANIFEST} has it")
        data = stub.encode("utf-8")
        if ex.path.is_file() and ex.path.read_bytes() == data:
            print(f"{ex.rel()} is already the stub")
            continue
        # The backup and the stub are written together or not at all (FileError names the file).
        backups = common.write_files([(ex.path, data)], root, back_up=[ex.path] if ex.path.is_file() else [])
        if backups:
            print(f"your file was saved as {backups[ex.path]}")
        print(f"{ex.rel()}: restored the stub of {ex.name}")
    return 0


def cmd_run(args, root):
    if args and args[0] in ("-h", "--help"):
        print("usage: ./workbook run NN [CHAPTER FLAGS]   (the chapter's flags: ./workbook run NN --help)")
        return 0
    if not args:
        common.die("run needs a chapter number, e.g. ./workbook run 13")
    nn = args[0].removeprefix("ch")
    dirs = [d for n, d in common.chapter_dirs(root) if n == nn or d == args[0]]
    if not dirs:
        common.die(f"no chapter '{args[0]}' (chapters: {', '.join(n for n, _ in common.chapter_dirs(root))})")
    dirname = dirs[0]
    rest = args[1:]
    bd = common.configure(root)
    target = f"ch{dirname[:2]}_student"
    print(colour(f"building {target} (chapter {dirname[:2]} on your exercises) ...", "2"), flush=True)
    ok, log = catalog.build(bd, [target])
    if not ok:
        print(catalog.compiler_messages(log) or log, file=sys.stderr)
        print("the chapter does not build with your exercises: ./workbook list shows which one does not compile",
              file=sys.stderr)
        return 1
    if not any(a == "--out" or a.startswith("--out=") for a in rest):
        # Keep the committed reference figures (figures/) untouched.
        rest = ["--out", str(bd / "student-figures" / dirname)] + rest
    rc = subprocess.call([str(catalog.executable(bd, target)), *rest])
    if rc == 3:
        print("(exit status 3: some sections were skipped because they wait on an unfinished exercise)")
    return rc


def main(cmd, args):
    root = common.ROOT
    if cmd in ("grade", "student-edition"):
        from . import instructor
        return instructor.main(cmd, args)
    if args and args[0] in ("-h", "--help") and cmd in ("reset",):
        print(__doc__.strip())
        return 0
    return {"list": cmd_list, "check": cmd_check, "watch": cmd_watch, "hint": cmd_hint,
            "reset": cmd_reset, "run": cmd_run}[cmd](args, root)
