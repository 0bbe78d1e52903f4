"""Which version came first, by what the versions themselves say.

An uploaded version must not go last whatever its date: Rev.1 (10 Nov) →
Rev.2 (17 Nov) → L.17/Rev.1 (10 Nov) compares the drafts backwards without a
word.  :func:`order_versions` orders versions by

1. the General Assembly session (from an ``A/…`` symbol — ``A/RES/63/194``,
   ``A/C.3/63/L.17`` —, else the session the header states — "Sixty-first session",
   « Soixante-troisième session » —, else the date: a session opens in September);
2. drafts before the adopted ``A/RES`` text;
3. the date;
4. the stage: the base draft, then Rev.1, Rev.2, … (from the symbol, else the
   label or file name, else the document type: « projet de résolution » is a
   base draft; a revised text without a number goes after the numbered ones).

A version with neither a session nor a date keeps its place among the others.
When the user sets the order, it is kept, with a warning where it contradicts
the dates.  Versions with the same text (the .docx and the .pdf of one draft)
are flagged: ``same_as[i]`` is the earlier version ``i`` repeats.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Optional, Sequence

from compare.header import compare_headers
from compare.model import Document
from compare.numerals import session_number
from compare.tokens import typography, words

_RES = re.compile(r"RES[/\-_ ](\d{1,3})[/\-_ ](\d+)", re.I)
_A_SESSION = re.compile(r"\bA/(?:C\.\d/|RES/)?(\d{1,3})/", re.I)
_REV = re.compile(r"\bRev[.\-_ ]?\s*(\d+)", re.I)
_DRAFT = re.compile(r"\bL[.\-_ ]?\d+", re.I)
# "as orally revised", « tel que révisé oralement », "revisado oralmente", «с устными изменениями»:
# the text as the delegation read it out in the meeting, after the written revision it amends
_ORAL = re.compile(r"(?<![^\W\d_])oral(?:ly|ement|mente|es)?(?![^\W\d_])|устн|شفوي|口头", re.I)
ORAL_STEP = 0.5         # an oral revision's stage: half a step after the text it amends
_REVISED_TYPE = re.compile(r"revised|révisé|revisado|пересмотренн|منقح|订正", re.I)
_DRAFT_TYPE = re.compile(r"draft|projet|proyecto|проект|مشروع|草案", re.I)
_ADOPTED_TYPE = re.compile(r"^\s*(resolution|résolution|resolución|резолюция|قرار|决议)\s*$", re.I)

ADOPTED = 1000          # stage of an adopted resolution: after every revision


@dataclass(frozen=True)
class Placement:
    """What a version says about where it stands (``None``: it does not say)."""

    session: Optional[int]
    stage: Optional[float]      # 0 base draft, n Rev.n, n + ORAL_STEP Rev.n as orally revised, ADOPTED
    date: Optional[str]         # ISO

    @property
    def known(self) -> bool:
        return self.session is not None or self.date is not None


@dataclass
class VersionOrder:
    """``order``: indices into the given versions, oldest first; ``warnings``: one plain
    line each; ``same_as``: {index: index of an earlier version with the same text}."""

    order: list[int]
    warnings: list[str] = field(default_factory=list)
    same_as: dict[int, int] = field(default_factory=dict)


def _session_of_date(iso: str) -> Optional[int]:
    m = re.match(r"(\d{4})-(\d{2})", iso or "")
    if not m:
        return None
    year, month = int(m.group(1)), int(m.group(2))
    return year - 1945 - (0 if month >= 9 else 1)       # the 63rd session opened in September 2008


def placement(doc: Document) -> Placement:
    """Session, stage and date as the version states them (symbol, then label and file name)."""
    m = doc.meta
    names = [m.symbol or "", doc.label or "", doc.source or ""]
    session = stage = None
    for text in names:
        r = _RES.search(text)
        if r:
            session, stage = int(r.group(1)), ADOPTED
            break
    if session is None and m.symbol:
        a = _A_SESSION.search(m.symbol)
        if a:
            session = int(a.group(1))
    if stage is None:
        for text in names:
            rev = _REV.search(text)
            if rev:
                stage = int(rev.group(1))
                break
            if _DRAFT.search(text):
                stage = 0
                break
    if stage is not None and stage != ADOPTED and any(_ORAL.search(t) for t in names[1:]):
        stage += ORAL_STEP
    if stage is None and m.doc_type:
        if _ADOPTED_TYPE.match(m.doc_type):
            stage = ADOPTED
        elif _REVISED_TYPE.search(m.doc_type):
            stage = None                    # a revision, number unknown
        elif _DRAFT_TYPE.search(m.doc_type):
            stage = 0
    if session is None and m.session:
        session = session_number(m.session)            # "Sixty-first session", as the header states it
    if session is None and m.date:
        session = _session_of_date(m.date)
    return Placement(session, stage, m.date)


def _key(p: Placement) -> tuple:
    """Session; drafts before the adopted text; date; then the stage (a revised text
    without a number — an oral revision — after the numbered ones of its day)."""
    stage = p.stage if p.stage is not None else ADOPTED - 1
    return (p.session if p.session is not None else -1, stage == ADOPTED, p.date or "", stage)


def _name(doc: Document, p: Placement) -> str:
    return f"{doc.label} ({p.date})" if p.date else doc.label


def _same_text(first: Document, again: Document) -> str:
    """The warning for a version whose title and paragraphs repeat an earlier one's: "same
    text" only when the header agrees too — an added sponsor is a change a delegation checks."""
    head = compare_headers(first.meta, again.meta)
    if not head.changed:
        return f"{again.label}: same text as {first.label}."
    what = [name.replace("_", " ") for name in head.fields if name != "title"]
    if head.sponsors_added or head.sponsors_removed:
        what.insert(0, "sponsors")
    return (f"{again.label}: same title and paragraphs as {first.label}; only the header differs "
            f"({', '.join(what)}).")


