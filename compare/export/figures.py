"""Figures of a comparison that every view can show: pairs per status, words changed.

The app's summary strip and the position chart read them; they sit with the
exporters, not in the app, so the command line can print the same figures.
"""
from __future__ import annotations

from ..model import Comparison, Pair, PairStatus
from ..tokens import words
from .labels import COUNT_WORD

#: The summary counters, keyed as in :meth:`Comparison.summary`, with the words shown.
SUMMARY_ORDER = [(k, COUNT_WORD.get(k, k)) for k in (
    "modified", "inserted", "deleted", "moved", "split", "merged", "split_merged_modified", "renumbered", "unchanged",
    "leading_changed", "footnotes_changed", "uncertain")]


def changed_words(pair: Pair) -> tuple[int, int]:
    """Words deleted and inserted (substantive changes only; typographic variants don't count)."""
    deleted = sum(len(words(s.text)) for s in pair.diff if s.op == "delete" and not s.minor)
    inserted = sum(len(words(s.text)) for s in pair.diff if s.op == "insert" and not s.minor)
    return deleted, inserted


def summary_order(cmp: Comparison) -> list[tuple[str, str]]:
    """The counters shown: a cross-language comparison adds "matched" (links whose
    words cannot be compared); "uncertain" (weak links) is in every comparison."""
    if cmp.cross_language:
        return [(PairStatus.MATCHED.value, PairStatus.MATCHED.word)] + SUMMARY_ORDER
    return SUMMARY_ORDER


def summary_figures(cmp: Comparison) -> dict[str, int]:
    counts = cmp.summary()
    dele = ins = 0
    for p in cmp.pairs:
        d, i = changed_words(p)
        dele += d
        ins += i
    out = {label: counts.get(key, 0) for key, label in summary_order(cmp)}
    out["words deleted"] = dele
    out["words inserted"] = ins
    return out
