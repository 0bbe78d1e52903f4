"""Footnote markers in the Word redline of excerpts (compare.export.redline).

An excerpt cut mid-paragraph holds neither the words before its cut nor their markers, and an
excerpt without its notes section holds the markers but not the notes.  Neither is a change a
negotiator should read as a footnote deleted or added: the markers in words a copy does not hold
are tracked like those words, by the "(not in this copy)" author, and a marker both versions
hold at the same place stays one untracked marker even when one copy lacks its note's text.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import NamedTuple, Optional

import pytest
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent))
from support import ooxml_oracle as oracle  # noqa: E402
from test_redline import assert_round_trip, got  # noqa: E402

from compare import api  # noqa: E402
from compare.export.redline import BODY_STYLES, missing_note, redline_docx  # noqa: E402
from compare.export.words import word  # noqa: E402

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
W = oracle.W
REVS = ("ins", "del", "moveFrom", "moveTo")


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


class Marker(NamedTuple):
    """A footnote reference of the redline's body: the paragraph text before it (old and new
    words alike), the revision around it (tag, author) and its note's runs as (revision, author, text)."""

    before: str
    rev: Optional[tuple[str, str]]
    note: tuple[tuple[Optional[str], Optional[str], str], ...]


def _revision(e) -> Optional[tuple[str, str]]:
    """The revision wrapping ``e`` (its nearest w:ins/del/moveFrom/moveTo ancestor), as (tag, author)."""
    for a in e.iterancestors():
        name = etree.QName(a).localname
        if name in REVS:
            return name, a.get(q("author"))
    return None


def _note_runs(fn) -> tuple[tuple[Optional[str], Optional[str], str], ...]:
    out = []
    for t in fn.iter(q("t"), q("delText")):
        rev = _revision(t)
        if t.text and t.text.strip():
            out.append((rev[0] if rev else None, rev[1] if rev else None, t.text))
    return tuple(out)


def markers(docx: bytes) -> list[Marker]:
    parts = oracle.parts(docx)
    notes = {fn.get(q("id")): fn for fn in etree.fromstring(parts["word/footnotes.xml"]).findall(q("footnote"))}
    body = etree.fromstring(parts["word/document.xml"]).find(q("body"))
    out = []
    for p in body.iter(q("p")):
        style = p.find(f"{q('pPr')}/{q('pStyle')}")
        if style is None or style.get(q("val")) not in BODY_STYLES:
            continue
        text = []
        for e in p.iter(q("t"), q("delText"), q("footnoteReference")):
            if e.tag == q("footnoteReference"):
                out.append(Marker("".join(text), _revision(e), _note_runs(notes[e.get(q("id"))])))
            else:
                text.append(e.text or "")
    return out


def at(ms: list[Marker], words: str) -> Marker:
    """The one marker right after ``words``."""
    found = [m for m in ms if m.before.rstrip().endswith(words)]
    assert len(found) == 1, (words, found)
    return found[0]


# --------------------------------------------------------------------------- real excerpts


@pytest.fixture(scope="module")
def cut():
    """74/176 ends its PP4 early ("… child soldiers,"), 78/228 starts it late ("exploitation, 2 on …")
    and holds none of its notes' texts."""
    return api.compare(api.load(SAMPLES / "A-RES-74-176.en.md"), api.load(SAMPLES / "A-RES-78-228.en.md"))


@pytest.mark.parametrize("moves", ["move", "delete-insert"])
@pytest.mark.parametrize("numbering", ["typed", "auto"])
def test_markers_of_an_excerpts_cut_are_not_footnote_changes(cut, moves, numbering):
    docx = redline_docx(cut, moves=moves, numbering=numbering)
    assert_round_trip(cut, docx, typed=numbering == "typed")
    author = cut.new.label
    unknown = word("unknown_author", cut.new.meta.language, a=author)
    ms = markers(docx)
    # no marker reads as a footnote deleted or inserted by the new version
    assert [m for m in ms if m.rev is not None and m.rev[1] == author] == []
    # the cut head's marker (74/176 only) and the cut tail's (78/228 only): like their words
    assert at(ms, "Sustainable Development,").rev == ("del", unknown)
    assert at(ms, "in all its forms,").rev == ("ins", unknown)
    assert at(ms, "torture of children,").rev == ("ins", unknown)
    # the marker both hold at "exploitation,": one marker, untracked; 78/228 lacks its note, so
    # the note's known text is the deleted one and 78/228's placeholder the inserted one, by the same author
    shared = at(ms, "exploitation,")
    assert shared.rev is None
    assert shared.note == (("del", unknown, "Target 5.2."), ("ins", unknown, missing_note("2")))


