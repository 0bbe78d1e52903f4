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
   is summed triple by triple for a typical pair, the most common features by
   a matrix product for large ones (:mod:`compare.similarity`), the same
   figures either way (weights are exact binary fractions).
4. **Assignment.**  Unambiguous mutual best matches (similarity ≥ 0.5, a clear
   margin over every rival) are fixed first as anchors.  The rest is an
   optimal assignment (``compare.assignment.max_assignment``, SciPy's algorithm) over the
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
   Matches scoring below :attr:`AlignParams.threshold` are dropped.  Before the
   bonuses and penalties, pairs at least ``threshold`` similar that are each
   other's best by ``similar_margin`` in plain similarity are kept (not in
   excerpts): the bonuses break near ties, they must not hand a PP moved into the
   operative part to a weaker look-alike that kept its place.  Before the
   optimal assignment, pairs that are each other's best by a margin
   (``mutual_margin``) are kept: the assignment maximises the total and would
   otherwise swap two look-alike one-liners ("Takes note of the report …")
   when 0.741 + 0.607 beats the true 0.820 + 0.395.  Leftovers of the same
   kind that are each other's clear best above ``leftover_min`` get a second
   chance (moved, reworded, new leading word: nothing else resembles them; every
   leftover, of either part, counts as a rival) — not in excerpts, where the true
   partner may lie outside the excerpt.  Last, when only a handful are left
   (``leftover_words_max``), leftovers are paired by an optimal assignment over both
   views together, word pairs (the similarity) plus single words (TF-IDF cosine, at
   least ``leftover_words``): a paragraph moved far and reworded clause by clause
   keeps its words but few of its word pairs.  Before that, a match gives way to a free
   paragraph that holds nearly all it shares with its partner and more of it
   (``fuller_cover``, ``fuller_extra``): a one-liner moved and given a clause, beside a new
   look-alike left in its place that shares only the frame.
