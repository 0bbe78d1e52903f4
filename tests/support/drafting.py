"""An eighth, held-out revision generator (issue #13), written apart from the aligner: versions as a
delegation drafts them in a plain .txt/.md ("The General Assembly,", PPs, "1. Calls upon …", "(a) To …",
"(i) …") and as users load them (``compare.api.load_text``), with what the seven others do not make:

* ``nested_lists`` — lists two levels deep: an item carved into sub-items (i)–(iii) from its own words (or
  the reverse), a sub-item promoted to an item, an item demoted under a neighbour, a sub-item moved to
  another item; the chapeaux kept;
* ``split_many`` — a long OP or PP (60+ words) split into 4–5 paragraphs, the parts reordered, one or two
  lightly edited;
* ``merge_many`` — four paragraphs of one part, not all adjacent, merged into one, lightly condensed;
* ``swapped_pairs`` — two or three pairs of adjacent short paragraphs of one part swapped, each edited
  by 10–30 %;
* ``templated_ops`` — 5–7 OPs of one template ("Requests the Secretary-General to include … information
  on {object}") edited a little, reordered, one dropped, one added with a new object; a reader pairs them
  by their object;
* ``moved_block_edited`` — 3–6 consecutive OPs moved into the preamble (their verbs turned into
  participles: "Urges" → "Urging") or far down, each reworded by 20–40 %;
* ``mixed`` — three of these at once.

Truth is by construction (each new block records the old blocks it comes from) and by the ids the parse
gives (PP3, OP5(a)(ii)); a case is redrawn unless every block parsed as the paragraph it was written as
and a reader could tell the truth (``consultations.believable``; templated OPs judged on their object).
Word banks, edits and the believability rule are consultations.py's and facilitator.py's (one home).

Public API, as the other generators: ``CLASSES``; ``make_class_case(cls, rng, src=None)`` → (old, new,
truth); ``generate_class_pairs(n_per_class, seed, classes)``; ``generate_pairs(n, seed)``.
"""
from __future__ import annotations

import random
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional, Sequence

from compare.api import load_text
from compare.model import Document

from . import consultations as cs
from .amendments import Source
from .consultations import Block, _tokens, dice, lead_of, reword
from .delegations import trim
from .facilitator import LONG, OBJECTS
from .generator_checks import truth_holds
from .synthetic import TruthGroup

CLASSES = ("nested_lists", "split_many", "merge_many", "swapped_pairs", "templated_ops", "moved_block_edited",
           "mixed")

# =========================================================================== texts written for this generator

HEADING = {"en": "The General Assembly,", "fr": "L'Assemblée générale,", "es": "La Asamblea General,"}

# an OP verb as a PP participle, for the verbs consultations.TURN does not turn ("Urges" → "Urging")
PARTICIPLES = {
    "en": {"Urges": "Urging", "Calls upon": "Calling upon", "Encourages": "Encouraging", "Invites": "Inviting",
           "Requests": "Requesting", "Stresses": "Stressing", "Emphasizes": "Emphasizing", "Decides": "Deciding",
           "Also urges": "Urging also", "Also calls upon": "Calling also upon", "Also encourages": "Encouraging also",
           "Also invites": "Inviting also", "Also requests": "Requesting also"},
    "fr": {"Exhorte": "Exhortant", "Engage": "Engageant", "Encourage": "Encourageant", "Invite": "Invitant",
           "Prie": "Priant", "Demande": "Demandant", "Souligne": "Soulignant", "Salue": "Saluant",
           "Exhorte également": "Exhortant également", "Engage également": "Engageant également",
           "Encourage également": "Encourageant également", "Invite également": "Invitant également",
           "Prie également": "Priant également", "Demande également": "Demandant également"},
    "es": {"Insta": "Instando", "Exhorta": "Exhortando", "Alienta": "Alentando", "Invita": "Invitando",
           "Solicita": "Solicitando", "Pide": "Pidiendo", "Subraya": "Subrayando", "Destaca": "Destacando",
           "Insta también": "Instando también", "Exhorta también": "Exhortando también",
           "Alienta también": "Alentando también", "Invita también": "Invitando también",
           "Solicita también": "Solicitando también"},
}

