"""A third revision generator: a text negotiated over SEVERAL ROUNDS (Rev.1, Rev.2, oral
revisions, the adopted text, next year's draft), compared first against last.

The other two generators make one revision of a text.  Negotiations do not: a paragraph is
reworded in Rev.1, moved in Rev.2, reworded again orally, moved back next year; a split's
second part drifts away from the first over later rounds; two paragraphs are edited separately
and then merged; a paragraph is dropped in one round and restored from a delegation's older
copy in a later one.  The comparison a negotiator asks for is often between NON-consecutive
versions (last year's resolution against this year's Rev.2), where all of that has piled up.

Each class (:data:`CLASSES`) is a *story*: a Python generator that does one round's part of
its amendments each time it is advanced.  Every round also gets background amendments of its
own (a reference, a verb, a qualifier, a clause, a paraphrase, an insertion, a deletion, a
small move) and "next year's draft" updates every year, session and resolution number at once.
Every working paragraph remembers the first-version paragraphs it comes from; that is the
ground truth (:class:`synthetic.TruthGroup`, scored by :func:`synthetic.score` and
:func:`synthetic.class_recall`, so the figures read like the other two generators').

Base texts: each sample of ``samples/`` in turn (the English series A/RES/61/180 … 78/228, the
2006 draft, the French 2008 draft and A/RES/78/228, the Spanish A/RES/70/179) is the anchor of a
case, topped up with other real paragraphs of its language (some preambular ones turned into
operative ones) and a block of slot-built procedural one-liners, as a resolution ends.

Truth is kept believable: a story's edits stop once a paragraph would have lost more than
:data:`MAX_CHANGE` of the words it started with (a negotiator would no longer call it the same
paragraph), and look-alike one-liners never become word-for-word copies of each other.

``generate_class_pairs(n, seed, classes)`` → ``[(class, first, last, truth)]``;
``generate_pairs(n, seed)`` → ``[(first, last, truth)]`` (several stories at once, untagged).
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace
from typing import Callable, Iterator, Optional, Sequence

from compare.model import Document
from . import negotiation as ng
from .synthetic import TruthGroup, class_recall, load_sample_document, score  # noqa: F401

SAMPLES = ng.SAMPLES
ROUNDS = ("Rev.1", "Rev.2", "oral revisions", "adopted", "next year's draft")
MAX_CHANGE = 0.6        # share of a paragraph's words a story may change before it stops editing it

CLASSES = ("moved_twice", "split_drift", "merge_edited", "elaborated_split", "condensed_merge",
           "op_to_list", "list_to_op", "short_lookalikes", "drop_restore", "paraphrase",
           "verb_move", "several", "moved_far_edited", "split_part_moved", "merge_source_edited",
           "several_hard")
# the stories ``several`` mixes (the first eleven: its cases stay the ones its figures were quoted on);
# ``several_hard`` mixes the three harder ones (moved far and edited by several delegations, a split
# part moved away and edited, a merge of a source edited first) with two or three of these
SEVERAL = CLASSES[:11]
HARD = ("moved_far_edited", "split_part_moved", "merge_source_edited")
CHANGE_BAND = (0.35, 0.55)   # share of its words a hard story changes (several delegations' edits)


# =========================================================================== phrase tables

PARAPHRASES = {     # phrase → what the next round says instead (whole phrases, first match wins)
    "en": [("to continue to", "to further"), ("continue to", "further"), ("in order to", "so as to"),
           ("with a view to", "in order to"), ("Member States", "States Members of the United Nations"),
           ("the international community", "all relevant stakeholders"), ("as well as", "and"),
           ("in particular", "especially"), ("all States", "all Member States"),
           ("to take measures", "to adopt measures"), ("to strengthen", "to enhance"),
           ("the importance of", "the need for"), ("trafficking in persons", "human trafficking"),
           ("the United Nations system", "the United Nations"), ("in this regard", "in that respect")],
    "fr": [("de continuer à", "de poursuivre"), ("continuer de", "poursuivre"), ("afin de", "pour"),
           ("en vue de", "afin de"), ("États Membres", "États Membres de l'Organisation des Nations Unies"),
           ("la communauté internationale", "toutes les parties prenantes concernées"), ("ainsi que", "et"),
           ("en particulier", "notamment"), ("tous les États", "tous les États Membres"),
           ("de prendre des mesures", "d'adopter des mesures"), ("de renforcer", "d'intensifier"),
           ("l'importance de", "la nécessité de"), ("traite des personnes", "traite des êtres humains"),
           ("à cet égard", "dans ce contexte")],
    "es": [("a que sigan", "a que continúen"), ("con miras a", "a fin de"),
           ("Estados Miembros", "Estados Miembros de las Naciones Unidas"),
           ("la comunidad internacional", "todas las partes interesadas pertinentes"), ("así como", "y"),
           ("en particular", "especialmente"), ("todos los Estados", "todos los Estados Miembros"),
           ("la importancia de", "la necesidad de"), ("trata de personas", "trata de seres humanos"),
           ("a este respecto", "en ese sentido")],
}

LONG_CLAUSES = {    # what a delegation adds in a round: long, agreed-language-like clauses
    "en": ["including through the exchange of information, capacity-building and the sharing of best practices "
           "among States, regional organizations and civil society",
           "taking into account the specific needs of countries in special situations and of those most affected",
           "in full compliance with their obligations under international human rights law, international refugee "
           "law and international humanitarian law",
           "with the participation of national human rights institutions, non-governmental organizations and "
           "survivors themselves, as appropriate"],
    "fr": ["notamment par l'échange d'informations, le renforcement des capacités et la mise en commun des "
           "meilleures pratiques entre les États, les organisations régionales et la société civile",
           "en tenant compte des besoins particuliers des pays qui se trouvent dans une situation particulière",
           "dans le strict respect des obligations que leur imposent le droit international des droits de "
           "l'homme, le droit international des réfugiés et le droit international humanitaire",
           "avec la participation des institutions nationales des droits de l'homme, des organisations non "
           "gouvernementales et des victimes elles-mêmes, selon qu'il conviendra"],
    "es": ["incluso mediante el intercambio de información, la creación de capacidad y el intercambio de "
           "mejores prácticas entre los Estados, las organizaciones regionales y la sociedad civil",
           "teniendo en cuenta las necesidades específicas de los países en situaciones especiales",
           "cumpliendo plenamente las obligaciones que les incumben en virtud del derecho internacional de los "
           "derechos humanos y del derecho internacional humanitario"],
}

ONE_LINERS = {      # slot-built procedural one-liners (slots: session {s}, topic {t}); ng.ONE_LINERS too
    "en": ["Requests the Secretary-General to submit to the General Assembly at its {s} session a report on {t};",
           "Takes note of the report of the Secretary-General on {t};",
           "Decides to include in the provisional agenda of its {s} session a sub-item on {t};",
           "Requests the Secretary-General to continue to provide information on {t} at its {s} session;",
           "Invites the Special Rapporteur to present an oral update on {t} to the General Assembly at its {s} session;"],
    "fr": ["Prie le Secrétaire général de lui présenter, à sa {s} session, un rapport sur {t} ;",
           "Prend note du rapport du Secrétaire général sur {t} ;",
           "Décide d'inscrire à l'ordre du jour provisoire de sa {s} session une sous-question consacrée à {t} ;",
           "Prie le Secrétaire général de continuer à lui fournir des informations sur {t} à sa {s} session ;",
           "Invite la Rapporteuse spéciale à lui présenter oralement, à sa {s} session, un point sur {t} ;"],
    "es": ["Solicita al Secretario General que le presente, en su {s} período de sesiones, un informe sobre {t};",
           "Toma nota del informe del Secretario General sobre {t};",
           "Decide incluir en el programa provisional de su {s} período de sesiones un subtema sobre {t};",
           "Solicita al Secretario General que siga proporcionando información sobre {t} en su {s} período de sesiones;"],
}
SHORT_VERBS = {     # a warmer or cooler leading phrase for a one-liner
    "en": [("Takes note of", "Welcomes"), ("Requests", "Also requests"), ("Decides", "Also decides"),
           ("Invites", "Encourages")],
    "fr": [("Prend note", "Prend acte"), ("Prie", "Prie également"), ("Décide", "Décide également"),
           ("Invite", "Encourage")],
    "es": [("Toma nota", "Acoge con beneplácito"), ("Solicita", "Solicita también"), ("Decide", "Decide también")],
}


# =========================================================================== the table

@dataclass
class Para(ng.Para):
    """A paragraph on the table (see :class:`negotiation.Para`) with the text a story started
    from, against which :data:`MAX_CHANGE` is measured."""

    start: str = ""
    pieces: tuple[str, ...] = ()     # texts (a merge's parts) each of which must stay half there
    first: str = ""                  # its first-version text


def kept(piece: str, text: str) -> float:
    """Share of ``piece``'s words still found, in order, in ``text``."""
    a, b = piece.split(), text.split()
    if not a:
        return 1.0
    sm = ng.difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(m.size for m in sm.get_matching_blocks()) / len(a)


