"""The trace command run in-process, as the CLI runs it: (exit code, stdout, stderr)."""
from __future__ import annotations

import argparse

from compare.errors import InputError
from compare.trace_cli import add_trace_parser


def run_trace(argv: list[str], capsys) -> tuple[int, str, str]:
    """``python -m compare trace ARGV`` through its own parser; an input error is exit 2 and one line."""
    ap = argparse.ArgumentParser(prog="python -m compare")
    sub = ap.add_subparsers(dest="command", required=True)
    add_trace_parser(sub)
    args = ap.parse_args(argv)
    try:
        rc = args.func(args)
    except InputError as exc:
        return 2, "", f"error: {exc}\n"
    cap = capsys.readouterr()
    return rc, cap.out, cap.err
