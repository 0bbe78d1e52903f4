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

A scattered split or merge (its parts on a side are not one unbroken run) is
placed run by run, as if each run were a group of its own: when the group is
not moved, the run holding its first old paragraph and the run holding its
first new paragraph stand together ``inplace`` and every other run is a
``source`` (old) or ``dest`` (new) of a move; a moved group is a ``source`` per
old run and a ``dest`` per new run.  Such slots name their paragraphs
(``Slot.old``/``Slot.new``).
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
        oruns, nruns = _runs(g.old, opos), _runs(g.new, npos)
        if not g.out_of_scope and (len(oruns) > 1 or len(nruns) > 1):
            home = not moved[k]
            for r, run in enumerate(oruns):
                if r or not home:
                    old_only.append((opos[run[0]], Slot("source", k, old=tuple(run))))
            for r, run in enumerate(nruns):
                if r or not home:
                    shown.append((npos[run[0]], Slot("dest", k, new=tuple(run))))
            if home:
                shown.append((npos[nruns[0][0]], Slot("inplace", k, old=tuple(oruns[0]), new=tuple(nruns[0]))))
                anchors.append((opos[oruns[0][-1]], npos[nruns[0][0]]))
            continue
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
    anchors.sort()
    anchor_old = [a[0] for a in anchors]
    after: dict[int, list[tuple[int, Slot]]] = {}
    for pos, slot in old_only:
        j = bisect_left(anchor_old, pos) - 1
        after.setdefault(anchors[j][1] if j >= 0 else -1, []).append((pos, slot))

    def old_ones(key: int) -> list[Slot]:
        return [s for _, s in sorted(after.get(key, []), key=lambda t: t[0])]

    out = old_ones(-1)
    shown.sort(key=lambda t: t[0])
    for pos, slot in shown:
        out.append(slot)
        out.extend(old_ones(pos))
    return out


def _runs(ids: Sequence[str], pos: dict[str, int]) -> list[list[str]]:
    """``ids`` in document order, cut where the next one does not follow directly; the run
    holding ``ids[0]`` (the group's first paragraph) first, the others in document order."""
    order = sorted(ids, key=lambda i: pos[i])
    runs: list[list[str]] = []
    for i in order:
        if runs and pos[i] == pos[runs[-1][-1]] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    if ids:
        first = next(r for r in runs if ids[0] in r)
        runs.remove(first)
        runs.insert(0, first)
    return runs
