"""Pairwise paragraph alignment of two versions of a resolution.

``align(old, new, options)`` returns :class:`AlignedGroup` s that account for
every paragraph of both versions exactly once: one-to-one matches, insertions
(``[] → [n]``), deletions (``[o] → []``), splits (one old → several consecutive
new), merges (several consecutive old → one new) and, in fragment mode,
paragraphs of the full text that lie outside what the fragment covers
(``out_of_scope=True``; see below).  Moves are not a group kind: a one-to-one
match whose relative order changed is a move (``classify`` flags it).

Algorithm
---------
1. **Features.**  Each paragraph becomes the set of its word unigrams and word
   bigrams (``tokens.words``: casefolded, typography-folded, French elisions
   as tokens of their own, so the method is language-agnostic).
2. **Weights.**  A feature weighs ``log((N+1)/d)`` where ``d`` is the number of
   paragraphs *of one version* that contain it (the larger of the two counts)
   and ``N`` the larger paragraph count.  Words shared by a paragraph and its
   own revision count once; boilerplate that every paragraph repeats
   ("trafficking in persons", « États Membres ») weighs next to nothing.
3. **Similarity** of paragraphs a, b with weighted feature sets A, B:
   ``I = w(A∩B)``, Jaccard ``J = I / w(A∪B)``, containment
   ``C = I / min(w(A), w(B))``, similarity ``sqrt(J·C)``: a heavily edited
   long paragraph keeps a good score through containment, a short text that
   merely occurs inside a long one is held down by Jaccard.  The whole matrix
   is one sparse product (scipy), so 1,000 × 1,000 paragraphs take
   milliseconds.
4. **Assignment.**  Unambiguous mutual best matches (similarity ≥ 0.5, a clear
   margin over every rival) are fixed first as anchors.  The rest is an
   optimal assignment (``scipy.optimize.linear_sum_assignment``) over the
   score ``similarity + order bonus + position tie-break − cross-kind penalty
   − level penalty + parent bonus``:  the order bonus (+0.05) rewards a match
   that keeps its place between the surrounding anchors, the tie-break
   (≤ 0.01) prefers the same relative position, neither can override a clearly
   better match elsewhere, so moves survive.  PP↔OP matches pay 0.12 (so
   paragraphs of the same kind are matched first and leftovers cross only on
   clear evidence: OP1 "Recognizes that broad international cooperation…" →
   PP "Recognizing that broad international cooperation…"), a sub-paragraph
   matched with a top-level paragraph pays 0.05, and sub-paragraphs whose
   parents match get +0.05 (they align within their parent context).
   Matches scoring below :data:`THRESHOLD` are dropped.
5. **Splits and merges.**  An unmatched new paragraph adjacent to the new side
   of a match joins it (a split) when most of its weight comes from the old
   paragraph (containment ≥ 0.5) and the group explains the old paragraph
   better than before; repeated, so splits in three or more parts work.
   Merges symmetrically on the old side.
6. **Fragments.**  When one side is a fragment (``options.fragment`` True, or
   None and that side has excerpt gaps or ≤ 1/3 of the other's paragraphs),
   an unmatched paragraph of the other side is reported as inserted/deleted
   only if it sits between two matched paragraphs with no gap of the fragment
   between them; otherwise it is ``out_of_scope``: the fragment says nothing
   about it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import numpy as np
from compare.assignment import max_assignment

from compare.model import CompareOptions, Document, PairStatus, Paragraph
from compare.sequences import longest_increasing_subsequence
from compare.similarity import _Features, similarity_matrix


THRESHOLD = 0.28          # minimum similarity of a one-to-one match
ANCHOR_MIN = 0.5          # anchors: mutual best, at least this similar ...
ANCHOR_MARGIN = 0.08      # ... and this much better than any rival
ORDER_BONUS = 0.05
POSITION_TIE = 0.01
CROSS_KIND_PENALTY = 0.12
LEVEL_PENALTY = 0.05
PARENT_BONUS = 0.05
JOIN_CONTAINMENT = 0.5    # split/merge: share of a part's weight found in the whole
JOIN_GAIN = 0.02          # split/merge: the group must explain the whole better by this
JOIN_WINDOW = 3           # split/merge: parts at most this many positions from the group
JOIN_STEAL_CONTAINMENT = 0.8  # a part matched elsewhere joins only if this contained in the whole
JOIN_STEAL_MARGIN = 0.25      # ... and this much more than in its current partner
FRAGMENT_RATIO = 1 / 3    # auto fragment: one side has at most this share of the other's paragraphs


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


# ----------------------------------------------------------------------------- assignment

def _is_resolution(doc: Document) -> bool:
    """A resolution text (its opener, or PP/OP paragraphs), not a plain document read as P1, P2, …"""
    return doc.has_opener or any(p.kind != "P" for p in doc.paragraphs)


def _is_fragment(old: Document, new: Document, options: CompareOptions) -> tuple[bool, bool]:
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
        if no <= FRAGMENT_RATIO * nn and not old.has_opener and _is_resolution(new):
            fo = True
        if nn <= FRAGMENT_RATIO * no and not new.has_opener and _is_resolution(old):
            fn = True
    return fo, fn


def _anchors(S: np.ndarray) -> list[tuple[int, int]]:
    """Unambiguous mutual best matches, in an order-consistent subset."""
    if S.size == 0:
        return []
    n, m = S.shape
    rbest = S.argmax(axis=1)
    cbest = S.argmax(axis=0)
    best = S[np.arange(n), rbest]
    # second best of each row and of each column
    if m > 1:
        r2 = np.partition(S, m - 2, axis=1)[:, m - 2]
    else:
        r2 = np.full(n, -1.0)
    if n > 1:
        c2 = np.partition(S, n - 2, axis=0)[n - 2, :]
    else:
        c2 = np.full(m, -1.0)
    ok = (best >= ANCHOR_MIN) & (cbest[rbest] == np.arange(n))
    ok &= (r2 <= best - ANCHOR_MARGIN) & (c2[rbest] <= best - ANCHOR_MARGIN)
    out = [(int(i), int(rbest[i])) for i in np.nonzero(ok)[0]]
    # keep only anchors whose order is consistent (longest increasing run) so a
    # moved paragraph does not distort the order bonus of its neighbours
    keep = longest_increasing_subsequence([j for _, j in out])
    return [out[k] for k in keep]


def _order_window(anchors: list[tuple[int, int]], n: int, m: int) -> tuple[np.ndarray, np.ndarray]:
    """For each old index i, the open interval (lo, hi) of new indices that keeps
    the anchors' order."""
    lo = np.full(n, -1, dtype=np.int64)
    hi = np.full(n, m, dtype=np.int64)
    if not anchors:
        return lo, hi
    a = sorted(anchors)
    ai = np.array([p[0] for p in a])
    aj = np.array([p[1] for p in a])
    idx = np.arange(n)
    k = np.searchsorted(ai, idx, side="left")        # first anchor with ai >= i
    before = k - 1
    lo = np.where(before >= 0, aj[np.clip(before, 0, len(a) - 1)], -1)
    # anchors at i itself are fixed anyway; the next anchor strictly after i
    k2 = np.searchsorted(ai, idx, side="right")
    hi = np.where(k2 < len(a), aj[np.clip(k2, 0, len(a) - 1)], m)
    return lo, hi


