"""The HTML reader keeps every word a browser shows: text between blocks, text in page
landmarks, and what it sets aside is listed in ``dropped``; a page too deep to parse whole is
an error, not a page cut short."""
from __future__ import annotations

import pytest

from compare.api import load
from compare.errors import InputError
from compare.readers.html import read_html

PAGE = """<html><body>
<header>Sixty-third session headerword</header>
<p>The General Assembly,</p>
<p>Recalling its resolution 61/180 of 20 December 2006,</p>
<div><p>1. Urges Member States to act;</p>2. Decides loosetail to remain seized of the matter;</div>
<table><tr><td>cellhead<p>cellpara</p>celltail</td></tr></table>
<span>spanloose</span> bodytail
<ol>olloose<li>listed item</li></ol>
<nav>navword</nav><noscript>noscriptword</noscript><script>var jscode = 1;</script>
<footer>footerword</footer>
</body></html>"""


def test_every_shown_word_is_in_a_paragraph_or_dropped():
    raw = read_html(PAGE, "page.html")
    blocks = " ".join(b.text for b in raw.blocks)
    dropped = " ".join(d.text for d in raw.dropped)
    for w in ("headerword", "loosetail", "cellhead", "cellpara", "celltail", "spanloose", "bodytail", "olloose",
              "footerword"):
        assert w in blocks, w
    assert "navword" in dropped and "noscriptword" in dropped
    assert "jscode" not in blocks + dropped          # code, not text
    # the loose text after a block is a paragraph of its own, with its number
    doc = load(PAGE.encode(), name="page.html")
    assert doc.by_id("OP2").text.startswith("Decides loosetail")
    assert doc.by_id("OP1").text == "Urges Member States to act;"


@pytest.mark.parametrize("depth", [300, 1000])
def test_a_page_nested_past_the_parser_limit_is_an_error_not_a_cut_page(depth):
    page = "<html><body><p>Recalling its resolution 61/180,</p>" + "<div>" * depth + "deepword" + \
        "</div>" * depth + "<p>1. Urges Member States to act;</p></body></html>"
    with pytest.raises(InputError) as err:
        load(page.encode(), name="deep.html")
    assert "nested too deeply" in str(err.value) and "deepword" not in str(err.value)
    ok = "<html><body>" + "<div>" * 200 + "<p>Recalling its resolution 61/180,</p>" + "</div>" * 200 + "</body></html>"
    assert "61/180" in load(ok.encode(), name="ok.html").paragraphs[0].text
