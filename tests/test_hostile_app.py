"""Issue 16 through the app (Streamlit's AppTest): a hostile upload beside the samples
leaves the sample comparison and the downloads working; a failing download shows its
own message and the others stay.  The downloads are written when asked for ("Prepare the
downloads"): the same guarantees hold once they are."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("streamlit")
from streamlit.testing.v1 import AppTest  # noqa: E402

try:
    from hostile import make_hostile as mh
except ImportError:  # tests/ imported as a package
    from tests.hostile import make_hostile as mh

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "ui" / "app.py")
TIMEOUT = 90


def _start() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    return at


def _buttons(at: AppTest) -> set[str]:
    """The download buttons once the downloads are asked for (the files are written only then)."""
    if "dl_prepare" in {b.key for b in at.button}:
        at.button(key="dl_prepare").click().run()
        assert not at.exception, [e.value for e in at.exception]
    return {b.key for b in at.get("download_button")}


@pytest.mark.parametrize("maker", ["make_astral_pdf", "make_control_pdf", "make_control_chars_txt"])
def test_upload_with_unwritable_characters_keeps_every_download(tmp_path, maker):
    path = getattr(mh, maker)(tmp_path)
    at = _start()
    at.file_uploader(key="uploads").set_value((path.name, path.read_bytes(), "application/octet-stream")).run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    labels = [t for t in at.text_input if t.key and t.key.startswith("label:")]
    labels[-1].set_value("Rev\x01 3\x0b").run()            # a label with control codes (xlsx refuses them)
    assert not at.exception, [e.value for e in at.exception]
    assert {"dl_redline", "dl_table_docx", "dl_table_xlsx", "dl_table_csv", "dl_json"} <= _buttons(at)


def test_hostile_upload_beside_the_samples_shows_one_message(tmp_path):
    bomb = mh.make_numbers_only_txt(tmp_path)
    at = _start()
    at.file_uploader(key="uploads").set_value((bomb.name, bomb.read_bytes(), "text/plain")).run()
    assert not at.exception, [e.value for e in at.exception]
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and bomb.name in errors[0] and "paragraphs" in errors[0]
    assert "dl_json" in _buttons(at)                        # the samples still compare


def test_one_failing_download_leaves_the_others(monkeypatch):
    from compare.export import table

    real = table.table_bytes

    def broken(lineage, fmt):
        if fmt == "xlsx":
            raise ValueError("boom")
        return real(lineage, fmt)

    monkeypatch.setattr(table, "table_bytes", broken)
    import streamlit as st

    st.cache_data.clear()           # the tables of earlier runs are cached
    at = _start()
    assert not at.exception, [e.value for e in at.exception]
    buttons = _buttons(at)
    assert "dl_table_xlsx" not in buttons
    assert {"dl_redline", "dl_table_docx", "dl_table_csv", "dl_json"} <= buttons
    assert any("Compilation table (.xlsx) could not be written" in c.value for c in at.caption)
    assert any("data-status=" in h.value for h in at.html)             # the comparison stays on the page
    st.cache_data.clear()
