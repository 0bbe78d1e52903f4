"""Side-by-side HTML of comparisons, readable without colour — for the CLI page and the app.

Deletions are struck through *and* bracketed, insertions underlined *and*
marked, and every status badge carries a symbol and a word as well as a
colour, so the page works in black and white and for colour-blind readers.
Words one copy does not hold because its excerpt is cut there are neither:
they read "(not in this copy: …)" in that copy's column (:func:`drawn_segments`).
Right-to-left languages get ``dir="rtl"`` on their cells.  Text is escaped;
no-break spaces and « » pass through untouched.  No external assets.

The pieces (:data:`MARKUP_CSS`, :func:`side_html`, :func:`inline_html`,
:func:`pair_row`, :func:`table_head`) are public so that the Streamlit app
(``ui/render.py``) draws exactly the same rows as ``comparisons_html``.
"""
from __future__ import annotations

import re
from html import escape
from typing import AbstractSet, Iterable, Optional, Sequence

from ..language import RTL
from ..model import Comparison, Pair, Segment
from .labels import (cite_all, counts_line, flag_tokens, language_banner, pair_flags, restored_note,
                     unknown, unknown_segments)
from .words import header_lines, shows_unknown_numbers, word

#: Explains the ``PP?n`` ids wherever they are shown.
UNKNOWN_NUMBER_NOTE = word("unknown_number")


#: A symbol for every flag of :func:`compare.export.labels.pair_flags`, so a
#: badge reads without colour even when its word is cut off.
FLAG_SYMBOL = {
    "unchanged": "=",
    "modified": "✎",
    "new": "+",
    "deleted": "−",
    "split": "÷",
    "merged": "∪",
    "moved": "↕",
    "renumbered": "#",
    "PP↔OP": "⇄",
    "into sub-paragraphs": "☰",
    "sub-paragraphs joined": "¶",
    "matched": "↔",
    "footnote changed": "¹",
    "uncertain": "?",
    "cut in this copy": "✂",
    "restored": "↺",
}

#: Styles of the markup itself, all scoped under ``.rc`` (safe to embed in a host page).
MARKUP_CSS = """
.rc{font-size:.95rem;line-height:1.45}
table.rc{border-collapse:collapse;width:100%;table-layout:fixed}
table.rc td,table.rc th{border-top:1px solid #ccc;padding:.4rem .5rem;vertical-align:top;text-align:start}
table.rc th{background:#f3f3f3;position:sticky;top:0;z-index:1}
.rc .pid{font-weight:600;overflow-wrap:anywhere}
.rc i.lw{font-style:italic}
.rc del{color:#a00;background:#fde8e8;text-decoration:line-through}
.rc del::before{content:"[−"}.rc del::after{content:"]"}
.rc ins{color:#064;background:#e3f6ea;text-decoration:underline}
.rc ins::before{content:"[+"}.rc ins::after{content:"]"}
.rc del.minor,.rc ins.minor{background:none;color:#666}
.rc .unknown{color:#555;font-style:italic}
.rc mark{background:#ffe97a;color:inherit;outline:1px dotted #886}
.rc .badge{display:inline-block;border:1px solid #888;border-radius:3px;padding:0 .3rem;font-size:.8rem;
  margin:0 .2rem .2rem 0;white-space:nowrap;background:#fff;color:#222}
.rc .b-modified{border-color:#b26b00;background:#fff4e0}
.rc .b-new{border-color:#1a7f37;background:#e3f6ea}
.rc .b-deleted{border-color:#b00;background:#fde8e8}
.rc .b-split,.rc .b-merged{border-color:#6639ba;background:#f1ebfb}
.rc .b-moved{border-color:#0b5cad;background:#e6f0fb}
.rc .b-renumbered,.rc .b-unchanged{border-color:#999;color:#555}
.rc .b-leading{border-color:#b26b00;background:#fff4e0;font-weight:600}
.rc .lead{font-weight:600;border-inline-start:3px solid #b26b00;padding-inline-start:.3rem;margin-top:.2rem;
  overflow-wrap:break-word;font-size:.9em}
.rc tr.focus td{background:#fffbe0;outline:2px solid #b26b00}
.rc .absent{color:#777}
.rc.rc-head{border:1px solid #b26b00;background:#fffaf0;padding:.3rem .6rem;margin:.3rem 0}
.rc.rc-head ul{margin:.1rem 0;padding-inline-start:1.2rem}
.rc .legend{color:#555;font-size:.85rem}
.rc .xlang{border:1px solid #0b5cad;background:#e6f0fb;padding:.4rem .6rem;margin:.4rem 0}
.rc .sim{color:#555;font-size:.85rem}.rc .leadx{margin-top:.2rem}
"""

