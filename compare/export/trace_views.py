"""Views of an agreed-language trace: plain text, JSON, HTML and the redline appendix's rows.

Everything here reads a :class:`compare.trace.TraceResult` (by its attributes) or
its JSON form (:func:`trace_dict`); nothing is traced or looked up again, and
this module does not import :mod:`compare.trace` — exports stay beside the
trace, never behind it.  The CLI prints :func:`trace_text` / :func:`trace_dict`,
the redline appends :func:`trace_rows`, the app shows :func:`trace_html`.
"""
from __future__ import annotations

import textwrap
from html import escape
from typing import TYPE_CHECKING, Optional, Sequence

from .html import MARKUP_CSS, dir_attr
from .labels import cite
from .words import WORDS
from .words import word as _word

if TYPE_CHECKING:                       # annotations only: no import of the trace at run time
    from ..library import DocInfo
    from ..trace import SourceRef, TraceResult

#: longest "new wording" cell of the redline appendix (characters)
TRACE_NEW_CHARS = 240

#: the badge strip's own rules, beside the comparison markup (as in the app's summary)
STYLE = f"""<style>{MARKUP_CSS}
.rc-sum{{display:flex;flex-wrap:wrap;gap:.3rem;margin:.2rem 0}}
.rc-sum .badge{{font-size:.9rem;padding:.1rem .45rem}}
.rc-sum .zero{{opacity:.55}}
</style>"""


# ----------------------------------------------------------------------------- text and JSON

def _unknown_numbers(ids) -> bool:
    """Whether a view shows a paragraph id with an unknown number (``PP?7``, the draft's or a
    source's), which the legend must then explain, as every comparison view does."""
    return any("?" in (i or "") for i in ids)


def _ref(d: DocInfo, pid: str) -> str:
    return f"{d.name} {pid}"


#: how the text report marks words not measured (beyond where a source's copy is cut)
CUT_MARKS = ("{", "}")
#: why such words are not measured, as every view says it (and the JSON's ``reason``)
CUT_REASON = "source copy cut"
#: what the app says of words not measured because a source's copy is cut
CUT_TITLE = (f"not measured ({CUT_REASON}): the earlier text's copy in the library is an excerpt that stops "
             "here, so these words may be agreed language as well as new")


#: what the app says of words not measured because the draft's own copy is cut (``source`` None)
DRAFT_CUT_TITLE = ("not measured (draft copy cut): this copy of the draft is an excerpt that stops here, so agreed "
                   "language running on past the cut cannot be found; these words may be agreed as well as new")


def _reason(u) -> str:
    """Why a stretch is not measured (an :class:`~compare.trace.Unmeasured` or its JSON), as the trace says it."""
    return (u.get("reason") if isinstance(u, dict) else getattr(u, "reason", None)) or CUT_REASON


def _reasons(stretches) -> str:
    """The reasons of these stretches, each once: "source copy cut", "draft copy cut" or both."""
    return ", ".join(sorted({_reason(u) for u in stretches})) or CUT_REASON


def _cut_title(stretches: list[dict]) -> str:
    """The app's explanation of these stretches (JSON) not measured: a source's cut, the draft's, or both."""
    kinds = {bool(u.get("source", True)) for u in stretches} or {True}
    return "; ".join(t for has_source, t in ((True, CUT_TITLE), (False, DRAFT_CUT_TITLE)) if has_source in kinds)


def _cut_note(u, where: Optional[str]) -> str:
    """Why a stretch is not measured, naming the source paragraph whose copy is cut (``where``), or
    saying that the draft's own copy is (``where`` None)."""
    if where is None:
        return (f"not measured ({_reason(u)}): this copy of the draft is cut "
                + ("here" if u.side == "end" else "before it") + "; these words may begin agreed language")
    return (f"not measured ({_reason(u)}): the library's copy of {where} stops "
            + ("there" if u.side == "end" else "before it starts") + "; these words may be in the full text")


