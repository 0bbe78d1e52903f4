"""CPU time for the tests' cost bounds: tests never assert on wall-clock time.

CI runs on a shared 2-core machine that may be loaded: a busy neighbour stretches wall
time, not the CPU time a process spends.  A loop that never ends or a quadratic step
costs CPU whoever else runs, so a bound on CPU seconds still fails on those bugs.  A
stall (a sleep, a blocked read, a stuck C call) costs no CPU: the product's own hard
limits (the worker's time limit) and the tests' ``subprocess`` timeouts, kept only as
watchdogs, catch it.
"""
from __future__ import annotations

import resource
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


def cpu_seconds() -> float:
    """User + system CPU seconds of this process (all its threads) and of the child
    processes it has waited for (the bounded reading and comparing workers)."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        use = resource.getrusage(who)
        total += use.ru_utime + use.ru_stime
    return total


@dataclass
class CpuSpent:
    """What a ``with cpu_spent() as spent:`` block cost; ``seconds`` is set on leaving it."""
    start: float
    seconds: float = 0.0


@contextmanager
def cpu_spent() -> Iterator[CpuSpent]:
    spent = CpuSpent(cpu_seconds())
    try:
        yield spent
    finally:
        spent.seconds = cpu_seconds() - spent.start
