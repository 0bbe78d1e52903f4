"""Command line: ``python -m compare parse|diff …``.

A thin shell over :mod:`compare.api`: bad input becomes one line on stderr
naming the file and the problem, and exit code 2; never a traceback.
"""
from __future__ import annotations

import argparse
from dataclasses import replace
import sys
from pathlib import Path
from typing import Sequence

from . import api
from .errors import InputError
from .model import CompareOptions, Document
from .readers.safety import DEFAULT_LIMITS, Limits
from .textclean import clean
from .trace_cli import add_trace_parser

EXIT_OK, EXIT_BUG, EXIT_INPUT = 0, 1, 2


def _print_json(obj: object) -> None:
    from .export.jsonout import dumps      # json output only (~1.5 ms of start-up for the other commands)

    sys.stdout.write(dumps(obj) + "\n")


def _table(doc: Document) -> str:
    import shutil           # parse's table only: kept off the other commands' start-up
    import textwrap

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
    if doc.dropped:
        lines.append("")
        for d in doc.dropped:
            body = textwrap.wrap(f"{d.text}  [{d.reason}]", width - 14) or [""]
            lines.append(f"{'dropped':>12}  {body[0]}")
            lines.extend(f"{'':>12}  {b}" for b in body[1:])
    return "\n".join(lines) + "\n"


def _cmd_parse(args: argparse.Namespace) -> int:
    doc = api.load(Path(args.file), limits=_limits(args))
    if args.format == "json":
        from .export.jsonout import document_dict

        _print_json(document_dict(doc))
    else:
        sys.stdout.write(_table(doc))
    return EXIT_OK


def _limits(args: argparse.Namespace) -> Limits:
    """Per-file limits; --max-size raises or lowers the size caps together."""
    if getattr(args, "max_size", None) is None:
        return DEFAULT_LIMITS
    if not 0 < args.max_size <= 64 * 1024:          # also refuses nan and inf
        raise InputError("--max-size", "give a size in MB between 0 and 65536")
    b = int(args.max_size * 1024 * 1024)
    return replace(DEFAULT_LIMITS, max_file_bytes=b, max_text_bytes=b)


def _options(args: argparse.Namespace) -> CompareOptions:
    return CompareOptions(
        ignore_case=args.ignore_case,
        ignore_punctuation=args.ignore_punctuation,
        ignore_footnote_markers=not args.footnote_markers,
        typography=not args.strict_typography,
        fragment=True if args.fragment else None,
    )


#: Warnings about the versions (order against the dates, the same text twice), printed on
#: stderr once the command has succeeded: a failing command prints its one error line only.
_WARNINGS: list[str] = []


def _read_warnings(docs: Sequence[Document]) -> list[Document]:
    """What reading each version noticed ("an unnumbered paragraph after OP2 was read as part of
    it", "paragraph number OP10 appears twice"), each once, named by its version, for stderr
    and the JSON ``warnings`` — as ``parse`` prints them."""
    from .structure import only_page_furniture

    for d in docs:
        quiet = only_page_furniture(d.dropped)          # running headers and page numbers: by design
        _WARNINGS.extend(f"{d.label}: {w}" for w in dict.fromkeys(d.warnings)
                         if not (quiet and w.startswith("not read as paragraphs")))
    return list(docs)


def _ordered(args: argparse.Namespace, docs: list[Document]) -> list[Document]:
    """The versions as given (``--order given``, default) or by what they say (``--order auto``);
    warnings (order against the dates, the same text twice) for stderr."""
    result = api.order_versions(docs, None if args.order == "auto" else list(range(len(docs))))
    _WARNINGS.extend(result.warnings)
    return [docs[i] for i in result.order]


