"""A seventh, held-out revision generator (issue #13), written apart from the aligner: a facilitator's
successive compilation texts in informal consultations, what the six others do not make, each as a
negotiator would still name it at once:

* ``list_regrouped`` — sub-paragraph lists reworked: items moved from one OP's list to another's, two
  items merged into one, an item split in two, items reordered; the chapeaux kept;
* ``chapeau_reworded`` — a list's chapeau given another verb and addressee ("Calls upon Member
  States:" → "Encourages all States, as appropriate:") and most of its items edited by 10–40 %;
* ``ops_into_list`` — 2–4 OPs that were not adjacent become the items of one new chapeau OP (each
  loses its leading verb and addressee, keeps the rest; the chapeau's verb is none of theirs);
* ``list_into_ops`` — a list's items promoted to OPs that take the chapeau's verb, placed apart (the
  first one, in the chapeau's place, is the chapeau and its first item merged);
* ``split_three`` — a long OP with three asks split into three, one part moved far and edited;
* ``merge_three`` — three non-adjacent OPs merged into one, each condensed by 20–40 %;
* ``moved_reworded`` — paragraphs moved far and reworded by 40–60 % as delegates do (another verb or
  addressee, synonyms, a clause struck, a clause taken from another resolution);
* ``one_liners`` — procedural one-liners of one frame ("Takes note of the report of the
  Secretary-General on …", "Requests the Secretary-General to submit … at its sixty-fourth session a
  report on …"), sessions and symbols updated, reordered, one dropped, one added with a new object;
  the truth pairs them by their object;
* ``mixed`` — three or four of these in one revision.

Base texts, documents and truth come from consultations.py (``base_text``, ``finish``, ``believable``,
``reword``, the generators' content-word ``dice``: one home for them).  A case is redrawn unless a reader
could tell its truth (``believable``, judged on what a reader goes by: a one-liner's object, a reworded
chapeau's place at the head of its items) and generator_checks' ``check_truth`` holds.

Public API, as the other generators: ``CLASSES``; ``make_class_case(cls, rng, src=None)`` → (old, new,
truth); ``generate_class_pairs(n_per_class, seed, classes)`` → [(class, old, new, truth)];
``generate_pairs(n, seed)`` → [(old, new, truth)].  A class's truth groups carry ``tag == class``.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace
from typing import Callable, Optional, Sequence

from compare.model import Document

from . import consultations as cs
from .consultations import Block, Source, _tokens, dice, lead_of, reword
from .delegations import _donors, _graft_tail, trim
from .generator_checks import truth_holds
from .synthetic import TruthGroup

CLASSES = ("list_regrouped", "chapeau_reworded", "ops_into_list", "list_into_ops", "split_three", "merge_three",
           "moved_reworded", "one_liners", "mixed")


@dataclass
class FBlock(Block):
    """A block with what a reader goes by to pair it when that is not all its words (``judge``: a
    one-liner's object; a reworded chapeau's old text, for it heads the same items)."""

    judge: str = ""


def _fb(b: Block) -> FBlock:
    return b if isinstance(b, FBlock) else FBlock(**{f: getattr(b, f) for f in b.__dataclass_fields__})


# =========================================================================== texts written for this generator

# OPs with three asks: (chapeau with its connective, items); folded into one paragraph for split_three,
# kept as a list elsewhere
LONG: dict[str, list[tuple[str, list[str]]]] = {
    "en": [("Urges States", [
                "To establish national coordination mechanisms with a clear mandate and adequate resources to "
                "coordinate the response to trafficking in persons",
                "To collect, analyse and share disaggregated data on trafficking cases, victims and convictions",
                "To evaluate regularly the impact of their national action plans, with the participation of "
                "survivors and civil society"]),
           ("Calls upon Member States", [
                "To ensure that victims have access to legal aid, interpretation and compensation regardless of "
                "their immigration status",
                "To provide safe shelter, medical care and psychological support tailored to the needs of women, "
                "girls and boys",
                "To grant temporary residence permits to victims who cooperate with the authorities or who are at "
                "risk of reprisals"]),
           ("Encourages Governments", [
                "To conduct public awareness campaigns targeting potential victims in countries of origin, transit "
                "and destination",
                "To work with employers, trade unions and recruitment agencies to eliminate forced labour from "
                "supply chains",
                "To train teachers and social workers to detect early signs of sexual exploitation of children "
                "online"])],
    "fr": [("Exhorte les États", [
                "À créer des mécanismes nationaux de coordination dotés d'un mandat clair et de ressources "
                "suffisantes pour coordonner la lutte contre la traite des personnes",
                "À recueillir, analyser et échanger des données ventilées sur les affaires de traite, les victimes "
                "et les condamnations",
                "À évaluer régulièrement l'effet de leurs plans d'action nationaux, avec la participation des "
                "survivants et de la société civile"]),
           ("Engage les États Membres", [
                "À veiller à ce que les victimes aient accès à l'aide juridictionnelle, à l'interprétation et à "
                "l'indemnisation quel que soit leur statut migratoire",
                "À fournir un hébergement sûr, des soins médicaux et un soutien psychologique adaptés aux besoins "
                "des femmes, des filles et des garçons",
                "À accorder des titres de séjour temporaires aux victimes qui coopèrent avec les autorités ou qui "
                "risquent des représailles"]),
           ("Encourage les gouvernements", [
                "À mener des campagnes de sensibilisation visant les victimes potentielles dans les pays d'origine, "
                "de transit et de destination",
                "À travailler avec les employeurs, les syndicats et les agences de recrutement pour éliminer le "
                "travail forcé des chaînes d'approvisionnement",
                "À former les enseignants et les travailleurs sociaux à détecter les premiers signes d'exploitation "
                "sexuelle des enfants en ligne"])],
    "es": [("Insta a los Estados a", [
                "Establecer mecanismos nacionales de coordinación con un mandato claro y recursos suficientes para "
                "coordinar la respuesta a la trata de personas",
                "Reunir, analizar e intercambiar datos desglosados sobre los casos de trata, las víctimas y las "
                "condenas",
                "Evaluar periódicamente los efectos de sus planes de acción nacionales, con la participación de "
                "los supervivientes y la sociedad civil"]),
           ("Exhorta a los Estados Miembros a", [
                "Asegurar que las víctimas tengan acceso a asistencia jurídica, interpretación e indemnización "
                "independientemente de su situación migratoria",
                "Proporcionar alojamiento seguro, atención médica y apoyo psicológico adaptados a las necesidades "
                "de las mujeres, las niñas y los niños",
                "Conceder permisos de residencia temporal a las víctimas que cooperen con las autoridades o que "
                "corran riesgo de represalias"]),
           ("Alienta a los gobiernos a", [
                "Realizar campañas de sensibilización dirigidas a las posibles víctimas en los países de origen, "
                "tránsito y destino",
                "Colaborar con los empleadores, los sindicatos y las agencias de contratación para eliminar el "
                "trabajo forzoso de las cadenas de suministro",
                "Capacitar a los docentes y trabajadores sociales para detectar los primeros indicios de "
                "explotación sexual de niños en línea"])],
}

FURTHER = {"en": "Further", "fr": "en outre", "es": "además"}      # the third part's opening ("Further urges")

# a chapeau's new verb and addressee, by the connective its items open with
CHAPEAU_VERBS = {"en": {"": ["Encourages", "Calls upon", "Urges", "Invites", "Strongly encourages"]},
                 "fr": {"À": ["Encourage", "Exhorte", "Invite", "Engage vivement", "Engage"], "De": ["Prie", "Prie instamment"]},
                 "es": {" a": ["Alienta", "Exhorta", "Insta", "Invita"], " que": ["Solicita", "Pide"]}}
ADDRESSEES = {"en": ["all States", "Member States", "Governments", "States parties", "all relevant stakeholders"],
              "fr": ["tous les États", "les États Membres", "les gouvernements", "les États parties"],
              "es": ["a todos los Estados", "a los Estados Miembros", "a los gobiernos", "a los Estados partes"]}
AGENCIES = {"fr": ["le Secrétaire général", "l'Office des Nations Unies contre la drogue et le crime",
                   "la Rapporteuse spéciale"],
            "es": ["al Secretario General", "a la Oficina de las Naciones Unidas contra la Droga y el Delito",
                   "a la Relatora Especial"],
            "en": ["the Secretary-General", "the United Nations Office on Drugs and Crime", "the Special Rapporteur"]}
QUALIFIERS = {"en": ["as appropriate", "within their respective mandates", "in cooperation with civil society"],
              "fr": ["selon qu'il convient", "dans le cadre de leurs mandats respectifs"],
              "es": ["según proceda", "en el marco de sus respectivos mandatos"]}

# the procedural one-liners of one frame, told apart by their object
FRAMES = {"en": ["Takes note of the report of the Secretary-General on {obj} (A/{s}/{r})",
                 "Requests the Secretary-General to submit to the General Assembly at its {o} session a report on {obj}"],
          "fr": ["Prend note du rapport du Secrétaire général sur {obj} (A/{s}/{r})",
                 "Prie le Secrétaire général de lui présenter à sa {o} session un rapport sur {obj}"],
          "es": ["Toma nota del informe del Secretario General sobre {obj} (A/{s}/{r})",
                 "Solicita al Secretario General que le presente en su {o} período de sesiones un informe sobre {obj}"]}
OBJECTS = {
    "en": ["the activities of the United Nations Voluntary Trust Fund for Victims of Trafficking in Persons",
           "the implementation of the Global Plan of Action to Combat Trafficking in Persons",
           "trafficking in women and girls",
           "the work of the Inter-Agency Coordination Group against Trafficking in Persons",
           "measures taken to discourage the demand that fosters exploitation",
           "the situation of migrant workers in domestic service",
           "good practices in the identification and referral of child victims",
           "the follow-up to the high-level meeting on the appraisal of the Global Plan of Action"],
    "fr": ["les activités du Fonds de contributions volontaires des Nations Unies en faveur des victimes de la traite",
           "l'application du Plan d'action mondial pour la lutte contre la traite des personnes",
           "la traite des femmes et des filles",
           "les travaux du Groupe interinstitutions de coordination contre la traite des personnes",
           "les mesures prises pour décourager la demande qui favorise l'exploitation",
           "la situation des travailleurs migrants employés comme domestiques",
           "les bonnes pratiques en matière d'identification et d'orientation des enfants victimes",
           "la suite donnée à la réunion de haut niveau consacrée à l'évaluation du Plan d'action mondial"],
    "es": ["las actividades del Fondo Fiduciario de Contribuciones Voluntarias de las Naciones Unidas para las "
           "Víctimas de la Trata",
           "la aplicación del Plan de Acción Mundial para Combatir la Trata de Personas",
           "la trata de mujeres y niñas",
           "la labor del Grupo Interinstitucional de Coordinación contra la Trata de Personas",
           "las medidas adoptadas para desalentar la demanda que propicia la explotación",
           "la situación de los trabajadores migratorios empleados en el servicio doméstico",
           "las buenas prácticas en la identificación y remisión de los niños víctimas",
           "el seguimiento de la reunión de alto nivel sobre la evaluación del Plan de Acción Mundial"],
}


# =========================================================================== helpers

def _liner(lang: str, frame: int, obj: str, s: int, rng: random.Random) -> FBlock:
    text = FRAMES[lang][frame].format(obj=obj, s=s, r=rng.randint(100, 399), o=cs.ordinal(lang, s + 1))
    return FBlock(text, "OP", liner=True, judge=obj)


def _fold(chapeau: str, items: list[str], lang: str) -> str:
    """The chapeau and its items as one paragraph ("Urges States to X, to Y and to Z")."""
    return cs.fold(chapeau, items, lang)


def _connective(chapeau: str, items: list[str], lang: str) -> str:
    if lang == "fr":
        return "De" if items[0].startswith(("De ", "D'")) else "À"
    if lang == "es":
        return " que" if chapeau.endswith(" que") else " a"
    return ""


def _with_lead(chapeau: str, lead: str, lang: str) -> str:
    """The chapeau under another opening verb: "Urges States" → "Also urges States"."""
    old = lead_of(chapeau, lang)
    return lead + chapeau[len(old):] if old else chapeau


def _further(lead: str, lang: str) -> str:
    return f"{FURTHER[lang]} {cs._low(lead)}" if lang == "en" else f"{lead} {FURTHER[lang]}"


def base(src: Source, rng: random.Random, needs: frozenset[str]) -> list[FBlock]:
    """consultations' base text, with this generator's lists of three asks (as lists, or one folded into
    a paragraph for split_three) and, when asked, a block of one-liners of one frame at the end."""
    blocks = [_fb(b) for b in cs.base_text(src, rng, needs & {"lists", "urges"})]
    lang = src.lang
    first_liner = next((k for k, b in enumerate(blocks) if b.liner), len(blocks))
    body, tail = blocks[:first_liner], blocks[first_liner:]
    first_op = next(k for k, b in enumerate(body) if b.kind == "OP")
    slots = [k for k in range(first_op + 1, len(body) + 1) if k == len(body) or body[k].level == 0]
    longs = LONG[lang][:]
    rng.shuffle(longs)
    add: list[list[FBlock]] = []
    if "long" in needs:
        c, items = longs.pop()
        add.append([FBlock(_fold(c, items, lang), "OP", judge="")])
    if "lists" in needs or rng.random() < 0.4:
        c, items = longs.pop()
        add.append([FBlock(c, "OP")] + [FBlock(i, "OP", 1) for i in items])
    for unit in add:
        k = rng.choice(slots)
        body[k:k] = unit
        slots = [k for k in range(first_op + 1, len(body) + 1) if k == len(body) or body[k].level == 0]
    if "liners" in needs:
        s = rng.randint(63, 77)
        objs = rng.sample(OBJECTS[lang], rng.randint(4, 6))
        tail = [_liner(lang, rng.randrange(2), o, s, rng) for o in objs]
    blocks = body + tail
    for k, b in enumerate(blocks):
        b.src = (k,)
    return blocks


def _lists(new: list[Block]) -> list[int]:
    return [j for j in cs._lists(new) if len(cs._items(new, j)) >= 2]


# =========================================================================== lists regrouped

def _split_item(text: str, lang: str) -> Optional[tuple[str, str]]:
    """"To X and to Y" → ("To X", "To Y"); otherwise at its first ", including" style clause: None."""
    m = cs.SWAPS[lang].match(text[0].lower() + text[1:]) if lang == "es" else cs.SWAPS[lang].match(text)
    if not m or len(_tokens(m.group(1))) < 4 or len(_tokens(m.group(3))) < 4:
        return None
    if lang == "en":
        return m.group(1), "To " + m.group(3)
    if lang == "fr":
        return m.group(1), cs._up(m.group(2).strip(", ").split(" ")[-1]) + " " + m.group(3)
    return cs._up(m.group(1)), cs._up(m.group(3))


def story_list_regrouped(old, new, lang, rng, tag, src) -> bool:
    """Items moved from one list to another, two items merged, one split in two, a list reordered."""
    chapeaux = _lists(new)
    if len(chapeaux) < 2:
        return False
    ca, cb = (new[j] for j in rng.sample(chapeaux, 2))      # the two chapeaux, found again after each step
    a = next(j for j, x in enumerate(new) if x is ca)
    done = 0
    # two items of list a merged into one ("To X and to Y"), or one split in two
    ia = cs._items(new, a)
    if rng.random() < 0.6 and len(ia) >= 3:
        x, y = sorted(rng.sample(ia, 2))
        tx = trim(new[x].text, lang, rng, 0.0, 0.3) or new[x].text if rng.random() < 0.5 else new[x].text
        ty = new[y].text
        joined = f"{tx}{',' * (lang == 'en')} {cs.AND[lang]} {cs._low(ty)}"
        new[x] = FBlock(joined, new[x].kind, 1, src=new[x].src + new[y].src, tag=tag, touched=True)
        del new[y]
        done += 1
    else:
        splits = [k for k in ia if len(new[k].src) == 1 and _split_item(new[k].text, lang)]
        if splits:
            k = rng.choice(splits)
            p, q = _split_item(new[k].text, lang)
            new[k:k + 1] = [cs._mark(new[k], tag, p), cs._mark(new[k], tag, q)]
            done += 1
    # items of list a moved to list b
    a, b = (next(j for j, x in enumerate(new) if x is c) for c in (ca, cb))
    ia = [k for k in cs._items(new, a) if len(new[k].src) == 1 and not new[k].tag]
    if len(cs._items(new, a)) >= 3 and ia:
        moving = sorted(rng.sample(ia, min(len(ia), rng.choice((1, 1, 2)))), reverse=True)
        taken = []
        for k in moving:
            it = new.pop(k)
            t = reword(it.text, lang, rng, 0.1, 0.35) if rng.random() < 0.6 else None
            taken.append(cs._mark(it, tag, t or it.text))
        b = b if b < min(moving) else b - len(moving)
        items_b = [new[k] for k in cs._items(new, b)]
        del new[b + 1:b + 1 + len(items_b)]
        for it in taken:
            items_b.insert(rng.randint(0, len(items_b)), it)
        new[b + 1:b + 1] = items_b
        done += 1
    # a list reordered
    j = rng.choice(_lists(new))
    ks = cs._items(new, j)
    items = [new[k] for k in ks]
    order = list(range(len(items)))
    while order == sorted(order):
        rng.shuffle(order)
    new[ks[0]:ks[-1] + 1] = [cs._mark(items[k], tag) if k != n else items[k] for n, k in enumerate(order)]
    return done > 0


# =========================================================================== chapeau reworded

def new_chapeau(chapeau: str, items: list[str], lang: str, rng: random.Random) -> Optional[str]:
    """Another verb and addressee for the same items: "Calls upon Member States" → "Encourages all States,
    as appropriate" (the items' connective kept)."""
    conn = _connective(chapeau, items, lang)
    verbs = [v for v in CHAPEAU_VERBS[lang].get(conn, []) if v != lead_of(chapeau, lang)]
    if not verbs:
        return None
    agency = any(w in chapeau for w in ("Rapporteur", "Rapporteuse", "Relatora", "Secretary", "Secrétaire",
                                        "Secretario", "Office", "Oficina"))
    who = [w for w in (AGENCIES if agency else ADDRESSEES)[lang] if w not in chapeau]
    if lang == "fr" and conn == "De":
        who = [w for w in AGENCIES["fr"] if w not in chapeau]
    text = f"{rng.choice(verbs)} {rng.choice(who)}"
    if rng.random() < 0.6:
        text += f", {rng.choice(QUALIFIERS[lang])}" + ("," if lang != "en" and conn.strip() else "")
    return text + conn if lang == "es" else text