#: The standalone page adds a body style around the markup styles.
CSS = 'body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:1.5rem;color:#111}' + MARKUP_CSS

_SPACE_CLASS = "[\\s\u00a0\u202f\u2009]+"


def search_regex(query: Optional[str]):
    """A regex finding ``query`` case-insensitively, any space matching any (no-break) space."""
    if not query or not query.strip():
        return None
    parts = [re.escape(w) for w in query.split()]
    return re.compile(_SPACE_CLASS.join(parts), re.IGNORECASE)


def _text_html(text: str, rx) -> str:
    """Escape ``text``; wrap matches of ``rx`` in ``<mark>``; paragraph marks become line breaks."""
    if rx is None:
        out = escape(text)
    else:
        bits, pos = [], 0
        for m in rx.finditer(text):
            if m.end() == m.start():
                continue
            bits.append(escape(text[pos:m.start()]))
            bits.append(f"<mark>{escape(m.group(0))}</mark>")
            pos = m.end()
        bits.append(escape(text[pos:]))
        out = "".join(bits)
    return out.replace("\n", "<br>¶ ")


def drawn_segments(segments: Iterable[Segment], side: Optional[str] = None, cut_start: bool = False,
                   cut: bool = False, *, both: bool = False) -> tuple[list[Segment], set[int]]:
    """The segments a view draws, and the indexes (in that list) to write as "(not in this copy: …)".

    Words one copy does not hold because it is cut there (:func:`labels.unknown_segments`) are
    neither deleted nor added, so they must never be struck or underlined like a change: hidden
    ones are dropped; a shown one is plain text where the view is of the version (``side``:
    "old"/"new") that holds the words, and the note where it is of the copy that lacks them or of
    neither (``side=None``).  Other segments: the side's (``equal`` + its op), or all with ``both``
    or no ``side`` (the inline view: the new version with the old one's words struck)."""
    segs = list(segments)
    shown, hidden = unknown_segments(segs, cut_start, cut)
    own = {"old": "delete", "new": "insert"}.get(side or "")
    out: list[Segment] = []
    notes: set[int] = set()
    for k, s in enumerate(segs):
        if k in hidden:
            continue
        if k in shown and s.op == own:
            out.append(Segment("equal", s.text))
        elif k in shown:
            notes.add(len(out))
            out.append(s)
        elif both or own is None or s.op in ("equal", own):
            out.append(s)
    return out, notes


def unknown_html(text: str, rx, lang: Optional[str] = None) -> str:
    """Words a copy does not hold, as a visibly marked note — plain text, never ``<del>``/``<ins>``;
    the words' outer spaces stay outside the note."""
    body = text.strip()
    head, tail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    return f'{_text_html(head, rx)}<span class="unknown">{_text_html(unknown(body, lang), rx)}</span>{_text_html(tail, rx)}'


def side_html(segments: Iterable[Segment], side: str, highlight: Optional[str] = None, lead: int = 0, *,
              cut_start: bool = False, cut: bool = False, lang: Optional[str] = None) -> str:
    """One side of a diff: ``side="old"`` shows equal + deleted runs, ``"new"`` equal + inserted;
    the first ``lead`` characters of that side (the leading word) in italics, as in print; words
    past a copy's cut (``cut_start``/``cut`` of the pair) as :func:`drawn_segments` says."""
    shown, notes = drawn_segments(segments, side, cut_start, cut)
    keep = "delete" if side == "old" else "insert"
    return pieces_html(cut_segments(shown, keep, {lead}, lead)[0], search_regex(highlight), notes=notes, lang=lang)


def inline_html(segments: Iterable[Segment], highlight: Optional[str] = None, *, cut_start: bool = False,
                cut: bool = False, lang: Optional[str] = None) -> str:
    """Both sides in one run of text, as an editor's markup: deletions then insertions; words
    past a copy's cut as "(not in this copy: …)" (:func:`drawn_segments`)."""
    shown, notes = drawn_segments(segments, None, cut_start, cut)
    return pieces_html([(s, False, k) for k, s in enumerate(shown)], search_regex(highlight), notes=notes, lang=lang)


