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
from compare.export.labels import describe, pair_flags
from compare.model import Comparison, Document, Lineage, Pair, Segment
from compare.tokens import words

STYLE = f"""<style>{MARKUP_CSS}
.rc-sum{{display:flex;flex-wrap:wrap;gap:.3rem;margin:.2rem 0}}
.rc-sum .badge{{font-size:.9rem;padding:.1rem .45rem}}
.rc-sum .zero{{opacity:.55}}
</style>"""

#: Status filter choices, in the order a negotiator scans them.  All but the last
#: two are flags of :func:`compare.export.labels.pair_flags`.
STATUS_CHOICES = ["modified", "new", "deleted", "moved", "split", "merged", "renumbered", "unchanged",
                  "PP↔OP", "leading word changed", "matched"]

#: The summary counters, keyed as in :meth:`Comparison.summary`, with the words shown.
SUMMARY_ORDER = [("modified", "modified"), ("inserted", "new"), ("deleted", "deleted"), ("moved", "moved"),
                 ("split", "split"), ("merged", "merged"), ("renumbered", "renumbered"),
                 ("unchanged", "unchanged"), ("leading_changed", "leading word changed")]


# --------------------------------------------------------------------------- pairs


def kinds_by_id(doc: Document) -> dict[str, str]:
    return {p.id: p.kind for p in doc.paragraphs}


def pair_kinds(pair: Pair, cmp: Comparison) -> set[str]:
    """PP / OP / P of the paragraphs on either side (both for a PP↔OP move)."""
    old, new = kinds_by_id(cmp.old), kinds_by_id(cmp.new)
    return {old.get(i, "P") for i in pair.old} | {new.get(i, "P") for i in pair.new}


def is_change(pair: Pair) -> bool:
    """What "changes only" keeps: anything but an unchanged paragraph that stayed in place
    (as in the text report); a paragraph only renumbered by others' insertions is hidden."""
    return not (pair.status == "unchanged" and not pair.moved and pair.leading_change is None)


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


def changed_words(pair: Pair) -> tuple[int, int]:
    """Words deleted and inserted (substantive changes only; typographic variants don't count)."""
    deleted = sum(len(words(s.text)) for s in pair.diff if s.op == "delete" and not s.minor)
    inserted = sum(len(words(s.text)) for s in pair.diff if s.op == "insert" and not s.minor)
    return deleted, inserted


def _summary_order(cmp: Comparison) -> list[tuple[str, str]]:
    """The counters shown: a cross-language comparison adds "matched" (links whose
    words cannot be compared)."""
    return [("matched", "matched")] + SUMMARY_ORDER if cmp.cross_language else SUMMARY_ORDER


def concordance_rows(cmp: Comparison) -> list[dict]:
    """The concordance table of a cross-language comparison: one row per pair, the
    leading words on both sides and the link's similarity (no words to diff)."""
    lo, ln = (x or "?" for x in cmp.languages)
    rows = []
    for p in cmp.pairs:
        lw = p.leading_words or ("", "")
        rows.append({
            f"{cmp.old.label} ({lo})": " + ".join(p.old) or "—",
            f"leading words ({lo})": lw[0] if p.old else "",
            f"{cmp.new.label} ({ln})": " + ".join(p.new) or "—",
            f"leading words ({ln})": lw[1] if p.new else "",
            "similarity": round(p.similarity, 2) if p.old and p.new else None,
            "status": ", ".join(pair_flags(p)),
        })
    return rows


def summary_figures(cmp: Comparison) -> dict[str, int]:
    counts = cmp.summary()
    dele = ins = 0
    for p in cmp.pairs:
        d, i = changed_words(p)
        dele += d
        ins += i
    out = {label: counts.get(key, 0) for key, label in _summary_order(cmp)}
    out["words deleted"] = dele
    out["words inserted"] = ins
    return out


def summary_html(cmp: Comparison) -> str:
    """The counts as a strip of badges (symbol + number + word, colour only as a help)."""
    fig = summary_figures(cmp)
    chips = []
    for _key, word in _summary_order(cmp):
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


def focus_html(cmp: Comparison, pair: Pair) -> str:
    return f'{STYLE}<div class="rc">{rows_table(cmp, [pair], focus=True)}</div>'


def lineage_html(lineage: Lineage) -> str:
    """The compilation table: one column per version, one row per paragraph lineage.

    Drawn from :func:`compare.export.table.cells` — the very cells of the
    downloadable table — each column marked up against the one before it
    (deletions struck, insertions underlined).
    """
    from compare.export.table import cells, version_labels

    docs = lineage.versions
    head = "".join(f"<th>{escape(lab)}</th>" for lab in version_labels(lineage))
    body = []
    for row in cells(lineage):
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
        body.append("<tr>" + "".join(tds) + "</tr>")
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


# --------------------------------------------------------------------------- agreed language (compare.trace)
# Drawn from a trace_dict (compare.trace.trace_dict): spans, sources, shares and closest paragraphs all
# come from the library; here they are only numbered, named and shaded.