def _cmd_diff(args: argparse.Namespace) -> int:
    docs = api.load_many([Path(f) for f in args.files], labels=_labels(args), limits=_limits(args))
    docs = _ordered(args, _read_warnings(_distinct(docs, args.files, bool(args.labels))))
    opts = _options(args)
    result = api.compare_versions(docs, opts)
    if args.format == "json":
        from .collector import paused
        from .export.jsonout import dumps, versions_dict

        with paused():          # tens of thousands of acyclic dicts: see compare.collector
            # one record a line, by the C encoder: indent=2 encodes in pure Python (~10× slower)
            text = dumps(versions_dict(result.versions, result.comparisons, result, _WARNINGS))
        sys.stdout.write(text + "\n")
    elif args.format == "html":
        from .export.html import comparisons_html

        sys.stdout.write(comparisons_html(result.comparisons))
    elif args.format == "pdf":
        _write_pdf(args, result.comparisons)
    else:
        from .export.text import comparisons_text

        sys.stdout.write(comparisons_text(result.comparisons))
    return EXIT_OK


def _write_pdf(args: argparse.Namespace, comparisons) -> None:
    """``diff --format pdf``: the printable comparison (compare.export.pdf), written atomically."""
    from .export.pdf import comparison_pdf

    if not args.output:
        raise InputError("--format pdf", "needs an output file: -o OUT.pdf")
    try:
        data = comparison_pdf(comparisons, args.view, paper=args.paper, orientation=args.orientation)
    except ImportError as exc:
        raise InputError("--format pdf", str(exc).splitlines()[0]) from None
    _write_output(args.output, data, args.files)


def _write_output(out: str, data: bytes, inputs: Sequence[str]) -> None:
    """Write ``data`` to ``out`` atomically (temp file in the same folder, then
    rename); never over one of the ``inputs``."""
    import os
    import tempfile
    from pathlib import Path

    target = Path(out)
    for f in inputs:
        try:
            if target.exists() and target.resolve() == Path(f).resolve() or os.path.abspath(out) == os.path.abspath(f):
                raise InputError(out, "is one of the input files; choose another output file")
        except OSError:
            pass
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(out, "its folder does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(out, f"cannot write there ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)
        os.replace(tmp, target)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise InputError(out, f"cannot write it ({exc.strerror or exc})") from None


def _cmd_redline(args: argparse.Namespace) -> int:
    from .export.redline import redline_docx, revision_date

    if not args.output.lower().endswith(".docx"):
        raise InputError(args.output, "the redline is a Word file: give an output name ending in .docx")
    if args.date is not None:
        try:
            revision_date(args.date)
        except ValueError:
            raise InputError("--date", f"{args.date!r} is not an ISO 8601 date (e.g. 2008-11-10 or 2008-11-10T14:30)") from None
    labels = _labels(argparse.Namespace(labels=args.labels, files=[args.old, args.new]))
    old, new = _distinct(api.load_many([Path(args.old), Path(args.new)], labels=labels, limits=_limits(args)),
                         [args.old, args.new], bool(args.labels))
    if api.cross_language(old, new):
        raise InputError("redline", f"{old.label} ({old.meta.language}) and {new.label} ({new.meta.language}) are in different languages: tracked changes across languages mean nothing; write the concordance table with 'python -m compare table OLD NEW -o OUT.docx'")
    _read_warnings([old, new])
    _WARNINGS.extend(api.order_versions([old, new], [0, 1]).warnings)
    cmp = api.compare(old, new, _options(args))
    trace = _redline_trace(args, old, new) if args.trace_appendix else None
    author = clean(args.author) if args.author else args.author     # argv may hold any bytes
    data = redline_docx(cmp, author=author, date=args.date, summary=not args.no_summary,
                        moves="delete-insert" if args.moves_as_delete_insert else "move", trace=trace,
                        outside="omit" if args.omit_outside else "show", numbering=args.numbering)
    _write_output(args.output, data, [args.old, args.new])
    return EXIT_OK


