"""A Word redline of a comparison: a ``.docx`` with real tracked changes.

Fed only by the :class:`~compare.model.Comparison` (``Pair.diff`` segments):
nothing is diffed again here.  The document is laid out like a resolution —
title, "The General Assembly," in the document's language, preambular
paragraphs with their italic leading words, numbered operative paragraphs and
sub-paragraphs, footnotes as real Word footnotes — and every difference is a
revision, so that *Accept all* gives exactly the new version's paragraphs and
*Reject all* exactly the old one's.

Design (see also the README):

* **Typed numbers** (``numbering="typed"``, the default).  Each numbered paragraph's
  number is written as text ("5.", "(a)") followed by a tab, not as automatic
  numbering: a renumbering is a tracked deletion of the old number and insertion
  of the new one, as UN redlines show it, so every application's markup view reads
  it the same way (LibreOffice 7.4 numbers its markup view from a list that leaves
  out every paragraph holding a tracked deletion, see :func:`with_labels`: with
  automatic numbering it reads "[6.] Encourage Engage").  Accept all gives the new
  numbers as text, reject all the old ones.
* **Automatic numbering** (``numbering="auto"``, or ``"source"`` when the new
  version's Word file numbers its paragraphs automatically).  Operative paragraphs
  and sub-paragraphs use Word automatic numbering (``numbering.xml``: ``1.``,
  ``(a)``, ``(i)``), so a paragraph that is only renumbered carries no revision
  mark at all; accepting or rejecting renumbers by itself.  A numbering
  discontinuity in the new version (an excerpt that starts at OP5) restarts the
  list at that number.
* **Layout.**  Units follow ``Comparison.placement``, the one placement
  classify computed (:mod:`compare.placement`): the new version's order, a
  deleted paragraph and the source of a move where they stood in the old
  version, right after the paragraph that holds their nearest preceding old
  neighbour kept in place.
* **Moves.**  A moved group is written twice: at its old place as
  ``w:moveFrom`` (its words that survive) and ``w:del`` (its words that do not),
  at its new place as ``w:moveTo`` (surviving words) and ``w:ins`` (new words),
  inside named ``moveFromRange``/``moveToRange`` containers.  So the moved text
  is exactly the text common to both places, and a changed leading verb of a
  moved paragraph still shows as a deletion and an insertion.  With
  ``moves="delete-insert"`` a move is a whole deletion plus a whole insertion.
* **Splits and merges.**  The diff of a group runs over texts joined with
  ``"\\n"``: a ``"\\n"`` in an inserted run becomes an inserted paragraph mark,
  in a deleted run a deleted paragraph mark.  A *scattered* split or merge (its
  parts not one unbroken run: a split-off clause that went elsewhere, another
  OP between the parts) has one slot per run of parts (``Slot.old``/``Slot.new``);
  each slot writes the pieces of the group's one diff whose paragraphs it shows:
  a part whose old and new paragraphs stand at different slots is a move
  (``moveFrom`` here, ``moveTo`` there, in a range named for the two slots; with
  ``moves="delete-insert"`` a deletion and an insertion) and its paragraph mark
  an inserted or deleted mark (:func:`_part_tokens`).
* **Minor changes** (typography, case or punctuation when ignored) are tracked
  like any other — accept/reject must give the exact texts — but under the
  author ``"<author> (minor)"`` (in the document's language: ``"(mineur)"``, ``"(menor)"``), so
  Word's per-reviewer filter can set them aside.  The other copy's words before an
  excerpt's cut start (:attr:`Pair.cut_start`) are not in this copy: neither deleted
  nor added, they are tracked under ``"<author> (not in this copy)"`` and the summary says so;
  so are their footnote markers.  A marker both versions hold at the same place whose note
  one copy lacks is one untracked marker; inside the note that author deletes the old
  note's text and inserts the new one's (the placeholder of :func:`missing_note` for the
  copy that lacks it), so accept all gives the new copy's note, reject all the old one's.
* **Summary.**  A change summary (counts, one line per paragraph affected) comes
  first, is not tracked, has the paragraph styles ``RCSummary*`` and sits inside
  the bookmark ``RC_Summary``; tests and tools skip it by style.  The resolution
  paragraphs have the styles ``RCPP``, ``RCOP``, ``RCSub1``, ``RCSub2`` and
  ``RCPlain`` (see :data:`BODY_STYLES`).
* **Agreed-language appendix** (``trace=``, optional).  After the resolution,
  on a page of its own: a table with one row per paragraph of the new version
  (id, agreed share, sources, new wording): the rows of
  :func:`compare.export.trace_views.trace_rows` for a trace of the new version.  Not tracked, paragraph styles ``RCTrace*``
  (:data:`TRACE_STYLES`), inside the bookmark ``RC_TraceAppendix``; like the
  summary, tests and tools skip it by style.
* **Excerpts.**  Paragraphs outside a fragment comparison
  (``Comparison.out_of_scope``) were not compared, so they are never tracked
  deletions or insertions: with ``outside="show"`` (default) they stand
  untracked at their place, grey, in the style ``RCOutside`` and prefixed with
  "[outside the excerpt · PP1 (61/180)]", so accept and reject leave them as
  they are; with ``outside="omit"`` they are left out and the summary lists
  them.  A title only one version states is treated the same way.
* **Header.**  The title is a tracked word-level change (from
  ``Comparison.header``); sponsors and other header changes are listed in the
  summary.  The summary speaks the document's language
  (:mod:`compare.export.words`).
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date as _date
from datetime import datetime, timezone
from typing import Iterator, NamedTuple, Optional

from lxml import etree

from ..language import LANGUAGES, RTL, typed_label
from ..model import Comparison, Document, Pair, Paragraph, Segment
from . import ooxml as ox
from .redline_styles import (BODY_STYLES, OP_ABSTRACT, OUTSIDE_STYLE, PPSUB_ABSTRACT, SUMMARY_STYLES,  # noqa: F401
                             TRACE_STYLES, label_tab, numbering_part, styles_part)
from .words import comma, describe_in, full_stop, header_lines, quote, semicolon, shows_unknown_numbers, word
from .labels import cite, cite_all, unknown_segments

OUTSIDE_MODES = ("show", "omit")
SUMMARY_BOOKMARK = "RC_Summary"
TRACE_BOOKMARK = "RC_TraceAppendix"

OPENERS = {k: f.opener for k, f in LANGUAGES.items()}    # from the one table of language facts
MOVE_MODES = ("move", "delete-insert")
NUMBERING_MODES = ("source", "auto", "typed")


def numbering_mode(cmp: Comparison, numbering: str = "source") -> str:
    """``"auto"`` or ``"typed"``: ``"source"`` numbers the redline as the new version numbers
    its paragraphs — Word automatic numbering when its file used it, else typed numbers (a text,
    PDF or web page has numbers as text, and typed numbers read cleanly in every markup view)."""
    if numbering == "source":
        return "auto" if cmp.new.auto_numbers else "typed"
    return numbering


# --------------------------------------------------------------------------- public API


def redline_docx(cmp: Comparison, *, author: str | None = None, date: str | datetime | None = None,
                 summary: bool = True, moves: str = "move", trace=None, outside: str = "show",
                 numbering: str = "typed") -> bytes:
    """The ``.docx`` bytes of a tracked-changes redline of ``cmp`` (old → new).

    ``author``: the revisions' author (default: the new version's label).
    ``date``: the revisions' date, ISO 8601 or a datetime (default: the new
    version's date if known, else now, UTC).  ``summary``: put the change
    summary first.  ``moves``: ``"move"`` (``w:moveFrom``/``w:moveTo``) or
    ``"delete-insert"``.  ``trace``: a :class:`compare.trace.TraceResult` (or
    its :func:`~compare.export.trace_views.trace_dict`) of the new version: adds the
    agreed-language appendix at the end.  ``outside``: paragraphs outside a
    compared excerpt are ``"show"``-n untracked and marked, or ``"omit"``-ted
    with a note in the summary.  ``numbering``: ``"typed"`` (the default: numbers
    written as text, a renumbering a tracked deletion and insertion of the number,
    the same in every markup view), ``"auto"`` (Word automatic numbering: a
    renumbering carries no mark) or ``"source"`` (as the new version's file
    numbers them, see :func:`numbering_mode`).  Raises
    ``ValueError`` for a bad ``date``, ``moves``, ``outside`` or ``numbering``, or a
    trace of another text than the new version.
    """
    if moves not in MOVE_MODES:
        raise ValueError(f"moves must be one of {', '.join(MOVE_MODES)}, not {moves!r}")
    if outside not in OUTSIDE_MODES:
        raise ValueError(f"outside must be one of {', '.join(OUTSIDE_MODES)}, not {outside!r}")
    if numbering not in NUMBERING_MODES:
        raise ValueError(f"numbering must be one of {', '.join(NUMBERING_MODES)}, not {numbering!r}")
    author = (author or cmp.new.label or "Resolution Compare").strip() or "Resolution Compare"
    stamp = revision_date(date if date is not None else (cmp.new.meta.date or None))
    tdict = _trace_as_dict(trace, cmp.new) if trace is not None else None
    return _Builder(cmp, author, stamp, summary, moves, tdict, outside, numbering_mode(cmp, numbering)).build()


def _trace_as_dict(trace, new: Document) -> dict:
    """The trace_dict form of ``trace``, checked to be a trace of ``new``."""
    if not isinstance(trace, dict):
        from .trace_views import trace_dict      # only with an appendix: not on every redline's import

        trace = trace_dict(trace)
    ids = [p["id"] for p in trace.get("paragraphs", [])]
    if ids != [p.id for p in new.paragraphs]:
        raise ValueError("the trace is not of the new version (its paragraphs differ)")
    return trace


def revision_date(value: str | datetime | _date | None) -> str:
    """``w:date`` form (``YYYY-MM-DDTHH:MM:SSZ``) of an ISO string, date or datetime; None = now."""
    if value is None:
        dt = datetime.now(timezone.utc)
    elif isinstance(value, datetime):
        dt = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    elif isinstance(value, _date):
        dt = datetime(value.year, value.month, value.day, tzinfo=timezone.utc)
    else:
        s = str(value).strip()
        if s.endswith("Z"):
            s = s[:-1] + "+00:00"
        try:
            dt = datetime.fromisoformat(s)
        except ValueError:
            raise ValueError(f"not an ISO 8601 date: {value!r}") from None
        if dt.tzinfo is None:
            dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# --------------------------------------------------------------------------- layout


@dataclass
class Unit:
    """One block of the redline body, in reading order.

    ``role``: ``inplace`` (old and new side together), ``source`` (old side of
    a moved group, at its old place) or ``dest`` (new side, at its new place).
    """

    role: str                   # also "outside": a paragraph the excerpt does not cover (untracked)
    old: list[Paragraph]
    new: list[Paragraph]
    segments: list[Segment]
    pair: Optional[Pair] = None
    move_name: Optional[str] = None
    gap_before: bool = False
    #: a scattered pair (``Slot.old``/``Slot.new``): the paragraphs shown in this unit, and for
    #: every paragraph of the pair the index of the slot that shows it (names the moves between)
    part: Optional[tuple[frozenset, frozenset]] = None
    homes: Optional[tuple[dict, dict]] = None


def _check_segments(segments: list[Segment], old: list[Paragraph], new: list[Paragraph]) -> list[Segment]:
    """The pair's segments if they rebuild both texts, else a whole delete + insert."""
    old_text = "\n".join(p.text for p in old)
    new_text = "\n".join(p.text for p in new)
    if (
        "".join(s.text for s in segments if s.op != "insert") == old_text
        and "".join(s.text for s in segments if s.op != "delete") == new_text
    ):
        return list(segments)
    out = []
    if old:
        out.append(Segment("delete", old_text))
    if new:
        out.append(Segment("insert", new_text))
    return out


