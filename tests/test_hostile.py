"""Hostile and broken inputs: clear errors, nothing lost, nothing leaked.

Every file comes from tests/hostile/make_hostile.py, written into a tmp dir.  For
each we check, through the library (``compare.api.load``) and through the real CLI
in a separate process (tests/hostile/measure.py runs ``compare.cli.main``):

* the exact :class:`~compare.errors.InputError` subclass, and the CLI's single
  stderr line ``error: <file>: <problem>`` with exit code 2 and nothing on stdout;
* a bounded CPU time (of the process and its workers, never wall time: a busy CI
  machine stretches the one, not the other; tests/support/cpu.py) and a bounded peak
  memory (the child's own ``ru_maxrss`` minus its peak after imports);
* that the input file is unchanged (content and mtime) and no temporary file is
  left behind (the child's TMPDIR stays empty);
* that the XXE target's secret token appears in no output at all.

Bounds are generous (a shared 2-core machine): 20 CPU seconds per file, 150 MB over the
baseline for bombs, 1 GB for the 50 MB text read with raised limits.  A stall that spends
no CPU is stopped by the product's own worker time limit; the ``subprocess`` timeouts are
watchdogs that turn a hang into a failure, not speed bounds.
"""
from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from compare import api
from compare.errors import (
    BinaryContentError,
    CorruptFileError,
    EncryptedFileError,
    InputError,
    NoTextLayerError,
    TooLargeError,
    UnsupportedFormatError,
)
from compare.readers import read_bytes, read_path
from compare.readers.safety import Limits

try:
    from hostile import make_hostile as mh
    from support.cpu import cpu_spent
except ImportError:  # tests/ imported as a package
    from tests.hostile import make_hostile as mh
    from tests.support.cpu import cpu_spent

ROOT = Path(__file__).resolve().parent.parent
MEASURE = ROOT / "tests" / "hostile" / "measure.py"
TIME_BOUND = 20.0          # CPU seconds, per file, CLI process and its workers included
BOMB_MEM_MB = 150          # peak memory over the post-import baseline
BIG_MEM_MB = 1024


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile")
    files, token = mh.make_all(out)
    return files, token


def _fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def run_cli(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess, dict]:
    """The CLI in a fresh process with an empty TMPDIR; returns (process, cost).  The
    timeout is a watchdog (a hang fails instead of stalling CI), not a speed bound."""
    tmpdir = tmp_path / "child-tmp"
    tmpdir.mkdir(exist_ok=True)
    stats = tmp_path / "stats.json"
    env = {**os.environ, "TMPDIR": str(tmpdir), "MEASURE_OUT": str(stats), "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, str(MEASURE), *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env=env)
    cost = json.loads(stats.read_text())
    assert list(tmpdir.iterdir()) == [], "temporary files left behind"
    return proc, cost


# name in make_all → (exact error class, words expected in the one-line message)
ERRORS = {
    "zip_bomb": (TooLargeError, "would unpack to 200 mib, over the 64 mib limit"),
    "zip_ratio_bomb": (TooLargeError, "zip bomb"),
    "zip_many_members": (TooLargeError, "members, over the 5,000 limit"),
    "zip_lying_header": (CorruptFileError, "bad crc"),
    "truncated_docx": (CorruptFileError, "zip archive is incomplete"),
    "xxe_docx": (CorruptFileError, "declares a dtd"),
    "xxe_param_docx": (CorruptFileError, "declares a dtd"),
    "billion_laughs_docx": (CorruptFileError, "declares a dtd"),
    "deep_docx": (CorruptFileError, "nested too deeply"),
    "encrypted_docx": (EncryptedFileError, "password-protected"),
    "old_doc": (UnsupportedFormatError, "old binary word .doc"),
    "image_only_pdf": (NoTextLayerError, "ocr is needed"),
    "truncated_pdf": (CorruptFileError, "truncated"),
    "garbage_pdf": (CorruptFileError, "not a valid pdf file"),
    "binary_txt": (BinaryContentError, "binary data, not text"),
    "png_txt": (BinaryContentError, "png image"),
    "text_then_binary": (BinaryContentError, "binary data, not text"),
    "big_txt": (TooLargeError, "over the 16 mib limit"),
}


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_hostile_file_is_one_clear_error(corpus, tmp_path, name):
    files, token = corpus
    path = files[name]
    cls, words = ERRORS[name]
    before = _fingerprint(path)

    # the library: the exact InputError subclass, at a bounded CPU cost
    with cpu_spent() as spent, pytest.raises(InputError) as ei:
        api.load(path)
    assert type(ei.value) is cls, f"{type(ei.value).__name__}: {ei.value}"
    assert spent.seconds < TIME_BOUND, spent
    assert str(ei.value).startswith(f"{path}: ")
    assert words in str(ei.value).lower()

    # the CLI: exit 2, one line, no traceback, bounded CPU time and memory
    proc, cost = run_cli(tmp_path, "parse", str(path), "--format", "json")
    assert proc.returncode == 2 and cost["rc"] == 2
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0] == f"error: {ei.value}", proc.stderr
    assert "Traceback" not in proc.stderr
    assert cost["cpu_seconds"] < TIME_BOUND, cost
    assert cost["maxrss_mb"] - cost["baseline_mb"] < BOMB_MEM_MB, cost
    assert token not in proc.stdout + proc.stderr

    assert _fingerprint(path) == before, "the input file was modified"


