"""Footnote and endnote numbering in order of reference, as Word prints it."""
from __future__ import annotations

from typing import Optional

from lxml import etree

from .numbering import format_number
from .tags import to_int, w


class Notes:
    """Footnote/endnote numbering in reference order.  ``prefix`` sets endnote
    numbers apart when they are printed like the footnotes' ("e1" beside "1"): every
    note keeps its own number in the text and none hides another."""

    def __init__(self, fmt: str = "decimal", start: int = 1, prefix: str = ""):
        self.fmt = fmt
        self.prefix = prefix
        self.next = start
        self.numbers: dict[str, str] = {}   # note id → printed number (first reference)
        self.order: list[str] = []

    def ref(self, note_id: str) -> str:
        if note_id in self.numbers:     # the same note referenced twice (unusual): same number
            return self.numbers[note_id]
        num = self.prefix + format_number(self.next, self.fmt)
        self.next += 1
        self.numbers[note_id] = num
        self.order.append(note_id)
        return num

    def custom(self, note_id: str, mark: str) -> None:
        if note_id not in self.numbers:
            self.numbers[note_id] = mark
            self.order.append(note_id)


def note_pr(root: Optional[etree._Element], tag: str, fmt: str, start: int = 1, direct: bool = False):
    if root is None:
        return fmt, start
    pr = root.find(w(tag))
    if pr is None:
        return fmt, start
    nf = pr.find(w("numFmt"))
    ns = pr.find(w("numStart"))
    if nf is not None and nf.get(w("val")):
        fmt = nf.get(w("val"))
    if ns is not None:
        start = to_int(ns.get(w("val")), start)
    return fmt, start