# list items a drafter carves into sub-items from their own words: (head, pieces); flat, the pieces
# follow the head as an enumeration; nested, the head closes with ":" and each piece is an item (i)–(iii)
NESTED = {
    "en": [("To provide victims with assistance, including", [
                "safe shelter and medical care", "legal aid and interpretation in a language they understand",
                "psychological support adapted to their age and gender"]),
           ("To strengthen the capacity of law enforcement authorities, in particular through", [
                "specialized training of police, prosecutors and judges",
                "joint investigation teams with countries of origin and transit",
                "financial investigations into the proceeds of trafficking"]),
           ("To prevent trafficking in persons, inter alia by", [
                "public awareness campaigns in schools and communities",
                "the regulation and monitoring of private recruitment agencies",
                "decent work opportunities for young people in rural areas"]),
           ("To improve the collection of data on trafficking, such as", [
                "the number of victims identified, disaggregated by sex and age",
                "the forms of exploitation reported to the authorities",
                "the number of investigations, prosecutions and convictions"])],
    "fr": [("À fournir une assistance aux victimes, notamment", [
                "un hébergement sûr et des soins médicaux",
                "une aide juridictionnelle et une interprétation dans une langue qu'elles comprennent",
                "un soutien psychologique adapté à leur âge et à leur sexe"]),
           ("À renforcer les capacités des services de détection et de répression, en particulier par", [
                "une formation spécialisée des policiers, des procureurs et des juges",
                "des équipes communes d'enquête avec les pays d'origine et de transit",
                "des enquêtes financières sur le produit de la traite"]),
           ("À prévenir la traite des personnes, entre autres par", [
                "des campagnes de sensibilisation dans les écoles et les communautés",
                "la réglementation et le contrôle des agences privées de recrutement",
                "des possibilités de travail décent pour les jeunes des zones rurales"]),
           ("À améliorer la collecte de données sur la traite, telles que", [
                "le nombre de victimes identifiées, ventilé par sexe et par âge",
                "les formes d'exploitation signalées aux autorités",
                "le nombre d'enquêtes, de poursuites et de condamnations"])],
    "es": [("Prestar asistencia a las víctimas, en particular", [
                "alojamiento seguro y atención médica",
                "asistencia jurídica e interpretación en un idioma que comprendan",
                "apoyo psicológico adaptado a su edad y género"]),
           ("Fortalecer la capacidad de los organismos encargados de hacer cumplir la ley, especialmente mediante", [
                "la capacitación especializada de policías, fiscales y jueces",
                "equipos conjuntos de investigación con los países de origen y tránsito",
                "investigaciones financieras sobre el producto de la trata"]),
           ("Prevenir la trata de personas, entre otras cosas mediante", [
                "campañas de sensibilización en las escuelas y las comunidades",
                "la regulación y supervisión de las agencias privadas de contratación",
                "oportunidades de trabajo decente para los jóvenes de las zonas rurales"]),
           ("Mejorar la reunión de datos sobre la trata, como", [
                "el número de víctimas identificadas, desglosado por sexo y edad",
                "las formas de explotación denunciadas a las autoridades",
                "el número de investigaciones, enjuiciamientos y condenas"])],
}

# one template of OPs told apart by their object (the objects: facilitator.OBJECTS)
TEMPLATE = {"en": "Requests the Secretary-General to include in his next report information on {obj}",
            "fr": "Prie le Secrétaire général de faire figurer dans son prochain rapport des informations sur {obj}",
            "es": "Solicita al Secretario General que incluya en su próximo informe información sobre {obj}"}


def _flat(head: str, pieces: list[str], lang: str) -> str:
    return f"{head} {', '.join(pieces[:-1])} {cs.LAST_AND[lang].strip()} {pieces[-1]}"


