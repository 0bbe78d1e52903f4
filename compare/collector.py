"""The garbage collector paused while many new, acyclic objects are made at once.

Building the JSON of a large comparison, or unpickling a worker's answer, creates tens of
thousands of dicts and lists, none of them garbage yet; with the collector on, each burst of
allocations re-scans everything made so far (~0.1 s at 5,000 paragraphs a side).
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def paused() -> Iterator[None]:
    """Collector off inside the block, back to how it was after (even on error)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
