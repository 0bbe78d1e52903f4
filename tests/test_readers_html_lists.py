"""An HTML ordered list keeps the numbers a browser shows (``start``, ``value``, ``reversed``,
``type``), written the way the structure step reads labels: a resolution copied from a web page
keeps its paragraph numbers and (a)/(b) sub-paragraphs instead of "1.", "2." everywhere."""
from __future__ import annotations

import pytest

from compare.api import load
from compare.readers.html import read_html


def _labels(html: str) -> list[tuple[str | None, str]]:
    return [(b.label, b.text) for b in read_html(html, "page.html").blocks]


@pytest.mark.parametrize("ol, labels", [
    ('<ol type="a">', ["(a)", "(b)", "(c)"]),
    ('<ol type="i">', ["(i)", "(ii)", "(iii)"]),
    ('<ol type="A">', ["A.", "B.", "C."]),
    ('<ol type="I">', ["I.", "II.", "III."]),
    ('<ol start="3">', ["3.", "4.", "5."]),
    ('<ol type="a" start="25">', ["(y)", "(z)", "(aa)"]),
    ('<ol reversed>', ["3.", "2.", "1."]),
    ('<ol reversed start="10" type="i">', ["(x)", "(ix)", "(viii)"]),
    ('<ol start="0" type="a">', ["0.", "(a)", "(b)"]),       # a browser counts zero in digits
])
def test_list_numbers_as_a_browser_counts_them(ol, labels):
    html = f"{ol}<li>one</li><li>two</li><li>three</li></ol>"
    assert [label for label, _ in _labels(html)] == labels


def test_an_item_value_restarts_the_count_and_an_item_type_overrides_the_list():
    html = '<ol><li>one</li><li value="7">seven</li><li>eight</li><li type="a">ninth as a letter</li></ol>'
    assert _labels(html) == [("1.", "one"), ("7.", "seven"), ("8.", "eight"), ("(i)", "ninth as a letter")]


def test_a_resolution_pasted_from_a_web_page_keeps_its_numbers():
    page = """<html><body><p>The General Assembly,</p><p><i>Recalling</i> its resolution 61/180,</p>
    <ol start="3"><li>Urges Member States to act;</li>
    <li>Requests the Secretary-General:<ol type="a"><li>To report;</li><li value="4">To consult;</li></ol></li>
    <li value="9">Decides to remain seized of the matter.</li></ol></body></html>"""
    doc = load(page.encode(), name="page.html")
    assert [p.id for p in doc.operative] == ["OP3", "OP4", "OP4(a)", "OP4(d)", "OP9"]
    assert not any("appears twice" in w for w in doc.warnings)
