"""The sixth, held-out revision generator (tests/support/delegations.py: bis/ter paragraphs, brackets,
block moves, PDF noise, grafts, heavy renumbering, trimmed preambles, typos): its truth is consistent
and believable, its classes happen, and the same seed gives the same revisions.  No score of the
aligner is asserted here (the generator's use is to show where the aligner fails)."""
from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from support import consultations, delegations  # noqa: E402
from support.delegations import CLASSES, generate_class_pairs, generate_pairs, make_class_case  # noqa: E402
from support.generator_checks import check_class_cases, check_every_sample_is_a_base, check_deterministic, check_varied  # noqa: E402


def _case(cls: str, i: int = 0):
    old, new, truth = make_class_case(cls, random.Random(f"test-delegations:{cls}:{i}"))
    return {p.id: p.text for p in old.paragraphs}, {p.id: p.text for p in new.paragraphs}, truth


@pytest.mark.parametrize("cls", CLASSES)
def test_class_cases_hold_their_class_with_consistent_truth(cls):
    check_class_cases(make_class_case, cls, 4, 3)


def test_every_sample_is_a_base_in_its_language():
    check_every_sample_is_a_base(generate_class_pairs, "block_moved")


def test_revisions_hold_every_kind_of_change():
    pairs = generate_pairs(10, 5) + [c[1:] for c in generate_class_pairs(2, 5, ["preamble_trim", "block_moved", "pdf_noise"])]
    check_varied(pairs)


def test_generation_is_deterministic():
    check_deterministic(generate_class_pairs, ["mixed", "pdf_noise", "bracketed"])


def test_bis_paragraph_of_the_old_version_is_renumbered_and_edited():
    """The old "OP5 bis" is cited by that id, pairs with the new OP6 (or later) and was edited; the new bis/ter
    paragraphs are inserted (new text) and everything after them renumbered."""
    for i in range(3):
        old, new, truth = _case("bis_ter", i)
        bis = [t for t in truth if any(o.endswith("bis") for o in t.old)]
        assert len(bis) == 1 and bis[0].kind == "modified" and bis[0].renumbered
        k = int(bis[0].old[0][2:-3])
        assert len(bis[0].new) == 1 and int(bis[0].new[0][2:]) >= k + 1     # (more if bis/ter came before)
        assert sum(t.kind == "inserted" and t.tag == "bis_ter" for t in truth) >= 2
        assert not any(n.endswith(("bis", "ter")) for n in new)


def test_brackets_are_settled_in_the_new_version():
    """Brackets and "alt" paragraphs only in the old version; each settled paragraph pairs with its
    bracketed source; a dropped alternative is deleted."""
    for i in range(3):
        old, new, truth = _case("bracketed", i)
        assert any("[" in t for t in old.values()) and any(o.endswith("alt") for o in old)
        assert not any("[" in t or "]" in t for t in new.values())
        for t in truth:
            if t.kind == "modified" and "[" in old[t.old[0]]:
                assert t.new and consultations.dice(old[t.old[0]], new[t.new[0]]) > 0.6
    assert delegations.settle("[Urges][Calls upon] States to act[, as appropriate]", random.Random(2)) in {
        "Urges States to act", "Calls upon States to act", "Urges States to act, as appropriate",
        "Calls upon States to act, as appropriate"}


def test_pdf_noise_leaves_every_paragraph_with_its_source():
    """Artefacts of a PDF reading (ligatures, soft hyphens, broken words, headers) in the new text, and
    every old paragraph still paired: nothing deleted or inserted."""
    artefacts = Counter()
    for i in range(4):
        old, new, truth = _case("pdf_noise", i)
        assert not any(t.kind in ("deleted", "inserted") for t in truth)
        text = " ".join(new.values())
        artefacts.update(k for k, chars in {"ligature": "ﬁﬂﬀﬃﬄ", "soft hyphen": "\u00ad", "nbsp": "\u00a0"}.items()
                         if any(c in text for c in chars))
        artefacts["header or note"] += any(" Page " in t or " Página " in t or "55/25, an" in t for t in new.values())
    assert set(artefacts) == {"ligature", "soft hyphen", "nbsp", "header or note"}


def test_graft_keeps_the_head_and_imports_the_tail():
    """A grafted paragraph keeps its leading words and first clauses and takes words the old text never
    had; the wholesale replacement is a deletion and an insertion under another leading word."""
    for i in range(3):
        old, new, truth = _case("graft", i)
        grafted = [t for t in truth if t.tag == "graft" and t.kind == "modified"]
        assert grafted
        for t in grafted:
            o, n = old[t.old[0]], new[t.new[0]]
            head = o.split(", ")[0]
            assert n.startswith(head) and consultations.contained(n, " ".join(old.values())) < 0.95
        assert any(t.tag == "graft" and t.kind == "deleted" for t in truth)
        assert any(t.tag == "graft" and t.kind == "inserted" for t in truth)


def test_preamble_trim_merges_condensed_sources():
    for i in range(3):
        old, new, truth = _case("preamble_trim", i)
        merged = [t for t in truth if t.kind == "merged"]
        assert len(merged) == 2 and all(len(t.old) == 2 for t in merged)
        for t in merged:
            text = new[t.new[0]]
            assert len(text.split()) < sum(len(old[o].split()) for o in t.old) * 0.75
        assert sum(t.kind == "deleted" for t in truth) >= 2


def test_renumber_heavy_inserts_at_the_top_of_the_operative_part():
    old, new, truth = _case("renumber_heavy")
    inserted = {n for t in truth if t.kind == "inserted" for n in t.new}
    assert {"OP1", "OP2", "OP3"} <= inserted
    assert sum(t.kind == "deleted" and t.old[0].startswith("PP") for t in truth) >= 2


def test_typos_are_character_level():
    """Most paragraphs changed by a few characters only (besides the one far move)."""
    old, new, truth = _case("typos")
    small = [t for t in truth if t.kind == "modified" and not t.moved
             and consultations.changed(old[t.old[0]], new[t.new[0]]) <= 0.1]
    assert len(small) >= len(old) // 2
    assert any(t.moved and t.edited for t in truth)


def test_truth_stays_believable():
    """An edited paragraph shares clearly more of its content words with its own old text than with
    any other (PDF noise aside: it is laid on after this check, and changes no word a reader goes by)."""
    for cls, old, new, truth in generate_class_pairs(2, 9, [c for c in CLASSES if c not in ("pdf_noise", "mixed")]):
        ot = {p.id: p.text for p in old.paragraphs}
        nt = {p.id: p.text for p in new.paragraphs}
        for t in truth:
            consultations.assert_readable(cls, ot, nt, t)