def story_chapeau_reworded(old, new, lang, rng, tag, src) -> bool:
    """A chapeau's verb and addressee changed, most of its items edited by 10–40 %."""
    chapeaux = [j for j in _lists(new) if len(cs._items(new, j)) >= 3]
    if not chapeaux:
        return False
    j = rng.choice(chapeaux)
    ks = cs._items(new, j)
    t = new_chapeau(new[j].text, [new[k].text for k in ks], lang, rng)
    if not t:
        return False
    new[j] = cs._mark(new[j], tag, t, judge=old[new[j].src[0]].text)
    for k in ks:
        if rng.random() < 0.75:
            e = reword(new[k].text, lang, rng, 0.10, 0.40)
            if e:
                new[k] = cs._mark(new[k], tag, e)
    return True


# =========================================================================== OPs into a list and back

def _same_ask(chapeau: str, text: str, lang: str) -> bool:
    """The chapeau opens as the OP does (its verb, or its addressee): it would read as that OP split."""
    lead_c, lead_t = lead_of(chapeau, lang), lead_of(text, lang)
    m = cs._DEMOTE[lang].match(text)
    return (lead_c.split(" ")[0] == lead_t.split(" ")[0]) or bool(m and m.group("who") in chapeau)


def story_ops_into_list(old, new, lang, rng, tag, src) -> bool:
    """2–4 OPs that were apart become the items of one new chapeau OP (leading verb and addressee gone)."""
    cands = [j for j in range(len(new)) if cs._free(new, j, "OP", min_words=8) and cs._demote(new[j].text, lang)]
    if len(cands) < 2:
        return False
    for _ in range(10):
        picks = sorted(rng.sample(cands, min(len(cands), rng.randint(2, 4))))
        if all(b - a >= 2 for a, b in zip(picks, picks[1:])):
            break
    else:
        return False
    m = cs._DEMOTE[lang].match(new[picks[0]].text)
    chapeau = f"{m.group('lead')} {m.group('who')}" + (f" {m.group('c')}" if lang == "es" else "")
    chapeau = new_chapeau(chapeau, [cs._demote(new[picks[0]].text, lang)], lang, rng)
    if not chapeau or any(_same_ask(chapeau, new[j].text, lang) for j in picks):
        return False                  # a chapeau in one source's words would read as that source split
    items = []
    for j in picks:
        t = cs._demote(new[j].text, lang)
        e = reword(t, lang, rng, 0.0, 0.2) if rng.random() < 0.5 else None
        items.append(cs._mark(new[j], tag, e or t, level=1))
    rng.shuffle(items)
    at = picks[0]
    for j in reversed(picks):
        del new[j]
    new[at:at] = [FBlock(chapeau, "OP", tag=tag, touched=True)] + items
    return True