def _redline_trace(args: argparse.Namespace, old: Document, new: Document):
    """Trace NEW for the appendix: against the library (read only; a new one starts with the
    samples) plus OLD, in a temporary in-memory copy, so the library file is not changed."""
    if args.min_words < 5:
        raise InputError("--min-words", "must be at least 5 (the library indexes 5-word runs)")
    try:
        return api.trace_version(new, args.library, earlier=[old], min_words=args.min_words, before=args.before,
                                 equivalents=False)   # the appendix lists verbatim sources only
    except ValueError as exc:
        raise InputError("--before", str(exc)) from None


def _cmd_table(args: argparse.Namespace) -> int:
    from .export.table import FORMATS, default_format, table_bytes

    fmt = default_format(args.output)
    if fmt is None:
        raise InputError(args.output, f"give an output name ending in {', '.join('.' + f for f in FORMATS)}")
    docs = api.load_many([Path(f) for f in args.files], labels=_labels(args), limits=_limits(args))
    docs = _read_warnings(_distinct(docs, args.files, bool(args.labels)))
    lineage = api.compare_versions(_ordered(args, docs), _options(args))
    _write_output(args.output, table_bytes(lineage, fmt, paper=args.paper), args.files)
    return EXIT_OK


def _distinct(docs: list[Document], files: list[str], given: bool) -> list[Document]:
    """Versions whose labels tell them apart: two files with one name but for the extension
    (the .docx and the .md of one draft) are labelled by their file names, else " (2)" is added
    (stderr's "same text as …", the table's columns and the redline's summary name versions by label)."""
    from .export.labels import distinct_labels

    labels = [d.label for d in docs]
    if not given:
        labels = [Path(f).name if labels.count(lab) > 1 else lab for lab, f in zip(labels, files)]
    labels = distinct_labels(labels)
    return [d if d.label == lab else replace(d, label=lab) for d, lab in zip(docs, labels)]


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
    p.add_argument("--max-size", type=float, metavar="MB", help="largest file to read (default 64 MB, text 16 MB)")
    p.set_defaults(func=_cmd_parse)

    def comparison_options(sp: argparse.ArgumentParser) -> None:
        """What counts as a change, and how big a file may be: the same for every comparing command."""
        sp.add_argument("--ignore-case", action="store_true")
        sp.add_argument("--ignore-punctuation", action="store_true")
        sp.add_argument("--footnote-markers", action="store_true", help="count changed footnote markers as changes")
        sp.add_argument("--strict-typography", action="store_true", help="count ’ vs ' and no-break spaces as changes")
        sp.add_argument("--fragment", action="store_true",
                        help="the shorter text is a fragment: do not report the rest of the other as deleted/new")
        sp.add_argument("--max-size", type=float, metavar="MB", help="largest file to read (default 64 MB, text 16 MB)")

    d = sub.add_parser("diff", help="align and diff two or more versions, oldest first")
    d.add_argument("files", nargs="+", metavar="FILE")
    d.add_argument("--format", choices=("text", "json", "html", "pdf"), default="text")
    d.add_argument("--labels", help="comma-separated version labels, e.g. '61/180,L.17,Rev.1'")
    d.add_argument("--order", choices=("given", "auto"), default="given",
                   help="given: as on the command line (warns where the dates disagree); "
                        "auto: by what the versions say (session, base < Rev.n < A/RES, date)")
    comparison_options(d)
    d.add_argument("-o", "--output", metavar="OUT.pdf", help="--format pdf: the file to write")
    d.add_argument("--view", choices=("side-by-side", "inline"), default="side-by-side",
                   help="--format pdf: two columns (landscape) or the new text with changes inline (portrait)")
    d.add_argument("--paper", choices=("A4", "Letter"), default="A4", help="--format pdf: paper size (default A4)")
    d.add_argument("--orientation", choices=("portrait", "landscape"),
                   help="--format pdf: default landscape for side-by-side, portrait for inline")
    d.set_defaults(func=_cmd_diff)

    r = sub.add_parser("redline", help="write a Word redline (real tracked changes) of OLD → NEW")
    r.add_argument("old", metavar="OLD")
    r.add_argument("new", metavar="NEW")
    r.add_argument("-o", "--output", required=True, metavar="OUT.docx")
    r.add_argument("--labels", help="comma-separated labels of OLD and NEW, e.g. 'L.17,Rev.1'")
    r.add_argument("--author", help="author of the revisions (default: the new version's label)")
    r.add_argument("--date", help="date of the revisions, ISO 8601 (default: the new version's date, else now)")
    r.add_argument("--no-summary", action="store_true", help="leave out the change summary at the top")
    r.add_argument("--omit-outside", action="store_true",
                   help="leave out paragraphs outside a compared excerpt (default: shown untracked and marked)")
    r.add_argument("--moves-as-delete-insert", action="store_true",
                   help="write moved paragraphs as a deletion plus an insertion instead of Word moves")
    r.add_argument("--numbering", choices=("typed", "source", "auto"), default="typed",
                   help="typed (default): numbers written as text, a renumbering shown as the old number deleted "
                        "and the new one inserted, as UN redlines show it (reads the same in every application's "
                        "markup view); auto: Word automatic numbering, a renumbering carries no mark (LibreOffice's "
                        "markup view then shows original numbers in brackets); source: as the new version's file "
                        "numbers its paragraphs (automatic in a Word file that uses it, else typed)")
    r.add_argument("--trace-appendix", action="store_true",
                   help="add an agreed-language table at the end: per paragraph of NEW, its agreed share, "
                        "sources and new wording (traced against the library plus OLD)")
    r.add_argument("--library", metavar="DB", help="library for --trace-appendix (default: as for 'trace')")
    r.add_argument("--min-words", type=int, default=6, metavar="N",
                   help="--trace-appendix: shortest verbatim span (default 6, at least 5)")
    r.add_argument("--before", metavar="SESSION|DATE|auto",
                   help="--trace-appendix: use only texts older than a GA session, a date, or 'auto' (NEW's session)")
    comparison_options(r)
    r.set_defaults(func=_cmd_redline)

    t = sub.add_parser("table", help="write a compilation table: one row per paragraph, one column per version")
    t.add_argument("files", nargs="+", metavar="FILE")
    t.add_argument("-o", "--output", required=True, metavar="OUT.docx|xlsx|csv")
    t.add_argument("--labels", help="comma-separated version labels, e.g. '61/180,L.17,Rev.1'")
    t.add_argument("--order", choices=("given", "auto"), default="given",
                   help="given: as on the command line (warns where the dates disagree); "
                        "auto: by what the versions say (session, base < Rev.n < A/RES, date)")
    comparison_options(t)
    t.add_argument("--paper", choices=("A4", "Letter"), default="A4",
                   help="paper size of the .docx and of the .xlsx print setup (default A4, as the redline)")
    t.set_defaults(func=_cmd_table)

    add_trace_parser(sub)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "files", None) is not None and len(args.files) < 2:
        parser.error(f"{args.command} needs at least two files")
    _WARNINGS.clear()
    try:
        rc = args.func(args)
        for w in _WARNINGS:
            sys.stderr.write(f"warning: {w}\n")
        return rc
    except InputError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return EXIT_INPUT
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except MemoryError:
        sys.stderr.write("error: the input is too large to process in the memory available\n")
        return EXIT_INPUT
    except ModuleNotFoundError as exc:      # an install without one of the requirements: say which
        sys.stderr.write(f"error: the Python package {exc.name!r} is not installed; install the requirements "
                         "(pip install -r requirements.txt)\n")
        return EXIT_BUG
    except Exception as exc:  # a bug: one line, not a traceback (RESOLUTION_COMPARE_DEBUG=1 shows it)
        import os

        if os.environ.get("RESOLUTION_COMPARE_DEBUG"):
            raise
        sys.stderr.write(f"error: internal error ({type(exc).__name__}); please report it "
                         "(set RESOLUTION_COMPARE_DEBUG=1 for details)\n")
        return EXIT_BUG


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