4b. **Replacements.**  A weak match (below ``replace_sim``) whose two texts
   share little beyond their leading words, or whose new leading word
   introduces a new object ("Taking note of the reports of the Special
   Rapporteur …" → "Welcoming the decisions of the Human Rights Council …"),
   is a deletion plus an insertion, not an edit.  A leading verb that only changed
   its modifier or took the other part's form (« Considère » → « Considérant ») is
   not a new leading word.
5. **Splits and merges.**  An unmatched paragraph near a match joins it as a
   part of a split (or merge) on evidence: most of its weight is found in the
   whole (``join_containment``) and the group explains the whole better
   (``join_gain``); or, for an elaborated part / a condensed source, it alone
   explains a good share of a long whole that the other parts do not
   (``join_cover``; for a short whole too when the part continues it under its
   verb with a modifier of its own: "Also requests …" split off "Requests …"),
   or it is an item of a list whose chapeau is in the group, with some evidence
   (``join_evidence_containment``) and words of the whole the others lack.
   A part must complement the others (``join_novelty``), so
   a look-alike paragraph is not absorbed; a chapeau ("Calls upon Member
   States:") joins the group of its own sub-paragraphs, so an OP that becomes
   a chapeau with (a)–(c), or the reverse, is one split or merge.  Repeated,
   so groups of three or more parts work.  Parts need not be one unbroken
   run (a split-off clause that moved elsewhere, another OP between the
   parts: ``scattered_groups``, on by default; placement and the redline
   write such a group part by part; a list item of no group between two parts
   joins the group, a top-level paragraph there stays on its own).  A chapeau or a
   list item goes with its own list, not with a neighbour that took its verb; a list
   promoted whole to OPs ("Encourages Governments:" + (a)–(c) → "Encourages Member
   States to (a) …", "Also encourages Governments to (b) …") gives its chapeau to the
   first, which carries its verb on with no "also".  A part must explain more of the
   whole than its own leading words (a new "Also notes with appreciation …" that gives
   back only the verb an OP lost is no part of it).  A free
   paragraph that holds most of what the whole's other parts leave out (word runs in
   any order: ``join_rest_fill``, ``join_rest_words``) is the rest of the whole — a closing
   clause split off and elaborated, the source a merge's matched one lacks.  With
   ``AlignParams(scattered_groups=False)`` a group is cut to one run (see
   :func:`_contiguous`).
6. **Fragments.**  When one side is a fragment (``options.fragment`` True, or
   None and that side has excerpt gaps or ≤ 1/3 of the other's paragraphs),
   an unmatched paragraph of the other side is reported as inserted/deleted
   only if it sits between two matched paragraphs with no gap of the fragment
   between them; otherwise it is ``out_of_scope``: the fragment says nothing
   about it.  Only sure links that keep their order bound it (:func:`_bounds`):
   a weak (< :data:`SURE_LINK`) or moved link says nothing of what lies between.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

import numpy as np
from compare.assignment import max_assignment

from compare.model import CompareOptions, Document, PairStatus, Paragraph
from compare.sequences import longest_increasing_subsequence, steadiest_increasing_subsequence
from compare.tokens import words
from compare.similarity import PairScores, _Entries, _Features, _sim_of, prefix_pairs, similarity_matrix

#: old × new pairs from which the aligner reads the similarity entry by entry (PairScores) instead
#: of computing the dense matrix, when most paragraphs have an identical twin on the other side:
#: about 1,400 paragraphs a side, where the two ways cost the same on bench_align.big_pair (below,
#: the dense matrix's few passes beat the large path's fixed sorts and lookups)
LARGE_PAIRS = 2_000_000


@dataclass(frozen=True)
class AlignParams:
    """Every threshold of the aligner in one place, so a benchmark can sweep them
    and a test can state the one it relies on (instead of patching globals)."""

    threshold: float = 0.28          # minimum similarity of a one-to-one match
    anchor_min: float = 0.5          # anchors: mutual best, at least this similar ...
    anchor_margin: float = 0.08      # ... and this much better than any rival
    order_bonus: float = 0.05
    position_tie: float = 0.01
    cross_kind_penalty: float = 0.12
    level_penalty: float = 0.05
    parent_bonus: float = 0.05
    join_containment: float = 0.5    # split/merge: share of a part's weight found in the whole
    join_gain: float = 0.02          # split/merge: the group must explain the whole better by this
    join_window: int = 3             # split/merge: parts at most this many positions from the group
    join_steal_containment: float = 0.8  # a part matched elsewhere joins only if this contained in the whole
    join_steal_margin: float = 0.25      # ... and this much more than in its current partner
    # a part the assignment gave to a partner less like it than the whole (the whole went to the
    # other part of a merge, the leftover found a look-alike): it joins on the usual evidence
    join_steal_weaker_containment: float = 0.5
    join_steal_weaker_margin: float = 0.15
    # an elaborated split part / a condensed merge source: less than half of its weight is in the
    # whole, but it alone explains a good share of the whole that the group's parts do not
    join_evidence_containment: float = 0.3
    join_cover: float = 0.15             # share of the whole's weight only this part explains
    join_cover_min_words: int = 30       # ... for a whole at least this long (not a one-liner)
    # a part elaborated past the evidence floor (a long clause added to a split half, a merged source
    # condensed, over several rounds): little of ITS weight is in the whole, but it holds a stretch
    # of the whole the other parts do not, and with them it accounts for nearly all of the whole
    join_elaborated_containment: float = 0.12   # at least this share of the part's weight in the whole
    join_elaborated_cover: float = 0.1          # ... explaining this share of the whole alone
    join_elaborated_own: float = 0.12           # ... this share of its own weight found there only
    join_elaborated_total: float = 0.85         # ... the group then holds this share of the whole
    # a merge source edited before it was merged (a split part edited after): the whole GAINED its
    # words — a share of the part's own weight is in the whole and in none of the group's parts,
    # nearly all it shares with the whole is new there — and no other paragraph gained as much of it
    # (a look-alike matched to its own twin shares words with it, but gained none of them)
    join_gained_own: float = 0.25        # share of the part's weight found in the whole only
    join_gained_novelty: float = 0.6     # ... this share of what it shares with the whole
    join_gained_rival: float = 0.75      # ... the whole holds at least this share of what any other
                                         # paragraph holds of it (an inserted one-liner of a template
                                         # that shares a name with the whole is its siblings' look-alike)
    join_gained_words: int = 3           # ... and these many content words of it are new in the whole
                                         # (not a shared reference "58/137 of 22 December 2003")
    # the rest of the whole: a part holding, in order, most of the stretch of the whole's words that
    # the group's parts leave out (OP4's closing clause made "Also welcomes …"; a merge source whose
    # words are the half of the new OP the matched source lacks), however elaborated it is: the
    # elaborated route read by word runs (off with it, join_elaborated_cover=0)
    join_rest_fill: float = 0.8          # share of the left-out words (runs of 2+ words) it holds in order
    join_rest_words: int = 6             # ... at least this many of them (a clause, not a phrase)
    join_novelty: float = 0.5            # a part brings this share of what it shares with the whole
                                         # that the group's parts do not hold already (no look-alikes)
    join_gain_sure: float = 0.06         # ... unless the group gains this much (two similar OPs merged)
    chapeau_loss: float = 0.03           # a chapeau ("Calls upon Member States:") joins its list's group
                                         # even if the group's similarity drops by up to this
    replace_sim: float = 0.35        # a one-to-one match below this similarity is checked for ...
    replace_ratio: float = 0.85      # ... sharing little beyond its leading words (tail < ratio × sim)
    replace_head: int = 3            # ... or a new leading word over a new object: these many first
                                     # content words after the leading words, none in common
    # a slot-built one-liner whose object changed ("… a report on X" → "… a report on Y"): all the
    # two share is the template, which a third paragraph holds too, and each has words of its own
    slot_max_words: int = 40         # both at most this many words (one-liners)
    slot_sim_max: float = 0.7        # ... a match below this similarity
    slot_boilerplate: float = 0.93   # ... another paragraph holds this share of what the two share
    slot_own: float = 0.15           # ... and each keeps this share of its weight to itself (its object)
    slot_rivals: int = 3             # ... looked for among this many most similar other paragraphs
    slot_object_words: int = 2       # ... each with this many content words neither the other nor
                                     # that third paragraph has (another object, not another symbol),
                                     # and no content word in common that the third lacks (one subject)
    unrivalled_tail: float = 0.75    # neither, if the two share words beyond their leading words (this
                                     # share of their similarity) and are each other's best by
                                     # leftover_ratio over every other paragraph (a far-moved rewrite)
    scattered_groups: bool = True    # keep split/merge parts that are not one unbroken run (else
                                     # each group is cut to one run, see _contiguous)
    scattered_window: int = 30       # ... and then look this far for parts instead of join_window
    join_cross_containment: float = 0.8  # ... of the other part (PP↔OP) only a split part, free, with this
                                         # share of it in the whole, more than in any other paragraph
    leftover_min: float = 0.2        # second chance for leftovers that are each other's clear best
    leftover_floor: float = 0.12     # ... and, of any kind (PP↔OP), for leftovers that are each other's
    leftover_ratio: float = 2.0      # best by this factor over every other leftover, at least this similar
    leftover_words: float = 0.3          # the last leftovers, by single words (TF-IDF cosine) ...
    leftover_words_max: int = 12         # ... when at most this many are left on each side
    leftover_length_ratio: float = 2.0   # ... and of comparable length (a rewrite, not a one-liner
                                         # that shares the long paragraph's boilerplate)
    leftover_length_ratio_long: float = 2.5  # ... this ratio when the shorter has leftover_long_words or more
    leftover_long_words: int = 30            # (a long paragraph condensed to less than half is still a rewrite)
    short_tail_weight: float = 0.5   # one-liners: the score moves by this times (alike past the leading words − alike)
    short_tail_tie: float = 0.1      # ... for pairs this near the best of their row or column
    short_tail_pairs: int = 5000     # ... when there are at most this many (templated texts: no rule, bounded time)
    mutual_margin: float = 0.05      # assignment: mutual best partners by this margin are kept first
    # a match gives way to a free paragraph that holds what the two share (this share of its
    # weight) and more of the paragraph (this share of its weight), when the partner has this share
    # of its own weight to itself: the paragraph's revision, where the match is a look-alike that
    # shares its frame only ("Takes note of the report … on X" + a clause vs "… on Y")
    fuller_cover: float = 0.95            # (above 1: the pass is off)
    fuller_extra: float = 0.05
    fuller_sim: float = 0.6               # ... and at least this share of the match's similarity
    similar_margin: float = 0.1      # ... and before that, pairs at least `threshold` similar that are each
                                     # other's best by this margin in plain similarity (no bonus, no penalty)
    fragment_ratio: float = 1 / 3    # auto fragment: one side has at most this share of the other's paragraphs


DEFAULT_PARAMS = AlignParams()


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


def _anchors(S: np.ndarray, P: AlignParams) -> list[tuple[int, int]]:
    """Unambiguous mutual best matches, in an order-consistent subset."""
    if isinstance(S, _Entries) and S.anchors is not None:
        return list(S.anchors)          # found without the dense matrix (_large_scores)
    if S.size == 0:
        return []
    n, m = S.shape
    rbest = S.argmax(axis=1)
    cbest = _column_argmax(S)
    best = S[np.arange(n), rbest]
    ok = (best >= P.anchor_min) & (cbest[rbest] == np.arange(n))
    # no rival within the margin in the row or in the column: counted (a comparison per pair)
    # rather than found by sorting (np.partition copies and sorts the whole matrix)
    thr = best - P.anchor_margin
    rivals_r = np.count_nonzero(S > thr[:, None], axis=1) - (best > thr)
    cthr = np.full(m, np.inf)
    cthr[rbest[ok]] = thr[ok]                  # column j of an anchor candidate: its best is the row's
    rivals_c = _column_count_above(S, cthr)
    ok &= (rivals_r == 0) & (rivals_c[rbest] == (best > thr).astype(np.int64))
    out = [(int(i), int(rbest[i])) for i in np.nonzero(ok)[0]]
    # keep only anchors whose order is consistent (longest increasing run) so a
    # moved paragraph does not distort the order bonus of its neighbours
    keep = longest_increasing_subsequence([j for _, j in out])
    return [out[k] for k in keep]


def _column_argmax(S: np.ndarray, block: int = 256) -> np.ndarray:
    """``S.argmax(axis=0)`` (first row of each column's maximum), by blocks of rows: numpy
    reads a large row-major matrix column by column otherwise, many times slower."""
    n, m = S.shape
    if n <= block:
        return S.argmax(axis=0)
    best = np.full(m, -np.inf)
    arg = np.zeros(m, dtype=np.int64)
    for lo in range(0, n, block):
        B = S[lo:lo + block]
        bm = B.max(axis=0)
        up = bm > best                  # strictly: an equal maximum further down is not the first
        arg[up] = lo + B[:, up].argmax(axis=0)
        best[up] = bm[up]
    return arg


def _column_count_above(S: np.ndarray, thr: np.ndarray, block: int = 256) -> np.ndarray:
    """How many entries of each column exceed that column's ``thr``, by blocks of rows."""
    out = np.zeros(S.shape[1], dtype=np.int64)
    for lo in range(0, S.shape[0], block):
        out += np.count_nonzero(S[lo:lo + block] > thr[None, :], axis=0)
    return out


def _identical_pairs(feat: _Features) -> tuple[np.ndarray, np.ndarray]:
    """(old, new) paragraphs with the same non-empty feature set, found once on each side."""
    def once(X) -> dict[bytes, int]:
        seen: dict[bytes, int] = {}
        for r in range(len(X.indptr) - 1):
            a, b = X.indptr[r], X.indptr[r + 1]
            if b > a:
                k = X.indices[a:b].tobytes()
                seen[k] = -1 if k in seen else r
        return seen
    o, nw = once(feat.Xo), once(feat.Xn)
    pairs = sorted((i, nw[k]) for k, i in o.items() if i >= 0 and nw.get(k, -1) >= 0)
    return (np.array([p[0] for p in pairs], dtype=np.int64), np.array([p[1] for p in pairs], dtype=np.int64))


def _large_scores(feat: _Features, P: AlignParams) -> Optional[PairScores]:
    """The similarity of a large pair entry by entry, with the anchors :func:`_anchors` would find
    on the dense matrix — or None when the dense matrix is the way (few untouched paragraphs).

    An anchor is each other's best, at least ``anchor_min``, with no rival above best −
    ``anchor_margin`` in its row or column.  An untouched paragraph (the same features, once on
    each side: similarity 1) is one unless a rival comes that close; the others are looked for in
    the block of the remaining rows × columns, then checked against the untouched rows and columns.
    Rivals that close share a rare feature (:func:`compare.similarity.prefix_pairs`), so neither
    check reads the old × new matrix."""
    n, m = len(feat.Xo.indptr) - 1, len(feat.Xn.indptr) - 1
    if not (0 < P.anchor_margin < P.anchor_min):
        return None
    ui, uj = _identical_pairs(feat)
    if len(ui) < min(n, m) // 2:
        return None
    scores = PairScores(feat)
    so, sn = feat.size_o, feat.size_n
    Iu = so[ui]                     # the same features: all of them shared
    scores.know(ui, uj, Iu)
    su = _sim_of(Iu, so[ui], sn[uj])
    twin_o, twin_n = np.full(n, -1, dtype=np.int64), np.full(m, -1, dtype=np.int64)
    twin_o[ui], twin_n[uj] = uj, ui
    thr_o, thr_n = np.full(n, np.inf), np.full(m, np.inf)
    thr_o[ui] = thr_n[uj] = su - P.anchor_margin

    def rivals(ci: np.ndarray, cj: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Of the candidate pairs, the rows and the columns they are a rival in (above thr)."""
        # similarity is at most sqrt(min / max) of the two sizes: most candidates end there
        t = np.minimum(thr_o[ci], thr_n[cj])
        big = np.maximum(so[ci], sn[cj])
        keep = np.minimum(so[ci], sn[cj]) > t * t * (1 - 1e-9) * big
        ci, cj = ci[keep], cj[keep]
        Sc = _sim_of(scores.pairs(ci, cj), so[ci], sn[cj])
        return ci[Sc > thr_o[ci]], cj[Sc > thr_n[cj]]

    # twins with a rival within the margin in their row or column are no anchors
    low = float(np.min(su - P.anchor_margin)) ** 2
    ci, cj = prefix_pairs(feat, np.full(n, low), np.full(m, low))
    other = (twin_o[ci] != cj) & ((twin_o[ci] >= 0) | (twin_n[cj] >= 0))
    bad_r, bad_c = rivals(ci[other], cj[other])
    sure_o = twin_o >= 0
    sure_o[bad_r] = False
    sure_o[twin_n[bad_c]] = False
    sure_n = np.zeros(m, dtype=bool)
    sure_n[twin_o[sure_o]] = True
    anchors = [(int(i), int(twin_o[i])) for i in np.nonzero(sure_o)[0]]
    # the other rows and columns: mutual best in their block with no rival there ...
    R0, C0 = np.nonzero(~sure_o)[0], np.nonzero(~sure_n)[0]
    if len(R0) and len(C0):
        B = _sim_of(scores.block(R0, C0), so[R0][:, None], sn[C0][None, :])
        rb = B.argmax(axis=1)
        best = B[np.arange(len(R0)), rb]
        thr = best - P.anchor_margin
        cb = B.argmax(axis=0)
        ok = (best >= P.anchor_min) & (cb[rb] == np.arange(len(R0)))
        ok &= np.count_nonzero(B > thr[:, None], axis=1) == 1
        ok &= np.count_nonzero(B[:, rb] > thr[None, :], axis=0) == 1
        k = np.nonzero(ok)[0]
        if len(k):
            # ... and none among the untouched ones: a closer (or as close) twin comes first
            thr_o, thr_n = np.full(n, np.inf), np.full(m, np.inf)
            thr_o[R0[k]] = thr[k]
            thr_n[C0[rb[k]]] = thr[k]
            low = float(thr[k].min()) ** 2
            t_o, t_n = np.full(n, np.inf), np.where(sure_n, low, np.inf)
            t_o[R0[k]] = thr[k] ** 2
            bad_r, _ = rivals(*prefix_pairs(feat, t_o, t_n))
            t_o, t_n = np.where(sure_o, low, np.inf), np.full(m, np.inf)
            t_n[C0[rb[k]]] = thr[k] ** 2
            _, bad_c = rivals(*prefix_pairs(feat, t_o, t_n))
            bad = set(bad_r.tolist()) | {int(R0[q]) for q in k if int(C0[rb[q]]) in set(bad_c.tolist())}
            anchors += [(int(R0[q]), int(C0[rb[q]])) for q in k.tolist() if int(R0[q]) not in bad]
    anchors.sort()
    keep = longest_increasing_subsequence([j for _, j in anchors])
    scores.anchors = [anchors[k] for k in keep]
    return scores


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


def _match(old_pars: list[Paragraph], new_pars: list[Paragraph], S: np.ndarray, P: AlignParams,
           excerpt: bool = False, feat: Optional[_Features] = None) -> dict[int, int]:
    n, m = S.shape
    if n == 0 or m == 0:
        return {}
    anchors = _anchors(S, P)
    matched = dict(anchors)
    rows = np.array([i for i in range(n) if i not in matched], dtype=np.int64)
    used = set(matched.values())
    cols = np.array([j for j in range(m) if j not in used], dtype=np.int64)
    if len(rows) == 0 or len(cols) == 0:
        return matched
    sub = S[np.ix_(rows, cols)]
    # a pair that is each other's best by a clear margin in plain similarity is a pair wherever it
    # moved and whichever part it went to: the order bonus and the PP/OP penalty break near ties,
    # they must not hand a paragraph to a weaker look-alike that kept its place (0.255 + 0.05
    # beating 0.419 − 0.12 for a PP moved into the operative part beside a near twin).  Not in
    # excerpts: there the true partner may lie outside, and "best" says little
    if P.similar_margin > 0 and not excerpt:
        kr, kc = _mutual_best(sub, P.similar_margin)
        ok = sub[kr, kc] >= P.threshold
        kr, kc = kr[ok], kc[ok]
        if len(kr):
            for a, b in zip(kr, kc):
                matched[int(rows[a])] = int(cols[b])
            left_r = _others(len(rows), kr)
            left_c = _others(len(cols), kc)
            rows, cols, sub = rows[left_r], cols[left_c], sub[np.ix_(left_r, left_c)]
            if len(rows) == 0 or len(cols) == 0:
                return matched
    # only rows/cols that have a plausible partner take part
    cand = sub >= P.threshold - P.cross_kind_penalty - P.parent_bonus - P.order_bonus
    rmask = cand.any(axis=1)
    cmask = cand.any(axis=0)
    rows, cols, sub = rows[rmask], cols[cmask], sub[np.ix_(rmask, cmask)]
    if len(rows) == 0 or len(cols) == 0:
        return matched
    score = sub.copy()
    # order bonus: inside the window left by the surrounding anchors
    lo, hi = _order_window(anchors, n, m)
    in_window = (cols[None, :] > lo[rows][:, None]) & (cols[None, :] < hi[rows][:, None])
    score += P.order_bonus * in_window
    # tie-break on relative position
    rel_o = (rows + 0.5) / n
    rel_n = (cols + 0.5) / m
    score += P.position_tie * (1.0 - np.abs(rel_o[:, None] - rel_n[None, :]))
    # kinds, levels, parents
    ko = np.array([old_pars[i].kind for i in rows])
    kn = np.array([new_pars[j].kind for j in cols])
    cross = (ko[:, None] != kn[None, :]) & (ko[:, None] != "P") & (kn[None, :] != "P")
    score -= P.cross_kind_penalty * cross
    lvo = np.array([old_pars[i].level > 0 for i in rows])
    lvn = np.array([new_pars[j].level > 0 for j in cols])
    score -= P.level_penalty * (lvo[:, None] != lvn[None, :])
    if lvo.any() and lvn.any():
        oid = {p.id: k for k, p in enumerate(old_pars)}
        nid = {p.id: k for k, p in enumerate(new_pars)}
        po = np.array([oid.get(old_pars[i].parent, -1) if old_pars[i].parent else -1 for i in rows])
        pn = np.array([nid.get(new_pars[j].parent, -1) if new_pars[j].parent else -1 for j in cols])
        ok = (po[:, None] >= 0) & (pn[None, :] >= 0)
        if ok.any():
            ps = np.where(ok, S[np.clip(po, 0, n - 1)][:, np.clip(pn, 0, m - 1)], 0.0)
            score += P.parent_bonus * (ps >= P.threshold)
    if P.short_tail_weight > 0 and feat is not None:
        _object_weight(feat, score, sub, rows, cols, old_pars, new_pars, P)
    # a match must be a match on its own merits
    score = np.where(sub >= P.threshold * 0.8, score, 0.0)
    gain = np.where(score >= P.threshold, score, 0.0)
    # lexicographic on confidence: a pair that is each other's clearly best partner is kept
    # before the optimal assignment, which would otherwise trade it for a higher total
    # (two look-alike one-liners swapped: 0.741 + 0.607 beats the true 0.820 + 0.395)
    keep_r, keep_c = _mutual_best(gain, P.mutual_margin)
    for a, b in zip(keep_r, keep_c):
        matched[int(rows[a])] = int(cols[b])
    if len(keep_r):
        left_r = _others(len(rows), keep_r)
        left_c = _others(len(cols), keep_c)
        rows, cols, gain = rows[left_r], cols[left_c], gain[np.ix_(left_r, left_c)]
    if gain.size == 0:
        return matched
    r, c = max_assignment(gain)
    for a, b in zip(r, c):
        if gain[a, b] > 0:
            matched[int(rows[a])] = int(cols[b])
    return matched


def _object_weight(feat: _Features, score: np.ndarray, sub: np.ndarray, rows: np.ndarray, cols: np.ndarray,
                   old_pars: Sequence[Paragraph], new_pars: Sequence[Paragraph], P: AlignParams) -> None:
    """Between one-liners, what a paragraph is about is its object, not its leading words: a pair's
    score moves by ``P.short_tail_weight`` times how much more (or less) alike the two are past
    their leading words than with them.  « Prend note du rapport … sur la traite (A/65/229) » is
    the revision of « Se félicite du rapport … sur la traite (A/67/229), … », not of « Prend note
    du rapport … sur l'application de la présente résolution », which shares its verb only."""
    lo = np.array([_lead_len(old_pars[i]) if len(old_pars[i].text.split()) <= P.slot_max_words else -1
                   for i in rows], dtype=np.int64)
    ln = np.array([_lead_len(new_pars[j]) if len(new_pars[j].text.split()) <= P.slot_max_words else -1
                   for j in cols], dtype=np.int64)
    # only where the choice is open: a pair near the best of its row or of its column, of two
    # one-liners with leading words (a pair far behind both cannot win, whatever its object)
    near = (sub >= P.threshold * 0.8) & (lo[:, None] >= 0) & (ln[None, :] >= 0) \
        & ((lo[:, None] > 0) | (ln[None, :] > 0))
    near &= (sub >= sub.max(axis=1, keepdims=True) - P.short_tail_tie) \
        | (sub >= sub.max(axis=0, keepdims=True) - P.short_tail_tie)
    pairs = np.nonzero(near)
    if len(pairs[0]) > P.short_tail_pairs:
        return          # a text of templated look-alikes: the rule's cost is bounded, not its reach
    for a, b in zip(*pairs):
        t = feat.tail_sim(int(rows[a]), int(cols[b]), int(lo[a]), int(ln[b]))
        score[a, b] += P.short_tail_weight * (t - sub[a, b])


def _others(k: int, keep) -> np.ndarray:
    """``range(k)`` without ``keep``, ascending (``np.setdiff1d`` would import ``numpy.ma``)."""
    left = np.ones(k, dtype=bool)
    left[np.asarray(keep, dtype=np.int64)] = False
    return np.nonzero(left)[0]


def _mutual_best(gain: np.ndarray, margin: float) -> tuple[np.ndarray, np.ndarray]:
    """(rows, cols) of the pairs that are each other's best by at least ``margin`` over every
    rival in their row and column (rivals scored 0 count as absent).  A pair fixed this way
    can only cost the total when two rivals together outweigh it — exactly the trade the
    negotiator does not want."""
    if gain.size == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    n, m = gain.shape
    rb = gain.argmax(axis=1)
    cb = gain.argmax(axis=0)
    best = gain[np.arange(n), rb]
    r2 = np.partition(gain, m - 2, axis=1)[:, m - 2] if m > 1 else np.zeros(n)
    c2 = np.partition(gain, n - 2, axis=0)[n - 2, :] if n > 1 else np.zeros(m)
    ok = (best > 0) & (cb[rb] == np.arange(n)) & (r2 <= best - margin) & (c2[rb] <= best - margin)
    rows = np.nonzero(ok)[0]
    return rows, rb[rows]


def _second_chance(S: np.ndarray, matched: dict[int, int], old_pars: Sequence[Paragraph],
                   new_pars: Sequence[Paragraph], P: AlignParams) -> None:
    """Among the paragraphs left unmatched on both sides, pair those of the same kind that are
    each other's clearly best partner above ``P.leftover_min`` (a paragraph moved, reworded
    and given a new leading word keeps under :attr:`AlignParams.threshold` of its words, but
    nothing else resembles it); then, of any kind, those of comparable length that are each
    other's best by ``P.leftover_ratio`` over every other leftover, above ``P.leftover_floor``.
    The replacement rules then judge these pairs like any other.  Not for excerpts: there "nothing else resembles it" is unknown (61/180 → 63/194 would pair
    "Underlining the need …" with "Recognizing also the need …" at 0.25)."""
    if P.leftover_min >= P.threshold or not S.size:
        return
    used = set(matched.values())
    rows = np.array([i for i in range(S.shape[0]) if i not in matched], dtype=np.int64)
    cols = np.array([j for j in range(S.shape[1]) if j not in used], dtype=np.int64)
    if not len(rows) or not len(cols):
        return
    sub = S[np.ix_(rows, cols)]
    ko = np.array([old_pars[i].kind for i in rows])
    kn = np.array([new_pars[j].kind for j in cols])
    # each other's clear best among ALL leftovers (a rival of the other part, or one just under
    # leftover_min, is still a rival: 0.214 over 0.191 is no clear best), of the same kind
    r, c = _mutual_best(sub, P.mutual_margin)
    ok = (sub[r, c] >= P.leftover_min) & (ko[r] == kn[c])
    r, c = r[ok], c[ok]
    for a, b in zip(r.tolist(), c.tolist()):
        matched[int(rows[a])] = int(cols[b])
    # a paragraph moved far and reworded (40–60 % of its words, into the other part: OP verb →
    # PP participle) keeps little in absolute terms, but among what is left nothing else comes close
    # (by a ratio), and no paragraph at all is closer to either of the two (two variants of one
    # text, one deleted and one inserted, beside the variants that were kept, are not a pair)
    keep_r = np.ones(len(rows), dtype=bool)
    keep_c = np.ones(len(cols), dtype=bool)
    keep_r[r] = False
    keep_c[c] = False
    if P.leftover_floor >= P.threshold or not keep_r.any() or not keep_c.any():
        return
    rows, cols = rows[keep_r], cols[keep_c]
    for a, b in zip(*_clear_best(S[np.ix_(rows, cols)], P.leftover_floor, P.leftover_ratio)):
        i, j = int(rows[a]), int(cols[b])
        if S[i].max() <= S[i, j] and S[:, j].max() <= S[i, j] \
                and _comparable(old_pars[i], new_pars[j], P):     # nothing matched is closer; a rewrite
            matched[i] = j


def _leftover_words(feat: _Features, matched: dict[int, int], old_pars: Sequence[Paragraph],
                    new_pars: Sequence[Paragraph], P: AlignParams, S: Optional[np.ndarray] = None) -> None:
    """The last one-to-one passes, on the word features: first a match gives way to a free
    paragraph that holds all it shares and more (:func:`_fuller_partners`, when ``S`` is given);
    then the last leftovers are paired by an optimal assignment over single words (TF-IDF cosine)
    plus word pairs (``S``), at least ``P.leftover_words`` alike by single words and of
    comparable length: a paragraph reworded clause by clause keeps its words but few of its word
    pairs.  Only for a handful of leftovers."""
    if S is not None:
        _fuller_partners(feat, S, matched, old_pars, new_pars, P)
    if P.leftover_words <= 0:
        return
    used = set(matched.values())
    rows = [i for i in range(len(old_pars)) if i not in matched]
    cols = [j for j in range(len(new_pars)) if j not in used]
    if not rows or not cols or max(len(rows), len(cols)) > P.leftover_words_max:
        return
    U = feat.word_cosine(rows, cols)
    # both views decide together: word pairs (S) and single words (U); near twins among the
    # leftovers (two paragraphs of the same opening, both moved and reworded) go to the partners
    # that the two views together prefer
    J = U + S[np.ix_(rows, cols)] if S is not None else U
    for a, b in zip(*max_assignment(J)):
        i, j = rows[int(a)], cols[int(b)]
        if U[a, b] >= P.leftover_words and _comparable(old_pars[i], new_pars[j], P):
            matched[i] = j


def _fuller_partners(feat: _Features, S: np.ndarray, matched: dict[int, int], old_pars: Sequence[Paragraph],
                     new_pars: Sequence[Paragraph], P: AlignParams) -> None:
    """A match gives way to a free paragraph that holds everything the two share and more of the
    paragraph: "Prend note du rapport … sur la traite des êtres humains ;" stays with its revision
    "… sur la traite des êtres humains, en tenant compte …" (every word of it), not with the
    inserted look-alike "… sur les travaux de la Conférence" that shares only its frame — whichever
    the similarity ranks first (the longer revision pays for its length in Jaccard).  Either side
    (a new paragraph's old partner too); the free paragraph must be at least ``threshold`` similar
    and like no other paragraph of its side more.  The trade is safe: the match's partner has
    nothing of the paragraph that the free one lacks."""
    if P.fuller_cover > 1 or not matched:
        return
    n, m = S.shape
    used = set(matched.values())
    free_o = np.array([i for i in range(n) if i not in matched], dtype=np.int64)
    free_n = np.array([j for j in range(m) if j not in used], dtype=np.int64)
    mo = np.array(sorted(matched), dtype=np.int64)
    mn = np.array([matched[i] for i in mo.tolist()], dtype=np.int64)
    cands: list[tuple[float, int, int, int]] = []       # (extra, side, match's old, free one)
    # side 1: old mo[a]'s partner mn[a] against a free new paragraph; side 0: new mn[a]'s partner
    # mo[a] against a free old one
    for side, free in ((1, free_n), (0, free_o)):
        if not len(free):
            continue
        sim = S[np.ix_(mo, free)] if side else S[np.ix_(free, mn)].T
        near = np.nonzero((sim >= P.threshold).any(axis=1))[0]      # the few matches a free one is near
        if not len(near):
            continue
        ro, rn = mo[near], mn[near]
        inter = feat.I[np.ix_(ro, free)] if side else feat.I[np.ix_(free, rn)].T
        I_now = np.array([float(feat.I[int(i), int(j)]) for i, j in zip(ro, rn)])
        size = feat.size_o[ro] if side else feat.size_n[rn]
        extra = (inter - I_now[:, None]) / np.maximum(size, 1e-12)[:, None]
        # the present partner is a look-alike, with words of its own (another object); one with
        # none may be a part of the paragraph (a split's item), which the joins complete
        partner = feat.size_n[rn] if side else feat.size_o[ro]
        own = (partner - I_now) >= P.fuller_extra * partner
        ok = (sim[near] >= P.threshold) & (extra >= P.fuller_extra) & own[:, None]
        for a, b in zip(*np.nonzero(ok)):
            cands.append((float(extra[a, b]), side, int(ro[a]), int(free[b])))
    touched: set[tuple[int, int]] = set()             # (side, index) of paragraphs already traded
    for _, side, i, f in sorted(cands, reverse=True):
        j = matched[i]
        if {(0, i), (1, j), (side, f)} & touched:
            continue
        x, now = (i, j) if side else (j, i)           # the paragraph, its present partner
        Xx, Xy = (feat.Xo, feat.Xn) if side else (feat.Xn, feat.Xo)
        # the free one is the paragraph's revision, not a part of another's: nothing is closer to it
        rival = S[:, f] if side else S[f, :]
        s_free = float(S[i, f] if side else S[f, j])
        if float(np.max(rival)) > s_free:
            continue
        # ... and not a long paragraph that took up the match's words among many of its own (a
        # split part's look-alike that also holds the rest of the whole)
        if s_free < P.fuller_sim * float(S[i, j]):
            continue
        shared = np.intersect1d(feat._row_feats(Xx, [x]), feat._row_feats(Xy, [now]), assume_unique=True)
        held = np.intersect1d(shared, feat._row_feats(Xy, [f]), assume_unique=True)
        if float(feat.w[held].sum()) < P.fuller_cover * float(feat.w[shared].sum()):
            continue
        if side:
            matched[i] = f
        else:
            del matched[i]
            matched[f] = j
        touched |= {(0, i), (1, j), (side, f)}


def _clear_best(sub: np.ndarray, floor: float, ratio: float) -> tuple[list[int], list[int]]:
    """(rows, cols) of the pairs at least ``floor`` similar that are each other's best by
    ``ratio`` times every rival in their row and column: a margin relative to the pair's own
    similarity, so a weak but unrivalled pair counts and a weak pair among equals does not."""
    n, m = sub.shape
    rb, cb = sub.argmax(axis=1), sub.argmax(axis=0)
    best = sub[np.arange(n), rb]
    r2 = np.partition(sub, m - 2, axis=1)[:, m - 2] if m > 1 else np.zeros(n)
    c2 = np.partition(sub, n - 2, axis=0)[n - 2, :] if n > 1 else np.zeros(m)
    ok = (best >= floor) & (cb[rb] == np.arange(n)) & (best >= ratio * r2) & (best >= ratio * c2[rb])
    out_r = np.nonzero(ok)[0]
    return out_r.tolist(), rb[out_r].tolist()


def _comparable(po: Paragraph, pn: Paragraph, P: AlignParams) -> bool:
    """Of comparable length (word counts within ``P.leftover_length_ratio``): a rewrite, not a
    one-liner sharing a long paragraph's boilerplate."""
    lo, ln = len(po.text.split()), len(pn.text.split())
    ratio = P.leftover_length_ratio_long if min(lo, ln) >= P.leftover_long_words else P.leftover_length_ratio
    return max(lo, ln) <= ratio * min(lo, ln)


def _lead_len(p: Paragraph) -> int:
    """Number of word tokens of the paragraph's leading words ("Takes note of": 3)."""
    return len(words(p.leading)) if p.leading and p.text.startswith(p.leading) else 0


def _head(p: Paragraph, k: int, keys: Optional[Sequence[str]] = None) -> set[str]:
    """The first ``k`` content words (4+ letters) after the leading words: what the paragraph
    notes, welcomes, requests (« the reports of the Special Rapporteur » → reports, special).
    Whom it addresses is not what it asks: "Calls upon Governments to intensify cooperation" and
    "Encourages Member States to step up cooperation" ask the same thing of new addressees.
    ``keys``: the paragraph's words as the similarity matched them (« coop- eration » mended)."""
    from compare.lexicon import addressee_words

    skip = addressee_words()
    out: list[str] = []
    for w in (words(p.text) if keys is None else keys)[_lead_len(p):]:
        if len(w) >= 4 and w.isalpha() and w not in skip:
            out.append(w)
            if len(out) == k:
                break
    return set(out)


def _same_verb(po: Paragraph, pn: Paragraph) -> bool:
    """Whether two leading phrases have the same leading verb: only a modifier changed
    ("Considérant en outre" → « Considérant également », "Invites" → "Invites also") or the verb
    took the other part's form (« Considère » → « Considérant », "Takes note of" → "Taking note
    of": a paragraph moved between preamble and operative part).  Such a paragraph did not get
    a new leading word over a new object; its head words may still have been reworded."""
    from compare.lexicon import split_leading

    a = words(split_leading(po.leading, po.kind).base)
    b = words(split_leading(pn.leading, pn.kind).base)
    if not a or not b:
        return False
    x, y = a[0], b[0]
    common = 0
    for cx, cy in zip(x, y):
        if cx != cy:
            break
        common += 1
    # the same stem: "recogniz-es" / "recogniz-ing", « consid-ère » / « consid-érant »; the rest the
    # same or only extended by a manner ("Invite" / « Invite instamment », "Welcomes with appreciation")
    rest, longer = sorted((a[1:], b[1:]), key=len)
    return common >= 3 and common >= 0.6 * min(len(x), len(y)) and longer[:len(rest)] == rest


def _also(pw: Paragraph, pc: Paragraph) -> bool:
    """Whether ``pc``'s leading words carry a modifier ("Also", « également », « también ») that
    ``pw``'s do not."""
    from compare.lexicon import split_leading

    a, b = split_leading(pw.leading, pw.kind), split_leading(pc.leading, pc.kind)
    mods_c = words(f"{b.pre} {b.modifiers}")
    return bool(mods_c) and mods_c != words(f"{a.pre} {a.modifiers}")


def _unrivalled(feat: _Features, S: np.ndarray, i: int, j: int, P: AlignParams, matched: dict[int, int],
                partner_of: dict[int, int]) -> bool:
    """Whether old ``i`` and new ``j`` are each other's best by ``P.leftover_ratio`` times every
    rival: a paragraph reworded past its first words (moved, 40–60 % of its words changed) is still
    like nothing else, while a replacement that shares boilerplate with its predecessor ("Takes
    note of the report of …") shares it with others too.  A paragraph matched to a closer partner
    of its own is no rival, unless it shares more words with ours than our candidate does (ours
    may be a part split off from it)."""
    s = S[i, j]
    if s <= 0:
        return False
    ratio = P.leftover_ratio
    row = S[i].copy()
    row[j] = 0.0
    shared = feat.I[i, j]
    for jj in np.nonzero(row >= s / ratio)[0].tolist():
        if jj in partner_of and S[partner_of[jj], jj] > row[jj] and feat.I[i, jj] < shared:
            row[jj] = 0.0
    col = S[:, j].copy()
    col[i] = 0.0
    for ii in np.nonzero(col >= s / ratio)[0].tolist():
        if ii in matched and S[ii, matched[ii]] > col[ii] and feat.I[ii, j] < shared:
            col[ii] = 0.0
    return s >= ratio * max(row.max(initial=0.0), col.max(initial=0.0))


def _replacements(feat: _Features, S: np.ndarray, matched: dict[int, int], old_pars: Sequence[Paragraph],
                  new_pars: Sequence[Paragraph], P: AlignParams) -> list[int]:
    """Old indices of weak one-to-one matches that are a replacement, not an edit: the two
    paragraphs share little beyond their leading words ("Takes note of the report of …" over
    another report), or a new leading word introduces a new object ("Taking note of the
    reports of the Special Rapporteur …" → "Welcoming the decisions of the Human Rights
    Council …").  Reported as a deletion plus an insertion."""
    out = []
    partner_of = {j: i for i, j in matched.items()}
    for i, j in matched.items():
        s = S[i, j]
        if s < P.slot_sim_max and _slot_replacement(feat, S, i, j, old_pars, new_pars, P):
            out.append(i)
            continue
        if s >= P.replace_sim:
            continue
        po, pn = old_pars[i], new_pars[j]
        lo, ln = _lead_len(po), _lead_len(pn)
        ko, kn = feat.keys[i], feat.keys[len(old_pars) + j]
        if _new_act(po, pn, s, P, ko, kn):
            out.append(i)
            continue
        tail = feat.tail_sim(i, j, lo, ln) if lo or ln else s
        if tail >= P.unrivalled_tail * s and _comparable(po, pn, P) and _unrivalled(feat, S, i, j, P, matched, partner_of):
            continue        # reworded throughout, and like nothing else: an edit
        if lo or ln:
            if tail < P.threshold and tail < P.replace_ratio * s:
                out.append(i)
                continue
        if lo and ln and words(po.leading) != words(pn.leading) \
                and not (s >= P.leftover_floor and _same_verb(po, pn)):
            if _heads_apart(po, pn, P, ko, kn):
                out.append(i)
    return out


def _chapeaux_by_items(matched: dict[int, int], old_pars: Sequence[Paragraph],
                       new_pars: Sequence[Paragraph]) -> None:
    """Pair a left-over chapeau with the left-over chapeau its list went to: most of its items
    are matched to that one's items, and most of that one's items come from its list.  A
    chapeau reworded whole ("Requests the Special Rapporteur:" → "Strongly encourages the
    Secretary-General:") shares no words with its old self, but it still heads the same list."""
    def lists(pars: Sequence[Paragraph]) -> dict[int, list[int]]:
        at = {p.id: k for k, p in enumerate(pars)}
        out: dict[int, list[int]] = {}
        for k, p in enumerate(pars):
            if p.level > 0 and p.parent in at:
                out.setdefault(at[p.parent], []).append(k)
        return out

    items_o, items_n = lists(old_pars), lists(new_pars)
    if not items_o or not items_n:
        return
    at_n = {p.id: k for k, p in enumerate(new_pars)}
    taken = set(matched.values())
    for co, its in sorted(items_o.items()):
        if co in matched:
            continue
        votes: dict[int, int] = {}
        for k in its:
            j = matched.get(k)
            head = at_n.get(new_pars[j].parent) if j is not None and new_pars[j].level > 0 else None
            if head is not None:
                votes[head] = votes.get(head, 0) + 1
        if not votes:
            continue
        cn, got = max(votes.items(), key=lambda kv: (kv[1], -kv[0]))
        if cn in taken or 2 * got <= len(its) or 2 * got <= len(items_n.get(cn, ())):
            continue
        matched[co] = cn
        taken.add(cn)


def _new_act(po: Paragraph, pn: Paragraph, s: float, P: AlignParams,
             ko: Optional[Sequence[str]] = None, kn: Optional[Sequence[str]] = None) -> bool:
    """Two one-liners with other leading words over other objects ("Requests the Secretary-General
    to submit … a report" → "Decides to include in the provisional agenda … the item"): another
    procedural act, not an edit of this one, however alone the two are — a weak match
    (< ``replace_sim``) whose first content words after the leading words share nothing."""
    if not (po.leading and pn.leading) or words(po.leading) == words(pn.leading) or _same_verb(po, pn):
        return False
    if len(words(po.text)) > P.slot_max_words or len(words(pn.text)) > P.slot_max_words:
        return False
    return _heads_apart(po, pn, P, ko, kn)


def _heads_apart(po: Paragraph, pn: Paragraph, P: AlignParams,
                 ko: Optional[Sequence[str]] = None, kn: Optional[Sequence[str]] = None) -> bool:
    """Whether the two paragraphs' first content words after the leading words share nothing:
    what they request or welcome is another thing."""
    ho, hn = _head(po, P.replace_head, ko), _head(pn, P.replace_head, kn)
    return bool(ho and hn and not ho & hn)


def _slot_replacement(feat: _Features, S: np.ndarray, i: int, j: int, old_pars: Sequence[Paragraph],
                      new_pars: Sequence[Paragraph], P: AlignParams) -> bool:
    """Whether old ``i`` and new ``j`` are two fillings of one template ("Requests the
    Secretary-General to submit … a report on X" / "… on Y"): short, each with words of its own
    (its object), and what they share held by a third paragraph too (a sibling of the template):
    a replacement, not a revision (what a procedural one-liner is about is its object; its
    session, verb or qualifier may change).  A true revision shares its object, which no sibling
    of the template has."""
    if P.slot_boilerplate > 1 or P.slot_rivals <= 0:
        return False
    shared = feat.I[i, j]
    if shared <= 0 or max(len(old_pars[i].text.split()), len(new_pars[j].text.split())) > P.slot_max_words:
        return False
    if shared > (1 - P.slot_own) * min(feat.size_o[i], feat.size_n[j]):
        return False
    common = np.intersect1d(feat._row_feats(feat.Xo, [i]), feat._row_feats(feat.Xn, [j]), assume_unique=True)
    col, row = S[:, j].copy(), S[i].copy()
    col[i] = row[j] = -1.0
    sides = ((feat.Xo, np.argsort(-col, kind="stable")[:P.slot_rivals]),
             (feat.Xn, np.argsort(-row, kind="stable")[:P.slot_rivals]))
    ci, cj = _content(old_pars[i]), _content(new_pars[j])
    for X, pars, cands in ((feat.Xo, old_pars, sides[0][1]), (feat.Xn, new_pars, sides[1][1])):
        for k in cands.tolist():
            held = np.intersect1d(common, feat._row_feats(X, [k]), assume_unique=True)
            if float(feat.w[held].sum()) >= P.slot_boilerplate * shared:
                ck = _content(pars[k])
                if (ci & cj) <= ck and min(len(ci - cj - ck), len(cj - ci - ck)) >= P.slot_object_words:
                    return True
    return False


def _content(p: Paragraph) -> set[str]:
    """Content words (4+ letters) after the leading words: what the paragraph is about."""
    return {w for w in words(p.text)[_lead_len(p):] if len(w) >= 4 and w.isalpha()}


# ----------------------------------------------------------------------------- splits & merges

def _joins(feat: _Features, S: np.ndarray, matched: dict[int, int], n: int, m: int, P: AlignParams,
           old_pars: Sequence[Paragraph] = (), new_pars: Sequence[Paragraph] = ()
           ) -> tuple[list[list[int]], list[list[int]]]:
    """Groups as (old index lists, new index lists) after absorbing split/merge parts.

    A part is a paragraph within :attr:`AlignParams.join_window` positions of the group on
    its side (later edits may have put an insertion between the parts of a
    split) — :attr:`AlignParams.scattered_window` with scattered groups, a part
    that far of the same kind (PP/OP) as the group — free or matched one-to-one
    elsewhere by a clearly weaker tie (its weight is mostly found in this
    group's whole and much less in its current partner's: the partner is then
    released).  A chapeau or list item goes with its own list's group (``with_its_list``),
    and the chapeau of a group's whole list is taken from a weak one-to-one partner.  Besides
    the evidence by word sets (containment, gain, cover, elaborated, gained), a free paragraph
    joins as the rest of the whole (``rest_of``): it holds, in word runs, most of what the parts
    leave of the whole, or is nearly all found there."""
    groups: list[list[list[int]]] = [[[i], [j]] for i, j in sorted(matched.items())]
    alive = {id(g) for g in groups}     # groups not absorbed by another (a set: groups are many)

    def near(whole: int, lo: int, hi: int, side: int, floor: float) -> list[int]:
        """Paragraphs lo..hi-1 of the parts' side with about ``floor`` of their weight or more
        in the whole: a generous first cut (each is checked exactly below), read for a window
        only (the old × new matrix of shares would be as large as the similarity matrix)."""
        if side == 1:
            inter, size = feat.I[whole, lo:hi], feat.size_n[lo:hi]
        else:
            inter, size = feat.I[lo:hi, whole], feat.size_o[lo:hi]
        return (lo + np.nonzero(inter >= (floor * (1 - 1e-9)) * size)[0]).tolist()

    owner_new = {j: g for g in groups for j in g[1]}
    owner_old = {i: g for g in groups for i in g[0]}

    def whole_len(w: int, side: int) -> int:
        p = (old_pars if side == 1 else new_pars)
        return len(p[w].text.split()) if p else 0

    def same_verb(w: int, c: int, side: int) -> bool:
        """Whether part ``c`` continues the whole under its leading verb with a modifier of its
        own ("Also requests …" split off "Requests …", « Solicita también »): then a short whole
        counts as long enough for the cover route (the part still has to explain words of the
        whole that the other parts do not).  A look-alike under the same verb without "also"
        ("Takes note of the report of …" beside "Takes note of the report of …") gets no such
        benefit."""
        if not (old_pars and new_pars):
            return False
        pw, pc = (old_pars[w], new_pars[c]) if side == 1 else (new_pars[w], old_pars[c])
        return bool(pw.leading and pc.leading) and _also(pw, pc) and _same_verb(pw, pc)

    def same_lead(w: int, c: int, side: int) -> bool:
        """Whether part ``c`` keeps the whole's leading verb (its modifier aside: "Recalls also" /
        "Also recalls also")."""
        if not (old_pars and new_pars):
            return False
        pw, pc = (old_pars[w], new_pars[c]) if side == 1 else (new_pars[w], old_pars[c])
        return bool(pw.leading and pc.leading) and _same_verb(pw, pc)

    def carries(c: int, w: int, side: int) -> bool:
        """Whether the whole ``w`` carries chapeau ``c`` on: it keeps the chapeau's leading verb
        with no modifier of its own.  A list promoted to OPs: "Encourages Governments:" over
        (a)–(b) → "Encourages Member States to (a) …" in the chapeau's place and "Also encourages
        Governments to (b) …" elsewhere; the first carries the chapeau, whatever its addressee."""
        if not (old_pars and new_pars):
            return False
        pc, pw = (new_pars[c], old_pars[w]) if side == 1 else (old_pars[c], new_pars[w])
        return bool(pw.leading and pc.leading) and _same_verb(pc, pw) and not _also(pc, pw)

    def cover_gain(w: int, parts: list[int], c: int, side: int, past_lead: bool = False) -> tuple[float, float]:
        """(share of the whole's weight that ``c`` explains and the parts do not, share of what
        ``c`` has in common with the whole that the parts do not already hold).  A true part
        complements the others; a look-alike ("Takes note of the report …" beside "Takes note
        of the report …") repeats them.  ``past_lead``: what ``c`` explains by its leading words
        alone is not counted (see :func:`lead_feats`)."""
        Xw, Xp = (feat.Xo, feat.Xn) if side == 1 else (feat.Xn, feat.Xo)
        fw = feat._row_feats(Xw, [w])
        fc = np.intersect1d(fw, feat._row_feats(Xp, [c]), assume_unique=True)
        fresh_f = np.setdiff1d(fc, feat._row_feats(Xp, parts), assume_unique=True)
        if past_lead:
            fresh_f = np.setdiff1d(fresh_f, lead_feats(c, side), assume_unique=True)
        fresh = float(feat.w[fresh_f].sum())
        total, common = float(feat.w[fw].sum()), float(feat.w[fc].sum())
        return (fresh / total if total > 0 else 0.0), (fresh / common if common > 0 else 0.0)

    def lead_feats(c: int, side: int) -> np.ndarray:
        """The features of ``c``'s leading words ("Also notes with appreciation"): a paragraph
        that only gives back the verb the whole lost ("Notes with appreciation the contributions
        …" → "Welcomes the contributions …") is not the rest of it — "Also notes with appreciation
        the report of the Secretary-General" is a new paragraph."""
        pars = new_pars if side == 1 else old_pars
        if not pars:
            return np.zeros(0, dtype=np.int64)
        ids = feat._seqs[(len(feat.Xo.indptr) - 1 + c) if side == 1 else c][:_lead_len(pars[c])]
        codes = np.concatenate((ids, feat._V + ids[:-1] * feat._V + ids[1:]))
        at = np.minimum(np.searchsorted(feat._cols, codes), max(len(feat._cols) - 1, 0))
        return np.unique(at[feat._cols[at] == codes]) if len(feat._cols) else np.zeros(0, dtype=np.int64)

    def continued_novelty(w: int, parts: list[int], c: int, side: int) -> float:
        """``cover_gain``'s novelty without the opening ``c`` repeats: "Also urges Member States that
        have not yet done so to take steps …", split off "Urges Member States that have not yet done
        so to consider … and to take steps …", restates the whole's addressee, which the first part
        holds; what it shares with the whole beyond that opening (its words up to the first word
        pair the whole has and the parts lack) is its own."""
        Xw, Xp = (feat.Xo, feat.Xn) if side == 1 else (feat.Xn, feat.Xo)
        fc = np.intersect1d(feat._row_feats(Xw, [w]), feat._row_feats(Xp, [c]), assume_unique=True)
        fresh = np.setdiff1d(fc, feat._row_feats(Xp, parts), assume_unique=True)
        pars = new_pars if side == 1 else old_pars
        ids = feat._seqs[(len(feat.Xo.indptr) - 1 + c) if side == 1 else c][_lead_len(pars[c]):]
        pairs = np.searchsorted(feat._cols, feat._V + ids[:-1] * feat._V + ids[1:])
        at = np.minimum(np.searchsorted(fresh, pairs), max(len(fresh) - 1, 0))
        stop = np.nonzero(fresh[at] == pairs)[0] if len(fresh) else np.zeros(0, dtype=np.int64)
        cut = int(stop[0]) if len(stop) else len(ids)
        opening = np.concatenate((np.searchsorted(feat._cols, ids[:cut]), pairs[:cut]))
        repeated = np.intersect1d(np.setdiff1d(fc, fresh, assume_unique=True), opening)
        rest = float(feat.w[fc].sum()) - float(feat.w[repeated].sum())
        return float(feat.w[fresh].sum()) / rest if rest > 0 else 0.0

    def held(w: int, parts: list[int], side: int) -> float:
        """Share of the whole's weight found in the parts together."""
        Xw, Xp = (feat.Xo, feat.Xn) if side == 1 else (feat.Xn, feat.Xo)
        fw = feat._row_feats(Xw, [w])
        total = float(feat.w[fw].sum())
        got = np.intersect1d(fw, feat._row_feats(Xp, parts), assume_unique=True)
        return float(feat.w[got].sum()) / total if total > 0 else 0.0

    def elaborated(w: int, parts: list[int], c: int, side: int, c_in_whole: float) -> bool:
        """Whether free ``c`` is an elaborated split part (a condensed merge source): of a long
        whole (or continuing it under its verb, "Also …"), sharing more with it than with any
        other paragraph, it alone explains a share of the whole, a share of its own weight is
        found there and in no other part, and the group then holds nearly all of the whole."""
        if not P.join_elaborated_cover or c_in_whole < P.join_elaborated_containment:
            return False
        if (feat.I[w, c] < feat.I[:, c].max()) if side == 1 else (feat.I[c, w] < feat.I[c, :].max()):
            return False        # more of its words come from another paragraph: that one's part
        if whole_len(w, side) < P.join_cover_min_words and not same_verb(w, c, side):
            return False        # a one-liner's object found in another paragraph is no part
        cover, novelty = cover_gain(w, parts, c, side)
        return cover >= P.join_elaborated_cover and novelty >= P.join_novelty \
            and novelty * c_in_whole >= P.join_elaborated_own \
            and held(w, parts + [c], side) >= P.join_elaborated_total \
            and cover_gain(w, parts, c, side, past_lead=True)[0] >= P.join_elaborated_cover

    def gained(w: int, parts: list[int], c: int, side: int, c_in_whole: float) -> bool:
        """Whether free ``c`` is a part the whole gained (a merge source edited first, a split part
        edited after; see ``AlignParams.join_gained_*``): of a long whole (of a short one, under its
        leading verb and explaining ``join_cover`` of it alone), its words found there and in no part are a good share of its own
        weight and nearly all it shares with the whole, no
        other paragraph holds much more of it, and none gained as much of it (what a paragraph
        shares with ``c`` beyond what its own partners hold: a look-alike matched to its twin
        shares words with ``c`` but gained none)."""
        if not P.join_gained_own or c_in_whole < P.join_gained_own:
            return False
        if side == 1:
            size, row, Xc, Xr, owner = feat.size_n[c], feat.I[:, c], feat.Xn, feat.Xo, owner_old
        else:
            size, row, Xc, Xr, owner = feat.size_o[c], feat.I[c, :], feat.Xo, feat.Xn, owner_new
        if c_in_whole * size < P.join_gained_rival * float(np.max(row)):
            return False            # far more of it is found elsewhere: a look-alike of that one
        cover, novelty = cover_gain(w, parts, c, side)
        if novelty < P.join_gained_novelty or novelty * c_in_whole < P.join_gained_own:
            return False
        if whole_len(w, side) < P.join_cover_min_words and not (cover >= P.join_cover and same_lead(w, c, side)):
            return False        # of a one-liner, a part under its verb explaining a good share alone
                                # (not another one-liner that took up its object)
        fresh = novelty * c_in_whole * size
        if old_pars and new_pars:
            pw, pc, pp = (old_pars[w], new_pars[c], new_pars) if side == 1 else (new_pars[w], old_pars[c], old_pars)
            if not (_is_chapeau_of(pp, c, parts) or _item_of(pp, c, parts)) \
                    and len((_content(pc) & _content(pw)) - set().union(*(_content(pp[k]) for k in parts))) \
                    < P.join_gained_words:
                return False        # what it brings is a reference or a name, not a clause (the
                                    # chapeau of the group's list, "Welcomes cooperation so as to:", may)
        fc = feat._row_feats(Xc, [c])
        for r in np.nonzero(np.asarray(row) >= fresh * (1 - 1e-9))[0].tolist():
            if r == w:
                continue
            gr = owner.get(r)
            shared = np.intersect1d(fc, feat._row_feats(Xr, [r]), assume_unique=True)
            if gr is not None:
                shared = np.setdiff1d(shared, feat._row_feats(Xc, gr[1] if side == 1 else gr[0]),
                                      assume_unique=True)
            if float(feat.w[shared].sum()) >= fresh:
                return False        # another paragraph gained as much of it: no evidence for ours
        return True

    rest_seen: dict[tuple, bool] = {}
    rest_covered: dict[tuple, set[int]] = {}

    def seq(k: int, is_new: bool) -> list[int]:
        return feat._seqs[n + k if is_new else k].tolist()

    def rest_of(w: int, parts: list[int], c: int, side: int) -> bool:
        """Whether free ``c`` is the rest of whole ``w``: the whole's words (in runs of two or more)
        that the parts do not hold form a stretch of ``join_rest_words`` or more; ``c`` holds
        ``join_rest_fill`` of it, ``join_cover`` of the whole's weight (a part, not a phrase the
        whole lost that another paragraph also has, nor the theme's boilerplate); the group with
        it accounts for ``join_elaborated_total`` of the whole; and no other paragraph of the
        whole's side holds much more of ``c`` (``join_gained_rival``: a clause taken from another
        OP is that one's part).  A one-liner's rest is its object: only a part under its leading
        verb takes it (not another one-liner that took up « les travaux de la Conférence des
        Parties » it dropped).  What ``c`` adds of its own does not matter: the closing clause of
        OP4 made "Also welcomes assistance to victims …" and elaborated, or the half of a merged
        OP that its matched source lacks, is that part however it was reworded around it.  Nor,
        when ``c`` is nearly all (``join_rest_fill`` of its words) found there, do the whole's own
        edits elsewhere: an OP that took in another one ("…, and its resolution 57/235 …") and was
        amended besides still holds all of that source.  Word
        runs, not word sets (:func:`_tiled`): a phrase the whole repeats in both halves counts
        once for each, and a part that reordered the whole's clauses still holds them."""
        key = (w, tuple(parts), c, side)
        if key in rest_seen:
            return rest_seen[key]
        ok = False
        col = feat.I[:, c] if side == 1 else feat.I[c, :]
        if P.join_elaborated_cover and P.join_rest_fill <= 1 and float(col[w]) >= P.join_gained_rival * float(np.max(col)) \
                and (whole_len(w, side) >= P.join_cover_min_words or same_lead(w, c, side)):
            W = seq(w, side == 0)
            C = seq(c, side == 1)
            weight = feat.w[W]          # a word's own feature is its id (see _Features)
            shared = np.isin(W, C)      # a bound first: the whole's words that c has at all
            if int(shared.sum()) < P.join_rest_words \
                    or float(weight[shared].sum()) < P.join_cover * float(weight.sum()):
                rest_seen[key] = False
                return False
            ck = (w, tuple(parts), side)
            covered = rest_covered.get(ck)
            if covered is None:         # what the parts hold of the whole: once per group state
                covered = set()
                for q in parts:
                    covered |= _tiled(W, seq(q, side == 1), covered)
                rest_covered[ck] = covered
            left = len(W) - len(covered)
            free = shared.copy()
            free[list(covered)] = False
            bound = int(free.sum())     # c can hold no more of the rest than these words
            if left >= P.join_rest_words and bound >= P.join_rest_words \
                    and bound >= P.join_rest_fill * min(left, len(C)) \
                    and float(weight[free].sum()) >= P.join_cover * float(weight.sum()):
                held_at = sorted(_tiled(W, C, covered))
                got = len(held_at)
                fills = got >= P.join_rest_fill * left and len(W) - left + got >= P.join_elaborated_total * len(W)
                ok = got >= P.join_rest_words and (fills or got >= P.join_rest_fill * len(C)) \
                    and float(weight[held_at].sum()) >= P.join_cover * float(weight.sum())
        rest_seen[key] = ok
        return ok

    def taken_across(w: int, c: int, side: int, other) -> bool:
        """Whether ``c``, far from its group in the other part (PP↔OP), was plainly taken from
        whole ``w``: free, nearly all its weight found there (``join_cross_containment``) and no
        other paragraph of the whole's side holding as much of it.  A clause of an OP made a
        preambular paragraph (« et invite les États … » → « Invitant les États … ») keeps its
        words; a paragraph of the other part that only shares the theme's boilerplate does not.
        Splits only: a deleted PP whose words an OP merge took up in part ("Taking note of the
        adoption of the Protocol of 2014 …" beside "Takes note of the adoption of …") would push
        out a true source of the merge."""
        if other is not None or side != 1:
            return False
        if side == 1:
            inter, col, size = feat.I[w, c], feat.I[:, c], feat.size_n[c]
        else:
            inter, col, size = feat.I[c, w], feat.I[c, :], feat.size_o[c]
        return size > 0 and inter >= P.join_cross_containment * size and inter >= float(np.max(col))

    def heads_partners_list(c: int, partner: int, side: int) -> bool:
        """Whether chapeau ``c`` (of the parts' side) heads a list most of whose items went to
        items of ``partner``'s list: "Calls upon Member States:" over (a)–(d), matched to "Calls
        upon Memebr States:" over the same (a)–(d), is that chapeau with a typo, whatever OP
        elsewhere now holds its words more fully ("Calls upon Member States to develop …")."""
        items = kin[side].get(c)
        pars, others = (new_pars, old_pars) if side == 1 else (old_pars, new_pars)
        if not items or not pars or pars[c].level != 0:
            return False
        owner = owner_new if side == 1 else owner_old
        head_id = others[partner].id
        hits = 0
        for k in items:
            h = owner.get(k)
            w = None if h is None else (h[0] if side == 1 else h[1])
            if w is not None and len(w) == 1 and others[w[0]].parent == head_id:
                hits += 1
        return 2 * hits > len(items)

    def kin_of(pars: Sequence[Paragraph]) -> dict[int, list[int]]:
        """Position → positions of the same list: an item's chapeau and sibling items, a
        chapeau's items (empty for a paragraph outside any list)."""
        at = {p.id: k for k, p in enumerate(pars)}
        items: dict[int, list[int]] = {}
        for k, p in enumerate(pars):
            if p.level > 0 and p.parent in at:
                items.setdefault(at[p.parent], []).append(k)
        out: dict[int, list[int]] = {}
        for head, its in items.items():
            out[head] = its
            for k in its:
                out[k] = [head] + [x for x in its if x != k]
        return out

    kin = (kin_of(old_pars), kin_of(new_pars))

    def with_its_list(g: list[list[int]], c: int, side: int, c_in_whole: float) -> bool:
        """Whether ``c`` belongs with its own list rather than with group ``g``: a chapeau or a
        list item whose list (its chapeau, a sibling, an item) is in another group with one whole,
        which holds as much of ``c`` as ``g``'s whole does.  "Encourages Member States:" over
        (a)–(b), folded into "Encourages Member States to …", goes with its list, not with the OP
        before it whose verb changed to "Encourages Member States to …" (both hold all of it)."""
        fam = kin[side].get(c)
        if not fam:
            return False
        owner = owner_new if side == 1 else owner_old
        csize = feat.size_n[c] if side == 1 else feat.size_o[c]
        mine = [k for k in fam if owner.get(k) is g]
        pars = new_pars if side == 1 else old_pars
        head = pars[c].level == 0       # a chapeau (else an item: its kin are its chapeau and siblings)
        gw = (g[0] if side == 1 else g[1])[0]
        if head and all(owner.get(k) is not None for k in fam):
            # a list gathered from OPs that each found their partner: its chapeau is no part of
            # a group that holds none of its items ("Engage les gouvernements :" over items from
            # OP3, OP7 and OP9, beside OP4 « Engage les gouvernements à mener … », now « Exhorte
            # … »), nor, when an earlier item went elsewhere, of one whose verb it does not carry
            if not mine or (min(fam) not in mine and not same_lead(gw, c, side)):
                return True
        for k in fam:
            h = owner.get(k)
            if h is None or h is g:
                continue
            hw = h[0] if side == 1 else h[1]
            if len(hw) != 1 or hw == (g[0] if side == 1 else g[1]):
                continue
            c_in_home = (feat.I[hw[0], c] if side == 1 else feat.I[c, hw[0]]) / csize if csize > 0 else 0.0
            first_here = bool(mine) and min(mine) < k
            if head and first_here and c_in_whole >= P.join_containment:
                continue        # an earlier item of its list is here: the chapeau's place goes with it
            if head and not first_here and carries(c, hw[0], side) and not carries(c, gw, side):
                return True     # an earlier item's OP carries its verb on (see carried_on)
            if c_in_home >= c_in_whole * (1 - 1e-9):
                return True
        return False

    def try_side(g: list[list[int]], side: int) -> bool:
        whole, parts = (g[0], g[1]) if side == 1 else (g[1], g[0])
        if len(whole) != 1:
            return False
        size = m if side == 1 else n
        owner = owner_new if side == 1 else owner_old
        reach = P.scattered_window if P.scattered_groups else P.join_window
        lo, hi = max(min(parts) - reach, 0), min(max(parts) + reach, size - 1) + 1
        best = None
        floor = min(P.join_containment, P.join_evidence_containment)
        cands = near(whole[0], lo, hi, side, min(floor, P.join_elaborated_containment))
        if not cands:
            return False
        pars = new_pars if side == 1 else old_pars
        long_whole: Optional[bool] = None
        base: Optional[float] = None
        for c in cands:
            if c in parts:
                continue
            other = owner.get(c)
            if other is not None and (len(other[0]) != 1 or len(other[1]) != 1):
                continue
            if pars and pars[c].kind != pars[parts[0]].kind and min(abs(c - q) for q in parts) > P.join_window \
                    and not taken_across(whole[0], c, side, other):
                continue        # a part far from its group stays on its side of PP/OP
            if side == 1:
                csize = feat.size_n[c]
                c_in_whole = feat.I[whole[0], c] / csize if csize > 0 else 0.0
            else:
                csize = feat.size_o[c]
                c_in_whole = feat.I[c, whole[0]] / csize if csize > 0 else 0.0
            if pars and with_its_list(g, c, side, c_in_whole):
                continue        # its list went elsewhere: it goes with it
            if c_in_whole < floor:
                # an elaborated part: free, alone explaining a good share of the whole, and the
                # group with it holding nearly all of the whole; or a part the whole gained
                if other is None and (elaborated(whole[0], parts, c, side, c_in_whole)
                                      or gained(whole[0], parts, c, side, c_in_whole)
                                      or rest_of(whole[0], parts, c, side)):
                    if base is None:
                        base = feat.group_sim(g[0], g[1])[0]
                    gain = (feat.group_sim(whole, sorted(parts + [c]))[0] if side == 1
                            else feat.group_sim(sorted(parts + [c]), whole)[0]) - base
                    if best is None or gain > best[0]:
                        best = (gain, c, None)
                continue
            if c_in_whole < P.join_containment:
                # only the cover route takes a part this weakly contained: free, long whole
                if other is not None:
                    continue
                if long_whole is None:
                    long_whole = whole_len(whole[0], side) >= P.join_cover_min_words
                if not long_whole and not same_verb(whole[0], c, side) and not _item_of(pars, c, parts) \
                        and not _heads_list_of(pars, c, parts) and not gained(whole[0], parts, c, side, c_in_whole) \
                        and not rest_of(whole[0], parts, c, side):
                    continue        # (a part the short whole gained explains a share of it alone)
            list_head = False
            if other is not None:
                partner = other[0][0] if side == 1 else other[1][0]
                if heads_partners_list(c, partner, side):
                    continue        # a chapeau paired with the chapeau its list went to stays with it
                c_in_partner = (feat.I[partner, c] if side == 1 else feat.I[c, partner]) / csize
                s_whole, s_partner = (S[whole[0], c], S[partner, c]) if side == 1 else (S[c, whole[0]], S[c, partner])
                if s_partner < s_whole:     # held by a partner less like it than the whole is
                    need, margin = P.join_steal_weaker_containment, P.join_steal_weaker_margin
                else:
                    need, margin = P.join_steal_containment, P.join_steal_margin
                # the chapeau of the group's whole list, held by a partner it is not like (a
                # long paragraph whose opening it repeats: « Exhorte les États Membres qui ne
                # l'ont pas encore fait : » over (a)–(b) split off OP1, beside OP2 « Exhorte
                # également les États Membres qui ne l'ont pas encore fait à … »): at least as
                # contained in the whole, it goes with its list; so does one held by another chapeau
                # (its look-alike) whose list came from elsewhere: « Exhorte les États Membres … à : »
                # over (a)–(d) folded into OP1, beside OP2 unfolded into « Exhorte également les États
                # Membres … à : » over new items — each chapeau goes with its own list
                list_head = bool(pars) and c_in_whole >= P.join_containment and c_in_whole >= c_in_partner \
                    and _heads_list_of(pars, c, parts) \
                    and (s_partner < P.anchor_min or bool(kin[1 - side].get(partner)))
                if not list_head and (c_in_whole < need or c_in_whole < c_in_partner + margin):
                    continue
            if base is None:
                base = feat.group_sim(g[0], g[1])[0]
            new_parts = sorted(parts + [c])
            s2 = feat.group_sim(whole, new_parts)[0] if side == 1 else feat.group_sim(new_parts, whole)[0]
            gain = s2 - base
            ok = False
            if c_in_whole >= P.join_containment and gain >= P.join_gain:
                ok = gain >= P.join_gain_sure or cover_gain(whole[0], parts, c, side)[1] >= P.join_novelty \
                    or (same_verb(whole[0], c, side) and continued_novelty(whole[0], parts, c, side) >= P.join_novelty)
            if not ok and other is None and c_in_whole >= P.join_containment and pars \
                    and _is_chapeau_of(pars, c, parts):
                ok = gain >= -P.chapeau_loss
            if not ok and (other is None or list_head) and c_in_whole >= P.join_evidence_containment \
                    and _heads_list_of(pars, c, parts):
                # the chapeau of a list folded whole into the group: the structure is the evidence,
                # its verb may have changed with the fold ("Encourages Member States:" + (a)–(b) →
                # "Calls upon Member States to …, and to …")
                ok = gain >= -P.chapeau_loss
            if not ok and other is None:
                if long_whole is None:
                    long_whole = whole_len(whole[0], side) >= P.join_cover_min_words
                if long_whole or same_verb(whole[0], c, side):
                    cover, novelty = cover_gain(whole[0], parts, c, side)
                    ok = cover >= P.join_cover and novelty >= P.join_novelty
            if not ok and other is None and pars and _item_of(pars, c, parts):
                # an item of the list whose chapeau is in the group came with the list: some
                # evidence (join_evidence_containment) and words of the whole the others lack
                cover, novelty = cover_gain(whole[0], parts, c, side)
                ok = c_in_whole >= P.join_evidence_containment and cover > 0 and novelty >= P.join_novelty
            if not ok and other is None:
                ok = elaborated(whole[0], parts, c, side, c_in_whole) \
                    or gained(whole[0], parts, c, side, c_in_whole) or rest_of(whole[0], parts, c, side)
            if ok and (best is None or gain > best[0]):
                best = (gain, c, other)
        if best is None:
            return False
        _, c, other = best
        if other is not None:
            alive.discard(id(other))
            owner_new.pop(other[1][0], None)
            owner_old.pop(other[0][0], None)
        parts.append(c)
        parts.sort()
        owner[c] = g
        return True

    def carried_on(side: int) -> None:
        """A chapeau left on its own joins the group of its list's first item when its list was
        promoted whole: every item went to a paragraph of its own under the chapeau's verb, the
        first item's carries the chapeau on (:func:`carries`) and the others continue it ("Also",
        "Further"): "Encourages Governments:" over
        (a)–(b) → "Encourages Member States to (a) …" and "Also encourages Governments to (b) …".
        The chapeau's only content word may be the addressee the first changed, so no share of
        words can show it; its verb and its place do.  OPs of various verbs gathered under a new
        chapeau leave it new."""
        pars = new_pars if side == 1 else old_pars
        others = old_pars if side == 1 else new_pars
        owner = owner_new if side == 1 else owner_old
        for c, fam in kin[side].items():
            if pars[c].level != 0 or c in owner or not all(k in owner and id(owner[k]) in alive for k in fam):
                continue
            wholes = [(owner[k][0] if side == 1 else owner[k][1]) for k in fam]
            if any(len(w) != 1 or others[w[0]].level != 0 or not others[w[0]].leading
                   or not _same_verb(pars[c], others[w[0]]) for w in wholes) or not carries(c, wholes[0][0], side) \
                    or any(not _also(pars[c], others[w[0]]) for w in wholes[1:]):
                continue
            g = owner[fam[0]]
            parts = g[1] if side == 1 else g[0]
            parts.append(c)
            parts.sort()
            owner[c] = g

    changed = True
    rounds = 0
    while changed and rounds < 50:
        changed = False
        rounds += 1
        for g in list(groups):
            if id(g) not in alive:
                continue
            while try_side(g, 1):
                changed = True
            while try_side(g, 0):
                changed = True
    for side in (1, 0):
        carried_on(side)
    groups = sorted((g for g in groups if id(g) in alive), key=lambda g: g[0][0])
    return [g[0] for g in groups], [g[1] for g in groups]


def _tiled(a: list[int], b: list[int], taken: set[int] = frozenset(), min_run: int = 2,
           passes: int = 8) -> set[int]:
    """Positions of word sequence ``a`` (outside ``taken``) that ``b`` holds in runs of
    ``min_run`` or more words, in any order: the longest common runs first, each word of either
    side used once, pass after pass (a paragraph whose clauses were reordered still holds them;
    a phrase ``a`` has twice is held twice only if ``b`` has it twice)."""
    from difflib import SequenceMatcher

    a = [None if k in taken else x for k, x in enumerate(a)]
    b = list(b)
    got: set[int] = set()
    for _ in range(passes):
        found = False
        for blk in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
            if blk.size >= min_run:
                found = True
                for k in range(blk.size):
                    got.add(blk.a + k)
                    a[blk.a + k] = None
                    b[blk.b + k] = -1 - k - blk.b       # never equal to a word id again
        if not found:
            break
    return got


def _item_of(pars: Sequence[Paragraph], c: int, parts: list[int]) -> bool:
    """Whether paragraph ``c`` is an item of a list whose chapeau is one of ``parts``: an OP that
    became "Underlines the need to:" over (a)–(d) brings all its items, the last one elaborated
    too (or, merging, a list folded into one OP takes all its items)."""
    return bool(pars) and pars[c].level > 0 and any(pars[k].id == pars[c].parent for k in parts)


def _heads_list_of(pars: Sequence[Paragraph], c: int, parts: list[int]) -> bool:
    """Whether paragraph ``c`` is the chapeau of a list of two or more items that are all among
    ``parts``: a list folded whole into one paragraph (or one paragraph unfolded into it)."""
    if not pars or pars[c].level != 0:
        return False
    items = [k for k in range(c + 1, len(pars)) if pars[k].parent == pars[c].id]
    return len(items) >= 2 and all(k in parts for k in items)


def _is_chapeau_of(pars: Sequence[Paragraph], c: int, parts: list[int]) -> bool:
    """Whether paragraph ``c`` opens a list (its sub-paragraphs) of which ``parts`` hold one:
    "Calls upon Member States:" over (a)–(c).  Its words are boilerplate, so the group gains
    little by it, but it is the OP the list came from (or goes to)."""
    pid = pars[c].id
    return pars[c].level == 0 and any(pars[k].parent == pid for k in parts)


# ----------------------------------------------------------------------------- scope

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


# ----------------------------------------------------------------------------- public

def align(old: Document, new: Document, options: Optional[CompareOptions] = None,
          params: AlignParams = DEFAULT_PARAMS, large_pairs: int = LARGE_PAIRS) -> list[AlignedGroup]:
    """Align the paragraphs of two versions; every paragraph is in exactly one group.

    Groups come in no particular order (``classify`` orders them); within a
    group, ids are in document order.  From ``large_pairs`` old × new pairs on, the similarity
    is read entry by entry (:func:`_large_scores`): the same groups, in time and memory that
    grow with the paragraphs that changed rather than with old × new.
    """
    options = options or CompareOptions()
    P = params
    op, np_ = old.paragraphs, new.paragraphs
    n, m = len(op), len(np_)
    feat = _Features([p.text for p in op], [p.text for p in np_])
    scores = _large_scores(feat, P) if n and m and n * m >= large_pairs else None
    S: "np.ndarray | _Entries"
    if scores is not None:
        S = scores.S
        feat.I = scores.I           # what _joins and _unrivalled read of the shared weight
    else:
        S = similarity_matrix(feat) if n and m else np.zeros((n, m))
    frag_old, frag_new = _is_fragment(old, new, options, P)
    matched = _match(op, np_, S, P, excerpt=frag_old or frag_new, feat=feat)
    if not (frag_old or frag_new):      # in an excerpt the true partner may lie outside it
        _second_chance(S, matched, op, np_, P)
        _leftover_words(feat, matched, op, np_, P, S)
    if scores is not None:                  # what _replacements reads of every match, at once
        scores.prefetch(list(matched), list(matched.values()))
    for i in _replacements(feat, S, matched, op, np_, P):
        del matched[i]
    _chapeaux_by_items(matched, op, np_)
    if scores is not None and matched:      # the entries the joins read around each match, at once
        pairs = sorted(matched.items())
        scores.band([i for i, _ in pairs], [j for _, j in pairs],
                    P.scattered_window if P.scattered_groups else P.join_window)
    g_old, g_new = _joins(feat, S, matched, n, m, P, op, np_)
    if not P.scattered_groups:
        g_old, g_new = _contiguous(g_old, g_new)
    else:
        g_old, g_new = _fill_free_gaps(g_old, op), _fill_free_gaps(g_new, np_)
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
    oos_old: set[int] = set()
    oos_new: set[int] = set()
    if frag_old or frag_new:
        bounds = _bounds(g_old, g_new, [g.similarity for g in groups])
    if frag_new:
        o2n = {}
        for k in bounds:
            for i in g_old[k]:
                o2n[i] = g_new[k]
        oos_old = _out_of_scope(un_old, o2n, new.gaps, m, bounded=bool(new.gaps))
    if frag_old:
        n2o = {}
        for k in bounds:
            for j in g_new[k]:
                n2o[j] = g_old[k]
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


def is_fragment_comparison(old: Document, new: Document, options: Optional[CompareOptions] = None) -> bool:
    """Whether fragment mode applies to this pair of documents."""
    fo, fn = _is_fragment(old, new, options or CompareOptions())
    return fo or fn