def test_accept_all_never_shows_a_note_the_new_copy_lacks(cut):
    docx = redline_docx(cut)
    held = {f.text for f in cut.new.footnotes}
    accepted = {t for _, notes in got(docx, "accept") for _, t in notes}
    assert "Target 5.2." not in accepted and "Resolution 70/1." not in accepted
    assert accepted - held <= {missing_note(str(n)) for n in range(1, 20)}
    assert "Target 5.2." in {t for _, notes in got(docx, "reject") for _, t in notes}


# --------------------------------------------------------------------------- constructed pairs

TEXT = """The General Assembly,

Recalling the Convention on the Rights of the Child, 1 and its Optional Protocols,

1. Decides to continue its work on this question, 2 in the spirit of cooperation;
"""
NOTES = {"1": "United Nations, Treaty Series, vol. 1577, No. 27531.", "2": "See A/78/100."}


def version(text: str = TEXT, notes: Optional[dict[str, str]] = None, name: str = "v.md"):
    notes = NOTES if notes is None else notes
    section = "".join(f"{n} {t}\n\n" for n, t in notes.items())
    return api.load_text(text + ("\n__________________\n\n" + section if notes else ""), name=name)


def redline(old, new) -> tuple[object, bytes, list[Marker]]:
    cmp = api.compare(old, new)
    docx = redline_docx(cmp)
    assert_round_trip(cmp, docx)
    return cmp, docx, markers(docx)


def test_a_note_that_really_changed_is_still_a_deleted_and_an_inserted_marker():
    old = version(name="old.md")
    new = version(notes={**NOTES, "2": "See A/79/200."}, name="new.md")
    cmp, _, ms = redline(old, new)
    author = cmp.new.label
    assert [(m.rev, m.note) for m in ms if m.before.rstrip().endswith("question,")] == [
        (("del", author), ((None, None, "See A/78/100."),)),
        (("ins", author), ((None, None, "See A/79/200."),))]
    assert at(ms, "Rights of the Child,").rev is None


def test_a_marker_moved_to_other_words_is_still_deleted_here_and_inserted_there():
    old = version(name="old.md")
    moved = TEXT.replace("question, 2 in the spirit of cooperation;", "question, in the spirit of cooperation; 2")
    cmp, _, ms = redline(old, version(moved, name="new.md"))
    author = cmp.new.label
    assert at(ms, "question,").rev == ("del", author)
    assert at(ms, "cooperation;").rev == ("ins", author)
    assert at(ms, "cooperation;").note == ((None, None, "See A/78/100."),)


@pytest.mark.parametrize("lacks", ["new", "old"])
def test_a_note_one_copy_lacks_is_one_untracked_marker(lacks):
    """The same marker at the same place; one copy has no notes section: the known note's text is
    tracked inside the note by the "(not in this copy)" author, the marker itself is not."""
    old = version(notes={} if lacks == "old" else None, name="old.md")
    new = version(notes={} if lacks == "new" else None, name="new.md")
    cmp, docx, ms = redline(old, new)
    unknown = word("unknown_author", cmp.new.meta.language, a=cmp.new.label)
    m = at(ms, "question,")
    assert m.rev is None
    known, placeholder = "See A/78/100.", missing_note("2")
    gone, came = (known, placeholder) if lacks == "new" else (placeholder, known)
    assert m.note == (("del", unknown, gone), ("ins", unknown, came))


def test_a_note_both_copies_lack_is_one_untracked_marker_with_the_placeholder():
    _, _, ms = redline(version(notes={}, name="old.md"), version(notes={}, name="new.md"))
    m = at(ms, "question,")
    assert (m.rev, m.note) == (None, ((None, None, missing_note("2")),))
