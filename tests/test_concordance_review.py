"""Cross-language alignment on the real samples, after a negotiator's review (issue #13): no split
or merge invented across languages or beyond an excerpt's cut, an updated citation does not turn an
edited paragraph into "deleted + new", and no move is claimed from a pair too weak to be sure of."""
from __future__ import annotations

from pathlib import Path

import pytest

from compare.api import compare, load
from compare.concordance import EQUIVALENT_MIN
from compare.model import PairStatus

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _doc(name: str):
    return load(SAMPLES / name)


def _by_old(cmp) -> dict:
    return {o: p for p in cmp.pairs for o in p.old}


def _by_new(cmp) -> dict:
    return {n: p for p in cmp.pairs for n in p.new}


def _links(cmp) -> set[tuple[str, str]]:
    return {(o, n) for p in cmp.pairs for o in p.old for n in p.new}


def _accounted_once(cmp) -> None:
    """Every paragraph of both versions in exactly one pair or listed as not compared."""
    for side, doc in (("old", cmp.old), ("new", cmp.new)):
        seen = [i for p in cmp.pairs for i in getattr(p, side)] + list(cmp.out_of_scope[side])
        assert sorted(seen) == sorted(p.id for p in doc.paragraphs)


def _weak_pairs_are_flagged(cmp) -> None:
    """A link weaker than a translation is shown "uncertain"."""
    for p in cmp.pairs:
        if p.old and p.new:
            assert p.uncertain == (p.similarity < EQUIVALENT_MIN)


@pytest.fixture(scope="module")
def rev1():
    return _doc("draft-rev1-2008-11-10.fr.md")


@pytest.fixture(scope="module")
def r61_to_rev1(rev1):
    return compare(_doc("A-RES-61-180.en.md"), rev1)


def test_an_updated_ecosoc_citation_keeps_the_paragraph_paired(r61_to_rev1):
    """61/180 PP2 and Rev.1 PP2 both recall an ECOSOC resolution and the Council's earlier ones; only the
    resolution changed (2006/27 → 2008/33).  An edited paragraph, not "deleted" and "new"."""
    cmp = r61_to_rev1
    _accounted_once(cmp)
    pp2 = _by_old(cmp)["PP2"]
    assert pp2.new == ["PP2"] and pp2.status == PairStatus.MATCHED
    assert pp2.leading_words == ("Recalling also", "Rappelant également")
    assert not [p for p in cmp.pairs if "PP2" in p.new and not p.old]