#: titles sharing less than this share of their words (same language) name different resolutions
OTHER_TITLE = 0.34


def _other_resolution(a: Document, b: Document) -> Optional[str]:
    """A warning when two consecutive versions look like different resolutions: both titles
    stated, in one language, sharing under :data:`OTHER_TITLE` of their words ("Improving the
    coordination of efforts against trafficking in persons" / "Violence against women migrant
    workers") — an unrelated text compared as the previous version reads as a rewrite."""
    ta, tb = a.meta.title, b.meta.title
    if not (ta and tb) or (a.meta.language and b.meta.language and a.meta.language != b.meta.language):
        return None
    wa, wb = set(words(ta)), set(words(tb))
    if not wa or not wb or len(wa & wb) / len(wa | wb) >= OTHER_TITLE:
        return None
    return (f"{a.label} and {b.label} have different titles (“{ta}” / “{tb}”): they may be different "
            "resolutions, not versions of one.")


def text_key(doc: Document) -> tuple:
    """The words of the title, of every paragraph and of the footnotes (case, typography and
    punctuation aside), the paragraphs' numbers and citations: versions with different keys are different texts.  Cheap — the word keys
    are the alignment's, cached — so it sorts every version; :func:`same_text` then looks closer."""
    return (tuple(words(doc.meta.title or "")), tuple(tuple(words(p.text)) for p in doc.paragraphs),
            tuple(tuple(words(f.text)) for f in doc.footnotes), _citations(doc))


def _citations(doc: Document) -> tuple:
    """Each paragraph's number and what it cites where (after how many words, which note's words):
    a typed renumbering, a marker removed or moved to other words, is a difference the comparison
    reports, so no "same text" either."""
    notes = {f.number: tuple(words(f.text)) for f in doc.footnotes}
    return tuple((p.number or "", tuple((len(words(p.text[:max(r.offset, 0)])), notes.get(r.number, ()))
                                        for r in sorted(p.footnote_refs, key=lambda r: r.offset)))
                 for p in doc.paragraphs)


def same_text(a: Document, b: Document) -> bool:
    """What two versions must share to be 'the same text': the title, every paragraph and the
    footnotes as the diff compares them — typography aside (a .docx and a .pdf of one draft differ
    in quotes and spaces) but not case or punctuation: a comma the diff shows as a change is no
    "same text", nor is a changed citation."""
    if text_key(a) != text_key(b):
        return False
    return _forms(a) == _forms(b)


