"""Replacements (step 4b): a weak match that shares only its frame or leading words, or whose
new leading word introduces a new object, is a deletion plus an insertion, not an edit; and a
list's chapeau is matched by where its items went."""
from __future__ import annotations

from typing import Optional, Sequence

import numpy as np

from compare.model import Paragraph
from compare.tokens import words
from compare.similarity import _Features
from .leads import _head, _lead_len, _same_verb
from .leftovers import _comparable
from .params import AlignParams


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