def story_list_into_ops(old, new, lang, rng, tag, src) -> bool:
    """A list's items promoted to OPs that take the chapeau's verb, placed apart; the first stays where
    the chapeau was (the chapeau and its first item merged: it carries the chapeau's words and place on)."""
    chapeaux = [j for j in _lists(new) if all(len(new[k].src) == 1 and not new[k].tag for k in cs._items(new, j))]
    if not chapeaux:
        return False
    j = rng.choice(chapeaux)
    ks = cs._items(new, j)
    chapeau = new[j].text
    lead = lead_of(chapeau, lang)
    ops = []
    for n, k in enumerate(ks):
        head = chapeau if n == 0 else _with_lead(chapeau, cs._also(lead, lang) if n == 1 else _further(lead, lang), lang)
        it = new[k].text
        t = f"{head} {cs._low(it)}"
        e = reword(t, lang, rng, 0.05, 0.25, keep_lead=True) if rng.random() < 0.5 else None
        src_ = new[j].src + new[k].src if n == 0 else new[k].src       # the first, in the chapeau's place,
        ops.append(FBlock(e or t, "OP", src=src_, tag=tag, touched=True))   # carries the chapeau on
    new[j:ks[-1] + 1] = [ops[0]]
    home = j
    for b in ops[1:]:
        home = cs._place(new, b, rng, home=home, far=2)
    return True


