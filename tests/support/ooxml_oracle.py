"""Test oracle for tracked-changes ``.docx`` files: accept all / reject all by
transforming the XML ourselves, and check the revision markup's well-formedness.

Independent of ``compare.export``: only lxml and the OOXML rules.

* accept = drop ``w:del``/``w:moveFrom`` content, unwrap ``w:ins``/``w:moveTo``,
  join a paragraph whose mark is deleted (``w:pPr/w:rPr/w:del|w:moveFrom``) to
  the next one, drop ``w:pPrChange``;
* reject = the reverse (and ``w:pPrChange`` restores the old properties).

:func:`view` returns the resulting paragraphs as :class:`Para` (style, text,
footnotes as (offset, footnote text)).
"""
from __future__ import annotations

import copy
import io
import zipfile
from collections import Counter
from dataclasses import dataclass

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REV = ("ins", "del", "moveFrom", "moveTo")


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass(frozen=True)
class Para:
    style: str
    text: str
    footnotes: tuple[tuple[int, str], ...] = ()


def parts(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return {n: z.read(n) for n in z.namelist()}


def _footnote_texts(p: dict[str, bytes], note: str = "footnote", mode: str | None = None) -> dict[str, str]:
    """Note id → text; with ``mode``, after accepting or rejecting the revisions inside the notes
    (a note whose text one copy lacks holds them)."""
    if f"word/{note}s.xml" not in p:
        return {}
    root = etree.fromstring(p[f"word/{note}s.xml"])
    if mode is not None:
        resolve(root, mode)
    out = {}
    for fn in root.findall(q(note)):
        out[fn.get(q("id"))] = "".join(t.text or "" for t in fn.iter(q("t"))).strip()
    return out


def _is_mark(e) -> bool:
    parent = e.getparent()
    return parent is not None and parent.tag == q("rPr")


def resolve(body, mode: str) -> None:
    """Accept (``mode="accept"``) or reject all revisions in place."""
    drop = ("del", "moveFrom") if mode == "accept" else ("ins", "moveTo")
    keep = ("ins", "moveTo") if mode == "accept" else ("del", "moveFrom")
    # property changes
    for ch in list(body.iter(q("pPrChange"))):
        ppr = ch.getparent()
        if mode == "reject":
            old = ch.find(q("pPr"))
            for c in list(ppr):
                if c.tag not in (q("rPr"), q("sectPr")):
                    ppr.remove(c)
            for k, c in enumerate(list(old)):
                ppr.insert(k, c)
        else:
            ppr.remove(ch)
    # table rows (w:trPr/w:ins, w:trPr/w:del): the whole row goes, or only its mark
    for tag in REV:
        for e in list(body.iter(q(tag))):
            parent = e.getparent()
            if parent is None or parent.tag != q("trPr"):
                continue
            tr = parent.getparent()
            if tag in drop and tr.getparent() is not None:
                tr.getparent().remove(tr)
            else:
                parent.remove(e)
    # inline content
    for tag in drop:
        for e in list(body.iter(q(tag))):
            if not _is_mark(e):
                e.getparent().remove(e)
    for tag in keep:
        for e in list(body.iter(q(tag))):
            if _is_mark(e):
                continue
            parent = e.getparent()
            idx = parent.index(e)
            for k, c in enumerate(list(e)):
                parent.insert(idx + k, c)
            parent.remove(e)
    for dt in list(body.iter(q("delText"))):
        dt.tag = q("t")
    # paragraph marks
    paras = [p for p in body.iter(q("p"))]
    for p in paras:
        rpr = p.find(f"{q('pPr')}/{q('rPr')}")
        if rpr is None:
            continue
        marks = [e for e in rpr if e.tag in (q(t) for t in REV)]
        gone = any(e.tag in (q(t) for t in drop) for e in marks)
        for e in marks:
            rpr.remove(e)
        if gone:
            p.set("joinNext", "1")
    # join: content of a paragraph whose mark is gone moves to the start of the next one
    # (the surviving mark, and so the properties, are the next paragraph's)
    paras = list(body.iter(q("p")))
    carry: list = []
    carry_parent = None
    for p in paras:
        if carry and p.getparent() is not carry_parent:
            # a cell, note or text box ends: its last mark cannot go (never join across)
            keep_p = etree.SubElement(carry_parent, q("p"))
            for c in carry:
                keep_p.append(c)
            carry = []
        if carry:
            ppr = p.find(q("pPr"))
            at = 1 if ppr is not None else 0
            for k, c in enumerate(carry):
                p.insert(at + k, c)
            carry = []
        if p.get("joinNext"):
            carry = [c for c in p if c.tag != q("pPr")]
            carry_parent = p.getparent()
            carry_parent.remove(p)
    if carry:       # the last paragraph's mark cannot go: keep its text in a paragraph of its own
        p = etree.SubElement(body, q("p"))
        for c in carry:
            p.append(c)


def _para(p, notes: dict[str, str], endnotes: dict[str, str] | None = None) -> Para:
    """A paragraph's style, text and notes (footnotes and endnotes, in text order)."""
    style_el = p.find(f"{q('pPr')}/{q('pStyle')}")
    style = style_el.get(q("val")) if style_el is not None else ""
    text: list[str] = []
    fns: list[tuple[int, str]] = []
    n = 0
    for e in p.iter():
        if e.tag == q("t"):
            text.append(e.text or "")
            n += len(e.text or "")
        elif e.tag == q("tab") and e.getparent().tag == q("r"):
            text.append("\t")
            n += 1
        elif e.tag == q("footnoteReference"):
            fns.append((n, notes.get(e.get(q("id")), "")))
        elif e.tag == q("endnoteReference"):
            fns.append((n, (endnotes or {}).get(e.get(q("id")), "")))
    return Para(style, "".join(text), tuple(fns))


def view(docx: bytes, mode: str, styles: tuple[str, ...] | None = None) -> list[Para]:
    """Paragraphs after accepting (``"accept"``) or rejecting (``"reject"``) all
    revisions, their notes' too; only those whose style is in ``styles`` when given."""
    p = parts(docx)
    root = etree.fromstring(p["word/document.xml"])
    body = copy.deepcopy(root.find(q("body")))
    resolve(body, mode)
    notes = _footnote_texts(p, mode=mode)
    endnotes = _footnote_texts(p, "endnote", mode)
    out = [_para(x, notes, endnotes) for x in body.iter(q("p"))]
    if styles is not None:
        out = [x for x in out if x.style in styles]
    return out


def revision_counts(docx: bytes) -> Counter:
    """How many revision marks of each kind the main document holds (inline and paragraph marks)."""
    root = etree.fromstring(parts(docx)["word/document.xml"])
    c: Counter = Counter()
    for tag in REV + ("pPrChange", "rPrChange"):
        for e in root.iter(q(tag)):
            c[tag + ("¶" if _is_mark(e) else "")] += 1
    return c


def total_marks(docx: bytes) -> int:
    return sum(revision_counts(docx).values())


def check_markup(docx: bytes) -> list[str]:
    """Problems that make Word offer a repair, or break accept/reject: returns a list (empty = fine)."""
    problems: list[str] = []
    p = parts(docx)
    for name in ("[Content_Types].xml", "word/document.xml", "_rels/.rels"):
        if name not in p:
            problems.append(f"missing part {name}")
    root = etree.fromstring(p["word/document.xml"])
    ids: Counter = Counter()
    annot = REV + ("pPrChange", "rPrChange", "moveFromRangeStart", "moveToRangeStart", "bookmarkStart")
    for tag in annot:
        for e in root.iter(q(tag)):
            ids[e.get(q("id"))] += 1
            if tag != "bookmarkStart" and (not e.get(q("author")) or not e.get(q("date"))):
                problems.append(f"w:{tag} without author/date")
            if e.get(q("id")) is None:
                problems.append(f"w:{tag} without w:id")
    dup = [i for i, n in ids.items() if n > 1]
    if dup:
        problems.append(f"duplicate w:id {dup[:5]}")
    # ranges: each start has exactly one end with its id; move names pair up
    for kind in ("moveFrom", "moveTo", "bookmark"):
        starts = {e.get(q("id")): e for e in root.iter(q(f"{kind}RangeStart" if kind != "bookmark" else "bookmarkStart"))}
        ends = Counter(e.get(q("id")) for e in root.iter(q(f"{kind}RangeEnd" if kind != "bookmark" else "bookmarkEnd")))
        if set(starts) != set(ends) or any(n != 1 for n in ends.values()):
            problems.append(f"{kind} range starts/ends do not match")
    names_from = Counter(e.get(q("name")) for e in root.iter(q("moveFromRangeStart")))
    names_to = Counter(e.get(q("name")) for e in root.iter(q("moveToRangeStart")))
    if names_from != names_to or any(n != 1 for n in names_from.values()):
        problems.append(f"move names do not pair: {names_from} vs {names_to}")
    if (any(True for _ in root.iter(q("moveFrom"))) or any(True for _ in root.iter(q("moveTo")))) and not names_from:
        problems.append("moveFrom/moveTo content without move ranges")
    # nesting
    for tag in REV:
        for e in root.iter(q(tag)):
            if _is_mark(e):
                if e.getparent().index(e) != 0 and e.getparent()[0].tag not in (q(t) for t in REV):
                    problems.append(f"paragraph-mark w:{tag} not first in w:rPr")
                if e.getparent().getparent().tag != q("pPr"):
                    problems.append(f"w:{tag} in a run's rPr")
                if len(e):
                    problems.append(f"paragraph-mark w:{tag} not empty")
                continue
            if e.getparent().tag == q("trPr"):
                # a row revision: only ins/del, empty, last in w:trPr (before trPrChange)
                if tag not in ("ins", "del") or len(e):
                    problems.append(f"row revision w:{tag} malformed")
                continue
            if e.getparent().tag != q("p"):
                problems.append(f"w:{tag} inside {etree.QName(e.getparent()).localname}")
            for c in e:
                if c.tag != q("r"):
                    problems.append(f"w:{tag} holds {etree.QName(c).localname}")
    for d in root.iter(q("del")):
        if not _is_mark(d) and any(True for _ in d.iter(q("t"))):
            problems.append("w:t inside w:del (must be w:delText)")
    for t in root.iter(q("delText")):
        anc = {a.tag for a in t.iterancestors()}
        if q("del") not in anc and q("moveFrom") not in anc:
            problems.append("w:delText outside w:del/w:moveFrom")
    for para in root.iter(q("p")):
        ppr = para.find(q("pPr"))
        if ppr is not None and para.index(ppr) != 0:
            problems.append("w:pPr not first in w:p")
    return sorted(set(problems))