def trace_text(result: TraceResult, width: int = 100) -> str:
    """A plain-text report: agreed spans in ⟦…⟧ with a source number, wording found only in
    earlier drafts in ⟨…⟩ (not agreed language), words not measured because a source's copy is
    cut in {…} (neither agreed nor new), new wording as is."""
    L: list[str] = []
    bf = (f"; before session {result.before}" if isinstance(result.before, int)
          else f"; before {result.before}" if result.before else "")
    L.append(f"Agreed language in {result.label} (at least {result.min_words} words verbatim{bf})")
    L.append(f"library: {result.library}")
    L.append("traced against: " + (", ".join(d.name for d in sorted(result.used, key=lambda d: d.order_key)) or "nothing"))
    if result.excluded:
        L.append("left out: " + "; ".join(f"{d.name} ({why})" for d, why in result.excluded))
    for w in getattr(result, "warnings", ()):
        L.append(f"warning: {w}")
    n_new = sum(1 for p in result.paragraphs if p.status == "new")
    every_cut = [u for p in result.paragraphs for u in getattr(p, "unmeasured", [])]
    if not result.measured:
        L.append(f"overall: agreed language not measured ({result.n_words} words, {len(result.paragraphs)} "
                 "paragraphs): see the warning above"
                 + (f"; {result.draft_words} words from earlier drafts ({result.draft_share:.0%})"
                    if result.draft_words else ""))
    else:
        cut = getattr(result, "unmeasured_words", 0)
        L.append(f"overall: {result.agreed_words} of {result.n_words - cut} words agreed ({result.agreed_share:.0%}); "
                 f"{result.draft_words} from earlier drafts ({result.draft_share:.0%}); "
                 + (f"{cut} words not measured ({_reasons(every_cut)}: neither agreed nor new); " if cut else "")
                 + f"{n_new} of {len(result.paragraphs)} paragraphs entirely new")
    if _unknown_numbers([p.id for p in result.paragraphs]
                        + [r.paragraph for p in result.paragraphs for sp in p.spans_in_order() for r in sp.sources]
                        + [p.closest.paragraph for p in result.paragraphs if p.status == "new" and p.closest]):
        L.append("note: " + _word("unknown_number"))
    for p in result.paragraphs:
        L.append("")
        if p.status == "new":
            head = "new wording"
            if p.closest:
                c = p.closest
                head += f"; closest: {_ref(c.doc, c.paragraph)} (similarity {c.similarity:.2f})"
            elif getattr(p, "equivalents", []):
                head += "; nothing similar in the library in its language"
            else:
                head += "; nothing similar in the library"
            for e in getattr(p, "equivalents", []):
                head += (f"; close equivalent (another language, not agreed language): {e.label} {e.paragraph}"
                         f" ({e.language}, similarity {e.similarity:.2f})")
        elif p.status == "empty":
            head = "no words"
        elif p.status == "not measured":
            head = f"not measured ({_reasons(p.unmeasured)}): neither agreed nor new"
        else:
            cut = getattr(p, "unmeasured_words", 0)
            head = f"{p.agreed_share:.0%} agreed ({p.agreed_words}/{p.n_words - cut} words)"
            if p.draft_words:
                head += f"; {p.draft_share:.0%} from earlier drafts ({p.draft_words} words)"
            if cut:
                head += f"; {cut} words not measured ({_reasons(p.unmeasured)})"
        L.append(f"{cite(p.id)}  {head}")
        body, pos, notes, k = [], 0, [], 0
        for s in sorted(p.spans + list(getattr(p, "unmeasured", [])), key=lambda s: s.start):
            body.append(p.text[pos:s.start])
            pos = s.end
            if not hasattr(s, "sources"):         # a stretch not measured
                body.append(f"{CUT_MARKS[0]}{p.text[s.start:s.end]}{CUT_MARKS[1]}")
                notes.append(f"{CUT_MARKS[0]}…{CUT_MARKS[1]} " + _cut_note(s, _ref(s.source.doc, s.source.paragraph)
                                                                      if s.source else None))
                continue
            k += 1
            body.append(f"⟦{p.text[s.start:s.end]}⟧[{k}]" if s.adopted else f"⟨{p.text[s.start:s.end]}⟩[{k}]")
            more = f" (+{s.n_sources - 1} more: " + ", ".join(_ref(r.doc, r.paragraph) for r in s.sources[1:4]) + \
                   (" …" if s.n_sources > 4 else "") + ")" if s.n_sources > 1 else ""
            notes.append(f"[{k}] {_ref(s.primary.doc, s.primary.paragraph)}{'' if s.adopted else ' (draft)'}{more}")
        body.append(p.text[pos:])
        L.extend(textwrap.wrap("".join(body), width, initial_indent="    ", subsequent_indent="    ") or ["    "])
        for n in notes:
            L.extend(textwrap.wrap(n, width, initial_indent="    ", subsequent_indent="        "))
    return "\n".join(L) + "\n"


