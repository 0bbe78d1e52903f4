"""Header comparison (compare.header): title, sponsors and header fields, in every view.

A delegation checks the title and the co-sponsors first: renaming the title and adding France must
not read "unchanged: 25" anywhere.
"""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from compare import api
from compare.cli import main
from compare.export.html import comparisons_html
from compare.export.jsonout import comparison_dict
from compare.export.text import comparison_text
from compare.header import compare_headers, sponsor_key
from compare.model import Metadata

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
REV1, REV2 = SAMPLES / "draft-rev1-2008-11-10.fr.md", SAMPLES / "draft-rev2-illustrative.fr.md"
RENAMED = "Renforcement de la coordination des efforts déployés pour lutter contre la traite des personnes"


@pytest.fixture(scope="module")
def renamed():
    """Rev.1 → Rev.2 with a new first word in the title and France added (the list also reordered)."""
    old, new = api.load(REV1), api.load(REV2)
    new = replace(new, meta=replace(new.meta, title=RENAMED, sponsors=list(reversed(new.meta.sponsors)) + ["France"]))
    return api.compare(old, new)


def test_title_sponsors_and_date_are_compared(renamed):
    h = renamed.header
    assert h.changed
    assert h.sponsors_added == ["France"] and h.sponsors_removed == []     # reordering is no change
    assert h.fields["date"] == ("2008-11-10", "2008-11-17")
    assert [(s.op, s.text) for s in h.title_diff][:2] == [("delete", "Amélioration"), ("insert", "Renforcement")]
    assert set(h.fields) == {"title", "date"}


def test_the_real_revision_changes_only_its_date():
    cmp = api.compare(api.load(REV1), api.load(REV2))
    assert cmp.header.fields == {"date": ("2008-11-10", "2008-11-17")}
    assert not cmp.header.sponsors_added and not cmp.header.sponsors_removed


def test_what_one_version_does_not_state_is_no_change():
    """An excerpt without a header, an adopted text without a sponsors line: nothing to compare."""
    cmp = api.compare(api.load(SAMPLES / "A-RES-61-180.en.md"), api.load(SAMPLES / "A-RES-63-194.en.md"))
    assert not cmp.header.changed
    draft = Metadata(sponsors=["Belarus"], doc_type="draft resolution", title="T", language="en")
    adopted = Metadata(sponsors=[], doc_type="resolution", title="T", language="en")
    h = compare_headers(draft, adopted)
    assert not h.sponsors_removed and h.fields == {"doc_type": ("draft resolution", "resolution")}


def test_sponsor_names_are_normalised():
    assert sponsor_key("the Russian  Federation*") == sponsor_key("Russian federation")
    assert sponsor_key("Équateur") == sponsor_key("Equateur")
    old = Metadata(sponsors=["Bélarus", "Équateur", "Fédération de Russie"], language="fr")
    new = Metadata(sponsors=["Fédération de Russie", "Equateur", "Bélarus", "France"], language="fr")
    h = compare_headers(old, new)
    assert h.sponsors_added == ["France"] and h.sponsors_removed == []
    h = compare_headers(new, old)
    assert h.sponsors_removed == ["France"]


def test_typographic_title_variant_is_not_a_title_change():
    old = Metadata(title="L'Assemblée", language="fr")
    new = Metadata(title="L’Assemblée", language="fr")
    h = compare_headers(old, new)
    assert "title" not in h.fields and all(s.minor for s in h.title_diff if s.op != "equal")


def test_across_languages_only_neutral_fields_count():
    en = Metadata(committee="Third Committee", date="2008-11-10", agenda_item="97", language="en",
                  sponsors=["Belarus"], title="Improving")
    fr = Metadata(committee="Troisième Commission", date="2008-11-17", agenda_item="97", language="fr",
                  sponsors=["Bélarus"], title="Amélioration")
    h = compare_headers(en, fr)
    assert h.fields == {"date": ("2008-11-10", "2008-11-17")} and not h.sponsors_added


def test_json_text_and_html_report_the_header(renamed):
    js = comparison_dict(renamed)["header"]
    assert js["sponsors"] == {"added": ["France"], "removed": []}
    assert js["title"]["old"].startswith("Amélioration") and js["title"]["new"] == RENAMED
    assert js["title"]["diff"][:2] == [["delete", "Amélioration"], ["insert", "Renforcement"]]
    assert js["date"] == {"old": "2008-11-10", "new": "2008-11-17"}
    text = comparison_text(renamed)
    assert "  header: title: [-Amélioration-]{+Renforcement+} de la coordination" in text
    assert "  header: sponsors added: France" in text
    page = comparisons_html([renamed])
    assert 'data-header="date title sponsors"' in page
    assert "<del>Amélioration</del><ins>Renforcement</ins>" in page and "sponsors added: France" in page
    # nothing changed in the header: an empty object, no strip
    same = api.compare(api.load(REV1), api.load(REV1))
    assert comparison_dict(same)["header"] == {} and "data-header" not in comparisons_html([same])