def _match(old_pars: list[Paragraph], new_pars: list[Paragraph], S: np.ndarray) -> dict[int, int]:
    n, m = S.shape
    if n == 0 or m == 0:
        return {}
    anchors = _anchors(S)
    matched = dict(anchors)
    rows = np.array([i for i in range(n) if i not in matched], dtype=np.int64)
    used = set(matched.values())
    cols = np.array([j for j in range(m) if j not in used], dtype=np.int64)
    if len(rows) == 0 or len(cols) == 0:
        return matched
    sub = S[np.ix_(rows, cols)]
    # only rows/cols that have a plausible partner take part
    cand = sub >= THRESHOLD - CROSS_KIND_PENALTY - PARENT_BONUS - ORDER_BONUS
    rmask = cand.any(axis=1)
    cmask = cand.any(axis=0)
    rows, cols, sub = rows[rmask], cols[cmask], sub[np.ix_(rmask, cmask)]
    if len(rows) == 0 or len(cols) == 0:
        return matched
    score = sub.copy()
    # order bonus: inside the window left by the surrounding anchors
    lo, hi = _order_window(anchors, n, m)
    in_window = (cols[None, :] > lo[rows][:, None]) & (cols[None, :] < hi[rows][:, None])
    score += ORDER_BONUS * in_window
    # tie-break on relative position
    rel_o = (rows + 0.5) / n
    rel_n = (cols + 0.5) / m
    score += POSITION_TIE * (1.0 - np.abs(rel_o[:, None] - rel_n[None, :]))
    # kinds, levels, parents
    ko = np.array([old_pars[i].kind for i in rows])
    kn = np.array([new_pars[j].kind for j in cols])
    cross = (ko[:, None] != kn[None, :]) & (ko[:, None] != "P") & (kn[None, :] != "P")
    score -= CROSS_KIND_PENALTY * cross
    lvo = np.array([old_pars[i].level > 0 for i in rows])
    lvn = np.array([new_pars[j].level > 0 for j in cols])
    score -= LEVEL_PENALTY * (lvo[:, None] != lvn[None, :])
    if lvo.any() and lvn.any():
        oid = {p.id: k for k, p in enumerate(old_pars)}
        nid = {p.id: k for k, p in enumerate(new_pars)}
        po = np.array([oid.get(old_pars[i].parent, -1) if old_pars[i].parent else -1 for i in rows])
        pn = np.array([nid.get(new_pars[j].parent, -1) if new_pars[j].parent else -1 for j in cols])
        ok = (po[:, None] >= 0) & (pn[None, :] >= 0)
        if ok.any():
            ps = np.where(ok, S[np.clip(po, 0, n - 1)][:, np.clip(pn, 0, m - 1)], 0.0)
            score += PARENT_BONUS * (ps >= THRESHOLD)
    # a match must be a match on its own merits
    score = np.where(sub >= THRESHOLD * 0.8, score, 0.0)
    gain = np.where(score >= THRESHOLD, score, 0.0)
    r, c = max_assignment(gain)
    for a, b in zip(r, c):
        if gain[a, b] > 0:
            matched[int(rows[a])] = int(cols[b])
    return matched


