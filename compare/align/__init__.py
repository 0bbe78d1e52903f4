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
   first, which carries its verb on with no "also"; a new chapeau over OPs gathered from
   elsewhere, each with its partner, is new.  A part must explain more of the
   whole than its own leading words (a new "Also notes with appreciation …" that gives
   back only the verb an OP lost is no part of it).  A free
   paragraph that holds most of what the whole's other parts leave out (word runs in
   any order: ``join_rest_fill``, ``join_rest_words``) is the rest of the whole — a closing
   clause split off and elaborated, the source a merge's matched one lacks — if it
   brings what it asks or its verb along (a deleted paragraph whose closing words were
   grafted onto the whole gave a phrase, not itself).  With
   ``AlignParams(scattered_groups=False)`` a group is cut to one run (see
   :func:`_contiguous`).
6. **Fragments.**  When one side is a fragment (``options.fragment`` True, or
   None and that side has excerpt gaps or ≤ 1/3 of the other's paragraphs),
   an unmatched paragraph of the other side is reported as inserted/deleted
   only if it sits between two matched paragraphs with no gap of the fragment
   between them; otherwise it is ``out_of_scope``: the fragment says nothing
   about it.  Only sure links that keep their order bound it (:func:`_bounds`):
   a weak (< :data:`SURE_LINK`) or moved link says nothing of what lies between.

Modules
-------
``params`` (every threshold) · ``anchors``, ``match`` (step 4) · ``leftovers`` (its last
passes) · ``leads`` (leading words) · ``replacements`` (4b) · ``joins`` (5) · ``fragments`` (6) ·
``large`` (the entry-by-entry similarity of long texts) · ``groups`` (what :func:`align`
returns); this module runs them in order.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

import numpy as np

from compare.lexicon import found_leads
from compare.model import CompareOptions, Document, Paragraph
from compare.similarity import _Entries, _Features, similarity_matrix
from .fragments import SURE_LINK, _bounds, _is_fragment, _out_of_scope
from .groups import AlignedGroup, _contiguous, _fill_free_gaps
from .joins import _joins
from .large import LARGE_PAIRS, _large_scores
from .leftovers import _leftover_words, _second_chance
from .match import _match
from .params import AlignParams, DEFAULT_PARAMS
from .replacements import _chapeaux_by_items, _replacements

__all__ = ["align", "is_fragment_comparison", "AlignedGroup", "AlignParams", "DEFAULT_PARAMS", "SURE_LINK",
           "LARGE_PAIRS"]


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
    op, np_ = _with_leads(old), _with_leads(new)
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
    if frag_new:        # the full text's leftovers, bounded by the links into the fragment
        o2n = {i: g_new[k] for k in bounds for i in g_old[k]}
        oos_old = _out_of_scope(un_old, o2n, new.gaps, m, bounded=bool(new.gaps))
    if frag_old:
        n2o = {j: g_old[k] for k in bounds for j in g_new[k]}
        oos_new = _out_of_scope(un_new, n2o, old.gaps, n, bounded=bool(old.gaps))
    for i in un_old:
        groups.append(AlignedGroup([op[i].id], [], 0.0, out_of_scope=i in oos_old))
    for j in un_new:
        groups.append(AlignedGroup([], [np_[j].id], 0.0, out_of_scope=j in oos_new))
    return groups


def _with_leads(doc: Document) -> list[Paragraph]:
    """The document's paragraphs, each with the leading words the structure step would give it
    (:func:`compare.lexicon.found_leads`): a Document built by hand, without them, is aligned as
    its parse would be (the rules on leading verbs read them).  The caller's paragraphs are not
    changed."""
    leads = found_leads(doc.paragraphs, doc.after_gap, doc.meta.language)
    if not leads:
        return doc.paragraphs
    return [replace(p, leading=leads[p.id]) if p.id in leads else p for p in doc.paragraphs]


def is_fragment_comparison(old: Document, new: Document, options: Optional[CompareOptions] = None) -> bool:
    """Whether fragment mode applies to this pair of documents."""
    fo, fn = _is_fragment(old, new, options or CompareOptions())
    return fo or fn