def test_cli_diff_json_has_the_header(capsys):
    assert main(["diff", str(REV1), str(REV2), "--format", "json"]) == 0
    js = json.loads(capsys.readouterr().out)
    assert js["comparisons"][0]["header"] == {"date": {"old": "2008-11-10", "new": "2008-11-17"}}


def test_unknown_numbers_are_never_renumbered_and_are_explained():
    cmp = api.compare(api.load(SAMPLES / "A-RES-61-180.en.md"), api.load(SAMPLES / "A-RES-63-194.en.md"))
    # 61/180 OP1 became 63/194's second preambular paragraph after a gap: its number there is unknown
    pair = next(p for p in cmp.pairs if p.old == ["OP1"])
    assert pair.new == ["PP?2"] and not pair.renumbered
    assert not any(p.renumbered for p in cmp.pairs if any("?" in i for i in p.old + p.new))
    page = comparisons_html([cmp])
    assert 'data-legend="unknown-number"' in page and "PP?n" in page
    assert "note: PP?n: the n-th preambular paragraph after a gap" in comparison_text(cmp)
    assert "data-legend" not in comparisons_html([api.compare(api.load(REV1), api.load(REV2))])


def test_a_hyphen_in_the_session_is_no_header_change():
    """Review of issue #12: the 2006 draft → 61/180 listed "session: “Sixty first session” →
    “Sixty-first session”" beside the real changes (symbol, date, document type)."""
    draft, res = (api.load(SAMPLES / n) for n in ("draft-2006-belarus.en.md", "A-RES-61-180.en.md"))
    assert draft.meta.session == "Sixty first session" and res.meta.session == "Sixty-first session"
    fields = api.compare(draft, res).header.fields
    assert "session" not in fields
    assert {"symbol", "date", "doc_type"} <= set(fields)
    other = replace(res, meta=replace(res.meta, session="Sixty-second session"))
    assert api.compare(draft, other).header.fields["session"] == ("Sixty first session", "Sixty-second session")


def test_sponsor_names_holding_and_are_one_sponsor():
    """"Trinidad and Tobago" and "United Kingdom of Great Britain and Northern Ireland" joining the
    2006 draft are two sponsors added, not six ("Trinidad", "Tobago", …), in English, French (the
    Rev.1 sponsors line) and Spanish."""
    en = SAMPLES / "draft-2006-belarus.en.md"
    text = en.read_text(encoding="utf-8")
    more = text.replace("[Belarus]: draft resolution", "[Belarus, Bosnia and Herzegovina, Trinidad and Tobago and "
                                                          "United Kingdom of Great Britain and Northern Ireland]: draft resolution")
    assert more != text
    old, new = api.load_text(text, name="a"), api.load_text(more, name="b")
    assert new.meta.sponsors == ["Belarus", "Bosnia and Herzegovina", "Trinidad and Tobago",
                                 "United Kingdom of Great Britain and Northern Ireland"]
    assert api.compare(old, new).header.sponsors_added == ["Bosnia and Herzegovina", "Trinidad and Tobago",
                                                          "United Kingdom of Great Britain and Northern Ireland"]
    fr = REV1.read_text(encoding="utf-8").replace(
        "Philippines et Tadjikistan :", "Philippines, Royaume-Uni de Grande-Bretagne et d'Irlande du Nord, "
                                        "Tadjikistan et Trinité-et-Tobago :")
    sponsors = api.load_text(fr, name="fr").meta.sponsors
    assert sponsors[-4:] == ["Philippines", "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord", "Tadjikistan",
                             "Trinité-et-Tobago"]
    es = api.load_text("Belarús, Trinidad y Tabago y San Vicente y las Granadinas: proyecto de resolución\n\n"
                       "La Asamblea General,\n\nRecordando sus resoluciones anteriores,\n\n1. Decide seguir "
                       "examinando la cuestión.\n", name="es")
    assert es.meta.sponsors == ["Belarús", "Trinidad y Tabago", "San Vicente y las Granadinas"]
