"""``python -m compare trace``: agreed-language tracing from the command line.

Wired into :mod:`compare.cli` with one line in ``build_parser``::

    from .trace_cli import add_trace_parser; add_trace_parser(sub)

Errors are :class:`compare.errors.InputError` (a damaged library is a
:class:`compare.library.LibraryError`), which ``cli.main`` prints as one line
with exit code 2.
"""
from __future__ import annotations

import argparse
import io
import os
import sys

from .errors import InputError


def add_trace_parser(subparsers) -> argparse.ArgumentParser:
    t = subparsers.add_parser(
        "trace", help="show which words of a draft are agreed language, and from where",
        description="Trace each paragraph of DRAFT to earlier texts in the library: verbatim spans of at least "
                    "N words (after the diff's normalisation) with their sources, the agreed share of each "
                    "paragraph, and the closest earlier paragraph of new ones. The library is a file that "
                    "persists between runs (--library, else $RESOLUTION_COMPARE_LIBRARY, else the user data "
                    "folder); a new library starts with the bundled samples.")
    t.add_argument("draft", nargs="?", metavar="DRAFT", help="the draft to trace (.docx, .pdf, .txt, .md, .html)")
    t.add_argument("--library", metavar="DB", help="library database file")
    t.add_argument("--min-words", type=int, default=6, metavar="N", help="shortest verbatim span (default 6, at least 5)")
    t.add_argument("--add", nargs="+", default=[], metavar="FILE", help="add these earlier texts to the library first (kept)")
    t.add_argument("--before", metavar="SESSION|DATE|auto",
                   help="use only texts older than a GA session (63), a date (2008-12-18), or 'auto': the draft's session")
    t.add_argument("--exclude", nargs="+", default=[], metavar="NAME",
                   help="leave out library texts by label, symbol, file name or id")
    t.add_argument("--include-later", action="store_true",
                   help="also use library texts dated after the draft (left out by default, as are undated texts "
                        "of the draft's own session, with a warning)")
    t.add_argument("--adopted", nargs="+", default=[], metavar="NAME",
                   help="count these library texts as adopted (agreed language) besides A/RES resolutions")
    t.add_argument("--dated", nargs="+", default=[], metavar="NAME=DATE",
                   help="give library texts that have no date one (YYYY-MM-DD), so they can be placed in time")
    t.add_argument("--count-drafts", action="store_true",
                   help="count words found only in earlier drafts as agreed language too")
    t.add_argument("--closest", choices=("unsourced", "all", "none"), default="unsourced",
                   help="find the closest earlier paragraph for new paragraphs (default), all, or none")
    t.add_argument("--no-equivalents", action="store_true",
                   help="do not look for close equivalents in texts in other languages (they load an embedding "
                        "model, a few seconds the first time)")
    t.add_argument("--format", choices=("text", "json"), default="text")
    t.add_argument("--list-library", action="store_true", help="list the library's texts")
    t.add_argument("--rebuild-library", action="store_true",
                   help="start the library afresh (the old file is kept as .broken; your files are re-added when possible)")
    t.set_defaults(func=_cmd_trace)
    return t


def _cmd_trace(args: argparse.Namespace) -> int:
    from . import api
    from .export.trace_views import trace_dict, trace_text

    if not (args.draft or args.add or args.list_library or args.rebuild_library):
        raise InputError("trace", "give a DRAFT to trace, or --add, --list-library or --rebuild-library")
    if args.rebuild_library:
        lib, notes = api.rebuild_library(args.library)
        for n in notes:
            sys.stderr.write(f"library: {n}\n")
        sys.stderr.write(f"library: rebuilt at {lib.path}\n")
    else:
        lib = api.open_library(args.library)
    with lib:
        for f in args.add:
            info, new = api.add_to_library(lib, f)
            sys.stderr.write(f"library: {'added' if new else 'already there'}: {info.name} ({info.n_paragraphs} paragraphs)\n")
        if args.list_library:
            for d in lib.documents():
                sys.stdout.write(f"{d.id:>5}  {d.name:<28} {d.language or '?':<3} session {d.session or '?':<4} "
                                 f"{'adopted' if d.adopted else 'draft  '} {d.n_paragraphs:>4} par.  {d.origin:<6} "
                                 f"{d.source or ''}\n")
        if not args.draft:
            return 0
        doc = api.load(args.draft)
        try:
            result = api.trace_version(doc, lib, min_words=args.min_words, before=args.before, exclude=args.exclude,
                                       closest=args.closest, leave_out_later=not args.include_later,
                                       equivalents=not args.no_equivalents,
                                       adopted=args.adopted, dates=_dates(args.dated),
                                       count_drafts=args.count_drafts)
        except ValueError as exc:
            raise InputError("trace", str(exc)) from None
    if warnings_on_stderr(sys.stdout, sys.stderr):
        for w in result.warnings:
            sys.stderr.write(f"warning: {w}\n")
    if args.format == "json":
        from .export.jsonout import dumps      # json output only

        sys.stdout.write(dumps(trace_dict(result)) + "\n")
    else:
        sys.stdout.write(trace_text(result))
    return 0


def _same_file(a, b) -> bool:
    """Whether two streams write to one file, pipe or terminal (``2>&1``)."""
    try:
        sa, sb = os.fstat(a.fileno()), os.fstat(b.fileno())
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return False                    # a stream without a file (captured): not the same
    return (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino)


def warnings_on_stderr(stdout, stderr) -> bool:
    """Whether to write the trace's warnings to stderr as well as in the report, so that exactly one
    copy is seen: not when the report goes to the terminal (it carries them), nor when stderr goes where
    the report goes (``2>&1``, ``> out 2>&1``); yes when the report is redirected to a file or a pipe
    and stderr is elsewhere (the terminal), where nobody would otherwise see them."""
    isatty = getattr(stdout, "isatty", None)
    if isatty is not None and isatty():
        return False
    return not _same_file(stdout, stderr)


def _dates(items: list[str]) -> dict[str, str]:
    """``NAME=YYYY-MM-DD`` arguments as a mapping (checked by the trace)."""
    out = {}
    for it in items:
        name, sep, date = it.rpartition("=")
        if not sep or not name.strip():
            raise InputError("--dated", f"{it!r} is not NAME=YYYY-MM-DD")
        out[name.strip()] = date.strip()
    return out
