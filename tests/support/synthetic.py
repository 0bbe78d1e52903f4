"""Synthetic negotiation revisions with KNOWN ground truth, for testing the aligner.

Built on the REAL paragraphs of the samples: the complete French revised draft
(11 PPs + 14 OPs) is the base text, and the complete paragraphs of the English
(and French) corpus excerpts are a pool of real paragraphs to insert.

Public API
----------
``load_sample_document(path) -> Document``
    A deliberately simple Markdown reader, independent of the real parser.
``make_revision(doc, rng, strength, mode="mixed") -> (Document, list[TruthGroup])``
    One synthetic revision of ``doc`` plus its ground truth.
``generate_pairs(n, seed) -> list[(old_doc, new_doc, truth)]``
    ``n`` deterministic pairs mixing strengths and modes.
``score(truth, predicted_groups) -> dict``
    Link precision/recall/F1 and the special measures negotiators care about.
``load_expected(path) -> list[TruthGroup]``
    Reads a hand-written ``*.expected.json`` into TruthGroups (for ``score``).

Works on :mod:`compare.model` dataclasses only.
"""
from __future__ import annotations

import json
import random
import re
import sys
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional, Sequence

try:
    from compare.model import Document, Footnote, FootnoteRef, Metadata, Paragraph
except ImportError:  # pragma: no cover - running from outside the repo root
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from compare.model import Document, Footnote, FootnoteRef, Metadata, Paragraph

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"
BASE_NAME = "draft-rev1-2008-11-10.fr.md"


def corpus_dir() -> Path:
    """Where the real texts are: the repo's ``samples/`` (a copy of the corpus), else
    ``../shared/corpus`` beside the clone."""
    for folder in (SAMPLES, REPO.parent / "shared" / "corpus"):
        if (folder / BASE_NAME).exists():
            return folder
    return SAMPLES


# =========================================================================== truth

@dataclass(frozen=True)
class TruthGroup:
    """One ground-truth aligned group.

    ``kind`` is one of the :data:`compare.model.PairStatus` values: ``unchanged``,
    ``modified``, ``inserted``, ``deleted``, ``split``, ``merged``.  ``moved``:
    the group left its relative order (it is outside the longest order-preserving
    chain; mere renumbering is not a move).  ``edited``: its words changed
    (for split/merge: beyond the mechanics of splitting/joining, which never
    happens in the generator, so always ``False`` there).  ``renumbered``: the
    id of its first paragraph changed (``PP6``→``PP7`` counts: PP numbers are
    counted positions).  ``leading_change``: (old, new) leading word(s).
    """

    old: tuple[str, ...]
    new: tuple[str, ...]
    kind: str
    moved: bool
    edited: bool
    renumbered: bool = False
    leading_change: Optional[tuple[str, str]] = None
    tag: str = ""                  # hard class this group illustrates (make_class_revision)


# =========================================================================== simple reader

_MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre"]
_MONTHS_EN = ["january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december"]
_OPENERS = {
    "L'Assemblée générale,": "fr", "L’Assemblée générale,": "fr",
    "The General Assembly,": "en", "La Asamblea General,": "es",
}
_GAP_RE = re.compile(r"^\[\.\.\. ?gap\b.*\]$", re.IGNORECASE)
_OP_RE = re.compile(r"^(\d+)\.\s+")
_SUB_RE = re.compile(r"^\(([a-z]+|[ivx]+)\)\s+")
_FOOTBLOCK_RE = re.compile(r"^<sup>(\d+)</sup>\s*(.*)$", re.DOTALL)
_INLINE_RE = re.compile(r"<sup>(.*?)</sup>|\*")
_LEAD_RE = re.compile(r"^\*([^*]+)\*")
_TERMINAL = ",;.:"

# Leading words recognised in texts without italics (excerpts), longest first.
_KNOWN_LEADS = sorted({
    # English PPs / OPs
    "Recalling", "Recalling also", "Recalling further", "Reaffirming", "Welcoming", "Welcoming also",
    "Recognizing", "Recognizing also", "Recognizing further", "Taking note of", "Taking note",
    "Underlining", "Reiterating", "Reiterating its concern", "Bearing in mind", "Noting",
    "Noting with appreciation", "Concerned", "Deeply concerned", "Stressing", "Acknowledging",
    "Recognizes", "Urges", "Welcomes", "Requests", "Calls upon", "Encourages", "Invites", "Notes",
    "Stresses", "Reaffirms", "Decides", "Takes note of",
    # French
    "Rappelant", "Rappelant également", "Rappelant en outre", "Prenant acte", "Prenant note",
    "Réaffirmant", "Se félicitant", "Considérant", "Consciente", "Préoccupée",
    # Spanish
    "Recordando", "Tomando nota", "Reafirmando", "Reconociendo", "Acogiendo con beneplácito",
}, key=len, reverse=True)


def _clean_inline(raw: str) -> tuple[str, list[FootnoteRef]]:
    """Drop ``*`` emphasis, turn ``<sup>n</sup>`` into FootnoteRefs (``1<sup>er</sup>`` → ``1er``)."""
    out: list[str] = []
    refs: list[FootnoteRef] = []
    pos = 0
    length = 0
    for m in _INLINE_RE.finditer(raw):
        chunk = raw[pos:m.start()]
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        sup = m.group(1)
        if sup is None:          # an emphasis star
            continue
        if sup.strip().isdigit():
            refs.append(FootnoteRef(sup.strip(), length))
        else:                    # ordinal such as 1<sup>er</sup>
            out.append(sup)
            length += len(sup)
    out.append(raw[pos:])
    return "".join(out), refs


def _known_lead(text: str) -> str:
    for lead in _KNOWN_LEADS:
        if text.startswith(lead) and (len(text) == len(lead) or not text[len(lead)].isalnum()):
            return lead
    return text.split(" ", 1)[0].rstrip(_TERMINAL) if text else ""


def _has_known_lead(text: str) -> bool:
    return any(text.startswith(lead) and (len(text) == len(lead) or not text[len(lead)].isalnum())
               for lead in _KNOWN_LEADS)


def _iso_date(line: str) -> Optional[str]:
    m = re.search(r"\b(\d{1,2}) (\w+) (\d{4})\b", line)
    if not m:
        return None
    month = m.group(2).lower()
    for months in (_MONTHS_FR, _MONTHS_EN):
        if month in months:
            return f"{m.group(3)}-{months.index(month) + 1:02d}-{int(m.group(1)):02d}"
    return None


def load_sample_document(path) -> Document:
    """Build a :class:`Document` from one of the sample Markdown files (simple reader).

    Header lines give a little metadata; after the preamble opener (or, in an
    excerpt without one, after the first gap marker) every block is a paragraph:
    ``N. …`` is OP N, ``(a) …`` a sub-paragraph of the previous one, anything else
    a PP (counted).  ``---`` rules and footnote blocks are dropped (footnotes kept
    in ``doc.footnotes``); a block that continues a paragraph cut by a page break
    (the previous one has no closing punctuation and no gap marker stands between)
    is joined to it with one space.
    """
    path = Path(path)
    raw = path.read_text(encoding="utf-8")
    raw = re.sub(r"<!--.*?-->", "", raw, flags=re.DOTALL)
    blocks = [b.strip() for b in re.split(r"\n[ \t\u00a0]*\n", raw)]
    blocks = [b for b in blocks if b]

    meta = Metadata()
    paras: list[Paragraph] = []
    footnotes: list[Footnote] = []
    gaps: list[int] = []
    in_body = False
    last_was_gap = False
    after_rule_line = False     # after a "______" footnote rule (plain-text excerpts)
    pp_count = 0
    for block in blocks:
        text = " ".join(line.strip() for line in block.splitlines())
        if text == "---" or set(text) <= {"_", "-"}:
            after_rule_line = set(text) == {"_"}
            continue
        if after_rule_line and re.match(r"^\d{1,2} \S", text):   # plain-text footnote block
            num, note = text.split(" ", 1)
            footnotes.append(Footnote(num, note.strip()))
            continue
        if _GAP_RE.match(text):
            gaps.append(len(paras))
            in_body = True
            last_was_gap = True
            continue
        fm = _FOOTBLOCK_RE.match(text)
        if fm:
            footnotes.append(Footnote(fm.group(1), _clean_inline(fm.group(2))[0].strip()))
            continue
        plain = text.replace("*", "").strip()
        if not in_body:
            if plain in _OPENERS:
                in_body = True
                meta.language = _OPENERS[plain]
                continue
            if text.startswith("#"):
                title = plain.lstrip("#").strip()
                if title not in ("Assemblée générale", "General Assembly"):
                    meta.title = title
            elif meta.date is None and _iso_date(plain):
                meta.date = _iso_date(plain)
            if ": projet de résolution" in plain or ": draft resolution" in plain:
                who, what = plain.rsplit(":", 1)
                meta.doc_type = ("revised draft resolution" if ("révisé" in what or "revised" in what)
                                 else "draft resolution")
                meta.sponsors = [s.strip() for s in re.split(r",| et | and ", who) if s.strip()]
            continue

        # ---- a body block
        leading = ""
        number = None
        sub = None
        m = _OP_RE.match(text)
        if m:
            number = m.group(1)
            text = text[m.end():]
        else:
            ms = _SUB_RE.match(text)
            if ms:
                sub = ms.group(1)
                text = text[ms.end():]
        lm = _LEAD_RE.match(text)
        if lm:
            leading = lm.group(1).strip()
        body, refs = _clean_inline(text)
        lead_strip = len(body) - len(body.lstrip())
        body = body.strip()
        refs = [FootnoteRef(r.number, max(0, r.offset - lead_strip)) for r in refs]

        prev = paras[-1] if paras else None
        prev_end = re.sub(r"\s\d{1,2}$", "", prev.text) if prev is not None else ""
        if (number is None and sub is None and prev is not None and not last_was_gap
                and prev_end and prev_end[-1] not in _TERMINAL and not _has_known_lead(body)):
            # continuation across a page break (OP9 of the French draft)
            shift = len(prev.text) + 1
            paras[-1] = replace(prev, text=prev.text + " " + body,
                                footnote_refs=prev.footnote_refs
                                + tuple(FootnoteRef(r.number, r.offset + shift) for r in refs))
            continue
        last_was_gap = False
        if not leading:
            leading = _known_lead(body)
        if number is not None:
            paras.append(Paragraph(id=f"OP{number}", kind="OP", number=number, text=body,
                                   footnote_refs=tuple(refs), leading=leading))
        elif sub is not None:
            parent = next((p for p in reversed(paras) if p.level == 0), None)
            pid = f"{parent.id}({sub})" if parent else f"P({sub})"
            paras.append(Paragraph(id=pid, kind=parent.kind if parent else "P", number=sub,
                                   text=body, level=1, parent=parent.id if parent else None,
                                   footnote_refs=tuple(refs), leading=leading))
        else:
            pp_count += 1
            paras.append(Paragraph(id=f"PP{pp_count}", kind="PP", number=str(pp_count), text=body,
                                   footnote_refs=tuple(refs), leading=leading))
    lang_in_name = re.search(r"\.(en|fr|es|ru|ar|zh)\.md$", path.name)
    if lang_in_name:
        meta.language = lang_in_name.group(1)
    if meta.language is None:
        sample = " ".join(p.text for p in paras[:5])
        meta.language = "fr" if re.search(r"\b(les|des|la|et)\b", sample) and not re.search(
            r"\b(the|and|of)\b", sample) else ("es" if re.search(r"\b(los|las|del)\b", sample) else "en")
    return Document(meta=meta, paragraphs=paras, footnotes=footnotes, gaps=gaps,
                    source=str(path), label=path.stem)


