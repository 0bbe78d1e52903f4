"""What the app draws from a Comparison or a Lineage: filters, summary figures, HTML.

No comparison logic here: pairs, statuses, diffs and flags all come from
:mod:`compare.api`; rows are drawn by :mod:`compare.export.html` (the same
rows as ``python -m compare diff --format html``) and named by
:mod:`compare.export.labels`.  Everything is a pure function of its inputs,
so it can be tested without Streamlit.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Optional, Sequence

from compare.export.html import FLAG_SYMBOL, MARKUP_CSS, dir_attr, inline_html, rows_table, search_regex
from compare.export.html import header_html as _header_html
from compare.export.html import unknown_number_legend as _unknown_number_legend
from compare.export.figures import changed_words, summary_figures, summary_order  # noqa: F401 (the app reads them here)
from compare.export.labels import LIST_CHANGE_WORD, cite_all, describe, is_change, pair_flags
# the agreed-language views live in compare.export.trace_views (the CLI uses them too); the app reads them here
from compare.export.trace_views import (STYLE, TRACE_COLOURS, TRACE_STATUS_CHOICES, trace_colour,  # noqa: F401
                                        trace_context, trace_html, trace_legend_html, trace_source_numbers,
                                        trace_summary_html)
from compare.model import Comparison, Document, Lineage, Pair, PairStatus, Segment

# the workbench (issue 17): change navigation, the inline view, leading words in italics
from compare.export.html import anchor_id, cut_segments, lead_length, pieces_html  # noqa: E402
from compare.export.inline import INLINE_CSS, inline_view_html  # noqa: E402


#: Status filter choices, in the order a negotiator scans them.  All but the last
#: two are flags of :func:`compare.export.labels.pair_flags`.
STATUS_CHOICES = [PairStatus.MODIFIED.word, PairStatus.INSERTED.word, PairStatus.DELETED.word, "moved",
                  PairStatus.SPLIT.word, PairStatus.MERGED.word, *LIST_CHANGE_WORD.values(), "renumbered",
                  PairStatus.UNCHANGED.word, "PP↔OP", "leading word changed", PairStatus.MATCHED.word]


# --------------------------------------------------------------------------- pairs


def kinds_by_id(doc: Document) -> dict[str, str]:
    return {p.id: p.kind for p in doc.paragraphs}


def pair_kinds(pair: Pair, cmp: Comparison) -> set[str]:
    """PP / OP / P of the paragraphs on either side (both for a PP↔OP move)."""
    old, new = kinds_by_id(cmp.old), kinds_by_id(cmp.new)
    return {old.get(i, "P") for i in pair.old} | {new.get(i, "P") for i in pair.new}


def status_tags(pair: Pair) -> set[str]:
    tags = set(pair_flags(pair))
    if pair.leading_change:
        tags.add("leading word changed")
    if pair.renumbered:
        tags.add("renumbered")
    return tags


def side_texts(pair: Pair) -> tuple[str, str]:
    old = "".join(s.text for s in pair.diff if s.op != "insert")
    new = "".join(s.text for s in pair.diff if s.op != "delete")
    return old, new


def matches(pair: Pair, query: str) -> bool:
    rx = search_regex(query)
    if rx is None:
        return True
    old, new = side_texts(pair)
    ids = " ".join(pair.old + pair.new)
    return bool(rx.search(old) or rx.search(new) or rx.search(ids))


@dataclass(frozen=True)
class Filters:
    changes_only: bool = False
    kinds: tuple[str, ...] = ()          # empty: all
    statuses: tuple[str, ...] = ()       # empty: all
    query: str = ""


def filter_pairs(cmp: Comparison, f: Filters) -> list[Pair]:
    out = []
    for p in cmp.pairs:
        if f.changes_only and not is_change(p):
            continue
        if f.kinds and not (pair_kinds(p, cmp) & set(f.kinds)):
            continue
        if f.statuses and not (status_tags(p) & set(f.statuses)):
            continue
        if f.query and not matches(p, f.query):
            continue
        out.append(p)
    return out


def change_list(pairs: Sequence[Pair]) -> list[Pair]:
    """The changes the next/previous controls walk through: the shown pairs that are changes."""
    return [p for p in pairs if is_change(p)]


def change_line(cmp: Comparison, pair: Pair) -> str:
    """One line of the change list: "OP6 (Rev.1) → OP5 (Rev.2): modified, renumbered, “Encourage” → “Engage”"."""
    return describe(pair, cmp.old.label, cmp.new.label)


def position_text(pos: Optional[int], n: int) -> str:
    """"change 3 of 12" (positions count from 1), or how many there are before one is chosen."""
    if n == 0:
        return "no changes shown"
    if pos is None:
        return f"{n} change{'s' if n != 1 else ''}"
    return f"change {pos + 1} of {n}"


def step_position(pos: Optional[int], n: int, step: int) -> Optional[int]:
    """The position after Next (+1) or Previous (−1): from nothing chosen, Next goes to the
    first change and Previous to the last; both stop at the ends."""
    if n == 0:
        return None
    if pos is None or not 0 <= pos < n:
        return 0 if step > 0 else n - 1
    return max(0, min(n - 1, pos + step))


def pair_anchor(pair: Pair) -> str:
    """The DOM id of a pair's row in either view (its first paragraph, as ``pair_row`` sets it)."""
    return anchor_id("old", pair.old[0]) if pair.old else anchor_id("new", pair.new[0])