def _pos(tb: ng.Table, p: Para) -> int:
    return next(k for k, q in enumerate(tb.paras) if q is p)


def _alone(tb: ng.Table, k: int) -> bool:
    """Top level, with no list of its own below it."""
    return not tb.paras[k].level and not (k + 1 < len(tb.paras) and tb.paras[k + 1].level)


def _slots(tb: ng.Table, kind: str, away_from: Optional[int] = None, far: int = 0) -> list[int]:
    """Insertion points in ``kind``'s part that do not cut a list from its chapeau."""
    lo, hi = tb.part(kind)
    return [j for j in range(lo, hi + 1) if not (j < len(tb.paras) and tb.paras[j].level)
            and (away_from is None or abs(j - away_from) >= far)]


def _claim(tb: ng.Table, tag: str, kind: Optional[str] = None, min_words: int = 0,
           test: Callable[[Para], bool] = lambda p: True) -> Optional[Para]:
    """A free paragraph from exactly one first-version paragraph, claimed for a story."""
    for k in tb.free(kind, min_words):
        p = tb.paras[k]
        if p.tag != "oneliner" and test(p):
            p.tag, p.taken, p.start, p.pieces = tag, True, p.text, (p.text,)
            return p
    return None


def _edit(p: Para, fn: Callable[[str], str]) -> bool:
    """Apply one round's edit unless the paragraph would drift past MAX_CHANGE of its start."""
    out = fn(p.text)
    if out == p.text or ng.changed_share(p.start or p.text, out) > MAX_CHANGE:
        return False
    if any(kept(x, out) < 0.5 for x in p.pieces):      # a merged part or a split half struck out
        return False
    p.text = out
    return True


