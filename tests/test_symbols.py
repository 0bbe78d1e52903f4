"""UN document symbols are read in one place (compare.symbols), the same way everywhere."""
from __future__ import annotations

from compare import symbols
from compare.api import short_label
from compare.furniture import is_furniture
from compare.library import is_adopted, session_of
from compare.model import Metadata


def test_symbols_found_sessions_and_short_labels():
    assert symbols.find_symbol("Distr.: Limited A/C.3/63/L.17/Rev.1 10 November 2008") == "A/C.3/63/L.17/Rev.1"
    assert symbols.find_symbol("E/CN.6/2006/L.4") == "E/CN.6/2006/L.4"
    assert symbols.find_symbol("and/or") is None
    assert symbols.session("A/RES/61/180") == 61 and symbols.session("A/C.3/63/L.17") == 63
    assert symbols.session("E/CN.6/2006/L.4") is None
    assert symbols.session_from_label("A-RES-63-194.en") == 63
    assert symbols.is_resolution("A/RES/61/180") and not symbols.is_resolution("A/C.3/63/L.17")
    assert symbols.resolution_symbol("63/194") == "A/RES/63/194"
    assert short_label("A/RES/61/180", "x") == "61/180"
    assert short_label("A/C.3/63/L.17/Rev.1", "x") == "L.17/Rev.1"
    assert short_label(None, "x") == "x"


def test_every_reader_of_symbols_agrees():
    # page furniture, the library's sessions and adoption all go through the same symbol rules
    assert is_furniture("A/C.3/63/L.17/Rev.1") and is_furniture("3 A/RES/63/194")
    assert session_of(Metadata(symbol="A/RES/61/180")) == symbols.session("A/RES/61/180")
    assert is_adopted(Metadata(symbol="A/RES/61/180")) and not is_adopted(Metadata(symbol="A/C.3/63/L.17"))
    assert is_adopted(Metadata(), "A-RES-61-180.en") and not is_adopted(Metadata(), "draft-rev1")