# =========================================================================== pools and word lists

def _lang(text: str) -> str:
    words = re.findall(r"\w+", text.lower())
    fr = sum(w in {"les", "des", "la", "et", "du", "aux", "sur", "une"} for w in words)
    en = sum(w in {"the", "and", "of", "to", "in", "on", "for"} for w in words)
    es = sum(w in {"los", "las", "del", "y", "el", "con", "para"} for w in words)
    best = max((fr, "fr"), (en, "en"), (es, "es"))
    return best[1]


_POOL_CACHE: dict[str, list[str]] = {}


def paragraph_pool(exclude: Iterable[str] = ()) -> list[str]:
    """Complete real paragraphs (top level) of every corpus file except the base draft.

    A paragraph counts as complete when it starts with a known leading word
    (so not the tail of a paragraph cut by a gap) and ends with ``,``, ``;`` or
    ``.`` (a trailing inline footnote number such as ``"Slavery, 4"`` is dropped
    first).  English and French only.  Deduplicated; in file order.
    """
    key = "pool"
    if key not in _POOL_CACHE:
        texts: list[str] = []
        folder = corpus_dir()
        for f in sorted(folder.glob("*.md")):
            if (f.name in (BASE_NAME, "SOURCES.md") or "illustrative" in f.name
                    or not re.search(r"\.(en|fr)\.md$", f.name)):
                continue
            for p in load_sample_document(f).paragraphs:
                t = re.sub(r",\s\d{1,2}$", ",", p.text.strip())
                # complete, top-level, English or French, not a tail after a gap,
                # not an opener of sub-paragraphs
                if (p.level or not t or t[-1] not in ",;." or not _has_known_lead(t)
                        or _lang(t) not in ("en", "fr")):
                    continue
                if t not in texts:
                    texts.append(t)
        _POOL_CACHE[key] = texts
    excl = set(exclude)
    return [t for t in _POOL_CACHE[key] if t not in excl]


# Realistic alternatives for leading words (same complement where possible).
LEAD_ALTERNATIVES: dict[str, list[str]] = {
    # French OPs
    "Exhorte": ["Engage", "Encourage", "Invite"],
    "Exhorte également": ["Engage également", "Encourage également", "Exhorte en outre"],
    "Considère": ["Reconnaît", "Estime", "Souligne"],
    "Salue": ["Accueille avec satisfaction", "Apprécie", "Note avec satisfaction"],
    "Demande": ["Demande instamment", "Demande de nouveau", "Demande également"],
    "Encourage": ["Engage", "Exhorte", "Invite", "Encourage vivement"],
    "Note avec satisfaction": ["Salue", "Accueille avec satisfaction"],
    "Sait": ["Reconnaît", "Souligne", "Considère"],
    "Prend note": ["Prend acte", "Se félicite", "Prend note avec intérêt"],
    "Invite": ["Engage", "Encourage", "Exhorte", "Invite instamment"],
    "Prie à nouveau": ["Prie", "Prie en outre", "Prie instamment"],
    "Prie": ["Prie également", "Prie en outre", "Prie instamment"],
    # French PPs
    "Rappelant": ["Réaffirmant", "Rappelant également", "Ayant à l'esprit"],
    "Rappelant également": ["Rappelant", "Rappelant en outre", "Réaffirmant"],
    "Rappelant en outre": ["Rappelant également", "Rappelant", "Réaffirmant"],
    "Se félicitant": ["Prenant note avec satisfaction", "Saluant", "Prenant acte"],
    "Consciente": ["Profondément consciente", "Pleinement consciente", "Convaincue"],
    "Accueillant favorablement": ["Saluant", "Accueillant avec satisfaction", "Approuvant"],
    "Considérant": ["Reconnaissant", "Estimant", "Soulignant"],
    "Considérant également": ["Reconnaissant également", "Soulignant", "Considérant en outre"],
    "Considérant en outre": ["Considérant également", "Reconnaissant en outre", "Soulignant"],
    "Réaffirmant": ["Rappelant", "Réitérant", "Réaffirmant également"],
    # English OPs
    "Encourages": ["Calls upon", "Urges", "Invites"],
    "Urges": ["Calls upon", "Encourages", "Strongly urges"],
    "Calls upon": ["Urges", "Encourages", "Invites"],
    "Recognizes": ["Acknowledges", "Stresses", "Reaffirms"],
    "Welcomes": ["Takes note of", "Notes with appreciation", "Endorses"],
    "Requests": ["Also requests", "Further requests", "Urges"],
    "Invites": ["Encourages", "Calls upon", "Urges"],
    "Notes": ["Welcomes", "Takes note of", "Notes with appreciation"],
    # English PPs
    "Recalling": ["Reaffirming", "Recalling also", "Bearing in mind"],
    "Recalling also": ["Recalling", "Recalling further", "Reaffirming"],
    "Recognizing": ["Acknowledging", "Stressing", "Noting"],
    "Welcoming": ["Noting with appreciation", "Taking note of", "Commending"],
    "Reaffirming": ["Recalling", "Reiterating", "Stressing"],
    "Taking note of": ["Welcoming", "Noting", "Noting with appreciation"],
    "Underlining": ["Stressing", "Emphasizing", "Reaffirming"],
    "Reiterating": ["Reaffirming", "Recalling", "Stressing"],
}
_FALLBACK_LEADS = {
    ("fr", "PP"): ["Soulignant", "Réaffirmant", "Considérant"],
    ("fr", "OP"): ["Souligne", "Réaffirme", "Engage"],
    ("en", "PP"): ["Stressing", "Noting", "Reaffirming"],
    ("en", "OP"): ["Stresses", "Reaffirms", "Calls upon"],
}
# Participle (PP) -> verb (OP), to turn a pool PP into an OP.
_PP_TO_OP = {
    "Rappelant": "Rappelle", "Réaffirmant": "Réaffirme", "Considérant": "Considère",
    "Prenant acte": "Prend acte", "Prenant note": "Prend note", "Se félicitant": "Se félicite",
    "Consciente": "Est consciente", "Reconnaissant": "Reconnaît", "Soulignant": "Souligne",
    "Recalling": "Recalls", "Recognizing": "Recognizes", "Welcoming": "Welcomes",
    "Reaffirming": "Reaffirms", "Taking note": "Takes note", "Underlining": "Underlines",
    "Reiterating": "Reiterates", "Bearing in mind": "Bears in mind", "Noting": "Notes",
    "Stressing": "Stresses", "Acknowledging": "Acknowledges",
}
_INSERT_PHRASES = {
    "fr": ["notamment", "en particulier", "selon qu'il conviendra", "dans la mesure du possible",
           "également", "pleinement", "effectivement", "de toute urgence", "le cas échéant",
           "aux niveaux national et régional"],
    "en": ["in particular", "as appropriate", "also", "fully", "effectively", "where possible",
           "urgently", "at the national and regional levels", "inter alia"],
}
_CONJ = {"fr": "et", "en": "and", "es": "y"}
_ALSO = {"fr": "également", "en": "also", "es": "también"}


def _lead_alternative(lead: str, kind: str, lang: str, rng: random.Random) -> str:
    options = LEAD_ALTERNATIVES.get(lead)
    if not options:
        first = lead.split(" ")[0]
        options = LEAD_ALTERNATIVES.get(first) or _FALLBACK_LEADS.get((lang, kind)) \
            or _FALLBACK_LEADS[("en", kind if kind in ("PP", "OP") else "OP")]
    options = [o for o in options if o != lead]
    return rng.choice(options)


def _as_op(text: str) -> tuple[str, str]:
    """Turn a (pool) PP-styled text into an OP: participle → verb, final comma → semicolon."""
    lead = _known_lead(text)
    for part, verb in sorted(_PP_TO_OP.items(), key=lambda kv: -len(kv[0])):
        if text.startswith(part + " ") or text.startswith(part + ","):
            text = verb + text[len(part):]
            lead = verb + lead[len(part):] if lead.startswith(part) else verb
            break
    if text.endswith(","):
        text = text[:-1] + ";"
    return text, lead


def _as_pp(text: str) -> str:
    if text.endswith(";") or text.endswith("."):
        text = text[:-1] + ","
    return text


# =========================================================================== edits

LEVELS = {"light": (0.05, 0.10), "medium": (0.15, 0.25), "heavy": (0.40, 0.50)}


def _lead_token_count(text: str, lead: str) -> int:
    return len(lead.split()) if lead and text.startswith(lead) else 1


def edit_words(text: str, lead: str, level: str, rng: random.Random, vocab: Sequence[str],
               lang: str) -> str:
    """Edit ``text`` the way a drafter does: replace, insert or delete short runs
    of 1–4 words (replacement/insert words are runs of real words taken from
    ``vocab``, a list of texts in the same language, or set phrases such as
    "notamment").  Never touches the leading words or the closing punctuation.
    ``level``: light (5–10 % of the words), medium (15–25 %), heavy (40–50 %).
    Always returns a different text."""
    tokens = text.split(" ")
    keep = _lead_token_count(text, lead)
    n = len(tokens)
    phrases = _INSERT_PHRASES.get(lang, _INSERT_PHRASES["en"])
    lo, hi = LEVELS[level]
    budget = max(1, round(rng.uniform(lo, hi) * n))
    touched = [False] * n
    for i in range(keep):
        touched[i] = True
    touched[-1] = True                       # keeps the closing punctuation in place
    # edits as (start, end, replacement tokens) on the ORIGINAL token indices
    edits: list[tuple[int, int, list[str]]] = []

    def run_of_words() -> list[str]:
        if vocab and rng.random() < 0.7:
            src = rng.choice(vocab).split(" ")
            length = rng.randint(1, min(4, len(src)))
            start = rng.randint(0, len(src) - length)
            words = [w.strip(",;.:()") for w in src[start:start + length]]
            words = [w for w in words if w]
            if words:
                return words
        return rng.choice(phrases).split(" ")

    tries = 0
    while budget > 0 and tries < 200:
        tries += 1
        length = min(budget, rng.randint(1, 4))
        start = rng.randint(keep, max(keep, n - 1 - length))
        span = range(start, start + length)
        if start + length > n - 1 or any(touched[i] for i in span):
            continue
        op = rng.random()
        if op < 0.5:                        # replace a run
            repl = run_of_words()
            trail = re.match(r"^.*?([,;:]*)$", tokens[start + length - 1]).group(1)
            if repl == [t.strip(",;:") for t in tokens[start:start + length]]:
                continue
            edits.append((start, start + length, repl[:-1] + [repl[-1] + trail]))
        elif op < 0.75:                     # insert a run after the span's first word
            repl = run_of_words()
            edits.append((start + 1, start + 1, repl))
            span = range(start, start + 1)
            length = len(repl)
        else:                               # delete a run (keep any comma it ended with)
            trail = re.match(r"^.*?([,;:]*)$", tokens[start + length - 1]).group(1)
            if trail and start > keep and not touched[start - 1]:
                edits.append((start - 1, start + length, [tokens[start - 1].rstrip(",;:") + trail]))
                touched[start - 1] = True
            elif trail:
                continue
            else:
                edits.append((start, start + length, []))
        for i in span:
            touched[i] = True
        budget -= length
    for start, end, repl in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        tokens[start:end] = repl
    out = " ".join(t for t in tokens if t)
    if out == text:
        out = text[:-1].rstrip() + " " + rng.choice(phrases) + text[-1]
    return out


