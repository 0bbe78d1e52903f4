"""Cross-language paragraph concordance: which paragraph of a version in one UN
language is which paragraph of a version in another.

Words cannot be compared across languages, so :mod:`compare.align` (shared
words) finds nothing and a comparison would call every paragraph deleted.  The
concordance answers the same question — the same :class:`~compare.align.AlignedGroup`
list, so matched, inserted, deleted, moved, split, merged and renumbered keep
their meaning — from evidence that survives translation:

1. **Meaning.**  Cosine similarity of multilingual sentence embeddings
   (:mod:`compare.embed`, loaded lazily: importing this module costs nothing).
2. **Numbers and citations** ("61/180", "2008/33", "1930", "No. 29", dates),
   read from the paragraph and from the footnotes it cites: written the same
   in every language.  Shared ones add up to :data:`NUMBER_BONUS`; two
   paragraphs that both cite resolutions (``n/n``) but none in common pay
   :data:`CITATION_CLASH` — a tie-break between rivals, never a veto: updating
   the cited resolution is the commonest edit in a renegotiation.
3. **Structure.**  PP↔OP matches pay :data:`CROSS_KIND_PENALTY` (as in
   ``align``: 61/180 OP1 "Recognizes that broad international cooperation…"
   goes to the draft's OP3, not to PP7, its preambular twin); a sub-paragraph
   matched with a top-level one pays :data:`LEVEL_PENALTY`; sub-paragraphs whose
   parents match get :data:`PARENT_BONUS`, and :data:`LABEL_BONUS` more when they
   carry the same letter — "(c)" is "c)" in every language, even when an excerpt
   cut one of them after a few words.
4. **Order and length** (what a Gale–Church aligner uses alone): unambiguous
   mutual best matches are anchors; a match that keeps its place between them
   gets :data:`ORDER_BONUS`, one at the same relative position a tie-break;
   translations keep their length within a factor, so a length ratio far from
   the language pair's usual one costs up to :data:`LENGTH_PENALTY` (not for a
   paragraph cut by an excerpt gap).

The anchors are links; one optimal assignment over the combined score makes
the other one-to-one links (score ≥ :data:`THRESHOLD`).  A link under
:data:`EQUIVALENT_MIN` (shown "uncertain") claims no move: it is kept only in
its place among the sure links and the other weak ones, unless its paragraphs
are each other's best counterpart and cite the same number (:func:`_in_order`).  A
free neighbour joins a link as a split or merge part when the embedding of the
joined texts is clearly closer to the other side than the single paragraph was,
no excerpt cut hides the whole, and the parts stay about as long as the whole
(:func:`_may_join`).  Fragments are scoped as in ``align``: paragraphs an
excerpt does not cover are ``out_of_scope``, not deleted.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Optional, Sequence

import numpy as np
from compare.assignment import max_assignment

from compare.align import AlignedGroup
from compare.align.fragments import _is_fragment, _out_of_scope
from compare.model import CompareOptions, Document, Paragraph
from compare.sequences import longest_increasing_subsequence, steadiest_increasing_subsequence


@dataclass(frozen=True)
class ConcordanceParams:
    """The concordance's tuning, in one place (``bench/bench_concordance.py`` measures it)."""

    threshold: float = 0.50          # combined score of a one-to-one link
    min_cosine: float = 0.35         # ... and the embeddings must agree at least this much
    anchor_min: float = 0.60         # anchors: mutual best with this cosine ...
    anchor_margin: float = 0.10      # ... and this margin over every rival
    number_bonus: float = 0.12
    citation_clash: float = 0.06
    cross_kind_penalty: float = 0.12
    level_penalty: float = 0.06
    parent_bonus: float = 0.05
    label_bonus: float = 0.12        # same sub-paragraph letter ((c) ↔ c)) under matching parents
    order_bonus: float = 0.05
    position_tie: float = 0.02
    length_penalty: float = 0.06
    join_gain: float = 0.03          # a split/merge part must raise the group's cosine this much
    join_min_cosine: float = 0.30    # ... and be related to the whole on its own