def pieces_html(pieces: Sequence[tuple[Segment, bool, int]], rx, after: Optional[dict[int, str]] = None, *,
                notes: AbstractSet[int] = frozenset(), lang: Optional[str] = None) -> str:
    """HTML of cut segments: the pieces of one segment stay in one ``<del>``/``<ins>`` (only the
    leading-word part in ``<i>``); ``after[k]`` is put after piece ``k`` (a footnote marker); a
    segment whose index is in ``notes`` (:func:`drawn_segments`) is one "(not in this copy: …)" note."""
    out: list[str] = []
    k = 0
    while k < len(pieces):
        seg, _, src = pieces[k]
        body, raw, marks = [], [], []
        while k < len(pieces) and pieces[k][2] == src:
            piece, italic, _ = pieces[k]
            raw.append(piece.text)
            text = _text_html(piece.text, rx)
            body.append(f'<i class="lw">{text}</i>' if italic and text else text)
            if after and k in after:
                body.append(after[k])
                marks.append(after[k])
            k += 1
        inner = "".join(body)
        if src in notes:
            out.append(unknown_html("".join(raw), rx, lang) + "".join(marks))
        elif seg.op == "equal":
            out.append(inner)
        else:
            tag = "del" if seg.op == "delete" else "ins"
            cls = ' class="minor"' if seg.minor else ""
            out.append(f"<{tag}{cls}>{inner}</{tag}>")
    return "".join(out)


def cut_segments(segments: Sequence[Segment], counted: str, cuts: set[int], lead: int
              ) -> tuple[list[tuple[Segment, bool, int]], dict[int, int]]:
    """Cut ``segments`` at offsets of one side's text (``counted``: the op that, with
    ``equal``, makes that side) so a leading word or a footnote marker can be placed.

    Returns (pieces: (segment, "in the leading word", index of the segment cut), {piece index:
    offset it ends at}).  Runs of the other side are not counted and take the flag of where they stand."""
    out: list[tuple[Segment, bool, int]] = []
    ends: dict[int, int] = {}
    pos = 0
    for i, s in enumerate(segments):
        text = s.text
        if s.op not in ("equal", counted):
            out.append((s, pos < lead, i))
            continue
        while text:
            nxt = min((c for c in cuts if pos < c < pos + len(text)), default=None)
            take = len(text) if nxt is None else nxt - pos
            out.append((Segment(s.op, text[:take], s.minor), pos < lead, i))
            pos += take
            ends[len(out) - 1] = pos
            text = text[take:]
    return out, ends


def lead_length(doc, ids: Sequence[str]) -> int:
    """Characters of the leading word(s) at the start of the first paragraph of ``ids``."""
    para = next((p for p in doc.paragraphs if ids and p.id == ids[0]), None)
    if para is None or not para.leading or not para.text.startswith(para.leading):
        return 0
    return len(para.leading)


# Backwards-compatible private names.
_side = side_html


def dir_attr(lang: Optional[str]) -> str:
    return ' dir="rtl"' if lang in RTL else ""


_dir = dir_attr


def plain_side_html(cmp: Comparison, ids: Sequence[str], side: str, highlight: Optional[str] = None) -> str:
    """The texts of a group as written, with no markup: a cross-language pair has
    no word diff to draw from, so its texts come from the documents."""
    doc = cmp.old if side == "old" else cmp.new
    rx = search_regex(highlight)
    return _text_html("\n".join(doc.by_id(i).text for i in ids), rx)


def banner_html(cmp: Comparison) -> str:
    """The cross-language notice ("" for a same-language comparison)."""
    text = language_banner(cmp)
    return f'<p class="rc xlang" role="note">⚠ {escape(text)}</p>' if text else ""


def badges_html(pair: Pair) -> str:
    out = []
    for f in pair_flags(pair):
        cls = "b-" + re.sub(r"[^a-z]", "", f.lower())
        shown = restored_note(pair) if f == "restored" else f       # "restored from L.17 OP10"
        out.append(f'<span class="badge {cls}" title="{escape(shown)}">{FLAG_SYMBOL.get(f, "•")} {escape(shown)}</span>')
    return "".join(out)


def anchor_id(side: str, pid: str) -> str:
    """A DOM id for a paragraph (``rc-new-OP5-a``) that jump links can target."""
    return f"rc-{side}-" + re.sub(r"[^A-Za-z0-9]+", "-", pid).strip("-")