def scroll_script(anchor: str, token: str) -> str:
    """A script that scrolls the row ``anchor`` to the middle of the window once it is drawn
    (and highlighted: class ``focus``); ``token`` makes each request a new element so it runs again."""
    return (f'<script data-token="{escape(token)}">(function go(n){{'
            f'var el=document.getElementById("{anchor}");'
            'if(el&&el.classList.contains("focus")){el.scrollIntoView({block:"center"});return;}'
            "if(n>0)setTimeout(function(){go(n-1)},100);})(50);</script>")


def inline_view(cmp: Comparison, pairs: Sequence[Pair], *, highlight: str = "", focus: Optional[Pair] = None) -> str:
    """The inline view of the shown pairs, with its styles (rows carry the same anchors as the table)."""
    if not pairs:
        return STYLE + '<p class="rc absent">No paragraph matches these filters.</p>'
    return (f"{STYLE}<style>{INLINE_CSS}</style>"
            + inline_view_html(cmp, pairs, highlight=highlight or None, focus=focus, anchors=True))


def concordance_rows(cmp: Comparison) -> list[dict]:
    """The concordance table of a cross-language comparison: one row per pair, the
    leading words on both sides and the link's similarity (no words to diff)."""
    lo, ln = (x or "?" for x in cmp.languages)
    rows = []
    for p in cmp.pairs:
        lw = p.leading_words or ("", "")
        rows.append({
            f"{cmp.old.label} ({lo})": cite_all(p.old) or "—",
            f"leading words ({lo})": lw[0] if p.old else "",
            f"{cmp.new.label} ({ln})": cite_all(p.new) or "—",
            f"leading words ({ln})": lw[1] if p.new else "",
            "similarity": round(p.similarity, 2) if p.old and p.new else None,
            "status": ", ".join(pair_flags(p)),
        })
    return rows




def summary_html(cmp: Comparison) -> str:
    """The counts as a strip of badges (symbol + number + word, colour only as a help)."""
    fig = summary_figures(cmp)
    chips = []
    for _key, word in summary_order(cmp):
        n = fig[word]
        sym = FLAG_SYMBOL.get(word, "⚠" if word.startswith("leading") else "•")
        cls = "b-" + word.split()[0] + ("" if n else " zero")
        chips.append(f'<span class="badge {cls}" data-count="{escape(word)}:{n}">{sym} {n} {escape(word)}</span>')
    total = fig["words deleted"] + fig["words inserted"]
    chips.append(
        f'<span class="badge" data-count="words changed:{total}" title="typographic variants not counted">'
        f'Δ {total} words changed ({fig["words deleted"]} deleted, {fig["words inserted"]} inserted)</span>'
    )
    return f'{STYLE}<div class="rc rc-sum">{"".join(chips)}</div>'


def pair_label(pair: Pair) -> str:
    return f"{cite_all(pair.old) or '—'} → {cite_all(pair.new) or '—'}"


def position_rows(cmp: Comparison) -> list[dict]:
    """One row per pair in reading order, for the "where are the changes" chart.

    Structural changes with no changed words (a move, a split at a sentence
    boundary) still get a small bar so they show on the chart.
    """
    rows = []
    for k, p in enumerate(cmp.pairs):
        d, i = changed_words(p)
        structural = 1 if (d + i == 0 and (p.status != "unchanged" or p.moved)) else 0
        rows.append({
            "order": k,
            "paragraph": cite_all(p.new) or "−" + cite_all(p.old),
            "pair": pair_label(p),
            "status": ", ".join(pair_flags(p)),
            "words deleted": d,
            "words inserted": i,
            "moved / structure": structural,
        })
    return rows