def _src_dict(r: SourceRef) -> dict:
    return {"doc": r.doc.id, "label": r.doc.label, "symbol": r.doc.symbol, "paragraph": r.paragraph,
            "start": r.start, "end": r.end, "word_start": r.word_start, "word_end": r.word_end,
            "match_words": r.match_words}


def trace_dict(result: TraceResult) -> dict:
    """JSON-ready report (schema 1), rich enough for a view to shade spans, list
    sources, and show the source paragraphs side by side."""
    pars = []
    for p in result.paragraphs:
        pars.append({
            "id": p.id, "kind": p.kind, "text": p.text, "status": p.status,
            "n_words": p.n_words, "agreed_words": p.agreed_words, "agreed_share": round(p.agreed_share, 4),
            "draft_words": p.draft_words, "draft_share": round(p.draft_share, 4),
            "unmeasured_words": getattr(p, "unmeasured_words", 0),
            "unmeasured": [{"start": u.start, "end": u.end, "word_start": u.word_start, "word_end": u.word_end,
                            "text": p.text[u.start:u.end], "side": u.side, "reason": _reason(u),
                            "source": _src_dict(u.source) if u.source else None} for u in getattr(p, "unmeasured", [])],
            "spans": [{"start": s.start, "end": s.end, "word_start": s.word_start, "word_end": s.word_end,
                       "text": p.text[s.start:s.end], "n_sources": s.n_sources, "adopted": s.adopted,
                       "primary": _src_dict(s.primary), "sources": [_src_dict(r) for r in s.sources]}
                      for s in p.spans_in_order()],
            "new": [{"start": a, "end": b, "text": p.text[a:b]} for a, b in p.new_ranges()],
            "closest": None if p.closest is None else {
                "doc": p.closest.doc.id, "label": p.closest.doc.label, "symbol": p.closest.doc.symbol,
                "paragraph": p.closest.paragraph, "similarity": p.closest.similarity},
            "equivalents": [{"label": e.label, "paragraph": e.paragraph, "language": e.language,
                             "similarity": e.similarity} for e in getattr(p, "equivalents", [])],
        })
    return {
        "schema": 1,
        "draft": {"label": result.label, "source": result.source, "symbol": result.symbol, "language": result.language},
        "library": result.library,
        "min_words": result.min_words,
        "before": result.before,
        "documents": [d.as_dict() for d in sorted(result.used, key=lambda d: d.order_key)],
        "excluded": [dict(d.as_dict(), reason=why) for d, why in result.excluded],
        "warnings": list(getattr(result, "warnings", [])),
        "notes": [{"code": n.code, "params": dict(n.params)} for n in getattr(result, "notes", [])],
        "loaded": {str(k): v for k, v in getattr(result, "loaded", {}).items()},
        "summary": {"measured": result.measured, "unmeasured_words": getattr(result, "unmeasured_words", 0),
                    "paragraphs": len(result.paragraphs), "words": result.n_words,
                    "agreed_words": result.agreed_words, "agreed_share": round(result.agreed_share, 4),
                    "draft_words": result.draft_words, "draft_share": round(result.draft_share, 4),
                    "agreed": sum(p.status == "agreed" for p in result.paragraphs),
                    "partly_agreed": sum(p.status == "partly agreed" for p in result.paragraphs),
                    "from_earlier_drafts": sum(p.status == "from earlier drafts" for p in result.paragraphs),
                    "new": sum(p.status == "new" for p in result.paragraphs),
                    "not_measured": sum(p.status == "not measured" for p in result.paragraphs)},
        "paragraphs": pars,
        "source_paragraphs": [{"doc": did, "paragraph": pid, "text": t}
                              for (did, pid), t in sorted(result.source_texts.items())],
    }


# ----------------------------------------------------------------------------- the redline appendix

def _percent(share: float) -> str:
    return f"{share * 100:.0f} %"


