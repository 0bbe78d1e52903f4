"""A sixth, held-out revision generator (issue #13), written apart from the aligner: what the five others
do not make, each as a negotiator would still name it at once:

* ``bis_ter`` — "5 bis" / "5 ter" paragraphs (new text) inserted beside edited neighbours, everything
  renumbered; and an "OP5 bis" of the old version that became OP6 (its number only) and was edited;
* ``bracketed`` — the old version still in brackets: alternatives "[Urges][Calls upon] States to …",
  bracketed clauses "[, including …]", an "OP4 alt" beside OP4; the new version settles them (one
  alternative kept, brackets gone, the alt paragraph dropped or kept instead of its original);
* ``block_moved`` — a run of 3–5 consecutive paragraphs moved together far away (or into the other
  part, leading words turned), each edited by 20–50 %;
* ``pdf_noise`` — the new text as a careless PDF reader gives it: "traf- ficking", ligatures, soft
  hyphens, non-breaking and double spaces, straight vs curly quotes, a running header or a footnote
  fragment inside a paragraph; plus a few real edits and one move;
* ``graft`` — a paragraph whose second half is replaced by agreed language imported from another
  resolution (still the same paragraph), and one replaced wholesale under another verb (deleted +
  inserted);
* ``renumber_heavy`` — 3–6 new OPs at the top of the operative part, 2–4 PPs dropped, the rest lightly
  edited (5–20 %);
* ``preamble_trim`` — several PPs deleted, two pairs of PPs merged and condensed (each source trimmed);
* ``typos`` — character-level edits (typos made and corrected, punctuation, capitals, resolution
  numbers) in most paragraphs, and one far move reworded by ~30 %;
* ``mixed`` — three or four of these in one revision.

The base texts, the documents and the truth are built as in consultations.py (its ``base_text``,
``finish``, ``believable`` and content-word ``dice``: one home for them); this module adds the
changes above and the ids negotiators give proposed paragraphs ("OP5bis", "OP4alt").  A case is redrawn
unless a reader could tell its truth (``believable`` on content words, and generator_checks'
``check_truth``).  PDF noise is laid on after that check: it changes no word a reader goes by.

Public API, as the other generators: ``CLASSES``; ``make_class_case(cls, rng, src=None)`` → (old, new,
truth); ``generate_class_pairs(n_per_class, seed, classes)`` → [(class, old, new, truth)];
``generate_pairs(n, seed)`` → [(old, new, truth)].  A class's truth groups carry ``tag == class``.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace
from typing import Callable, Optional, Sequence

from compare.model import Document, Paragraph

from . import consultations as cs
from .consultations import Block, Source, _tokens, changed, contained, dice, lead_of, reword
from .generator_checks import truth_holds
from .synthetic import TruthGroup

CLASSES = ("bis_ter", "bracketed", "block_moved", "pdf_noise", "graft", "renumber_heavy", "preamble_trim",
           "typos", "mixed")


@dataclass
class Para(Block):
    """A block with the suffix negotiators give a proposed paragraph ("bis", "ter", "alt"): it keeps
    the number of the paragraph before it ("5 bis" after 5) instead of taking the next one."""

    suffix: str = ""
    broken: bool = False       # a paragraph's head cut off by a page break: printed without a closing mark


def _para(b: Block) -> Para:
    return b if isinstance(b, Para) else Para(**{f: getattr(b, f) for f in b.__dataclass_fields__})


# =========================================================================== ids, documents, truth

def _ids(blocks: list[Block]) -> list[tuple[str, str, Optional[str]]]:
    """(id, number, parent) of each block: PPs and OPs counted, a suffixed block numbered after the one
    before it ("OP5bis"), items lettered under their chapeau."""
    out: list[tuple[str, str, Optional[str]]] = []
    count = {"PP": 0, "OP": 0}
    parent, sub = None, 0
    for b in blocks:
        if b.level == 0:
            suffix = getattr(b, "suffix", "")
            if not suffix:
                count[b.kind] += 1
            n = count[b.kind]
            pid = f"{b.kind}{n}{suffix}"
            out.append((pid, f"{n} {suffix}" if suffix else str(n), None))
            parent, sub = pid, 0
        else:
            letter = "abcdefghijklmnopqrstuvwxyz"[sub]
            sub += 1
            out.append((f"{parent}({letter})", letter, parent))
    return out


def _relabel(doc: Document, blocks: list[Block]) -> tuple[Document, dict[str, str]]:
    ids = _ids(blocks)
    mapping = {p.id: i for p, (i, _, _) in zip(doc.paragraphs, ids)}
    paras = [replace(p, id=i, number=n, parent=par, text=b.text if getattr(b, "broken", False) else p.text)
             for p, b, (i, n, par) in zip(doc.paragraphs, blocks, ids)]
    return replace(doc, paragraphs=paras), mapping


def finish(old: list[Block], new: list[Block], lang: str, label: str
           ) -> tuple[Document, Document, list[TruthGroup]]:
    """consultations.finish, then the proposed paragraphs' ids ("OP5bis") given to both versions."""
    od, nd, truth = cs.finish(old, new, lang, label)
    od, mo = _relabel(od, old)
    nd, mn = _relabel(nd, new)
    out = []
    for t in truth:
        o = tuple(mo[i] for i in t.old)
        n = tuple(mn[i] for i in t.new)
        out.append(replace(t, old=o, new=n, renumbered=bool(o and n and o[0] != n[0])))
    return od, nd, out