PARAMS = ConcordanceParams()
THRESHOLD = PARAMS.threshold
NUMBER_BONUS = PARAMS.number_bonus
CITATION_CLASH = PARAMS.citation_clash
CROSS_KIND_PENALTY = PARAMS.cross_kind_penalty
LEVEL_PENALTY = PARAMS.level_penalty
PARENT_BONUS = PARAMS.parent_bonus
LABEL_BONUS = PARAMS.label_bonus
ORDER_BONUS = PARAMS.order_bonus
LENGTH_PENALTY = PARAMS.length_penalty

#: below this cosine a paragraph has no close equivalent (translations score 0.7–0.9): a link this
#: weak is shown "uncertain" (``compare.classify``) and claims no move (:func:`_in_order`)
EQUIVALENT_MIN = 0.6

#: usual length of a text in one language relative to English (UN translations)
LENGTH_FACTOR = {"en": 1.0, "fr": 1.15, "es": 1.12, "ru": 1.10, "ar": 0.95, "zh": 0.32}

#: translations keep their length within this factor for free (beyond it, evidence against a link)
LENGTH_FREE = 1.3

_NUMBER = re.compile(r"\d+(?:[/.]\d+)*")


# ----------------------------------------------------------------------------- evidence

def numbers(text: str) -> frozenset[str]:
    """Numbers and citations of a text, written the same in every language
    ("61/180", "2008/33", "1930", "29"); "1" to "9" alone say too little."""
    return frozenset(n for n in _NUMBER.findall(text) if len(n) > 1 or "/" in n)


def _paragraph_numbers(doc: Document) -> list[frozenset[str]]:
    notes = {f.number: f.text for f in doc.footnotes}
    out = []
    for p in doc.paragraphs:
        extra = " ".join(notes.get(r.number, "") for r in p.footnote_refs)
        out.append(numbers(p.text) | numbers(extra))
    return out


def _citation_clash(a: Sequence[frozenset[str]], b: Sequence[frozenset[str]]) -> np.ndarray:
    """Where both paragraphs cite resolutions (``n/n``) and share no number at all."""
    out = np.zeros((len(a), len(b)), dtype=bool)
    for i, x in enumerate(a):
        if not any("/" in n for n in x):
            continue
        for j, y in enumerate(b):
            out[i, j] = not (x & y) and any("/" in n for n in y)
    return out


def _number_score(a: Sequence[frozenset[str]], b: Sequence[frozenset[str]], params: ConcordanceParams) -> np.ndarray:
    out = np.zeros((len(a), len(b)))
    for i, x in enumerate(a):
        if not x:
            continue
        for j, y in enumerate(b):
            shared = len(x & y)
            if shared:
                out[i, j] = params.number_bonus * shared / max(len(x), len(y))
    return out - params.citation_clash * _citation_clash(a, b)


def _truncated(doc: Document) -> np.ndarray:
    """Paragraphs an excerpt gap may have cut (right before or after a gap)."""
    n = len(doc.paragraphs)
    cut = np.zeros(n, dtype=bool)
    for g in doc.gaps:
        if 0 <= g - 1 < n:
            cut[g - 1] = True
        if 0 <= g < n:
            cut[g] = True
    return cut


def _lengths(doc: Document) -> np.ndarray:
    """Paragraph lengths in characters of English (÷ :data:`LENGTH_FACTOR`)."""
    f = LENGTH_FACTOR.get(doc.meta.language or "", 1.0)
    return np.array([max(len(p.text), 1) / f for p in doc.paragraphs], dtype=float)


def _length_score(old: Document, new: Document, params: ConcordanceParams) -> np.ndarray:
    lo, ln = _lengths(old), _lengths(new)
    ratio = np.abs(np.log(lo[:, None] / ln[None, :]))
    # within ±30 % is free; a factor of 3 costs the whole penalty
    pen = params.length_penalty * np.clip((ratio - math.log(LENGTH_FREE)) / (math.log(3) - math.log(LENGTH_FREE)), 0, 1)
    pen[_truncated(old), :] = 0.0
    pen[:, _truncated(new)] = 0.0
    return -pen


