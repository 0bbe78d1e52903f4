"""Property-based tests (hypothesis) over random and mutated inputs.

Readers: random bytes and mutations of the real samples (.md, .txt, .html, .docx —
at the zip level and inside its XML —, .pdf) either load or raise the documented
:class:`~compare.errors.InputError` family; nothing else escapes, and no single
example costs much CPU (tests/support/cpu.py: never wall time, which a busy CI
machine stretches).  Aligner and diff, end to end: documents built from random
paragraph lists, compared with random options — every paragraph of each version
is in exactly one pair (or, in fragment mode, listed out of scope), and each pair's
diff rebuilds the old text from equal+delete and the new from equal+insert (groups
of several paragraphs joined by "\\n").

Example counts are set per test (``EX``): 1,500 random byte strings, 600 mutated
.md/.txt/.html, 400 zip-level and 200 XML-level .docx mutations, 80 .pdf
mutations, 1,000 random texts, 1,000 emphasis/comment strings, 400 + 200
comparisons — about 5,300 examples, ~30-45 s on the shared 2-core machine.
Set HYPOTHESIS_SCALE=5 to run five times as many.
"""
from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings, strategies as st

from compare import api
from compare.errors import InputError
from compare.diff import text_with_markers
from compare.model import CompareOptions, Document
from compare.readers.safety import Limits
from compare.readers.text import _strip_comments, _strip_emphasis_once

try:
    from support.cpu import cpu_spent
except ImportError:  # tests/ imported as a package
    from tests.support.cpu import cpu_spent

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
MD = (SAMPLES / "draft-rev1-2008-11-10.fr.md").read_bytes()
TXT = (SAMPLES / "A-RES-61-180.en.md").read_bytes()
DOCX = (SAMPLES / "draft-rev1-2008-11-10.fr.docx").read_bytes()
PDF = (SAMPLES / "draft-rev1-2008-11-10.fr.pdf").read_bytes()
HTML = (
    "<!doctype html><html><head><title>x</title></head><body>"
    + "".join(f"<p>{para}</p>" for para in MD.decode("utf-8").split("\n\n")[:40])
    + "<ol><li><em>Urges</em> Member States<sup>1</sup>;</li><li>Requests a report.</li></ol></body></html>"
).encode("utf-8")

SCALE = float(os.environ.get("HYPOTHESIS_SCALE", "1"))
PER_EXAMPLE_S = 10.0          # no single read may cost more CPU seconds (generous: shared 2-core machine)
LIMITS = Limits(max_seconds=PER_EXAMPLE_S)   # the product's own (wall-clock) stop for a stalled read


def EX(n: int) -> settings:
    return settings(max_examples=max(1, int(n * SCALE)), deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])


# --------------------------------------------------------------------------- mutations

@st.composite
def mutated(draw, data: bytes, max_ops: int = 6) -> bytes:
    """Apply a few random edits: flip/overwrite bytes, cut, insert junk, delete or
    duplicate a range."""
    buf = bytearray(data)
    for _ in range(draw(st.integers(1, max_ops))):
        if not buf:
            break
        op = draw(st.sampled_from(["flip", "overwrite", "truncate", "insert", "delete", "duplicate"]))
        pos = draw(st.integers(0, len(buf) - 1))
        if op == "flip":
            buf[pos] ^= 1 << draw(st.integers(0, 7))
        elif op == "overwrite":
            chunk = draw(st.binary(min_size=1, max_size=16))
            buf[pos:pos + len(chunk)] = chunk
        elif op == "truncate":
            del buf[pos:]
        elif op == "insert":
            buf[pos:pos] = draw(st.binary(min_size=1, max_size=64))
        elif op == "delete":
            del buf[pos:pos + draw(st.integers(1, 256))]
        else:
            n = draw(st.integers(1, 256))
            buf[pos:pos] = buf[pos:pos + n]
    return bytes(buf)