# =========================================================================== helpers

def _level0(new: list[Block], kind: Optional[str] = None) -> list[int]:
    return [j for j, b in enumerate(new) if b.level == 0 and not b.liner and (kind is None or b.kind == kind)]


def _donors(src: Source, old: list[Block], lang: str) -> list[str]:
    """Agreed language a delegation may import: paragraphs of other resolutions of the lineage and of the
    generators' pools, in the text's language, that the old text does not hold (nothing like them)."""
    pool = [t for s in cs.sources() if s.lang == lang and s.name != src.name for t, k, lv, _ in s.paras if lv == 0]
    pool += cs.OPERATIVE[lang] + cs.URGES[lang] + cs.PREAMBLE[lang]
    seen: set[str] = set()
    out = []
    openings = {_opening(b.text, lang) for b in old}
    for t in pool:
        if (t not in seen and len(_tokens(t)) >= 12 and all(dice(t, b.text) < 0.3 for b in old)
                and _opening(t, lang) not in openings):
            seen.add(t)
            out.append(t)
    return out


def _opening(text: str, lang: str) -> tuple[str, ...]:
    """The first content word after the leading word: "Recalls its resolutions 55/25 …" and "Recalling its
    resolutions 61/180 …" open alike, and a reader would take one for the other updated."""
    return tuple(w for w in cs._content(text[len(lead_of(text, lang)):]) if not w.isdigit())[:1]


def _opening_turn(text: str, kind: str, lang: str) -> str:
    """The donor's text opened as the receiving part calls for (a PP's participle, an OP's verb); ""
    when it cannot be."""
    lead = lead_of(text, lang)
    if not lead:
        return ""
    is_pp = lead in cs.PP_LEADS[lang] and lead not in cs.OP_LEADS[lang]
    if (kind == "PP") == is_pp:
        return text
    turned = cs.turn(text, "PP" if is_pp else "OP", lang)
    return turned[0] if turned else ""


# =========================================================================== bis / ter

BIS = ("bis", "ter")


def prep_bis_ter(old: list[Block], lang: str, rng: random.Random, src: Source) -> bool:
    """The old version already holds a proposed "OPk bis" (agreed later, numbered k+1 in the new)."""
    ops = [j for j in _level0(old, "OP") if not cs._has_items(old, j)]
    if len(ops) < 4:
        return False
    j = rng.choice(ops[1:-1])
    if old[j - 1].level != 0:
        return False
    old[j] = replace(_para(old[j]), suffix="bis")
    return True


def story_bis_ter(old, new, lang, rng, tag, src) -> bool:
    """Two or three "k bis"/"k ter" paragraphs of new text inserted after an OP, both neighbours edited;
    the old bis paragraph edited; everything renumbered."""
    for j, b in enumerate(new):
        if getattr(b, "suffix", ""):
            t = reword(b.text, lang, rng, 0.12, 0.35)
            if not t:
                return False
            new[j] = replace(cs._mark(b, tag, t), suffix="")
    ops = [j for j in _level0(new, "OP") if cs._free(new, j, "OP", min_words=8) and j + 1 < len(new)
           and cs._free(new, j + 1, "OP", min_words=8)]
    donors = [d for d in _donors(src, old, lang) if _opening_turn(d, "OP", lang)]
    if not ops or len(donors) < 3:
        return False
    j = rng.choice(ops)
    for k in (j, j + 1):
        t = reword(new[k].text, lang, rng, 0.10, 0.35)
        if not t:
            return False
        new[k] = cs._mark(new[k], tag, t)
    ins = []
    for d in rng.sample(donors, rng.randint(2, 3)):
        text = _opening_turn(d, "OP", lang)
        if rng.random() < 0.5:                       # a "bis" often continues its neighbour's ask
            lead = lead_of(text, lang)
            text = cs._also(lead, lang) + text[len(lead):] if lead in cs.OP_LEADS[lang] else text
        ins.append(Para(text, "OP", tag=tag, touched=True))
    new[j + 1:j + 1] = ins
    return True


