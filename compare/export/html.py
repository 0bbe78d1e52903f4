"""A self-contained HTML page of comparisons: side by side, readable without colour.

Deletions are struck through *and* bracketed, insertions underlined *and*
marked, so the page works in black and white and for colour-blind readers.
Right-to-left languages get ``dir="rtl"`` on their cells.  No external assets.
"""
from __future__ import annotations

from html import escape

from ..model import Comparison, Pair
from .labels import STATUS_WORD, leading_note, pair_flags

RTL = {"ar"}

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:1.5rem;color:#111}
table.rc{border-collapse:collapse;width:100%;table-layout:fixed}
table.rc td,table.rc th{border-top:1px solid #ccc;padding:.4rem .5rem;vertical-align:top;text-align:start}
table.rc th{background:#f3f3f3}
.pid{font-weight:600;white-space:nowrap}
del{color:#a00;background:#fde8e8;text-decoration:line-through}
del::before{content:"[−"}del::after{content:"]"}
ins{color:#064;background:#e3f6ea;text-decoration:underline}
ins::before{content:"[+"}ins::after{content:"]"}
del.minor,ins.minor{background:none;color:#666}
.badge{display:inline-block;border:1px solid #888;border-radius:3px;padding:0 .3rem;font-size:.8rem;margin-inline-end:.2rem}
.lead{font-weight:600}
"""


def _side(segments, side: str) -> str:
    out = []
    for s in segments:
        if s.op == "equal":
            out.append(escape(s.text))
        elif s.op == "delete" and side == "old":
            cls = ' class="minor"' if s.minor else ""
            out.append(f"<del{cls}>{escape(s.text)}</del>")
        elif s.op == "insert" and side == "new":
            cls = ' class="minor"' if s.minor else ""
            out.append(f"<ins{cls}>{escape(s.text)}</ins>")
    return "".join(out).replace("\n", "<br>¶ ")


def _dir(lang: str | None) -> str:
    return ' dir="rtl"' if lang in RTL else ""


def pair_row(pair: Pair, cmp: Comparison) -> str:
    badges = "".join(f'<span class="badge">{escape(f)}</span>' for f in pair_flags(pair))
    lead = leading_note(pair)
    lead_html = f'<div class="lead">leading word: {escape(lead)}</div>' if lead else ""
    old_ids = escape(" + ".join(pair.old) or "—")
    new_ids = escape(" + ".join(pair.new) or "—")
    return (
        f"<tr><td class=pid>{old_ids}</td><td{_dir(cmp.old.meta.language)}>{_side(pair.diff, 'old')}</td>"
        f"<td class=pid>{new_ids}</td><td{_dir(cmp.new.meta.language)}>{_side(pair.diff, 'new')}</td>"
        f"<td>{badges}{lead_html}</td></tr>"
    )


def comparison_table(cmp: Comparison) -> str:
    rows = "\n".join(pair_row(p, cmp) for p in cmp.pairs)
    summary = ", ".join(f"{STATUS_WORD.get(k, k)}: {v}" for k, v in cmp.summary().items() if v)
    return (
        f"<h2>{escape(cmp.old.label)} → {escape(cmp.new.label)}</h2><p>{escape(summary)}</p>"
        '<table class="rc"><colgroup><col style="width:7%"><col style="width:40%"><col style="width:7%">'
        '<col style="width:40%"><col style="width:6%"></colgroup>'
        f"<tr><th></th><th>{escape(cmp.old.label)}</th><th></th><th>{escape(cmp.new.label)}</th><th>change</th></tr>"
        f"{rows}</table>"
    )


def comparisons_html(comparisons: list[Comparison]) -> str:
    body = "\n".join(comparison_table(c) for c in comparisons)
    return (
        "<!doctype html><html><head><meta charset=utf-8><title>Resolution Compare</title>"
        f"<style>{CSS}</style></head><body>{body}</body></html>\n"
    )