def _move(tb: ng.Table, p: Para, far: int, kind: Optional[str] = None) -> None:
    k = _pos(tb, p)
    del tb.paras[k]
    slots = _slots(tb, kind or p.kind, k, far) or _slots(tb, kind or p.kind, k, 1) or _slots(tb, kind or p.kind)
    tb.paras.insert(tb.rng.choice(slots), p)


def paraphrase(text: str, lang: str, rng: random.Random, n: int = 2) -> str:
    """Up to ``n`` phrase-level rewordings ("to continue to" → "to further")."""
    for a, b in rng.sample(PARAPHRASES[lang], len(PARAPHRASES[lang])):
        if n and re.search(rf"(?<!\w){re.escape(a)}(?!\w)", text) and b not in text:
            text = re.sub(rf"(?<!\w){re.escape(a)}(?!\w)", b, text, count=1)
            n -= 1
    return text


def long_insert(text: str, lang: str, rng: random.Random) -> str:
    """A long clause ("including through …") added at a clause boundary or at the end."""
    body, end = ng._end(text)
    cl = ng._clauses(body)
    add = rng.choice([c for c in LONG_CLAUSES[lang] if c not in text] or LONG_CLAUSES[lang])
    cl.insert(rng.randint(1, len(cl)) if len(cl) > 1 and rng.random() < 0.5 else len(cl), add)
    return ", ".join(cl) + end


def long_delete(text: str, rng: random.Random) -> str:
    """The longest clause after the first one struck out (a long deleted clause)."""
    body, end = ng._end(text)
    cl = ng._clauses(body)
    if len(cl) < 3:
        return ng.delete_clause(text, rng)
    k = max(range(1, len(cl)), key=lambda i: len(cl[i]))
    return ", ".join(cl[:k] + cl[k + 1:]) + end


def reword(tb: ng.Table, p: Para, how: Optional[str] = None) -> bool:
    """One round's rewording of ``p``: one of the ways delegations edit, picked at random."""
    lang, rng = tb.lang, tb.rng
    ways = {"paraphrase": lambda t: paraphrase(t, lang, rng, rng.randint(1, 3)),
            "synonyms": lambda t: ng.synonyms(t, lang, rng, rng.uniform(0.4, 1.0)),
            "reorder": lambda t: ng.reorder_clauses(t, rng),
            "long_insert": lambda t: long_insert(t, lang, rng),
            "long_delete": lambda t: long_delete(t, rng),
            "qualifier": lambda t: ng.add_qualifier(t, lang, rng),
            "clause": lambda t: ng.insert_clause(t, rng.choice(tb.pool), rng) if tb.pool else t,
            "verb": lambda t: ng.change_verb(t, p.kind, lang, rng)}
    order = [how] if how else rng.sample(list(ways), len(ways))
    return any(_edit(p, ways[w]) for w in order)


# =========================================================================== whole-text amendments

def next_year(tb: ng.Table) -> None:
    """Next year's draft: every session ordinal, year and resolution number moves on at once,
    consistently (the same old reference becomes the same new one everywhere)."""
    shift = tb.rng.choice([1, 2, 3])
    ords = ng.ORDINALS[tb.lang]
    numbers: dict[str, str] = {}

    def res(m: re.Match) -> str:
        key = m.group(0)
        if key not in numbers:
            numbers[key] = f"{int(m.group(1)) + shift}/{tb.rng.randint(120, 290)}"
        return numbers[key]

    years: dict[str, str] = {}

    def year(m: re.Match) -> str:       # the latest texts are cited anew; some dates are history
        y = m.group(1)
        if y not in years:
            years[y] = str(int(y) + shift) if tb.rng.random() < 0.5 else y
        return years[y]

    by_len = sorted(range(len(ords)), key=lambda k: -len(ords[k]))
    for p in tb.paras:
        t = re.sub(r"\b(5\d|6\d|7\d)/(\d{2,3})\b", res, p.text)
        t = re.sub(r"\b(20[01]\d)\b", year, t)
        for k in by_len:                # one ordinal a paragraph, like update_references
            if re.search(rf"(?<![\w-]){re.escape(ords[k])}(?![\w-])", t) and k + shift < len(ords):
                t = re.sub(rf"(?<![\w-]){re.escape(ords[k])}(?![\w-])", ords[k + shift], t)
                break
        p.text = t


def noise(tb: ng.Table) -> None:
    """One background amendment on a paragraph no story has claimed."""
    rng = tb.rng
    what = rng.choice(["edit", "edit", "edit", "insert", "delete", "move"])
    free = [k for k in tb.free() if not tb.paras[k].tag]
    if what == "insert" and tb.pool:
        text = tb.pool.pop(rng.randrange(len(tb.pool)))
        kind = "PP"
        crossed = ng.cross_part(text, "PP", tb.lang) if rng.random() < 0.5 else None
        if crossed:
            text, kind = crossed
        tb.paras.insert(rng.choice(_slots(tb, kind)), Para(text, kind, 0, (), "", False, text))
    elif what == "delete" and free and len(tb.paras) > 12:
        del tb.paras[free[0]]
    elif what == "move" and free:
        p = tb.paras[free[0]]
        _move(tb, p, 1)
    elif free:
        p = tb.paras[free[0]]
        p.start = p.start or p.text
        reword(tb, p)


