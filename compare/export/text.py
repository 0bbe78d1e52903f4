"""Plain-text report of comparisons (the CLI's default ``diff`` output).

Deleted words are shown as ``[-words-]`` and inserted ones as ``{+words+}``, as
in ``wdiff``, so the report reads without colour.  Minor variants (quotes, apostrophes,
dashes, spacing: :attr:`Segment.minor`) are ``[~words~]`` and ``{~words~}``, explained in a
note, and words one copy does not hold because it is cut there read ``(not in this copy: …)``
— neither is a change of wording.
"""
from __future__ import annotations

from ..model import Comparison
from .labels import counts_line, describe, is_change, language_banner, unknown, unknown_segments
from .words import header_lines, shows_unknown_numbers, word


#: the note under a report whose diffs show minor variants
MINOR_NOTE = "[~…~] {~…~} are typographic and other minor variants (quotes, apostrophes, dashes, spacing), not changes of wording"


def inline_diff(segments, cut_start: bool = False, cut: bool = False) -> str:
    """Words before a side's cut start or past its cut end (:func:`labels.unknown_segments`) are shown
    as not in that copy rather than as deleted or inserted; other minor changes as ``[~…~]`` / ``{~…~}``."""
    out = []
    shown, hidden = unknown_segments(segments, cut_start, cut)
    for k, s in enumerate(segments):
        if k in hidden:
            continue
        if k in shown:
            out.append(unknown(s.text))
        elif s.op == "equal":
            out.append(s.text)
        elif s.op == "delete":
            out.append(f"[~{s.text}~]" if s.minor else f"[-{s.text}-]")
        else:
            out.append(f"{{~{s.text}~}}" if s.minor else f"{{+{s.text}+}}")
    return "".join(out).replace("\n", " ¶ ")


def _shows_minor(line: str) -> bool:
    return "[~" in line or "{~" in line


def comparison_text(cmp: Comparison, changes_only: bool = False) -> str:
    ol, nl = cmp.old.label, cmp.new.label
    lines = [f"=== {ol} → {nl}" + (" (fragment)" if cmp.fragment else "")]
    if cmp.cross_language:
        lines.append("    " + language_banner(cmp))
    lines.append("    " + counts_line(cmp))
    if "title" in cmp.header.fields:
        lines.append("  header: title: " + inline_diff(cmp.header.title_diff))
    for line in header_lines(cmp.header):
        if not line.startswith("title:"):
            lines.append(f"  header: {line}")
    for p in cmp.pairs:
        head = describe(p)
        if not is_change(p):
            if not changes_only:
                lines.append(f"  {head}")
            continue
        lines.append(f"  {head}")
        if not cmp.cross_language:
            lines.append("      " + inline_diff(p.diff, p.cut_start, p.cut))
    for side, label in (("old", ol), ("new", nl)):
        if cmp.out_of_scope.get(side):
            lines.append(f"  not compared, outside the other text's excerpt ({label}): {', '.join(cmp.out_of_scope[side])}")
    if shows_unknown_numbers(cmp):
        lines.append("  note: " + word("unknown_number"))
    if any(_shows_minor(line) for line in lines):
        lines.append("  note: " + MINOR_NOTE)
    return "\n".join(lines) + "\n"


def comparisons_text(comparisons: list[Comparison], changes_only: bool = False) -> str:
    return "\n".join(comparison_text(c, changes_only) for c in comparisons)
