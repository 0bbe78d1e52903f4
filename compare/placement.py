"""Where each paragraph of a comparison stands in a view: the one placement every export reads.

Computed once, by :mod:`compare.classify`, into ``Comparison.placement``; the
side-by-side, inline, text, JSON and PDF views list ``Comparison.pairs`` (which
are in the order of their slots) and the Word redline walks the slots themselves.

The rule, so that a redline written in this order gives the old text back when
every change is rejected and the new one when every change is accepted:

* groups with a new side stand in the new version's order — a moved group at
  its new place (``dest``), any other one ``inplace``;
* a group with only an old side (a deletion), the old side of a moved group
  (``source``) and an old paragraph outside a compared excerpt stand where they
  stood in the old version: right after the group that holds their nearest
  preceding old paragraph *kept in place* (both sides, not moved), at the top
  when there is none;
* a new paragraph outside the excerpt stands at its place in the new version.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Protocol, Sequence

from compare.model import Slot


class Group(Protocol):
    """What placement needs of an aligned group (``compare.align.AlignedGroup`` has it)."""

    old: list[str]
    new: list[str]
    out_of_scope: bool


def place(groups: Sequence[Group], moved: Sequence[bool], opos: dict[str, int], npos: dict[str, int]) -> list[Slot]:
    """The slots of ``groups`` in reading order; ``Slot.pair`` is an index into ``groups``.

    ``moved[k]``: group ``k`` changed its relative order; ``opos``/``npos``: paragraph
    id → index in the old/new version."""
    shown: list[tuple[int, Slot]] = []          # (new position, slot)
    old_only: list[tuple[int, Slot]] = []       # (old position, slot)
    anchors: list[tuple[int, int]] = []         # (last old position, new position) of groups kept in place
    for k, g in enumerate(groups):
        if g.out_of_scope:
            shown += [(npos[i], Slot("outside", side="new", id=i)) for i in g.new]
            old_only += [(opos[i], Slot("outside", side="old", id=i)) for i in g.old]
        elif g.old and g.new and moved[k]:
            shown.append((npos[g.new[0]], Slot("dest", k)))
            old_only.append((opos[g.old[0]], Slot("source", k)))
        elif g.new:
            shown.append((npos[g.new[0]], Slot("inplace", k)))
            if g.old:
                anchors.append((max(opos[i] for i in g.old), npos[g.new[0]]))
        else:
            old_only.append((opos[g.old[0]], Slot("inplace", k)))
    shown.sort(key=lambda t: t[0])
    anchors.sort()
    anchor_old = [a[0] for a in anchors]
    after: dict[int, list[tuple[int, Slot]]] = {}
    for pos, slot in old_only:
        j = bisect_left(anchor_old, pos) - 1
        after.setdefault(anchors[j][1] if j >= 0 else -1, []).append((pos, slot))

    def old_ones(key: int) -> list[Slot]:
        return [s for _, s in sorted(after.get(key, []), key=lambda t: t[0])]

    out = old_ones(-1)
    for pos, slot in shown:
        out.append(slot)
        out.extend(old_ones(pos))
    return out
