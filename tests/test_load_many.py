"""Several versions read side by side (api.load_many) give what loading them one by one gives:
the same documents, in order, and on bad input the same one-line error for the first bad file."""
from __future__ import annotations

from pathlib import Path

import pytest

from compare import api
from compare.errors import InputError
from compare.export.jsonout import document_dict

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
FILES = [SAMPLES / "draft-rev1-2008-11-10.fr.pdf", SAMPLES / "draft-rev1-2008-11-10.fr.docx",
         SAMPLES / "draft-rev2-illustrative.fr.md", SAMPLES / "A-RES-63-194.en.md"]


@pytest.fixture
def all_in_workers(monkeypatch):
    """Every file goes to a worker process, as a file over the in-process size would."""
    monkeypatch.setattr(api, "IN_PROCESS_BYTES", 0)


def test_side_by_side_reading_gives_the_same_documents_in_order(all_in_workers):
    labels = ["Rev.1 pdf", None, "Rev.2", "63/194"]
    together = api.load_many(FILES, labels=labels)
    alone = [api.load(f, label=lab) for f, lab in zip(FILES, labels)]
    assert [d.label for d in together] == [d.label for d in alone]
    assert [document_dict(d) for d in together] == [document_dict(d) for d in alone]
    assert together[0].label == "Rev.1 pdf" and together[3].label == "63/194"


def test_the_first_bad_file_is_the_one_reported(all_in_workers, tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 this is not a zip archive")
    missing = tmp_path / "missing.md"
    with pytest.raises(InputError) as first:
        api.load_many([FILES[2], broken, missing, FILES[0]])
    assert "broken.docx" in str(first.value)
    with pytest.raises(InputError) as alone:
        api.load(broken)
    assert str(first.value) == str(alone.value)


def test_bytes_and_names_are_read_like_load(all_in_workers):
    data = FILES[1].read_bytes()
    [doc] = api.load_many([data], names=["upload.docx"], labels=["L.17/Rev.1"])
    assert doc.label == "L.17/Rev.1"
    assert document_dict(doc) == document_dict(api.load(data, name="upload.docx", label="L.17/Rev.1"))