def _vocab(texts: Iterable[str]) -> list[str]:
    """Source texts for replacement words: the paragraphs themselves."""
    return [t for t in texts if len(t.split()) >= 4]


def split_text(text: str, lead: str, kind: str, lang: str, rng: random.Random
               ) -> Optional[tuple[str, str, str]]:
    """Split at a clause boundary (a token ending with ``,`` or ``;`` in the middle
    third or so).  Returns (first text, second text, second leading words) or None."""
    tokens = text.split(" ")
    n = len(tokens)
    if n < 16:
        return None
    cands = [i for i in range(max(6, int(n * 0.3)), min(n - 6, int(n * 0.75)) + 1)
             if tokens[i - 1][-1:] in ",;"]
    if not cands:
        return None
    conjunctions = {"fr": (("ainsi", "que"), ("et",)), "es": (("así", "como"), ("y",))}.get(
        lang, (("as", "well", "as"), ("and",)))

    def conj_len(i: int) -> int:
        for c in conjunctions:
            if tuple(tokens[i:i + len(c)]) == c:
                return len(c)
        return 0

    conj = [i for i in cands if conj_len(i)]
    i = rng.choice(conj or cands)
    close = ";" if kind == "OP" else ","
    first = tokens[:i]
    first[-1] = first[-1][:-1] + close
    rest = tokens[i + conj_len(i):]
    word = rest[0]
    verbish = word.lower() in {w.split(" ")[0].lower() for w in LEAD_ALTERNATIVES} | {
        "invite", "demande", "prie", "engage", "encourage", "exhorte", "souligne", "recognizes",
        "invites", "requests", "urges", "encourages", "calls", "welcomes", "notes", "stresses"}
    if verbish:
        second = word[:1].upper() + word[1:]
        second_lead = second
        rest = [second] + rest[1:]
    else:
        also = _ALSO.get(lang, "also")
        if not lead:
            second_lead = also.title()
        elif any(w in lead.split() for w in ("également", "outre", "also", "further", "nouveau")):
            second_lead = lead
        else:
            second_lead = f"{lead} {also}"
        rest = second_lead.split(" ") + rest
    if rest[-1][-1:] not in _TERMINAL:
        rest[-1] += close
    return " ".join(first), " ".join(rest), second_lead


def merge_texts(a: str, b: str, lang: str) -> str:
    """Join two consecutive paragraphs into one: ``a`` minus its closing mark,
    ``, et`` / ``, and``, then ``b`` with a lower-case first letter."""
    a = a.rstrip()
    if a[-1:] in _TERMINAL:
        a = a[:-1]
    b = b.strip()
    return f"{a}, {_CONJ.get(lang, 'and')} {b[:1].lower()}{b[1:]}"


# =========================================================================== the generator

@dataclass
class _Item:
    text: str
    kind: str                      # PP or OP
    leading: str
    gid: int                       # truth group key
    refs: tuple = ()


@dataclass
class _Group:
    old: tuple[str, ...]
    kind: str = "unchanged"        # before final classification
    edited: bool = False
    structural: bool = False       # split or merge: not edited/moved further
    intended_move: bool = False
    leading_change: Optional[tuple[str, str]] = None


def _weighted_lis_keep(seq: list[tuple[int, int]]) -> set[int]:
    """``seq`` = [(old_position, weight)] in new order.  Returns the indices of a
    maximum-weight strictly increasing chain (weights make the count dominate,
    then prefer keeping paragraphs the generator did not move on purpose)."""
    n = len(seq)
    best = [0] * n
    prev = [-1] * n
    for i, (pos, w) in enumerate(seq):
        best[i] = w
        for j in range(i):
            if seq[j][0] < pos and best[j] + w > best[i]:
                best[i] = best[j] + w
                prev[i] = j
    if not n:
        return set()
    i = max(range(n), key=lambda k: best[k])
    keep = set()
    while i != -1:
        keep.add(i)
        i = prev[i]
    return keep


@lru_cache(maxsize=4096)
def _wordset(text: str) -> frozenset[str]:
    return frozenset(w.lower().replace("’", "'") for w in re.findall(r"[^\W\d_][\w'’\-]{3,}", text))


def _overlap(a: str, b: str) -> float:
    """Share of the smaller paragraph's distinct words (4+ letters) found in the other."""
    wa, wb = _wordset(a), _wordset(b)
    return len(wa & wb) / min(len(wa), len(wb)) if wa and wb else 0.0


def _binom(rng: random.Random, n: int, p: float) -> int:
    return sum(rng.random() < p for _ in range(n))


MODES = ("mixed", "renumber-only")


