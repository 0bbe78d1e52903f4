"""Issue 16: one test per class of hostile input, each through the real CLI in a child
process bounded in time and memory (tests/hostile/bounded.py): exit 2 with one line or
exit 0 with the right text, within 20 CPU seconds and 1.5 GiB, no traceback, input
untouched, no file content in messages.  Files come from tests/hostile/make_hostile.py.
No test here asserts on wall-clock time (tests/support/cpu.py says why)."""
from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from compare import api
from compare.errors import CorruptFileError, TooLargeError
from compare.readers.safety import DEFAULT_LIMITS

try:
    from hostile import make_hostile as mh, regex_scan
    from hostile.bounded import ROOT, TIME_BOUND, check_guarantees, fingerprint, run_cli
except ImportError:  # tests/ imported as a package
    from tests.hostile import make_hostile as mh, regex_scan
    from tests.hostile.bounded import ROOT, TIME_BOUND, check_guarantees, fingerprint, run_cli


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile16")
    return {
        "astral_pdf": mh.make_astral_pdf(out),
        "control_pdf": mh.make_control_pdf(out),
        "control_txt": mh.make_control_chars_txt(out),
        "non_utf8_name": mh.make_non_utf8_name(out),
        "spaces_txt": mh.make_spaces_txt(out),
        "form_feeds_txt": mh.make_form_feeds_txt(out),
        "numbers_only_txt": mh.make_numbers_only_txt(out),
        "browser_quirks_html": mh.make_html_browser_quirks(out),
    }


def _cli(tmp_path, inputs: list[Path], *args: str, time_bound: float = TIME_BOUND):
    before = [fingerprint(p) for p in inputs]
    run = run_cli(tmp_path, *args)
    check_guarantees(run, inputs, before, time_bound=time_bound)
    return run


# --------------------------------------------------------------------------- characters

CHAR_FILES = ("astral_pdf", "control_pdf", "control_txt", "non_utf8_name")


@pytest.mark.parametrize("name", CHAR_FILES)
def test_characters_that_cannot_be_written_are_cleaned_at_the_boundary(files, tmp_path, name):
    path = files[name]
    run = _cli(tmp_path, [path], "parse", os.fsdecode(path), "--format", "json")
    assert run.rc == 0, run.stderr
    data = json.loads(run.stdout)
    texts = " ".join(p["text"] for p in data["paragraphs"])
    assert texts.encode("utf-8")
    if name == "astral_pdf":                    # the two UTF-16 halves are one character
        assert "Urges \U00020000 to act;" in texts
    if name == "control_pdf":
        assert "to act;" in texts and any("3 character(s)" in w for w in data["warnings"])
    if name == "control_txt":
        assert "Urges" in texts and "Requests" in texts and "\x01" not in texts
    if name == "non_utf8_name":
        assert "\ufffd" in data["source"] and len(data["paragraphs"]) > 10
    run = _cli(tmp_path, [path], "parse", os.fsdecode(path))
    assert run.rc == 0


def test_every_writer_takes_whatever_a_reader_returns(files, tmp_path):
    inputs = [files[n] for n in CHAR_FILES]
    names = [os.fsdecode(p) for p in inputs]
    label_arg = ",".join(["L\x01", "Rev\udcff", "x", "y"])
    for fmt in ("text", "json", "html"):
        run = _cli(tmp_path, inputs, "diff", *names, "--format", fmt, "--labels", label_arg)
        assert run.rc == 0, run.stderr
        assert "\U00020000" in run.stdout
    for ext in ("xlsx", "csv", "docx"):
        out = tmp_path / f"table.{ext}"
        run = _cli(tmp_path, inputs, "table", *names, "-o", str(out), "--labels", label_arg)
        assert run.rc == 0, run.stderr
        assert out.stat().st_size > 0
    out = tmp_path / "redline.docx"
    run = _cli(tmp_path, inputs, "redline", names[2], names[0], "-o", str(out), "--author", "A\x01\udcff")
    assert run.rc == 0, run.stderr
    lib = tmp_path / "lib.sqlite"
    run = _cli(tmp_path, inputs, "trace", names[0], "--library", str(lib), "--add", names[1], names[2], names[3],
               "--format", "json")
    assert run.rc == 0, run.stderr
    json.loads(run.stdout)


# --------------------------------------------------------------------------- slow patterns

@pytest.mark.parametrize("name,expected", [("spaces_txt", "Urges x all to act;"),
                                           ("form_feeds_txt", "Requests a report.")])
def test_long_runs_of_a_patterns_hard_case_read_quickly(files, tmp_path, name, expected):
    run = _cli(tmp_path, [files[name]], "parse", str(files[name]), "--format", "json")
    assert run.rc == 0, run.stderr
    assert expected in [p["text"] for p in json.loads(run.stdout)["paragraphs"]]


