"""Legitimate but large inputs load in bounded time (generous bounds; figures are in bench/)."""
from __future__ import annotations

import time

from compare.api import compare, load_text


def test_two_thousand_numbered_paragraphs():
    text = "The General Assembly,\n\n" + "\n\n".join(
        f"{i}. Urges Member States to act on matter number {i} concerning trafficking in persons;" for i in range(1, 2001)
    )
    doc = load_text(text)
    assert [p.id for p in doc.paragraphs][-1] == "OP2000"
    assert len(doc.operative) == 2000


def test_paragraph_of_twenty_thousand_words_is_fast():
    words = " ".join(f"word{i % 700} resolution {i % 90} of States" for i in range(4000))
    t0 = time.perf_counter()
    doc = load_text(f"The General Assembly,\n\nRecalling {words},\n\n1. Decides to remain seized of the matter.")
    assert time.perf_counter() - t0 < 10  # was quadratic (75 s) before a bounded look-behind window
    assert [p.id for p in doc.paragraphs] == ["PP1", "OP1"]
    assert len(doc.by_id("PP1").text.split()) > 20000
    edited = load_text(f"The General Assembly,\n\nRecalling {words.replace('word5 ', 'term5 ')},\n\n1. Decides to remain seized of the matter.")
    cmp = compare(doc, edited)
    assert [p.status for p in cmp.pairs] == ["modified", "unchanged"]