def make_revision(doc: Document, rng: random.Random, strength: float, mode: str = "mixed"
                  ) -> tuple[Document, list[TruthGroup]]:
    """A synthetic revision of ``doc`` and its ground truth.

    ``strength`` (0–1) scales how many operations are applied (0 → an identical
    copy).  ``mode="renumber-only"``: exactly one paragraph inserted or deleted
    among the first three of its part, so that many later paragraphs are only
    renumbered.  Only top-level PPs and OPs are used; PPs stay in the preamble
    and OPs in the operative part.
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}")
    strength = min(1.0, max(0.0, strength))
    lang = doc.meta.language or _lang(" ".join(p.text for p in doc.paragraphs))
    top = [p for p in doc.paragraphs if p.level == 0 and p.kind in ("PP", "OP")]
    old_pos = {p.id: i for i, p in enumerate(top)}
    old_text = {p.id: p.text for p in top}
    groups: dict[int, _Group] = {}
    sec: dict[str, list[_Item]] = {"PP": [], "OP": []}
    for i, p in enumerate(top):
        groups[i] = _Group(old=(p.id,))
        sec[p.kind].append(_Item(p.text, p.kind, p.leading or _known_lead(p.text), i, p.footnote_refs))
    next_gid = len(top)
    # the pool must not hold a later version of one of doc's own paragraphs
    # (78/228's « Rappelant la Convention … » is PP3 of the 2008 draft, reworded):
    # inserting it after deleting its ancestor would make the truth ambiguous
    pool_all = [t for t in paragraph_pool(exclude=old_text.values())
                if max((_overlap(t, o) for o in old_text.values()), default=0.0) < 0.4]
    pool_same = [t for t in pool_all if _lang(t) == lang]
    vocab = _vocab(list(old_text.values()))
    inserted: list[tuple[int, str]] = []   # (gid, section)

    def fresh(gid_kind: str) -> int:
        nonlocal next_gid
        groups[next_gid] = _Group(old=(), kind=gid_kind)
        next_gid += 1
        return next_gid - 1

    def untouched(item: _Item) -> bool:
        g = groups[item.gid]
        return bool(g.old) and not g.structural and not g.edited and not g.intended_move \
            and g.kind == "unchanged"

    def between_halves(items: list[_Item], j: int) -> bool:
        return 0 < j < len(items) and items[j - 1].gid == items[j].gid

    def insert_paragraph(section: str, position: Optional[int] = None) -> None:
        items = sec[section]
        used = {it.text for s in sec.values() for it in s}
        derived = rng.random() < 0.2 and items
        if derived:   # new paragraph built from agreed language of an existing one
            src = rng.choice(items)
            text = edit_words(src.text, src.leading, "heavy", rng, vocab, lang)
            lead = src.leading
            new_lead = _lead_alternative(lead, section, lang, rng)
            if text.startswith(lead):
                text, lead = new_lead + text[len(lead):], new_lead
        else:
            candidates = [t for t in (pool_same if pool_same and rng.random() < 0.5 else pool_all)
                          if t not in used] or [t for t in pool_all if t not in used]
            if not candidates:
                return
            text = rng.choice(candidates)
            if section == "OP":
                text, lead = _as_op(text)
            else:
                text, lead = _as_pp(text), _known_lead(text)
        if text in used:
            return
        # never between the two halves of a split: they stay consecutive
        slots = [j for j in range(len(items) + 1) if not between_halves(items, j)]
        pos = rng.choice(slots) if position is None else position
        gid = fresh("inserted")
        items.insert(pos, _Item(text, section, lead, gid))
        inserted.append((gid, section))

    def delete_paragraph(section: str, position: Optional[int] = None) -> None:
        items = sec[section]
        choices = [i for i, it in enumerate(items) if untouched(it)] if position is None else [position]
        if not choices or len(items) <= 2:
            return
        i = rng.choice(choices)
        groups[items[i].gid].kind = "deleted"
        del items[i]

    if mode == "renumber-only":
        section = "OP" if rng.random() < 0.7 or not sec["PP"] else "PP"
        position = rng.randint(0, min(2, len(sec[section]) - 1))
        if rng.random() < 0.5:
            insert_paragraph(section, position)
        else:
            delete_paragraph(section, position)
    else:
        s = strength
        # 1. deletions (OP and PP)
        for _ in range(_binom(rng, 2, s)):
            delete_paragraph("OP")
        for _ in range(_binom(rng, 1, s)):
            delete_paragraph("PP")
        # 2. merges of two consecutive paragraphs (consecutive in the old text too)
        for _ in range(_binom(rng, 2, s * 0.8)):
            section = rng.choice(["OP", "OP", "PP"])
            items = sec[section]
            cands = [i for i in range(len(items) - 1)
                     if untouched(items[i]) and untouched(items[i + 1])
                     and old_pos[groups[items[i + 1].gid].old[0]] == old_pos[groups[items[i].gid].old[0]] + 1]
            if not cands:
                continue
            i = rng.choice(cands)
            a, b = items[i], items[i + 1]
            g = groups[a.gid]
            g.old = g.old + groups[b.gid].old
            g.kind, g.structural = "merged", True
            del groups[b.gid]
            merged = merge_texts(a.text, b.text, lang)
            shift = len(merged) - len(b.text)
            refs = tuple(r for r in a.refs if r.offset <= len(a.text) - 1) + tuple(
                FootnoteRef(r.number, r.offset + shift) for r in b.refs)
            items[i:i + 2] = [_Item(merged, section, a.leading, a.gid, refs)]
        # 3. splits at a clause boundary
        for _ in range(_binom(rng, 2, s * 0.8)):
            section = rng.choice(["OP", "OP", "PP"])
            items = sec[section]
            cands = [i for i, it in enumerate(items) if untouched(it) and len(it.text.split()) >= 16]
            rng.shuffle(cands)
            for i in cands:
                res = split_text(items[i].text, items[i].leading, section, lang, rng)
                if res:
                    first, second, second_lead = res
                    g = groups[items[i].gid]
                    g.kind, g.structural = "split", True
                    it = items[i]
                    first_refs = tuple(r for r in it.refs if r.offset < len(first))
                    items[i:i + 1] = [_Item(first, section, it.leading, it.gid, first_refs),
                                      _Item(second, section, second_lead, it.gid)]
                    break
        # 4. leading word changes
        for _ in range(_binom(rng, 3, s)):
            section = rng.choice(["OP", "OP", "PP"])
            cands = [it for it in sec[section] if untouched(it) and it.text.startswith(it.leading)
                     and it.leading]
            if not cands:
                continue
            it = rng.choice(cands)
            new_lead = _lead_alternative(it.leading, section, lang, rng)
            g = groups[it.gid]
            g.leading_change = (it.leading, new_lead)
            g.edited = True
            delta = len(new_lead) - len(it.leading)
            it.text = new_lead + it.text[len(it.leading):]
            it.refs = tuple(FootnoteRef(r.number, r.offset + delta) for r in it.refs)
            it.leading = new_lead
        # 5. word edits (light / medium / heavy, heavier with strength)
        for _ in range(_binom(rng, 8, s * 0.8)):
            section = rng.choice(["OP", "OP", "PP"])
            cands = [it for it in sec[section] if groups[it.gid].old and not groups[it.gid].structural
                     and groups[it.gid].kind == "unchanged"]
            if not cands:
                continue
            it = rng.choice(cands)
            level = rng.choices(["light", "medium", "heavy"], weights=[1.2 - s, 1.0, 0.2 + s])[0]
            it.text = edit_words(it.text, it.leading, level, rng, vocab, lang)
            it.refs = ()
            groups[it.gid].edited = True
        # 6. moves within a part (some also edited)
        for _ in range(_binom(rng, 3, s * 0.8)):
            section = rng.choice(["OP", "OP", "PP"])
            items = sec[section]
            cands = [i for i, it in enumerate(items) if groups[it.gid].old and
                     not groups[it.gid].structural and not groups[it.gid].intended_move
                     and groups[it.gid].kind == "unchanged"]
            if not cands or len(items) < 4:
                continue
            i = rng.choice(cands)
            # positions in the list without the item; |j - i| >= 2 is a real move
            rest = items[:i] + items[i + 1:]
            targets = [j for j in range(len(rest) + 1)
                       if abs(j - i) >= 2 and not between_halves(rest, j)]
            if not targets:
                continue
            it = items.pop(i)
            items.insert(rng.choice(targets), it)
            g = groups[it.gid]
            g.intended_move = True
            if not g.edited and rng.random() < 0.5:
                it.text = edit_words(it.text, it.leading, rng.choice(["light", "medium"]), rng,
                                     vocab, lang)
                it.refs = ()
                g.edited = True
        # 7. insertions (OP and PP)
        for _ in range(_binom(rng, 2, s)):
            insert_paragraph("OP")
        for _ in range(_binom(rng, 1, s)):
            insert_paragraph("PP")

    # ---- renumber and build the new document
    new_paras: list[Paragraph] = []
    members: dict[int, list[str]] = {}
    for section in ("PP", "OP"):
        for k, it in enumerate(sec[section], start=1):
            pid = f"{section}{k}"
            members.setdefault(it.gid, []).append(pid)
            new_paras.append(Paragraph(id=pid, kind=section, number=str(k), text=it.text,
                                       footnote_refs=tuple(it.refs), leading=it.leading))
    new_doc = Document(meta=replace(doc.meta, sponsors=list(doc.meta.sponsors)),
                       paragraphs=new_paras, footnotes=list(doc.footnotes),
                       source=f"<synthetic revision of {doc.source}>",
                       label=f"{doc.label or 'doc'}+synthetic")

    # ---- moved: outside a maximum order-preserving chain
    order = [gid for gid in dict.fromkeys(it.gid for s_ in ("PP", "OP") for it in sec[s_])
             if groups[gid].old]
    seq = [(old_pos[groups[g].old[0]], 999 if groups[g].intended_move else 1000) for g in order]
    keep = _weighted_lis_keep(seq)
    moved_gids = {g for k, g in enumerate(order) if k not in keep}

    truth: list[TruthGroup] = []
    for gid in sorted(groups, key=lambda g: (old_pos[groups[g].old[0]] if groups[g].old else 10**6,
                                             members.get(g, [""])[0])):
        g = groups[gid]
        new_ids = tuple(members.get(gid, ()))
        if g.kind == "deleted":
            truth.append(TruthGroup(g.old, (), "deleted", False, False))
            continue
        if g.kind == "inserted":
            truth.append(TruthGroup((), new_ids, "inserted", False, False))
            continue
        kind = g.kind if g.kind in ("split", "merged") else ("modified" if g.edited else "unchanged")
        truth.append(TruthGroup(g.old, new_ids, kind, gid in moved_gids, g.edited,
                                renumbered=g.old[0] != new_ids[0], leading_change=g.leading_change))
    # readable order: by new position; a deletion right after the group that holds
    # the nearest surviving old paragraph before it
    new_index = {p.id: i for i, p in enumerate(new_paras)}
    where_old = {o: t.new[0] for t in truth if t.new for o in t.old}

    def sort_key(t: TruthGroup):
        if t.new:
            return (new_index[t.new[0]], 0, 0)
        before = [where_old[p.id] for p in top[:old_pos[t.old[0]]] if p.id in where_old]
        return (max((new_index[n] for n in before), default=-1), 1, old_pos[t.old[0]])

    truth.sort(key=sort_key)
    return new_doc, truth


# =========================================================================== pairs

STRENGTHS = (0.15, 0.35, 0.55, 0.75, 1.0)


def base_document() -> Document:
    return load_sample_document(corpus_dir() / BASE_NAME)


def generate_pairs(n: int, seed: int) -> list[tuple[Document, Document, list[TruthGroup]]]:
    """``n`` (old, new, truth) triples from the French draft, deterministic in
    ``seed``: every 5th pair is ``renumber-only``, the others ``mixed`` with
    strengths cycling through :data:`STRENGTHS`."""
    base = base_document()
    out = []
    for i in range(n):
        rng = random.Random(f"synthetic:{seed}:{i}")
        mode = "renumber-only" if i % 5 == 4 else "mixed"
        strength = STRENGTHS[i % len(STRENGTHS)]
        new_doc, truth = make_revision(base, rng, strength, mode)
        new_doc.label = f"synthetic-{seed}-{i}-{mode}-{strength}"
        out.append((base, new_doc, truth))
    return out


# =========================================================================== scoring

def _links(groups: Iterable[tuple[Sequence[str], Sequence[str]]]) -> set[tuple[Optional[str], Optional[str]]]:
    links: set[tuple[Optional[str], Optional[str]]] = set()
    for old, new in groups:
        old, new = list(old), list(new)
        if old and new:
            links.update((o, n) for o in old for n in new)
        elif old:
            links.update((o, None) for o in old)
        elif new:
            links.update((None, n) for n in new)
    return links


def _prf(pred: set, gold: set) -> tuple[float, float, float]:
    if not pred and not gold:
        return 1.0, 1.0, 1.0
    hit = len(pred & gold)
    p = hit / len(pred) if pred else 0.0
    r = hit / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _as_group(g) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if hasattr(g, "old") and hasattr(g, "new"):      # TruthGroup or compare.model.Pair
        return tuple(g.old), tuple(g.new)
    old, new = g
    return tuple(old), tuple(new)


def score(truth: list[TruthGroup], predicted_groups) -> dict:
    """Compare predicted groups with the truth.

    ``predicted_groups``: (old ids, new ids) tuples (objects with ``.old`` /
    ``.new``, such as :class:`compare.model.Pair`, are accepted too).  Links
    are the (old, new) pairs implied by the groups; an insertion is
    (None, new), a deletion (old, None).  Returned keys:

    * ``precision``, ``recall``, ``f1`` over all links;
    * ``moved_edited_f1`` over links touching paragraphs that were moved AND
      edited (``None`` when there are none), ``moved_edited_n``;
    * ``split_merge_recall``: share of true splits/merges predicted as a group
      with exactly the same old and new id sets (``None`` if none), ``split_merge_n``;
    * ``renumbered_false_del_ins``: how many paragraphs that were only renumbered
      (unchanged, not moved, new id) were reported deleted or inserted
      (each side counts once), ``renumbered_only_n``.
    """
    pred_groups = [_as_group(g) for g in predicted_groups]
    gold = _links((t.old, t.new) for t in truth)
    pred = _links(pred_groups)
    p, r, f = _prf(pred, gold)

    me = [t for t in truth if t.moved and t.edited]
    me_old = {o for t in me for o in t.old}
    me_new = {n for t in me for n in t.new}
    if me:
        def touches(link):
            return link[0] in me_old or link[1] in me_new
        _, _, me_f = _prf({l for l in pred if touches(l)}, {l for l in gold if touches(l)})
    else:
        me_f = None

    sm = [t for t in truth if t.kind in ("split", "merged")]
    pred_sets = {(frozenset(o), frozenset(n)) for o, n in pred_groups}
    found = sum((frozenset(t.old), frozenset(t.new)) in pred_sets for t in sm)

    ren = [t for t in truth if t.kind == "unchanged" and not t.moved and t.old != t.new]
    ren_old = {t.old[0] for t in ren}
    ren_new = {t.new[0] for t in ren}
    false_di = sum(1 for o, n in pred if (n is None and o in ren_old) or (o is None and n in ren_new))

    return {
        "precision": p, "recall": r, "f1": f,
        "moved_edited_f1": me_f, "moved_edited_n": len(me),
        "split_merge_recall": (found / len(sm)) if sm else None, "split_merge_n": len(sm),
        "renumbered_false_del_ins": false_di, "renumbered_only_n": len(ren),
    }


# =========================================================================== hand-written truth

def load_expected(path) -> list[TruthGroup]:
    """Read a ``samples/*.expected.json`` file into TruthGroups (``edited`` is
    derived: status ``modified``; splits and merges count as not edited)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    out = []
    for p in data["pairs"]:
        lc = p.get("leading_change")
        out.append(TruthGroup(tuple(p["old"]), tuple(p["new"]), p["status"], bool(p.get("moved")),
                              p["status"] == "modified", bool(p.get("renumbered")),
                              tuple(lc) if lc else None))
    return out


# =========================================================================== hard classes
#
# ``make_class_revision(doc, rng, cls)`` builds one revision that contains one
# (or two) cases of a named class that negotiators meet in informal rounds and
# that ``make_revision`` never produces, over background noise (light edits, a
# leading-word change, an insertion, a deletion, a move).  Both versions may
# differ from ``doc`` (a short look-alike or a list needs to exist in the old
# text first).  The truth groups of the class carry ``tag == cls``.

CLASSES = ("moved_edited", "scattered_split", "scattered_merge", "elaborated_split", "condensed_merge",
           "op_to_list", "list_to_op", "short_lookalike", "boilerplate_replacement",
           "moved_rewritten", "lookalike_block", "several_at_once")
# several_at_once: one revision with a moved_rewritten paragraph, a lookalike_block, a split and a
# merge (each tagged several_at_once), as a negotiation round delivers them

_SESSIONS_FR = ["soixante-troisième", "soixante-quatrième", "soixante-cinquième", "soixante-sixième",
                "soixante-septième"]
_TOPICS_FR = ["la traite des êtres humains", "l'application de la présente résolution",
              "les activités de l'Office des Nations Unies contre la drogue et le crime",
              "la coordination des efforts déployés contre la traite des personnes",
              "les travaux de la Conférence des Parties à la Convention",
              "la protection des victimes de la traite, en particulier les femmes et les enfants",
              "l'application de sa résolution 61/180", "le Fonds de contributions volontaires"]
_SHORT_FR = [
    "Prend note du rapport du Secrétaire général sur {t} ;",
    "Prend note avec satisfaction du rapport de la Rapporteuse spéciale sur {t} ;",
    "Décide d'inscrire à l'ordre du jour provisoire de sa {s} session la question intitulée « {T} » ;",
    "Décide de poursuivre l'examen de la question à sa {s} session ;",
    "Prie le Secrétaire général de lui présenter, à sa {s} session, un rapport sur {t} ;",
    "Invite les États Membres à verser des contributions au titre de {t} ;",
    "Prie le Secrétaire général de prendre les mesures voulues pour {t2} ;",
]
_SHORT_LEADS = ("Prend note avec satisfaction", "Prend note", "Décide", "Prie", "Invite")
_SHORT_VERBS = {"Prend note": ["Prend acte", "Se félicite", "Prend note avec intérêt"],
                "Décide": ["Décide également", "Décide en outre"],
                "Prie": ["Prie également", "Prie en outre"], "Invite": ["Engage", "Encourage"]}
_ELABORATIONS_FR = [
    "en tenant compte des besoins particuliers des femmes et des enfants victimes de la traite",
    "notamment en renforçant la coopération entre les services de police, les services de "
    "l'immigration et les autorités judiciaires des pays d'origine, de transit et de destination",
    "en étroite coordination avec les organismes compétents des Nations Unies et les "
    "organisations régionales et sous-régionales",
    "y compris en fournissant une assistance technique aux pays qui en font la demande",
    "dans le respect des droits de l'homme et des libertés fondamentales des victimes",
    "et à rendre compte des progrès accomplis dans les rapports qu'ils présentent à la Conférence",
]


@dataclass
class _Spec:
    """A paragraph to be: text, kind, level (0, or 1 for a sub-paragraph of the
    previous top-level one), leading words, and the old spec indices it comes from."""

    text: str
    kind: str
    leading: str = ""
    level: int = 0
    src: tuple[int, ...] = ()
    tag: str = ""
    busy: bool = False             # taken by the class operation or the noise: leave alone
    short: Optional["_Short"] = None   # a look-alike of lookalike_block: its slots


def _build(specs: list[_Spec], meta: Metadata, label: str) -> tuple[Document, list[str]]:
    """A Document with the parser's ids (PP1…, OP1…, OP5(a)…) and the id of each spec."""
    paras: list[Paragraph] = []
    ids: list[str] = []
    count = {"PP": 0, "OP": 0}
    parent: Optional[Paragraph] = None
    sub = 0
    for s in specs:
        if s.level and parent is not None:
            letter = "abcdefghijklmnop"[sub]
            sub += 1
            p = Paragraph(id=f"{parent.id}({letter})", kind=parent.kind, number=letter, text=s.text,
                          level=1, parent=parent.id, leading=s.leading)
        else:
            count[s.kind] += 1
            n = count[s.kind]
            p = Paragraph(id=f"{s.kind}{n}", kind=s.kind, number=str(n), text=s.text, leading=s.leading)
            parent, sub = p, 0
        paras.append(p)
        ids.append(p.id)
    return Document(meta=meta, paragraphs=paras, source=f"<{label}>", label=label), ids


def _body(text: str, lead: str) -> str:
    return text[len(lead):].lstrip() if lead and text.startswith(lead) else text


def _short_text(rng: random.Random, template: Optional[str] = None) -> str:
    t = template or rng.choice(_SHORT_FR)
    topic = rng.choice(_TOPICS_FR)
    return t.format(t=topic, T=topic[:1].upper() + topic[1:], s=rng.choice(_SESSIONS_FR),
                    t2=rng.choice(["renforcer " + topic, "appuyer " + topic, "faciliter " + topic]))


def _edit_short(text: str, rng: random.Random) -> str:
    """What a drafter does to a procedural one-liner: the session, the topic, a qualifier."""
    out = text
    for s in _SESSIONS_FR:
        if s in out:
            out = out.replace(s, rng.choice([x for x in _SESSIONS_FR if x != s]))
            break
    r = rng.random()
    if r < 0.4:
        topics = [t for t in _TOPICS_FR if t in out]
        if topics:
            out = out.replace(topics[0], rng.choice([t for t in _TOPICS_FR if t != topics[0]]))
    elif r < 0.7:
        for verb, alts in _SHORT_VERBS.items():
            if out.startswith(verb + " "):
                out = rng.choice(alts) + out[len(verb):]
                break
    if out == text or rng.random() < 0.3:
        out = out[:-1].rstrip() + ", " + rng.choice(_ELABORATIONS_FR[:3]) + " " + out[-1]
    return out


def _chapeau_and_list(text: str, lead: str, rng: random.Random) -> Optional[tuple[str, list[str]]]:
    """Cut an OP at its clause boundaries into a chapeau ending with « : » and 2–4
    sub-paragraph texts, the way a facilitator restructures a long OP."""
    tokens = text.split(" ")
    keep = _lead_token_count(text, lead)
    head = min(len(tokens) - 8, keep + rng.randint(1, 4))
    cuts = [i for i in range(head + 4, len(tokens) - 3) if tokens[i - 1][-1:] in ",;"]
    if len(cuts) < 1 or head <= keep - 1:
        return None
    cuts = sorted(rng.sample(cuts, min(len(cuts), rng.randint(1, 3))))
    chapeau = " ".join(tokens[:head]).rstrip(",;") + " :"
    pieces, start = [], head
    for c in cuts + [len(tokens)]:
        if c - start < 3:
            continue
        words = tokens[start:c]
        words[-1] = words[-1].rstrip(",;.") + ";"
        w0 = words[0]
        words[0] = w0[:1].upper() + w0[1:]
        pieces.append(" ".join(words))
        start = c
    if len(pieces) < 2:
        return None
    pieces[-1] = pieces[-1][:-1] + text[-1:]
    return chapeau, pieces


def _elaborate(text: str, rng: random.Random, vocab: Sequence[str]) -> str:
    """Expand a paragraph by 50–120 % with clauses of the same register."""
    extra: list[str] = []
    target = len(text.split()) * rng.uniform(0.5, 1.2)
    while sum(len(e.split()) for e in extra) < target:
        if rng.random() < 0.5:
            extra.append(rng.choice(_ELABORATIONS_FR))
        else:
            src = rng.choice(vocab).split(" ")
            k = rng.randint(6, min(14, len(src)))
            st = rng.randint(1, len(src) - k)
            extra.append(" ".join(w.strip(",;.:") for w in src[st:st + k]))
    return text[:-1].rstrip(",; ") + ", " + ", ".join(extra) + text[-1:]


def _condense(text: str, lead: str, rng: random.Random) -> str:
    """Remove 25–45 % of the words (never the leading words), as when two paragraphs are fused."""
    tokens = text.split(" ")
    keep = _lead_token_count(text, lead)
    n = len(tokens)
    drop = set()
    budget = int(rng.uniform(0.25, 0.45) * (n - keep - 1))
    while len(drop) < budget:
        st = rng.randint(keep, n - 2)
        drop.update(range(st, min(st + rng.randint(2, 6), n - 1)))
    return " ".join(t for i, t in enumerate(tokens) if i not in drop)


_OP_TO_PP_FR = {"Considère": "Considérant", "Réaffirme": "Réaffirmant", "Reconnaît": "Reconnaissant",
                "Souligne": "Soulignant", "Prend note": "Prenant note", "Salue": "Saluant",
                "Sait": "Sachant", "Note avec satisfaction": "Notant avec satisfaction"}


def _cross_lead(lead: str, kind: str) -> Optional[str]:
    """The leading words of the paragraph moved to the other part (OP verb ↔ PP participle)."""
    if kind == "OP":
        return _OP_TO_PP_FR.get(lead)
    base = {v: k for k, v in _PP_TO_OP.items()}
    for part, verb in sorted(_PP_TO_OP.items(), key=lambda kv: -len(kv[0])):
        if lead == part or lead.startswith(part + " "):
            return verb + lead[len(part):]
    return base.get(lead)


# =========================================================================== harder classes
#
# moved_rewritten: paragraphs moved far (≥ 4 places, or into the other part with OP verb ↔ PP
# participle) and rewritten the way a facilitator does (synonyms, clauses reordered, 40–60 % of
# the words changed).  lookalike_block: 4–7 one-line procedural OPs built from slots (report,
# agenda item, session, document symbol, resolution), revised slot by slot, reordered, one
# dropped or added.  Both keep the truth knowable by a measure the aligner does not use
# (difflib over words): a rewritten paragraph is still closer to its source than to any other
# old paragraph, and the look-alikes pair up by peeling off, one by one, the pair that is
# clearly the best of all those left.

_SYNONYMS_FR = [
    ("renforcer", "intensifier"), ("lutter contre", "combattre"), ("prévenir", "empêcher"),
    ("coopération", "collaboration"), ("efforts", "initiatives"), ("mesures", "dispositions"),
    ("notamment", "en particulier"), ("appuyer", "soutenir"), ("promouvoir", "favoriser"),
    ("assurer", "garantir"), ("compétentes", "concernées"), ("compétents", "concernés"),
    ("organisations", "institutions"), ("traite des êtres humains", "traite des personnes"),
    ("poursuivre", "continuer"), ("important", "essentiel"), ("indispensable", "essentielle"),
    ("élaborer", "mettre au point"), ("appliquer", "mettre en œuvre"), ("application", "mise en œuvre"),
    ("gouvernements", "autorités nationales"), ("données", "informations"), ("protéger", "défendre"),
    ("assistance", "aide"), ("sensibilisation", "information du public"), ("problème", "phénomène"),
    ("pratiques", "méthodes"), ("pleinement", "intégralement"), ("victimes", "personnes victimes"),
    ("menace", "danger"), ("instruments", "textes"), ("accélérer", "hâter"), ("combat", "lutte"),
    ("mandats", "attributions"), ("ressources suffisantes", "moyens suffisants"), ("progrès", "avancées"),
    ("vaste", "large"), ("large", "vaste"), ("activités", "travaux"), ("renforcement", "consolidation"),
]


def _wordlist(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.lower())


def _ratio(a: str, b: str) -> float:
    """difflib's ratio over the two word sequences: the generator's own, independent notion of close."""
    import difflib
    return difflib.SequenceMatcher(None, _wordlist(a), _wordlist(b), autojunk=False).ratio()


def _changed_share(src: str, out: str) -> float:
    """Share of the words of ``src`` (as a multiset) that ``out`` no longer has."""
    from collections import Counter
    a, b = Counter(_wordlist(src)), Counter(_wordlist(out))
    return 1 - sum((a & b).values()) / max(sum(a.values()), 1)


def _synonyms(text: str, lead: str, rng: random.Random, share: float) -> str:
    keep = len(lead) if lead and text.startswith(lead) else 0
    head, body = text[:keep], text[keep:]
    for a, b in rng.sample(_SYNONYMS_FR, len(_SYNONYMS_FR)):
        if rng.random() < share:
            body = re.sub(rf"\b{re.escape(a)}\b", b, body, count=0)
    return head + body


def _reorder_clauses(text: str, lead: str, rng: random.Random) -> str:
    """Swap two clauses (comma-separated runs) after the first: « …, y compris X, et Y » → « …, et Y, y compris X »."""
    end = text[-1] if text[-1:] in _TERMINAL else ""
    body = text[:-1] if end else text
    parts = body.split(", ")
    if len(parts) < 4:
        return text
    a, b = sorted(rng.sample(range(1, len(parts)), 2))
    parts[a], parts[b] = parts[b], parts[a]
    return ", ".join(parts) + end


def _clauses(text: str) -> tuple[list[str], str]:
    end = text[-1] if text[-1:] in _TERMINAL else ""
    return (text[:-1] if end else text).split(", "), end


def _rewrite(text: str, lead: str, rng: random.Random, vocab: Sequence[str], lang: str,
             old_texts: Sequence[str], src: str) -> Optional[str]:
    """``text`` reworded until 40–60 % of its words changed, as a facilitator's paraphrase:
    synonyms, clauses reordered, dropped or replaced by a clause of the same register, a few
    words edited; None when no attempt stays closer to ``src`` than to every other old text."""
    for _ in range(8):
        target = rng.uniform(0.4, 0.6)
        out = _synonyms(text, lead, rng, rng.uniform(0.6, 1.0))
        if rng.random() < 0.5:
            out = _reorder_clauses(out, lead, rng)
        for _ in range(12):
            if _changed_share(src, out) >= target:
                break
            parts, end = _clauses(out)
            r = rng.random()
            if r < 0.35 and len(parts) >= 3:                  # a clause dropped
                del parts[rng.randrange(1, len(parts))]
                out = ", ".join(parts) + end
            elif r < 0.65 and len(parts) >= 2:                # a clause replaced
                parts[rng.randrange(1, len(parts))] = rng.choice(_ELABORATIONS_FR)
                out = ", ".join(parts) + end
            else:
                out = edit_words(out, lead, "light", rng, vocab, lang)
        if rng.random() < 0.3:
            parts, end = _clauses(out)
            out = ", ".join(parts + [rng.choice(_ELABORATIONS_FR)]) + end
        if not 0.35 <= _changed_share(src, out) <= 0.7:
            continue
        own = _ratio(out, src)
        if all(_ratio(out, o) < own - 0.05 for o in old_texts if o != src):
            return out
    return None


_SESSIONS_ORD = ["soixante-troisième", "soixante-quatrième", "soixante-cinquième", "soixante-sixième",
                 "soixante-septième", "soixante-huitième", "soixante-neuvième", "soixante-dixième"]
_CCPCJ_ORD = ["dix-septième", "dix-huitième", "dix-neuvième", "vingtième", "vingt et unième", "vingt-deuxième"]
_WHO_FR = ["la Rapporteuse spéciale sur la traite des êtres humains, en particulier les femmes et les enfants",
           "l'Office des Nations Unies contre la drogue et le crime",
           "la Conférence des Parties à la Convention des Nations Unies contre la criminalité transnationale organisée",
           "le Groupe interinstitutions de coordination contre la traite des personnes",
           "la Rapporteuse spéciale sur les formes contemporaines d'esclavage, y compris leurs causes et leurs conséquences",
           "la Commission pour la prévention du crime et la justice pénale"]
_ITEMS_FR = ["Prévention du crime et justice pénale", "Promotion et protection des droits de l'homme",
             "Promotion de la femme", "Développement social", "Contrôle international des drogues"]
_FUNDS_FR = ["au Fonds de contributions volontaires des Nations Unies pour la lutte contre les formes "
             "contemporaines d'esclavage",
             "au Fonds de contributions volontaires des Nations Unies pour les victimes de la traite des personnes",
             "à l'Office des Nations Unies contre la drogue et le crime",
             "au Fonds de contributions volontaires des Nations Unies pour les victimes de la torture"]
_RES_FR = ["61/180 du 20 décembre 2006", "63/194 du 18 décembre 2008", "64/178 du 18 décembre 2009",
           "58/137 du 22 décembre 2003", "59/166 du 20 décembre 2004"]
# (template, verb alternatives): slots t (topic), u (second topic), s (session), c (Commission
# session), n (document number), w (body), i (agenda item), f (fund), r (resolution)
_BLOCK_FR = [
    ("Prend note du rapport du Secrétaire général sur {t} (A/{S}/{n}) ;", ["Prend acte", "Se félicite"]),
    ("Prend note avec satisfaction du rapport de {w} ;", ["Prend note", "Se félicite"]),
    ("Prend acte de la note du Secrétaire général transmettant le rapport de {w} (A/{S}/{n}) ;",
     ["Prend note"]),
    ("Décide d'inscrire à l'ordre du jour provisoire de sa {s} session, au titre de la question intitulée "
     "« {i} », la question subsidiaire intitulée « {U} » ;", ["Décide également", "Décide en outre"]),
    ("Décide de poursuivre l'examen de la question à sa {s} session, au titre de la question intitulée "
     "« {i} » ;", ["Décide également", "Décide en outre"]),
    ("Décide d'examiner à sa {s} session la question intitulée « {U} » ;", ["Décide également", "Décide en outre"]),
    ("Prie le Secrétaire général de lui présenter, à sa {s} session, un rapport sur {t} ;",
     ["Prie également", "Prie en outre"]),
    ("Prie le Secrétaire général de lui présenter à sa {s} session un rapport sur l'application de la "
     "présente résolution ;", ["Prie également", "Prie en outre"]),
    ("Prie le Secrétaire général de soumettre à la Commission pour la prévention du crime et la justice "
     "pénale, à sa {c} session, un rapport sur {t} ;", ["Prie également", "Prie en outre"]),
    ("Invite les États Membres et les autres donateurs à verser des contributions volontaires {f} ;",
     ["Engage", "Encourage"]),
    ("Réaffirme sa résolution {r} et ses autres résolutions sur {t} ;", ["Rappelle"]),
    ("Demande au Secrétaire général de transmettre la présente résolution à {w} ;", ["Demande également"]),
    ("Se félicite du rapport de {w} sur les travaux de sa {c} session ;", ["Prend note", "Prend acte"]),
    ("Engage les États Membres à appliquer pleinement sa résolution {r} ;", ["Exhorte", "Invite"]),
]
_BLOCK_VERBS = ("Prend note avec satisfaction", "Prend note", "Prend acte", "Se félicite", "Décide",
                "Prie", "Invite", "Réaffirme", "Demande", "Engage")
_QUALIFIERS_FR = ["et des recommandations qui y figurent", "en tenant compte des vues des États Membres",
                  "y compris sur les mesures prises pour en appliquer les recommandations",
                  "en particulier les femmes et les enfants", "dans la limite des ressources disponibles"]


@dataclass
class _Short:
    template: int
    slots: dict
    verb: str = ""                 # replaces the template's leading verb ("" = as written)
    qualifier: str = ""

    def render(self) -> str:
        tpl = _BLOCK_FR[self.template][0]
        s = self.slots
        text = tpl.format(t=_TOPICS_FR[s["t"]], U=_TOPICS_FR[s["u"]][:1].upper() + _TOPICS_FR[s["u"]][1:],
                          s=_SESSIONS_ORD[s["s"]], S=63 + s["s"], c=_CCPCJ_ORD[s["c"]], n=s["n"],
                          w=_WHO_FR[s["w"]], i=_ITEMS_FR[s["i"]], f=_FUNDS_FR[s["f"]], r=_RES_FR[s["r"]])
        if self.verb:
            old = _short_lead(text)
            text = self.verb + text[len(old):]
        if self.qualifier:
            text = text[:-2] + ", " + self.qualifier + " ;"
        return text


def _short_lead(text: str) -> str:
    for v in sorted({v for _, alts in _BLOCK_FR for v in alts} | set(_BLOCK_VERBS), key=len, reverse=True):
        if text.startswith(v + " "):
            return v
    return text.split(" ")[0]


def _random_short(rng: random.Random, template: int) -> _Short:
    return _Short(template, {"t": rng.randrange(len(_TOPICS_FR)), "u": rng.randrange(len(_TOPICS_FR)),
                             "s": rng.randrange(3), "c": rng.randrange(3), "n": rng.randint(150, 420),
                             "w": rng.randrange(len(_WHO_FR)), "i": rng.randrange(len(_ITEMS_FR)),
                             "f": rng.randrange(len(_FUNDS_FR)), "r": rng.randrange(len(_RES_FR))})


def _lookalike_block(rng: random.Random) -> list[_Spec]:
    """4–7 distinct one-line procedural OPs, several of one template (the look-alikes)."""
    fam = rng.sample(range(len(_BLOCK_FR)), rng.randint(2, 4))
    shorts: list[_Short] = []
    texts: set[str] = set()
    while len(shorts) < rng.randint(4, 7):
        sh = _random_short(rng, rng.choice(fam))
        if sh.render() not in texts:
            texts.add(sh.render())
            shorts.append(sh)
    out = []
    for sh in shorts:
        t = sh.render()
        out.append(_Spec(t, "OP", _short_lead(t), short=sh))
    return out


def _revise_short(sh: _Short, rng: random.Random, shift: int) -> _Short:
    """One drafter's revision of a procedural one-liner: the session moved on, and 1–3 of: another
    session or document number, another verb, a qualifier."""
    slots = dict(sh.slots)
    slots["s"] = min(slots["s"] + shift, len(_SESSIONS_ORD) - 1)
    slots["c"] = min(slots["c"] + shift, len(_CCPCJ_ORD) - 1)
    out = _Short(sh.template, slots, sh.verb, sh.qualifier)
    # what the paragraph is about (report, topic, body, item, resolution, fund) stays: another
    # object is a replacement, not a revision (test_shared_lead_and_boilerplate_only_is_delete_plus_insert)
    for what in rng.sample(["n", "verb", "qualifier", "s", "c"], rng.randint(1, 3)):
        if what == "verb":
            out.verb = rng.choice(_BLOCK_FR[sh.template][1])
        elif what == "qualifier":
            out.qualifier = rng.choice(_QUALIFIERS_FR)
        elif what == "n":
            slots["n"] = rng.randint(150, 420)
        elif what == "s":
            slots["s"] = rng.randrange(len(_SESSIONS_ORD))
        else:
            slots["c"] = rng.randrange(len(_CCPCJ_ORD))
    return out


def _peels(old_texts: list[str], new_texts: list[str], truth: dict[int, int], margin: float = 0.05) -> bool:
    """Whether the true pairs come out by repeatedly taking, among the paragraphs left, the pair
    that is clearly (by ``margin``) the best of its row and of its column (difflib over words),
    and what is left (a dropped one, an added one) looks less alike than every true pair."""
    R = [[_ratio(a, b) for b in new_texts] for a in old_texts]
    rows, cols = set(range(len(old_texts))), set(range(len(new_texts)))
    todo = dict(truth)
    while todo:
        i, j = max(((i, j) for i in rows for j in cols), key=lambda ij: R[ij[0]][ij[1]])
        if todo.get(i) != j:
            return False
        row = [R[i][k] for k in cols if k != j]
        col = [R[k][j] for k in rows if k != i]
        if max(row + col, default=0.0) > R[i][j] - margin:
            return False
        rows.discard(i)
        cols.discard(j)
        del todo[i]
    # a dropped one and an added one must look less alike than every true revision
    weakest = min((R[i][j] for i, j in truth.items()), default=1.0)
    return all(R[i][j] < weakest - margin for i in rows for j in cols)


def _revise_block(old: list[_Spec], new: list[_Spec], block: list[_Spec], rng: random.Random, tag: str) -> None:
    """Revise the look-alike block in ``new`` (specs whose source is in ``block``): every one
    edited (the session usually moved on for all), reordered, one dropped or one added."""
    ids = {id(b) for b in block}
    idx = [k for k, s in enumerate(new) if len(s.src) == 1 and id(old[s.src[0]]) in ids]
    srcs = [old[new[k].src[0]] for k in idx]
    for _ in range(30):
        shift = rng.choice([0, 1, 1, 2])
        revised = [_revise_short(s.short, rng, shift) if rng.random() < 0.9 else
                   _Short(s.short.template, dict(s.short.slots), s.short.verb, s.short.qualifier)
                   for s in srcs]
        if rng.random() < 0.5:      # one converges on a sibling: takes over its session, number
            same = [(a, b) for a in range(len(srcs)) for b in range(len(srcs))
                    if a != b and srcs[a].short.template == srcs[b].short.template]
            if same:
                a, b = rng.choice(same)
                tpl = _BLOCK_FR[srcs[a].short.template][0]
                keys = [k for k in "scn" if "{" + k + "}" in tpl or "{" + k.upper() + "}" in tpl] or ["s"]
                for k in rng.sample(keys, min(len(keys), rng.randint(1, 2))):
                    revised[b].slots[k] = srcs[a].short.slots[k]
        texts = [r.render() for r in revised]
        drop = rng.randrange(len(idx)) if rng.random() < 0.25 and len(idx) > 3 else None
        extra = None
        if rng.random() < 0.5:
            extra = _random_short(rng, rng.choice([s.short.template for s in srcs])).render()  # type: ignore
        new_texts = [t for k, t in enumerate(texts) if k != drop] + ([extra] if extra else [])
        truth = {k: (k if drop is None or k < drop else k - 1) for k in range(len(texts)) if k != drop}
        if len(set(new_texts)) == len(new_texts) and _peels([s.text for s in srcs], new_texts, truth):
            break
    else:
        texts, drop, extra = [s.text for s in srcs], None, None
    for k, t in zip(idx, texts):
        new[k].text, new[k].leading, new[k].tag, new[k].busy = t, _short_lead(t), tag, True
    for s in srcs:
        s.tag = tag
    # reorder: two change places, the block is shuffled, or one goes far away
    r = rng.random()
    if r < 0.35:
        a, b = rng.sample(idx, 2)
        new[a], new[b] = new[b], new[a]
    elif r < 0.6:
        items = [new[k] for k in idx]
        rng.shuffle(items)
        for k, it in zip(idx, items):
            new[k] = it
    elif r < 0.8:
        k = rng.choice(idx)
        it = new.pop(k)
        n_pp = sum(s.kind == "PP" for s in new)
        slots = [j for j in range(n_pp, len(new) + 1) if abs(j - k) >= 3 and not (j < len(new) and new[j].level)]
        new.insert(rng.choice(slots) if slots else k, it)
    if drop is not None:
        victim = srcs[drop]
        pos = next(j for j, s in enumerate(new) if len(s.src) == 1 and old[s.src[0]] is victim)
        new[pos] = _Spec("", "DEL", src=new[pos].src, tag=tag)
    if extra:
        where = [j for j, s in enumerate(new) if s.tag == tag and s.kind != "DEL"]
        new.insert(rng.choice(where) if where else len(new), _Spec(extra, "OP", _short_lead(extra), tag=tag, busy=True))


def make_class_revision(doc: Document, rng: random.Random, cls: str
                        ) -> tuple[Document, Document, list[TruthGroup]]:
    """(old, new, truth) containing a case of class ``cls`` (see :data:`CLASSES`)."""
    if cls not in CLASSES:
        raise ValueError(f"cls must be one of {CLASSES}")
    ops = {cls}
    if cls == "several_at_once":
        ops = {"moved_rewritten", "lookalike_block", rng.choice(["scattered_split", "elaborated_split"]),
               rng.choice(["scattered_merge", "condensed_merge"])}
    lang = doc.meta.language or "fr"
    top = [p for p in doc.paragraphs if p.level == 0 and p.kind in ("PP", "OP")]
    old: list[_Spec] = [_Spec(p.text, p.kind, p.leading or _known_lead(p.text)) for p in top]
    vocab = _vocab(p.text for p in top)
    n_pp = sum(s.kind == "PP" for s in old)

    # ---- the old text of classes that need something there first
    block: list[_Spec] = []
    if "lookalike_block" in ops:
        block = _lookalike_block(rng)
        at = rng.randint(n_pp, len(old))
        old[at:at] = block
    if cls == "short_lookalike":
        templates = rng.sample(_SHORT_FR, rng.randint(3, 5))
        at = rng.randint(n_pp, len(old))
        shorts = [_Spec(_short_text(rng, t), "OP") for t in templates]
        for s in shorts:
            s.leading = _known_lead(s.text) or s.text.split(" ")[0]
        old[at:at] = shorts
    if cls == "list_to_op":
        long_ops = [k for k, s in enumerate(old) if s.kind == "OP" and len(s.text.split()) >= 25]
        for k in rng.sample(long_ops, len(long_ops)):
            res = _chapeau_and_list(old[k].text, old[k].leading, rng)
            if res:
                chapeau, pieces = res
                old[k:k + 1] = [_Spec(chapeau, "OP", old[k].leading)] + [_Spec(t, "OP", "", 1) for t in pieces]
                break

    # ---- new text: one spec per old spec first, then the class operation, then noise
    new: list[_Spec] = [_Spec(s.text, s.kind, s.leading, s.level, (k,)) for k, s in enumerate(old)]

    def candidates(pred) -> list[int]:
        c = [k for k, s in enumerate(new) if not s.busy and not s.tag and s.level == 0 and len(s.src) == 1
             and s.text
             and pred(s) and not (k + 1 < len(new) and new[k + 1].level)]
        rng.shuffle(c)
        return c

    def pick(pred) -> Optional[int]:
        c = candidates(pred)
        return c[0] if c else None

    def place(item: _Spec, far_from: int, section: str) -> None:
        lo = n_pp_new() if section == "OP" else 0
        hi = len(new) if section == "OP" else n_pp_new()
        slots = [j for j in range(lo, hi + 1) if abs(j - far_from) >= 2
                 and not (j < len(new) and new[j].level)]
        new.insert(rng.choice(slots) if slots else far_from, item)

    def n_pp_new() -> int:
        return sum(s.kind == "PP" for s in new)

    if "lookalike_block" in ops:
        _revise_block(old, new, block, rng, cls)
    if "moved_rewritten" in ops:
        for _ in range(rng.randint(1, 2) if cls == "several_at_once" else rng.randint(2, 4)):
            k = pick(lambda s: len(s.text.split()) >= 12)
            if k is None:
                break
            it = new[k]
            text = _rewrite(it.text, it.leading, rng, vocab, lang, [o.text for o in old], old[it.src[0]].text)
            if text is None:
                continue
            new.pop(k)
            it.text, it.tag = text, cls
            lead = it.leading
            if rng.random() < 0.35 and lead and text.startswith(lead):
                alt = _lead_alternative(lead, it.kind, lang, rng)
                it.text, it.leading = alt + text[len(lead):], alt
            cross = _cross_lead(it.leading, it.kind) if rng.random() < 0.3 else None
            if cross and it.text.startswith(it.leading):       # far away: into the other part
                kind = "PP" if it.kind == "OP" else "OP"
                body = it.text[len(it.leading):].rstrip(",;.")
                it.text, it.leading, it.kind = cross + body + ("," if kind == "PP" else ";"), cross, kind
                lo, hi = (0, n_pp_new()) if kind == "PP" else (n_pp_new(), len(new))
                slots = [j for j in range(lo, hi + 1) if not (j < len(new) and new[j].level)]
                new.insert(rng.choice(slots), it)
            else:                                               # far away within its part
                lo, hi = (0, n_pp_new()) if it.kind == "PP" else (n_pp_new(), len(new))
                slots = [j for j in range(lo, hi + 1) if abs(j - k) >= 4
                         and not (j < len(new) and new[j].level)]
                new.insert(rng.choice(slots) if slots else k, it)
    if cls == "moved_edited":
        for _ in range(rng.randint(1, 3)):
            how = rng.choices(["plain", "sibling", "cross"], weights=[2, 1, 1])[0]
            if how == "cross":                  # OP ↔ PP: the verb becomes a participle or back
                k = pick(lambda s: _cross_lead(s.leading, s.kind) is not None)
                if k is not None:
                    it = new.pop(k)
                    lead = _cross_lead(it.leading, it.kind)
                    kind = "PP" if it.kind == "OP" else "OP"
                    body = it.text[len(it.leading):].rstrip(",;.")
                    it.text, it.leading, it.kind = lead + body + ("," if kind == "PP" else ";"), lead, kind
                    if rng.random() < 0.6:
                        it.text = edit_words(it.text, it.leading, rng.choice(["light", "medium"]), rng, vocab, lang)
                    it.tag = cls
                    lo, hi = (0, n_pp_new()) if kind == "PP" else (n_pp_new(), len(new))
                    j = rng.randint(lo, hi)
                    while j < len(new) and new[j].level:
                        j += 1
                    new.insert(j, it)
                    continue
            if how == "sibling":                # one of two near-twins ("Exhorte" / "Exhorte également")
                k = pick(lambda s: any(o is not s and o.kind == s.kind and _overlap(o.text, s.text) >= 0.5
                                       for o in new if o.text))
            else:
                k = pick(lambda s: True)
            if k is None:
                break
            it = new.pop(k)
            it.text = edit_words(it.text, it.leading, rng.choice(["light", "medium", "heavy", "heavy"]),
                                 rng, vocab, lang)
            if rng.random() < 0.3:              # reworded and expanded where it lands
                it.text = _elaborate(it.text, rng, vocab)
            if rng.random() < 0.4 and it.text.startswith(it.leading) and it.leading:
                lead = _lead_alternative(it.leading, it.kind, lang, rng)
                it.text, it.leading = lead + it.text[len(it.leading):], lead
            it.tag = cls
            place(it, k, it.kind)
    if ops & {"scattered_split", "elaborated_split"}:
        res = None
        for k in candidates(lambda s: len(s.text.split()) >= 16):
            res = split_text(new[k].text, new[k].leading, new[k].kind, lang, rng)
            if res:
                break
        if res:
            first, second, second_lead = res
            it = new[k]
            a = _Spec(first, it.kind, it.leading, 0, it.src, cls)
            b = _Spec(second, it.kind, second_lead, 0, it.src, cls)
            if "elaborated_split" in ops:
                if rng.random() < 0.6:
                    b.text = _elaborate(b.text, rng, vocab)
                else:
                    a.text = _elaborate(a.text, rng, vocab)
                new[k:k + 1] = [a, b]
            else:
                new[k] = a
                place(b, k + 1, it.kind)
                if rng.random() < 0.5:          # the part split off is edited where it lands
                    b.text = edit_words(b.text, b.leading, "light", rng, vocab, lang)
    if ops & {"scattered_merge", "condensed_merge"}:
        gap = rng.randint(2, 4) if "scattered_merge" in ops else 1
        cands: list[int] = []
        for k in candidates(lambda s: True):
            cands = [j for j in range(len(new)) if j != k and abs(j - k) <= gap and not new[j].tag
                     and new[j].text and new[j].level == 0 and new[j].kind == new[k].kind and abs(j - k) >= min(gap, 2)]
            if cands:
                break
        if cands:
            j = rng.choice(cands)
            a, b = (new[k], new[j]) if rng.random() < 0.7 or "condensed_merge" in ops else (new[j], new[k])
            if "condensed_merge" in ops:
                a, b = (new[min(k, j)], new[max(k, j)])
                merged = merge_texts(_condense(a.text, a.leading, rng), _condense(b.text, b.leading, rng), lang)
            else:
                merged = merge_texts(a.text, b.text, lang)
            m = _Spec(merged, a.kind, a.leading, 0, tuple(sorted(a.src + b.src)), cls)
            pos = new.index(a)
            new[pos] = m
            new.remove(b)
    if cls == "op_to_list":
        res = None
        for k in candidates(lambda s: s.kind == "OP" and len(s.text.split()) >= 25):
            res = _chapeau_and_list(new[k].text, new[k].leading, rng)
            if res:
                break
        if res:
            chapeau, pieces = res
            it = new[k]
            new[k:k + 1] = [_Spec(chapeau, "OP", it.leading, 0, it.src, cls)] + [
                _Spec(t, "OP", "", 1, it.src, cls) for t in pieces]
    elif cls == "list_to_op":
        k = next((i for i, s in enumerate(new) if i + 1 < len(new) and new[i + 1].level), None)
        if k is not None:
            e = k + 1
            while e < len(new) and new[e].level:
                e += 1
            parts = new[k:e]
            body = " ".join(p.text[:1].lower() + p.text[1:].rstrip(";.") + "," for p in parts[1:])
            text = parts[0].text.rstrip(" :") + " " + body.rstrip(",") + parts[-1].text[-1:]
            new[k:e] = [_Spec(text, "OP", parts[0].leading, 0, tuple(s for p in parts for s in p.src), cls)]
    elif cls == "short_lookalike":
        idx = [k for k, s in enumerate(new) if s.text in {x.text for x in shorts}]
        for k in idx:
            if rng.random() < 0.8:
                new[k].text = _edit_short(new[k].text, rng)
            new[k].tag = cls
        if len(idx) >= 2 and rng.random() < 0.5:      # two of them change places
            a, b = rng.sample(idx, 2)
            new[a], new[b] = new[b], new[a]
        if rng.random() < 0.5:                          # a new look-alike appears beside them
            # ... but never closer to an old one than that one's own revision (the truth must
            # be knowable: "Décide de poursuivre l'examen … à sa soixante-septième session"
            # added while the old one moved to the sixty-fifth is a coin toss)
            pairs_ = [(old[new[k].src[0]].text, new[k].text) for k in idx]
            for _ in range(20):
                t = _short_text(rng)
                if all(_overlap(t, o) < _overlap(o, n_) and t != o for o, n_ in pairs_):
                    new.insert(rng.choice(idx), _Spec(t, "OP", _known_lead(t) or t.split(" ")[0], tag=cls))
                    break
    elif cls == "boilerplate_replacement":
        for _ in range(rng.randint(1, 2)):
            k = pick(lambda s: bool(s.leading) and s.text.startswith(s.leading))
            if k is None:
                break
            it = new[k]
            pool = [t for t in paragraph_pool(exclude=[s.text for s in old])
                    if _lang(t) == lang and max(_overlap(t, s.text) for s in old) < 0.35]
            donor = rng.choice(pool or [_short_text(rng)])
            dl = _known_lead(donor) or next((v for v in _SHORT_LEADS if donor.startswith(v + " ")), "")
            text = it.leading + " " + _body(donor, dl)
            text = text.rstrip(",;.") + (";" if it.kind == "OP" else ",")
            new[k] = _Spec(text, it.kind, it.leading, 0, (), cls)
            old[it.src[0]].tag = cls
            new.insert(k, _Spec("", "DEL", src=it.src, tag=cls))   # placeholder: deletion
    # ---- background noise on paragraphs the class left alone
    for _ in range(rng.randint(1, 3)):
        k = pick(lambda s: True)
        if k is not None:
            new[k].text = edit_words(new[k].text, new[k].leading, rng.choice(["light", "medium"]), rng, vocab, lang)
            new[k].busy = True
    if rng.random() < 0.5:
        k = pick(lambda s: True)
        if k is not None:
            new[k] = _Spec("", "DEL", src=new[k].src, busy=True)
    if rng.random() < 0.5:
        pool = [t for t in paragraph_pool(exclude=[s.text for s in old])
                if max(_overlap(t, s.text) for s in old) < 0.4]
        if pool:
            text = rng.choice(pool)
            text, lead = _as_op(text)
            j = rng.randint(n_pp_new(), len(new))
            while j < len(new) and new[j].level:
                j += 1
            new.insert(j, _Spec(text, "OP", lead))

    # ---- build both documents and the truth
    deleted = {s for x in new if x.kind == "DEL" for s in x.src}
    new = [x for x in new if x.kind != "DEL"]
    meta = replace(doc.meta, sponsors=list(doc.meta.sponsors))
    old_doc, old_ids = _build(old, meta, f"{doc.label or 'doc'}:{cls}:old")
    new_doc, new_ids = _build(new, meta, f"{doc.label or 'doc'}:{cls}:new")
    by_src: dict[tuple[int, ...], list[int]] = {}
    for j, x in enumerate(new):
        if x.src:
            by_src.setdefault(x.src, []).append(j)
    # a split part carries the whole's src; merges carry all their sources
    order = sorted(by_src, key=lambda src: by_src[src][0])
    seq = [(src[0], 1000) for src in order]
    keep = _weighted_lis_keep(seq)
    moved = {src for i, src in enumerate(order) if i not in keep}
    truth: list[TruthGroup] = []
    covered = set()
    for src in order:
        js = by_src[src]
        covered.update(src)
        o = tuple(old_ids[i] for i in src)
        nn = tuple(new_ids[j] for j in js)
        tag = next((new[j].tag for j in js if new[j].tag), "")
        if len(js) > 1:
            kind = "split"
        elif len(src) > 1:
            kind = "merged"
        else:
            kind = "modified" if new[js[0]].text != old[src[0]].text else "unchanged"
        edited = kind == "modified"
        lc = None
        if len(src) == 1 and len(js) == 1 and old[src[0]].leading and new[js[0]].leading \
                and old[src[0]].leading != new[js[0]].leading:
            lc = (old[src[0]].leading, new[js[0]].leading)
        truth.append(TruthGroup(o, nn, kind, src in moved, edited, o[0] != nn[0], lc, tag))
    for i in range(len(old)):
        if i not in covered:
            truth.append(TruthGroup((old_ids[i],), (), "deleted", False, False, tag=old[i].tag))
    for j, x in enumerate(new):
        if not x.src:
            truth.append(TruthGroup((), (new_ids[j],), "inserted", False, False, tag=x.tag))
    return old_doc, new_doc, truth


def generate_class_pairs(n_per_class: int, seed: int, classes: Sequence[str] = CLASSES
                         ) -> list[tuple[str, Document, Document, list[TruthGroup]]]:
    """``n_per_class`` (class, old, new, truth) cases of each class, deterministic in ``seed``."""
    base = base_document()
    out = []
    for cls in classes:
        for i in range(n_per_class):
            rng = random.Random(f"class:{seed}:{cls}:{i}")
            o, nw, truth = make_class_revision(base, rng, cls)
            out.append((cls, o, nw, truth))
    return out


def class_recall(truth: list[TruthGroup], predicted_groups, tag: str) -> tuple[int, int]:
    """(found, total) of the truth groups tagged ``tag`` predicted exactly (same old
    and new id sets; a deletion or insertion as itself)."""
    pred = {(frozenset(o), frozenset(n)) for o, n in (_as_group(g) for g in predicted_groups)}
    tagged = [t for t in truth if t.tag == tag]
    return sum((frozenset(t.old), frozenset(t.new)) in pred for t in tagged), len(tagged)