def test_xxe_secret_never_appears_anywhere(corpus, tmp_path):
    files, token = corpus
    secret = next(p for p in files["xxe_docx"].parent.iterdir() if p.name.startswith("secret"))
    assert token in secret.read_text()                   # the payload points at a real file
    for name in ("xxe_docx", "xxe_param_docx", "xxe_html", "billion_laughs_html"):
        path = files[name]
        for fmt in ("json", "table"):
            proc, _ = run_cli(tmp_path, "parse", str(path), "--format", fmt)
            assert token not in proc.stdout and token not in proc.stderr
            assert str(secret) not in proc.stderr
        proc, _ = run_cli(tmp_path, "diff", str(path), str(files["xxe_html"]), "--format", "json")
        assert token not in proc.stdout + proc.stderr
    doc = api.load(files["xxe_html"])                    # HTML loads, entity left unexpanded
    texts = [p.text for p in doc.paragraphs] + [f.text for f in doc.footnotes] + doc.warnings
    assert texts and not any(token in t for t in texts)
    assert doc.by_id("OP2").text == "Requests a report."


def test_xml_parser_alone_resolves_no_entity(corpus):
    """Defence in depth: even if the DTD refusal were removed, the parsers resolve nothing."""
    from lxml import etree, html as lxml_html

    from compare.readers.docx import _parser as docx_parser
    from compare.readers.html import _parser as html_parser

    files, token = corpus
    secret = next(p for p in files["xxe_docx"].parent.iterdir() if p.name.startswith("secret"))
    payloads = [
        f'<!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]><r>&x;</r>',
        f'<!DOCTYPE r [<!ENTITY % p SYSTEM "file://{secret}"> %p;]><r>q</r>',
        f'<!DOCTYPE r SYSTEM "file://{secret}"><r>q</r>',
    ]
    for xml in payloads:
        try:
            root = etree.fromstring(xml.encode(), docx_parser())
        except etree.XMLSyntaxError:
            continue
        assert token not in etree.tostring(root, encoding="unicode")
        root = lxml_html.fromstring(xml, parser=html_parser())
        assert token not in etree.tostring(root, encoding="unicode")
    with pytest.raises(etree.XMLSyntaxError):   # libxml2 refuses the expansion itself
        root = etree.fromstring((mh.billion_laughs_dtd() + "<l>&lol9;</l>").encode(), docx_parser())
        assert len(etree.tostring(root)) < 10_000


# --------------------------------------------------------------------------- files that must load

def test_utf16_and_cp1252_texts_load_like_utf8(corpus, samples):
    files, _ = corpus
    ref = api.load(samples / "draft-rev1-2008-11-10.fr.md")
    ref_ids = [p.id for p in ref.paragraphs]
    for name in ("utf16_txt", "utf16_nobom_txt", "cp1252_txt"):
        doc = api.load(files[name])
        assert [p.id for p in doc.paragraphs] == ref_ids, name
        assert doc.meta.language == "fr"
        if name != "cp1252_txt":
            assert [p.text for p in doc.paragraphs] == [p.text for p in ref.paragraphs]
        else:   # Windows-1252 has no narrow no-break space; ’ was written as '
            assert doc.by_id("OP1").text == ref.by_id("OP1").text.replace("\u2019", "'")


@pytest.mark.parametrize("name", ["emphasis_bomb_md", "italic_bomb_html", "xxe_html", "billion_laughs_html",
                                  "page_bomb_pdf", "utf16_txt"])