def _structure_score(op: list[Paragraph], np_: list[Paragraph], cos: np.ndarray,
                     params: ConcordanceParams) -> np.ndarray:
    ko = np.array([p.kind for p in op])
    kn = np.array([p.kind for p in np_])
    cross = (ko[:, None] != kn[None, :]) & (ko[:, None] != "P") & (kn[None, :] != "P")
    out = -params.cross_kind_penalty * cross
    lvo = np.array([p.level > 0 for p in op])
    lvn = np.array([p.level > 0 for p in np_])
    out = out - params.level_penalty * (lvo[:, None] != lvn[None, :])
    if lvo.any() and lvn.any():
        oid = {p.id: k for k, p in enumerate(op)}
        nid = {p.id: k for k, p in enumerate(np_)}
        po = np.array([oid.get(p.parent or "", -1) for p in op])
        pn = np.array([nid.get(p.parent or "", -1) for p in np_])
        ok = (po[:, None] >= 0) & (pn[None, :] >= 0)
        if ok.any():
            pc = cos[np.clip(po, 0, None)][:, np.clip(pn, 0, None)]
            parents = ok & (pc >= params.anchor_min)
            out = out + params.parent_bonus * parents
            # a letter or roman numeral is the same in every language: (c) is c)
            lo_ = np.array([p.number.lower() if p.level > 0 else "" for p in op])
            ln_ = np.array([p.number.lower() if p.level > 0 else "\0" for p in np_])
            out = out + params.label_bonus * (parents & (lo_[:, None] == ln_[None, :]))
    return out


# ----------------------------------------------------------------------------- assignment

def _anchors(cos: np.ndarray, params: ConcordanceParams) -> list[tuple[int, int]]:
    n, m = cos.shape
    rbest = cos.argmax(axis=1)
    cbest = cos.argmax(axis=0)
    best = cos[np.arange(n), rbest]
    r2 = np.partition(cos, m - 2, axis=1)[:, m - 2] if m > 1 else np.full(n, -1.0)
    c2 = np.partition(cos, n - 2, axis=0)[n - 2, :] if n > 1 else np.full(m, -1.0)
    ok = (best >= params.anchor_min) & (cbest[rbest] == np.arange(n))
    ok &= (r2 <= best - params.anchor_margin) & (c2[rbest] <= best - params.anchor_margin)
    out = [(int(i), int(rbest[i])) for i in np.nonzero(ok)[0]]
    keep = longest_increasing_subsequence([j for _, j in out])
    return [out[k] for k in keep]


def _order_score(anchors: list[tuple[int, int]], n: int, m: int, params: ConcordanceParams) -> np.ndarray:
    """Order bonus inside the window the surrounding anchors leave, plus a
    relative-position tie-break."""
    rel_o = (np.arange(n) + 0.5) / n
    rel_n = (np.arange(m) + 0.5) / m
    out = params.position_tie * (1.0 - np.abs(rel_o[:, None] - rel_n[None, :]))
    if anchors:
        a = sorted(anchors)
        ai = np.array([p[0] for p in a])
        aj = np.array([p[1] for p in a])
        idx = np.arange(n)
        k = np.searchsorted(ai, idx, side="left") - 1
        lo = np.where(k >= 0, aj[np.clip(k, 0, len(a) - 1)], -1)
        k2 = np.searchsorted(ai, idx, side="right")
        hi = np.where(k2 < len(a), aj[np.clip(k2, 0, len(a) - 1)], m)
        cols = np.arange(m)
        inside = (cols[None, :] > lo[:, None]) & (cols[None, :] < hi[:, None])
        out = out + params.order_bonus * inside
    else:
        out = out + params.order_bonus * 0.5
    return out


def score_matrix(old: Document, new: Document, cos: np.ndarray,
                 params: ConcordanceParams = PARAMS) -> np.ndarray:
    """Combined old × new score: embedding cosine plus the language-independent evidence."""
    n, m = cos.shape
    if n == 0 or m == 0:
        return cos.copy()
    score = cos.astype(float).copy()
    score += _number_score(_paragraph_numbers(old), _paragraph_numbers(new), params)
    score += _structure_score(old.paragraphs, new.paragraphs, cos, params)
    score += _length_score(old, new, params)
    score += _order_score(_anchors(cos, params), n, m, params)
    return score


