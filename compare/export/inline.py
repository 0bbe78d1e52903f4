"""The inline view: one column, the new version in resolution layout, changes marked in the text.

What Word's markup view or a "Ramseyer" print shows: the new version's paragraphs
in order (deleted ones where they stood), deletions struck, insertions
underlined, the leading word in italics, moves, splits and merges labelled, and
the new version's footnotes below.  Pairs come in the order of
``Comparison.pairs`` — the one placement of paragraphs every view shares — and
the text of each pair is its ``Pair.diff``: nothing is diffed again here.
"""
from __future__ import annotations

from html import escape
from typing import Optional, Sequence

from ..language import typed_label
from ..model import Comparison, Document, Pair
from .html import FLAG_SYMBOL, cut_segments, anchor_id, drawn_segments, badges_html, dir_attr, lead_length, pieces_html, search_regex
from .labels import cite_all, is_change, pair_ids

INLINE_CSS = """
table.rc.inline td{border-top:none;padding:.25rem .4rem}
table.rc.inline td.ipid{width:6.5rem;color:#555;font-size:.8rem;font-weight:600;overflow-wrap:anywhere}
table.rc.inline td.num{width:2.6rem;text-align:end;white-space:nowrap}
table.rc.inline tr.lvl1 td.txt{padding-inline-start:2rem}
table.rc.inline tr.lvl2 td.txt{padding-inline-start:4rem}
table.rc.inline tr.k-PP td.txt{text-indent:2rem}
table.rc.inline tr.changed td.ipid{border-inline-start:3px solid #b26b00}
.rc .inote{font-size:.8rem;color:#444;margin-top:.15rem;text-indent:0}
.rc .ititle{font-weight:700;text-align:center;margin:.4rem 0 .6rem}
.rc .footnotes{border-top:1px solid #999;margin-top:.8rem;padding-top:.3rem;font-size:.85rem}
.rc .footnotes p{margin:.1rem 0}
"""


def number_label(doc: Document, ids: Sequence[str]) -> str:
    """How the first paragraph of ``ids`` is numbered in print: "5.", "(a)", "(i)"; PPs are not numbered."""
    para = next((p for p in doc.paragraphs if ids and p.id == ids[0]), None)
    if para is None or para.kind != "OP":
        return ""
    return typed_label(para.number, para.level, doc.meta.language)


def _level(doc: Document, ids: Sequence[str]) -> int:
    return next((p.level for p in doc.paragraphs if ids and p.id == ids[0]), 0)


def _kind(doc: Document, ids: Sequence[str]) -> str:
    return next((p.kind for p in doc.paragraphs if ids and p.id == ids[0]), "P")


def _footnote_cuts(cmp: Comparison, pair: Pair) -> dict[int, list[str]]:
    """New-side offsets where the new version's footnote markers stand (none when the
    diffed text carries the markers itself, or does not rebuild the paragraphs' texts)."""
    if not pair.new or not cmp.options.ignore_footnote_markers:
        return {}
    by_id = {p.id: p for p in cmp.new.paragraphs}
    paras = [by_id[i] for i in pair.new if i in by_id]
    new_text = "".join(s.text for s in pair.diff if s.op != "delete")
    if new_text != "\n".join(p.text for p in paras):
        return {}
    cuts: dict[int, list[str]] = {}
    base = 0
    for p in paras:
        for ref in p.footnote_refs:
            cuts.setdefault(base + ref.offset, []).append(ref.number)
        base += len(p.text) + 1
    return cuts


def inline_text_html(cmp: Comparison, pair: Pair, highlight: Optional[str] = None) -> str:
    """The pair's text with both sides' changes in one run, the leading word in italics and
    the new version's footnote markers as superscripts."""
    rx = search_regex(highlight)
    counted, doc, ids = ("insert", cmp.new, pair.new) if pair.new else ("delete", cmp.old, pair.old)
    lead = lead_length(doc, ids)
    notes = _footnote_cuts(cmp, pair)
    # words a copy does not hold because it is cut there: plain where this version holds them, else
    # "(not in this copy: …)", never struck or underlined like a change
    segs, unknown = drawn_segments(pair.diff, "new" if pair.new else "old", pair.cut_start, pair.cut, both=True)
    pieces, ends = cut_segments(segs, counted, {lead, *notes}, lead)
    after: dict[int, str] = {}
    for k, at in ends.items():
        if at in notes:
            after[k] = "".join(f'<sup class="fn">{escape(n)}</sup>' for n in notes.pop(at))
    tail = "".join(f'<sup class="fn">{escape(n)}</sup>' for at in sorted(notes) for n in notes[at])
    return pieces_html(pieces, rx, after, notes=unknown, lang=doc.meta.language) + tail


