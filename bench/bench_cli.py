"""Speed as users meet it: whole-process medians of the CLI, beside in-process ones.

Every whole-process figure is the wall time of ``python -m compare …`` from
start to exit (interpreter start and imports included); the in-process figure
beside it is the same work in an already-warm interpreter.  The runs of all
commands (and of the peer, python-redlines/Docxodus, when it is installed) are
interleaved round by round, so a change in machine load hits every row alike.

    python bench/bench_cli.py [--repeat 7] [--load 0|1|2] [--sizes 100,1000,5000] [--no-peer] [--no-bytecode-cache]
                              [--before /path/to/other/checkout] [--only-growth]

``--load N`` runs N busy processes (pure-Python loops) for the whole
measurement: the figures "under load" that a loaded 2-core machine gives.
Tables printed:

1. import cost per command (``python -c "import …"`` minus a bare interpreter);
2. parse / diff / redline of the bundled pair (the French revised draft and its
   illustrative Rev.2), whole process vs in-process, and python-redlines on the
   same two .docx files (its whole process: interpreter, import, engine call);
   beside the wall time, the CPU time of the process (user + system, all its
   threads): the work done, steadier than wall time on a shared machine;
3. where one redline process spends its time, stage by stage (imports where
   they happen: numpy comes with the comparison), medians of fresh processes;
   then the import time of each of our own modules (``-X importtime`` self time,
   medians of fresh ``diff`` and ``redline`` processes) beside the rest (stdlib,
   numpy, lxml …), and the interpreter's exit after the command returns;
4. ``diff --format json`` of two n-paragraph versions for n in ``--sizes``,
   whole process, with ms per paragraph so growth is visible, and the peak memory at the
   largest size.  With ``--before``
   another checkout (the code before a change) runs the same commands, round by
   round with ours, whole process (wall, and CPU of the process and its worker)
   and in-process (each in a fresh interpreter of its own tree, warmed once,
   caches emptied before every timed run).

With ``--before``, table 2 runs the other checkout's CLI on the same inputs too,
interleaved with ours (ours, before, ours, before …), and table 3's per-module
import times get a "before" column: a gain is shown under the same noise.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import platform
import resource
import statistics
import subprocess
import sys
import shutil
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

SAMPLES = ROOT / "samples"
OLD_MD = SAMPLES / "draft-rev1-2008-11-10.fr.md"
NEW_MD = SAMPLES / "draft-rev2-illustrative.fr.md"
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
ENV.pop("PYTHONPYCACHEPREFIX", None)


def use_bytecode_cache(folder: Path) -> None:
    """Let the measured processes keep compiled bytecode, as an installed tool does (pip compiles
    it; a checkout writes __pycache__ on its first run), in ``folder`` rather than in the repository."""
    ENV.pop("PYTHONDONTWRITEBYTECODE", None)
    ENV["PYTHONPYCACHEPREFIX"] = str(folder)

PEER = """
import sys
from python_redlines import DocxodusEngine
a, b, out = sys.argv[1:4]
res = DocxodusEngine().run_redline("Bench", open(a, "rb").read(), open(b, "rb").read(), detect_moves=True)
open(out, "wb").write(res[0])
"""


#: One redline process, timed stage by stage as ``_cmd_redline`` runs them (imports included
#: where they happen: numpy comes with the comparison); prints one ``stage<TAB>seconds`` line each.
STAGES = """
import time
t = [time.perf_counter()]
import os, sys
if "OPENBLAS_NUM_THREADS" not in os.environ and "OMP_NUM_THREADS" not in os.environ:
    os.environ["OPENBLAS_NUM_THREADS"] = "1"      # as compare.__main__ sets it for the CLI
from pathlib import Path
import compare.cli as cli
t.append(time.perf_counter())
from compare import api
from compare.export.redline import redline_docx
t.append(time.perf_counter())
old, new = api.load(Path(sys.argv[1])), api.load(Path(sys.argv[2]))
t.append(time.perf_counter())
api.order_versions([old, new], [0, 1])
cmp = api.compare(old, new)
t.append(time.perf_counter())
data = redline_docx(cmp)
t.append(time.perf_counter())
cli._write_output(sys.argv[3], data, sys.argv[1:3])
t.append(time.perf_counter())
names = ("import compare.cli", "import the redline exporter", "read both .docx", "order + compare", "build the redline",
         "write it")