# =========================================================================== brackets

def _bracket_lead(text: str, lang: str, rng: random.Random) -> Optional[str]:
    """"Urges States …" → "[Urges][Calls upon] States …"."""
    lead = lead_of(text, lang)
    alts = cs.SIBLINGS[lang].get(lead)
    if not alts:
        return None
    pair = [lead, rng.choice(alts)]
    rng.shuffle(pair)
    return "".join(f"[{x}]" for x in pair) + text[len(lead):]


def _bracket_clause(text: str, lang: str, rng: random.Random) -> Optional[str]:
    """A clause put in brackets ("…[, including at borders]…"), or a phrase one delegation proposes."""
    parts = cs._clauses(text, lang)
    if len(parts) >= 2 and rng.random() < 0.6:
        k = rng.randrange(1, len(parts))
        clause = parts[k]
    else:
        clause = rng.choice(cs.PHRASES[lang])
        if clause in text:
            return None
        k = rng.randint(1, len(parts))
        parts.insert(k, clause)
    rest = (", " + ", ".join(parts[k + 1:])) if k + 1 < len(parts) else ""
    return f"{', '.join(parts[:k])}[, {clause}]{rest}"


def _outside(text: str, at: int) -> bool:
    return text[:at].count("[") == text[:at].count("]")


def _bracket_words(text: str, lang: str, rng: random.Random) -> Optional[str]:
    """Alternative wordings side by side ("[strengthen][enhance]")."""
    hits = [(m, b) for a, b in cs.SYNONYMS[lang] if a not in b and b not in a
            for m in cs._word_re(a).finditer(text) if m.start() > 0 and _outside(text, m.start())]
    if not hits:
        return None
    m, b = rng.choice(hits)
    pair = [m.group(), b]
    rng.shuffle(pair)
    return text[:m.start()] + "".join(f"[{x}]" for x in pair) + text[m.end():]


_BRACKETS = re.compile(r"(?:\[[^\[\]]*\])+")


def settle(text: str, rng: random.Random) -> str:
    """The brackets agreed: one of two alternatives kept; a lone bracketed clause kept or struck."""
    def pick(m: re.Match) -> str:
        alts = re.findall(r"\[([^\[\]]*)\]", m.group())
        if len(alts) > 1:
            return rng.choice(alts)
        return alts[0] if rng.random() < 0.5 else ""
    return re.sub(r"  +", " ", _BRACKETS.sub(pick, text)).strip()


def prep_bracketed(old: list[Block], lang: str, rng: random.Random, src: Source) -> bool:
    """Brackets in 3–5 paragraphs of the old version (one to three devices each: the leading verb, a
    clause, a word) and one or two "alt" paragraphs beside an OP."""
    cands = [j for j in _level0(old) if not cs._has_items(old, j) and len(_tokens(old[j].text)) >= 8]
    if len(cands) < 6:
        return False
    marked = set()
    for j in rng.sample(cands, rng.randint(3, 5)):
        t = old[j].text
        for f in (_bracket_lead, _bracket_clause, _bracket_words):
            if rng.random() < 0.6:
                t = f(t, lang, rng) or t
        if t == old[j].text:
            t = _bracket_clause(t, lang, rng) or t
        if t != old[j].text:
            old[j] = replace(old[j], text=t, tag="bracket")
            marked.add(j)
    alts = [j for j in _level0(old, "OP") if j not in marked and not cs._has_items(old, j)
            and len(_tokens(old[j].text)) >= 12]
    if not marked or not alts:
        return False
    placed = 0
    for j in sorted(rng.sample(alts, min(len(alts), rng.randint(1, 2))), reverse=True):
        t = reword(old[j].text, lang, rng, 0.30, 0.55)
        if t and dice(t, old[j].text) <= 0.75:
            old.insert(j + 1, Para(t, "OP", suffix="alt", tag="alt"))
            placed += 1
    return placed > 0


def story_bracketed(old, new, lang, rng, tag, src) -> bool:
    """The new version settles: each bracketed paragraph loses its brackets; an alt paragraph is dropped,
    or kept in place of the one it was an alternative to."""
    out: list[Block] = []
    for b in new:
        o = old[b.src[0]] if len(b.src) == 1 else None
        if o is not None and o.tag == "bracket":
            out.append(cs._mark(b, tag, settle(b.text, rng)))
        elif o is not None and o.tag == "alt":
            o.tag = tag
            if rng.random() < 0.4 and out and out[-1].src and not out[-1].tag:
                gone = out.pop()                       # the alt kept, its original struck
                old[gone.src[0]].tag = tag
                out.append(replace(cs._mark(b, tag), suffix=""))
                o.tag = ""
            elif out and out[-1].src and not out[-1].tag:   # the alt dropped, its original kept as it was: no
                out[-1] = replace(out[-1], tag=tag)         # other change may make it read as the alternative
        else:
            out.append(b)
    for b in old:
        if b.tag == "bracket":
            b.tag = ""
    new[:] = out
    return True