def test_no_pattern_on_read_text_backtracks_super_linearly():
    """Every module-level pattern on read text against runs of ~40 hard cases up to
    10,000 characters (tests/hostile/regex_scan.py): four times the text costs about four
    times the CPU for each, not sixteen (quadratic).  In a child process: the timeout is a
    watchdog for a pattern so bad the scan would never end, not a speed bound."""
    proc = subprocess.run([sys.executable, str(ROOT / "tests" / "hostile" / "regex_scan.py")],
                          cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["patterns"] > 40
    assert report["slow"] == []


def test_the_scan_catches_a_backtracking_pattern():
    """The scan above can fail: run on the old sub-label pattern (quadratic on a run of
    spaces) it flags it; on today's pattern it flags nothing."""
    import re

    from compare.structure import _SUB_LABEL

    old = re.compile(r"^\s*\(?\s*([^\W\d_]{1,6})\s*\)\s*(?=\S)")
    found = regex_scan.scan_pattern("old _SUB_LABEL", old)
    assert found is not None and found["unit"].isspace(), found
    assert found["growth"] > regex_scan.GROWTH_LIMIT
    assert regex_scan.scan_pattern("_SUB_LABEL", _SUB_LABEL) is None


# --------------------------------------------------------------------------- bombs and stalls

def test_pdf_decompression_bomb_is_stopped_by_the_memory_limit(tmp_path):
    path = mh.make_pdf_decompression_bomb(tmp_path)
    run = _cli(tmp_path, [path], "parse", str(path))
    assert run.rc == 2
    assert "needs more than" in run.stderr and "MiB of memory" in run.stderr


def test_page_with_a_million_text_objects_is_bounded(tmp_path):
    path = mh.make_pdf_many_objects(tmp_path)
    run = _cli(tmp_path, [path], "parse", str(path), "--format", "json")
    assert run.rc == 0 or "took longer than" in run.stderr, run.stderr


def test_a_stalled_reader_is_stopped_by_the_wall_clock(monkeypatch):
    """A stall the cooperative deadline cannot see (a sleep standing for a C call)."""
    from compare.readers import worker

    with pytest.raises(TooLargeError, match="took longer than 1 s and was stopped"):
        worker.run_bounded(_sleep, 30, source="stuck.pdf", seconds=1, memory=256 << 20)


def _sleep(s: float) -> None:
    import time

    time.sleep(s)


def test_a_crashing_parser_is_one_error():
    from compare.readers import worker

    with pytest.raises(CorruptFileError, match="crashed the parser"):
        worker.run_bounded(_segfault, source="crash.pdf", seconds=10, memory=256 << 20)


def _segfault() -> None:
    import ctypes

    ctypes.string_at(0)


# --------------------------------------------------------------------------- limits after structure

def test_paragraph_limit_applies_after_structure(files, tmp_path):
    path = files["numbers_only_txt"]
    run = _cli(tmp_path, [path], "parse", str(path))
    assert run.rc == 2 and "more than 20,000 paragraphs" in run.stderr


def test_word_limits_apply_after_structure():
    from compare.readers.safety import Limits

    text = "The General Assembly,\n\n1. Urges " + "word " * 3000 + "all.\n\n2. Requests " + "x " * 30 + "a report.\n"
    with pytest.raises(TooLargeError, match="paragraph OP1 has more than 1,000 words"):
        api.load(text.encode(), name="long.txt", limits=Limits(max_paragraph_words=1000))
    with pytest.raises(TooLargeError, match="more than 2,000 words"):
        api.load(text.encode(), name="long.txt", limits=Limits(max_words=2000))


def test_alignment_beyond_its_bound_is_refused_at_once(tmp_path):
    side = math.isqrt(api.MAX_PAIRS) + 1          # paragraphs a side just beyond the bound
    text = "The General Assembly,\n\n" + "\n\n".join(f"{i}. Urges States to take step {i};" for i in range(1, side + 1))
    path = tmp_path / "big.txt"
    path.write_text(text, encoding="utf-8")
    run = _cli(tmp_path, [path], "diff", str(path), str(path))
    assert run.rc == 2 and "too many paragraphs to align" in run.stderr


@pytest.mark.parametrize("other", ["sample", "itself"])
def test_comparing_just_under_the_paragraph_limit_is_bounded(tmp_path, other):
    """19,990 paragraphs against the sample (rc 0) or against themselves (refused or done,
    never a MemoryError or a hang)."""
    big = mh.make_many_paragraphs_txt(tmp_path)
    sample = ROOT / "samples" / "draft-rev1-2008-11-10.fr.md"
    first = sample if other == "sample" else big
    # each reading worker (one per big file, side by side) and the comparing worker is stopped at
    # its own hard limit, so none spends more CPU than that: the run's CPU is bounded by their sum,
    # plus the interpreter's start and exit (the sample is small: read in the CLI's own process)
    readers = 1 if other == "sample" else 2
    bound = readers * (DEFAULT_LIMITS.max_seconds + 1.0) + DEFAULT_LIMITS.max_compare_seconds + 5.0
    run = _cli(tmp_path, [big, sample], "diff", str(first), str(big), "--format", "json", time_bound=bound)
    if other == "sample":
        assert run.rc == 0 or "took longer than" in run.stderr, run.stderr
    else:   # refused for its size; on a loaded machine reading may hit its own (wall-clock) limit first
        assert run.rc == 2 and ("too many paragraphs to align" in run.stderr or "took longer than" in run.stderr), \
            run.stderr


def test_large_comparison_runs_in_a_bounded_worker(monkeypatch):
    from compare.readers.safety import Limits

    monkeypatch.setattr(api, "WORKER_PAIRS", 0)
    doc = api.load(ROOT / "samples" / "draft-rev1-2008-11-10.fr.md")
    cmp = api.compare(doc, doc)                        # in the worker, pickled back
    assert len(cmp.pairs) == len(doc.paragraphs)
    assert cmp.old is doc and cmp.new is doc           # the versions are not sent back: this process has them
    with pytest.raises(TooLargeError, match="comparing took longer than 0 s"):
        api.compare(doc, doc, limits=Limits(max_compare_seconds=0))


def test_a_comparison_from_the_fork_server_is_the_one_made_here(monkeypatch):
    """Beside another thread (the app) the comparing worker is a fork server's child, which gets
    the versions pickled: its answer still points to this process's versions, and says the same
    as the comparison made here."""
    import threading

    from compare.export.jsonout import versions_dict

    docs = [api.load(ROOT / "samples" / name) for name in ("draft-rev1-2008-11-10.fr.md",
                                                           "draft-rev2-illustrative.fr.md")]
    here = api.compare_versions(docs)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    try:
        monkeypatch.setattr(api, "WORKER_PAIRS", 0)
        there = api.compare_versions(docs)
    finally:
        stop.set()
        other.join()
    assert there.versions[0] is docs[0] and there.comparisons[0].new is docs[1]
    assert versions_dict(there.versions, there.comparisons, there) == versions_dict(here.versions, here.comparisons, here)


# --------------------------------------------------------------------------- HTML as a browser reads it

def test_html_void_and_form_elements_lose_no_text(files, tmp_path):
    path = files["browser_quirks_html"]
    run = _cli(tmp_path, [path], "parse", str(path), "--format", "json")
    assert run.rc == 0, run.stderr
    paras = {p["id"]: p["text"] for p in json.loads(run.stdout)["paragraphs"]}
    assert paras["PP1"].endswith("of 2006,")
    assert paras["OP1"].startswith("Urges Member States") and paras["OP1"].endswith("to act;")
    assert paras["OP2"] == "Requests a report."


# --------------------------------------------------------------------------- messages

def test_parser_messages_never_quote_the_file(tmp_path):
    body = "<w:p><w:r><w:t>1. Urges</w:t></w:r></w:p><w:CONFIDENTIALWORDING></w:p>"
    path = tmp_path / "bad_tag.docx"
    path.write_bytes(mh.docx_bytes({"word/document.xml": mh.document_xml(body)}))
    html = tmp_path / "bad.html"
    html.write_bytes(b"")
    run = _cli(tmp_path, [path], "parse", str(path))
    assert run.rc == 2 and "damaged XML in word/document.xml" in run.stderr
    assert "CONFIDENTIAL" not in run.stderr


def test_a_crafted_part_name_is_not_quoted_either(tmp_path):
    """The main part renamed "word/Password=hunter2 confidential note.xml" (the package's relationship
    points to it) and damaged: the message names neither the part nor libxml2's account of the tags."""
    import io
    import zipfile
    name = "word/Password=hunter2 confidential note.xml"
    good = mh.docx_bytes({"word/document.xml": mh.document_xml()})
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.namelist():
            data = src.read(item)
            if item == "_rels/.rels":
                data = data.replace(b'Target="word/document.xml"', f'Target="{name}"'.encode())
            if item == "word/document.xml":
                item, data = name, data.replace(b"<w:sectPr/>", b"<w:x><w:sectPr/>")
            dst.writestr(item, data)
    path = tmp_path / "renamed.docx"
    path.write_bytes(buf.getvalue())
    run = _cli(tmp_path, [path], "parse", str(path))
    assert run.rc == 2 and len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert "renamed.docx" in run.stderr and "malformed XML" in run.stderr
    for leak in ("hunter2", "Password", "confidential", "tag mismatch", "w:x"):
        assert leak not in run.stderr, run.stderr


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "0", "1e30"])
def test_odd_max_size_is_one_line(tmp_path, value):
    md = ROOT / "samples" / "draft-rev1-2008-11-10.fr.md"
    run = _cli(tmp_path, [md], "parse", str(md), f"--max-size={value}")
    assert run.rc == 2 and "--max-size" in run.stderr