print("\\n".join(f"{n}\\t{b - a}" for n, a, b in zip(names, t, t[1:])))
"""


def stages(argv: list[str], repeat: int) -> dict[str, float]:
    """Median seconds per stage of :data:`STAGES` over ``repeat`` fresh processes (after one warm-up)."""
    runs: dict[str, list[float]] = {}
    for k in range(repeat + 1):
        proc = subprocess.run(argv, cwd=ROOT, env=ENV, capture_output=True, text=True)
        if proc.returncode != 0:
            raise SystemExit(f"failed: {' '.join(argv)}\n{proc.stderr[-800:]}")
        for line in proc.stdout.splitlines() if k else ():
            name, val = line.split("\t")
            runs.setdefault(name, []).append(float(val))
    return {k: statistics.median(v) for k, v in runs.items()}


def _busy(stop: "mp.synchronize.Event") -> None:
    x = 0
    while not stop.is_set():
        for i in range(100_000):
            x += i * i


def run_once(argv: list[str], tree: Path = ROOT, may_fail: bool = False) -> float:
    """Wall seconds of one process run in ``tree`` (its own ``compare`` package); NaN when
    ``may_fail`` and it fails (an older tree refusing a size, say)."""
    return run_timed(argv, tree, may_fail)[0]


def run_timed(argv: list[str], tree: Path = ROOT, may_fail: bool = False) -> tuple[float, float]:
    """(wall seconds, CPU seconds: user + system) of one process run in ``tree``.  The CPU
    figure counts the work done, whatever else the machine runs: a steadier before/after
    measure on a shared machine (a second thread spinning on the other core counts too)."""
    env = ENV if tree == ROOT else {**ENV, "PYTHONPATH": str(tree)}
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run(argv, cwd=tree, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    took = time.perf_counter() - t
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    if proc.returncode != 0:
        if may_fail:
            return float("nan"), float("nan")
        raise SystemExit(f"failed: {' '.join(argv)}\n{proc.stderr.decode(errors='replace')[-800:]}")
    return took, cpu


def peak_rss_mb(argv: list[str], tree: Path = ROOT) -> float:
    """Peak resident memory (MB) of one process run in ``tree`` and of the workers it waited for
    (``wait4``'s usage of that child: Linux reports the largest of the process and its reaped
    children)."""
    env = ENV if tree == ROOT else {**ENV, "PYTHONPATH": str(tree)}
    proc = subprocess.Popen(argv, cwd=tree, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss / 1024 if proc.returncode == 0 else float("nan")


def interleaved(commands: dict[str, list[str]], repeat: int,
                trees: dict[str, Path] | None = None, cpu: dict[str, float] | None = None) -> dict[str, float]:
    """Median wall seconds per command; one run of each command per round.  ``trees``: the
    checkout a command runs in (default ours), for before/after rows in the same rounds;
    ``cpu``: filled with the median CPU seconds per command."""
    trees = trees or {}
    times: dict[str, list[float]] = {k: [] for k in commands}
    cpus: dict[str, list[float]] = {k: [] for k in commands}
    for name, argv in commands.items():     # warm the file and bytecode caches once
        run_once(argv, trees.get(name, ROOT))
    for _ in range(repeat):
        for name, argv in commands.items():
            wall, used = run_timed(argv, trees.get(name, ROOT))
            times[name].append(wall)
            cpus[name].append(used)
    if cpu is not None:
        cpu.update({k: statistics.median(v) for k, v in cpus.items()})
    return {k: statistics.median(v) for k, v in times.items()}


def import_self_times(argv: list[str], repeat: int, tree: Path = ROOT) -> dict[str, float]:
    """Median ``-X importtime`` self seconds per module over ``repeat`` fresh processes of
    ``argv`` (a ``python -m compare …`` command) run in ``tree`` (after one warm-up)."""
    env = {**(ENV if tree == ROOT else {**ENV, "PYTHONPATH": str(tree)})}
    runs: dict[str, list[float]] = {}
    for k in range(repeat + 1):
        proc = subprocess.run([argv[0], "-X", "importtime", *argv[1:]], cwd=tree, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if proc.returncode != 0 or not k:
            continue
        seen: dict[str, float] = {}
        for line in proc.stderr.splitlines():     # "import time:   176 |   176 |   _io"
            cols = line.removeprefix("import time:").split("|")
            if len(cols) != 3 or not cols[0].strip().isdigit():
                continue                                # the header line, or the command's own stderr
            name = cols[2].strip()
            seen[name] = seen.get(name, 0.0) + int(cols[0]) / 1e6
        for name, v in seen.items():
            runs.setdefault(name, []).append(v)
    n = max((len(v) for v in runs.values()), default=0)
    return {k: statistics.median(v + [0.0] * (n - len(v))) for k, v in runs.items()}


#: a command run with the interpreter's exit timed apart: prints ``main<TAB>s`` (start of
#: ``compare.__main__`` to the end of the command) and ``atexit<TAB>t`` (wall clock when the
#: last atexit handler ran); the parent takes the exit as the time from there to the child's end
EXIT_PROBE = """
import atexit, runpy, sys, time
atexit.register(lambda: sys.stderr.write(f"atexit\t{time.time()}\\n"))
sys.argv = ["compare"] + sys.argv[1:]
runpy.run_module("compare", run_name="__main__", alter_sys=True)
"""


def exit_time(args: list[str], repeat: int, tree: Path = ROOT) -> float:
    """Median seconds from the command's last atexit handler to the end of its process
    (interpreter finalization: module teardown, the last collection, threads joined)."""
    env = ENV if tree == ROOT else {**ENV, "PYTHONPATH": str(tree)}
    out = []
    for k in range(repeat + 1):
        proc = subprocess.run([sys.executable, "-c", EXIT_PROBE, *args], cwd=tree, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        end = time.time()
        marks = [ln.split("\t")[1] for ln in proc.stderr.splitlines() if ln.startswith("atexit\t")]
        if k and marks:
            out.append(end - float(marks[-1]))
    return statistics.median(out) if out else float("nan")


def in_process(fn, repeat: int) -> float:
    fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def write_docx_inputs(folder: Path) -> tuple[Path, Path]:
    """The bundled pair as plain Word files (automatic numbering), the same bytes for both engines."""
    from bench_redline import plain_docx

    from compare import api

    a, b = folder / "old.docx", folder / "new.docx"
    a.write_bytes(plain_docx(api.load(OLD_MD)))
    b.write_bytes(plain_docx(api.load(NEW_MD)))
    return a, b


def write_big_pair(folder: Path, n: int) -> tuple[Path, Path]:
    from bench_align import big_pair

    old, new, _ = big_pair(n, seed=n)
    paths = []
    for name, doc in (("old", old), ("new", new)):
        lines = ["L'Assemblée générale,", ""]
        k = 0
        for p in doc.paragraphs:
            if p.kind == "OP":
                k += 1
                lines += [f"{k}. {p.text}", ""]
            else:
                lines += [p.text, ""]
        path = folder / f"{name}-{n}.md"
        path.write_text("\n".join(lines), encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1]


#: the in-process figure of ``_big_json`` measured in a fresh interpreter of a given tree:
#: one warm-up run, then the median of ``repeat`` runs; prints seconds (or "nan" if refused)
INNER = """
import statistics, sys, time
sys.path.insert(0, "bench")
from bench_cli import _big_json
from compare import api
a, b, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
try:
    _big_json(api, a, b)