#: Background of each source document's spans (cycled); the [n] after each span names it without colour.
TRACE_COLOURS = ("#fde2a7", "#bfe3f7", "#cdeebf", "#f7cde0", "#dfd3f5", "#fbcfbd", "#c4ece4", "#ece0b8",
                 "#d5dae2", "#f1eea9")

TRACE_CSS = """<style>
.rc .ag{border-radius:2px;padding:0 .05rem;box-decoration-break:clone;-webkit-box-decoration-break:clone}
.rc sup.agn{font-size:.7em;font-weight:600;color:#333;margin-left:.05rem}
.rc .swatch{display:inline-block;width:1.6em;height:1em;border:1px solid #999;vertical-align:middle;
  margin-right:.3rem}
.rc .share{white-space:nowrap}
.rc .bar{height:.35rem;background:#eee;border:1px solid #bbb;margin-top:.2rem}
.rc .bar>div{height:100%;background:#666}
.rc ul.legend{list-style:none;padding:0;margin:.2rem 0;columns:2 22rem}
.rc ul.legend li{margin:.1rem 0}
.rc .srcs{font-size:.85rem;margin:0;padding-left:1rem}
.rc .closest{font-size:.85rem;color:#444}
.rc details{font-size:.85rem;color:#444}
</style>"""

TRACE_STATUS_CHOICES = ["agreed", "partly agreed", "new"]


def trace_doc_names(trace: dict, names: Optional[dict] = None) -> dict[int, str]:
    """Library document id → how to cite it: the caller's name (a version's label) when
    given, else the symbol, else the label."""
    out = {d["id"]: d.get("symbol") or d["label"] for d in trace.get("documents", [])}
    out.update({k: v for k, v in (names or {}).items() if v})
    return out


def trace_source_numbers(trace: dict) -> dict[int, int]:
    """Source document id → its number ([1], [2] …): the order in which documents first
    appear as the primary source of a span, reading the text from the top."""
    nums: dict[int, int] = {}
    for p in trace["paragraphs"]:
        for s in p["spans"]:
            nums.setdefault(s["primary"]["doc"], len(nums) + 1)
    return nums


def trace_colour(n: int) -> str:
    return TRACE_COLOURS[(n - 1) % len(TRACE_COLOURS)]


def _pct(x: float) -> str:
    return f"{x * 100:.0f}%"


def trace_summary_html(trace: dict) -> str:
    sm = trace["summary"]
    chips = [
        f'<span class="badge" data-count="agreed share:{sm["agreed_share"]}">'
        f'≡ {_pct(sm["agreed_share"])} agreed language ({sm["agreed_words"]} of {sm["words"]} words)</span>',
        f'<span class="badge" data-count="agreed:{sm["agreed"]}">≡ {sm["agreed"]} paragraphs wholly agreed</span>',
        f'<span class="badge" data-count="partly agreed:{sm["partly_agreed"]}">≈ {sm["partly_agreed"]} partly</span>',
        f'<span class="badge b-new" data-count="new:{sm["new"]}">+ {sm["new"]} entirely new</span>',
    ]
    return f'{STYLE}<div class="rc rc-sum">{"".join(chips)}</div>'


def trace_context(trace: dict, names: Optional[dict] = None) -> tuple[str, str]:
    """(what the text was traced against, what was left out and why) as two lines of text."""
    nm = trace_doc_names(trace, names)
    used = ", ".join(nm[d["id"]] for d in trace.get("documents", [])) or "nothing"
    left = "; ".join(f"{nm.get(d['id'], d.get('symbol') or d['label'])} ({d['reason']})"
                     for d in trace.get("excluded", []))
    return used, left


def trace_legend_html(trace: dict, names: Optional[dict] = None) -> str:
    """The numbered sources with their colour, kind and words attributed to them."""
    nums = trace_source_numbers(trace)
    if not nums:
        return (f'{STYLE}{TRACE_CSS}<p class="rc absent">No run of {trace["min_words"]} words or more of this '
                "text was found in the earlier texts.</p>")
    nm = trace_doc_names(trace, names)
    docs = {d["id"]: d for d in trace.get("documents", [])}
    words_of: dict[int, int] = {}
    for p in trace["paragraphs"]:
        for s in p["spans"]:
            words_of[s["primary"]["doc"]] = words_of.get(s["primary"]["doc"], 0) + s["word_end"] - s["word_start"]
    items = []
    for did, n in nums.items():
        d = docs.get(did, {})
        kind = "adopted resolution" if d.get("adopted") else "draft"
        sym = d.get("symbol")
        bits = ([sym] if sym and sym not in nm.get(did, "") else []) + [kind] + \
               ([f"session {d['session']}"] if d.get("session") else []) + \
               ([d["date"]] if d.get("date") else []) + [f"{words_of.get(did, 0)} words"]
        items.append(f'<li data-src="{n}"><span class="swatch" style="background:{trace_colour(n)}"></span>'
                     f'<b>[{n}]</b> {escape(nm.get(did, str(did)))} <span style="color:#555">· '
                     f'{escape(" · ".join(bits))}</span></li>')
    return (f'{STYLE}{TRACE_CSS}<div class="rc"><b>Sources</b> (each shaded in its colour, numbered after each '
            f'span):<ul class="legend">{"".join(items)}</ul></div>')