# =========================================================================== stories (one per class)
#
# A story is a generator: each ``next()`` is one round.  It claims its paragraphs in its first
# round, so stories told together never share one.

Story = Iterator[None]


def st_moved_twice(tb: ng.Table, tag: str) -> Story:
    """Moved twice (once maybe into the other part) and edited three times."""
    p = _claim(tb, tag, min_words=14)
    if not p:
        return
    reword(tb, p)
    yield
    crossed = ng.cross_part(p.text, p.kind, tb.lang) if tb.rng.random() < 0.4 else None
    if crossed:
        p.text, p.kind = crossed
        _move(tb, p, 2, p.kind)
    else:
        _move(tb, p, max(3, len(tb.paras) // 4))
    yield
    reword(tb, p)
    yield
    _move(tb, p, 3)
    reword(tb, p)


def _split(tb: ng.Table, p: Para, elaborate: bool) -> Optional[Para]:
    """``p`` cut in two at a clause; the second part opens with "Also <verb>" (OPs) or
    "<participle> also" (PPs).  Returns the second part (inserted right after the first)."""
    for _ in range(8):      # both halves mostly words of the first version: else a new paragraph
        cut = ng._cut(p.text, tb.rng)
        if cut and all(len(x.split()) >= 6 and kept(x, p.first) >= 0.6 for x in cut):
            break
    else:
        return None
    a, b = cut
    lead = ng._lead(p.text, p.kind, tb.lang) or p.text.split(" ")[0]     # "Takes note of", whole
    also, where = ng.ALSO[tb.lang]
    head = f"{also} {ng._lower_first(lead)}" if where == "pre" else \
        f"{lead.split(' ')[0]} {also} {' '.join(lead.split(' ')[1:])}".rstrip()
    b = ng._lower_first(b) if not b.startswith(lead) else b[len(lead):].lstrip()
    end = "," if p.kind == "PP" else (" ;" if tb.lang == "fr" else ";")
    first, second = a + end, f"{head} {b}{end}"
    if elaborate:
        el = tb.rng.choice(LONG_CLAUSES[tb.lang] + ng.ELABORATIONS[tb.lang])
        if tb.rng.random() < 0.5:
            first = f"{a}, {el}{end}"
        else:
            second = f"{head} {b}, {el}{end}"
    p.text, p.start, p.pieces = first, first, (first,)
    q = Para(second, p.kind, 0, p.origin, p.tag, True, second, (second,), p.first)
    tb.paras.insert(_pos(tb, p) + 1, q)
    return q


def st_split_drift(tb: ng.Table, tag: str) -> Story:
    """Split in one round; its parts edited and pulled apart (another paragraph between) later."""
    p = _claim(tb, tag, "OP", 18, lambda p: ng._cut(p.text, tb.rng) is not None)
    if not p:
        return
    reword(tb, p)
    yield
    q = _split(tb, p, elaborate=False)
    if not q:
        return
    yield
    reword(tb, tb.rng.choice([p, q]))
    yield
    _move(tb, q, 2)
    yield
    reword(tb, p)


def st_merge_edited(tb: ng.Table, tag: str) -> Story:
    """Two paragraphs edited in separate rounds, then merged (adjacent or apart), then edited."""
    a, b = _claim_pair(tb, tag)
    if not a:
        return
    reword(tb, a)
    yield
    reword(tb, b)
    yield
    _merge(tb, [a, b])
    yield
    reword(tb, a)


def _claim_pair(tb: ng.Table, tag: str, n: int = 2) -> tuple[Optional[Para], ...]:
    """``n`` free OPs close together (adjacent, or one or two OPs between), claimed."""
    free = set(tb.free("OP", 6))
    for k in sorted(free, key=lambda _: tb.rng.random()):
        ks = [k]
        for _ in range(n - 1):
            nxt = [j for j in range(ks[-1] + 1, ks[-1] + 4) if j in free]
            if not nxt:
                break
            ks.append(tb.rng.choice(nxt))
        if len(ks) == n and not any(tb.paras[x].level for x in range(k, ks[-1] + 1)) and \
                all(tb.paras[x].tag != "oneliner" for x in ks):
            out = tuple(tb.paras[x] for x in ks)
            for p in out:
                p.tag, p.taken, p.start, p.pieces = tag, True, p.text, (p.text,)
            return out
    return (None,) * n


def _merge(tb: ng.Table, parts: list[Para], condense: bool = False) -> None:
    """``parts`` become one paragraph at the place of the first: "…, and …" (each part maybe
    condensed first: a clause or its qualifiers struck)."""
    parts = sorted(parts, key=lambda p: _pos(tb, p))
    bodies = []
    for n, p in enumerate(parts):
        t = long_delete(p.text, tb.rng) if condense else p.text
        if kept(p.text, t) < 0.6:
            t = p.text
        body = ng._end(t)[0]
        if n:
            lead = ng._lead(body, p.kind, tb.lang)
            if lead and tb.rng.random() < 0.5:       # "…, and requests …" → "…, and to …" style drop
                body = body[len(lead):].lstrip() or body
            body = ng._lower_first(body)
        bodies.append(body)
    head = parts[0]
    end = "," if head.kind == "PP" else (" ;" if tb.lang == "fr" else ";")
    text = (", ".join(bodies[:-1]) + ng.JOIN[tb.lang] + bodies[-1]) if len(bodies) > 1 else bodies[0]
    head.text = head.start = text + end
    head.pieces = tuple(bodies)
    head.origin = tuple(sorted(set().union(*(p.origin for p in parts))))
    for p in parts[1:]:
        del tb.paras[_pos(tb, p)]


def st_elaborated_split(tb: ng.Table, tag: str) -> Story:
    """Split with an elaborated part; the parts end up apart, one of them reworded."""
    p = _claim(tb, tag, "OP", 18, lambda p: ng._cut(p.text, tb.rng) is not None)
    if not p:
        return
    yield
    q = _split(tb, p, elaborate=True)
    if not q:
        return
    yield
    if tb.rng.random() < 0.6:
        _move(tb, q, 2)
    yield
    reword(tb, tb.rng.choice([p, q]), "long_insert" if tb.rng.random() < 0.5 else None)


def st_condensed_merge(tb: ng.Table, tag: str) -> Story:
    """Two or three paragraphs (not always adjacent) condensed into one."""
    parts = [p for p in _claim_pair(tb, tag, tb.rng.choice([2, 2, 3])) if p]
    if len(parts) < 2:
        return
    reword(tb, parts[0])
    yield
    _merge(tb, parts, condense=True)
    yield
    reword(tb, parts[0], "paraphrase")


def _to_list(tb: ng.Table, p: Para) -> list[Para]:
    """``p`` as a chapeau ending at its verb's object ("Urges States to:") over (a)–(c)."""
    words = ng._end(p.text)[0].split()
    heads = [q for q, w in enumerate(words[:14]) if w in ("to", "that", "à", "de", "que", "a", "d'")]
    if not heads or len(words) - heads[0] < 12:
        return []
    chapeau = " ".join(words[:heads[0] + 1]) + (" :" if tb.lang == "fr" else ":")
    items: list[str] = []
    for c in ng._clauses(" ".join(words[heads[0] + 1:])):
        if items and (len(c.split()) < 6 or len(items[-1].split()) < 6):
            items[-1] += ", " + c
        else:
            items.append(c)
    if len(items) < 2 or min(len(i.split()) for i in items) < 5:
        return []
    items = items[:3] + ([", ".join(items[3:])] if len(items) > 3 else [])
    if tb.rng.random() < 0.5:        # an item elaborated in the same round
        e = tb.rng.randrange(len(items))
        items[e] += ", " + tb.rng.choice(ng.ELABORATIONS[tb.lang])
    sep = " ;" if tb.lang == "fr" else ";"
    p.text = p.start = chapeau
    out = [Para(i + (sep if n + 1 < len(items) else "."), p.kind, 1, p.origin, p.tag, True)
           for n, i in enumerate(items)]
    p.pieces = (chapeau,)
    for q in out:
        q.start, q.pieces = q.text, (q.text,)
    k = _pos(tb, p)
    tb.paras[k + 1:k + 1] = out
    return out


def st_op_to_list(tb: ng.Table, tag: str) -> Story:
    """Edited, then turned into a chapeau with (a)–(c), then an item reworded."""
    p = _claim(tb, tag, "OP", 20)
    if not p:
        return
    reword(tb, p, "paraphrase")
    yield
    items = _to_list(tb, p)
    if not items:
        return
    yield
    reword(tb, tb.rng.choice(items))


def st_list_to_op(tb: ng.Table, tag: str) -> Story:
    """A chapeau with its list folded into one paragraph, then reworded."""
    heads = [k for k, p in enumerate(tb.paras) if not p.level and not p.taken and len(p.origin) == 1
             and k + 1 < len(tb.paras) and tb.paras[k + 1].level and not tb.paras[k + 1].taken]
    if not heads:
        return
    k = tb.rng.choice(heads)
    j = k + 1
    while j < len(tb.paras) and tb.paras[j].level:
        j += 1
    head, items = tb.paras[k], tb.paras[k + 1:j]
    for p in [head] + items:
        p.tag, p.taken, p.start = tag, True, p.text
    if items and tb.rng.random() < 0.5:
        reword(tb, tb.rng.choice(items))
    yield
    body = ng._end(head.text)[0]
    parts = [ng._lower_first(ng._end(i.text)[0]) for i in items]
    text = body + " " + (", ".join(parts[:-1]) + ng.JOIN[tb.lang] + parts[-1] if len(parts) > 1 else parts[0])
    end = "," if head.kind == "PP" else (" ;" if tb.lang == "fr" else ";")
    head.text = head.start = text + end
    head.pieces = (body, *parts)
    head.origin = tuple(sorted(set(head.origin).union(*(i.origin for i in items))))
    tb.paras = [q for q in tb.paras if not any(q is i for i in items)]
    yield
    reword(tb, head)


def st_short_lookalikes(tb: ng.Table, tag: str) -> Story:
    """The block of slot-built one-liners: reordered, a verb warmed, one dropped, one new of the
    same template (the sessions move on with next year's draft like everything else)."""
    block = [p for p in tb.paras if p.tag == "oneliner" and not p.taken]
    if len(block) < 3:
        return
    for p in block:
        p.tag, p.taken, p.start = tag, True, p.text
    a, b = tb.rng.sample(block, 2)
    ka, kb = _pos(tb, a), _pos(tb, b)
    tb.paras[ka], tb.paras[kb] = b, a
    yield
    p = tb.rng.choice(block)
    for old, new in SHORT_VERBS[tb.lang]:
        if p.text.startswith(old + " ") and not any(q.text == new + p.text[len(old):] for q in tb.paras):
            p.text = new + p.text[len(old):]
            break
    yield
    gone = tb.rng.choice(block)
    del tb.paras[_pos(tb, gone)]
    kept = [q for q in block if q is not gone]
    tpl = tb.block_tpls[tb.rng.randrange(len(tb.block_tpls))]
    for topic in tb.rng.sample(ng.TOPICS[tb.lang], len(ng.TOPICS[tb.lang])):
        # a topic the block never had: the same report at another session is the same paragraph
        text = tpl.format(s=ng.ORDINALS[tb.lang][tb.session + 1], t=topic)
        if not any(topic in q.text for q in tb.paras + block):
            at = _pos(tb, tb.rng.choice(kept))
            tb.paras.insert(at + tb.rng.randint(0, 1), Para(text, "OP", 0, (), tag, True, text))
            break
    yield
    if len(kept) > 2:
        _move(tb, tb.rng.choice(kept), 2)


def st_drop_restore(tb: ng.Table, tag: str) -> Story:
    """Dropped in one round; restored in a later one, from a delegation's older copy (its
    wording of before the drop, with that delegation's edit), elsewhere in its part."""
    p = _claim(tb, tag, min_words=10)
    if not p:
        return
    reword(tb, p)
    yield
    k = _pos(tb, p)
    del tb.paras[k]
    yield
    yield
    reword(tb, p, tb.rng.choice(["verb", "qualifier", "synonyms", None]))
    slots = _slots(tb, p.kind, k, 2) or _slots(tb, p.kind)
    tb.paras.insert(tb.rng.choice(slots), p)


def st_paraphrase(tb: ng.Table, tag: str) -> Story:
    """Reworded in every round, in place: paraphrase, clauses reordered, a long clause in, a
    long clause out."""
    p = _claim(tb, tag, min_words=16)
    if not p:
        return
    for how in tb.rng.sample(["paraphrase", "reorder", "long_insert", "long_delete", "synonyms"], 4):
        reword(tb, p, how) or reword(tb, p)
        yield


def st_verb_move(tb: ng.Table, tag: str) -> Story:
    """A leading-verb change combined with a move (the reordering that goes with "Also …")."""
    p = _claim(tb, tag, min_words=8)
    if not p:
        return
    yield
    reword(tb, p, "verb")
    _move(tb, p, max(2, len(tb.paras) // 5))
    yield
    reword(tb, p, "verb") if tb.rng.random() < 0.5 else reword(tb, p)


def _lead_word(p: Para) -> str:
    return p.text.split(" ", 1)[0].strip(",")


def _lookalike(tb: ng.Table, p: Para) -> Optional[Para]:
    """A new paragraph under ``p``'s leading phrase over another text's object (a delegation's
    proposal "Urges States to …" beside the moved "Urges States to …"), sometimes taking one
    clause of ``p``'s first version too: a neighbour that looks alike but is not it."""
    lead = ng._lead(p.text, p.kind, tb.lang)
    if not lead:
        return None
    for _ in range(6):
        if not tb.pool:
            return None
        donor = tb.pool.pop(tb.rng.randrange(len(tb.pool)))
        dlead = ng._lead(donor, "PP", tb.lang) or ng._lead(donor, "OP", tb.lang)
        if not dlead or len(donor.split()) < 10:
            continue
        body = ng._end(donor[len(dlead):].lstrip())[0]
        if any(kept(body, q) >= 0.3 for q in [x.text for x in tb.paras] + getattr(tb, "firsts", [])):
            continue        # another year's version of a paragraph of the text: not a look-alike
        if tb.rng.random() < 0.5:
            cl = ng._clauses(ng._end(p.first or p.start)[0])[1:]
            if cl:
                body += ", " + ng._lower_first(tb.rng.choice(cl))
        end = "," if p.kind == "PP" else (" ;" if tb.lang == "fr" else ";")
        text = f"{lead} {body}{end}"
        return Para(text, p.kind, 0, (), p.tag, True, text)
    return None


def _move_beside_lookalikes(tb: ng.Table, p: Para, far: int) -> None:
    """``p`` moved at least ``far`` places, beside a paragraph of the same leading word where
    there is one (among "Urges States …" paragraphs), and a look-alike proposal put beside it."""
    k = _pos(tb, p)
    del tb.paras[k]
    lead = _lead_word(p)
    slots = _slots(tb, p.kind, k, far) or _slots(tb, p.kind, k, 1) or _slots(tb, p.kind)
    near = [j for j in slots if any(0 <= x < len(tb.paras) and not tb.paras[x].level
                                    and _lead_word(tb.paras[x]) == lead for x in (j - 1, j))]
    at = tb.rng.choice(near or slots)
    tb.paras.insert(at, p)
    if tb.rng.random() < 0.9:
        q = _lookalike(tb, p)
        if q:
            tb.paras.insert(at + tb.rng.randint(0, 1), q)


def _edit_upto(tb: ng.Table, p: Para, hows: Sequence[str]) -> None:
    """Edits by several delegations (in ``hows`` order, the rest at random) until ``p`` has changed
    :data:`CHANGE_BAND` of its words: each kept only while the change stays under the band's top."""
    lo, hi = CHANGE_BAND
    for how in list(hows) + tb.rng.sample(["paraphrase", "synonyms", "qualifier", "clause", "long_insert",
                                           "reorder"], 6):
        if ng.changed_share(p.start, p.text) >= lo and how not in hows:
            return
        before = p.text
        if reword(tb, p, how) and ng.changed_share(p.start, p.text) > hi:
            p.text = before


def st_moved_far_edited(tb: ng.Table, tag: str) -> Story:
    """Moved far (maybe into the other part) beside look-alikes of its leading word, and edited by
    two or three delegations in separate rounds (a verb change, a clause added, wording) until
    30–50 % of its words changed: the case the moved+edited figure was worst on."""
    p = _claim(tb, tag, min_words=14)
    if not p:
        return
    reword(tb, p, "verb")
    yield
    crossed = ng.cross_part(p.text, p.kind, tb.lang) if tb.rng.random() < 0.4 else None
    if crossed:
        p.text, p.kind = crossed
    _move_beside_lookalikes(tb, p, max(4, len(tb.paras) // 3))
    reword(tb, p, tb.rng.choice(["clause", "long_insert"]))
    yield
    _edit_upto(tb, p, [tb.rng.choice(["synonyms", "paraphrase", "qualifier"])])


def st_split_part_moved(tb: ng.Table, tag: str) -> Story:
    """Split in two; one part (either) moved far away, beside look-alikes, and edited there by
    other delegations; the part left behind maybe reworded too."""
    p = _claim(tb, tag, "OP", 18, lambda p: ng._cut(p.text, tb.rng) is not None)
    if not p:
        return
    if tb.rng.random() < 0.5:
        reword(tb, p)
    yield
    q = _split(tb, p, elaborate=False)
    if not q:
        return
    yield
    mover = tb.rng.choice([p, q])
    _move_beside_lookalikes(tb, mover, max(3, len(tb.paras) // 3))
    reword(tb, mover, tb.rng.choice(["verb", "clause", "qualifier"]))
    yield
    reword(tb, mover, tb.rng.choice(["synonyms", "paraphrase", "reorder"]))
    if tb.rng.random() < 0.5:
        reword(tb, q if mover is p else p)


def st_merge_source_edited(tb: ng.Table, tag: str) -> Story:
    """A paragraph edited by two delegations first (a verb change, a clause added, wording:
    30–50 % of its words), then merged into another OP, near or far from it; the merged
    paragraph edited again."""
    free = [k for k in tb.free("OP", 10) if tb.paras[k].tag != "oneliner"]
    if len(free) < 2:
        return
    a = tb.paras[free[0]]
    far = [k for k in free[1:] if abs(k - free[0]) >= 3]
    b = tb.paras[(far if far and tb.rng.random() < 0.5 else free[1:])[0]]
    for x in (a, b):
        x.tag, x.taken, x.start, x.pieces = tag, True, x.text, (x.text,)
    edited = tb.rng.choice([a, b])
    reword(tb, edited, "verb")
    yield
    _edit_upto(tb, edited, ["clause"])
    edited.start, edited.pieces = edited.text, (edited.text,)
    yield
    _merge(tb, [a, b], condense=tb.rng.random() < 0.3)
    yield
    head = a if any(x is a for x in tb.paras) else b
    reword(tb, head, tb.rng.choice(["qualifier", "synonyms", "paraphrase"]))


STORIES: dict[str, Callable[[ng.Table, str], Story]] = {
    "moved_twice": st_moved_twice, "split_drift": st_split_drift, "merge_edited": st_merge_edited,
    "elaborated_split": st_elaborated_split, "condensed_merge": st_condensed_merge,
    "op_to_list": st_op_to_list, "list_to_op": st_list_to_op, "short_lookalikes": st_short_lookalikes,
    "drop_restore": st_drop_restore, "paraphrase": st_paraphrase, "verb_move": st_verb_move,
    "moved_far_edited": st_moved_far_edited, "split_part_moved": st_split_part_moved,
    "merge_source_edited": st_merge_source_edited,
}


# =========================================================================== base texts and rounds

def anchors() -> list:
    """Every sample text (not the illustrative revision: it is a revision of the 2008 draft)."""
    return [f for f in sorted(SAMPLES.glob("*.md"))
            if f.name.count(".") == 2 and "illustrative" not in f.name]


def _lang_of(path) -> str:
    return path.name.split(".")[-2]


def base_text(anchor, rng: random.Random) -> tuple[list[Para], list[str], list[str], int]:
    """(paragraphs, pool, one-liner templates, session index): the anchor's complete paragraphs
    in their order, topped up to 16–28 with other real paragraphs of the language (some PPs
    turned into OPs), and a block of 3–6 one-liners at the end of the OPs."""
    lang = _lang_of(anchor)
    doc = load_sample_document(anchor)
    own = []
    for p in doc.paragraphs:
        t = ng._clean(p.text)
        if t and t[-1] in ",;.:" and (p.level or ng._known_lead(t, lang)):
            own.append(Para(t, p.kind, 1 if p.level else 0))
    while own and own[0].level:
        own.pop(0)
    have = {p.text for p in own}
    reals = [r for r in ng.real_paragraphs(lang) if r[1] not in have]
    rng.shuffle(reals)
    target = rng.randint(16, 28)
    extra = reals[:max(0, target - len(own))]
    pool = [t for _, t, _ in reals[len(extra):]]
    pps = [p for p in own if p.kind == "PP"]
    ops = [p for p in own if p.kind == "OP"]
    for kind, text, items in extra:
        crossed = ng.cross_part(text, "PP", lang) if kind == "PP" and not items else None
        if crossed and rng.random() < 0.5:
            ops.append(Para(crossed[0], "OP"))
            continue
        (ops if kind == "OP" else pps).append(Para(text, kind))
        (ops if kind == "OP" else pps).extend(Para(i, kind, 1) for i in items)
    session = rng.randrange(2, 8)
    tpls = [t for t in ONE_LINERS[lang] + ng.ONE_LINERS[lang] if "{t}" in t]
    block_tpls = rng.sample(tpls, 2)
    lines: list[str] = []
    for _ in range(rng.randint(3, 6)):
        tpl = rng.choice(block_tpls)
        for topic in rng.sample(ng.TOPICS[lang], len(ng.TOPICS[lang])):
            text = tpl.format(s=ng.ORDINALS[lang][session], t=topic, T="")
            if text not in lines:
                lines.append(text)
                break
    ops += [Para(t, "OP", 0, (), "oneliner") for t in lines]
    return pps + ops, pool, block_tpls, session


def negotiate(anchor, rng: random.Random, classes: Sequence[str], tag_all: str = ""
              ) -> tuple[Document, Document, list[TruthGroup]]:
    """(first, last, truth): the base text of ``anchor``, then 3–5 rounds in which the stories of
    ``classes`` unfold (each tagged with its class, or all with ``tag_all``), each round with
    1–3 background amendments, the last maybe next year's draft."""
    lang = _lang_of(anchor)
    first, pool, block_tpls, session = base_text(anchor, rng)
    if "list_to_op" in classes and not any(p.level for p in first):
        ng._ensure_list(first, lang, rng)
        first = [p if isinstance(p, Para) else Para(p.text, p.kind, p.level, (), p.tag) for p in first]
    for p in first:
        p.tag = p.tag if p.tag == "oneliner" else ""
    tb = ng.Table(lang, [Para(p.text, p.kind, p.level, (k,), p.tag, False, first=p.text)
                         for k, p in enumerate(first)],
                  rng, list(pool))
    tb.block_tpls, tb.session, tb.firsts = block_tpls, session, [p.text for p in first]
    stories = [STORIES[c](tb, tag_all or c) for c in classes]
    n_rounds = rng.randint(3, 5)
    for r in range(n_rounds):
        for st in list(stories):
            try:
                next(st)
            except StopIteration:
                stories.remove(st)
        for _ in range(rng.randint(1, 3)):
            noise(tb)
        if r == n_rounds - 1 and rng.random() < 0.6:
            next_year(tb)
    for st in stories:          # a story longer than the rounds finishes in the last one
        for _ in st:
            pass
    for p in tb.paras:
        if p.tag == "oneliner":
            p.tag = ""
    for p in first:
        p.tag = ""
    old, new, truth = ng._documents(first, tb.paras, lang)
    return replace(old, label="first version"), replace(new, label="last version"), truth


def make_class_case(cls: str, rng: random.Random, anchor=None) -> tuple[Document, Document, list[TruthGroup]]:
    if cls not in CLASSES:
        raise ValueError(f"cls must be one of {CLASSES}")
    anchor = anchor or rng.choice(anchors())
    if cls == "several":
        names = rng.sample(SEVERAL, rng.randint(4, 6))
        return negotiate(anchor, rng, names, tag_all="several")
    if cls == "several_hard":
        names = list(HARD) + rng.sample(SEVERAL, rng.randint(2, 3))
        return negotiate(anchor, rng, names, tag_all="several_hard")
    times = 2 if cls not in ("list_to_op", "short_lookalikes") and rng.random() < 0.3 else 1
    return negotiate(anchor, rng, [cls] * times)


def generate_class_pairs(n_per_class: int, seed: int, classes: Sequence[str] = CLASSES
                         ) -> list[tuple[str, Document, Document, list[TruthGroup]]]:
    """``n_per_class`` cases of each class; case i is anchored on sample i (mod their number),
    so every sample text is negotiated."""
    out = []
    files = anchors()
    for cls in classes:
        for i in range(n_per_class):
            rng = random.Random(f"rounds:{seed}:{cls}:{i}")
            o, nw, truth = make_class_case(cls, rng, files[i % len(files)])
            out.append((cls, o, nw, truth))
    return out


def generate_pairs(n: int, seed: int) -> list[tuple[Document, Document, list[TruthGroup]]]:
    """``n`` first-vs-last comparisons with 1–5 stories each (untagged)."""
    out = []
    files = anchors()
    pick = [c for c in CLASSES if not c.startswith("several")]
    for i in range(n):
        rng = random.Random(f"rounds-general:{seed}:{i}")
        names = [rng.choice(pick) for _ in range(1 + i % 5)]
        old, new, truth = negotiate(files[i % len(files)], rng, names, tag_all="general")
        out.append((old, new, [replace(t, tag="") for t in truth]))
    return out
