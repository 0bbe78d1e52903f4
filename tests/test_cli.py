"""The command line as users meet it: real processes, exit codes, one-line errors."""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "compare", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_parse_json_contract(samples):
    r = run("parse", str(samples / "draft-rev1-2008-11-10.fr.md"), "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["language"] == "fr"
    assert data["title"].startswith("Amélioration de la coordination")
    assert len(data["footnotes"]) == 8
    paras = data["paragraphs"]
    assert {"id", "kind", "number", "text"} <= set(paras[0])
    assert [p["id"] for p in paras if p["kind"] == "OP"] == [f"OP{i}" for i in range(1, 15)]
    assert paras[11] == {**paras[11], "id": "OP1", "kind": "OP", "number": "1"}


def test_parse_table(samples):
    r = run("parse", str(samples / "A-RES-61-180.en.md"))
    assert r.returncode == 0, r.stderr
    assert "A/RES/61/180" in r.stdout and "OP1" in r.stdout and "gap" in r.stdout


def _bad_inputs(tmp: Path) -> dict[str, tuple[Path, str]]:
    empty = tmp / "empty.md"
    empty.write_bytes(b"")
    binary = tmp / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    unsupported = tmp / "draft.rtf"
    unsupported.write_text("{\\rtf1 hello}")
    corrupt = tmp / "corrupt.docx"
    corrupt.write_bytes(b"PK\x03\x04 this is not really a zip file" * 10)
    notzip = tmp / "notzip.docx"
    notzip.write_text("plain text named docx")
    nodocxml = tmp / "nodoc.docx"
    with zipfile.ZipFile(nodocxml, "w") as z:
        z.writestr("hello.txt", "hi")
    return {
        "missing": (tmp / "missing.md", "no such file"),
        "empty": (empty, "empty"),
        "binary": (binary, "binary"),
        "unsupported": (unsupported, "unsupported file type"),
        "corrupt": (corrupt, "docx"),
        "notzip": (notzip, "docx"),
        "nodocxml": (nodocxml, "docx"),
    }


@pytest.mark.parametrize("case", ["missing", "empty", "binary", "unsupported", "corrupt", "notzip", "nodocxml"])
def test_bad_input_one_line_exit_2_file_untouched(tmp_path, case):
    path, word = _bad_inputs(tmp_path)[case]
    before = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None
    r = run("parse", str(path))
    assert r.returncode == 2
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert str(path) in lines[0] and word in lines[0].lower()
    assert "Traceback" not in r.stderr
    after = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None
    assert before == after


def test_diff_bad_second_file_names_it(tmp_path, samples):
    r = run("diff", str(samples / "draft-rev1-2008-11-10.fr.md"), str(tmp_path / "nope.docx"))
    assert r.returncode == 2 and "nope.docx" in r.stderr and "Traceback" not in r.stderr