def _assign(cos: np.ndarray, score: np.ndarray, params: ConcordanceParams,
            clash: Optional[np.ndarray] = None, anchors: Sequence[tuple[int, int]] = ()) -> dict[int, int]:
    """One-to-one links of combined score ≥ threshold: the ``anchors`` first, then one optimal
    assignment of the rest — a sum of scores would otherwise trade an unambiguous translation
    (61/180 PP3 ↔ 78/228 fr PP?2, 0.83) for two weak links that add up to more.

    A citation clash (``clash``: both cite resolutions, none in common) lowers a link's gain,
    so it still decides between rivals, but it does not bar a link the rest of the evidence
    supports: updating the cited resolution ("2006/27" → "2008/33", "58/137" → "61/180") is
    the commonest edit in a renegotiation."""
    if cos.size == 0:
        return {}
    support = score if clash is None else score + params.citation_clash * clash
    gain = np.where((support >= params.threshold) & (cos >= params.min_cosine), score, 0.0)
    fixed = {i: j for i, j in anchors if gain[i, j] > 0}
    rest = gain.copy()
    rest[list(fixed), :] = 0.0
    rest[:, list(fixed.values())] = 0.0
    r, c = max_assignment(rest)
    return {**fixed, **{int(a): int(b) for a, b in zip(r, c) if rest[a, b] > 0}}


def _mutual_best(score: np.ndarray, i: int, j: int) -> bool:
    """Whether each of the two paragraphs is the other's best counterpart."""
    return bool(score[i, j] >= score[i].max() and score[i, j] >= score[:, j].max())


def _in_order(matched: dict[int, int], cos: np.ndarray, score: np.ndarray, shared: np.ndarray,
              sure: float) -> dict[int, int]:
    """The links, less the weak ones that would claim a move.

    A link whose cosine is under ``sure`` is shown "uncertain"; a move claimed from it would
    mislead twice (61/180 PP?9 → Rev.1 PP7 made PP?10 → PP6 look moved).  The sure links set
    the order: their steadiest increasing run is the frame (a sure link outside it is a move
    on strong evidence).  A weak link must keep its place between the frame links around it,
    and the weak links keep their order among themselves, except one whose paragraphs are each
    other's best counterpart and cite the same number (``shared``), written alike in every
    language: the 2006 draft's PP1 (resolution 55/25, the Convention) is Rev.1's PP3, after
    the recalled resolutions.  Other weak links out of order are dropped: their paragraphs come
    out unpaired, not moved."""
    links = sorted(matched.items())
    strong = [(i, j) for i, j in links if cos[i, j] >= sure]
    frame = [strong[k] for k in steadiest_increasing_subsequence([j for _, j in strong])]
    fi = [i for i, _ in frame]

    def fits(i: int, j: int) -> bool:
        k = bisect_left(fi, i)
        lo = frame[k - 1][1] if k > 0 else -1
        hi = frame[k][1] if k < len(frame) else cos.shape[1]
        return lo < j < hi

    weak = [(i, j) for i, j in links if cos[i, j] < sure and fits(i, j)]
    cited = [(i, j) for i, j in weak if shared[i, j] and _mutual_best(score, i, j)]
    rest = [(i, j) for i, j in weak if (i, j) not in cited]
    rest = [rest[k] for k in steadiest_increasing_subsequence([j for _, j in rest])]
    return dict(strong + cited + rest)


# ----------------------------------------------------------------------------- splits & merges

@dataclass(frozen=True)
class _Side:
    """What the joins need to know of one version."""

    texts: list[str]
    length: np.ndarray        # :func:`_lengths`
    cut: np.ndarray           # paragraph right before or after an excerpt gap
    gaps: frozenset[int]      # a gap at g lies right before paragraph g

    @staticmethod
    def of(doc: Document) -> "_Side":
        return _Side([p.text for p in doc.paragraphs], _lengths(doc), _truncated(doc), frozenset(doc.gaps))


