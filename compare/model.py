"""The small set of dataclasses every stage of Resolution Compare passes along.

Data flows one way: readers produce :class:`Block` lists, ``structure`` turns
them into a :class:`Document`, ``align``/``diff``/``classify`` turn two
Documents into a :class:`Comparison`.  Nothing here imports our other modules.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Literal, Optional, Sequence

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

#: Where a block's text came from.  ``"word"``: the file's own structure (a Word
#: ``w:p``, its footnote references and numbering) — authoritative, so the rules
#: for recovered text (page furniture, joins across page breaks, guessing inline
#: footnote numbers) never apply to it.  ``"recovered"``: text laid out on pages
#: (a PDF, or a text/Markdown conversion of one), where those rules are needed.
BlockOrigin = Literal["recovered", "word"]

#: What kind of Word container holds a block: the main text flow, a table cell,
#: a text box (or shape), or a note.
BlockFrame = Literal["body", "cell", "textbox", "footnote", "endnote"]


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
    origin: BlockOrigin = "recovered"
    frame: BlockFrame = "body"
    #: for a table cell: (table, row, column) counted from 1 in reading order, a
    #: nested table adding its own triple after its cell's (merged cells once)
    cell: Optional[tuple[int, ...]] = None


@dataclass(frozen=True)
class Dropped:
    """Text a reader or the structure step left out of the paragraphs, and why
    ("page header", "page number", "hidden text", "header line read as metadata" …).
    Reported, never silent: every word of an input is in the parse or here."""

    text: str
    reason: str


#: a Markdown comment's reason: its author's note, not shown when the file is rendered (listed,
#: not warned of)
MARKDOWN_COMMENT = "Markdown comment (not shown)"


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
    dropped: list[Dropped] = field(default_factory=list)


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
    kind: str = "footnote"              # "endnote" for a Word endnote


def after_gaps(paragraphs: Sequence["Paragraph"], gaps: Sequence[int]) -> set[str]:
    """Ids of the paragraphs right after the excerpt gaps ``gaps`` (see :attr:`Document.after_gap`)."""
    return {paragraphs[k].id for k in gaps if 0 <= k < len(paragraphs)}


#: how a complete paragraph (or a sub-paragraph) ends: ",", ";", ".", ":" (closing quotes and brackets aside)
_PARAGRAPH_ENDS = tuple(".,;:!?)]»”\"'’。；，：、؛،")
#: a comma ends a preambular paragraph and each clause inside any paragraph alike
_CLAUSE_ENDS = tuple(",，、،")


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
    #: where a Word file holds it: a table cell's (table, row, column) path (see
    #: :attr:`Block.cell`), and the frame ("body", "cell", "textbox")
    cell: Optional[tuple[int, ...]] = None
    frame: str = "body"


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
    dropped: list[Dropped] = field(default_factory=list)   # text left out of the paragraphs, and why
    #: the file's own list machinery numbers its operative paragraphs (Word automatic numbering),
    #: rather than numbers typed as text: a redline numbers them the same way by default
    auto_numbers: bool = False

    @property
    def preamble(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kind == "PP"]

    @property
    def operative(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kind == "OP"]

    @property
    def is_excerpt(self) -> bool:
        return bool(self.gaps)

    @property
    def cut_at_end(self) -> set[str]:
        """Ids of the paragraphs an excerpt gap may cut at their end: right before a gap, and not
        ending as a paragraph ends ("… the threat of trafficking i"), or ending at a comma, where a
        preambular paragraph ends but also each clause inside one ("… use of child soldiers," cut
        by a page break).  What follows the cut is unknown in this copy, not absent; a comparison
        treats as beyond the cut only text the other version runs on with (see classify)."""
        out = set()
        for k in self.gaps:
            if 1 <= k <= len(self.paragraphs):
                p = self.paragraphs[k - 1]
                end = p.text.rstrip()
                if not end.endswith(_PARAGRAPH_ENDS) or end.endswith(_CLAUSE_ENDS):
                    out.add(p.id)
        return out

    @property
    def after_gap(self) -> set[str]:
        """Ids of the paragraphs right after an excerpt gap: their start may be cut mid-sentence
        ("exploitation, on taking …"), so their first word is no leading word unless listed one."""
        return after_gaps(self.paragraphs, self.gaps)

    def by_id(self, pid: str) -> Paragraph:
        for p in self.paragraphs:
            if p.id == pid:
                return p
        raise KeyError(pid)


# --------------------------------------------------------------------------- comparison

DiffOp = Literal["equal", "delete", "insert"]


class PairStatus(str, Enum):
    """What happened to an aligned group: the one status vocabulary of the alignment,
    the classification, every export and the app.  A ``str`` so that JSON carries the
    value (``"inserted"``) and ``pair.status == "inserted"`` keeps working."""

    UNCHANGED = "unchanged"
    MODIFIED = "modified"
    INSERTED = "inserted"
    DELETED = "deleted"
    SPLIT = "split"             # one old → several new
    MERGED = "merged"           # several old → one new
    #: a one-to-one link across languages (see :mod:`compare.concordance`), where the
    #: words cannot say whether the paragraph is unchanged or modified
    MATCHED = "matched"

    __hash__ = str.__hash__     # hash as the value, so {"inserted": …}[status] finds it
    __str__ = str.__str__
    __format__ = str.__format__

    @property
    def word(self) -> str:
        """The word a negotiator reads: "new" for an inserted paragraph, else the status."""
        return "new" if self is PairStatus.INSERTED else self.value

    @classmethod
    def of_shape(cls, n_old: int, n_new: int, changed: bool, cross_language: bool = False) -> "PairStatus":
        """The status of a group of ``n_old`` → ``n_new`` paragraphs (``changed``: its
        diff has a substantive change; decides unchanged/modified for one-to-one, which
        across languages is ``matched``)."""
        if not n_old:
            return cls.INSERTED
        if not n_new:
            return cls.DELETED
        if n_old > 1 and n_new == 1:
            return cls.MERGED
        if n_new > 1:
            return cls.SPLIT
        if cross_language:
            return cls.MATCHED
        return cls.MODIFIED if changed else cls.UNCHANGED


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
    #: a split or merge that made or unmade a list: "into_list" (a paragraph became a chapeau over
    #: sub-paragraphs, "Calls upon Member States:" (a)–(c)), "from_list" (a chapeau and its
    #: sub-paragraphs, or some of them, became one paragraph), "" otherwise
    list_change: str = ""
    #: cross-language pairs: the leading words of both sides as written
    #: ("Considérant", "Recognizing"); a change cannot be told across languages.  An uncertain
    #: same-language pair whose leading words differ carries them here too, not as ``leading_change``
    leading_words: Optional[tuple[str, str]] = None
    #: footnotes the pair cites whose text changed, was added or removed: (old text, new text),
    #: "" on the side without it — a changed citation ("annexe I" → "annexe III") is a change
    #: even when the paragraph's own words are not
    footnote_changes: list[tuple[str, str]] = field(default_factory=list)
    #: a side is cut at its end in this copy (excerpt): the words after the cut are unknown, so
    #: what the other side has beyond it is shown as a minor change, not as added or deleted text
    cut: bool = False
    #: a side starts cut in this copy (an excerpt that begins mid-sentence): the diff's first minor change
    #: (a deletion or an insertion) is the other side's words before the cut — unknown, not deleted or added
    cut_start: bool = False
    #: a one-to-one link on weak evidence — across languages, less than a translation gives (similarity
    #: under ``compare.concordance.EQUIVALENT_MIN``); in one language, under
    #: ``compare.classify.SAME_LANGUAGE_SURE`` — shown "uncertain" in every view
    uncertain: bool = False
    #: a split or merge whose words changed too, beyond the mechanics of the cut (punctuation,
    #: "and", the leading words of a part): shown "split, modified" — the cut alone is no edit
    text_changed: bool = False
    #: an inserted paragraph that brings back one deleted in an earlier version (a lineage of three or
    #: more versions, see :mod:`compare.lineage`): (the version it was last seen in — the Document, so
    #: views name it by its label as it is then — and the paragraph's ids there)
    restored_from: Optional[tuple["Document", tuple[str, ...]]] = None


@dataclass(frozen=True)
class CompareOptions:
    """Options that change what counts as a change (see ``compare.tokens.NormOptions``)."""

    ignore_case: bool = False
    ignore_punctuation: bool = False
    ignore_footnote_markers: bool = True
    typography: bool = True
    fragment: Optional[bool] = None     # None: decide from the documents (excerpts, few paragraphs)


#: Header fields compared between versions (besides title and sponsors), in display order.
HEADER_FIELDS = ("symbol", "date", "session", "committee", "agenda_item", "doc_type", "distribution")


@dataclass
class HeaderComparison:
    """What changed in the header block, the sponsors line and the title.

    Only fields that *both* versions state are compared: an excerpt without a
    header, or an adopted text without a sponsors line, changes nothing.
    ``fields`` maps a field of :data:`HEADER_FIELDS` (and ``"title"``) to its
    (old, new) value when they differ substantively; ``title_diff`` is the word
    diff of the titles whenever their texts differ (a typographic variant only:
    ``minor`` segments, and no ``fields["title"]``); sponsors are compared order-insensitively
    on normalised names, and listed as the new (added) or old (removed) text spells them.
    """

    fields: dict[str, tuple[str, str]] = field(default_factory=dict)
    title_diff: list[Segment] = field(default_factory=list)
    sponsors_added: list[str] = field(default_factory=list)
    sponsors_removed: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.fields or self.sponsors_added or self.sponsors_removed)


#: Roles of a :class:`Slot` in a view's reading order.
SlotRole = Literal["inplace", "source", "dest", "outside"]


@dataclass(frozen=True)
class Slot:
    """One place in the reading order every view shares (``Comparison.placement``).

    ``inplace``: the pair ``pair`` shown whole (both sides, or the one it has);
    ``dest``: a moved pair at its new place; ``source``: the old side of that moved
    pair where it stood in the old version; ``outside``: the paragraph ``id`` of side
    ``side`` (``"old"``/``"new"``) that a compared excerpt does not cover (``pair`` -1).

    A scattered split or merge (parts not one unbroken run) has one slot per run of
    parts: ``old``/``new`` then name the paragraphs of the pair this slot shows (the
    rest stand at their own slots); both empty: the whole pair, as ``role`` says.
    """

    role: SlotRole
    pair: int = -1              # index into ``Comparison.pairs``
    side: str = ""              # "outside" only
    id: str = ""                # "outside" only
    old: tuple[str, ...] = ()   # a scattered pair: the old paragraphs shown here
    new: tuple[str, ...] = ()   # a scattered pair: the new paragraphs shown here


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
    #: header, sponsors and title changes (see :mod:`compare.header`)
    header: HeaderComparison = field(default_factory=HeaderComparison)
    #: the versions are in different languages: pairs come from the concordance,
    #: with no word diff (``Pair.diff`` empty) and ``matched`` for one-to-one links
    cross_language: bool = False
    #: where every pair, every moved pair's source and every paragraph outside the
    #: excerpt stands, in reading order (see :mod:`compare.placement`); ``pairs`` are
    #: listed in the order of their ``inplace``/``dest`` slots
    placement: list[Slot] = field(default_factory=list)

    @property
    def languages(self) -> tuple[Optional[str], Optional[str]]:
        """(old language, new language) as detected (ar zh en fr ru es, or None)."""
        return self.old.meta.language, self.new.meta.language

    def summary(self) -> dict[str, int]:
        counts: dict[str, int] = {s.value: 0 for s in PairStatus
                                  if s is not PairStatus.MATCHED or self.cross_language}
        counts.update(split_merged_modified=0, moved=0, renumbered=0, leading_changed=0, footnotes_changed=0,
                      uncertain=0)
        for p in self.pairs:
            counts[p.status] += 1
            counts["split_merged_modified"] += p.text_changed
            counts["moved"] += p.moved
            counts["renumbered"] += p.renumbered
            counts["leading_changed"] += p.leading_change is not None
            counts["footnotes_changed"] += bool(p.footnote_changes)
            counts["uncertain"] += p.uncertain
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
    #: row index → (version it was last seen in before it was deleted, the word diff of the restored
    #: text against that one; ``[]`` across languages): "restored, with “et la société civile” added"
    restored_from: dict[int, tuple[int, list["Segment"]]] = field(default_factory=dict)