# =========================================================================== a block moved

def story_block_moved(old, new, lang, rng, tag, src) -> bool:
    """3–5 consecutive paragraphs moved together far away, or into the other part with their leading
    words turned; each edited by 20–50 %."""
    for _ in range(10):
        n = rng.randint(3, 5)
        kind = rng.choice(("PP", "OP", "OP"))
        runs = [j for j in range(len(new) - n + 1) if all(cs._free(new, k, kind, min_words=8) for k in range(j, j + n))]
        if not runs:
            continue
        j = rng.choice(runs)
        before = new[j:j + n]
        cross = rng.random() < 0.35 and all(cs.turn(new[k].text, kind, lang) for k in range(j, j + n))
        run = []
        for k in range(j, j + n):
            b = new[k]
            text, part = (cs.turn(b.text, kind, lang) if cross else (b.text, kind))
            t = reword(text, lang, rng, 0.20, 0.50, keep_lead=cross)
            if not t:
                break
            run.append(cs._mark(b, tag, t, kind=part))
        if len(run) < n:
            continue
        del new[j:j + n]
        slots = cs._slots(new, run[0].kind)
        rank = sum(1 for s in slots if s < j)
        far = [s for r, s in enumerate(slots) if abs(r - rank) >= 4] if not cross else slots
        if not far:
            new[j:j] = before
            continue
        at = rng.choice(far)
        new[at:at] = run
        return True
    return False


# =========================================================================== PDF noise

LIGATURES = (("ffi", "ﬃ"), ("ffl", "ﬄ"), ("fi", "ﬁ"), ("fl", "ﬂ"), ("ff", "ﬀ"))
HEADER = {"en": "{sym} Page {p}", "fr": "{sym} Page {p}", "es": "{sym} Página {p}"}
FOOTNOTE = {"en": ["{n} Resolution 55/25, annex II.", "{n} United Nations, Treaty Series, vol. 2237, No. 39574.",
                   "{n} See A/{s}/{r}."],
            "fr": ["{n} Résolution 55/25, annexe II.", "{n} Nations Unies, Recueil des Traités, vol. 2237, no 39574.",
                   "{n} Voir A/{s}/{r}."],
            "es": ["{n} Resolución 55/25, anexo II.", "{n} Naciones Unidas, Treaty Series, vol. 2237, núm. 39574.",
                   "{n} Véase A/{s}/{r}."]}


def _symbol(src: Source) -> str:
    m = re.match(r"A-RES-(\d+)-(\d+)", src.name)
    return f"A/RES/{m.group(1)}/{m.group(2)}" if m else "A/C.3/63/L.13/Rev.1"


def _at_word(text: str, rng: random.Random, lo: float = 0.2, hi: float = 0.8) -> int:
    """A space between two words, inside the paragraph (not at its edges)."""
    spaces = [m.start() for m in re.finditer(" ", text)]
    inner = [s for s in spaces if lo * len(text) <= s <= hi * len(text)]
    return rng.choice(inner or spaces or [len(text)])


def _hyphenate(text: str, rng: random.Random) -> Optional[str]:
    words = [m for m in re.finditer(r"[^\W\d_]{8,}", text)][1:]
    if not words:
        return None
    m = rng.choice(words)
    cut = m.start() + rng.randint(3, len(m.group()) - 3)
    return text[:cut] + rng.choice(("- ", "-", "- ")) + text[cut:]


def _ligature(text: str, rng: random.Random) -> Optional[str]:
    hits = [(a, b) for a, b in LIGATURES if a in text]
    if not hits:
        return None
    a, b = hits[0] if rng.random() < 0.5 else rng.choice(hits)
    return text.replace(a, b) if rng.random() < 0.6 else text.replace(a, b, 1)


def _soft_hyphen(text: str, rng: random.Random) -> Optional[str]:
    words = [m for m in re.finditer(r"[^\W\d_]{7,}", text)]
    if not words:
        return None
    m = rng.choice(words)
    cut = m.start() + rng.randint(2, len(m.group()) - 3)
    return text[:cut] + "\u00ad" + text[cut:]


def _spaces(text: str, rng: random.Random) -> Optional[str]:
    at = _at_word(text, rng, 0.05, 0.95)
    if at >= len(text):
        return None
    return text[:at] + rng.choice(("\u00a0", "  ", "\u00a0", "   ")) + text[at + 1:]