# ----------------------------------------------------------------------------- splits & merges

def _joins(feat: _Features, S: np.ndarray, matched: dict[int, int], n: int, m: int
           ) -> tuple[list[list[int]], list[list[int]]]:
    """Groups as (old index lists, new index lists) after absorbing split/merge parts.

    A part is a paragraph within :data:`JOIN_WINDOW` positions of the group on
    its side (later edits may have put an insertion between the parts of a
    split), free or matched one-to-one elsewhere by a clearly weaker tie (its
    weight is mostly found in this group's whole and much less in its current
    partner's: the partner is then released)."""
    groups: list[list[list[int]]] = [[[i], [j]] for i, j in sorted(matched.items())]
    with np.errstate(divide="ignore", invalid="ignore"):
        cont_new = np.nan_to_num(feat.I / feat.size_n.reshape(1, -1), posinf=0.0)  # new j inside old i
        cont_old = np.nan_to_num(feat.I / feat.size_o.reshape(-1, 1), posinf=0.0)  # old i inside new j
    owner_new = {j: g for g in groups for j in g[1]}
    owner_old = {i: g for g in groups for i in g[0]}

    def try_side(g: list[list[int]], side: int) -> bool:
        whole, parts = (g[0], g[1]) if side == 1 else (g[1], g[0])
        if len(whole) != 1:
            return False
        size = m if side == 1 else n
        owner = owner_new if side == 1 else owner_old
        lo, hi = max(min(parts) - JOIN_WINDOW, 0), min(max(parts) + JOIN_WINDOW, size - 1) + 1
        window = cont_new[whole[0], lo:hi] if side == 1 else cont_old[lo:hi, whole[0]]
        best = None
        for c in (lo + np.nonzero(window >= JOIN_CONTAINMENT)[0]).tolist():
            if c in parts:
                continue
            other = owner.get(c)
            if other is not None and (len(other[0]) != 1 or len(other[1]) != 1):
                continue
            if side == 1:
                csize = feat.size_n[c]
                c_in_whole = feat.I[whole[0], c] / csize if csize > 0 else 0.0
            else:
                csize = feat.size_o[c]
                c_in_whole = feat.I[c, whole[0]] / csize if csize > 0 else 0.0
            if c_in_whole < JOIN_CONTAINMENT:
                continue
            if other is not None:
                partner = other[0][0] if side == 1 else other[1][0]
                c_in_partner = (feat.I[partner, c] if side == 1 else feat.I[c, partner]) / csize
                if c_in_whole < JOIN_STEAL_CONTAINMENT or c_in_whole < c_in_partner + JOIN_STEAL_MARGIN:
                    continue
            base = feat.group_sim(g[0], g[1])[0]
            new_parts = sorted(parts + [c])
            s2 = feat.group_sim(whole, new_parts)[0] if side == 1 else feat.group_sim(new_parts, whole)[0]
            gain = s2 - base
            if gain >= JOIN_GAIN and (best is None or gain > best[0]):
                best = (gain, c, other)
        if best is None:
            return False
        _, c, other = best
        if other is not None:
            groups.remove(other)
            owner_new.pop(other[1][0], None)
            owner_old.pop(other[0][0], None)
        parts.append(c)
        parts.sort()
        owner[c] = g
        return True

    changed = True
    rounds = 0
    while changed and rounds < 50:
        changed = False
        rounds += 1
        for g in list(groups):
            if g not in groups:
                continue
            while try_side(g, 1):
                changed = True
            while try_side(g, 0):
                changed = True
    groups.sort(key=lambda g: g[0][0])
    return [g[0] for g in groups], [g[1] for g in groups]