def _forms(doc: Document) -> tuple:
    return (_form(doc.meta.title or ""), tuple(_form(p.text) for p in doc.paragraphs),
            tuple(_form(f.text) for f in doc.footnotes))


_WHITE = re.compile(r"\s+")


def _form(text: str) -> str:
    """A text as the diff compares it by default (typographic variants folded, case and punctuation
    kept), white space collapsed: texts of one form differ by nothing the diff counts as a change;
    texts that differ only in white space next to punctuation keep distinct forms (no false "same")."""
    s = unicodedata.normalize("NFC", text)
    s = typography(s)
    return _WHITE.sub(" ", s).strip()


def _contradictions(docs: Sequence[Document], places: list[Placement], order: list[int]) -> list[str]:
    """One line per consecutive pair (each is one comparison) that runs against the dates or stages."""
    out = []
    for a, b in zip(order, order[1:]):
        pa, pb = places[a], places[b]
        if pa.date and pb.date and pb.date < pa.date:
            out.append(f"{_name(docs[a], pa)} is placed before {_name(docs[b], pb)}, but its date is later")
        elif (pa.session is not None and pb.session is not None and pb.session < pa.session
              and not (pa.date and pb.date)):
            out.append(f"{docs[a].label} is placed before {docs[b].label}, but it belongs to a later session "
                       f"({pa.session} vs {pb.session})")
        elif (pa.session is not None and pa.session == pb.session and pa.stage is not None
              and pb.stage is not None and pb.stage < pa.stage and not (pa.date and pb.date)):
            out.append(f"{docs[a].label} is placed before {docs[b].label}, but it is a later stage of the text")
    return out


def order_versions(docs: Sequence[Document], user_order: Optional[Sequence[int]] = None) -> VersionOrder:
    """Order ``docs`` oldest first by what they say, or keep ``user_order`` (indices) and
    warn where it contradicts the dates; flag repeated texts either way."""
    places = [placement(d) for d in docs]
    if user_order is not None:
        order = list(user_order)
        if sorted(order) != list(range(len(docs))):
            raise ValueError("the order must name every version once")
        warnings = [w + " (order as you set it)." for w in _contradictions(docs, places, order)]
    else:
        known = sorted((i for i, p in enumerate(places) if p.known), key=lambda i: (_key(places[i]), i))
        slots = [i for i, p in enumerate(places) if p.known]       # where known versions stood
        order = list(range(len(docs)))
        for slot, i in zip(slots, known):
            order[slot] = i
        warnings = []
        if order != list(range(len(docs))):
            warnings.append("Versions put in the order their dates and symbols give: "
                            + " → ".join(docs[i].label for i in order) + ".")
        for a, b in zip(known, known[1:]):
            la, lb = docs[a].meta.language, docs[b].meta.language
            if (_key(places[a]) == _key(places[b]) and not same_text(docs[a], docs[b])
                    and (la == lb or not (la and lb))):         # one text in two languages has no order
                warnings.append(f"{docs[a].label} and {docs[b].label}: their symbols, dates and labels do not tell "
                                f"which came first — kept in the order given; check it (e.g. name the later one "
                                f"\"… as orally revised\").")
        warnings += [f"{docs[i].label}: no date or symbol — left where it was given."
                     for i, p in enumerate(places) if not p.known and len(docs) > 1]
    # each titled version against the last earlier one that states a title in its language (an
    # excerpt without its header in between says nothing)
    titled: dict[Optional[str], Document] = {}
    for i in order:
        d = docs[i]
        if d.meta.title:
            prev = titled.get(d.meta.language)
            w = _other_resolution(prev, d) if prev is not None else None
            if w:
                warnings.append(w)
            titled[d.meta.language] = d
    same_as: dict[int, int] = {}
    seen: dict[tuple, list[int]] = {}        # word keys → the earlier versions with those words
    for i in order:
        earlier = seen.setdefault(text_key(docs[i]), [])
        first = next((j for j in earlier if same_text(docs[j], docs[i])), None)
        if first is not None:
            same_as[i] = first
            warnings.append(_same_text(docs[first], docs[i]))
        else:
            earlier.append(i)
    return VersionOrder(order, warnings, same_as)