XML_TOKENS = ["<w:p>", "</w:p>", "<w:r>", "</w:r>", "<w:t>", "</w:t>", "<w:tbl>", "<w:ins>", "</w:del>",
              "&amp;", "&lt;", "&#0;", "&#xFFFF;", "&bogus;", "<!DOCTYPE x [<!ENTITY a 'b'>]>", "<![CDATA[x]]>",
              '<w:numPr><w:ilvl w:val="99"/><w:numId w:val="1"/></w:numPr>', '<w:start w:val="999999999"/>',
              '<w:footnoteReference w:id="-5"/>', '<w:fldChar w:fldCharType="begin"/>', "\x00", "é", "😀", "1. "]


@st.composite
def mutated_docx(draw) -> bytes:
    """The sample .docx with its XML parts edited as text (well- or ill-formed)."""
    src = zipfile.ZipFile(io.BytesIO(DOCX))
    targets = ["word/document.xml", "word/numbering.xml", "word/footnotes.xml", "word/styles.xml",
               "word/_rels/document.xml.rels", "[Content_Types].xml"]
    name = draw(st.sampled_from(targets))
    xml = src.read(name).decode("utf-8")
    for _ in range(draw(st.integers(1, 5))):
        pos = draw(st.integers(0, len(xml)))
        if draw(st.booleans()):
            xml = xml[:pos] + draw(st.sampled_from(XML_TOKENS)) + xml[pos:]
        else:
            xml = xml[:pos] + xml[pos + draw(st.integers(1, 200)):]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for n in src.namelist():
            dst.writestr(n, xml.encode("utf-8", "surrogatepass") if n == name else src.read(n))
    return out.getvalue()


def _load_or_input_error(data: bytes, name: str) -> Document | None:
    """api.load on the bytes: a Document or an InputError, at a bounded CPU cost (of this
    process and its reading worker); anything else fails."""
    with cpu_spent() as spent:
        try:
            doc = api.load(data, name=name, limits=LIMITS)
        except InputError as exc:
            msg = str(exc)
            assert msg.startswith(f"{name}: ") and "\n" not in msg and "\r" not in msg, msg
            doc = None
    assert spent.seconds < PER_EXAMPLE_S + 5, spent
    return doc


# --------------------------------------------------------------------------- readers

@EX(1500)
@given(st.sampled_from([b"", b"%PDF-1.4\n", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe", b"<html>"]),
       st.binary(max_size=4096), st.sampled_from([".md", ".txt", ".html", ".docx", ".pdf"]))
def test_random_bytes_load_or_input_error(prefix, data, ext):
    _load_or_input_error(prefix + data, "random" + ext)


@EX(600)
@given(st.data(), st.sampled_from([(MD, ".md"), (TXT, ".txt"), (HTML, ".html")]))
def test_mutated_text_samples(data, sample):
    raw, ext = sample
    _load_or_input_error(data.draw(mutated(raw)), "mutated" + ext)


@EX(400)
@given(mutated(DOCX))
def test_mutated_docx_bytes(data):
    _load_or_input_error(data, "mutated.docx")


@EX(200)
@given(mutated_docx())
def test_mutated_docx_xml(data):
    _load_or_input_error(data, "mutated-xml.docx")


@EX(80)
@given(mutated(PDF, max_ops=4))
def test_mutated_pdf(data):
    _load_or_input_error(data, "mutated.pdf")


@EX(1000)
@given(st.text(max_size=3000))
def test_random_text(text):
    try:
        api.load_text(text)
    except InputError:
        pass
    _load_or_input_error(text.encode("utf-8", "surrogatepass"), "random.md")


@EX(1000)
@given(st.lists(st.sampled_from(list("*a b\n\t") + ["**", "***", "\\*", "<!--", "-->", "é"]), max_size=25).map("".join))
def test_linear_emphasis_and_comment_stripping_match_the_regexes(s):
    """text.py replaced two backtracking regexes by linear scans: same results."""
    assert _strip_emphasis_once(s) == re.sub(r"(\*{1,3})(?=\S)(.+?)(?<=\S)\1", r"\2", s, flags=re.DOTALL)
    assert _strip_comments(s) == re.sub(r"<!--.*?-->", "", s, flags=re.DOTALL)
    removed: list[str] = []
    assert _strip_comments(s, removed) == re.sub(r"<!--.*?-->", "", s, flags=re.DOTALL)
    # every word a comment held is handed back (for dropped), none invented
    assert removed == [" ".join(c.split()) for c in re.findall(r"<!--(.*?)-->", s, flags=re.DOTALL) if c.strip()]


# --------------------------------------------------------------------------- aligner and diff, end to end

WORDS = ["Member", "States", "the", "General", "Assembly", "report", "Secretary-General", "cooperation",
         "trafficking", "persons", "victims", "États", "Membres", "l’Assemblée", "don't", "1.5", "2008",
         "Urges", "Requests", "Recalling", "Welcoming", "also", "and", ",", ";", "«", "»", "(a)", "международного",
         "الدول", "会员国", "协调", "x"]
LEADS_PP = ["Recalling", "Welcoming", "Noting", "Reaffirming", "Bearing in mind"]
LEADS_OP = ["Urges", "Requests", "Decides", "Invites", "Calls upon", "Encourages"]


@st.composite
def paragraph(draw, kind: str) -> tuple[str, str]:
    lead = draw(st.sampled_from(LEADS_PP if kind == "PP" else LEADS_OP))
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30))
    return kind, f"{lead} {' '.join(words)}"