def pair_row(
    pair: Pair,
    cmp: Comparison,
    *,
    highlight: Optional[str] = None,
    focus: bool = False,
    anchors: bool = False,
) -> str:
    """One ``<tr>``: old ids, old text, new ids, new text, change badges (and the leading-word note).

    The row carries ``data-status`` (the flags, one token each: :func:`flag_tokens`) so tests and
    scripts can read it without parsing the text.
    """
    lead_html = ""
    if pair.leading_change:
        # <bdi>: an Arabic verb must not reorder the arrow and quotes around it
        old, new = (f"<bdi>“{escape(w)}”</bdi>" for w in pair.leading_change)
        lead_html = f'<div class="lead">⚠ leading word: {old} → {new}</div>'
    elif pair.leading_words and all(pair.leading_words):
        old, new = (f"<bdi>“{escape(w)}”</bdi>" for w in pair.leading_words)
        lead_html = f'<div class="leadx">leading words: {old} ↔ {new}</div>'
    if pair.status == "matched":
        lead_html = f'<div class="sim">similarity {pair.similarity:.2f}</div>' + lead_html
    old_ids = escape(cite_all(pair.old)) if pair.old else '<span class="absent">—</span>'
    new_ids = escape(cite_all(pair.new)) if pair.new else '<span class="absent">—</span>'
    attrs = f' data-status="{escape(flag_tokens(pair))}"'
    attrs += f' data-old="{escape(" ".join(pair.old))}" data-new="{escape(" ".join(pair.new))}"'
    if anchors:
        ids = [anchor_id("old", p) for p in pair.old] + [anchor_id("new", p) for p in pair.new]
        if ids:
            attrs += f' id="{ids[0]}"'
    if focus:
        attrs += ' class="focus"'
    if cmp.cross_language:
        def old_side() -> str:
            return plain_side_html(cmp, pair.old, "old", highlight)

        def new_side() -> str:
            return plain_side_html(cmp, pair.new, "new", highlight)
    else:
        def old_side() -> str:
            return side_html(pair.diff, "old", highlight, lead_length(cmp.old, pair.old),
                             cut_start=pair.cut_start, cut=pair.cut, lang=cmp.old.meta.language)

        def new_side() -> str:
            return side_html(pair.diff, "new", highlight, lead_length(cmp.new, pair.new),
                             cut_start=pair.cut_start, cut=pair.cut, lang=cmp.new.meta.language)
    old_text = old_side() if pair.old else '<span class="absent">(not in this version)</span>'
    new_text = new_side() if pair.new else '<span class="absent">(deleted)</span>'
    return (
        f"<tr{attrs}><td class=pid>{old_ids}</td><td{dir_attr(cmp.old.meta.language)}>{old_text}</td>"
        f"<td class=pid>{new_ids}</td><td{dir_attr(cmp.new.meta.language)}>{new_text}</td>"
        f"<td>{badges_html(pair)}{lead_html}</td></tr>"
    )


def table_head(cmp: Comparison) -> str:
    return (
        '<table class="rc"><colgroup><col style="width:7%"><col style="width:38%"><col style="width:7%">'
        '<col style="width:38%"><col style="width:10%"></colgroup>'
        f"<thead><tr><th></th><th>{escape(cmp.old.label)}</th><th></th><th>{escape(cmp.new.label)}</th>"
        "<th>change</th></tr></thead>"
    )


def rows_table(cmp: Comparison, pairs: Sequence[Pair], **row_kw) -> str:
    """A side-by-side table of the given pairs (a filtered subset of ``cmp.pairs``)."""
    rows = "".join(pair_row(p, cmp, **row_kw) for p in pairs)
    return f"{table_head(cmp)}<tbody>{rows}</tbody></table>"


def header_html(cmp: Comparison) -> str:
    """The header strip: title (word diff), sponsors and other header changes; '' when none.

    ``data-header`` lists the changed fields, so tests and scripts need not parse the text."""
    h = cmp.header
    if not h.changed:
        return ""
    items = []
    if "title" in h.fields:
        items.append(f"<li>title: {inline_html(h.title_diff)}</li>")
    for line in header_lines(h):
        if not line.startswith("title:"):
            items.append(f"<li>{escape(line)}</li>")
    names = sorted(h.fields) + (["sponsors"] if h.sponsors_added or h.sponsors_removed else [])
    return (f'<div class="rc rc-head" data-header="{escape(" ".join(names))}"><b>Header changed</b>'
            f"<ul>{''.join(items)}</ul></div>")


def unknown_number_legend(cmp: Comparison) -> str:
    """A one-line legend explaining ``PP?n`` when the comparison shows such ids; else ''."""
    if not shows_unknown_numbers(cmp):
        return ""
    return f'<p class="rc legend" data-legend="unknown-number">{escape(UNKNOWN_NUMBER_NOTE)}</p>'


def comparison_table(cmp: Comparison) -> str:
    summary = counts_line(cmp)
    return (
        f"<h2>{escape(cmp.old.label)} → {escape(cmp.new.label)}</h2>{banner_html(cmp)}<p>{escape(summary)}</p>"
        + header_html(cmp) + unknown_number_legend(cmp)
        + rows_table(cmp, cmp.pairs)
    )


def comparisons_html(comparisons: list[Comparison]) -> str:
    body = "\n".join(comparison_table(c) for c in comparisons)
    return (
        "<!doctype html><html><head><meta charset=utf-8><title>Resolution Compare</title>"
        f"<style>{CSS}</style></head><body>{body}</body></html>\n"
    )