def layout(cmp: Comparison, moves: str = "move", outside: str = "show") -> list[Unit]:
    """The body units in the reading order classify placed them in (``Comparison.placement``).

    Paragraphs outside a compared excerpt are ``outside`` units (one paragraph, one
    side), or left out with ``outside="omit"``."""
    old_by = {p.id: p for p in cmp.old.paragraphs}
    new_by = {p.id: p for p in cmp.new.paragraphs}
    new_pos = {p.id: i for i, p in enumerate(cmp.new.paragraphs)}
    gaps = set(cmp.new.gaps)
    homes: dict[int, tuple[dict, dict]] = {}     # scattered pair -> (old id -> slot, new id -> slot)
    for k, slot in enumerate(cmp.placement):
        if slot.old or slot.new:
            ho, hn = homes.setdefault(slot.pair, ({}, {}))
            ho.update(dict.fromkeys(slot.old, k))
            hn.update(dict.fromkeys(slot.new, k))
    out: list[Unit] = []
    for slot in cmp.placement:
        if slot.role == "outside":
            if outside != "show":
                continue
            p = (old_by if slot.side == "old" else new_by)[slot.id]
            o, n = ([p], []) if slot.side == "old" else ([], [p])
            unit = Unit("outside", o, n, [Segment("equal", p.text)])
        else:
            pair = cmp.pairs[slot.pair]
            o = [old_by[i] for i in pair.old]
            n = [new_by[i] for i in pair.new]
            name = f"m{slot.pair}" if slot.role != "inplace" else None
            unit = Unit(slot.role, o, n, _check_segments(pair.diff, o, n), pair, move_name=name)
            if slot.old or slot.new:
                unit.part = (frozenset(slot.old), frozenset(slot.new))
                unit.homes = homes[slot.pair]
                unit.move_name = None
        if unit.part is not None:
            if unit.part[1]:
                first = next(p for p in unit.new if p.id in unit.part[1])
                unit.gap_before = new_pos[first.id] in gaps
        elif unit.new and slot.role != "source":
            unit.gap_before = new_pos[unit.new[0].id] in gaps
        out.append(unit)
    return out


# --------------------------------------------------------------------------- tokens


@dataclass
class Tok:
    kind: str                   # "text" | "fn" | "mark"
    rev: Optional[str]          # None or one of ooxml.REV_KINDS
    text: str = ""
    italic: bool = False
    minor: bool = False
    #: the other copy's words before an excerpt's cut start: not in this copy (tracked by their own author)
    unknown: bool = False
    para: Optional[Paragraph] = None     # "mark": the paragraph whose properties apply
    old_para: Optional[Paragraph] = None  # "mark": the old paragraph, when in place
    endnote: bool = False                 # "fn": an endnote, not a footnote
    #: "fn" of a marker both sides hold where one copy lacks the note: the old side's note text (``text``
    #: is the new side's); the note writes ``was`` deleted and ``text`` inserted by the "not in this copy" author
    was: Optional[str] = None
    move: Optional[tuple[int, int]] = None  # a scattered pair's move: (slot of the old side, of the new)
    el: Optional[etree._Element] = None     # "range": a move range's start or end, written as it is


