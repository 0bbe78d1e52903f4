"""From an alignment to a :class:`Comparison`: status, flags, diffs, leading words.

``compare_documents(old, new, options)`` runs :func:`compare.align.align`,
diffs each group with :func:`compare.diff.diff_texts` (the texts of a group of
several paragraphs joined with ``"\\n"``) and fills every :class:`Pair` field:

* ``status``: ``inserted`` / ``deleted`` for one-sided groups, ``split`` /
  ``merged`` for one → many / many → one, else ``unchanged`` when the diff has
  no substantive (non-``minor``) change and ``modified`` otherwise.
* ``moved``: the relative order of matched groups changed.  Groups are taken
  in new order; a longest increasing subsequence of their old positions
  stays put and every other matched group is moved — so insertions and
  deletions before a paragraph never make it "moved", and a paragraph taken
  out and put back elsewhere is the one flagged, not all those it jumped.
  Among the longest, the one keeping paragraphs nearest their own place
  (:func:`compare.sequences.steadiest_increasing_subsequence`): when OP2 and OP4 swap, they
  are moved and OP3, between them, is not.
* ``renumbered``: the citation changed (``OP7`` → ``OP8``, ``PP3`` → ``OP1``).
  For split/merge groups, the first id of each side is compared (in the diff's order, below).  Never set
  when either number is unknown (``PP?1`` → ``PP1``: the old number is not known).
* ``similarity`` from the alignment, ``changed_share`` from the diff.
* ``leading_change``: ``(old leading words, new leading words)`` as written,
  when they differ (ignoring case and typography) — both a change of the
  leading word itself ("Encourages" → "Urges", « Encourage » → « Exhorte »)
  and a mere added/removed modifier ("Recalls" → "Recalls also",
  « Rappelant » → « Rappelant également »).  The two are told apart by
  :func:`compare.lexicon.leading_change_kind` (``"base"`` or ``"modifier"``);
  :func:`leading_change_kind` here applies it to a Pair.
* ``cross_kind``: a PP became an OP or the reverse (in a split or merge: a part did).

A split or merge diffs its parts in the order that best follows the other side
(:func:`_diff_order`): a clause of OP7 that became PP12, before OP7, is text kept
and cut into a part, not deleted and inserted.  ``Pair.old``/``Pair.new`` are
in that order (the one ``diff`` rebuilds: texts joined with ``"\\n"``), and so
are the "first ids" above; placement keeps document order.

Versions in different languages (:func:`cross_language`) are aligned by
:mod:`compare.concordance` instead of :mod:`compare.align` and never word-diffed:
a one-to-one link is ``matched`` (the words cannot say unchanged or modified),
``diff`` stays empty, ``leading_words`` carries both sides' leading words and
``Comparison.cross_language`` is set.  Moves, renumbering, splits, merges,
insertions, deletions and fragment scope keep their meaning.

Pairs are in reading order, the one placement every view reads
(``Comparison.placement``, computed by :func:`compare.placement.place`): the new
document's order (a split at its first paragraph in the diff's order), a deleted
paragraph — and the source of a move — right after the pair holding its nearest
preceding old paragraph kept in place (at the top if there is none).

Fragment mode (see :mod:`compare.align`): paragraphs of the full text that the
fragment does not cover are left out of ``pairs`` and listed in
``Comparison.out_of_scope`` (``{"old": [...], "new": [...]}``), so that every
paragraph of both versions is still accounted for exactly once.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Optional, Sequence

from compare.align import SURE_LINK, AlignedGroup, AlignParams, align, is_fragment_comparison
from compare.language import LANGUAGES
from compare.lexicon import leading_change_kind as _lex_change_kind
from compare.lexicon import cut_at_start, split_leading_any
from compare.model import CompareOptions, Comparison, Document, Pair, PairStatus, Paragraph, Segment
from compare.placement import place
from compare.sequences import steadiest_increasing_subsequence
from compare.tokens import word_offsets, words

from compare.diff import changed_share, compared_keys, diff_texts, text_with_markers
from compare.header import compare_headers


def _group_text(doc_index: dict[str, Paragraph], ids: list[str], options: CompareOptions) -> str:
    """The texts of a group joined by paragraph marks; footnote markers put back
    as superscripts when the options count them as changes."""
    if options.ignore_footnote_markers:
        return "\n".join(doc_index[i].text for i in ids)
    return "\n".join(text_with_markers(doc_index[i].text, doc_index[i].footnote_refs) for i in ids)


def _leading(p: Paragraph, lang: Optional[str], cut: bool = False) -> str:
    """``p``'s leading words as written; "" for a paragraph an excerpt gap cuts at its start (``cut``,
    :func:`~compare.lexicon.cut_at_start`): its first word is the middle of a sentence."""
    if cut:
        return ""
    lead = split_leading_any(p.text, p.kind, lang).text
    return lead or p.leading


def _note_texts(doc: Document) -> dict[str, str]:
    """A version's footnote texts by number (the first note of a number when two share it)."""
    notes: dict[str, str] = {}
    for f in doc.footnotes:
        notes.setdefault(f.number, f.text)
    return notes