def _template_words(lang: str) -> frozenset[str]:
    return frozenset(cs._content(TEMPLATE[lang].format(obj="")))


def judged(text: str, lang: str) -> str:
    """What a reader pairs a paragraph by: a templated OP's object, any other paragraph's words."""
    words = _template_words(lang)
    content = cs._content(text)
    if sum(w in words for w in content) >= len(words) - 1:
        return " ".join(w for w in content if w not in words)
    return text


# =========================================================================== a sample as users load it

@lru_cache(maxsize=None)
def load_sample(path: Path) -> Source:
    """The sample's complete paragraphs (a lead, a closing mark; items under a kept chapeau), as parsed."""
    doc = load_text(path.read_text(encoding="utf-8"), name=path.name)
    lang = doc.meta.language or "en"
    out: list[tuple[str, str, int]] = []
    keep = False
    for p in doc.paragraphs:
        text = p.text.strip()
        ok = bool(text) and text[-1] in ",;.:" and len(_tokens(text)) >= 5
        if p.level == 0:
            keep = ok and p.kind in ("PP", "OP") and bool(lead_of(text, lang))
            if keep:
                out.append((text.rstrip(",;.:").rstrip(), p.kind, 0))
        elif keep and p.level == 1 and ok and text[:1].isupper():
            out.append((text.rstrip(",;.:").rstrip(), p.kind, 1))
    return Source(path.name, lang, tuple(out))


def sources() -> tuple[Source, ...]:
    return tuple(load_sample(p) for p in cs.samples())


def base(src: Source, rng: random.Random, needs: frozenset[str]) -> list[Block]:
    """A whole text on the sample: its paragraphs, completed with the generators' banks in its language,
    and what the classes need (a two-level list, a long OP, a block of templated OPs)."""
    lang = src.lang
    pps = [Block(t, k, lv) for t, k, lv in src.paras if k == "PP"]
    ops = [Block(t, k, lv) for t, k, lv in src.paras if k == "OP"]
    have = [b.text for b in pps + ops]

    def fresh(cands: list[str], n: int) -> list[str]:
        out = [t for t in rng.sample(cands, len(cands)) if all(dice(t, h) < 0.6 for h in have)][:max(0, n)]
        have.extend(out)
        return out

    extra_pp = [Block(t, "PP") for t in fresh(cs.PREAMBLE[lang], rng.randint(7, 10) - sum(not b.level for b in pps))]
    cut = rng.randint(0, len(extra_pp))
    head = extra_pp[:cut] + pps + extra_pp[cut:]
    units: list[list[Block]] = [[Block(t, "OP")] for t in fresh(cs.OPERATIVE[lang] + cs.URGES[lang],
                                                                 rng.randint(9, 12) - sum(not b.level for b in ops))]
    if "nested" in needs or rng.random() < 0.3:
        chapeau, items = rng.choice(cs.LISTS[lang])
        carved = rng.sample(NESTED[lang], rng.randint(3, 4) if "nested" in needs else 1)
        lst = [Block(i, "OP", 1) for i in rng.sample(items, rng.randint(1, 2))]
        for n, (h, ps) in enumerate(carved):
            if n % 2:
                lst.append(Block(h, "OP", 1))
                lst += [Block(cs._up(p), "OP", 2) for p in ps]
            else:
                lst.append(Block(_flat(h, ps, lang), "OP", 1))
        rng.shuffle(lst)          # a sub-item list travels with its head
        lst = _regroup(lst, lang)
        units.append([Block(chapeau, "OP")] + lst)
    if "long" in needs:
        chapeau = rng.choice(LONG[lang])[0]
        items = rng.sample([i for _, its in LONG[lang] for i in its], rng.randint(4, 5))
        units.append([Block(_flat(chapeau, [cs._low(i) for i in items], lang), "OP")])
    rng.shuffle(units)
    if "template" in needs:
        objs = rng.sample(OBJECTS[lang], rng.randint(5, 7))
        units.insert(rng.randint(0, len(units)), [Block(TEMPLATE[lang].format(obj=o), "OP") for o in objs])
    blocks = head + ops + [b for u in units for b in u]
    for k, b in enumerate(blocks):
        b.src = (k,)
    return blocks