def _quotes(text: str, rng: random.Random) -> Optional[str]:
    if "'" in text:
        return text.replace("'", "’")
    if "’" in text:
        return text.replace("’", "'")
    if '"' in text:
        return re.sub(r'"([^"]*)"', "“\\1”", text)
    if "«" in text:
        return re.sub(r"«\s*([^»]*?)\s*»", '"\\1"', text)
    return None


def _header(text: str, rng: random.Random, lang: str, src: Source) -> Optional[str]:
    at = _at_word(text, rng)
    head = HEADER[lang].format(sym=_symbol(src), p=rng.randint(2, 9))
    if rng.random() < 0.5:
        head = f"{rng.randint(8, 9):02d}-{rng.randint(40000, 49999)} {head}" if rng.random() < 0.5 else head
    return text[:at] + " " + head + text[at:]


def _footnote(text: str, rng: random.Random, lang: str) -> Optional[str]:
    at = _at_word(text, rng, 0.4, 0.95)
    note = rng.choice(FOOTNOTE[lang]).format(n=rng.randint(1, 9), s=rng.randint(61, 78), r=rng.randint(100, 399))
    return text[:at] + " " + note + text[at:]


def pdf_read(text: str, lang: str, rng: random.Random, src: Source, heavy: bool) -> str:
    """``text`` as a careless PDF reader gives it: one to four artefacts (a running header or a footnote
    fragment in at most a few paragraphs, ``heavy``)."""
    plain = [_hyphenate, _ligature, _soft_hyphen, _spaces, _quotes, _hyphenate, _spaces]
    out = text
    for f in rng.sample(plain, rng.randint(1, 4)):
        out = f(out, rng) or out
    if heavy:
        out = (_header(out, rng, lang, src) if rng.random() < 0.6 else _footnote(out, rng, lang)) or out
    return out


def story_pdf_noise(old, new, lang, rng, tag, src) -> bool:
    """A few real edits and one far move now; the PDF artefacts later (``post_pdf_noise``)."""
    for _ in range(rng.randint(2, 3)):
        j = cs._pick(new, rng, min_words=8)
        if j is not None:
            t = reword(new[j].text, lang, rng, 0.10, 0.30)
            if t:
                new[j] = cs._mark(new[j], tag, t)
    return cs.story_moved_reworded(old, new, lang, rng, tag) if rng.random() < 0.5 else _far_move(new, rng, tag)


def _far_move(new: list[Block], rng: random.Random, tag: str) -> bool:
    j = cs._pick(new, rng, min_words=8)
    if j is None:
        return False
    b = new.pop(j)
    cs._place(new, cs._mark(b, tag), rng, home=j, far=4)
    return True


def post_pdf_noise(new: list[Block], lang: str, rng: random.Random, src: Source, tag: str) -> None:
    """Most paragraphs read through the PDF: their groups carry the class's tag."""
    js = [j for j in range(len(new)) if new[j].src]
    noisy = rng.sample(js, max(1, int(len(js) * rng.uniform(0.6, 0.95))))
    heavy = set(rng.sample(noisy, min(len(noisy), rng.randint(1, 3))))
    for j in noisy:
        t = pdf_read(new[j].text, lang, rng, src, j in heavy).strip()
        if t and t != new[j].text:
            new[j] = replace(new[j], text=t, tag=new[j].tag or tag)
    if rng.random() < 0.6:
        _page_break(new, rng, tag)


def _page_break(new: list[Block], rng: random.Random, tag: str) -> None:
    """One long paragraph read as two: the reader took the page break for a paragraph's end (the second
    part opens mid-sentence, in lower case); truth: a split of its source."""
    long = [j for j, b in enumerate(new) if len(b.src) == 1 and b.level == 0 and len(b.text.split()) >= 24
            and not cs._has_items(new, j)]
    if not long:
        return
    j = rng.choice(long)
    b = new[j]
    at = _at_word(b.text, rng, 0.3, 0.7)
    head, rest = b.text[:at].rstrip(), b.text[at:].strip()
    if len(_tokens(head)) < 6 or len(_tokens(rest)) < 6:
        return
    new[j:j + 1] = [replace(_para(b), text=head, tag=tag, broken=True), replace(_para(b), text=rest, tag=tag)]


# =========================================================================== grafts

def _graft_tail(donor: str, kind: str, lang: str, rng: random.Random) -> str:
    """What a delegation imports from another resolution's paragraph as a paragraph's second half: one
    of its clauses ("including through …") with what follows, or its ask after the verb's addressee
    ("and to …", only into an OP)."""
    lead, body = cs._split_lead(donor, lang)
    parts = cs._clauses(body, lang)
    tails = [", ".join(parts[k:]) for k in range(1, len(parts)) if len(_tokens(", ".join(parts[k:]))) >= 6]
    m = cs._DEMOTE[lang].match(donor)
    if m and m.group("lead") == lead and kind == "OP":
        c = m.group("c")
        sep = "" if c.endswith("'") else " "
        tails.append(f"{cs.AND[lang]} {c}{sep}{m.group('rest')}" if lang != "es" else f"{cs.AND[lang]} {m.group('rest')}")
    return rng.choice(tails) if tails else ""


