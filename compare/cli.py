"""Command line: ``python -m compare parse|diff …``.

A thin shell over :mod:`compare.api`: bad input becomes one line on stderr
naming the file and the problem, and exit code 2; never a traceback.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import textwrap
from typing import Sequence

from . import api
from .errors import InputError
from .export.jsonout import document_dict
from .model import CompareOptions, Document

EXIT_OK, EXIT_INPUT = 0, 2


def _print_json(obj: object) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def _table(doc: Document) -> str:
    width = max(60, min(shutil.get_terminal_size((100, 20)).columns, 120))
    m = doc.meta
    lines = []
    for key, val in (
        ("source", doc.source), ("symbol", m.symbol), ("title", m.title), ("language", m.language),
        ("date", m.date), ("session", m.session), ("committee", m.committee), ("agenda item", m.agenda_item),
        ("document", m.doc_type), ("sponsors", ", ".join(m.sponsors) or None),
    ):
        if val:
            lines.append(f"{key:>12}: {val}")
    lines.append(
        f"{'structure':>12}: {len(doc.preamble)} PP, {len(doc.operative)} OP, "
        f"{sum(1 for p in doc.paragraphs if p.kind == 'P')} P, {len(doc.footnotes)} footnotes, {len(doc.gaps)} gaps"
    )
    for w in doc.warnings:
        lines.append(f"{'warning':>12}: {w}")
    lines.append("")
    gap_at = set(doc.gaps)
    for i, p in enumerate(doc.paragraphs):
        if i in gap_at:
            lines.append(f"{'':>12}  [… gap: text not available …]")
        marks = f" [fn {','.join(r.number for r in p.footnote_refs)}]" if p.footnote_refs else ""
        body = textwrap.wrap(p.text + marks, width - 14) or [""]
        lines.append(f"{p.id:>12}  {body[0]}")
        lines.extend(f"{'':>12}  {b}" for b in body[1:])
    if len(doc.paragraphs) in gap_at:
        lines.append(f"{'':>12}  [… gap: text not available …]")
    if doc.footnotes:
        lines.append("")
        for f in doc.footnotes:
            lines.append(f"{'fn ' + f.number:>12}  {f.text}")
    return "\n".join(lines) + "\n"


def _cmd_parse(args: argparse.Namespace) -> int:
    doc = api.load(args.file)
    if args.format == "json":
        _print_json(document_dict(doc))
    else:
        sys.stdout.write(_table(doc))
    return EXIT_OK


def _options(args: argparse.Namespace) -> CompareOptions:
    return CompareOptions(
        ignore_case=args.ignore_case,
        ignore_punctuation=args.ignore_punctuation,
        ignore_footnote_markers=not args.footnote_markers,
        typography=not args.strict_typography,
        fragment=True if args.fragment else None,
    )


def _cmd_diff(args: argparse.Namespace) -> int:
    docs = [api.load(f, label=lab) for f, lab in zip(args.files, _labels(args))]
    opts = _options(args)
    result = api.compare_versions(docs, opts)
    if args.format == "json":
        from .export.jsonout import versions_dict

        _print_json(versions_dict(result.versions, result.comparisons, result))
    elif args.format == "html":
        from .export.html import comparisons_html

        sys.stdout.write(comparisons_html(result.comparisons))
    else:
        from .export.text import comparisons_text

        sys.stdout.write(comparisons_text(result.comparisons))
    return EXIT_OK


def _labels(args: argparse.Namespace) -> list[str | None]:
    labels = [s.strip() for s in args.labels.split(",")] if args.labels else []
    if labels and len(labels) != len(args.files):
        raise InputError("--labels", f"gives {len(labels)} labels for {len(args.files)} files")
    return labels or [None] * len(args.files)


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m compare", description="Compare versions of a UN resolution.")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("parse", help="print the structure of one version")
    p.add_argument("file")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=_cmd_parse)

    d = sub.add_parser("diff", help="align and diff two or more versions, oldest first")
    d.add_argument("files", nargs="+", metavar="FILE")
    d.add_argument("--format", choices=("text", "json", "html"), default="text")
    d.add_argument("--labels", help="comma-separated version labels, e.g. '61/180,L.17,Rev.1'")
    d.add_argument("--ignore-case", action="store_true")
    d.add_argument("--ignore-punctuation", action="store_true")
    d.add_argument("--footnote-markers", action="store_true", help="count changed footnote markers as changes")
    d.add_argument("--strict-typography", action="store_true", help="count ’ vs ' and no-break spaces as changes")
    d.add_argument("--fragment", action="store_true", help="the new text is a fragment: do not report the rest as deleted")
    d.set_defaults(func=_cmd_diff)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "files", None) is not None and len(args.files) < 2:
        parser.error("diff needs at least two files")
    try:
        return args.func(args)
    except InputError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return EXIT_INPUT
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
