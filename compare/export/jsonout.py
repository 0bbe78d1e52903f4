"""JSON views of documents and comparisons — the public contract documented in the README.

Plain dicts of JSON types, so the same shapes serve the CLI, the app's
download and any script.  ``SCHEMA_VERSION`` changes when a field changes meaning.
"""
from __future__ import annotations

import json
from typing import Any, Sequence

from ..model import HEADER_FIELDS, Comparison, Document, HeaderComparison, Lineage, Paragraph

SCHEMA_VERSION = 1


def paragraph_dict(p: Paragraph) -> dict[str, Any]:
    return {
        "id": p.id,
        "kind": p.kind,
        "number": p.number,
        "text": p.text,
        "level": p.level,
        "parent": p.parent,
        "leading": p.leading or None,
        "footnote_refs": [{"number": r.number, "offset": r.offset} for r in p.footnote_refs],
    }


def document_dict(doc: Document) -> dict[str, Any]:
    m = doc.meta
    return {
        "schema": SCHEMA_VERSION,
        "source": doc.source,
        "label": doc.label,
        "language": m.language,
        "title": m.title,
        "symbol": m.symbol,
        "date": m.date,
        "session": m.session,
        "committee": m.committee,
        "agenda_item": m.agenda_item,
        "distribution": m.distribution,
        "original_language": m.original_language,
        "doc_type": m.doc_type,
        "sponsors": list(m.sponsors),
        "paragraphs": [paragraph_dict(p) for p in doc.paragraphs],
        "footnotes": [{"number": f.number, "text": f.text, **({"kind": "endnote"} if f.kind == "endnote" else {})}
                      for f in doc.footnotes],
        "gaps": list(doc.gaps),
        "warnings": list(doc.warnings),
        # text not read as paragraphs (page furniture, header lines, hidden text …), and why
        "dropped": [{"text": d.text, "reason": d.reason} for d in doc.dropped],
    }


def _segments(segs) -> list[list[str]]:
    return [[s.op, s.text, "minor"] if s.minor else [s.op, s.text] for s in segs]


def header_dict(h: HeaderComparison) -> dict[str, Any]:
    """Only what changed: ``{"title": {"old", "new", "diff"}, "date": {"old", "new"}, …,
    "sponsors": {"added": […], "removed": […]}}``; ``{}`` when nothing did."""
    out: dict[str, Any] = {}
    for name in ("title",) + HEADER_FIELDS:
        if name in h.fields:
            old, new = h.fields[name]
            out[name] = {"old": old, "new": new}
            if name == "title":
                out[name]["diff"] = _segments(h.title_diff)
    if h.sponsors_added or h.sponsors_removed:
        out["sponsors"] = {"added": list(h.sponsors_added), "removed": list(h.sponsors_removed)}
    return out


def comparison_dict(cmp: Comparison) -> dict[str, Any]:
    """A comparison; across languages (``cross_language``) pairs carry the
    concordance ``similarity``, both ``leading_words``, and ``diff`` is null."""
    cross = cmp.cross_language
    return {
        "old": cmp.old.label,
        "new": cmp.new.label,
        "fragment": cmp.fragment,
        "header": header_dict(cmp.header),
        "cross_language": cross,
        "languages": {"old": cmp.languages[0], "new": cmp.languages[1]},
        "pairs": [
            {
                "old": list(p.old),
                "new": list(p.new),
                "status": p.status,
                "moved": p.moved,
                "renumbered": p.renumbered,
                "cross_kind": p.cross_kind,
                "list_change": p.list_change or None,
                "similarity": round(p.similarity, 4),
                "changed_share": None if cross else round(p.changed_share, 4),
                "leading_change": list(p.leading_change) if p.leading_change else None,
                "footnote_changes": [{"old": o, "new": n} for o, n in p.footnote_changes],
                "cut": p.cut,
                "cut_start": p.cut_start,
                "text_changed": p.text_changed,
                "uncertain": p.uncertain,
                "leading_words": list(p.leading_words) if p.leading_words else None,
                "restored_from": ({"version": p.restored_from[0].label, "ids": list(p.restored_from[1])}
                                  if p.restored_from else None),
                "diff": None if cross else _segments(p.diff),
            }
            for p in cmp.pairs
        ],
        "out_of_scope": {k: list(v) for k, v in cmp.out_of_scope.items()},
        "summary": cmp.summary(),
    }


def versions_dict(docs: list[Document], comparisons: list[Comparison], lineage: Lineage | None = None,
                  warnings: Sequence[str] = ()) -> dict[str, Any]:
    """Every version, every consecutive comparison, the lineage rows, and the warnings about
    the versions as a set (order against the dates, a text given twice) that stderr shows."""
    out: dict[str, Any] = {
        "schema": SCHEMA_VERSION,
        "versions": [
            {
                "label": d.label,
                "source": d.source,
                "language": d.meta.language,
                "title": d.meta.title,
                "paragraphs": [
                    {"id": p.id, "kind": p.kind, "number": p.number, "text": p.text} for p in d.paragraphs
                ],
            }
            for d in docs
        ],
        "comparisons": [comparison_dict(c) for c in comparisons],
        "warnings": list(warnings),
    }
    if lineage is not None:
        out["lineage"] = [[list(cell) for cell in row] for row in lineage.rows]
        out["restored"] = [{"row": k, "version": w, "from_version": lineage.restored_from[k][0],
                            "diff": _segments(lineage.restored_from[k][1])}
                           for k, w in sorted(lineage.restored.items()) if k in lineage.restored_from]
    return out


#: containers this deep or deeper are written on one line each (a pair, a paragraph, a lineage row)
ONE_LINE_DEPTH = 4
_one_line = json.JSONEncoder(ensure_ascii=False).encode


def dumps(obj: Any) -> str:
    """``obj`` as readable JSON, written mostly by the json module's C encoder: the outer
    objects one key a line, indented by two, and each record — a paragraph, a pair, a lineage
    row, a diff segment — on a line of its own.  ``json.dumps(indent=2)`` would give the same
    object, but with ``indent`` CPython encodes in pure Python, ten times slower (0.15 s for two
    1,000-paragraph versions), and one line per scalar."""
    out: list[str] = []
    _write(obj, 0, out)
    return "".join(out)


def _expand(obj: Any, depth: int) -> bool:
    """Whether ``obj`` is written one item a line: an outer dict holding a list or dict, an
    outer list holding records, and the top level's lists of strings (warnings)."""
    if depth >= ONE_LINE_DEPTH or not obj:
        return False
    if isinstance(obj, dict):
        return any(isinstance(v, (dict, list)) for v in obj.values())
    if isinstance(obj, list):
        return depth <= 1 or any(isinstance(v, (dict, list)) for v in obj)
    return False


def _write(obj: Any, depth: int, out: list[str]) -> None:
    if not _expand(obj, depth):
        out.append(_one_line(obj))
        return
    pad = "\n" + "  " * (depth + 1)
    if isinstance(obj, dict):
        out.append("{")
        for k, (key, value) in enumerate(obj.items()):
            out.append(("," if k else "") + pad + _one_line(key) + ": ")
            _write(value, depth + 1, out)
        out.append("\n" + "  " * depth + "}")
        return
    out.append("[")
    for k, value in enumerate(obj):
        out.append(("," if k else "") + pad)
        if isinstance(value, list):          # a row of a table (lineage, a diff segment): one line
            out.append(_one_line(value))
        else:
            _write(value, depth + 1, out)
    out.append("\n" + "  " * depth + "]")