def story_graft(old, new, lang, rng, tag, src) -> bool:
    """One or two paragraphs keep their first half and take a second half from another resolution's
    paragraph; one paragraph replaced wholesale by imported language under another verb."""
    donors = _donors(src, old, lang)
    if len(donors) < 3:
        return False
    grafted = 0
    for _ in range(rng.randint(1, 2)):
        j = cs._pick(new, rng, min_words=14)
        if j is None:
            break
        lead, body = cs._split_lead(new[j].text, lang)
        parts = cs._clauses(body, lang)
        heads = [", ".join(parts[:k]) for k in range(1, len(parts))]
        heads = [h for h in heads if 0.45 <= len(_tokens(h)) / len(_tokens(body)) <= 0.75]
        tails = [t for t in (_graft_tail(d, new[j].kind, lang, rng) for d in rng.sample(donors, min(len(donors), 8))) if t]
        if not heads or not tails:
            continue
        new[j] = cs._mark(new[j], tag, f"{lead}{rng.choice(heads)}, {rng.choice(tails)}")
        grafted += 1
    j = cs._pick(new, rng, min_words=8)
    if j is None or not grafted:
        return False
    kind = new[j].kind
    lead = lead_of(new[j].text, lang)
    cands = [t for t in (_opening_turn(d, kind, lang) for d in donors) if t and lead_of(t, lang) != lead]
    if not cands:
        return False
    gone = new.pop(j)
    old[gone.src[0]].tag = tag
    new.insert(j, Block(rng.choice(cands), kind, tag=tag, touched=True))
    return True


# =========================================================================== renumbering

def story_renumber_heavy(old, new, lang, rng, tag, src) -> bool:
    """3–6 new OPs at the top of the operative part, 2–4 PPs dropped, most others edited by 5–20 %."""
    donors = [t for t in (_opening_turn(d, "OP", lang) for d in _donors(src, old, lang)) if t]
    pps = [j for j in _level0(new, "PP") if cs._free(new, j, "PP")]
    n_ins = rng.randint(3, 6)
    if len(donors) < n_ins or len(pps) < 5:
        return False
    for j in sorted(rng.sample(pps, rng.randint(2, 4)), reverse=True):
        old[new[j].src[0]].tag = tag
        del new[j]
    for j in range(len(new)):
        if cs._free(new, j, min_words=6) and rng.random() < (0.7 if tag != "mixed" else 0.35):
            t = reword(new[j].text, lang, rng, 0.05, 0.20)
            if t:
                new[j] = cs._mark(new[j], tag, t)
            elif rng.random() < 0.5:
                new[j] = replace(new[j], tag=tag)
        elif new[j].level == 0 and new[j].kind == "OP" and not new[j].tag and tag != "mixed":
            new[j] = replace(new[j], tag=tag)          # renumbered only: still one of the class's groups
    first = next(k for k, b in enumerate(new) if b.kind == "OP")
    new[first:first] = [Block(t, "OP", tag=tag, touched=True) for t in rng.sample(donors, n_ins)]
    return True


# =========================================================================== preamble trimmed

# where a sentence may end early and still read: at a comma (a clause, an example, an enumeration's next
# item), before a relative clause, a coordinated or prepositional phrase, a purpose or a means ("… in order to …")
_TRIM_AT = re.compile(r"(?:, | (?:which|qui|and|et|y|of the|de la|du|des|del|de los|de las|for|on|in|with|at|pour|par|sur|dans|avec|auprès|para|por|sobre|con|en el|"
                      r"in order to|so as to|"
                      r"through|by means of|with a view to|afin de|afin d'|en vue de|grâce à|par le biais|a fin de|"
                      r"con miras a|mediante|por medio de|para) )")


def join_pp(a: str, b: str, lang: str) -> str:
    """Two PPs in one: "Recalling X, and reaffirming Y" (the second keeps its own participle)."""
    return f"{a}, {cs.AND[lang]} {cs._low(b)}"


