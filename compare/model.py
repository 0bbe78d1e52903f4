"""The small set of dataclasses every stage of Resolution Compare passes along.

Data flows one way: readers produce :class:`Block` lists, ``structure`` turns
them into a :class:`Document`, ``align``/``diff``/``classify`` turn two
Documents into a :class:`Comparison`.  Nothing here imports our other modules.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Optional

# --------------------------------------------------------------------------- reading

#: Footnote markers that a reader *knows* to be markers (Markdown ``<sup>``, a Word
#: footnote reference, a superscript in a PDF) are written into block text as
#: MARK_OPEN + number + MARK_CLOSE.  Private-use characters never occur in real text.
MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"


def marker(number: str) -> str:
    """Encode a footnote marker for a :class:`Block`'s text."""
    return f"{MARK_OPEN}{number}{MARK_CLOSE}"


BlockKind = Literal["para", "heading", "footnote", "page_break", "gap"]


@dataclass
class Block:
    """One paragraph-like unit of a file, as a reader sees it (no UN semantics).

    ``text`` is plain text: emphasis removed, footnote markers encoded with
    :func:`marker`.  ``label`` carries a number that the file's own list
    machinery produced (Word automatic numbering: ``"1."``, ``"(a)"``) and that
    therefore is not part of ``text``.  ``italic_lead`` is the leading run of
    italic words when the format knows it (helps find PP/OP leading words).
    For ``kind == "footnote"``, ``label`` is the footnote number.
    """

    text: str
    kind: BlockKind = "para"
    label: Optional[str] = None
    italic_lead: Optional[str] = None
    level: int = 0
    page: Optional[int] = None
    bold: bool = False


@dataclass
class RawDocument:
    """What a reader returns: the blocks in reading order plus reader remarks.

    ``furniture`` keeps the text of page headers and footers that the reader
    set aside: not paragraphs, but where a Word or PDF file prints its symbol.
    """

    blocks: list[Block]
    source: str
    fmt: str
    warnings: list[str] = field(default_factory=list)
    furniture: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- structure

ParagraphKind = Literal["PP", "OP", "P"]


@dataclass(frozen=True)
class FootnoteRef:
    """A footnote marker taken out of a paragraph's words but remembered.

    ``offset`` is the character offset in :attr:`Paragraph.text` where the
    marker stood, so it can be shown and exported again.
    """

    number: str
    offset: int


@dataclass(frozen=True)
class Footnote:
    number: str
    text: str


@dataclass
class Paragraph:
    """A preambular (PP), operative (OP) or plain (P) paragraph or sub-paragraph.

    ``id`` is the negotiators' citation: ``PP3``, ``OP5``, ``OP5(a)``,
    ``OP5(a)(ii)``, ``P4``.  A ``?`` in a PP id (``PP?7``) says the true
    number is unknown because text is missing before it (excerpt gap).
    ``number`` is the paragraph's own label without punctuation (``"5"``,
    ``"a"``, ``"ii"``; for PPs the counted position).  ``text`` excludes the
    number label and the footnote markers.
    """

    id: str
    kind: ParagraphKind
    number: str
    text: str
    level: int = 0
    parent: Optional[str] = None
    footnote_refs: tuple[FootnoteRef, ...] = ()
    leading: str = ""


@dataclass
class Metadata:
    symbol: Optional[str] = None
    date: Optional[str] = None          # ISO 8601 when recognised
    session: Optional[str] = None       # as printed, e.g. "Sixty-third session"
    committee: Optional[str] = None
    agenda_item: Optional[str] = None
    distribution: Optional[str] = None  # "limited" / "general"
    original_language: Optional[str] = None
    doc_type: Optional[str] = None      # "draft resolution", "revised draft resolution", "resolution"
    sponsors: list[str] = field(default_factory=list)
    title: Optional[str] = None
    language: Optional[str] = None      # ar, zh, en, fr, ru, es, or None