def test_odd_but_readable_files_load_in_bounded_time_and_memory(corpus, tmp_path, name):
    files, token = corpus
    path = files[name]
    before = _fingerprint(path)
    proc, cost = run_cli(tmp_path, "parse", str(path), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert token not in proc.stdout
    assert cost["cpu_seconds"] < TIME_BOUND, cost
    assert cost["maxrss_mb"] - cost["baseline_mb"] < BOMB_MEM_MB, cost
    assert _fingerprint(path) == before
    if name == "page_bomb_pdf":
        assert any("only the first 2000 of 50000 pages" in w for w in data["warnings"])
    if name == "billion_laughs_html":
        assert "lollol" not in proc.stdout


def test_big_text_with_raised_size_limits_stops_at_paragraph_limit(corpus, tmp_path):
    """The 50 MB text, with the size limits lifted: still bounded by max_paragraphs,
    in bounded CPU time and under 1 GB (the timeout is a watchdog, not a speed bound)."""
    files, _ = corpus
    code = (
        "import resource, sys, json\n"
        "from compare import api\n"
        "from compare.errors import InputError\n"
        "from compare.readers.safety import Limits\n"
        "from tests.support.cpu import cpu_seconds\n"
        "base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "lim = Limits(max_file_bytes=64 << 20, max_text_bytes=64 << 20, max_text_chars=64 << 20)\n"
        "cpu0 = cpu_seconds()\n"
        "try:\n"
        "    api.load(sys.argv[1], limits=lim); err = None\n"
        "except InputError as e:\n"
        "    err = [type(e).__name__, str(e)]\n"
        "print(json.dumps({'err': err, 'cpu_s': cpu_seconds() - cpu0,\n"
        "    'mb': (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base) / 1024}))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(files["big_txt"])], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr
    r = json.loads(proc.stdout)
    assert r["err"][0] == "TooLargeError" and "more than 20,000 paragraphs" in r["err"][1]
    assert r["cpu_s"] < TIME_BOUND and r["mb"] < BIG_MEM_MB, r


def test_big_upload_refused_before_decoding():
    """Refused by its size, before any decoding or unzipping (the messages name the limit)."""
    data = b"Recalling its resolution 61/180,\n\n" * (2 << 20)       # 70 MB in memory
    with pytest.raises(TooLargeError, match="over the 64 MiB limit for files"):
        read_bytes(data, "upload.docx")
    with pytest.raises(TooLargeError, match="over the 16 MiB limit for text files"):
        read_bytes(data, "upload.txt")


# --------------------------------------------------------------------------- limits, one line, odd paths

def test_limits_are_configurable(samples):
    docx = samples / "draft-rev1-2008-11-10.fr.docx"
    md = samples / "draft-rev1-2008-11-10.fr.md"
    with pytest.raises(TooLargeError, match="took longer than 0 s"):
        api.load(md, limits=Limits(max_seconds=0))
    with pytest.raises(TooLargeError, match="more than 5 paragraphs"):
        api.load(md, limits=Limits(max_paragraphs=5))
    with pytest.raises(TooLargeError, match="over the"):
        api.load(docx, limits=Limits(max_file_bytes=10_000))
    with pytest.raises(TooLargeError, match="members"):
        api.load(docx, limits=Limits(max_zip_members=5))
    with pytest.raises(TooLargeError, match="unpack to"):
        api.load(docx, limits=Limits(max_unzipped_bytes=100_000))
    with pytest.raises(TooLargeError, match="styles.xml"):
        api.load(docx, limits=Limits(max_part_bytes=200_000))
    with pytest.raises(TooLargeError, match="took longer"):
        api.load(samples / "draft-rev1-2008-11-10.fr.pdf", limits=Limits(max_seconds=0))
    doc = api.load(samples / "draft-rev1-2008-11-10.fr.pdf", limits=Limits(max_pdf_pages=1))
    assert any("only the first 1 of" in w for w in doc.warnings)


def test_error_line_stays_one_line_with_odd_file_names(tmp_path):
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
    odd = tmp_path / "bad\rname\x1b[31m.txt"
    odd.write_bytes(png)
    proc, _ = run_cli(tmp_path, "parse", str(odd))
    assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 1, proc.stderr
    assert "\r" not in proc.stderr and "\x1b" not in proc.stderr
    odd2 = tmp_path / "bad\nname.txt"
    odd2.write_bytes(png)
    with pytest.raises(BinaryContentError) as ei:
        read_path(odd2)
    assert "\n" not in str(ei.value) and "\r" not in str(ei.value)


def test_cli_missing_file_with_space_in_name_is_an_error(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "compare", "parse", "missing draft.docx"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 2 and "no such file" in proc.stderr


def test_fifo_and_devices_are_not_read(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)

    def hung(*_):
        raise AssertionError("reading a FIFO blocked: it was opened")

    old_handler = signal.signal(signal.SIGALRM, hung)
    signal.alarm(30)                        # a hang guard, not a speed figure: opening would block forever
    try:
        with pytest.raises(InputError, match="not a regular file"):
            read_path(fifo)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old_handler)


# --------------------------------------------------------------------------- legitimate but unusual inputs

WORDS = ("Member States cooperation trafficking persons victims protection report Secretary-General "
         "international assistance measures national legislation").split()


def _sentence(i: int, n: int = 25) -> str:
    return " ".join(WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(n))


def _timed_load(text: str, name: str = "x.txt"):
    """The document and the CPU seconds reading it took (of this process and its worker)."""
    with cpu_spent() as spent:
        doc = api.load(text.encode("utf-8"), name=name)
    return doc, spent.seconds


def test_empty_preamble():
    doc, s = _timed_load("The General Assembly,\n\n1. Urges Member States to act;\n\n2. Requests a report.\n")
    assert [p.id for p in doc.paragraphs] == ["OP1", "OP2"] and doc.preamble == [] and s < 5


def test_only_ops_no_opener():
    doc, _ = _timed_load("1. Urges Member States to act;\n\n2. Requests a report;\n\n3. Decides to remain seized.\n")
    assert [p.id for p in doc.paragraphs] == ["OP1", "OP2", "OP3"]


def test_language_other_than_the_six():
    de = ("Die Generalversammlung,\n\nunter Hinweis auf ihre Resolution 61/180 über die Verbesserung der "
          "Koordinierung der Maßnahmen,\n\n"
          "1. fordert die Mitgliedstaaten auf, zu handeln;\n\n2. ersucht den Generalsekretär um einen Bericht.\n")
    doc, _ = _timed_load(de)
    assert doc.meta.language is None
    assert [p.id for p in doc.paragraphs] == ["PP1", "OP1", "OP2"]
    assert doc.by_id("PP1").text.startswith("unter Hinweis")
    hi = "महासभा,\n\nअपने संकल्प 61/180 को याद करते हुए,\n\n1. सदस्य राज्यों से आग्रह करती है;\n"
    doc, _ = _timed_load(hi)
    assert doc.meta.language is None and doc.paragraphs


def test_short_pps_in_other_language_are_not_lost():
    de = ("Die Generalversammlung,\n\nunter Hinweis auf ihre Resolution 61/180,\n\n"
          "1. fordert die Mitgliedstaaten auf, zu handeln;\n\n2. ersucht den Generalsekretär um einen Bericht.\n")
    doc = api.load_text(de)
    assert any(p.text.startswith("unter Hinweis") for p in doc.paragraphs)


def test_numbers_with_separators_are_kept():
    doc = api.load_text("The General Assembly,\n\n1. Decides to allocate 1.5 million and 1,500 dollars;\n")
    assert doc.by_id("OP1").text == "Decides to allocate 1.5 million and 1,500 dollars;"


def test_two_thousand_paragraphs():
    # 1,500 PPs and 500 OPs
    text = "The General Assembly,\n\n" + "\n\n".join(f"Recalling {_sentence(i)}," for i in range(1500))
    text += "\n\n" + "\n\n".join(f"{i}. Urges {_sentence(i)};" for i in range(1, 501))
    doc, s = _timed_load(text)
    assert len(doc.preamble) == 1500 and len(doc.operative) == 500
    assert s < 10, s
    with cpu_spent() as spent:
        api.compare(doc, doc)
    assert spent.seconds < 20, spent


def test_paragraph_of_twenty_thousand_words():
    long = " ".join(WORDS[k % len(WORDS)] for k in range(20_000))
    doc, s = _timed_load(f"The General Assembly,\n\n1. Urges {long}.\n\n2. Requests a report.\n")
    assert [p.id for p in doc.paragraphs] == ["OP1", "OP2"]
    assert len(doc.by_id("OP1").text.split()) == 20_001 and s < 10
    other = api.load_text(f"The General Assembly,\n\n1. Urges {long.replace('report', 'study', 50)}.\n")
    with cpu_spent() as spent:
        api.compare(doc, other)
    assert spent.seconds < 20, spent


def test_docx_with_table_comments_and_tracked_changes():
    try:
        from support.fixtures_office import dele, ins, make_docx, p, r
    except ImportError:
        from tests.support.fixtures_office import dele, ins, make_docx, p, r
    comment = ('<w:commentRangeStart w:id="0"/>' + r("Urges") + '<w:commentRangeEnd w:id="0"/>'
               '<w:r><w:commentReference w:id="0"/></w:r>')
    table = ("<w:tbl><w:tr><w:tc>" + p(r("A/C.3/63/L.17")) + "</w:tc><w:tc>" + p(r("Distr.: Limited")) +
             "</w:tc></w:tr></w:tbl>")
    body = table + p(r("The General Assembly,")) + p(r("Recalling", italic=True) + r(" its resolution 61/180,"))
    body += p(comment + r(" Member States ") + ins("to act") + dele("to wait") + r(";"), num=(1, 0))
    data = make_docx(body)
    doc = api.load(data, name="unusual.docx")
    assert [p.id for p in doc.paragraphs] == ["PP1", "OP1"]
    assert doc.by_id("OP1").text == "Urges Member States to act;"
    assert any("tracked changes" in w for w in doc.warnings)