@dataclass(frozen=True)
class Note:
    """A note's text as the redline writes it, and whether it is an endnote."""

    text: str
    endnote: bool = False
    #: the copy has the marker but not the note: ``text`` is :func:`missing_note`
    missing: bool = False


SKIP = "skip"


def _roles(role: str, moves: str) -> tuple[dict[str, Optional[str]], Optional[str], Optional[str]]:
    """(rev per diff op, rev of old-side footnote refs, rev of new-side refs) for a unit role."""
    if role == "inplace":
        return {"equal": None, "delete": "del", "insert": "ins"}, "del", "ins"
    if role == "source":
        if moves == "move":
            return {"equal": "moveFrom", "delete": "del", "insert": SKIP}, "moveFrom", None
        return {"equal": "del", "delete": "del", "insert": SKIP}, "del", None
    if moves == "move":
        return {"equal": "moveTo", "delete": SKIP, "insert": "ins"}, None, "moveTo"
    return {"equal": "ins", "delete": SKIP, "insert": "ins"}, None, "ins"


def _lead_len(p: Paragraph) -> int:
    return len(p.leading) if p.leading and p.text.startswith(p.leading) else 0


def _refs(paras: list[Paragraph], notes: dict[str, Note]) -> dict[int, list[Note]]:
    """Global positions (in the ``"\\n"``-joined text) → notes, in order."""
    out: dict[int, list[Note]] = {}
    start = 0
    for p in paras:
        for r in sorted(p.footnote_refs, key=lambda r: r.offset):
            off = min(max(r.offset, 0), len(p.text))
            out.setdefault(start + off, []).append(notes.get(r.number) or Note(missing_note(r.number), missing=True))
        start += len(p.text) + 1
    return out


def _unknown_segments(unit: Unit) -> set[int]:
    """``id()`` of the segments of the unit's diff that hold words a copy does not hold because an
    excerpt cuts it there — before a cut start or past a cut end, shown or not in the text views
    (:func:`compare.export.labels.unknown_segments`): tracked by the "not in this copy" author."""
    if unit.pair is None:
        return set()
    shown, hidden = unknown_segments(unit.segments, unit.pair.cut_start, unit.pair.cut)
    return {id(unit.segments[k]) for k in shown | hidden}


def _note_toks(olds: list[Note], news: list[Note], old_rev: Optional[str], new_rev: Optional[str],
               unknown: bool = False) -> list[Tok]:
    """The marker tokens of the old notes ``olds`` and new notes ``news`` that stand at one place
    of the diff.  A note on both sides is one untracked marker; so is a marker both sides hold
    where one copy lacks the note's text (an excerpt's notes section): it did not change, only
    that copy does not hold its note, so the note's known text is tracked inside the note by the
    "not in this copy" author (``Tok.was``) — accept all then never shows a note text the new
    copy does not hold, reject all gives the old note.  Other old markers are ``old_rev``, other
    new ones ``new_rev``; ``unknown``: they stand in words a copy does not hold (an excerpt's cut),
    tracked like those words (deleted or inserted, never moved)."""
    if unknown:
        old_rev, new_rev = "del", "ins"
    news = list(news)
    same = []
    for t in olds:
        same.append(t in news)
        if same[-1]:
            news.remove(t)
    out: list[Tok] = []
    for t, kept in zip(olds, same):
        if kept:
            out.append(Tok("fn", None, t.text, endnote=t.endnote))
            continue
        other = next((n for n in news if n.missing or t.missing), None)
        if other is not None:       # a missing note's kind is not known: the known note's is
            news.remove(other)
            out.append(Tok("fn", None, other.text, endnote=t.endnote or other.endnote, was=t.text))
        else:
            out.append(Tok("fn", old_rev, t.text, endnote=t.endnote, unknown=unknown))
    out += [Tok("fn", new_rev, t.text, endnote=t.endnote, unknown=unknown) for t in news]
    return out


def _pop_notes(refs: dict[int, list[Note]], pos: Optional[int]) -> list[Note]:
    """The notes at ``pos`` (None: this side is not at a position), taken out of ``refs``."""
    return refs.pop(pos, []) if pos is not None else []


def unit_tokens(unit: Unit, moves: str, old_notes: dict[str, Note], new_notes: dict[str, Note]) -> list[Tok]:
    if unit.part is not None:
        return _part_tokens(unit, moves, old_notes, new_notes)
    revs, old_ref_rev, new_ref_rev = _roles(unit.role, moves)
    use_old = unit.role in ("inplace", "source") and bool(unit.old)
    use_new = unit.role in ("inplace", "dest") and bool(unit.new)
    old_refs = _refs(unit.old, old_notes) if use_old else {}
    new_refs = _refs(unit.new, new_notes) if use_new else {}
    toks: list[Tok] = []

    def flush(opos: Optional[int], npos: Optional[int], unknown: bool = False) -> None:
        toks.extend(_note_toks(_pop_notes(old_refs, opos), _pop_notes(new_refs, npos), old_ref_rev, new_ref_rev,
                               unknown))

    def mark_para(i: int, j: int) -> tuple[Paragraph, Optional[Paragraph]]:
        if unit.role == "source" or not unit.new:
            return unit.old[min(i, len(unit.old) - 1)], None
        pn = unit.new[min(j, len(unit.new) - 1)]
        po = unit.old[min(i, len(unit.old) - 1)] if (unit.role == "inplace" and unit.old) else None
        return pn, po

    heads = _unknown_segments(unit)
    flush(0 if use_old else None, 0 if use_new else None)
    for piece in _walk(unit, sorted(old_refs), sorted(new_refs)):
        rev = revs[piece.seg.op]
        if rev == SKIP:
            continue
        if piece.text == "\n":
            pn, po = mark_para(piece.i, piece.j)
            toks.append(Tok("mark", rev, minor=piece.seg.minor, para=pn, old_para=po, unknown=id(piece.seg) in heads))
        else:
            toks.append(Tok("text", rev, piece.text, italic=piece.italic, minor=piece.seg.minor,
                            unknown=id(piece.seg) in heads))
        flush(piece.opos if use_old else None, piece.npos if use_new else None, id(piece.seg) in heads)
    # refs beyond the text (bad offsets were clamped, so normally none are left)
    for rest in list(old_refs):
        flush(rest, None)
    for rest in list(new_refs):
        flush(None, rest)
    if unit.role == "inplace":
        final = "ins" if not unit.old else ("del" if not unit.new else None)
    else:
        final = revs["equal"]
    pn, po = mark_para(len(unit.old) - 1, len(unit.new) - 1)
    toks.append(Tok("mark", final, para=pn, old_para=po))
    return toks


class _Piece(NamedTuple):
    """One step of the walk over a unit's diff: a paragraph mark (``text == "\\n"``) or a run of
    characters of one segment, one italic state, no note position inside."""

    seg: Segment
    i: int                      # old paragraph index where the piece starts
    j: int                      # new paragraph index where the piece starts
    text: str
    italic: bool                # within the leading words (of the new paragraph, else the old)
    opos: Optional[int]         # global position after the piece on the old side; None: not on it
    npos: Optional[int]


