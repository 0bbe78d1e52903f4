"""What :func:`compare.align.align` returns (:class:`AlignedGroup`) and how a group's parts are
laid out on each side: cut to one unbroken run (:func:`_contiguous`, scattered groups off) or
with the free list items between two parts taken in (:func:`_fill_free_gaps`)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from compare.model import PairStatus, Paragraph


@dataclass
class AlignedGroup:
    """Old paragraph ids ↔ new paragraph ids, in document order on each side.

    ``old`` and ``new`` both non-empty: a match (one-to-one), a split (one old,
    several new) or a merge (several old, one new).  One side empty: an
    insertion or deletion — or, when ``out_of_scope`` is set, a paragraph of the
    full text that a fragment does not cover (neither deleted nor inserted).
    """

    old: list[str]
    new: list[str]
    similarity: float = 0.0
    out_of_scope: bool = False

    @property
    def kind(self) -> str:
        if self.out_of_scope:
            return "out_of_scope"
        if len(self.old) == 1 and len(self.new) == 1:
            return "match"          # unchanged or modified: the diff decides (classify)
        return PairStatus.of_shape(len(self.old), len(self.new), True)   # never many-to-many (see _joins)


def _contiguous(g_old: list[list[int]], g_new: list[list[int]]) -> tuple[list[list[int]], list[list[int]]]:
    """Make every split/merge group one unbroken run on each side.

    A group is one block of text in every view (a redline paragraph run, a table
    cell), so nothing may stand between its parts.  A paragraph between two parts
    that belongs to no other group (new, or deleted) joins the group — its words
    show as inserted or deleted inside it; where a paragraph of another group
    stands between, the group keeps only the run around its first part, and the
    parts cut off stand alone (as deleted or new).
    """
    owner_old = {i: k for k, go in enumerate(g_old) for i in go}
    owner_new = {j: k for k, gn in enumerate(g_new) for j in gn}
    out_old: list[list[int]] = []
    out_new: list[list[int]] = []
    for k, (go, gn) in enumerate(zip(g_old, g_new)):
        for parts, owner, side in ((go, owner_old, "old"), (gn, owner_new, "new")):
            run = _run(parts, owner, k)
            for pos in set(parts) - set(run):
                del owner[pos]          # cut off: free again
            for pos in run:
                owner[pos] = k
            if side == "old":
                go = run
            else:
                gn = run
        out_old.append(go)
        out_new.append(gn)
    return out_old, out_new


def _fill_free_gaps(groups: list[list[int]], pars: Sequence[Paragraph] = ()) -> list[list[int]]:
    """Scattered groups (one side): a gap between two parts of a group that holds only list
    items of no group (new, or deleted: a sub-paragraph (c) dropped while (a)–(d) were folded
    into one OP) joins the group, as in :func:`_contiguous`; a gap holding another group's
    paragraph is left as it is (the parts stay apart), and so is a top-level paragraph of its
    own: an OP inserted between the two halves of a split OP is an insertion, not part of it."""
    owned = {pos for g in groups for pos in g}
    out = []
    for g in groups:
        parts = sorted(g)
        filled = list(parts)
        for a, b in zip(parts, parts[1:]):
            gap = range(a + 1, b)
            if gap and not any(pos in owned for pos in gap) \
                    and not (pars and any(pars[pos].level == 0 for pos in gap)):
                filled.extend(gap)
        out.append(sorted(filled))
    return out


def _run(parts: list[int], owner: dict[int, int], k: int) -> list[int]:
    """The unbroken run of positions a group's ``parts`` cover (see :func:`_contiguous`)."""
    parts = sorted(parts)
    if len(parts) < 2 or parts[-1] - parts[0] == len(parts) - 1:
        return parts
    run = [parts[0]]
    for pos in range(parts[0] + 1, parts[-1] + 1):
        if owner.get(pos, k) != k:
            break
        run.append(pos)
    # keep free paragraphs only where they close a gap between two of the group's own parts
    while run and run[-1] not in parts:
        run.pop()
    return run