@st.composite
def paragraph_lists(draw) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """An old version (PPs then OPs) and a new one derived from it by random edits
    (delete, insert, modify words, move, split, merge)."""
    old = draw(st.lists(paragraph("PP"), max_size=8)) + draw(st.lists(paragraph("OP"), min_size=1, max_size=12))
    new = list(old)
    for _ in range(draw(st.integers(0, 8))):
        op = draw(st.sampled_from(["delete", "insert", "modify", "move", "split", "merge"]))
        if not new:
            new.append(draw(paragraph("OP")))
            continue
        i = draw(st.integers(0, len(new) - 1))
        kind, text = new[i]
        if op == "delete" and len(new) > 1:
            del new[i]
        elif op == "insert":
            new.insert(i, draw(paragraph(kind)))
        elif op == "modify":
            words = text.split(" ")
            j = draw(st.integers(0, len(words) - 1))
            words[j] = draw(st.sampled_from(WORDS))
            new[i] = (kind, " ".join(words))
        elif op == "move":
            item = new.pop(i)
            new.insert(draw(st.integers(0, len(new))), item)
        elif op == "split":
            words = text.split(" ")
            if len(words) > 3:
                cut = draw(st.integers(2, len(words) - 1))
                new[i:i + 1] = [(kind, " ".join(words[:cut])), (kind, " ".join(words[cut:]))]
        elif op == "merge" and i + 1 < len(new):
            new[i:i + 2] = [(kind, text + " " + new[i + 1][1])]
    # PPs stay before OPs in a resolution
    new = [p for p in new if p[0] == "PP"] + [p for p in new if p[0] == "OP"]
    return old, new


def to_text(paras: list[tuple[str, str]]) -> str:
    out = ["The General Assembly,"]
    n = 0
    for kind, text in paras:
        if kind == "PP":
            out.append(text + ",")
        else:
            n += 1
            out.append(f"{n}. {text};")
    return "\n\n".join(out) + "\n"


options_st = st.builds(CompareOptions, ignore_case=st.booleans(), ignore_punctuation=st.booleans(),
                       ignore_footnote_markers=st.booleans(), typography=st.booleans(),
                       fragment=st.sampled_from([None, False, True]))


@st.composite
def comparison_cases(draw) -> tuple[Document, Document, CompareOptions]:
    """(old, new, options) built from random paragraph lists.  Reusable hook: the
    redline writer's round-trip property test can ``@given(comparison_cases())``."""
    old, new = draw(paragraph_lists())
    return api.load_text(to_text(old), name="old"), api.load_text(to_text(new), name="new"), draw(options_st)


def rebuild(segs, side: str) -> str:
    drop = "insert" if side == "old" else "delete"
    return "".join(s.text for s in segs if s.op != drop)