def _walk(unit: Unit, old_stops: list[int], new_stops: list[int]) -> Iterator[_Piece]:
    """The unit's diff (its paragraphs joined with ``"\\n"``) in pieces, for both token writers
    (:func:`unit_tokens`, :func:`_part_tokens`): every paragraph mark, and runs of characters cut
    at the end of the leading words and at every note position in ``old_stops``/``new_stops``
    (sorted), where the caller writes the notes."""
    old_leads = [_lead_len(p) for p in unit.old]
    new_leads = [_lead_len(p) for p in unit.new]
    opos = npos = 0          # global positions
    i = j = 0                # paragraph indices
    oloc = nloc = 0          # offsets inside the current paragraphs
    for seg in unit.segments:
        on_old = seg.op in ("equal", "delete")
        on_new = seg.op in ("equal", "insert")
        text, k, end = seg.text, 0, len(seg.text)
        while k < end:
            pi, pj = i, j
            if text[k] == "\n":
                m, italic = k + 1, False
                if on_old:
                    opos, i, oloc = opos + 1, i + 1, 0
                if on_new:
                    npos, j, nloc = npos + 1, j + 1, 0
            else:
                m = text.find("\n", k, end)
                m = end if m < 0 else m
                if on_old:
                    m = _stop(old_stops, opos, k, m)
                if on_new:
                    m = _stop(new_stops, npos, k, m)
                lead, loc = (new_leads[j] if j < len(new_leads) else 0, nloc) if on_new else \
                    (old_leads[i] if i < len(old_leads) else 0, oloc)
                italic = loc < lead
                if italic:
                    m = min(m, k + lead - loc)
                if on_old:
                    opos, oloc = opos + m - k, oloc + m - k
                if on_new:
                    npos, nloc = npos + m - k, nloc + m - k
            yield _Piece(seg, pi, pj, text[k:m], italic, opos if on_old else None, npos if on_new else None)
            k = m


def _stop(stops: list[int], pos: int, k: int, m: int) -> int:
    """End of a run of characters starting at ``k`` (global position ``pos``) and ending by ``m``,
    cut short at the first note position after ``pos`` in ``stops`` (sorted): its notes follow there."""
    n = bisect_right(stops, pos)
    return min(m, k + stops[n] - pos) if n < len(stops) else m


def _refs_of(paras: list[Paragraph], notes: dict[str, Note], keep: frozenset) -> dict[int, list[Note]]:
    """:func:`_refs` of the paragraphs in ``keep`` only (positions still in the whole joined text)."""
    out: dict[int, list[Note]] = {}
    start = 0
    for p in paras:
        if p.id in keep:
            out.update({start + off: v for off, v in _refs([p], notes).items()})
        start += len(p.text) + 1
    return out


def _part_tokens(unit: Unit, moves: str, old_notes: dict[str, Note], new_notes: dict[str, Note]) -> list[Tok]:
    """The tokens of one slot of a scattered pair (``unit.part``): the whole diff is walked,
    and each piece of it is written here only if its paragraph is shown here.  Text (or a
    paragraph mark) of both an old paragraph and a new one shown here is untracked; of an
    old paragraph shown here whose new paragraph stands elsewhere, the source of a move
    (``moveFrom``, ``del`` with ``moves="delete-insert"``); of a new paragraph shown here
    whose old one stands elsewhere, its destination (``moveTo`` / ``ins``).  Deleted and
    inserted words go with their old and new paragraph.  ``Tok.move`` names the move: the
    two slots it joins."""
    keep_old, keep_new = unit.part
    home_old, home_new = unit.homes
    old_ids = [p.id for p in unit.old]
    new_ids = [p.id for p in unit.new]
    old_refs = _refs_of(unit.old, old_notes, keep_old)
    new_refs = _refs_of(unit.new, new_notes, keep_new)
    last_i, last_j = len(unit.old) - 1, len(unit.new) - 1
    toks: list[Tok] = []

    def rev_of(op: str, i: int, j: int) -> tuple[Optional[str], Optional[tuple[int, int]]]:
        """(rev, move key) of a piece of ``op`` at old paragraph ``i`` / new paragraph ``j``;
        rev SKIP: not written here."""
        ko = op != "insert" and old_ids[min(i, last_i)] in keep_old
        kn = op != "delete" and new_ids[min(j, last_j)] in keep_new
        if op == "delete":
            return ("del", None) if ko else (SKIP, None)
        if op == "insert":
            return ("ins", None) if kn else (SKIP, None)
        if ko and kn:
            return None, None
        if not (ko or kn):
            return SKIP, None
        key = (home_old[old_ids[min(i, last_i)]], home_new[new_ids[min(j, last_j)]])
        if ko:
            return ("moveFrom" if moves == "move" else "del"), key
        return ("moveTo" if moves == "move" else "ins"), key

    def flush(opos: Optional[int], npos: Optional[int], unknown: bool = False) -> None:
        toks.extend(_note_toks(_pop_notes(old_refs, opos), _pop_notes(new_refs, npos), "del", "ins", unknown))

    def mark(rev, key, i: int, j: int, minor: bool = False, unknown: bool = False) -> None:
        # a paragraph mark is not moved text: its change is an inserted or deleted mark
        rev, key = {"moveFrom": "del", "moveTo": "ins"}.get(rev, rev), None
        if rev in (None, "ins"):
            pn, po = unit.new[min(j, last_j)], (unit.old[min(i, last_i)] if rev is None else None)
        else:
            pn, po = unit.old[min(i, last_i)], None
        toks.append(Tok("mark", rev, minor=minor, para=pn, old_para=po, move=key, unknown=unknown))

    heads = _unknown_segments(unit)
    flush(0, 0)
    for piece in _walk(unit, sorted(old_refs), sorted(new_refs)):
        rev, key = rev_of(piece.seg.op, piece.i, piece.j)
        if rev != SKIP:
            if piece.text == "\n":
                mark(rev, key, piece.i, piece.j, piece.seg.minor, id(piece.seg) in heads)
            else:
                toks.append(Tok("text", rev, piece.text, italic=piece.italic, minor=piece.seg.minor, move=key,
                                unknown=id(piece.seg) in heads))
        flush(piece.opos, piece.npos, id(piece.seg) in heads)
    for rest in list(old_refs):
        flush(rest, None)
    for rest in list(new_refs):
        flush(None, rest)
    rev, key = rev_of("equal", last_i, last_j)
    if rev != SKIP:
        mark(rev, key, last_i, last_j)
    return toks


# --------------------------------------------------------------------------- typed numbers


def _numbered(p: Paragraph) -> bool:
    """Whether the redline numbers ``p`` (automatically or typed): OPs, and sub-paragraphs."""
    return p.kind == "OP" or (p.kind in ("PP", "P") and p.level > 0)


def number_label(p: Paragraph, lang: Optional[str] = None) -> str:
    """The typed number written before ``p`` (a paragraph of a text in ``lang``): ``"5."``,
    ``"(a)"``, ``"(ii)"``, « a) » (:func:`compare.language.typed_label`); ``""`` when unnumbered."""
    if not _numbered(p):
        return ""
    return typed_label(p.number, p.level, lang)


_OLD_SIDE = (None, "del", "moveFrom")    # token revisions kept by reject all
_NEW_SIDE = (None, "ins", "moveTo")      # ... by accept all