def _may_join(whole: list[int], parts: list[int], c: int, wside: _Side, pside: _Side) -> bool:
    """Whether paragraph ``c`` may become one more part of a split (or merge) of ``whole``.

    A joined text's embedding drifts closer to almost anything on the same subject, so the gain
    alone is weak evidence across languages; two facts a reader can check bound it.  Excerpt
    cuts: a whole cut by a gap is never split — what its missing text held is unknown, so
    neither meaning nor length can show a part of it (70/179 es PP?3 lies beyond 78/228 fr
    PP?3's cut "…relatif à") — and parts are neighbours in the text, not across a gap.
    Length: a split shares the whole's text between its parts, so the parts together are not
    much longer than the whole (a translation keeps its length within :data:`LENGTH_FREE`): a
    paragraph that would make them so is a paragraph of its own beside it (the 2006 draft's
    PP1 is Rev.1 PP3, already longer; Rev.1 PP2, ECOSOC 2008/33, and PP4, the Conference of the
    Parties, are not parts of it)."""
    if wside.cut[whole].any():
        return False
    if (c > max(parts) and c in pside.gaps) or (c < min(parts) and min(parts) in pside.gaps):
        return False
    lw = float(wside.length[whole].sum())
    before = abs(math.log(float(pside.length[parts].sum()) / lw))
    after = abs(math.log(float(pside.length[parts + [c]].sum()) / lw))
    return after <= max(math.log(LENGTH_FREE), before)


def _joins(old: _Side, new: _Side, cos: np.ndarray, matched: dict[int, int],
           params: ConcordanceParams) -> list[tuple[list[int], list[int], float]]:
    """Groups (old indices, new indices, cosine) after absorbing free neighbours
    whose joined text is clearly closer to the other side (splits and merges),
    within what :func:`_may_join` allows.

    Each round embeds every candidate join of every group in one batch (the
    encoder is several times faster on a batch), then applies the best gain per
    group, best first, each free paragraph to one group; rounds repeat so a
    split in three parts grows one part at a time."""
    from compare.embed import embed

    free = {0: set(range(len(old.texts))) - set(matched), 1: set(range(len(new.texts))) - set(matched.values())}
    sides = {0: old, 1: new}
    groups = [[[i], [j], float(cos[i, j])] for i, j in sorted(matched.items())]
    for _ in range(8):
        cands: list[tuple[int, int, int, str, str]] = []     # group, side, paragraph, whole, joined
        for g, (go, gn, _) in enumerate(groups):
            # a group grows on one side only: a split (one old, several new) or a merge
            grow = (1,) if len(gn) > 1 else (0,) if len(go) > 1 else (1, 0)
            for side in grow:
                parts, whole_ids = (gn, go) if side == 1 else (go, gn)
                whole = "\n".join(sides[1 - side].texts[k] for k in whole_ids)
                for c in (min(parts) - 1, max(parts) + 1):
                    if c not in free[side]:
                        continue
                    single = cos[whole_ids[0], c] if side == 1 else cos[c, whole_ids[0]]
                    if single < params.join_min_cosine:
                        continue
                    if not _may_join(whole_ids, parts, c, sides[1 - side], sides[side]):
                        continue
                    joined = "\n".join(sides[side].texts[k] for k in sorted(parts + [c]))
                    cands.append((g, side, c, whole, joined))
        if not cands:
            break
        vecs = embed([w for *_, w, _ in cands] + [j for *_, j in cands])
        k = len(cands)
        gains = []
        for n, (g, side, c, _, _) in enumerate(cands):
            c2 = float(vecs[n] @ vecs[k + n])
            if c2 >= groups[g][2] + params.join_gain:
                gains.append((c2 - groups[g][2], c2, g, side, c))
        if not gains:
            break
        done: set[int] = set()
        for _, c2, g, side, c in sorted(gains, reverse=True):
            if g in done or c not in free[side]:
                continue
            groups[g][side].append(c)
            groups[g][side].sort()
            groups[g][2] = c2
            free[side].discard(c)
            done.add(g)
    return [(go, gn, c) for go, gn, c in groups]


# ----------------------------------------------------------------------------- public