#: the key of a footnote whose text is not in the copy: equal to no text
_UNKNOWN_NOTE = ("\ue002unknown",)


def _cited_notes(notes: dict[str, str], ids: list[str], index: dict[str, Paragraph], unknown: int = 0
                 ) -> list[tuple[Optional[str], str]]:
    """(text, what precedes its marker) of the footnotes the paragraphs ``ids`` cite, in reading
    order: the words a note is attached to matter too ("report¹ to the Assembly" vs "report to the
    Assembly¹"); ``None`` for a note whose text the copy does not hold.  The first ``unknown``
    characters of the first paragraph stand where the other copy is cut (see :func:`_before_the_cut`):
    notes cited there are not compared."""
    out = []
    for k, i in enumerate(ids):
        p = index[i]
        for r in sorted(p.footnote_refs, key=lambda r: r.offset):
            if k == 0 and r.offset < unknown:
                continue
            out.append((notes.get(r.number), " ".join(words(p.text[:r.offset])[-3:])))
    return out


def footnote_changes(old_notes: list[tuple[Optional[str], str]], new_notes: list[tuple[Optional[str], str]],
                     options: CompareOptions = CompareOptions()) -> list[tuple[str, str]]:
    """(old text, new text) of each cited footnote that changed ("" for one added or removed;
    the same text twice for one whose marker moved to other words), the two lists aligned as
    sequences (a footnote inserted before another is one addition, not every later one changed);
    texts compared as the diff compares words.  A note whose text is not in a copy (``None``: an
    excerpt without its notes) is no change of text: a stretch of changes holding one says nothing."""
    ko = [_UNKNOWN_NOTE if t is None else compared_keys(t, options) for t, _ in old_notes]
    kn = [_UNKNOWN_NOTE if t is None else compared_keys(t, options) for t, _ in new_notes]
    if ko == kn and [a for _, a in old_notes] == [a for _, a in new_notes]:
        return []
    from difflib import SequenceMatcher

    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, ko, kn, autojunk=False).get_opcodes():
        olds, news = old_notes[i1:i2], new_notes[j1:j2]
        if op == "equal":
            out.extend((o[0], o[0]) for o, n in zip(olds, news) if o[1] != n[1] and o[0] is not None)  # marker moved
            continue
        if any(t is None for t, _ in olds + news):
            continue
        for k in range(max(len(olds), len(news))):
            out.append((olds[k][0] if k < len(olds) else "", news[k][0] if k < len(news) else ""))
    return out


_ID_PARTS = re.compile(r"^([A-Z]+\??\d*)((?:\([^)]*\))*)")
_DUPLICATE = re.compile(r"#\d+")


