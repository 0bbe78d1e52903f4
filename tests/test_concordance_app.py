"""The app's cross-language path, driven with Streamlit's AppTest: the banner says
the versions are in different languages, the concordance table lists every link
the library makes, the rows carry both texts, and no Word redline is offered."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("streamlit")
from streamlit.testing.v1 import AppTest  # noqa: E402

from compare import api  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "ui" / "app.py")
SAMPLES = ROOT / "samples"
ACROSS = "Across languages: 61/180 (en) → Rev.1 (fr) → 63/194 (en)"
PARALLEL = "Parallel: 70/179 in English and Spanish (excerpts)"
ROW_RE = re.compile(r'<tr data-status="([^"]*)" data-old="([^"]*)" data-new="([^"]*)"')


def _run(example: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.selectbox(key="example").set_value(example).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_parallel_pair_shows_banner_concordance_and_both_texts():
    from compare.export.labels import cite_all

    at = _run(PARALLEL)
    banners = [i.value for i in at.info]
    assert any("70/179 es is Spanish and 70/179 en English: paragraphs are matched across languages" in b
               for b in banners)
    cmp = api.compare(api.load(SAMPLES / "A-RES-70-179.en.md"), api.load(SAMPLES / "A-RES-70-179.es.md"))
    conc = next(d.value for d in at.dataframe if "similarity" in d.value.columns)
    assert len(conc) == len(cmp.pairs)
    # ids as negotiators cite them ("PP?4 (a)"), as every view shows them
    assert list(conc.iloc[:, 0]) == [cite_all(p.old) or "—" for p in cmp.pairs]
    assert list(conc.iloc[:, 2]) == [cite_all(p.new) or "—" for p in cmp.pairs]
    # the English excerpt opens mid-sentence after its gap ("Especially Women and Children …"): no leading
    # word there; the Spanish one opens with its own "Recordando"
    assert conc.iloc[0, 1] == "" and conc.iloc[0, 3] == "Recordando"
    table = next(h.value for h in at.html if "data-status=" in h.value)
    assert [(o, n) for _, o, n in ROW_RE.findall(table)] == [(" ".join(p.old), " ".join(p.new)) for p in cmp.pairs]
    assert "Tomando nota de la aprobación" in table and "Taking note of the adoption" in table
    assert "<del>" not in table and "<ins>" not in table
    # no tracked changes across languages; the concordance table is there instead
    at.button(key="dl_prepare").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert not [b for b in at.sidebar.get("download_button") if b.label.startswith("⬇ Word redline")]
    assert any("not across languages" in c.value for c in at.sidebar.caption)


def test_lineage_mixing_languages_has_a_banner_per_cross_language_step():
    at = _run(ACROSS)
    assert at.selectbox(key="pick").value == "lineage"
    banners = [i.value for i in at.info]
    assert sum("paragraphs are matched across languages" in b for b in banners) == 2
    table = next(h.value for h in at.html if "rc lineage" in h.value)
    assert "(↔ 0." in table
    # then the pair 61/180 → Rev.1: OP1 of 2006 is the draft's OP3, not deleted
    at.selectbox(key="pick").set_value(
        "pair:example:A-RES-61-180.en.md|example:draft-rev1-2008-11-10.fr.md").run()
    assert not at.exception
    table = next(h.value for h in at.html if "data-status=" in h.value)
    # (61/180's copy stops inside its OP1: the pair says so, though across languages)
    assert ("matched renumbered cut-in-this-copy", "OP1", "OP3") in ROW_RE.findall(table)


def test_same_language_pair_can_show_its_paragraphs_beside_another_language():
    at = _run(ACROSS)
    at.selectbox(key="pick").set_value(
        "pair:example:A-RES-61-180.en.md|example:A-RES-63-194.en.md").run()
    assert not at.exception
    assert not [i for i in at.info if "across languages" in i.value]      # a same-language pair: no banner
    par = at.selectbox(key="parallel")
    assert par.options == ["—", "Rev.1 (fr)"]
    par.set_value(1).run()
    assert not at.exception
    cmp = api.compare(api.load(SAMPLES / "A-RES-63-194.en.md"), api.load(SAMPLES / "draft-rev1-2008-11-10.fr.md"))
    table = [h.value for h in at.html if "data-status=" in h.value][-1]
    assert [(o, n) for _, o, n in ROW_RE.findall(table)] == [(" ".join(p.old), " ".join(p.new)) for p in cmp.pairs]
    assert "Recognizing that broad international cooperation" in table and "Considérant qu" in table