def trim(text: str, lang: str, rng: random.Random, lo: float = 0.28, hi: float = 0.5) -> Optional[str]:
    """The paragraph condensed: clauses struck, or its tail cut after a clause or an "and", so that
    ``lo``–``hi`` of its words go; the leading word stays."""
    lead, body = cs._split_lead(text, lang)
    total = len(_tokens(body))
    parts = cs._clauses(body, lang)
    options = []
    for k in range(1, len(parts)):
        options.append(", ".join(parts[:k]))                    # the tail after a clause struck
        options.append(", ".join(parts[:k] + parts[k + 1:]))    # one clause struck
    cuts = [m.start() for m in _TRIM_AT.finditer(body)]
    commas = [m.start() for m in re.finditer(", ", body)]
    options += [body[:c] for c in cuts]                         # the sentence ends early
    options += [body[:a] + body[b:] for a in cuts for b in commas if b > a]    # a stretch struck
    good = [o for o in options if o and lo <= 1 - len(_tokens(o)) / max(total, 1) <= hi]
    return lead + rng.choice(good) if good else None


def story_preamble_trim(old, new, lang, rng, tag, src) -> bool:
    """2–4 PPs deleted; two pairs of PPs merged, each source condensed by 30–50 %."""
    pps = [j for j in _level0(new, "PP") if cs._free(new, j, "PP", min_words=10)]
    if len(pps) < 6:
        return False
    picks = rng.sample(pps, 4)
    pairs = [sorted(picks[:2]), sorted(picks[2:])]
    rest = [j for j in _level0(new, "PP") if j not in picks and cs._free(new, j, "PP")]
    dropped = rng.sample(rest, min(len(rest), rng.randint(2, 4)))
    if len(dropped) < 2:
        return False
    put: dict[int, Optional[Block]] = {j: None for j in dropped}
    for a, b in pairs:
        ta, tb = trim(new[a].text, lang, rng), trim(new[b].text, lang, rng)
        if not ta or not tb:
            return False
        at, gone = (a, b) if rng.random() < 0.5 else (b, a)
        put[at] = Block(join_pp(ta, tb, lang), "PP", src=new[a].src + new[b].src, tag=tag, touched=True)
        put[gone] = None
    for j in dropped:
        old[new[j].src[0]].tag = tag
    new[:] = [put.get(j, b) for j, b in enumerate(new) if put.get(j, b) is not None]
    return True


# =========================================================================== typos

def _typo(text: str, rng: random.Random) -> Optional[str]:
    """A slip of the keyboard in a word of five letters or more: two letters swapped, one dropped or
    doubled."""
    words = [m for m in re.finditer(r"[^\W\d_]{5,}", text)][1:]
    if not words:
        return None
    m = rng.choice(words)
    w, i = m.group(), rng.randint(1, len(m.group()) - 3)
    how = rng.choice(("swap", "drop", "double"))
    w2 = (w[:i] + w[i + 1] + w[i] + w[i + 2:] if how == "swap" else w[:i] + w[i + 1:] if how == "drop"
          else w[:i] + w[i] + w[i:])
    return text[:m.start()] + w2 + text[m.end():] if w2 != w else None


def _punct(text: str, rng: random.Random) -> Optional[str]:
    commas = [m.start() for m in re.finditer(",", text)]
    if commas and rng.random() < 0.5:
        k = rng.choice(commas)
        return text[:k] + rng.choice(("", ";")) + text[k + 1:]
    at = _at_word(text, rng)
    return text[:at] + "," + text[at:] if at < len(text) and text[at - 1] not in ",;" else None


def _case(text: str, rng: random.Random) -> Optional[str]:
    words = [m for m in re.finditer(r"(?<= )[^\W\d_]{4,}", text)]
    if not words:
        return None
    m = rng.choice(words)
    w = m.group()
    return text[:m.start()] + (w.lower() if w[0].isupper() else w[0].upper() + w[1:]) + text[m.end():]


def _number(text: str, rng: random.Random) -> Optional[str]:
    """A symbol or year cited anew: "61/180" → "63/194", "2006" → "2008"."""
    refs = list(re.finditer(r"\b(\d\d)/(\d{2,3})\b", text))
    if refs:
        m = rng.choice(refs)
        s = int(m.group(1)) + rng.randint(1, 3)
        return text[:m.start()] + f"{s}/{rng.randint(100, 299)}" + text[m.end():]
    years = list(re.finditer(r"\b(19|20)\d\d\b", text))
    if years:
        m = rng.choice(years)
        return text[:m.start()] + str(int(m.group()) + rng.randint(1, 3)) + text[m.end():]
    return None


def _chars(text: str, rng: random.Random, n: int) -> str:
    out = text
    for _ in range(n):
        f = rng.choice((_typo, _typo, _punct, _case, _number))
        out = f(out, rng) or out
    return out