def _regroup(items: list[Block], lang: str) -> list[Block]:
    """Shuffled items put back so that each sub-item follows the item whose pieces it is."""
    pieces = {h: [cs._up(p) for p in ps] for h, ps in NESTED[lang]}
    out: list[Block] = []
    for b in items:
        if b.level == 1:
            out.append(b)
            out += [s for s in items if s.level == 2 and s.text in pieces.get(b.text, ())]
    return out


# =========================================================================== documents as users get them

def render(blocks: list[Block], lang: str) -> str:
    """The version as a delegation's plain text: heading, PPs, "1. …", "(a) …", "(i) …"."""
    lines = [HEADING[lang], ""]
    op = item = sub = 0
    for b, t in zip(blocks, cs._marks(blocks)):
        if b.kind == "OP" and b.level == 0:
            op, item = op + 1, 0
            t = f"{op}. {t}"
        elif b.level == 1:
            item, sub = item + 1, 0
            t = f"({chr(ord('a') + item - 1)}) {t}"
        elif b.level == 2:
            sub += 1
            t = f"({ROMAN[sub - 1]}) {t}"
        lines += [t, ""]
    return "\n".join(lines)


ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii")


def parse(blocks: list[Block], lang: str, name: str) -> Optional[Document]:
    """The version parsed as a user loads it; None unless every block became the paragraph it was
    written as (same kind, level, words): otherwise the truth by ids would be wrong."""
    doc = load_text(render(blocks, lang), name=name)
    if len(doc.paragraphs) != len(blocks):
        return None
    for p, b in zip(doc.paragraphs, blocks):
        if p.kind != b.kind or p.level != b.level or p.text.rstrip(" ,;.:") != b.text.rstrip(" ,;.:"):
            return None
    return doc


def finish(old: list[Block], new: list[Block], lang: str, label: str
           ) -> Optional[tuple[Document, Document, list[TruthGroup]]]:
    """Both versions parsed, and the truth by the ids the parse gave (:func:`consultations.truth_of`)."""
    od, nd = parse(old, lang, f"{label}-old.txt"), parse(new, lang, f"{label}-new.txt")
    if od is None or nd is None:
        return None
    return od, nd, cs.truth_of(old, new, od, nd)


# =========================================================================== nested lists

def _list_heads(new: list[Block]) -> list[int]:
    return [j for j, b in enumerate(new) if b.level == 1]


def _subs(new: list[Block], j: int) -> list[int]:
    out = []
    for k in range(j + 1, len(new)):
        if new[k].level != 2:
            break
        out.append(k)
    return out


def _carving(text: str, lang: str) -> Optional[tuple[str, list[str]]]:
    return next(((h, ps) for h, ps in NESTED[lang] if text == _flat(h, ps, lang)), None)


