"""Hard bounds that cannot be slipped: run one step (reading a file, comparing two big
versions) in a child process with a wall-clock limit and an address-space limit.

The cooperative deadline in :mod:`.safety` is checked between steps; a regular
expression, a stall inside a C parser (lxml, PDFium) or a decompression bomb runs
between two checks.  Here the parent waits at most ``seconds`` for the answer and
kills the child otherwise; the child cannot take more than ``memory`` bytes of new
address space (``RLIMIT_AS``).  Whatever happens comes back as one
:class:`~compare.errors.InputError` naming the file or the comparison.

The child is a ``fork`` of this process when it runs one thread (the CLI: start-up
costs a few milliseconds, nothing is imported again), else a child of a fork server
(``forkserver``: safe beside Streamlit's threads; the server starts once).  Nothing
is written to disk; results come back pickled through a pipe — without the objects
both processes already hold (``shared``: the versions a comparison was given, which
its result points to; 5.4 of the 7.3 MB of a 5,000-paragraph comparison), and
unpickled with the cyclic garbage collector paused (a result is thousands of small
acyclic objects: the collector's passes over them tripled the time to load one).
"""
from __future__ import annotations

import gc
import io
import os
import pickle
import resource
import signal
import threading
import time
import traceback
from typing import TYPE_CHECKING, Any, Callable, Sequence

if TYPE_CHECKING:
    import multiprocessing as mp

from ..collector import paused
from ..errors import CorruptFileError, InputError, TooLargeError

MiB = 1 << 20
#: set to "0" to run every step in this process (debugging; no hard bounds then)
ENV_SWITCH = "RESOLUTION_COMPARE_WORKER"

_PRELOAD = ["compare.api", "compare.classify", "compare.lineage", "compare.readers.docx",
            "compare.readers.html", "compare.readers.pdf", "compare.readers.text"]


def enabled() -> bool:
    return os.environ.get(ENV_SWITCH, "1") != "0" and hasattr(resource, "RLIMIT_AS") and os.name == "posix"


def _context() -> "mp.context.BaseContext":
    import multiprocessing as mp    # here, not at import: most commands read in this process (~7 ms)

    if threading.active_count() == 1:
        return mp.get_context("fork")
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(_PRELOAD)
    return ctx


def _address_space() -> int:
    """This process's current virtual size in bytes (the child's starting point)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _limit_memory(memory: int) -> None:
    """Cap this (child) process's address space at its current size plus ``memory``."""
    now = _address_space()
    if not now:                     # size unknown (no /proc): a cap could kill the child at once
        return
    cap = now + memory
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        if soft == resource.RLIM_INFINITY or soft > cap:
            resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ValueError, OSError):   # a platform that refuses: the wall clock still holds
        pass


class _SharedPickler(pickle.Pickler):
    """Pickles the objects of ``shared`` as their index there: the other side holds them."""

    def __init__(self, file: io.BytesIO, shared: Sequence[object]):
        super().__init__(file, pickle.HIGHEST_PROTOCOL)
        self._index = {id(o): k for k, o in enumerate(shared)}

    def persistent_id(self, obj: object) -> int | None:
        return self._index.get(id(obj))


class _SharedUnpickler(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, shared: Sequence[object]):
        super().__init__(file)
        self._shared = shared

    def persistent_load(self, pid: int) -> object:
        return self._shared[pid]


def _dumps(result: tuple, shared: Sequence[object]) -> memoryview:
    buf = io.BytesIO()
    _SharedPickler(buf, shared).dump(result)
    return buf.getbuffer()


def _loads(data: bytes, shared: Sequence[object]) -> Any:
    """Unpickle with the collector paused: only new objects, none of them garbage yet."""
    with paused():
        return _SharedUnpickler(io.BytesIO(data), shared).load()