def prep_typos(old: list[Block], lang: str, rng: random.Random, src: Source) -> bool:
    """Typos in the old version that the new one corrects (a few paragraphs)."""
    js = [j for j in _level0(old) if len(_tokens(old[j].text)) >= 6]
    for j in rng.sample(js, min(len(js), rng.randint(2, 4))):
        t = _typo(old[j].text, rng)
        if t:
            old[j] = replace(old[j], text=t, tag="typo:" + old[j].text)     # the clean text, for the fix
    return True


def story_typos(old, new, lang, rng, tag, src) -> bool:
    """The old version's typos corrected; character-level edits in most other paragraphs; one paragraph
    moved far and reworded by ~30 %."""
    for j, b in enumerate(new):
        o = old[b.src[0]] if len(b.src) == 1 else None
        if o is not None and o.tag.startswith("typo:"):
            clean = o.tag[len("typo:"):]
            if not b.tag and b.text == o.text:         # (another change of this revision may have taken it)
                new[j] = cs._mark(b, tag, _chars(clean, rng, 1) if rng.random() < 0.3 else clean)
    for o in old:
        if o.tag.startswith("typo:"):
            o.tag = ""
    if not _moved_reworded(old, new, lang, rng, tag):
        return False
    for j, b in enumerate(new):
        if b.src and not b.tag and not b.touched and rng.random() < 0.8:
            t = _chars(b.text, rng, rng.randint(1, 3))
            if t != b.text and len(_tokens(t)) >= 3:
                new[j] = cs._mark(b, tag, t)
    return True


def _moved_reworded(old, new, lang, rng, tag) -> bool:
    for _ in range(6):
        j = cs._pick(new, rng, min_words=12)
        if j is None:
            return False
        t = reword(new[j].text, lang, rng, 0.25, 0.38)
        if t:
            b = new.pop(j)
            cs._place(new, cs._mark(b, tag, t), rng, home=j, far=4)
            return True
    return False


# =========================================================================== public API

PREPS: dict[str, Callable] = {"bis_ter": prep_bis_ter, "bracketed": prep_bracketed, "typos": prep_typos}
STORIES: dict[str, Callable] = {      # in the order they run in one revision
    "bracketed": story_bracketed, "bis_ter": story_bis_ter, "block_moved": story_block_moved, "graft": story_graft,
    "preamble_trim": story_preamble_trim, "renumber_heavy": story_renumber_heavy, "typos": story_typos,
    "pdf_noise": story_pdf_noise,
}


def _draw(cls: str, s: Source, rng: random.Random) -> Optional[tuple[Document, Document, list[TruthGroup]]]:
    lang = s.lang
    chosen = [cls]
    while cls == "mixed" and (chosen == [cls] or {"renumber_heavy", "preamble_trim"} <= set(chosen)):
        chosen = rng.sample(list(STORIES), rng.randint(3, 4))      # (both drop PPs: one is enough)
    chosen.sort(key=list(STORIES).index)          # settle brackets and bis first, read the PDF last
    old = [_para(b) for b in cs.base_text(s, rng, frozenset())]
    for c in chosen:
        if c in PREPS and not PREPS[c](old, lang, rng, s):
            return None
    for k, b in enumerate(old):
        b.src = (k,)
    new = [replace(b, tag="") for b in old]
    for c in chosen:
        if not STORIES[c](old, new, lang, rng, cls, s):
            return None
    if any(b.tag for b in old if b.tag != cls):
        return None
    cs.noise(old, new, lang, rng)
    if not cs.believable(old, new) or any(len(_tokens(b.text)) < 3 for b in new):
        return None
    if "pdf_noise" in chosen:
        post_pdf_noise(new, lang, rng, s, cls)
    return truth_holds(finish(old, new, lang, f"{cls}-{s.name}"))


def make_class_case(cls: str, rng: random.Random, src: Optional[Source] = None
                    ) -> tuple[Document, Document, list[TruthGroup]]:
    """One revision illustrating ``cls`` (its groups tagged ``cls``) with some untagged edits beside it."""
    return cs.first_case(_draw, cls, rng, src, 80)


def generate_class_pairs(n_per_class: int, seed: int, classes: Sequence[str] = CLASSES
                         ) -> list[tuple[str, Document, Document, list[TruthGroup]]]:
    """``n_per_class`` cases of each class; the base texts go round the samples in turn."""
    out = []
    pool = cs.sources()
    for cls in classes:
        for i in range(n_per_class):
            rng = random.Random(f"delegations:{seed}:{cls}:{i}")
            out.append((cls, *make_class_case(cls, rng, pool[i % len(pool)])))
    return out


def generate_pairs(n: int, seed: int) -> list[tuple[Document, Document, list[TruthGroup]]]:
    """``n`` revisions of mixed classes."""
    pool = cs.sources()
    return [make_class_case("mixed", random.Random(f"delegations-pairs:{seed}:{i}"), pool[i % len(pool)])
            for i in range(n)]