def story_nested_lists(old, new, lang, rng, tag, src) -> bool:
    """Two or three of: an item carved into sub-items, sub-items joined back, a sub-item promoted to an
    item, an item demoted under its neighbour, a sub-item moved to another item."""
    done = 0
    moves = rng.sample(["carve", "join", "promote", "demote", "move"], rng.randint(2, 3))
    for m in moves:
        items = [j for j in _list_heads(new) if not new[j].tag and len(new[j].src) == 1]
        if m == "carve":
            js = [j for j in items if _carving(new[j].text, lang) and not _subs(new, j)]
            if js:
                j = rng.choice(js)
                h, ps = _carving(new[j].text, lang)
                new[j:j + 1] = [cs._mark(new[j], tag, h)] + [cs._mark(new[j], tag, cs._up(p), level=2) for p in ps]
                done += 1
        elif m == "join":
            js = [j for j in items if len(_subs(new, j)) >= 2 and all(len(new[k].src) == 1 and not new[k].tag
                                                                     for k in _subs(new, j))]
            if js:
                j = rng.choice(js)
                ks = _subs(new, j)
                text = _flat(new[j].text, [cs._low(new[k].text) for k in ks], lang)
                merged = Block(text, "OP", 1, src=tuple(s for k in [j] + ks for s in new[k].src), tag=tag, touched=True)
                new[j:ks[-1] + 1] = [merged]
                done += 1
        elif m == "promote":
            js = [k for j in items for k in _subs(new, j) if len(_subs(new, j)) >= 3 and not new[k].tag]
            if js:
                k = rng.choice(js)
                b = new.pop(k)
                head = max(j for j in range(k) if new[j].level == 1)
                at = head + 1 + len(_subs(new, head))
                new.insert(at, cs._mark(b, tag, level=1))
                done += 1
        elif m == "demote":
            hosts = [j for j in items if _subs(new, j)]
            js = [j for j in items if not _subs(new, j) and any(abs(h - j) <= 4 and h != j for h in hosts)]
            if js:
                j = rng.choice(js)
                b = new.pop(j)
                hosts = [h for h in _list_heads(new) if _subs(new, h) and abs(h - j) <= 4]
                if not hosts:
                    new.insert(j, b)
                    continue
                h = rng.choice(hosts)
                at = rng.randint(h + 1, h + 1 + len(_subs(new, h)))
                new.insert(at, cs._mark(b, tag, cs._up(b.text), level=2))
                done += 1
        elif m == "move":
            hosts = [j for j in items if _subs(new, j)]
            if len(hosts) >= 2:
                a, h = rng.sample(hosts, 2)
                ks = [k for k in _subs(new, a) if not new[k].tag]
                if len(_subs(new, a)) >= 2 and ks:
                    k = rng.choice(ks)
                    b = new.pop(k)
                    h = h if h < k else h - 1
                    at = rng.randint(h + 1, h + 1 + len(_subs(new, h)))
                    e = reword(b.text, lang, rng, 0.05, 0.2) if rng.random() < 0.4 else None
                    new.insert(at, cs._mark(b, tag, e or b.text))
                    done += 1
    return done >= 2


# =========================================================================== many in one, one in many

def story_split_many(old, new, lang, rng, tag, src) -> bool:
    """A long OP (60+ words) split into 4–5, each part under the verb ("Also urges …"), parts
    reordered, one or two lightly edited; as a PP when its verb has a participle."""
    js = [j for j, b in enumerate(new) if cs._free(new, j, "OP", min_words=60)]
    js = [j for j in js if any(new[j].text.startswith(c + " ") for c, _ in LONG[lang])]
    if not js:
        return False
    j = rng.choice(js)
    chapeau = next(c for c, _ in LONG[lang] if new[j].text.startswith(c + " "))
    body = new[j].text[len(chapeau) + 1:]
    items = [i for _, its in LONG[lang] for i in its if cs._low(i) in body]
    if len(items) < 4:
        return False
    lead = lead_of(chapeau, lang)
    heads = [chapeau] + [chapeau.replace(lead, cs._also(lead, lang), 1)] * (len(items) - 1)
    parts = [cs._mark(new[j], tag, f"{h} {cs._low(i)}") for h, i in zip(heads, items)]
    order = list(range(len(parts)))
    while order == sorted(order):
        rng.shuffle(order)
    parts = [parts[k] for k in order]
    if lead_of(parts[0].text, lang) != lead:          # the part in the lead's place opens with the verb
        first = next(n for n, p in enumerate(parts) if p.text.startswith(chapeau + " "))
        parts[0], parts[first] = parts[first], parts[0]
    for n in rng.sample(range(len(parts)), rng.randint(1, 2)):
        e = reword(parts[n].text, lang, rng, 0.05, 0.2, keep_lead=True)
        if e:
            parts[n] = cs._mark(parts[n], tag, e)
    new[j:j + 1] = parts
    return True