#: The chart's parts: (key of :func:`position_rows`, colour).
CHART_PARTS = (("words deleted", "#c0392b"), ("words inserted", "#1a7f37"), ("moved / structure", "#0b5cad"))
CHART_TITLE = ("Where the changes are — words changed per paragraph, in reading order "
               "(new version's ids; −: deleted)")


CHART_CSS = ("<style>.rc-chart{font-size:.8rem;margin:.6rem 0 1rem;max-width:1100px}"
             ".rc-chart .t{font-weight:600}.rc-chart .lg span{margin-right:1rem}"
             ".rc-chart .lg i{display:inline-block;width:.7rem;height:.7rem;margin-right:.25rem;vertical-align:-1px}"
             ".rc-chart .plot,.rc-chart .ids{display:flex;gap:2px;margin-left:2.2rem}"
             ".rc-chart .plot{height:200px;align-items:stretch;border-bottom:1px solid #999;position:relative;"
             "background:linear-gradient(#eee 1px,transparent 1px) 0 0/100% 50%}"
             ".rc-chart .bar{flex:1 1 0;display:flex;flex-direction:column-reverse;min-width:0}"
             ".rc-chart .bar:hover{background:#f3f3f3}"
             ".rc-chart .ids div{flex:1 1 0;min-width:0;writing-mode:vertical-rl;transform:rotate(180deg);"
             "white-space:nowrap;overflow:hidden;height:4.2rem;font-size:.7rem;text-align:left}"
             ".rc-chart .ax{position:absolute;left:-2.2rem;width:2rem;text-align:right;font-size:.7rem}</style>")


def position_chart_html(cmp: Comparison) -> str:
    """The "where are the changes" chart: stacked bars of :func:`position_rows` in plain HTML, a tooltip
    on each bar; '' when nothing changed.  Drawn here rather than by a charting library: a Vega-Lite
    chart made Streamlit import pandas and the browser load its chart bundle with the first page
    (and ``st.html`` strips SVG)."""
    rows = position_rows(cmp)
    totals = [sum(r[k] for k, _ in CHART_PARTS) for r in rows]
    if not any(totals):
        return ""
    peak = max(totals)
    bars, ids = [], []
    for r in rows:
        tip = (f"{r['pair']} · {r['status']} · {r['words deleted']} deleted, {r['words inserted']} inserted"
               + (" · moved / structure" if r["moved / structure"] else ""))
        parts = "".join(f'<div style="height:{100 * r[k] / peak:.2f}%;background:{colour}"></div>'
                        for k, colour in CHART_PARTS if r[k])
        bars.append(f'<div class="bar" title="{escape(tip)}" data-pair="{escape(r["pair"])}">{parts}</div>')
        ids.append(f"<div>{escape(r['paragraph'])}</div>")
    legend = "".join(f'<span><i style="background:{colour}"></i>{escape(k)}</span>' for k, colour in CHART_PARTS)
    axis = (f'<span class="ax" style="top:-.45rem">{peak}</span><span class="ax" style="top:calc(50% - .45rem)">'
            f'{peak / 2:g}</span><span class="ax" style="bottom:-.45rem">0</span>')
    return (f'{CHART_CSS}<div class="rc-chart" role="img" aria-label="{escape(CHART_TITLE)}">'
            f'<div class="t">{escape(CHART_TITLE)}</div><div class="lg">{legend}</div>'
            f'<div class="plot">{axis}{"".join(bars)}</div>'
            + (f'<div class="ids">{"".join(ids)}</div>' if len(rows) <= 80 else "") + "</div>")


# --------------------------------------------------------------------------- HTML


def comparison_html(cmp: Comparison, pairs: Sequence[Pair], *, highlight: str = "", focus: Optional[Pair] = None) -> str:
    """The side-by-side table of ``pairs`` (already filtered), with its styles."""
    if not pairs:
        return STYLE + '<p class="rc absent">No paragraph matches these filters.</p>'
    # pair_row marks focus by identity, so draw each row with its own flag
    from compare.export.html import pair_row, table_head

    rows = "".join(pair_row(p, cmp, highlight=highlight or None, focus=p is focus, anchors=True) for p in pairs)
    return f'{STYLE}<div class="rc">{table_head(cmp)}<tbody>{rows}</tbody></table></div>'