# =========================================================================== three in one, one in three

def story_split_three(old, new, lang, rng, tag, src) -> bool:
    """A long OP with three asks split into three; one part moved far and edited."""
    longs = {_fold(c, i, lang): (c, i) for c, i in LONG[lang]}
    js = [j for j, b in enumerate(new) if b.text in longs and cs._free(new, j)]
    if not js:
        return False
    j = rng.choice(js)
    chapeau, items = longs[new[j].text]
    lead = lead_of(chapeau, lang)
    heads = [chapeau, _with_lead(chapeau, cs._also(lead, lang), lang), _with_lead(chapeau, _further(lead, lang), lang)]
    parts = [cs._mark(new[j], tag, f"{h} {cs._low(i)}") for h, i in zip(heads, items)]
    far = rng.randrange(1, 3)
    e = reword(parts[far].text, lang, rng, 0.15, 0.35, keep_lead=True)
    if not e:
        return False
    parts[far] = cs._mark(parts[far], tag, e)
    moving = parts.pop(far)
    new[j:j + 1] = parts
    cs._place(new, moving, rng, home=j, far=4)
    return True


def story_merge_three(old, new, lang, rng, tag, src) -> bool:
    """Three OPs, apart from each other, merged into one; each condensed by 20–40 %."""
    cands = [j for j in range(len(new)) if cs._free(new, j, "OP", min_words=12)]
    for _ in range(10):
        if len(cands) < 3:
            return False
        picks = sorted(rng.sample(cands, 3))
        if not all(b - a >= 2 for a, b in zip(picks, picks[1:])):
            continue
        parts = [trim(new[k].text, lang, rng, 0.2, 0.4) for k in picks]
        if not all(parts):
            continue
        cs.merge_blocks(new, picks, parts, lang, tag, at=rng.choice(picks), make=FBlock)
        return True
    return False