def renumbered(old_id: str, new_id: str) -> bool:
    """Whether a paragraph's number changed, on what both ids know: an unknown number (``PP?3``,
    after an excerpt gap) cannot be said to have changed, but its sub-paragraph's letter can
    (``PP?4(d)`` → ``PP?4(c)``: (d) relettered (c) after (b) was deleted).  A second paragraph
    of one number (``OP12#2``, the structure's id for a number printed twice) has that number."""
    if _DUPLICATE.sub("", old_id) == _DUPLICATE.sub("", new_id):
        return False
    mo, mn = _ID_PARTS.match(old_id), _ID_PARTS.match(new_id)
    if not (mo and mn):
        return "?" not in old_id + new_id
    top_o, sub_o = mo.groups()
    top_n, sub_n = mn.groups()
    if "?" in top_o + top_n:
        return sub_o != sub_n and "?" not in sub_o + sub_n
    return True


def _beyond_the_cut(segs: list[Segment], old_cut: bool, new_cut: bool) -> tuple[list[Segment], bool]:
    """``segs`` with the change at the very end made minor when it only runs past a side that an
    excerpt gap cuts: old "… trafficking i" ↔ new "… trafficking in persons and other …" is
    ``delete "i"`` + ``insert "in persons …"``, words the old copy does not show, not words the new
    text added.  Only a trailing change whose cut side is a prefix of the other's text qualifies
    (old cut: the deleted text opens the inserted one; new cut: the reverse); anything else stays
    a change.  Returns (segments, whether a cut was allowed for)."""
    if not (old_cut or new_cut) or not segs:
        return segs, False
    k = len(segs)
    while k > 0 and segs[k - 1].op != "equal":
        k -= 1
    tail = segs[k:]
    if not tail or any(s.minor for s in tail):
        return segs, False
    d = "".join(s.text for s in tail if s.op == "delete")
    i = "".join(s.text for s in tail if s.op == "insert")
    fold = str.casefold
    ok = (old_cut and fold(i).startswith(fold(d))) or (new_cut and fold(d).startswith(fold(i)))
    if not ok:
        return segs, False
    return segs[:k] + [Segment(s.op, s.text, True) for s in tail], True


#: what a split or a merge changes at its cut by itself: "and", "as well as" (:attr:`LanguageFacts.and_word`,
#: :attr:`LanguageFacts.as_well_as`), besides punctuation, case and the leading words of the part that starts there
_JOINS = frozenset(w for f in LANGUAGES.values() for w in words(f"{f.and_word} {f.as_well_as}"))


def _list_change(old: Sequence[str], new: Sequence[str], oidx: dict[str, Paragraph],
                 nidx: dict[str, Paragraph]) -> str:
    """ "into_list" when a group's new side holds a chapeau with sub-paragraphs of it and its old
    side no such list, "from_list" the reverse, else "": how negotiators name it ("OP1 was put into
    sub-paragraphs"), beyond "split" or "merged"."""
    def a_list(ids: Sequence[str], idx: dict[str, Paragraph]) -> bool:
        return any(idx[i].level > 0 and idx[i].parent in ids for i in ids)

    made, unmade = a_list(new, nidx), a_list(old, oidx)
    return "into_list" if made and not unmade else "from_list" if unmade and not made else ""


def _hunks(segs: list[Segment]) -> list[tuple[str, str]]:
    """(deleted text, inserted text) of each run of substantive changes between equal text."""
    out: list[tuple[str, str]] = []
    run: Optional[list[str]] = None
    for s in segs:
        if s.op == "equal" or s.minor:
            if s.op == "equal" and run is not None:
                out.append((run[0], run[1]))
                run = None
            continue
        run = run or ["", ""]
        run[0 if s.op == "delete" else 1] += s.text
    if run is not None:
        out.append((run[0], run[1]))
    return out