def _child(conn, memory: int, fn: Callable[..., Any], args: tuple, kwargs: dict,
           shared: Sequence[object] = ()) -> None:
    import faulthandler

    faulthandler.disable()      # a crash in C is reported by the parent in one line, not dumped
    gc.freeze()                 # what the child inherited is never garbage here: collections skip it
    try:
        if memory > 0:
            _limit_memory(memory)
        result = ("ok", fn(*args, **kwargs))
    except InputError as exc:
        result = ("error", exc)
    except MemoryError:
        result = ("memory", None)
    except RecursionError:
        result = ("memory", None)
    except BaseException as exc:  # noqa: BLE001 — reported as one line by the parent
        result = ("crash", type(exc).__name__)
        if os.environ.get(ENV_SWITCH) == "debug":
            traceback.print_exc()
    try:
        conn.send_bytes(_dumps(result, shared))
    except MemoryError:
        conn.send_bytes(_dumps(("memory", None), ()))
    except Exception as exc:  # noqa: BLE001 — e.g. a result that cannot be pickled
        conn.send_bytes(_dumps(("crash", type(exc).__name__), ()))
    finally:
        conn.close()


def run_bounded(fn: Callable[..., Any], *args: Any, source: str, seconds: float, memory: int, doing: str = "reading",
                shared: Sequence[object] = (), **kwargs: Any) -> Any:
    """``fn(*args, **kwargs)`` in a child process, at most ``seconds`` of wall time and
    ``memory`` bytes of new address space; its :class:`InputError` is raised here,
    anything else becomes one :class:`InputError` naming ``source``.  The objects of
    ``shared`` (among ``args``) that the answer holds come back as themselves, not copies."""
    if not enabled():
        return fn(*args, **kwargs)
    return Bounded(fn, args, kwargs, source=source, seconds=seconds, memory=memory, doing=doing,
                   shared=shared).result()


class Bounded:
    """One bounded step started now, its answer taken later with :meth:`result` — so that
    two versions can be read side by side (two cores, half the wait).  The wall-clock
    limit counts from the start; :meth:`cancel` stops a step whose answer is not needed."""

    def __init__(self, fn: Callable[..., Any], args: tuple, kwargs: dict, *, source: str, seconds: float,
                 memory: int, doing: str = "reading", shared: Sequence[object] = ()):
        self.source, self.seconds, self.memory, self.doing = source, seconds, memory, doing
        self._shared = tuple(shared)
        ctx = _context()
        self._conn, child = ctx.Pipe(duplex=False)
        self._proc = ctx.Process(target=_child, args=(child, memory, fn, args, kwargs, self._shared), daemon=True)
        self._deadline = time.monotonic() + seconds
        self._proc.start()
        child.close()

    def result(self) -> Any:
        source, memory, doing, proc = self.source, self.memory, self.doing, self._proc
        try:
            if not self._conn.poll(max(0.0, self._deadline - time.monotonic())):
                raise TooLargeError(source, f"{doing} took longer than {self.seconds:g} s and was stopped; "
                                            f"{_hint(doing)}")
            try:
                status, value = _loads(self._conn.recv_bytes(), self._shared)
            except (EOFError, OSError):
                proc.join(5)
                raise _death(source, proc.exitcode, memory, doing) from None
        finally:
            self.cancel()
        if status == "ok":
            return value
        if status == "error":
            raise value
        if status == "memory":
            raise _too_big(source, memory, doing)
        raise CorruptFileError(source, f"{doing} failed ({value}); " + (
            "the file is damaged or of an unexpected kind" if doing == "reading" else "this is a bug, please report it"))

    def cancel(self) -> None:
        """Close the pipe and make sure the child is gone (killed if still running)."""
        self._conn.close()
        if self._proc.is_alive():
            self._proc.kill()
        self._proc.join(5)


def _hint(doing: str) -> str:
    return "the file is too large or damaged" if doing == "reading" else "the versions are too large to compare"


def _too_big(source: str, memory: int, doing: str) -> TooLargeError:
    hint = "the file is too large (or a decompression bomb)" if doing == "reading" else _hint(doing)
    return TooLargeError(source, f"{doing} needs more than {memory // MiB:,} MiB of memory and was stopped; {hint}")


def _death(source: str, exitcode: int | None, memory: int, doing: str) -> InputError:
    """The child died without an answer: out of memory inside C (PDFium aborts), killed, crashed."""
    sig = -exitcode if exitcode is not None and exitcode < 0 else None
    if sig in (signal.SIGABRT, signal.SIGKILL, signal.SIGBUS) or exitcode in (None, 1):
        return _too_big(source, memory, doing)
    return CorruptFileError(source, f"{doing} crashed the parser (signal {sig or exitcode}); "
                                    "the file is damaged or crafted")