# =========================================================================== moved and reworded

def _new_addressee(text: str, lang: str, rng: random.Random) -> Optional[str]:
    m = cs._DEMOTE[lang].match(text)
    if not m or m.group("lead") != lead_of(text, lang):
        return None
    who = [w for w in ADDRESSEES[lang] if w != m.group("who")]
    w = rng.choice(who)
    if lang == "fr" and m.group("who").startswith("aux "):
        return None
    return text[:m.start("who")] + w + text[m.end("who"):]


def delegate_reword(text: str, lang: str, rng: random.Random, donors: list[str], lo: float, hi: float
                    ) -> Optional[str]:
    """What delegates do to a paragraph they rework: another addressee, another verb, a clause of agreed
    language from another resolution, then synonyms, clauses struck or moved until lo–hi is changed."""
    t = text
    if rng.random() < 0.5:
        t = _new_addressee(t, lang, rng) or t
    if rng.random() < 0.5:
        t = cs.edit_lead(t, lang, rng) or t
    if donors and rng.random() < 0.6:
        tail = _graft_tail(rng.choice(donors), "OP" if lead_of(t, lang) in cs.OP_LEADS[lang] else "PP", lang, rng)
        if tail and len(_tokens(tail)) <= 0.5 * len(_tokens(t)):
            t = f"{t}, {tail}"
    if cs.changed(text, t) > hi:
        return None
    return t if cs.changed(text, t) >= lo else _reach(text, t, lang, rng, lo, hi)


