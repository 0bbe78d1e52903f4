"""Facts with one home: the status vocabulary, "changes only", distinct labels."""
from __future__ import annotations

import json

from compare import api
from compare.export.jsonout import versions_dict
from compare.export.labels import STATUS_WORD, distinct_labels, is_change
from compare.export.table import version_labels
from compare.export.text import comparison_text
from compare.model import Lineage, Pair, PairStatus


def _cmp(samples):
    return api.compare(api.load(samples / "draft-rev1-2008-11-10.fr.md"),
                       api.load(samples / "draft-rev2-illustrative.fr.md"))


def test_status_is_one_enum_that_reads_as_its_value(samples):
    cmp = _cmp(samples)
    assert all(isinstance(p.status, PairStatus) for p in cmp.pairs)
    assert PairStatus.INSERTED == "inserted" and f"{PairStatus.MERGED}" == "merged"
    assert {"inserted": 1}[PairStatus.INSERTED] == 1
    data = json.loads(json.dumps(versions_dict([cmp.old, cmp.new], [cmp], None), ensure_ascii=False))
    assert {p["status"] for p in data["comparisons"][0]["pairs"]} <= {s.value for s in PairStatus}
    assert "matched" not in cmp.summary()                        # a same-language comparison has no matched
    assert sum(cmp.summary().get(s.value, 0) for s in PairStatus) == len(cmp.pairs)
    assert STATUS_WORD["inserted"] == PairStatus.INSERTED.word == "new"
    assert PairStatus.of_shape(0, 1, False) is PairStatus.INSERTED
    assert PairStatus.of_shape(2, 1, True) is PairStatus.MERGED and PairStatus.of_shape(1, 3, True) is PairStatus.SPLIT
    assert PairStatus.of_shape(1, 1, False) is PairStatus.UNCHANGED
    assert PairStatus.of_shape(1, 1, True, cross_language=True) is PairStatus.MATCHED


def test_changes_only_is_the_same_in_the_text_report_and_the_app(samples):
    from ui import render

    cmp = _cmp(samples)
    shown_app = render.filter_pairs(cmp, render.Filters(changes_only=True))
    text = comparison_text(cmp, changes_only=True)
    assert [p for p in cmp.pairs if is_change(p)] == shown_app
    listed = [line.strip() for line in text.splitlines()[2:] if line.startswith("  ") and not line.startswith("      ")]
    pairs_listed = [x for x in listed if not x.startswith(("not compared", "header:"))]
    assert len(pairs_listed) == len(shown_app)
    lead_only = Pair(["OP1"], ["OP1"], PairStatus.UNCHANGED, leading_change=("Encourages", "encourages"))
    assert is_change(lead_only) and not is_change(Pair(["OP1"], ["OP2"], PairStatus.UNCHANGED, renumbered=True))


def test_labels_made_distinct_once(samples):
    assert distinct_labels(["Rev.1", "Rev.1", "", "Rev.1"]) == ["Rev.1", "Rev.1 (2)", "v3", "Rev.1 (3)"]
    docs = [api.load(samples / "A-RES-61-180.en.md", label="x"), api.load(samples / "A-RES-63-194.en.md", label="x")]
    assert version_labels(Lineage(docs, [], [])) == ["x", "x (2)"]


def test_language_facts_come_from_one_table():
    from compare.export.html import dir_attr
    from compare.export.redline import OPENERS
    from compare.furniture import is_furniture
    from compare.language import LANGUAGES, RTL, UN_LANGUAGES, opener_language
    from compare.library import is_adopted
    from compare.model import Metadata

    assert UN_LANGUAGES == ("ar", "zh", "en", "fr", "ru", "es")
    for code, f in LANGUAGES.items():
        assert opener_language(f.opener) == code                 # what the redline prints, structure reads
        assert OPENERS[code] == f.opener
        assert (dir_attr(code) == ' dir="rtl"') == (code in RTL) == f.rtl
        assert is_adopted(Metadata(doc_type=f.resolution))
        assert not is_adopted(Metadata(doc_type=f"{f.draft} x", symbol="A/RES/1/1"))
        if f.recycle:
            assert is_furniture(f.recycle.capitalize())
        if f.plenary:
            assert is_furniture(f"68 {f.plenary}")
    # the header block's words are read from the same table
    from compare.structure import _DOC_TYPE, _ORGAN
    for f in LANGUAGES.values():
        for t in f.doc_types:
            assert _DOC_TYPE.match(f"Bélarus, Équateur: {t}").group("type").lower() == t.lower()
        for o in f.organs:
            assert _ORGAN.match(o)