@EX(400)
@given(comparison_cases())
def test_every_paragraph_in_exactly_one_pair_and_diffs_rebuild_both_texts(case):
    old, new, opts = case
    comp = api.compare(old, new, opts)
    old_ids = [i for p in comp.pairs for i in p.old] + comp.out_of_scope["old"]
    new_ids = [i for p in comp.pairs for i in p.new] + comp.out_of_scope["new"]
    assert sorted(old_ids) == sorted(p.id for p in old.paragraphs)
    assert sorted(new_ids) == sorted(p.id for p in new.paragraphs)
    assert len(set(old_ids)) == len(old_ids) and len(set(new_ids)) == len(new_ids)
    if opts.fragment is False:
        assert comp.out_of_scope == {"old": [], "new": []}
    # with --footnote-markers the diff runs over the texts with their markers as superscripts
    shown = (lambda p: p.text) if opts.ignore_footnote_markers else (lambda p: text_with_markers(p.text, p.footnote_refs))
    otext = {p.id: shown(p) for p in old.paragraphs}
    ntext = {p.id: shown(p) for p in new.paragraphs}
    for p in comp.pairs:
        assert p.old or p.new
        assert rebuild(p.diff, "old") == "\n".join(otext[i] for i in p.old)
        assert rebuild(p.diff, "new") == "\n".join(ntext[i] for i in p.new)
    from test_placement import assert_orders_rebuild_both_versions

    assert_orders_rebuild_both_versions(comp)        # the one placement every view reads


@EX(200)
@given(st.lists(st.text(max_size=200), min_size=1, max_size=10), st.lists(st.text(max_size=200), min_size=1, max_size=10))
def test_compare_never_fails_on_arbitrary_texts(a, b):
    docs = []
    for paras in (a, b):
        text = "\n\n".join(paras)
        assume(text.strip())
        docs.append(api.load_text(text))
    comp = api.compare(docs[0], docs[1])
    otext = {p.id: p.text for p in docs[0].paragraphs}
    ntext = {p.id: p.text for p in docs[1].paragraphs}
    for p in comp.pairs:
        assert rebuild(p.diff, "old") == "\n".join(otext[i] for i in p.old)
        assert rebuild(p.diff, "new") == "\n".join(ntext[i] for i in p.new)
    api.compare_versions(docs + [docs[0]])


# --------------------------------------------------------------------------- redline round trip


@EX(60)
@given(comparison_cases(), st.sampled_from(["move", "delete-insert"]))
def test_redline_accept_all_gives_new_and_reject_all_gives_old(case, moves):
    """The Word redline of any comparison: accepting every tracked change yields exactly the new
    version's paragraphs (with their footnotes), rejecting every one exactly the old version's."""
    from compare.export.redline import redline_docx
    from test_redline import assert_round_trip

    old, new, opts = case
    cmp = api.compare(old, new, opts)
    assert_round_trip(cmp, redline_docx(cmp, moves=moves))


@EX(60)
@given(st.integers(0, 10**9), st.sampled_from(["several", "split_two", "split_list", "list_to_op", "merge_two",
                                               "moved_rewritten", "lookalike_swap", "drop_restore"]))
def test_negotiation_rounds_partition_and_rebuild_both_ways(seed, cls):
    """The same invariants on delegation-style revisions of the real samples
    (tests/support/negotiation.py: splits into lists, merges, far moves, look-alike
    one-liners), compared both ways."""
    import random as _random

    from support.negotiation import make_class_case

    old, new, _ = make_class_case(cls, _random.Random(seed))
    for a, b in ((old, new), (new, old)):
        comp = api.compare(a, b, CompareOptions(fragment=False))
        assert sorted(i for p in comp.pairs for i in p.old) == sorted(p.id for p in a.paragraphs)
        assert sorted(i for p in comp.pairs for i in p.new) == sorted(p.id for p in b.paragraphs)
        otext = {p.id: p.text for p in a.paragraphs}
        ntext = {p.id: p.text for p in b.paragraphs}
        for p in comp.pairs:
            assert rebuild(p.diff, "old") == "\n".join(otext[i] for i in p.old)
            assert rebuild(p.diff, "new") == "\n".join(ntext[i] for i in p.new)
