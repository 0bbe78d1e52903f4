"""The first page sends its comparison first (issues 12 and 15): Streamlit sends elements in the order
the script draws them and the browser draws what has arrived in one go, so the table goes out before
every widget — the sidebar's, the filters, the change navigation, the choice of versions — and the
session's first run pauses once after it (``ui/app.py``: ``let_the_table_draw``)."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("streamlit")
from streamlit.runtime.scriptrunner_utils import script_run_context  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "ui" / "app.py")
LINEAGE = "Lineage: 61/180 → 63/194 → 64/178 (English excerpts)"
WIDGETS = {"selectbox", "multiselect", "radio", "checkbox", "button", "text_input", "text_area", "file_uploader",
           "number_input"}
TABLE = ('<tr data-status="', "<table class=\"rc lineage\"")


def _sent(monkeypatch) -> list[str]:
    """The elements as the script sends them: their type, "table" for the comparison, "pause" for the pause."""
    sent: list[str] = []
    enqueue = script_run_context.ScriptRunContext.enqueue

    def spy(self, msg):
        if msg.HasField("delta") and msg.delta.HasField("new_element"):
            el = msg.delta.new_element
            kind = el.WhichOneof("type")
            sent.append("table" if kind == "html" and any(t in el.html.body for t in TABLE) else kind)
        return enqueue(self, msg)

    monkeypatch.setattr(script_run_context.ScriptRunContext, "enqueue", spy)
    import time

    sleep = time.sleep

    def pause(seconds):                     # the script's own sleeps (AppTest's thread polls with sleep too)
        if script_run_context.get_script_run_ctx(suppress_warning=True) is None:
            return sleep(seconds)
        sent.append("pause")
        return sleep(0)

    monkeypatch.setattr(time, "sleep", pause)
    return sent


def test_the_table_is_sent_before_every_widget_and_paused_after_once(monkeypatch):
    sent = _sent(monkeypatch)
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    assert "table" in sent
    first = sent.index("table")
    assert not WIDGETS & set(sent[:first]), sent[:first]
    assert sent[first + 1] == "pause" and sent.count("pause") == 1
    assert WIDGETS & set(sent[first:])                       # the widgets come after, in the same run
    sent.clear()
    at.toggle(key="changes_only").set_value(True).run()     # a filter change: no pause
    assert "table" in sent and "pause" not in sent


def test_the_compilation_table_is_sent_before_every_widget(monkeypatch):
    sent = _sent(monkeypatch)
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["example"] = LINEAGE
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    first = sent.index("table")
    assert not WIDGETS & set(sent[:first]), sent[:first]
    assert sent[first + 1] == "pause"