def _reach(orig: str, t: str, lang: str, rng: random.Random, lo: float, hi: float) -> Optional[str]:
    for _ in range(20):
        e = reword(t, lang, rng, 0.05, 0.6)
        if e and lo <= cs.changed(orig, e) <= hi:
            return e
        if e and cs.changed(orig, e) < lo:
            t = e
    return None


def story_moved_reworded(old, new, lang, rng, tag, src) -> bool:
    """One or two paragraphs moved far within their part and reworded by 40–60 % as delegates do."""
    donors = _donors(src, old, lang)
    moved = 0
    for _ in range(rng.randint(1, 2)):
        for _ in range(6):
            j = cs._pick(new, rng, min_words=14)
            if j is None:
                break
            t = delegate_reword(new[j].text, lang, rng, donors, 0.40, 0.60)
            if t and dice(new[j].text, t) <= 0.8:
                b = new.pop(j)
                cs._place(new, cs._mark(b, tag, t), rng, home=j, far=4)
                moved += 1
                break
    return moved > 0


# =========================================================================== one-liners of one frame

def story_one_liners(old, new, lang, rng, tag, src) -> bool:
    """Sessions and symbols updated, some reordered, one dropped, one added with a new object."""
    js = [j for j, b in enumerate(new) if b.liner and b.judge]
    if len(js) < 3:
        return False
    step = rng.choice((1, 1, 2))
    block = []
    for j in js:
        b = new[j]
        t = cs.refresh_text(b.text, lang, step, rng)
        t = re.sub(r"(?<=/)(\d{3})\)", lambda m: f"{rng.randint(100, 399)})", t)
        block.append(cs._mark(b, tag, t))
    for _ in range(rng.randint(1, 2)):
        x = rng.randrange(len(block) - 1)
        block[x], block[x + 1] = block[x + 1], block[x]
    gone = block.pop(rng.randrange(len(block)))
    old[gone.src[0]].tag = tag
    used = {b.judge for b in new if b.liner}
    m = re.search(r"A/(\d\d)/", " ".join(b.text for b in block))
    s = int(m.group(1)) if m else 64 + step
    fresh = [o for o in OBJECTS[lang] if o not in used]
    added = _liner(lang, rng.randrange(2), rng.choice(fresh), s, rng)
    block.insert(rng.randint(0, len(block)), replace(added, tag=tag, touched=True))
    new[js[0]:js[-1] + 1] = block
    return True