def _label_toks(old: str, new: str) -> list[Tok]:
    """A paragraph start's number tokens: shared when both sides' numbers agree, else the
    old one deleted and the new one inserted (then one shared tab)."""
    if old and old == new:
        return [Tok("text", None, old + "\t")]
    if old and new:
        return [Tok("text", "del", old), Tok("text", "ins", new), Tok("text", None, "\t")]
    if old:
        return [Tok("text", "del", old + "\t")]
    return [Tok("text", "ins", new + "\t")] if new else []


def with_labels(toks: list[Tok], old: list[Paragraph], new: list[Paragraph],
                langs: tuple[Optional[str], Optional[str]] = (None, None)) -> list[Tok]:
    """``toks`` (one unit's) with each paragraph's typed number at its start.

    ``old``/``new``: the paragraphs this unit shows, in order; ``langs``: the two texts'
    languages (how a sub-paragraph's label is written).  A paragraph mark that
    reject all keeps ends an old paragraph; one that accept all keeps ends a new one.
    The next old (new) paragraph's number is written, deleted (inserted), before the
    very next token: whatever stands between it and the paragraph's own text is of the
    other side only, so it vanishes with the number's side and the number still opens
    the paragraph.  An old and a new paragraph starting at the same token share their
    number when it is the same.

    Why typed numbers at all: LibreOffice 7.4's markup view labels a list item with its
    number in a "changes hidden" list, which leaves out every paragraph that holds a
    tracked deletion when its numbering is read (``SwTextNode::AddToList``: no
    ``RedlineType::Delete`` may touch the node), and the paragraph after a deleted mark;
    no writing of automatic numbering tried escapes that (issue #12; the strict xfail in
    tests/test_libreoffice.py lists what was tried).
    """
    out: list[Tok] = []
    ko = kn = 0
    pend_old, pend_new = bool(old), bool(new)
    for t in toks:
        if t.kind in ("text", "fn", "mark") and (pend_old or pend_new):
            o = number_label(old[ko], langs[0]) if pend_old else ""
            n = number_label(new[kn], langs[1]) if pend_new else ""
            out.extend(_label_toks(o, n))
            ko += pend_old
            kn += pend_new
            pend_old = pend_new = False
        out.append(t)
        if t.kind == "mark":
            pend_old = pend_old or (t.rev in _OLD_SIDE and ko < len(old))
            pend_new = pend_new or (t.rev in _NEW_SIDE and kn < len(new))
    return out


def _shown(unit: "Unit") -> tuple[list[Paragraph], list[Paragraph]]:
    """The old and new paragraphs a unit writes, in order (a scattered pair's slot: its part)."""
    if unit.part is not None:
        return [p for p in unit.old if p.id in unit.part[0]], [p for p in unit.new if p.id in unit.part[1]]
    return (unit.old if unit.role != "dest" else []), (unit.new if unit.role != "source" else [])


# --------------------------------------------------------------------------- builder


def _style_of(p: Paragraph) -> str:
    if p.kind == "P" and p.level == 0:
        return "RCPlain"
    if p.level >= 2:
        return "RCSub2"
    if p.level == 1:
        return "RCSub1"
    return "RCOP" if p.kind == "OP" else ("RCPP" if p.kind == "PP" else "RCPlain")


@dataclass
class _Numbering:
    """Hands out numIds: one list for the OPs (restarted at a discontinuity of
    the new version's numbers), one fresh list per run of PP sub-paragraphs."""

    nums: list[tuple[int, int, Optional[tuple[int, int]]]] = field(default_factory=list)
    op_num: Optional[int] = None
    pp_num: Optional[int] = None
    last_parent: Optional[str] = None

    def _new(self, aid: int, override=None) -> int:
        nid = len(self.nums) + 1
        self.nums.append((nid, aid, override))
        return nid

    def restart_op(self, start: int) -> None:
        self.op_num = self._new(OP_ABSTRACT, (0, start) if start != 1 else None)

    def num_for(self, p: Paragraph) -> Optional[tuple[int, int]]:
        if p.kind == "OP":
            if self.op_num is None:
                self.restart_op(1)
            return (self.op_num, min(p.level, 2))
        if p.kind == "PP" and p.level > 0:
            if self.pp_num is None or p.parent != self.last_parent:
                self.pp_num = self._new(PPSUB_ABSTRACT, (1, 1))
                self.last_parent = p.parent
            return (self.pp_num, min(p.level, 2))
        if p.kind == "P" and p.level > 0:
            if self.pp_num is None or p.parent != self.last_parent:
                self.pp_num = self._new(PPSUB_ABSTRACT, (1, 1))
                self.last_parent = p.parent
            return (self.pp_num, min(p.level, 2))
        return None


