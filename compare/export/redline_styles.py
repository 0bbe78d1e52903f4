"""The redline's styles and list definitions: how a resolution looks in Word.

Kept apart from :mod:`compare.export.redline` (which decides what is tracked) and
built through the :mod:`compare.export.ooxml` builders, so the parts share the one
namespace table and never go through strings.  The UN layout: Times New Roman 12,
preambular and operative paragraphs indented 1134 twips (2 cm) on the first line,
sub-paragraphs further in; the summary and the agreed-language appendix in Arial,
smaller, under their own styles so that tests and tools can skip them.
"""
from __future__ import annotations

from typing import Optional

from lxml import etree

from ..language import LANGUAGES, RTL
from . import ooxml as ox

#: Paragraph styles of the resolution paragraphs (what accept/reject oracles compare).
BODY_STYLES = ("RCPP", "RCOP", "RCSub1", "RCSub2", "RCPlain")
#: Paragraph style of a paragraph outside the compared excerpt (untracked, skipped by oracles).
OUTSIDE_STYLE = "RCOutside"
#: Paragraph styles of the change summary (not tracked, skipped by oracles).
SUMMARY_STYLES = ("RCSummaryTitle", "RCSummary", "RCSummaryItem")
#: Paragraph styles of the agreed-language appendix (not tracked, skipped by oracles).
TRACE_STYLES = ("RCTraceTitle", "RCTrace", "RCTraceHead", "RCTraceCell")

#: abstract list ids: operative paragraphs (1., (a), (i)) and sub-paragraphs of a preambular one
OP_ABSTRACT, PPSUB_ABSTRACT = 1, 2

_ARIAL = ("rFonts", {"ascii": "Arial", "hAnsi": "Arial", "cs": "Arial"})
_BOLD = [("b", {}), ("bCs", {})]


def _size(half_points: int, cs: bool = True) -> ox.Props:
    return [("sz", {"val": half_points})] + ([("szCs", {"val": half_points})] if cs else [])


def _after(twips: int, before: Optional[int] = None) -> tuple[str, dict]:
    return ("spacing", {"after": twips} if before is None else {"before": before, "after": twips})


def styles_part(lang: Optional[str]) -> etree._Element:
    """``word/styles.xml`` for a redline in ``lang`` (right-to-left paragraphs for Arabic,
    an East Asian font for Chinese)."""
    fonts = {"ascii": "Times New Roman", "hAnsi": "Times New Roman", "cs": "Times New Roman"}
    if lang == "zh":
        fonts["eastAsia"] = "SimSun"
    jc = ("jc", {"val": "both"})
    left = ("jc", {"val": "left"})
    keep = ("keepNext", {})
    small = [_ARIAL] + _size(18)
    heading = [_ARIAL] + _BOLD + _size(22, cs=False)
    p = ox.paragraph_style
    styles = [
        p("Normal", "Normal", [("bidi", {})] if lang in RTL else [], based=None, custom=False, default=True),
        ox.character_style("DefaultParagraphFont", "Default Paragraph Font", default=True, ui_priority=1,
                           semi_hidden=True),
        p("RCSummaryTitle", "RCSummaryTitle", [keep, _after(60)], heading),
        p("RCSummary", "RCSummary", [_after(60)], small),
        p("RCSummaryItem", "RCSummaryItem", [_after(0), ("ind", {"left": 284})], small, based="RCSummary"),
        p("RCTraceTitle", "RCTraceTitle", [keep, _after(60)], heading),
        p("RCTrace", "RCTrace", [_after(60)], small),
        p("RCTraceHead", "RCTraceHead", [keep, _after(0), left], [_ARIAL] + _BOLD + _size(18), based="RCTrace"),
        p("RCTraceCell", "RCTraceCell", [_after(0), left], small, based="RCTrace"),
        p("RCTitle", "RCTitle", [keep, _after(240, before=240), ("jc", {"val": "center"})], _BOLD + _size(28)),
        p("RCOpener", "RCOpener", [keep, ("ind", {"firstLine": 1134})]),
        p("RCPP", "RCPP", [("ind", {"firstLine": 1134}), jc]),
        p("RCOP", "RCOP", [("ind", {"left": 0, "firstLine": 1134}), jc]),
        p("RCSub1", "RCSub1", [("ind", {"left": 1134, "firstLine": 567}), jc]),
        p("RCSub2", "RCSub2", [("ind", {"left": 1701, "firstLine": 567}), jc]),
        p("RCPlain", "RCPlain", [jc]),
        p(OUTSIDE_STYLE, OUTSIDE_STYLE, [jc], [("color", {"val": "808080"})]),
        p("RCGap", "RCGap", [("jc", {"val": "center"})], [("i", {}), ("iCs", {}), ("color", {"val": "666666"})]),
        p("RCEnd", "RCEnd", [_after(0)]),
        p("FootnoteText", "footnote text", [_after(0)], _size(20)),
        ox.character_style("FootnoteReference", "footnote reference", [("vertAlign", {"val": "superscript"})],
                           based="DefaultParagraphFont"),
    ]
    return ox.styles_part([("rFonts", fonts)] + _size(24),
                          [("spacing", {"after": 120, "line": 240, "lineRule": "auto"})], styles)


def _level(ilvl: int, fmt: str, text: str, left: int, first: int) -> etree._Element:
    """UN layout: the label at ``left + first``, the text after a tab 567 twips on,
    following lines back at ``left``."""
    return ox.num_level(ilvl, fmt, text, left=left, first=first, tab=label_tab(ilvl))


#: the list levels: (number format, label, left indent, first-line indent) — ``1.``, ``(a)``, ``(i)``
LEVELS = (("decimal", "%1.", 0, 1134), ("lowerLetter", "(%2)", 1134, 567), ("lowerRoman", "(%3)", 1701, 567))


def label_tab(level: int) -> int:
    """Where the text after a number label starts (twips) at list ``level`` (0–2): the tab
    stop of automatic numbering, also set on paragraphs whose numbers are typed."""
    _, _, left, first = LEVELS[min(level, len(LEVELS) - 1)]
    return left + first + 567


def numbering_part(nums: list[tuple[int, int, Optional[tuple[int, int]]]],
                   lang: Optional[str] = None) -> etree._Element:
    """``word/numbering.xml``: both abstract lists (1. / (a) / (i), or a) / i) as ``lang``
    writes sub-paragraph labels) and the list instances ``nums`` (numId, abstractNumId,
    (ilvl, start) override or None)."""
    sub = LANGUAGES.get(lang or "en", LANGUAGES["en"]).sub_label
    levels = lambda: [_level(k, fmt, text if k == 0 else sub.format(f"%{k + 1}"), left, first)  # noqa: E731
                      for k, (fmt, text, left, first) in enumerate(LEVELS)]
    return ox.numbering_part({OP_ABSTRACT: levels(), PPSUB_ABSTRACT: levels()}, nums)