def _reworded(segs: list[Segment], parts_leading: set[str]) -> bool:
    """Whether a split or merge changed words beyond its cut.  A change holding a paragraph mark is
    the cut: it may only move punctuation, change case, drop or add "and"/"as well as" and the
    leading words of the part that starts there (``parts_leading``: "Invite", "Considérant
    également"), and drop or add the part's repeated subject where the other side still reads it
    once ("; ¶ Exhorte également les États Membres qui ne l'ont pas encore fait à envisager" →
    ", et à envisager", the subject read in the first part).  A leading word the cut dropped may
    reappear in the body (« à envisager également de ») and one it added may leave it.  Any other
    change of words — there or elsewhere — is an edit."""
    allowed = _JOINS | parts_leading
    hunks = _hunks(segs)
    dropped: Counter[str] = Counter()       # leading words the cut took out of / put into the text
    added: Counter[str] = Counter()
    for deleted, inserted in hunks:
        if "\n" in deleted + inserted:
            dropped.update(w for w in words(deleted) if w in parts_leading)
            added.update(w for w in words(inserted) if w in parts_leading)
    old_words = words("".join(s.text for s in segs if s.op != "insert"))
    new_words = words("".join(s.text for s in segs if s.op != "delete"))
    for deleted, inserted in hunks:
        wd, wi = words(deleted), words(inserted)
        if "\n" not in deleted + inserted:
            moved_in, moved_out = Counter(wi), Counter(wd)
            if moved_in <= dropped and moved_out <= added:      # a leading word moved into / out of the body
                dropped -= moved_in
                added -= moved_out
                continue
            return True
        keep_d = [w for w in wd if w not in allowed]
        keep_i = [w for w in wi if w not in allowed]
        if keep_d == keep_i:
            continue
        if not keep_i and _holds_run(new_words, keep_d) or not keep_d and _holds_run(old_words, keep_i):
            continue                                            # the repeated subject, read once
        return True
    return False


def _holds_run(text: Sequence[str], run: Sequence[str]) -> bool:
    """Whether ``run`` (two words or more) stands in ``text`` word for word."""
    n = len(run)
    return n >= 2 and any(list(text[k:k + n]) == list(run) for k in range(len(text) - n + 1))


#: words in a row the visible start of a cut paragraph must share with the other side to be placed in it
CUT_START_MATCH = 3
#: the words of a cut side looked at for that run: its opening, so a long paragraph costs no more
CUT_START_WINDOW = 200


def _word_starts(text: str) -> tuple[list[str], list[int]]:
    """The word keys of ``text`` (:func:`compare.tokens.words`) and where each starts."""
    return words(text), [a for a, _ in word_offsets(text)]


def _before_the_cut(old: str, new: str, old_cut: bool, new_cut: bool) -> tuple[str, str]:
    """(old words, new words) that stand before the visible start of a side an excerpt gap cuts at
    its start ("exploitation, on taking …" for "Recalling … other types of exploitation, on taking …"):
    unknown in that copy, not deleted or added.  The cut side is placed where its own opening words
    stand in the other side (at least :data:`CUT_START_MATCH` of them; of several places, the one
    where the two run on together longest): 70/179's copy opens "Especially Women and Children,
    supplementing …", which 78/228 reads after "Recalling also the United Nations Convention …, as
    well as its supplementing Protocol to …,".  Else at the first run of that many words the two
    share; the other side's words before that run are the unknown ones — less as many as the cut
    side shows before it, which may have replaced them.  ("", "") when no side is cut or nothing
    places it."""
    if not (old_cut or new_cut):
        return "", ""
    ko, so = _word_starts(old)
    kn, sn = _word_starts(new)
    if old_cut != new_cut:
        cut_keys, other_keys = (ko, kn) if old_cut else (kn, ko)
        at = _opening_in(cut_keys, other_keys[:CUT_START_WINDOW])
        if at:
            other, starts = (new, sn) if old_cut else (old, so)
            head = other[:starts[at]]
            return ("", head) if old_cut else (head, "")
        if at == 0:
            return "", ""
    from difflib import SequenceMatcher

    ka, kb = ko[:CUT_START_WINDOW] if old_cut else ko, kn[:CUT_START_WINDOW] if new_cut else kn
    block = next((b for b in SequenceMatcher(None, ka, kb, autojunk=False).get_matching_blocks()
                  if b.size >= CUT_START_MATCH), None)
    if block is None:
        return "", ""
    i, j = block.a, block.b
    if new_cut and i > 0:
        k = i - j if i > j else i
        return old[:so[k]] if k < len(so) else "", ""
    if old_cut and j > 0:
        k = j - i if j > i else j
        return "", new[:sn[k]] if k < len(sn) else ""
    return "", ""


