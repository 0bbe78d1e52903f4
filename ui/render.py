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
from compare.export.figures import SUMMARY_ORDER, changed_words, summary_figures
from compare.export.labels import describe, is_change, pair_flags
# the agreed-language views live in compare.export.trace_views (the CLI uses them too); the app reads them here
from compare.export.trace_views import (STYLE, TRACE_COLOURS, TRACE_STATUS_CHOICES, trace_colour,  # noqa: F401
                                        trace_context, trace_html, trace_legend_html, trace_source_numbers,
                                        trace_summary_html)
from compare.model import Comparison, Document, Lineage, Pair, PairStatus, Segment


#: Status filter choices, in the order a negotiator scans them.  All but the last
#: two are flags of :func:`compare.export.labels.pair_flags`.
STATUS_CHOICES = [PairStatus.MODIFIED.word, PairStatus.INSERTED.word, PairStatus.DELETED.word, "moved",
                  PairStatus.SPLIT.word, PairStatus.MERGED.word, "renumbered", PairStatus.UNCHANGED.word,
                  "PP↔OP", "leading word changed"]


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


def find_pair(cmp: Comparison, target: Optional[str]) -> Optional[Pair]:
    """The pair holding ``"old:OP5"`` or ``"new:OP5"``."""
    if not target or ":" not in target:
        return None
    side, pid = target.split(":", 1)
    for p in cmp.pairs:
        if pid in (p.old if side == "old" else p.new):
            return p
    return None


def jump_targets(cmp: Comparison) -> list[str]:
    """``new:…`` for every paragraph of the new version, then ``old:…`` for those gone from it."""
    out = [f"new:{p.id}" for p in cmp.new.paragraphs]
    gone = {i for p in cmp.pairs if not p.new for i in p.old}
    out += [f"old:{p.id}" for p in cmp.old.paragraphs if p.id in gone]
    return out


# --------------------------------------------------------------------------- figures


def summary_html(cmp: Comparison) -> str:
    """The counts as a strip of badges (symbol + number + word, colour only as a help)."""
    fig = summary_figures(cmp)
    chips = []
    for _key, word in SUMMARY_ORDER:
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
    return f"{' + '.join(pair.old) or '—'} → {' + '.join(pair.new) or '—'}"


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
            "paragraph": " + ".join(p.new) or "−" + " + ".join(p.old),
            "pair": pair_label(p),
            "status": ", ".join(pair_flags(p)),
            "words deleted": d,
            "words inserted": i,
            "moved / structure": structural,
        })
    return rows


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
            for op, text in cell.parts:
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


def leading_changes(cmp: Comparison) -> list[str]:
    return [describe(p, cmp.old.label, cmp.new.label) for p in cmp.pairs if p.leading_change]
