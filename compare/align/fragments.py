"""Excerpts (step 6): whether one side is a fragment of the other, and which unmatched
paragraphs of the full text lie outside what the fragment covers (``out_of_scope``); only sure
links that keep their order (:data:`SURE_LINK`) bound it."""
from __future__ import annotations

from typing import Sequence

from compare.model import CompareOptions, Document
from compare.sequences import steadiest_increasing_subsequence
from .params import AlignParams, DEFAULT_PARAMS


def _is_resolution(doc: Document) -> bool:
    """A resolution text (its opener, or PP/OP paragraphs), not a plain document read as P1, P2, …"""
    return doc.has_opener or any(p.kind != "P" for p in doc.paragraphs)


def _is_fragment(old: Document, new: Document, options: CompareOptions,
                 P: AlignParams = DEFAULT_PARAMS) -> tuple[bool, bool]:
    """(old side is fragmentary, new side is fragmentary)."""
    no, nn = len(old.paragraphs), len(new.paragraphs)
    if options.fragment is False:
        return False, False
    fo, fn = bool(old.gaps), bool(new.gaps)
    if options.fragment is True:
        if not (fo or fn):
            if no < nn:
                fo = True
            elif nn < no:
                fn = True
            else:
                fo = fn = True
        return fo, fn
    # auto: an excerpt (gaps), or a few paragraphs pasted without the "The General Assembly," line
    # against a resolution; a complete short text against a long one is not a fragment (its missing
    # paragraphs are real changes), nor is a shorter version of a document that is no resolution
    if no and nn:
        if no <= P.fragment_ratio * nn and not old.has_opener and _is_resolution(new):
            fo = True
        if nn <= P.fragment_ratio * no and not new.has_opener and _is_resolution(old):
            fn = True
    return fo, fn


#: a same-language one-to-one link under this similarity is "uncertain" (compare.classify) and does not
#: bound what an excerpt covers.  Measured on the 1:1 links of the test generators (synthetic,
#: negotiation, rounds: 5,834 true, 21 false links) and the samples: under 0.4 fall 10 true links
#: (0.2 %) and 7 of the 21 false ones; in the samples, the five links between different paragraphs
#: (0.23–0.39) and two heavy rewrites (0.30, 0.40), while the weakest sure ones (61/180 PP1 → the 2006
#: draft's PP2, 0.41; 74/176 PP4 → 78/228's cut PP?1, 0.47) stay above it
SURE_LINK = 0.4


def _bounds(g_old: list[list[int]], g_new: list[list[int]], sims: Sequence[float]) -> list[int]:
    """The groups that tell where an excerpt's paragraphs stand in the other version: sure links
    (a split or merge, or one-to-one at least :data:`SURE_LINK` similar) that keep their order — the
    steadiest increasing chain.  A weak or moved link says nothing of what lies between its
    neighbours: draft PP1 ↔ 63/194 OP1 (0.39, crossing PP3 ↔ PP?1) made PP?2–PP?6 "new" when
    they lie past the draft's cut."""
    sure = [k for k, (go, gn) in enumerate(zip(g_old, g_new))
            if go and gn and (len(go) > 1 or len(gn) > 1 or sims[k] >= SURE_LINK)]
    sure.sort(key=lambda k: min(g_old[k]))
    chain = steadiest_increasing_subsequence([min(g_new[k]) for k in sure]) if sure else []
    return [sure[c] for c in chain]


def _out_of_scope(unmatched: list[int], side_pos_to_other: dict[int, list[int]], other_gaps: list[int],
                  other_len: int, bounded: bool) -> set[int]:
    """Unmatched paragraphs (indices on one side) that the fragmentary other side
    does not cover.  A paragraph is covered when the matched paragraphs around it
    map to positions of the other side with no excerpt gap between them.  Before
    the first / after the last match, it is covered only if the other side is
    ``bounded`` (an excerpt whose gap markers say where text is missing) and no
    gap lies between that end of the other side and the match."""
    if not unmatched:
        return set()
    import bisect

    matched_pos = sorted(side_pos_to_other)
    gaps = sorted(other_gaps)

    def gap_between(lo: int, hi: int) -> bool:
        # a gap at g lies just before paragraph g of the other side
        g = bisect.bisect_right(gaps, lo)
        return g < len(gaps) and gaps[g] <= hi

    out = set()
    for k in unmatched:
        p = bisect.bisect_left(matched_pos, k)
        if p == 0 or p == len(matched_pos):
            if not bounded or not matched_pos:
                out.add(k)
            elif p == 0 and gap_between(-1, min(side_pos_to_other[matched_pos[0]])):
                out.add(k)
            elif p == len(matched_pos) and gap_between(max(side_pos_to_other[matched_pos[-1]]), other_len):
                out.add(k)
            continue
        xa = side_pos_to_other[matched_pos[p - 1]]
        xb = side_pos_to_other[matched_pos[p]]
        if gap_between(min(min(xa), min(xb)), max(max(xa), max(xb))):
            out.add(k)
    return out