def _notes(trace: dict, lang: Optional[str]) -> list[str]:
    """The trace's warnings in ``lang`` where :data:`~compare.export.words.WORDS` words them
    (``trace_<code>``), else as the trace gave them (English)."""
    notes = trace.get("notes")
    if not notes or len(notes) != len(trace.get("warnings", [])):
        return list(trace.get("warnings", []))
    out = []
    for note, english in zip(notes, trace["warnings"]):
        phrase = WORDS.get(lang or "en", {}).get(f"trace_{note['code']}")
        out.append(phrase.format(**note.get("params", {})) if phrase else english)
    return out


def appendix_intro(trace: dict, label: str, lang: Optional[str] = None) -> list[str]:
    """The appendix's title and opening lines (before its table), for a trace_dict of ``label``,
    in ``lang`` (the redline's language: :mod:`compare.export.words`)."""
    sm = trace.get("summary", {})
    before = trace.get("before")
    bf = (_word("appendix_before_session", lang, x=str(before)) if isinstance(before, int)
          else _word("appendix_before", lang, x=str(before)) if before else "")
    used = ", ".join(d.get("symbol") or d["label"] for d in trace.get("documents", [])) \
        or _word("appendix_nothing", lang)
    drafts = (_word("appendix_drafts", lang, n=str(sm["draft_words"]), share=_percent(sm.get("draft_share", 0.0)))
              if sm.get("draft_words") else "")
    cut = sm.get("unmeasured_words", 0)
    overall = _word("appendix_unmeasured", lang) if not sm.get("measured", True) else _word(
        "appendix_overall", lang, agreed=str(sm.get("agreed_words", 0)), words=str(sm.get("words", 0) - cut),
              share=_percent(sm.get("agreed_share", 0.0)), min=str(trace.get("min_words")), before=bf,
              drafts=drafts, whole=str(sm.get("agreed", 0)), partly=str(sm.get("partly_agreed", 0)),
              new=str(sm.get("new", 0))) + (" " + _word("appendix_cut_overall", lang, n=str(cut))
                                            if cut and sm.get("measured", True) else "")
    return [
        _word("appendix_title", lang, label=label),
        overall,
        _word("appendix_used", lang, used=used),
    ] + [_word("appendix_note", lang, w=w) for w in _notes(trace, lang)] + [
        _word("appendix_not_text", lang),
    ]


def appendix_head(lang: Optional[str] = None) -> tuple[str, ...]:
    """The appendix table's column headings in ``lang``."""
    return tuple(_word("appendix_head", lang).split("|"))


def trace_rows(trace: dict, lang: Optional[str] = None) -> list[tuple[str, str, str, str]]:
    """(paragraph id, agreed share, sources, new wording) per paragraph of a
    trace_dict: the rows of the redline's agreed-language appendix, in ``lang``."""
    names = {d["id"]: d.get("symbol") or d["label"] for d in trace.get("documents", [])}

    def name(ref: dict) -> str:
        return names.get(ref["doc"]) or ref.get("symbol") or ref.get("label") or "?"

    rows = []
    for p in trace["paragraphs"]:
        if p["status"] == "empty":
            rows.append((p["id"], "—", "—", "—"))
            continue
        if p["status"] == "not measured":       # cut: neither agreed nor new
            rows.append((p["id"], "—", "—", _word("appendix_cut_cell", lang, n=str(p["unmeasured_words"]))))
            continue
        share = _percent(p["agreed_share"]) if p["spans"] else _word("appendix_new_share", lang)
        if p.get("draft_words"):
            share += _word("appendix_draft_share", lang, share=_percent(p["draft_share"]))
        refs: list[str] = []
        more = 0
        for sp in p["spans"]:
            r = f"{name(sp['primary'])} {sp['primary']['paragraph']}" \
                + ("" if sp.get("adopted", True) else _word("appendix_draft_ref", lang))
            if r not in refs:
                refs.append(r)
            more = max(more, sp["n_sources"] - 1)
        if refs:
            src = "; ".join(refs) + (_word("appendix_more", lang, n=str(more)) if more else "")
        elif p.get("closest"):
            c = p["closest"]
            src = _word("appendix_closest", lang, ref=f"{name(c)} {c['paragraph']}", sim=f"{c['similarity']:.2f}")
        else:
            src = _word("appendix_no_source", lang)
        if p["status"] == "agreed":
            new_words = _word("appendix_all_agreed", lang)
        elif p["status"] == "new":
            new_words = _word("appendix_all_new", lang)
        else:
            new_words = " … ".join(n["text"] for n in p["new"])
            if len(new_words) > TRACE_NEW_CHARS:
                new_words = new_words[:TRACE_NEW_CHARS - 1].rstrip() + "…"
            if p.get("unmeasured_words"):
                new_words = (new_words + "; " if new_words else "") + _word(
                    "appendix_cut_cell", lang, n=str(p["unmeasured_words"]))
        rows.append((p["id"], share, src, new_words))
    return rows