def _opening_in(cut: Sequence[str], other: Sequence[str]) -> Optional[int]:
    """Where in ``other`` the opening words of ``cut`` stand (at least :data:`CUT_START_MATCH` of them
    in a row; the place where they run on longest, the first of equals), or None."""
    if len(cut) < CUT_START_MATCH:
        return None
    first = tuple(cut[:CUT_START_MATCH])
    best, best_len = None, 0
    for j in range(len(other) - CUT_START_MATCH + 1):
        if tuple(other[j:j + CUT_START_MATCH]) != first:
            continue
        n = CUT_START_MATCH
        while n < len(cut) and j + n < len(other) and cut[n] == other[j + n]:
            n += 1
        if n > best_len:
            best, best_len = j, n
    return best


def _with_unknown_start(segs: list[Segment], old_head: str, new_head: str) -> list[Segment]:
    """``segs`` (the diff of the texts after ``old_head``/``new_head``) with the unknown head put back
    as a minor change in front — after the diff's opening deletion, so a change still reads deletion first."""
    head = Segment("delete", old_head, True) if old_head else Segment("insert", new_head, True)
    k = 0
    if head.op == "insert":
        while k < len(segs) and segs[k].op == "delete":
            k += 1
    out = segs[:k] + [head] + segs[k:]
    merged: list[Segment] = []
    for s in out:
        if merged and (merged[-1].op, merged[-1].minor) == (s.op, s.minor):
            merged[-1] = Segment(s.op, merged[-1].text + s.text, s.minor)
        else:
            merged.append(s)
    return merged


#: a same-language one-to-one link under this similarity is "uncertain" (measured: :data:`compare.align.SURE_LINK`)
SAME_LANGUAGE_SURE = SURE_LINK


def _lang(doc: Document) -> Optional[str]:
    return doc.meta.language if doc.meta and doc.meta.language else None


#: a cross-language pair shares at most this share of its words (names, "Protocol"…):
#: measured 0.03–0.11 on our bilingual texts, 0.28–0.99 between versions in one language
CROSS_LANGUAGE_SHARED_MAX = 0.2
CROSS_LANGUAGE_MIN_WORDS = 12       # distinct words each side needs before we trust the detection


def _vocabulary(doc: Document) -> set[str]:
    return {w for p in doc.paragraphs for w in words(p.text) if not w.isdigit()}


def cross_language(old: Document, new: Document) -> bool:
    """Whether two versions are in different languages: words cannot be compared,
    paragraphs are matched by the concordance.  Both detected languages must be
    known and differ, and the texts must share few words — so a short or mixed
    text whose detection wavers is still word-diffed, never silently not."""
    lo, ln = _lang(old), _lang(new)
    if lo is None or ln is None or lo == ln:
        return False
    a, b = _vocabulary(old), _vocabulary(new)
    if min(len(a), len(b)) < CROSS_LANGUAGE_MIN_WORDS:
        return False
    return len(a & b) / min(len(a), len(b)) <= CROSS_LANGUAGE_SHARED_MAX


def leading_change_kind(pair: Pair, lang: Optional[str] = None) -> Optional[str]:
    """``None`` (no leading change), ``"base"`` (the leading word itself changed:
    "Encourages" → "Urges") or ``"modifier"`` (only "also"/"further"/« également »…)."""
    if pair.leading_change is None:
        return None
    return _lex_change_kind(pair.leading_change[0], pair.leading_change[1], "", lang)