class _Builder:
    def __init__(self, cmp: Comparison, author: str, stamp: str, summary: bool, moves: str,
                 trace: Optional[dict] = None, outside: str = "show", numbering: str = "auto") -> None:
        self.cmp = cmp
        self.typed = numbering == "typed"
        self.outside = outside
        self.trace = trace
        self.moves = moves
        self.summary = summary
        self.lang = cmp.new.meta.language or cmp.old.meta.language
        # "Rev.2 (mineur)" in a French redline: the summary names this author, in the document's language
        self.tracker = ox.Tracker(author=author, date=stamp, minor_author=word("minor_author", self.lang, a=author),
                                  unknown_author=word("unknown_author", self.lang, a=author))
        self.rtl = self.lang in RTL
        # typed labels as each text writes them ("(a)" in English, « a) » in French and Spanish)
        self.langs = (cmp.old.meta.language or self.lang, cmp.new.meta.language or self.lang)
        self.numbering = _Numbering()
        self.footnotes: list[tuple[int, list[etree._Element]]] = []
        self.endnotes: list[tuple[int, list[etree._Element]]] = []
        self.old_notes = _notes(cmp.old)
        self.new_notes = _notes(cmp.new)
        self._move_names: dict[str, str] = {}
        self._expected_op = 1
        self.para_changes = True
        self._places: list[Optional[_CellKey]] = []     # one per paragraph made, in order
        self._tmap, self._rmap = _cell_maps(cmp)

    def _cell_key(self, p: Optional[Paragraph], old_side: bool) -> Optional["_CellKey"]:
        """Where the paragraph goes in the redline's tables: (table, row, column), the
        old version's rows and tables mapped to the new ones they were aligned with."""
        if p is None or not p.cell or len(p.cell) < 3:
            return None
        t, r, c = p.cell[:3]
        if not old_side:
            return (("new", t), ("new", r), c)
        if (t, r) in self._rmap:
            nt, nr = self._rmap[(t, r)]
            return (("new", nt), ("new", nr), c)
        if t in self._tmap:
            return (("new", self._tmap[t]), ("old", r), c)
        return (("old", t), ("old", r), c)

    # -- footnotes
    def _note_runs(self, text: str, was: Optional[str] = None) -> list[etree._Element]:
        """A note's content: ``text``, or (``was`` given: one copy lacks the note of a marker both
        hold) ``was`` deleted and ``text`` inserted by the "not in this copy" author."""
        if was is None:
            return [ox.run(text, rtl=self.rtl)]
        gone = self.tracker.wrapper("del", unknown=True)
        gone.append(ox.run(was, deleted=True, rtl=self.rtl))
        came = self.tracker.wrapper("ins", unknown=True)
        came.append(ox.run(text, rtl=self.rtl))
        return [gone, came]

    def _footnote(self, text: str, was: Optional[str] = None) -> int:
        fid = len(self.footnotes) + 1
        self.footnotes.append((fid, self._note_runs(text, was)))
        return fid

    def _endnote(self, text: str, was: Optional[str] = None) -> int:
        fid = len(self.endnotes) + 1
        self.endnotes.append((fid, self._note_runs(text, was)))
        return fid

    # -- paragraph properties
    def _ppr(self, p: Paragraph, numbered: bool = True) -> etree._Element:
        if self.typed:
            tab = label_tab(p.level) if numbered and _numbered(p) else None
            return ox.ppr(_style_of(p), bidi=self.rtl, tab=tab)
        num = self.numbering.num_for(p) if numbered else None
        return ox.ppr(_style_of(p), num=num, bidi=self.rtl)

    def _op_sequence(self, unit: Unit) -> None:
        """Restart OP numbering where the new version's numbers jump (excerpts)."""
        if unit.role == "source" or not unit.new:
            return
        shown = unit.new if unit.part is None else [p for p in unit.new if p.id in unit.part[1]]
        for p in shown:
            if p.kind == "OP" and p.level == 0 and p.number.isdigit():
                n = int(p.number)
                if self.numbering.op_num is None or n != self._expected_op:
                    if not (self.numbering.op_num is None and n == 1):
                        self.numbering.restart_op(n)
                self._expected_op = n + 1

    # -- body
    def _outside_mark(self, label: str) -> etree._Element:
        """The visible "[outside the excerpt · PP1 (61/180)] " run that opens an untracked outside paragraph."""
        return ox.run(f"[{word('outside_mark', self.lang)} · {label}] ", rtl=self.rtl, bold=True)

    def _outside_paragraph(self, unit: Unit) -> list[etree._Element]:
        """A paragraph the excerpt does not cover: untracked (accept and reject keep it), no
        automatic number (its own number is in the mark), grey."""
        side_old = bool(unit.old)
        p = unit.old[0] if side_old else unit.new[0]
        doc_label = self.cmp.old.label if side_old else self.cmp.new.label
        notes = self.old_notes if side_old else self.new_notes
        inplace = Unit("inplace", [p], [p], [Segment("equal", p.text)])
        toks = unit_tokens(inplace, self.moves, notes, notes)
        runs = [self._outside_mark(f"{cite(p.id)} ({doc_label})" if doc_label else cite(p.id))]
        runs.extend(self._runs([t for t in toks if t.kind != "mark"]))
        return [ox.paragraph(ox.ppr(OUTSIDE_STYLE, bidi=self.rtl), runs)]

    def _unit_paragraphs(self, unit: Unit) -> list[etree._Element]:
        if unit.role == "outside":
            made = self._outside_paragraph(unit)
            self._places.extend([None] * len(made))       # outside an excerpt: never inside a table
            return made
        if not self.typed:
            self._op_sequence(unit)
        toks = unit_tokens(unit, self.moves, self.old_notes, self.new_notes)
        if self.typed:
            toks = with_labels(toks, *_shown(unit), langs=self.langs)
        if unit.part is not None and self.moves == "move":
            toks = self._move_ranges(toks)
        paras: list[etree._Element] = []
        current: list[Tok] = []
        for t in toks:
            if t.kind != "mark":
                current.append(t)
                continue
            p_pr = self._ppr(t.para)
            if self.para_changes and t.old_para is not None and t.rev is None and len(unit.old) == 1 and len(unit.new) == 1:
                if _style_of(t.old_para) != _style_of(t.para):
                    old_ppr = self._ppr(t.old_para)
                    ox.insert_in_order(p_pr, self.tracker.para_change(old_ppr), ox._PPR_ORDER)
            if t.rev is not None:
                ox.set_mark_revision(p_pr, self.tracker.mark(t.rev, t.minor, t.unknown))
            paras.append(ox.paragraph(p_pr, self._runs(current)))
            old_side = (unit.role == "source" or not unit.new) if unit.part is None else t.rev in ("del", "moveFrom")
            self._places.append(self._cell_key(t.para, old_side=old_side))
            current = []
        if unit.move_name and self.moves == "move" and paras:
            kind = "moveFrom" if unit.role == "source" else "moveTo"
            name = self._move_names.setdefault(unit.move_name, self.tracker.move_name())
            start, end = self.tracker.range_start(kind, name)
            first, last = paras[0], paras[-1]
            ppr_el = first.find(ox.w("pPr"))
            first.insert(1 if ppr_el is not None else 0, start)
            last.append(end)
        return paras

    def _move_ranges(self, toks: list[Tok]) -> list[Tok]:
        """``toks`` of a scattered pair's slot with a range start before the first token of each
        move and its end after the last (before it, when that is a paragraph mark)."""
        first: dict[tuple[int, int], int] = {}
        last: dict[tuple[int, int], int] = {}
        for k, t in enumerate(toks):
            if t.move is not None:
                first.setdefault(t.move, k)
                last[t.move] = k
        before: dict[int, list[Tok]] = {}
        after: dict[int, list[Tok]] = {}
        for key, k in first.items():
            kind = toks[k].rev
            name = self._move_names.setdefault(key, self.tracker.move_name())
            start, end = self.tracker.range_start(kind, name)
            before.setdefault(k, []).append(Tok("range", "range", el=start))
            e = last[key]
            (before.setdefault(e, []) if toks[e].kind == "mark" else after.setdefault(e, [])).append(
                Tok("range", "range", el=end))
        out: list[Tok] = []
        for k, t in enumerate(toks):
            out += before.get(k, [])
            out.append(t)
            out += after.get(k, [])
        return out

    def _runs(self, toks: list[Tok]) -> list[etree._Element]:
        out: list[etree._Element] = []
        k = 0
        while k < len(toks):
            if toks[k].kind == "range":
                out.append(toks[k].el)
                k += 1
                continue
            rev = toks[k].rev
            tag = (toks[k].minor, toks[k].unknown) if rev in ("ins", "del") else (False, False)
            m = k
            while m < len(toks) and toks[m].rev == rev and (
                    ((toks[m].minor, toks[m].unknown) if rev in ("ins", "del") else (False, False)) == tag):
                m += 1
            runs = self._plain_runs(toks[k:m], deleted=rev in ("del", "moveFrom"))
            if rev is None:
                out.extend(runs)
            else:
                wrap = self.tracker.wrapper(rev, *tag)
                for r in runs:
                    wrap.append(r)
                out.append(wrap)
            k = m
        return out

    def _plain_runs(self, toks: list[Tok], deleted: bool) -> list[etree._Element]:
        runs: list[etree._Element] = []
        buf: list[str] = []
        italic = False

        def flush():
            if buf:
                runs.append(ox.run("".join(buf), deleted=deleted, italic=italic, rtl=self.rtl))
                buf.clear()

        for t in toks:
            if t.kind == "fn":
                flush()
                if t.endnote:
                    runs.append(ox.footnote_ref_run(self._endnote(t.text, t.was), "endnote"))
                else:
                    runs.append(ox.footnote_ref_run(self._footnote(t.text, t.was)))
                continue
            if t.italic != italic:
                flush()
                italic = t.italic
            buf.append(t.text)
        flush()
        return runs

    def _title(self) -> Optional[etree._Element]:
        """The title: a word-level tracked change when both versions state one; a title only
        one version states is not a change (an excerpt without its header) — shown untracked
        and marked like paragraphs outside the excerpt, or left out."""
        ot, nt = self.cmp.old.meta.title, self.cmp.new.meta.title
        if not ot and not nt:
            return None
        if not (ot and nt) and self.outside == "omit":
            return None
        p_pr = ox.ppr("RCTitle", bidi=self.rtl, page_break_before=self.summary)
        if not (ot and nt):
            label = self.cmp.old.label if ot else self.cmp.new.label
            mark = self._outside_mark(f"{word('title', self.lang)} ({label})" if label else word("title", self.lang))
            return ox.paragraph(ox.ppr(OUTSIDE_STYLE, bidi=self.rtl, page_break_before=self.summary),
                                [mark, ox.run(ot or nt, rtl=self.rtl)])
        if ot == nt:
            return ox.paragraph(p_pr, [ox.run(nt, rtl=self.rtl)])
        segs = self.cmp.header.title_diff
        if ("".join(x.text for x in segs if x.op != "insert") != ot
                or "".join(x.text for x in segs if x.op != "delete") != nt):
            segs = [Segment("delete", ot), Segment("insert", nt)]
        children = []
        for seg in segs:
            if seg.op == "equal":
                children.append(ox.run(seg.text, rtl=self.rtl))
                continue
            wrap = self.tracker.wrapper("del" if seg.op == "delete" else "ins", seg.minor)
            wrap.append(ox.run(seg.text, deleted=seg.op == "delete", rtl=self.rtl))
            children.append(wrap)
        return ox.paragraph(p_pr, children)

    def _summary(self) -> list[etree._Element]:
        cmp, lang = self.cmp, self.lang
        ol, nl = cmp.old.label or "old", cmp.new.label or "new"
        lines: list[tuple[str, str]] = [
            ("RCSummaryTitle", word("changes_from", lang, old=ol, new=nl) + (word("fragment", lang) if cmp.fragment else ""))]
        counts = cmp.summary()
        lines.append(("RCSummary", word("counts", lang) + comma(lang).join(f"{word('n_' + k, lang)} {v}" for k, v in counts.items() if v)
                      + full_stop(lang) if any(counts.values()) else word("no_paragraphs", lang)))
        head = header_lines(cmp.header, lang)
        if head:
            lines.append(("RCSummary", word("header", lang) + semicolon(lang).join(head) + full_stop(lang)))
        renum = []
        for pair in cmp.pairs:
            if pair.status == "unchanged" and not pair.moved and not pair.cross_kind and not pair.footnote_changes:
                if pair.renumbered:
                    renum.append(f"{cite_all(pair.old)} → {cite_all(pair.new)}")
                continue
            lines.append(("RCSummaryItem", describe_in(pair, lang)))
        if renum:
            key = "renumbered_only_typed" if self.typed else "renumbered_only"
            lines.append(("RCSummary", word(key, lang) + comma(lang).join(renum) + full_stop(lang)))
        oos = cmp.out_of_scope or {}
        if oos.get("old") or oos.get("new"):
            key = "outside_shown" if self.outside == "show" else "outside_omitted"
            lines.append(("RCSummary", word(key, lang, mark=word("outside_mark", lang), old_label=ol, new_label=nl,
                                            old=comma(lang).join(oos.get("old", [])) or "—",
                                            new=comma(lang).join(oos.get("new", [])) or "—")))
        lines.extend(("RCSummaryItem", t) for t in _furniture_changes(cmp))
        if shows_unknown_numbers(cmp):
            lines.append(("RCSummary", word("unknown_number", lang)))
        if any(p.cut_start for p in cmp.pairs):
            lines.append(("RCSummary", word("unknown_tracked", lang, u=self.tracker.unknown_author or "")))
        # what the marks mean, as this file makes them (typed numbers are marked, automatic ones not)
        lines.append(("RCSummary", word("tracked_by", lang, a=self.tracker.author, m=self.tracker.minor_author or "")
                      + word("moves_as_moves" if self.moves == "move" else "moves_as_del_ins", lang)
                      + word("numbers_typed" if self.typed else "numbers_auto", lang)
                      + word("not_the_text", lang)))
        out = [ox.paragraph(ox.ppr(style, bidi=False), [ox.run(text)]) for style, text in lines]
        start, end = ox.bookmark(self.tracker.ids, SUMMARY_BOOKMARK)
        first = out[0]
        first.insert(1, start)
        out[-1].append(end)
        return out

    def _trace_appendix(self) -> list[etree._Element]:
        """The agreed-language table, after the resolution: untracked, own styles and bookmark."""
        from .trace_views import appendix_head, appendix_intro, trace_rows

        tr = self.trace
        label = self.cmp.new.label or tr.get("draft", {}).get("label") or word("new_version", self.lang)
        intro = [("RCTraceTitle" if k == 0 else "RCTrace", t)
                 for k, t in enumerate(appendix_intro(tr, label, self.lang))]
        out = [ox.paragraph(ox.ppr(style, page_break_before=(k == 0)), [ox.run(text)])
               for k, (style, text) in enumerate(intro)]
        head = appendix_head(self.lang)
        out.append(_table([list(head)] + [list(r) for r in trace_rows(tr, self.lang)], widths=(1000, 1100, 3000, 3900),
                          rtl_cols={3} if self.rtl else set()))
        out.append(ox.paragraph(ox.ppr("RCTrace")))
        start, end = ox.bookmark(self.tracker.ids, TRACE_BOOKMARK)
        out[0].insert(1, start)
        out[-1].append(end)
        return out

    def build(self) -> bytes:
        cmp = self.cmp
        body: list[etree._Element] = []
        if self.summary:
            body.extend(self._summary())
        title = self._title()
        if title is not None:
            body.append(title)
        elif self.summary:
            body.append(ox.paragraph(ox.ppr("RCEnd", page_break_before=True)))
        opener = OPENERS.get(self.lang or "en", OPENERS["en"])
        # the opener is written only when a version has one: never invented for an
        # excerpt or a document that is not a resolution (accept-all = new)
        if cmp.new.has_opener or cmp.old.has_opener:
            body.append(ox.paragraph(ox.ppr("RCOpener", bidi=self.rtl), [ox.run(opener, rtl=self.rtl)]))
        placed: list[tuple[etree._Element, Optional[_CellKey]]] = []
        for unit in layout(cmp, self.moves, self.outside):
            if unit.gap_before:
                placed.append((ox.paragraph(ox.ppr("RCGap"), [ox.run(word("gap", self.lang))]), None))
            self._places = []
            made = self._unit_paragraphs(unit)
            placed.extend(zip(made, self._places))
        body.extend(_with_tables(placed, self.tracker))
        if len(cmp.new.paragraphs) in set(cmp.new.gaps):
            body.append(ox.paragraph(ox.ppr("RCGap"), [ox.run(word("gap", self.lang))]))
        body.append(ox.paragraph(ox.ppr("RCEnd")))
        if self.trace is not None:
            body.extend(self._trace_appendix())
        stories = self._stories()
        document = ox.document_part(body, ox.sect_pr(stories=stories))
        return ox.package(
            document, styles_part(self.lang),
            numbering_part(self.numbering.nums or [(1, OP_ABSTRACT, None)], self.langs[1]),
            ox.footnotes_part(self.footnotes),
            title=f"Redline {cmp.old.label} → {cmp.new.label}", creator=self.tracker.author,
            date=self.tracker.date, stories=stories,
            endnotes=ox.footnotes_part(self.endnotes, "endnote") if self.endnotes else None,
        )

    def _stories(self) -> dict[str, etree._Element]:
        """Page header and footer lines of Word versions, written into the redline's own
        header/footer with whole-line tracked changes (accept = new, reject = old)."""
        out: dict[str, etree._Element] = {}
        for kind in ("header", "footer"):
            old = [d.text for d in self.cmp.old.dropped if d.reason == f"page {kind}"]
            new = [d.text for d in self.cmp.new.dropped if d.reason == f"page {kind}"]
            if not old and not new:
                continue
            import difflib          # only for Word versions with page headers/footers

            paras: list[etree._Element] = []
            for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
                if op == "equal":
                    paras += [ox.paragraph(ox.ppr(), [ox.run(t)]) for t in new[j1:j2]]
                    continue
                for rev, texts in (("del", old[i1:i2]), ("ins", new[j1:j2])):
                    for t in texts:
                        p_pr = ox.ppr()
                        ox.set_mark_revision(p_pr, self.tracker.mark(rev))
                        wrap = self.tracker.wrapper(rev)
                        wrap.append(ox.run(t, deleted=rev == "del"))
                        paras.append(ox.paragraph(p_pr, [wrap]))
            out[kind] = ox.story_part(kind, paras)
        return out