def story_merge_many(old, new, lang, rng, tag, src) -> bool:
    """Four OPs, not all adjacent, merged into one, each lightly condensed."""
    cands = [j for j in range(len(new)) if cs._free(new, j, "OP", min_words=10)]
    for _ in range(10):
        if len(cands) < 4:
            return False
        picks = sorted(rng.sample(cands, 4))
        if all(b - a == 1 for a, b in zip(picks, picks[1:])):
            continue
        parts = [trim(new[k].text, lang, rng, 0.05, 0.25) or new[k].text for k in picks]
        cs.merge_blocks(new, picks, parts, lang, tag, at=picks[0])
        return True
    return False


# =========================================================================== pairs swapped

def story_swapped_pairs(old, new, lang, rng, tag, src) -> bool:
    """Two or three pairs of adjacent short paragraphs of one part swapped, each edited by 10–30 %."""
    pairs = [j for j in range(len(new) - 1) if all(cs._free(new, k, min_words=6) and len(_tokens(new[k].text)) <= 45
                                                   for k in (j, j + 1)) and new[j].kind == new[j + 1].kind]
    rng.shuffle(pairs)
    done: list[int] = []
    want = rng.choice((2, 3))
    for j in pairs:
        if len(done) == want or any(abs(j - d) < 2 for d in done):
            continue
        a, b = (reword(new[k].text, lang, rng, 0.10, 0.30) for k in (j, j + 1))
        if a and b:
            new[j], new[j + 1] = cs._mark(new[j + 1], tag, b), cs._mark(new[j], tag, a)
            done.append(j)
    return len(done) >= 2


# =========================================================================== templated OPs

def _edit_object(text: str, lang: str, rng: random.Random) -> str:
    """The object edited a little; the template kept."""
    prefix = TEMPLATE[lang].format(obj="")
    obj = text[len(prefix):]
    e = reword(cs._up(obj), lang, rng, 0.08, 0.35) if rng.random() < 0.8 else None
    return prefix + cs._low(e) if e else text


def story_templated_ops(old, new, lang, rng, tag, src) -> bool:
    """The templated OPs' objects edited, some reordered, one dropped, one added with a new object."""
    prefix = TEMPLATE[lang].format(obj="")
    js = [j for j, b in enumerate(new) if b.text.startswith(prefix) and cs._free(new, j)]
    if len(js) < 5 or js != list(range(js[0], js[-1] + 1)):
        return False
    block = [cs._mark(new[j], tag, _edit_object(new[j].text, lang, rng)) for j in js]
    for _ in range(rng.randint(1, 3)):
        x, y = rng.sample(range(len(block)), 2)
        block[x], block[y] = block[y], block[x]
    gone = block.pop(rng.randrange(len(block)))
    old[gone.src[0]].tag = tag
    used = [o for o in OBJECTS[lang] if any(o in b.text for b in old)]
    fresh = [o for o in OBJECTS[lang] if o not in used and dice(o, judged(old[gone.src[0]].text, lang)) <= 0.2]
    if not fresh:                     # an added object sharing words with the dropped one could read as its revision
        return False
    block.insert(rng.randint(0, len(block)), Block(TEMPLATE[lang].format(obj=rng.choice(fresh)), "OP", tag=tag,
                                                   touched=True))
    new[js[0]:js[-1] + 1] = block
    return True


# =========================================================================== a block moved and reworded

def participle(text: str, lang: str) -> Optional[str]:
    """An OP made a PP: "Urges States …" → "Urging States …" (consultations.TURN, read backwards, first)."""
    turned = cs.turn(text, "OP", lang)
    if turned:
        return turned[0]
    lead = lead_of(text, lang)
    to = PARTICIPLES[lang].get(lead) or next((v for k, v in PARTICIPLES[lang].items()
                                               if text.startswith(k + " ")), None)
    if not to:
        return None
    k = lead if lead in PARTICIPLES[lang] else next(k for k in PARTICIPLES[lang] if text.startswith(k + " "))
    return to + text[len(k):]