@dataclass
class Document:
    """A version of a resolution, with its structure recovered.

    ``has_opener`` says the text carries its "The General Assembly," line: a
    complete text, not a few paragraphs pasted from an amendment.
    ``gaps`` lists positions in ``paragraphs`` before which text is missing
    from the source (excerpt gap markers); ``len(paragraphs)`` means a gap at
    the end.  ``warnings`` says what the reader or the structure step could
    not do cleanly (e.g. no structure recognised).
    """

    meta: Metadata
    paragraphs: list[Paragraph]
    footnotes: list[Footnote] = field(default_factory=list)
    gaps: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    source: str = "<text>"
    label: str = ""
    has_opener: bool = False            # the text has its "The General Assembly," line

    @property
    def preamble(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kind == "PP"]

    @property
    def operative(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kind == "OP"]

    @property
    def is_excerpt(self) -> bool:
        return bool(self.gaps)

    def by_id(self, pid: str) -> Paragraph:
        for p in self.paragraphs:
            if p.id == pid:
                return p
        raise KeyError(pid)


# --------------------------------------------------------------------------- comparison

DiffOp = Literal["equal", "delete", "insert"]
PairStatus = Literal["unchanged", "modified", "inserted", "deleted", "split", "merged"]


@dataclass(frozen=True)
class Segment:
    """One run of a word-level diff.  ``minor`` marks a change that the
    comparison options treat as not substantive (a typographic variant, case
    or punctuation when those are ignored): it is still a difference in the
    exact text, so accept/reject round-trips stay exact."""

    op: DiffOp
    text: str
    minor: bool = False


@dataclass
class Pair:
    """One aligned group: old paragraph ids ↔ new paragraph ids.

    One-to-one for unchanged/modified, ``[] → [new]`` inserted, ``[old] → []``
    deleted, one old to several new for a split, several old to one new for a
    merge.  For groups of several paragraphs the diff runs over their texts
    joined with ``"\\n"`` (a paragraph mark), so it still rebuilds both sides.
    """

    old: list[str]
    new: list[str]
    status: PairStatus
    moved: bool = False
    renumbered: bool = False
    similarity: float = 0.0
    diff: list[Segment] = field(default_factory=list)
    changed_share: float = 0.0          # share of words changed (0..1)
    leading_change: Optional[tuple[str, str]] = None  # (old word, new word)
    cross_kind: bool = False            # moved between preamble and operative part


@dataclass(frozen=True)
class CompareOptions:
    """Options that change what counts as a change (see ``compare.tokens.NormOptions``)."""

    ignore_case: bool = False
    ignore_punctuation: bool = False
    ignore_footnote_markers: bool = True
    typography: bool = True
    fragment: Optional[bool] = None     # None: decide from the documents (excerpts, few paragraphs)


@dataclass
class Comparison:
    old: Document
    new: Document
    pairs: list[Pair]
    options: CompareOptions = field(default_factory=CompareOptions)
    fragment: bool = False
    #: fragment mode: ids of each side ({"old": [...], "new": [...]}) that the
    #: fragment does not cover, so left out of ``pairs`` (neither deleted nor inserted)
    out_of_scope: dict[str, list[str]] = field(default_factory=lambda: {"old": [], "new": []})

    def summary(self) -> dict[str, int]:
        counts: dict[str, int] = {s: 0 for s in ("unchanged", "modified", "inserted", "deleted", "split", "merged")}
        counts.update(moved=0, renumbered=0, leading_changed=0)
        for p in self.pairs:
            counts[p.status] += 1
            counts["moved"] += p.moved
            counts["renumbered"] += p.renumbered
            counts["leading_changed"] += p.leading_change is not None
        return counts


@dataclass
class Lineage:
    """Paragraph lineages across N versions: ``rows[i][v]`` is the list of
    paragraph ids of version ``v`` in lineage ``i`` (empty where absent)."""

    versions: list[Document]
    comparisons: list[Comparison]
    rows: list[list[list[str]]]
    #: row index → version index where a paragraph deleted earlier comes back ("restored")
    restored: dict[int, int] = field(default_factory=dict)