# ----------------------------------------------------------------------------- scope

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


# ----------------------------------------------------------------------------- public

def align(old: Document, new: Document, options: Optional[CompareOptions] = None) -> list[AlignedGroup]:
    """Align the paragraphs of two versions; every paragraph is in exactly one group.

    Groups come in no particular order (``classify`` orders them); within a
    group, ids are in document order.
    """
    options = options or CompareOptions()
    op, np_ = old.paragraphs, new.paragraphs
    n, m = len(op), len(np_)
    feat = _Features([p.text for p in op], [p.text for p in np_])
    S = similarity_matrix(feat) if n and m else np.zeros((n, m))
    matched = _match(op, np_, S)
    g_old, g_new = _contiguous(*_joins(feat, S, matched, n, m))
    groups: list[AlignedGroup] = []
    in_old = set()
    in_new = set()
    for go, gn in zip(g_old, g_new):
        sim = float(S[go[0], gn[0]]) if len(go) == 1 and len(gn) == 1 else feat.group_sim(go, gn)[0]
        groups.append(AlignedGroup([op[i].id for i in go], [np_[j].id for j in gn], round(sim, 4)))
        in_old.update(go)
        in_new.update(gn)
    un_old = [i for i in range(n) if i not in in_old]
    un_new = [j for j in range(m) if j not in in_new]
    frag_old, frag_new = _is_fragment(old, new, options)
    oos_old: set[int] = set()
    oos_new: set[int] = set()
    if frag_new:
        o2n = {}
        for go, gn in zip(g_old, g_new):
            for i in go:
                o2n[i] = gn
        oos_old = _out_of_scope(un_old, o2n, new.gaps, m, bounded=bool(new.gaps))
    if frag_old:
        n2o = {}
        for go, gn in zip(g_old, g_new):
            for j in gn:
                n2o[j] = go
        oos_new = _out_of_scope(un_new, n2o, old.gaps, n, bounded=bool(old.gaps))
    for i in un_old:
        groups.append(AlignedGroup([op[i].id], [], 0.0, out_of_scope=i in oos_old))
    for j in un_new:
        groups.append(AlignedGroup([], [np_[j].id], 0.0, out_of_scope=j in oos_new))
    return groups


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


def is_fragment_comparison(old: Document, new: Document, options: Optional[CompareOptions] = None) -> bool:
    """Whether fragment mode applies to this pair of documents."""
    fo, fn = _is_fragment(old, new, options or CompareOptions())
    return fo or fn