def concordance_groups(old: Document, new: Document, options: Optional[CompareOptions] = None,
                       params: ConcordanceParams = PARAMS) -> list[AlignedGroup]:
    """Align the paragraphs of two versions in different languages; every
    paragraph is in exactly one group (as :func:`compare.align.align`)."""
    from compare.embed import embed

    options = options or CompareOptions()
    op, np_ = old.paragraphs, new.paragraphs
    n, m = len(op), len(np_)
    old_texts = [p.text for p in op]
    new_texts = [p.text for p in np_]
    if n and m:
        vecs = embed(old_texts + new_texts)
        cos = vecs[:n] @ vecs[n:].T
    else:
        cos = np.zeros((n, m))
    score = score_matrix(old, new, cos, params)
    nums_o, nums_n = _paragraph_numbers(old), _paragraph_numbers(new)
    clash = _citation_clash(nums_o, nums_n)
    shared = np.array([[bool(x & y) for y in nums_n] for x in nums_o], dtype=bool).reshape(n, m)
    anchors = _anchors(cos, params) if n and m else []
    matched = _in_order(_assign(cos, score, params, clash, anchors), cos, score, shared, EQUIVALENT_MIN)
    joined = _joins(_Side.of(old), _Side.of(new), cos, matched, params)
    groups = [AlignedGroup([op[i].id for i in go], [np_[j].id for j in gn], round(max(c, 0.0), 4))
              for go, gn, c in joined]
    in_old = {i for go, _, _ in joined for i in go}
    in_new = {j for _, gn, _ in joined for j in gn}
    un_old = [i for i in range(n) if i not in in_old]
    un_new = [j for j in range(m) if j not in in_new]
    frag_old, frag_new = _is_fragment(old, new, options)
    oos_old: set[int] = set()
    oos_new: set[int] = set()
    if frag_new:
        o2n = {i: gn for go, gn, _ in joined for i in go}
        oos_old = _out_of_scope(un_old, o2n, new.gaps, m, bounded=bool(new.gaps))
    if frag_old:
        n2o = {j: go for go, gn, _ in joined for j in gn}
        oos_new = _out_of_scope(un_new, n2o, old.gaps, n, bounded=bool(old.gaps))
    groups += [AlignedGroup([op[i].id], [], 0.0, out_of_scope=i in oos_old) for i in un_old]
    groups += [AlignedGroup([], [np_[j].id], 0.0, out_of_scope=j in oos_new) for j in un_new]
    return groups


@dataclass(frozen=True)
class Equivalent:
    """A paragraph of another text, in another language, that says the same thing:
    "close equivalent: 61/180 OP1, en".  Not agreed language — a translation
    cannot be verbatim — so kept apart from the verbatim trace."""

    label: str           # the other text's label (61/180)
    paragraph: str       # its paragraph id (OP1)
    language: str        # its language (en)
    similarity: float    # embedding cosine plus shared numbers and citations



def close_equivalents(doc: Document, others: Sequence[Document], *, top: int = 1,
                      min_similarity: float = EQUIVALENT_MIN, store=None) -> dict[str, list[Equivalent]]:
    """For each paragraph of ``doc``, its closest paragraphs (at most ``top`` per
    text) in the texts of ``others`` written in another language, best first;
    texts in ``doc``'s own language are skipped (the verbatim trace covers them).
    ``store`` (the agreed-language library) keeps the other texts' vectors between runs."""
    from compare.embed import embed

    lang = doc.meta.language
    foreign = [o for o in others if o.meta.language and o.meta.language != lang and o.paragraphs]
    out: dict[str, list[Equivalent]] = {p.id: [] for p in doc.paragraphs}
    if not doc.paragraphs or not foreign:
        return out
    mine = embed([p.text for p in doc.paragraphs], store=store)
    nums = _paragraph_numbers(doc)
    for other in foreign:
        cos = mine @ embed([p.text for p in other.paragraphs], store=store).T
        score = cos + _number_score(nums, _paragraph_numbers(other), PARAMS)
        for i, p in enumerate(doc.paragraphs):
            for j in np.argsort(-score[i])[:top]:
                if score[i, j] >= min_similarity:
                    out[p.id].append(Equivalent(other.label, other.paragraphs[j].id, other.meta.language or "",
                                                round(float(min(score[i, j], 1.0)), 4)))
    for eq in out.values():
        eq.sort(key=lambda e: -e.similarity)
    return out


def link_set(groups: Sequence[AlignedGroup]) -> set[tuple[str, str]]:
    """Every (old id, new id) link of a set of groups (for tests and the benchmark)."""
    return {(o, n) for g in groups if not g.out_of_scope for o in g.old for n in g.new}