#: dropped page lines → how the redline shows their changes (a key of :data:`compare.export.words.WORDS`)
_PAGE_LINES = {"page header": "tracked_in_header", "page footer": "tracked_in_footer",
               "page header or footer": "not_tracked"}


def _furniture_changes(cmp: Comparison) -> list[str]:
    """Page header/footer lines that differ between the versions, for the summary (a
    reader looks at the body first).  Word's are tracked in the redline's own header
    and footer; a PDF's (mixed with page numbers) are only listed."""
    def lines(doc: Document) -> list[tuple[str, str]]:
        return [(d.reason, d.text) for d in doc.dropped if d.reason in _PAGE_LINES]

    lang = cmp.new.meta.language or cmp.old.meta.language      # the summary's language
    old, new = lines(cmp.old), lines(cmp.new)
    out = [word("page_line_removed", lang, what=word(r, lang), text=quote(t, lang), how=word(_PAGE_LINES[r], lang))
           for r, t in old if (r, t) not in new]
    out += [word("page_line_added", lang, what=word(r, lang), text=quote(t, lang), how=word(_PAGE_LINES[r], lang))
            for r, t in new if (r, t) not in old]
    return out


_CellKey = tuple[tuple[str, int], tuple[str, int], int]


def _cell_maps(cmp: Comparison) -> tuple[dict[int, int], dict[tuple[int, int], tuple[int, int]]]:
    """Old table → new table and old (table, row) → new (table, row), from the aligned
    cell paragraphs, so an edited row is one row of the redline, not two."""
    old_by = {p.id: p for p in cmp.old.paragraphs}
    new_by = {p.id: p for p in cmp.new.paragraphs}
    tmap: dict[int, int] = {}
    votes: dict[tuple[tuple[int, int], tuple[int, int]], int] = {}
    for pair in cmp.pairs:
        for oid, nid in zip(pair.old, pair.new):
            o, n = old_by.get(oid), new_by.get(nid)
            if o is None or n is None or not o.cell or not n.cell or len(o.cell) < 3 or len(n.cell) < 3:
                continue
            tmap.setdefault(o.cell[0], n.cell[0])
            key = (o.cell[:2], n.cell[:2])
            votes[key] = votes.get(key, 0) + 1
    # each old row goes to the new row most of its cells were aligned with, one to one
    rmap: dict[tuple[int, int], tuple[int, int]] = {}
    taken: set[tuple[int, int]] = set()
    for (orow, nrow), _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])):
        if orow not in rmap and nrow not in taken:
            rmap[orow] = nrow
            taken.add(nrow)
    return tmap, rmap