def trace_text_html(p: dict, nums: dict[int, int], nm: dict[int, str]) -> str:
    """A paragraph's text: agreed spans shaded by source, each followed by its [n]; new wording as is."""
    out, pos, text = [], 0, p["text"]
    for s in p["spans"]:
        out.append(escape(text[pos:s["start"]]))
        pr = s["primary"]
        n = nums[pr["doc"]]
        more = f" (+{s['n_sources'] - 1} more)" if s["n_sources"] > 1 else ""
        title = f"[{n}] {nm.get(pr['doc'], '?')} {pr['paragraph']}{more}"
        out.append(f'<span class="ag" data-src="{n}" style="background:{trace_colour(n)}" title="{escape(title)}">'
                   f'{escape(text[s["start"]:s["end"]])}</span><sup class="agn">[{n}]</sup>')
        pos = s["end"]
    out.append(escape(text[pos:]))
    return "".join(out)


def trace_paragraph_sources(p: dict, nums: dict[int, int], nm: dict[int, str]) -> list[str]:
    """"[n] A/RES/61/180 OP1 — 31 words (+2 more)" per source paragraph of a paragraph's spans, in text order."""
    by: dict[tuple[int, str], list] = {}
    for s in p["spans"]:
        pr = s["primary"]
        e = by.setdefault((pr["doc"], pr["paragraph"]), [0, 0])
        e[0] += s["word_end"] - s["word_start"]
        e[1] = max(e[1], s["n_sources"] - 1)
    return [f"[{nums[d]}] {nm.get(d, '?')} {pid} — {w} word{'s' if w != 1 else ''}"
            + (f" (also in {more} other place{'s' if more > 1 else ''})" if more else "")
            for (d, pid), (w, more) in by.items()]


def trace_html(trace: dict, names: Optional[dict] = None, *, statuses: Sequence[str] = ()) -> str:
    """One row per paragraph: id, text with agreed language shaded by source, agreed share,
    the sources — or, for a paragraph with no verbatim source, the closest earlier one."""
    nums = trace_source_numbers(trace)
    nm = trace_doc_names(trace, names)
    src_text = {(s["doc"], s["paragraph"]): s["text"] for s in trace.get("source_paragraphs", [])}
    d_attr = dir_attr((trace.get("draft") or {}).get("language"))
    rows = []
    for p in trace["paragraphs"]:
        if statuses and p["status"] not in statuses:
            continue
        srcs = trace_paragraph_sources(p, nums, nm)
        if srcs:
            side = '<ul class="srcs">' + "".join(f"<li>{escape(s)}</li>" for s in srcs) + "</ul>"
        elif p.get("closest"):
            c = p["closest"]
            ct = src_text.get((c["doc"], c["paragraph"]), "")
            side = (f'<div class="closest">No verbatim source. Closest earlier paragraph: '
                    f'<b>{escape(nm.get(c["doc"], c.get("symbol") or c["label"]))} {escape(c["paragraph"])}</b> '
                    f'(similarity {c["similarity"]:.2f})</div>'
                    + (f"<details><summary>its text</summary>{escape(ct)}</details>" if ct else ""))
        elif p["status"] == "empty":
            side = '<span class="absent">no words</span>'
        else:
            side = '<div class="closest">No verbatim source, and nothing similar in the earlier texts.</div>'
        share = _pct(p["agreed_share"])
        word = {"agreed": "≡ agreed", "partly agreed": "≈ partly agreed", "new": "+ new"}.get(p["status"], p["status"])
        sources_attr = "|".join(f"{nm.get(s['primary']['doc'], '?')} {s['primary']['paragraph']}" for s in p["spans"])
        rows.append(
            f'<tr data-pid="{escape(p["id"])}" data-status="{escape(p["status"])}" data-share="{p["agreed_share"]}" '
            f'data-sources="{escape(sources_attr)}">'
            f'<td class="pid">{escape(p["id"])}</td>'
            f"<td{d_attr}>{trace_text_html(p, nums, nm)}</td>"
            f'<td class="share">{share}<br><span style="font-size:.8rem">{escape(word)}</span>'
            f'<div class="bar" aria-hidden="true"><div style="width:{share}"></div></div></td>'
            f"<td>{side}</td></tr>")
    if not rows:
        return STYLE + TRACE_CSS + '<p class="rc absent">No paragraph matches these filters.</p>'
    return (f'{STYLE}{TRACE_CSS}<div class="rc"><table class="rc trace"><colgroup><col style="width:7%">'
            '<col style="width:58%"><col style="width:9%"><col style="width:26%"></colgroup>'
            "<thead><tr><th>¶</th><th>Text — agreed language shaded, [n] = source</th><th>Agreed</th>"
            f"<th>Sources</th></tr></thead><tbody>{''.join(rows)}</tbody></table></div>")
