"""A printable PDF of comparisons: WeasyPrint over our own HTML views.

Why WeasyPrint: the side-by-side and inline views already exist as HTML (the
very rows the app shows), and WeasyPrint lays them out with CSS paged media —
page size, running header naming the versions, "page n of N", table headers
repeated on each page — in-process, with no browser or office suite to start
(a pip package over Pango, which every Linux desktop has): the bundled pair
takes ~0.5 s in process, ~1.7 s for the whole ``diff --format pdf`` command
(``bench/bench_pdf.py``).  Chromium's print-to-PDF would need a browser on the
user's machine and puts its own header and footer; LibreOffice over the
redline takes seconds to start and prints Word's layout, not the two-column view.

Each comparison gets a first page with the versions, the counts and the change
list (every pair :func:`compare.export.labels.is_change` keeps, described in one
line), then the view itself.
"""
from __future__ import annotations

import datetime as _dt
from html import escape
from typing import Literal, Sequence

from ..model import Comparison, Document
from .html import MARKUP_CSS, banner_html, header_html, rows_table, unknown_number_legend
from .inline import INLINE_CSS, inline_view_html
from .labels import COUNT_WORD, describe, is_change

View = Literal["side-by-side", "inline"]
VIEWS: tuple[str, ...] = ("side-by-side", "inline")
PAPERS: tuple[str, ...] = ("A4", "Letter")

PRINT_CSS = """
html{font-family:"DejaVu Sans","Liberation Sans","Noto Sans",Arial,sans-serif;color:#111}
body{margin:0}
.rc{font-size:8.5pt;line-height:1.3}
table.rc th{position:static}
table.rc thead{display:table-header-group}
table.rc td{overflow-wrap:break-word}
table.rc:not(.inline) col:nth-child(odd){width:6% !important}
table.rc:not(.inline) col:nth-child(2),table.rc:not(.inline) col:nth-child(4){width:37% !important}
table.rc:not(.inline) col:nth-child(5){width:14% !important}
table.rc tr{break-inside:avoid}
table.rc.inline{font-size:10pt}
h1.sec{font-size:14pt;margin:0 0 .3rem;string-set:versions content()}
section.cmp{page-break-before:always}
section.cmp:first-of-type{page-break-before:auto}
.view{page-break-before:always}
.meta{font-size:9pt;margin:.2rem 0 .6rem}
table.counts{border-collapse:collapse;font-size:9pt;margin:.4rem 0}
table.counts td{border:1px solid #bbb;padding:.15rem .5rem}
ol.changes{font-size:9pt;padding-left:1.6rem;margin:.3rem 0}
ol.changes li{margin:.1rem 0}
"""


def _page_css(paper: str, orientation: str, left: str) -> str:
    return (f"@page{{size:{paper} {orientation};margin:15mm 11mm 14mm 11mm;"
            f'@top-left{{content:{_css_string(left)} " · " string(versions);font-size:8pt;color:#444}}'
            '@bottom-right{content:"page " counter(page) " of " counter(pages);font-size:8pt;color:#444}}')


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _doc_line(doc: Document) -> str:
    m = doc.meta
    bits = [f"<b>{escape(doc.label)}</b>"] + [escape(v) for v in (m.symbol, m.date, (m.language or "").upper(),
                                                                      m.doc_type) if v]
    bits.append(f"{len(doc.preamble)} PP, {len(doc.operative)} OP")
    return " · ".join(bits)


def summary_page_html(cmp: Comparison) -> str:
    """The first page of a comparison: versions, counts, the header changes (title, sponsors,
    date …: a PDF of a retitled draft once said only "0 changes"), the legend of ``PP?n`` and the
    change list."""
    counts = cmp.summary()
    # the counters that are not zero, as the text and HTML counts line: all of them overran a portrait page
    cells = "".join(f"<td>{escape(COUNT_WORD.get(k, k))}: <b>{v}</b></td>" for k, v in counts.items() if v)
    changes = [p for p in cmp.pairs if is_change(p)]
    items = "".join(f"<li>{escape(describe(p, cmp.old.label, cmp.new.label))}</li>" for p in changes)
    scope = ""
    if cmp.fragment and (cmp.out_of_scope["old"] or cmp.out_of_scope["new"]):
        scope = ("<p class=meta>Outside the fragment (not compared): "
                 f"{escape(', '.join(cmp.out_of_scope['old'] + cmp.out_of_scope['new']))}</p>")
    return (f'<h1 class="sec">{escape(cmp.old.label)} → {escape(cmp.new.label)}</h1>'
            f'<div class="meta">{_doc_line(cmp.old)}<br>{_doc_line(cmp.new)}'
            f'{" · compared as a fragment" if cmp.fragment else ""}</div>'
            f'<table class="counts"><tr>{cells}</tr></table>'
            # what the screen shows above the paragraphs: across languages, header changes, PP?n
            + banner_html(cmp) + header_html(cmp) + unknown_number_legend(cmp)
            + f"<p><b>{len(changes)} change{'s' if len(changes) != 1 else ''}</b> "
            f"({len(cmp.pairs)} paragraph pair{'s' if len(cmp.pairs) != 1 else ''}):</p><ol class=changes>{items}</ol>{scope}")


def print_html(comparisons: Sequence[Comparison], view: View = "side-by-side", *, paper: str = "A4",
               orientation: str | None = None) -> str:
    """The whole printable page: per comparison a summary page, then the chosen view.

    ``orientation`` defaults to landscape for the side-by-side view (two text columns) and
    portrait for the inline one (a page of the resolution)."""
    if view not in VIEWS:
        raise ValueError(f"view must be one of {', '.join(VIEWS)}")
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {', '.join(PAPERS)}")
    orientation = orientation or ("landscape" if view == "side-by-side" else "portrait")
    labels = " → ".join([comparisons[0].old.label] + [c.new.label for c in comparisons]) if comparisons else ""
    sections = []
    for cmp in comparisons:
        body = (f'<div class="rc">{rows_table(cmp, cmp.pairs)}</div>' if view == "side-by-side"
                else inline_view_html(cmp))
        sections.append(f'<section class="cmp">{summary_page_html(cmp)}<div class="view">{body}</div></section>')
    stamp = _dt.date.today().isoformat()
    return ("<!doctype html><html><head><meta charset=utf-8>"
            f"<title>Resolution Compare: {escape(labels)}</title>"
            f"<style>{_page_css(paper, orientation, f'Resolution Compare · {stamp}')}{MARKUP_CSS}{INLINE_CSS}"
            f"{PRINT_CSS}</style></head><body>{''.join(sections)}</body></html>")


def comparison_pdf(comparisons: Sequence[Comparison], view: View = "side-by-side", *, paper: str = "A4",
                   orientation: str | None = None) -> bytes:
    """PDF bytes of :func:`print_html`.  Needs the ``weasyprint`` package (and Pango);
    raises ImportError with what to install when it is missing."""
    try:
        import weasyprint
    except (ImportError, OSError) as exc:   # OSError: the package is there but Pango is not
        raise ImportError("PDF export needs WeasyPrint: pip install weasyprint "
                          f"(and the Pango library, e.g. apt-get install libpango-1.0-0) — {exc}") from exc
    html = print_html(comparisons, view, paper=paper, orientation=orientation)
    return weasyprint.HTML(string=html).write_pdf()