# =========================================================================== public API

STORIES: dict[str, Callable] = {      # in the order they run in one revision
    "one_liners": story_one_liners, "split_three": story_split_three, "list_into_ops": story_list_into_ops,
    "list_regrouped": story_list_regrouped, "chapeau_reworded": story_chapeau_reworded,
    "ops_into_list": story_ops_into_list, "merge_three": story_merge_three, "moved_reworded": story_moved_reworded,
}
NEEDS = {"list_regrouped": {"lists"}, "chapeau_reworded": {"lists"}, "list_into_ops": {"lists"},
         "ops_into_list": {"urges"}, "split_three": {"long"}, "one_liners": {"liners"}, "merge_three": {"urges"}}


def readable(old: list[FBlock], new: list[FBlock]) -> bool:
    """consultations.believable on what a reader goes by (a one-liner's object, a reworded chapeau's
    place), and every reworded chapeau still heads most of its old items."""
    o = [replace(b, text=b.judge or b.text) for b in old]
    n = [replace(b, text=b.judge or b.text) for b in new]
    if not cs.believable(o, n):
        return False
    for j, b in enumerate(new):
        if b.judge and not b.liner:
            kids = {i for k in cs._items(new, j) for i in new[k].src}
            if len(kids & set(cs._items(old, b.src[0]))) * 2 <= len(cs._items(old, b.src[0])):
                return False
    return True