def story_moved_block_edited(old, new, lang, rng, tag, src) -> bool:
    """3–6 consecutive OPs moved into the preamble as PPs (or far down), each reworded by 20–40 %."""
    n = rng.randint(3, 6)
    runs = [j for j in range(len(new) - n + 1) if all(cs._free(new, k, "OP", min_words=10) for k in range(j, j + n))]
    if not runs:
        return False
    j = rng.choice(runs)
    to_pp = rng.random() < 0.6
    moved: list[Block] = []
    for b in new[j:j + n]:
        t = participle(b.text, lang) if to_pp else b.text
        if t is None:
            return False
        e = reword(t, lang, rng, 0.20, 0.40, keep_lead=to_pp)
        if not e:
            return False
        moved.append(cs._mark(b, tag, e, kind="PP" if to_pp else "OP"))
    del new[j:j + n]
    if to_pp:
        slots = cs._slots(new, "PP")
        at = rng.choice(slots)
    else:
        slots = [k for k in cs._slots(new, "OP") if abs(k - j) >= 4]
        if not slots:
            return False
        at = rng.choice(slots)
    new[at:at] = moved
    return True


# =========================================================================== public API

STORIES: dict[str, Callable] = {      # in the order they run in one revision
    "templated_ops": story_templated_ops, "split_many": story_split_many, "nested_lists": story_nested_lists,
    "swapped_pairs": story_swapped_pairs, "merge_many": story_merge_many,
    "moved_block_edited": story_moved_block_edited,
}
NEEDS = {"nested_lists": {"nested"}, "split_many": {"long"}, "templated_ops": {"template"}}


def readable(old: list[Block], new: list[Block], lang: str) -> bool:
    """consultations.believable on what a reader goes by (a templated OP's object), and no paragraph too
    short to read."""
    o = [replace(b, text=judged(b.text, lang)) for b in old]
    n = [replace(b, text=judged(b.text, lang)) for b in new]
    return cs.believable(o, n) and all(len(_tokens(b.text)) >= 3 for b in new)


def _draw(cls: str, s: Source, rng: random.Random) -> Optional[tuple[Document, Document, list[TruthGroup]]]:
    lang = s.lang
    chosen = [cls] if cls != "mixed" else rng.sample(list(STORIES), 3)
    chosen.sort(key=list(STORIES).index)
    needs = frozenset(x for c in chosen for x in NEEDS.get(c, ()))
    old = base(s, rng, needs)
    new = [replace(b, tag="") for b in old]
    for c in chosen:
        if not STORIES[c](old, new, lang, rng, cls, s):
            return None
    cs.noise(old, new, lang, rng)
    if not readable(old, new, lang):
        return None
    got = finish(old, new, lang, f"{cls}-{s.name}")
    return truth_holds(got) if got else None


def make_class_case(cls: str, rng: random.Random, src: Optional[Source] = None
                    ) -> tuple[Document, Document, list[TruthGroup]]:
    """One revision illustrating ``cls`` (its groups tagged ``cls``) with some untagged edits beside it."""
    pool = sources()
    for _ in range(150):
        got = _draw(cls, src or rng.choice(pool), rng)
        if got and any(t.tag == cls for t in got[2]):
            return got
    raise RuntimeError(f"no believable case of {cls}")


def generate_class_pairs(n_per_class: int, seed: int, classes: Sequence[str] = CLASSES
                         ) -> list[tuple[str, Document, Document, list[TruthGroup]]]:
    """``n_per_class`` cases of each class; the base texts go round the samples in turn."""
    pool = sources()
    return [(cls, *make_class_case(cls, random.Random(f"drafting:{seed}:{cls}:{i}"), pool[i % len(pool)]))
            for cls in classes for i in range(n_per_class)]


def generate_pairs(n: int, seed: int) -> list[tuple[Document, Document, list[TruthGroup]]]:
    """``n`` revisions of mixed classes."""
    pool = sources()
    return [make_class_case("mixed", random.Random(f"drafting-pairs:{seed}:{i}"), pool[i % len(pool)])
            for i in range(n)]
