"""Plain-text report of comparisons (the CLI's default ``diff`` output).

Deleted words are shown as ``[-words-]`` and inserted ones as ``{+words+}``, as
in ``wdiff``, so the report reads without colour.
"""
from __future__ import annotations

from ..model import Comparison
from .labels import counts_line, describe, is_change, language_banner, unknown_head
from .words import header_lines, shows_unknown_numbers, word


#: how the text report shows the words before a cut start, unknown in the copy that is cut
UNKNOWN_HEAD = "(not in this copy: {})"


def inline_diff(segments, cut_start: bool = False) -> str:
    """``cut_start``: the first minor change is the words before a side's cut start (:attr:`Pair.cut_start`),
    shown as not in that copy rather than as deleted or inserted."""
    out = []
    head = unknown_head(segments, cut_start)
    for k, s in enumerate(segments):
        if k == head:
            out.append(UNKNOWN_HEAD.format(s.text.rstrip()) + s.text[len(s.text.rstrip()):])
        elif s.op == "equal":
            out.append(s.text)
        elif s.op == "delete":
            out.append(f"[-{s.text}-]")
        else:
            out.append(f"{{+{s.text}+}}")
    return "".join(out).replace("\n", " ¶ ")


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
            lines.append("      " + inline_diff(p.diff, p.cut_start))
    for side, label in (("old", ol), ("new", nl)):
        if cmp.out_of_scope.get(side):
            lines.append(f"  not compared, outside the other text's excerpt ({label}): {', '.join(cmp.out_of_scope[side])}")
    if shows_unknown_numbers(cmp):
        lines.append("  note: " + word("unknown_number"))
    return "\n".join(lines) + "\n"


def comparisons_text(comparisons: list[Comparison], changes_only: bool = False) -> str:
    return "\n".join(comparison_text(c, changes_only) for c in comparisons)