def _with_tables(placed: list[tuple[etree._Element, Optional[_CellKey]]], tracker: ox.Tracker) -> list[etree._Element]:
    """Body paragraphs as they are; consecutive table-cell paragraphs gathered into
    real tables, row by row and cell by cell.  A row whose paragraphs are all
    inserted (deleted) becomes an inserted (deleted) row revision."""
    out: list[etree._Element] = []
    k = 0
    while k < len(placed):
        el, key = placed[k]
        if key is None:
            out.append(el)
            k += 1
            continue
        table_id = key[0]
        rows: list[tuple[tuple[str, int], dict[int, list[etree._Element]]]] = []
        last_col = 0
        while k < len(placed) and placed[k][1] is not None and placed[k][1][0] == table_id:
            el, (_, row_id, col) = placed[k]
            # a new row when the row changes, or when the column goes back: cells are
            # written in column order, and the paragraphs must keep their reading order
            if not rows or rows[-1][0] != row_id or col < last_col:
                rows.append((row_id, {}))
            rows[-1][1].setdefault(col, []).append(el)
            last_col = col
            k += 1
        built = []
        for _, cells in rows:
            paras = [p for ps in cells.values() for p in ps]
            revs = {etree.QName(r).localname if r is not None else None for r in map(ox.mark_revision, paras)}
            row_rev = None
            if revs in ({"ins"}, {"del"}):
                row_rev = tracker.mark(revs.pop())
            built.append((row_rev, [cells[c] for c in sorted(cells)]))
        out.append(ox.tracked_table(built))
    return out


def _table(rows: list[list[str]], widths: tuple[int, ...], rtl_cols: set[int] = frozenset()) -> etree._Element:
    """A plain bordered table (first row a repeated header row) of one-paragraph text cells."""
    tbl = ox.el("tbl")
    pr = ox.sub(tbl, "tblPr")
    ox.sub(pr, "tblW", {"w": sum(widths), "type": "dxa"})
    borders = ox.sub(pr, "tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        ox.sub(borders, side, {"val": "single", "sz": 4, "space": 0, "color": "999999"})
    ox.sub(pr, "tblLayout", {"type": "fixed"})
    mar = ox.sub(pr, "tblCellMar")
    ox.sub(mar, "left", {"w": 80, "type": "dxa"})
    ox.sub(mar, "right", {"w": 80, "type": "dxa"})
    ox.sub(pr, "tblLook", {"val": "04A0", "firstRow": 1, "lastRow": 0, "firstColumn": 0, "lastColumn": 0,
                           "noHBand": 1, "noVBand": 1})
    grid = ox.sub(tbl, "tblGrid")
    for wd in widths:
        ox.sub(grid, "gridCol", {"w": wd})
    for k, row in enumerate(rows):
        tr = ox.sub(tbl, "tr")
        if k == 0:
            ox.sub(ox.sub(tr, "trPr"), "tblHeader")
        for c, (text, wd) in enumerate(zip(row, widths)):
            tc = ox.sub(tr, "tc")
            ox.sub(ox.sub(tc, "tcPr"), "tcW", {"w": wd, "type": "dxa"})
            rtl = c in rtl_cols
            tc.append(ox.paragraph(ox.ppr("RCTraceHead" if k == 0 else "RCTraceCell", bidi=rtl and k > 0),
                                   [ox.run(text, rtl=rtl and k > 0)]))
    return tbl


def missing_note(number: str) -> str:
    """Footnote text written when the version has the marker but not the note."""
    return f"[footnote {number}: text not available in this copy]"


def _notes(doc: Document) -> dict[str, Note]:
    out: dict[str, Note] = {}
    for f in doc.footnotes:
        out.setdefault(f.number, Note(f.text, f.kind == "endnote"))
    return out
