"""Splits and merges (step 5): unmatched paragraphs, or weakly matched ones, join a match as
parts of a split or merge on the evidence of their words (containment, gain, cover, the rest of
the whole) and of the structure (a chapeau and its list go together); parts need not be one
unbroken run."""
from __future__ import annotations

from typing import Optional, Sequence

import numpy as np

from compare.model import Paragraph
from compare.similarity import _Features
from compare.tokens import words
from .leads import _also, _head, _lead_len, _same_verb, _stem_alike, _verb
from .params import AlignParams
from .replacements import _content


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

    def asks_there(w: int, c: int, side: int) -> bool:
        """Whether what part ``c`` asks (its first content words after its leading words) or its
        leading verb is in the whole too: a deleted paragraph whose closing words were grafted
        onto another (« …, en estrecha cooperación con el sector privado », from a bracketed
        alternative settled away) gave the whole a phrase, not itself; a merged source brings
        its ask or its verb along ("…, and also considering that …")."""
        if not (old_pars and new_pars):
            return True
        pc, pw = (new_pars[c], old_pars[w]) if side == 1 else (old_pars[c], new_pars[w])
        ask = _head(pc, 3)
        there = set(words(pw.text))
        if not ask or ask & there:
            return True
        verb = _verb(pc)            # a merge brings its verb along: "…, and also considering …"
        return bool(verb) and any(_stem_alike(verb, x) for x in there)

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
                if ok and got < P.join_rest_fill * len(C):
                    ok = asks_there(w, c, side)
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
                    ok = cover >= P.join_cover and novelty >= P.join_novelty and asks_there(whole[0], c, side)
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