def structure_note(cmp: Comparison, pair: Pair) -> str:
    """What happened to the paragraph, in words and symbols: "↕ moved · OP7 (L.17) → OP8 (Rev.1)"."""
    if not is_change(pair):
        return ""
    lead = ""
    if pair.leading_change:
        old, new = (f"<bdi>“{escape(w)}”</bdi>" for w in pair.leading_change)
        lead = f' · <b>⚠ leading word: {old} → {new}</b>'
    return (f'<div class="inote">{badges_html(pair)} {escape(pair_ids(pair, cmp.old.label, cmp.new.label))}'
            f"{lead}</div>")


def inline_row(cmp: Comparison, pair: Pair, *, highlight: Optional[str] = None, focus: bool = False,
               anchors: bool = False) -> str:
    """One paragraph of the inline view, carrying the same ``data-status``/``data-old``/``data-new``
    (and anchor id) as the side-by-side row of the same pair."""
    from .labels import flag_tokens, pair_flags

    doc, ids = (cmp.new, pair.new) if pair.new else (cmp.old, pair.old)
    flags = pair_flags(pair)
    classes = [f"lvl{_level(doc, ids)}", f"k-{_kind(doc, ids)}"] + (["changed"] if is_change(pair) else []) \
        + (["focus"] if focus else [])
    attrs = (f' data-status="{escape(flag_tokens(pair))}" data-old="{escape(" ".join(pair.old))}"'
             f' data-new="{escape(" ".join(pair.new))}"')
    if anchors:
        first = [anchor_id("old", p) for p in pair.old] + [anchor_id("new", p) for p in pair.new]
        if first:
            attrs += f' id="{first[0]}"'
    num = number_label(doc, ids)
    if not pair.new:
        num = f"<del>{escape(num)}</del>" if num else ""
    else:
        num = escape(num)
    pid = escape(cite_all(ids)) if pair.new else f'{FLAG_SYMBOL["deleted"]} {escape(cite_all(ids))}'
    return (f'<tr class="{" ".join(classes)}"{attrs}><td class="ipid">{pid}</td><td class="num">{num}</td>'
            f'<td class="txt"{dir_attr(doc.meta.language)}>{inline_text_html(cmp, pair, highlight)}'
            f"{structure_note(cmp, pair)}</td></tr>")


def footnotes_html(doc: Document) -> str:
    if not doc.footnotes:
        return ""
    items = "".join(f"<p><sup>{escape(f.number)}</sup> {escape(f.text)}</p>" for f in doc.footnotes)
    return f'<div class="footnotes"{dir_attr(doc.meta.language)}>{items}</div>'


def inline_view_html(cmp: Comparison, pairs: Optional[Sequence[Pair]] = None, *, highlight: Optional[str] = None,
                     focus: Optional[Pair] = None, anchors: bool = False) -> str:
    """The inline view of ``pairs`` (default: all), in a ``div.rc`` (styles: MARKUP_CSS + INLINE_CSS)."""
    pairs = cmp.pairs if pairs is None else pairs
    title = f'<div class="ititle">{escape(cmp.new.meta.title)}</div>' if getattr(cmp.new.meta, "title", None) else ""
    rows = "".join(inline_row(cmp, p, highlight=highlight, focus=p is focus, anchors=anchors) for p in pairs)
    head = (f'<p class="inote">{escape(cmp.new.label)}, with the changes from {escape(cmp.old.label)}: '
            "deletions [−struck through], insertions [+underlined]</p>")
    return (f'<div class="rc">{head}{title}<table class="rc inline"><colgroup><col style="width:6.5rem">'
            f'<col style="width:2.6rem"><col></colgroup><tbody>{rows}</tbody></table>'
            f"{footnotes_html(cmp.new)}</div>")