def _draw(cls: str, s: Source, rng: random.Random) -> Optional[tuple[Document, Document, list[TruthGroup]]]:
    lang = s.lang
    chosen = [cls] if cls != "mixed" else rng.sample(list(STORIES), rng.randint(3, 4))
    chosen.sort(key=list(STORIES).index)
    needs = frozenset(n for c in chosen for n in NEEDS.get(c, ()))
    old = base(s, rng, needs)
    new = [replace(b, tag="") for b in old]
    for c in chosen:
        if not STORIES[c](old, new, lang, rng, cls, s):
            return None
    cs.noise(old, new, lang, rng)
    if not readable(old, new) or any(len(_tokens(b.text)) < 3 for b in new):
        return None
    return truth_holds(cs.finish(old, new, lang, f"{cls}-{s.name}"))


def make_class_case(cls: str, rng: random.Random, src: Optional[Source] = None
                    ) -> tuple[Document, Document, list[TruthGroup]]:
    """One revision illustrating ``cls`` (its groups tagged ``cls``) with some untagged edits beside it."""
    return cs.first_case(_draw, cls, rng, src, 120)


def generate_class_pairs(n_per_class: int, seed: int, classes: Sequence[str] = CLASSES
                         ) -> list[tuple[str, Document, Document, list[TruthGroup]]]:
    """``n_per_class`` cases of each class; the base texts go round the samples in turn."""
    pool = cs.sources()
    return [(cls, *make_class_case(cls, random.Random(f"facilitator:{seed}:{cls}:{i}"), pool[i % len(pool)]))
            for cls in classes for i in range(n_per_class)]


def generate_pairs(n: int, seed: int) -> list[tuple[Document, Document, list[TruthGroup]]]:
    """``n`` revisions of mixed classes."""
    pool = cs.sources()
    return [make_class_case("mixed", random.Random(f"facilitator-pairs:{seed}:{i}"), pool[i % len(pool)])
            for i in range(n)]