except Exception:
    print("nan")
    raise SystemExit(0)
times = []
for _ in range(repeat):
    t = time.perf_counter()
    _big_json(api, a, b)
    times.append(time.perf_counter() - t)
print(statistics.median(times))
"""


def inner_in(tree: Path, py: str, a: Path, b: Path, repeat: int) -> float:
    env = {**ENV, "PYTHONPATH": str(tree)}
    out = subprocess.run([py, "-c", INNER, str(a), str(b), str(repeat)], cwd=tree, env=env,
                         capture_output=True, text=True)
    try:
        return float(out.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return float("nan")


def _big_json(api, a: Path, b: Path) -> str:
    """What ``diff A B --format json`` does, with the tokenizer caches emptied first."""
    from compare import diff, tokens
    from compare.export.jsonout import dumps, versions_dict

    for f in (tokens._words_cached, tokens._tokenize_cached, diff._tokens_cached):
        f.cache_clear()
    lin = api.compare_versions([api.load(a), api.load(b)])
    return dumps(versions_dict(lin.versions, lin.comparisons, lin))


def _lineage(api):
    lin = api.compare_versions([api.load(OLD_MD), api.load(NEW_MD)])
    return lin.versions, lin.comparisons, lin


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--load", type=int, default=0, help="busy processes running meanwhile")
    ap.add_argument("--sizes", default="100,500,1000,2000,5000")
    ap.add_argument("--no-peer", action="store_true")
    ap.add_argument("--no-bytecode-cache", action="store_true",
                    help="compile our modules from source in every process (PYTHONDONTWRITEBYTECODE=1)")
    ap.add_argument("--before", type=Path, default=None,
                    help="another checkout whose CLI runs beside ours, round by round (pair and growth tables)")
    ap.add_argument("--only-growth", action="store_true", help="print the growth table only")
    args = ap.parse_args()
    py = sys.executable
    stop = mp.Event()
    busy = [mp.Process(target=_busy, args=(stop,), daemon=True) for _ in range(args.load)]
    for b in busy:
        b.start()
    try:
        report(args, py)
    finally:
        stop.set()
        for b in busy:
            b.join(timeout=5)


def report(args, py: str) -> None:
    print(f"# bench_cli — {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"median of {args.repeat}, {args.load} busy process(es) beside; "
          f"load average at start {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    tmp = Path(tempfile.mkdtemp(prefix="rc-bench-"))
    if not args.no_bytecode_cache:
        use_bytecode_cache(tmp / "pycache")
    print("bytecode: " + ("compiled from source in every process" if args.no_bytecode_cache
                          else "cached, as in an installed tool (first run of each command not counted)"))

    try:
        if not args.only_growth:
            typical(args, py, tmp)
        growth(args, py, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)     # the generated texts, outputs and bytecode


def typical(args, py: str, tmp: Path) -> None:
    # 1. import cost
    imports = {
        "bare interpreter": [py, "-c", "pass"],
        "compare.cli (parse/diff)": [py, "-c", "import compare.cli"],
        "+ redline exporter": [py, "-c", "import compare.cli, compare.export.redline"],
        "+ table exporter (pandas)": [py, "-c", "import compare.cli, compare.export.table"],
    }
    t = interleaved(imports, args.repeat)
    base = t["bare interpreter"]
    print("\n## Import cost (whole process)\n")
    print("| what is imported | process ms | import ms |")
    print("|---|---:|---:|")
    for k, v in t.items():
        print(f"| {k} | {1000 * v:.0f} | {1000 * (v - base):.0f} |")

    # 2. typical pair
    a_docx, b_docx = write_docx_inputs(tmp)
    out = tmp / "out.docx"
    cmds = {
        "parse": [py, "-m", "compare", "parse", str(OLD_MD)],
        "diff": [py, "-m", "compare", "diff", str(OLD_MD), str(NEW_MD)],
        "diff --format json": [py, "-m", "compare", "diff", str(OLD_MD), str(NEW_MD), "--format", "json"],
        "redline (.docx in)": [py, "-m", "compare", "redline", str(a_docx), str(b_docx), "-o", str(out)],
    }
    peer_ok = False
    if not args.no_peer:
        try:
            import python_redlines  # noqa: F401
            cmds["python-redlines (.docx in)"] = [py, "-c", PEER, str(a_docx), str(b_docx), str(tmp / "peer.docx")]
            peer_ok = True
        except ImportError:
            print("\n(python-redlines not installed: pip install -r requirements-bench.txt)")
    before = args.before.resolve() if args.before else None
    runs, trees = dict(cmds), {}
    if before:                      # the other checkout's CLI on the same inputs, in the same rounds
        for k, argv in cmds.items():
            if not k.startswith("python-redlines"):
                runs[f"before: {k}"], trees[f"before: {k}"] = argv, before
    cpu: dict[str, float] = {}
    whole = interleaved(runs, args.repeat, trees, cpu)

    from compare import api
    import json

    from compare.export.jsonout import document_dict, dumps, versions_dict
    from compare.export.redline import redline_docx
    from compare.export.text import comparisons_text

    inner = {
        "parse": in_process(lambda: json.dumps(document_dict(api.load(OLD_MD))), args.repeat),
        "diff": in_process(lambda: comparisons_text([api.compare(api.load(OLD_MD), api.load(NEW_MD))]), args.repeat),
        "diff --format json": in_process(lambda: dumps(versions_dict(*_lineage(api))), args.repeat),
        "redline (.docx in)": in_process(lambda: redline_docx(api.compare(api.load(a_docx), api.load(b_docx))),
                                         args.repeat),
    }
    print("\n## The bundled pair (French Rev.1 → illustrative Rev.2, 25 paragraphs)\n")
    if before:
        print(f"before: {before} (run round by round with ours)\n")
        print("| command | whole process ms | in-process ms | CPU ms | before: whole process ms | before: CPU ms "
              "| after ÷ before (wall, CPU) |")
        print("|---|---:|---:|---:|---:|---:|---:|")
    else:
        print("| command | whole process ms | in-process ms | CPU ms |")
        print("|---|---:|---:|---:|")
    for k, v in whole.items():
        if k.startswith("before: "):
            continue
        i = inner.get(k)
        row = f"| {k} | {1000 * v:.0f} | {'—' if i is None else f'{1000 * i:.0f}'} | {1000 * cpu[k]:.0f} |"
        if before:
            b = whole.get(f"before: {k}")
            bc = cpu.get(f"before: {k}")
            row += " — | — | — |" if b is None else \
                f" {1000 * b:.0f} | {1000 * bc:.0f} | {v / b:.2f}, {cpu[k] / bc:.2f} |"
        print(row)
    if peer_ok:
        ratio = whole["redline (.docx in)"] / whole["python-redlines (.docx in)"]
        print(f"\nredline, whole process: ours / python-redlines = {ratio:.2f}")
        if before:
            ratio_b = whole["before: redline (.docx in)"] / whole["python-redlines (.docx in)"]
            print(f"before: {ratio_b:.2f}")

    # 3. one redline process, stage by stage
    st = stages([py, "-c", STAGES, str(a_docx), str(b_docx), str(tmp / "staged.docx")], args.repeat)
    print("\n## One redline process (.docx in), stage by stage\n")
    print("| stage (imports where they happen) | median ms |")
    print("|---|---:|")
    for k, v in st.items():
        print(f"| {k} | {1000 * v:.0f} |")
    print(f"| sum (interpreter start not included) | {1000 * sum(st.values()):.0f} |")

    # 3b. import time per module of ours, and the interpreter's exit
    diff_args = ["diff", str(OLD_MD), str(NEW_MD)]
    red_args = ["redline", str(a_docx), str(b_docx), "-o", str(tmp / "imp.docx")]
    cols = {"diff": import_self_times([py, "-m", "compare", *diff_args], args.repeat),
            "redline": import_self_times([py, "-m", "compare", *red_args], args.repeat)}
    if before:
        cols["before: diff"] = import_self_times([py, "-m", "compare", *diff_args], args.repeat, before)
        cols["before: redline"] = import_self_times([py, "-m", "compare", *red_args], args.repeat, before)
    ours = sorted({m for c in cols.values() for m in c if m == "compare" or m.startswith("compare.")},
                  key=lambda m: -max(c.get(m, 0.0) for c in cols.values()))
    print("\n## Import time of our modules (`-X importtime` self time, fresh processes)\n")
    print("| module | " + " | ".join(f"{k} ms" for k in cols) + " |")
    print("|---|" + "---:|" * len(cols))
    for m in ours:
        if max(c.get(m, 0.0) for c in cols.values()) >= 0.0005:
            print(f"| {m} | " + " | ".join(f"{1000 * c.get(m, 0.0):.1f}" for c in cols.values()) + " |")
    rows = {"all of ours": lambda c: sum(v for m, v in c.items() if m in ours),
            "everything else (stdlib, numpy, lxml …)": lambda c: sum(v for m, v in c.items() if m not in ours)}
    for name, f in rows.items():
        print(f"| {name} | " + " | ".join(f"{1000 * f(c):.1f}" for c in cols.values()) + " |")
    ex = {"diff": exit_time(diff_args, args.repeat), "redline": exit_time(red_args, args.repeat)}
    if before:
        ex["before: diff"] = exit_time(diff_args, args.repeat, before)
        ex["before: redline"] = exit_time(red_args, args.repeat, before)
    print("| exit (after the last atexit handler, to the end of the process) | "
          + " | ".join(f"{1000 * ex[k]:.1f}" for k in cols) + " |")


def growth(args, py: str, tmp: Path) -> None:
    """Table 4: whole process and in-process per size, ours and (with ``--before``) the other tree's."""
    from compare import api

    before = args.before.resolve() if args.before else None
    print("\n## `diff --format json` of two n-paragraph versions\n")
    if before:
        print(f"before: {before} (NaN: refused the size or stopped at the time limit)\n")
        print("| n | whole process ms | ms per paragraph | CPU ms | in-process ms | before: whole process ms "
              "| before: ms per paragraph | before: CPU ms | before: in-process ms | load average |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    else:
        print("| n | whole process ms | ms per paragraph | in-process ms (cold caches) |")
        print("|---:|---:|---:|---:|")
    for n in (int(s) for s in args.sizes.split(",")):
        a, b = write_big_pair(tmp, n)
        reps = args.repeat if n <= 1000 else max(3, args.repeat // 2)
        argv = [py, "-m", "compare", "diff", str(a), str(b), "--format", "json"]
        if not before:
            s = interleaved({"d": argv}, reps)["d"]
            inner_n = in_process(lambda: _big_json(api, a, b), 3 if n <= 1000 else 1)
            print(f"| {n:,} | {1000 * s:.0f} | {1000 * s / n:.2f} | {1000 * inner_n:.0f} |")
            continue
        whole: dict[str, list[float]] = {"ours": [], "before": []}
        cpu: dict[str, list[float]] = {"ours": [], "before": []}
        inner: dict[str, list[float]] = {"ours": [], "before": []}
        run_once(argv, may_fail=True)
        run_once(argv, before, may_fail=True)
        for _ in range(reps):       # round by round: a change in machine load hits both alike
            for key, tree in (("ours", ROOT), ("before", before)):
                took, used = run_timed(argv, tree, may_fail=True)
                whole[key].append(took)
                cpu[key].append(used)      # user + system of the process and its worker: the work done
        for _ in range(1 if n > 1000 else 3):
            inner["ours"].append(inner_in(ROOT, py, a, b, 1 if n > 1000 else 3))
            inner["before"].append(inner_in(before, py, a, b, 1 if n > 1000 else 3))
        w = {k: statistics.median(v) for k, v in whole.items()}
        c = {k: statistics.median(v) for k, v in cpu.items()}
        i = {k: statistics.median(v) for k, v in inner.items()}
        print(f"| {n:,} | {1000 * w['ours']:.0f} | {1000 * w['ours'] / n:.2f} | {1000 * c['ours']:.0f} "
              f"| {1000 * i['ours']:.0f} | {1000 * w['before']:.0f} | {1000 * w['before'] / n:.2f} "
              f"| {1000 * c['before']:.0f} | {1000 * i['before']:.0f} | {os.getloadavg()[0]:.2f} |", flush=True)
    print(f"\npeak memory at {n:,} paragraphs (process and its workers, one run each): ours "
          f"{peak_rss_mb(argv):.0f} MB" + (f", before {peak_rss_mb(argv, before):.0f} MB" if before else ""))
    print(f"\nload average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")

if __name__ == "__main__":
    main()