def _moved_flags(groups: list[AlignedGroup], opos: dict[str, int], npos: dict[str, int]) -> list[bool]:
    """Per group: moved?  Only groups with both sides take part."""
    idx = [k for k, g in enumerate(groups) if g.old and g.new and not g.out_of_scope]
    idx.sort(key=lambda k: npos[groups[k].new[0]])
    seq = [opos[groups[k].old[0]] for k in idx]
    keep = set(steadiest_increasing_subsequence(seq))
    moved = [False] * len(groups)
    for r, k in enumerate(idx):
        if r not in keep:
            moved[k] = True
    return moved


def _changed_words(segs: list[Segment]) -> int:
    """Words a diff marks as substantively deleted or inserted: how far it is from "kept"."""
    return sum(len(words(s.text)) for s in segs if s.op != "equal" and not s.minor)


def _located_order(parts: list[str], index: dict[str, Paragraph], other: str) -> list[str]:
    """``parts`` (ids in document order) ordered by where their words sit in ``other`` (the other
    side's text): each part at the median position of its words that occur once in ``other`` (a
    name, a date, "consultations": where it sits is not in doubt); a part with none of them stays
    right after the part before it.  Linear in the texts' length, whatever their words."""
    ko = words(other)
    seen = Counter(ko)
    where = {w: i for i, w in enumerate(ko) if seen[w] == 1}
    keys: list[float] = []
    for pid in parts:
        at = sorted(where[w] for w in set(words(index[pid].text)) if w in where)
        keys.append(at[len(at) // 2] if at else (keys[-1] if keys else -1.0))
    return [pid for _, _, pid in sorted(zip(keys, range(len(parts)), parts))]


def _diff_order(g: AlignedGroup, oidx: dict[str, Paragraph], nidx: dict[str, Paragraph], options: CompareOptions,
                cut_start: tuple[set[str], set[str]], cut_end: tuple[set[str], set[str]],
                diffs: dict[tuple[str, str], list[Segment]]) -> AlignedGroup:
    """``g`` with the parts of a split (merge) in the order that best follows the other side: the new
    parts by where their words sit in the old text (the old sources by where they sit in the new text).
    Align lists parts in document order, and a scattered part that landed elsewhere — a clause of OP7
    moved into the preamble as PP12, before OP7 — then diffs as that clause deleted and inserted, with a
    false change of leading word; in the old paragraph's order it is text kept, cut into a part.  The
    order is kept only when its diff changes fewer words than document order, and never moves a part an
    excerpt cuts at its start (end) off the first (last) place, where the cut is read (``cut_start``,
    ``cut_end``: such ids of the old and of the new version).  The diffs it makes are kept in ``diffs``
    (by the two texts), where the caller finds the one it keeps.  ``Pair.old``/``Pair.new`` are in
    this order, the one the group's diff rebuilds; placement still reads both versions in document
    order (:func:`_run_positions`)."""
    if len(g.new) > 1:
        side, s, parts, index, other = "new", 1, g.new, nidx, "\n".join(oidx[i].text for i in g.old)
    elif len(g.old) > 1:
        side, s, parts, index, other = "old", 0, g.old, oidx, "\n".join(nidx[i].text for i in g.new)
    else:
        return g
    order = _located_order(parts, index, other)
    if order == parts or (parts[0] in cut_start[s] and order[0] != parts[0]) or \
            (parts[-1] in cut_end[s] and order[-1] != parts[-1]):
        return g
    turned = replace(g, **{side: order})
    before, after = (_diff_of(diffs, _group_text(oidx, x.old, options), _group_text(nidx, x.new, options), options)
                     for x in (g, turned))
    return turned if _changed_words(after) < _changed_words(before) else g


def _diff_of(diffs: dict[tuple[str, str], list[Segment]], old: str, new: str, options: CompareOptions
             ) -> list[Segment]:
    """:func:`compare.diff.diff_texts` of ``old`` and ``new``, made once per comparison (``diffs``)."""
    if (old, new) not in diffs:
        diffs[old, new] = diff_texts(old, new, options)
    return diffs[old, new]


def _run_positions(groups: list[AlignedGroup], pos: dict[str, int], side: str) -> dict[str, int]:
    """Document positions (``pos``) spread so that two neighbouring paragraphs of one group are
    consecutive only when the group's diff order (:func:`_diff_order`) also has them one after the
    other: :func:`compare.placement.place` shows a run of consecutive parts in one slot, written in
    the diff's order, so parts that changed order among themselves get slots of their own and each
    slot still reads in document order.  Same order as ``pos``: nothing else about placement changes."""
    group_of: dict[str, tuple[int, int]] = {}
    for k, g in enumerate(groups):
        ids = g.old if side == "old" else g.new
        if len(ids) > 1:
            group_of.update((i, (k, r)) for r, i in enumerate(ids))
    out: dict[str, int] = {}
    at, prev = 0, None
    for pid in sorted(pos, key=pos.__getitem__):
        here = group_of.get(pid)
        if prev is not None:
            before = group_of.get(prev)
            apart = here is not None and before is not None and here[0] == before[0] and here[1] != before[1] + 1
            at += 2 if apart else 1
        out[pid] = at
        prev = pid
    return out


def compare_documents(old: Document, new: Document, options: Optional[CompareOptions] = None,
                      params: Optional[AlignParams] = None) -> Comparison:
    """Compare two versions: align (with ``params``, default :data:`compare.align.DEFAULT_PARAMS`),
    diff and classify every paragraph."""
    options = options or CompareOptions()
    cross = cross_language(old, new)
    sure = 0.0             # cross-language links weaker than a translation are "uncertain"
    if cross:
        # lazy: its model is never on the same-language path
        from compare.concordance import EQUIVALENT_MIN as sure, concordance_groups

        groups = concordance_groups(old, new, options)
    else:
        groups = align(old, new, options) if params is None else align(old, new, options, params)
    oidx = {p.id: p for p in old.paragraphs}
    nidx = {p.id: p for p in new.paragraphs}
    opos = {p.id: k for k, p in enumerate(old.paragraphs)}
    npos = {p.id: k for k, p in enumerate(new.paragraphs)}
    lang_o, lang_n = _lang(old), _lang(new)
    cut_o, cut_n = old.after_gap, new.after_gap
    start_o, start_n = cut_at_start(old), cut_at_start(new)
    cut_end_o, cut_end_n = old.cut_at_end, new.cut_at_end
    notes_o, notes_n = _note_texts(old), _note_texts(new)
    diffs: dict[tuple[str, str], list[Segment]] = {}      # the group diffs made while ordering parts
    if not cross:
        groups = [_diff_order(g, oidx, nidx, options, (cut_o, cut_n), (cut_end_o, cut_end_n), diffs)
                  if not g.out_of_scope else g for g in groups]
    moved = _moved_flags(groups, opos, npos)
    slots = place(groups, moved, _run_positions(groups, opos, "old"), _run_positions(groups, npos, "new"))
    # pairs are listed in the order they are shown; a moved pair's source slot points at the same pair
    # (a scattered group has several slots with a new side: its pair is listed at the one holding its
    # first new paragraph in the diff's order — the first slot, unless a part landed before it)
    shown = list(dict.fromkeys(s.pair for s in slots if s.role in ("inplace", "dest")
                               and (not s.new or groups[s.pair].new[0] in s.new)))
    pair_of = {k: j for j, k in enumerate(shown)}
    pairs: list[Pair] = []
    for k in shown:
        g = groups[k]
        old_text, new_text = _group_text(oidx, g.old, options), _group_text(nidx, g.new, options)
        head = ("", "")
        if not cross and g.old and g.new:
            head = _before_the_cut(old_text, new_text, g.old[0] in start_o, g.new[0] in start_n)
        texts = old_text[len(head[0]):], new_text[len(head[1]):]
        segs = [] if cross else (diffs.pop(texts, None) or diff_texts(*texts, options))
        cut = False
        if segs and g.old and g.new:
            segs, cut = _beyond_the_cut(segs, g.old[-1] in cut_end_o, g.new[-1] in cut_end_n)
        share = changed_share(segs)
        if any(head):
            segs, cut = _with_unknown_start(segs, *head), True
        status = PairStatus.of_shape(len(g.old), len(g.new), any(s.op != "equal" and not s.minor for s in segs),
                                     cross_language=cross)
        cut_across = False
        if cross and g.old and g.new:
            # no word diff to read the cut by: a pair whose paragraph a copy cuts is flagged as such
            # (its low score may come from the cut, not from a doubtful link)
            cut = g.old[-1] in cut_end_o or g.new[-1] in cut_end_n
            cut_across = g.old[0] in start_o or g.new[0] in start_n
        pair = Pair(old=list(g.old), new=list(g.new), status=status, moved=moved[k],
                    similarity=g.similarity if (g.old and g.new) else 0.0, diff=segs,
                    changed_share=share, cut=cut)
        if status in (PairStatus.SPLIT, PairStatus.MERGED):
            parts = [(oidx[i], lang_o) for i in g.old[1:]] + [(nidx[i], lang_n) for i in g.new[1:]]
            pair.text_changed = _reworded(segs, {w for p, lang in parts for w in words(_leading(p, lang))})
        if g.old and g.new:
            po, pn = oidx[g.old[0]], nidx[g.new[0]]
            pair.renumbered = renumbered(g.old[0], g.new[0])
            # a split or merge crossed over when a part went between preamble and operative part (a clause
            # of OP7 become PP12), not only when its first paragraph did
            kinds_o, kinds_n = {oidx[i].kind for i in g.old}, {nidx[i].kind for i in g.new}
            pair.cross_kind = kinds_o != kinds_n and {"PP", "OP"} <= kinds_o | kinds_n
            if status in (PairStatus.SPLIT, PairStatus.MERGED):
                pair.list_change = _list_change(g.old, g.new, oidx, nidx)
            lo, ln = _leading(po, lang_o, po.id in start_o), _leading(pn, lang_n, pn.id in start_n)
            if not cross:
                pair.footnote_changes = footnote_changes(_cited_notes(notes_o, g.old, oidx, len(head[0])),
                                                         _cited_notes(notes_n, g.new, nidx, len(head[1])), options)
            if cross:
                pair.leading_words = (lo, ln)
                # a link weaker than a translation (which scores 0.7–0.9) is a guess: said so
                pair.uncertain = g.similarity < sure
            else:
                # a one-to-one link this weak may join two different paragraphs: said so, and its leading
                # words are shown side by side ("“Welcoming” ↔ “Taking note of”"), not as a change of word
                pair.uncertain = len(g.old) == len(g.new) == 1 and g.similarity < SAME_LANGUAGE_SURE
                if lo and ln and _lex_change_kind(lo, ln, "", lang_n if lang_n == lang_o else None) is not None:
                    if pair.uncertain:
                        pair.leading_words = (lo, ln)
                    else:
                        pair.leading_change = (lo, ln)
        pair.cut_start = any(head) or cut_across
        pairs.append(pair)
    placement = [replace(s, pair=pair_of[s.pair]) if s.role != "outside" else s for s in slots]
    oos = {side: [s.id for s in slots if s.role == "outside" and s.side == side] for side in ("old", "new")}
    fragment = is_fragment_comparison(old, new, options)
    return Comparison(old=old, new=new, pairs=pairs, options=options, fragment=fragment,
                      out_of_scope=oos, cross_language=cross, placement=placement,
                      header=compare_headers(old.meta, new.meta, options))