def header_html(cmp: Comparison) -> str:
    """The header strip above the paragraphs (title, sponsors, header fields); '' when unchanged."""
    head = _header_html(cmp)
    return f"<style>{MARKUP_CSS}</style>{head}" if head else ""


def unknown_number_legend(cmp: Comparison) -> str:
    """What ``PP?n`` means, when the comparison shows such ids; else ''."""
    legend = _unknown_number_legend(cmp)
    return f"<style>{MARKUP_CSS}</style>{legend}" if legend else ""


def focus_html(cmp: Comparison, pair: Pair) -> str:
    return f'{STYLE}<div class="rc">{rows_table(cmp, [pair], focus=True)}</div>'


def lineage_html(lineage: Lineage) -> str:
    """The compilation table: one column per version, one row per paragraph lineage.

    Drawn from :func:`compare.export.table.cells` — the very cells of the
    downloadable table — each column marked up against the one before it
    (deletions struck, insertions underlined).
    """
    from compare.export.table import cells, header_cells, version_labels

    docs = lineage.versions
    head = "".join(f"<th>{escape(lab)}</th>" for lab in version_labels(lineage))
    body = []
    header = header_cells(lineage)
    for k, row in enumerate(([header] if any(not c.empty for c in header) else []) + cells(lineage)):
        tds = []
        for v, cell in enumerate(row):
            if cell.empty:
                tds.append('<td class="absent">—</td>')
                continue
            html = []
            lead = 0 if any(op == "note" for op, _ in cell.parts) else lead_length(docs[v], cell.head.split(" + "))
            if lead:                                # the leading word in italics, as printed
                html.append(pieces_html(cut_segments([Segment(op, t) for op, t in cell.parts], "insert", {lead}, lead)[0],
                                        None))
            for op, text in (() if lead else cell.parts):
                if op == "note":
                    html.append(f'<span class="absent">{escape(text)}</span>')
                else:
                    html.append(inline_html([Segment(op, text)]))
            pid = f'<div class="pid">{escape(cell.head)}</div>' if cell.head else ""
            tds.append(f"<td{dir_attr(docs[v].meta.language)}>{pid}{''.join(html)}</td>")
        is_header = k == 0 and row is header
        body.append(('<tr class="rc-header-row" style="background:#fffaf0">' if is_header else "<tr>")
                    + "".join(tds) + "</tr>")
    width = f"{100 / max(len(docs), 1):.2f}%"
    cols = "".join(f'<col style="width:{width}">' for _ in docs)
    return (
        f'{STYLE}<div class="rc"><table class="rc lineage"><colgroup>{cols}</colgroup>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def step_rows(lineage: Lineage) -> list[dict]:
    """Summary counts for each consecutive step of a lineage."""
    out = []
    for c in lineage.comparisons:
        fig = summary_figures(c)
        out.append({"from → to": f"{c.old.label} → {c.new.label}", **fig})
    return out


def step_table_html(lineage: Lineage) -> str:
    """The per-step counts as a table whose headings wrap, so no column is cut off ("words ins…")."""
    rows = step_rows(lineage)
    if not rows:
        return ""
    # every step's counters under one heading row: a cross-language step adds "matched" and
    # "uncertain", which a same-language step shows as "—" (not applicable), never shifted
    keys = list(dict.fromkeys(k for r in rows for k in r))
    head = "".join(f"<th>{escape(k)}</th>" for k in keys)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(r.get(k, '—')))}</td>" for k in keys) + "</tr>"
                   for r in rows)
    return (f'{STYLE}<style>.rc table.steps{{border-collapse:collapse;width:100%}}'
            ".rc table.steps th,.rc table.steps td{border:1px solid #ccc;padding:.2rem .35rem;font-size:.85rem;"
            "text-align:end}.rc table.steps th{background:#f3f3f3;white-space:normal;vertical-align:bottom}"
            ".rc table.steps td:first-child,.rc table.steps th:first-child{text-align:start}</style>"
            f'<div class="rc"><table class="steps"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>')


def leading_changes(cmp: Comparison) -> list[str]:
    return [describe(p, cmp.old.label, cmp.new.label) for p in cmp.pairs if p.leading_change]