# ----------------------------------------------------------------------------- HTML (the app)

# Drawn from a trace_dict (compare.trace.trace_dict): spans, sources, shares and closest paragraphs all
# come from the library; here they are only numbered, named and shaded.

#: Background of each source document's spans (cycled); the [n] after each span names it without colour.
TRACE_COLOURS = ("#fde2a7", "#bfe3f7", "#cdeebf", "#f7cde0", "#dfd3f5", "#fbcfbd", "#c4ece4", "#ece0b8",
                 "#d5dae2", "#f1eea9")

TRACE_CSS = """<style>
.rc .ag{border-radius:2px;padding:0 .05rem;box-decoration-break:clone;-webkit-box-decoration-break:clone}
.rc .ag.dr{outline:1px dashed #777;outline-offset:-1px}
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
.rc .cut{color:#555;border-bottom:1px dotted #777;font-style:italic}
</style>"""

TRACE_STATUS_CHOICES = ["agreed", "partly agreed", "from earlier drafts", "new", "not measured"]


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
    if not sm.get("measured", True):     # nothing comparable: a "0 % agreed, all new" would mislead
        drafts = (f'<span class="badge" data-count="from earlier drafts:{sm.get("draft_share", 0.0)}" title="found '
                  f'verbatim only in earlier drafts: negotiated, not agreed language">⋯ {_pct(sm.get("draft_share", 0.0))} '
                  f'from earlier drafts ({sm["draft_words"]} words)</span>' if sm.get("draft_words") else "")
        return (f'{STYLE}<div class="rc rc-sum"><span class="badge" data-count="measured:0">agreed language not '
                f'measured ({sm["words"]} words, {sm["paragraphs"]} paragraphs): see the warning above'
                f'</span>{drafts}</div>')
    chips = [
        f'<span class="badge" data-count="agreed share:{sm["agreed_share"]}">'
        f'≡ {_pct(sm["agreed_share"])} agreed language ({sm["agreed_words"]} of {sm["words"]} words)</span>',
        f'<span class="badge" data-count="agreed:{sm["agreed"]}">≡ {sm["agreed"]} paragraphs wholly agreed</span>',
        f'<span class="badge" data-count="partly agreed:{sm["partly_agreed"]}">≈ {sm["partly_agreed"]} partly</span>',
        f'<span class="badge" data-count="from earlier drafts:{sm.get("draft_share", 0.0)}" title="found verbatim only '
        f'in earlier drafts: negotiated, not agreed language">⋯ {_pct(sm.get("draft_share", 0.0))} from earlier drafts '
        f'({sm.get("draft_words", 0)} words)</span>',
        f'<span class="badge b-new" data-count="new:{sm["new"]}">+ {sm["new"]} entirely new</span>',
    ]
    cut = sm.get("unmeasured_words", 0)
    if cut:
        chips[0] = (f'<span class="badge" data-count="agreed share:{sm["agreed_share"]}">≡ {_pct(sm["agreed_share"])} '
                    f'agreed language ({sm["agreed_words"]} of {sm["words"] - cut} measured words)</span>')
        every_cut = [u for p in trace["paragraphs"] for u in p.get("unmeasured", [])]
        chips.append(f'<span class="badge" data-count="unmeasured:{cut}" title="{escape(_cut_title(every_cut))}">? {cut} words '
                     f'not measured ({_reasons(every_cut)})</span>')
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
    """A paragraph's text: agreed spans shaded by source, each followed by its [n]; words not measured
    (beyond a source's cut) marked apart; new wording as is."""
    out, pos, text = [], 0, p["text"]
    for s in sorted(p["spans"] + p.get("unmeasured", []), key=lambda s: s["start"]):
        out.append(escape(text[pos:s["start"]]))
        if "primary" not in s:                  # a stretch not measured
            src = s.get("source")
            title = (f"{CUT_TITLE} ({nm.get(src['doc'], src.get('symbol') or src.get('label') or '?')} {src['paragraph']})"
                     if src else DRAFT_CUT_TITLE)
            out.append(f'<span class="cut" data-unmeasured="{escape(s.get("reason", ""))}" title="{escape(title)}">'
                       f'{escape(text[s["start"]:s["end"]])}</span>')
            pos = s["end"]
            continue
        pr = s["primary"]
        n = nums[pr["doc"]]
        more = f" (+{s['n_sources'] - 1} more)" if s["n_sources"] > 1 else ""
        draft = not s.get("adopted", True)
        title = f"[{n}] {nm.get(pr['doc'], '?')} {pr['paragraph']}{more}" + (" — an earlier draft, not agreed" if draft else "")
        out.append(f'<span class="ag{" dr" if draft else ""}" data-src="{n}" style="background:{trace_colour(n)}" title="{escape(title)}">'
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
        elif p.get("equivalents"):
            side = ('<div class="closest">No verbatim source, and nothing similar in the earlier texts in its '
                    'language.</div>')
        else:
            side = '<div class="closest">No verbatim source, and nothing similar in the earlier texts.</div>'
        if not srcs and p.get("equivalents"):
            side += "".join(f'<div class="closest equivalent">Close equivalent in another language (not agreed '
                            f'language): <b>{escape(e["label"])} {escape(e["paragraph"])}</b> ({escape(e["language"])}, '
                            f'similarity {e["similarity"]:.2f})</div>' for e in p["equivalents"])
        share = _pct(p["agreed_share"])
        word = {"agreed": "≡ agreed", "partly agreed": "≈ partly agreed", "new": "+ new",
                "from earlier drafts": "⋯ from earlier drafts", "not measured": "? not measured"}.get(p["status"], p["status"])
        sources_attr = "|".join(f"{nm.get(s['primary']['doc'], '?')} {s['primary']['paragraph']}" for s in p["spans"])
        rows.append(
            f'<tr data-pid="{escape(p["id"])}" data-status="{escape(p["status"])}" data-share="{p["agreed_share"]}" '
            f'data-sources="{escape(sources_attr)}">'
            f'<td class="pid">{escape(p["id"])}</td>'
            f"<td{d_attr}>{trace_text_html(p, nums, nm)}</td>"
            f'<td class="share">{share}<br><span style="font-size:.8rem">{escape(word)}</span>'
            + (f'<br><span style="font-size:.8rem" title="found only in earlier drafts">+{_pct(p["draft_share"])} '
               'drafts</span>' if p.get("draft_words") else "")
            + (f'<br><span style="font-size:.8rem" data-unmeasured="{p["unmeasured_words"]}" title="{escape(_cut_title(p.get("unmeasured", [])))}">'
               f'? {p["unmeasured_words"]} words not measured ({_reasons(p.get("unmeasured", []))})</span>'
               if p.get("unmeasured_words") else "") +
            f'<div class="bar" aria-hidden="true"><div style="width:{share}"></div></div></td>'
            f"<td>{side}</td></tr>")
    if not rows:
        return STYLE + TRACE_CSS + '<p class="rc absent">No paragraph matches these filters.</p>'
    shown = [p for p in trace["paragraphs"] if not statuses or p["status"] in statuses]
    legend = ""
    if _unknown_numbers([p["id"] for p in shown] + [s["primary"]["paragraph"] for p in shown for s in p["spans"]]
                        + [(p.get("closest") or {}).get("paragraph") for p in shown]):
        legend = f'<p class="rc legend" data-legend="unknown-number">{escape(_word("unknown_number"))}</p>'
    return (f'{STYLE}{TRACE_CSS}{legend}<div class="rc"><table class="rc trace"><colgroup><col style="width:7%">'
            '<col style="width:58%"><col style="width:9%"><col style="width:26%"></colgroup>'
            "<thead><tr><th>¶</th><th>Text — agreed language shaded, [n] = source</th><th>Agreed</th>"
            f"<th>Sources</th></tr></thead><tbody>{''.join(rows)}</tbody></table></div>")
