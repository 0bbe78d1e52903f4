"""A second revision generator, independent of :mod:`tests.support.synthetic`: it edits the way
delegations do in informal rounds, on the real paragraphs of ``samples/`` (French, English and
Spanish), so that the aligner is not judged only by the generator it was tuned on.

A revision is a list of *amendments* applied to a working copy of the text, each one what a
delegation would table: update references and years ("resolution 61/180" → "63/194", "sixty-first
session" → "sixty-third"), change the leading verb ("Reaffirms" → "Recalls"), add or drop a
qualifier ("as appropriate"), insert, delete or reorder clauses, split an OP in two (the second
part sometimes placed further down, one part elaborated) or into a chapeau with (a)–(c), fold a
list back into one paragraph, merge two OPs (sometimes not adjacent), move a paragraph far into
the other part and reword it, swap look-alike procedural one-liners, drop a paragraph and restore
it elsewhere from a delegation's older copy.  Each working paragraph remembers which old
paragraphs it comes from: that is the ground truth (:class:`synthetic.TruthGroup`, scored by
:func:`synthetic.score` and :func:`synthetic.class_recall`).

``generate_class_pairs(n, seed, classes)`` → ``[(class, old, new, truth)]`` (the class's groups
tagged with it, over background amendments); ``generate_pairs(n, seed)`` → ``[(old, new, truth)]``,
several amendments per revision at varied strengths.
"""
from __future__ import annotations

import difflib
import random
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional, Sequence

from compare.lexicon import OPERATIVE, PREAMBLE, split_leading
from compare.model import Document, Metadata, Paragraph
from .synthetic import TruthGroup, class_recall, load_sample_document, score  # noqa: F401

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

CLASSES = ("references", "verb_change", "qualifiers", "clause_edits", "split_two", "split_list",
           "list_to_op", "merge_two", "moved_rewritten", "lookalike_swap", "drop_restore", "several")


# =========================================================================== phrase tables

ORDINALS = {
    "en": ["fifty-ninth", "sixtieth", "sixty-first", "sixty-second", "sixty-third", "sixty-fourth",
           "sixty-fifth", "sixty-sixth", "sixty-seventh", "sixty-eighth", "sixty-ninth", "seventieth",
           "seventy-first", "seventy-second"],
    "fr": ["cinquante-neuvième", "soixantième", "soixante et unième", "soixante-deuxième",
           "soixante-troisième", "soixante-quatrième", "soixante-cinquième", "soixante-sixième",
           "soixante-septième", "soixante-huitième", "soixante-neuvième", "soixante-dixième",
           "soixante et onzième", "soixante-douzième"],
    "es": ["quincuagésimo noveno", "sexagésimo", "sexagésimo primer", "sexagésimo segundo",
           "sexagésimo tercer", "sexagésimo cuarto", "sexagésimo quinto", "sexagésimo sexto",
           "sexagésimo séptimo", "sexagésimo octavo", "sexagésimo noveno", "septuagésimo",
           "septuagésimo primer", "septuagésimo segundo"],
}

VERBS = {   # leading phrase → what another delegation would rather say
    "en": {"Reaffirms": ["Recalls", "Reiterates"], "Recalls": ["Reaffirms"], "Urges": ["Calls upon", "Strongly urges"],
           "Calls upon": ["Urges", "Encourages"], "Encourages": ["Invites", "Calls upon"],
           "Invites": ["Encourages"], "Requests": ["Also requests", "Further requests"],
           "Recognizes": ["Acknowledges", "Stresses"], "Welcomes": ["Notes with appreciation", "Takes note of"],
           "Takes note of": ["Welcomes", "Notes"], "Notes": ["Takes note of"], "Stresses": ["Underlines", "Emphasizes"],
           "Underlines": ["Stresses"], "Decides": ["Also decides"], "Acknowledges": ["Recognizes"],
           "Recalling": ["Reaffirming", "Bearing in mind"], "Recalling also": ["Recalling further", "Recalling"],
           "Recalling further": ["Recalling also"], "Reaffirming": ["Recalling", "Reiterating"],
           "Recognizing": ["Acknowledging", "Stressing"], "Recognizing also": ["Recognizing further"],
           "Recognizing further": ["Recognizing also"], "Welcoming": ["Noting with appreciation", "Taking note of"],
           "Welcoming also": ["Noting also"], "Taking note of": ["Noting", "Welcoming"],
           "Underlining": ["Stressing", "Emphasizing"], "Reiterating": ["Reaffirming"],
           "Bearing in mind": ["Mindful of", "Recalling"]},
    "fr": {"Exhorte": ["Engage", "Demande"], "Engage": ["Exhorte", "Invite"], "Invite": ["Engage", "Encourage"],
           "Encourage": ["Invite", "Engage"], "Prie": ["Prie également", "Prie en outre"],
           "Prie à nouveau": ["Prie"], "Demande": ["Demande instamment", "Exhorte"], "Considère": ["Estime", "Reconnaît"],
           "Réaffirme": ["Rappelle"], "Sait": ["Reconnaît", "Considère"], "Prend note": ["Prend acte"],
           "Note avec satisfaction": ["Prend note avec satisfaction"], "Décide": ["Décide également"],
           "Rappelant": ["Réaffirmant", "Ayant à l'esprit"], "Rappelant également": ["Rappelant en outre"],
           "Rappelant en outre": ["Rappelant également"], "Réaffirmant": ["Rappelant", "Réitérant"],
           "Considérant": ["Reconnaissant", "Estimant"], "Consciente": ["Pleinement consciente", "Convaincue"],
           "Prenant acte": ["Prenant note"], "Prenant note": ["Prenant acte"], "Se félicitant": ["Saluant"],
           "Accueillant favorablement": ["Saluant", "Accueillant avec satisfaction"]},
    "es": {"Recordando": ["Reafirmando", "Teniendo presente"], "Reafirmando": ["Recordando", "Reiterando"],
           "Tomando nota": ["Observando"], "Decide": ["Decide también"], "Solicita": ["Solicita también", "Pide"],
           "Insta": ["Exhorta"], "Exhorta": ["Insta"], "Alienta": ["Invita"], "Invita": ["Alienta"]},
}

# PP participle ↔ OP verb, to move a paragraph from one part to the other
CROSS = {
    "en": [("Recalling", "Recalls"), ("Reaffirming", "Reaffirms"), ("Recognizing", "Recognizes"),
           ("Welcoming", "Welcomes"), ("Taking note of", "Takes note of"), ("Underlining", "Underlines"),
           ("Reiterating", "Reiterates"), ("Bearing in mind", "Bears in mind"), ("Noting", "Notes"),
           ("Stressing", "Stresses"), ("Acknowledging", "Acknowledges"), ("Encouraging", "Encourages"),
           ("Urging", "Urges"), ("Calling upon", "Calls upon"), ("Inviting", "Invites"), ("Requesting", "Requests"),
           ("Deciding", "Decides"), ("Emphasizing", "Emphasizes")],
    "fr": [("Rappelant", "Rappelle"), ("Réaffirmant", "Réaffirme"), ("Considérant", "Considère"),
           ("Reconnaissant", "Reconnaît"), ("Prenant acte", "Prend acte"), ("Prenant note", "Prend note"),
           ("Se félicitant", "Se félicite"), ("Soulignant", "Souligne"), ("Consciente", "Est consciente"),
           ("Exhortant", "Exhorte"), ("Engageant", "Engage"), ("Invitant", "Invite"), ("Encourageant", "Encourage"),
           ("Priant", "Prie"), ("Demandant", "Demande"), ("Sachant", "Sait"), ("Notant avec satisfaction", "Note avec satisfaction"),
           ("Saluant", "Salue")],
    "es": [("Recordando", "Recuerda"), ("Reafirmando", "Reafirma"), ("Tomando nota", "Toma nota"),
           ("Reconociendo", "Reconoce"), ("Observando", "Observa"), ("Instando", "Insta"), ("Alentando", "Alienta")],
}

QUALIFIERS = {
    "en": ["as appropriate", "in accordance with national legislation", "within existing resources",
           "where applicable", "upon request", "in close cooperation with relevant stakeholders",
           "consistent with their obligations under international law"],
    "fr": ["selon qu'il conviendra", "conformément à la législation nationale", "dans la limite des ressources existantes",
           "le cas échéant", "sur demande", "en étroite coopération avec les parties prenantes concernées",
           "conformément aux obligations que leur impose le droit international"],
    "es": ["según proceda", "de conformidad con la legislación nacional", "con cargo a los recursos existentes",
           "cuando corresponda", "previa solicitud", "en estrecha cooperación con las partes interesadas pertinentes"],
}

ELABORATIONS = {
    "en": ["paying particular attention to the needs of women and children who are victims of trafficking",
           "including through the provision of technical assistance to requesting States",
           "in close coordination with the relevant entities of the United Nations system and regional organizations",
           "while fully respecting the human rights and fundamental freedoms of victims",
           "and to report on progress made in this regard to the Conference of the Parties"],
    "fr": ["en accordant une attention particulière aux besoins des femmes et des enfants victimes de la traite",
           "notamment en fournissant une assistance technique aux États qui en font la demande",
           "en étroite coordination avec les entités compétentes du système des Nations Unies et les organisations régionales",
           "dans le plein respect des droits de l'homme et des libertés fondamentales des victimes",
           "et à rendre compte des progrès accomplis à la Conférence des Parties"],
    "es": ["prestando especial atención a las necesidades de las mujeres y los niños víctimas de la trata",
           "incluso mediante la prestación de asistencia técnica a los Estados que la soliciten",
           "en estrecha coordinación con las entidades competentes del sistema de las Naciones Unidas",
           "respetando plenamente los derechos humanos y las libertades fundamentales de las víctimas"],
}

SYNONYMS = {   # word → a delegation's preferred word (whole words, case kept for the first letter)
    "en": {"States": "Governments", "ensure": "guarantee", "strengthen": "enhance", "efforts": "measures",
           "cooperation": "collaboration", "combat": "counter", "prevent": "avert", "important": "essential",
           "relevant": "competent", "continue": "pursue", "promote": "foster", "need": "necessity",
           "support": "assistance", "implementation": "application", "international": "global",
           "victims": "survivors", "measures": "steps", "provide": "offer", "including": "notably",
           "particular": "specific", "effective": "efficient", "protection": "safeguarding"},
    "fr": {"États": "Gouvernements", "renforcer": "intensifier", "efforts": "mesures", "coopération": "collaboration",
           "lutter": "agir", "prévenir": "empêcher", "importance": "nécessité", "pertinents": "compétents",
           "continuer": "poursuivre", "promouvoir": "favoriser", "appui": "soutien", "application": "mise en œuvre",
           "internationale": "mondiale", "victimes": "personnes touchées", "mesures": "dispositions",
           "notamment": "en particulier", "efficace": "effective", "protection": "sauvegarde", "assurer": "garantir"},
    "es": {"Estados": "Gobiernos", "reforzar": "fortalecer", "cooperación": "colaboración", "combatir": "contrarrestar",
           "prevenir": "evitar", "importancia": "necesidad", "pertinentes": "competentes", "promover": "fomentar",
           "aplicación": "ejecución", "internacional": "mundial", "víctimas": "personas afectadas",
           "medidas": "disposiciones", "especialmente": "en particular"},
}

ONE_LINERS = {   # procedural one-liners that look alike (slots: session, topic)
    "en": ["Requests the Secretary-General to submit to the General Assembly at its {s} session a report on {t};",
           "Decides to include in the provisional agenda of its {s} session the item entitled “{T}”;",
           "Decides to continue its consideration of the question at its {s} session;",
           "Takes note of the report of the Secretary-General on {t};",
           "Takes note with appreciation of the report of the Special Rapporteur on {t};",
           "Invites Member States to contribute to the United Nations Voluntary Trust Fund on {t};",
           "Requests the Secretary-General to provide the resources necessary for {t};"],
    "fr": ["Prie le Secrétaire général de lui présenter, à sa {s} session, un rapport sur {t} ;",
           "Décide d'inscrire à l'ordre du jour provisoire de sa {s} session la question intitulée « {T} » ;",
           "Décide de poursuivre l'examen de la question à sa {s} session ;",
           "Prend note du rapport du Secrétaire général sur {t} ;",
           "Prend note avec satisfaction du rapport de la Rapporteuse spéciale sur {t} ;",
           "Invite les États Membres à verser des contributions au Fonds de contributions volontaires pour {t} ;",
           "Prie le Secrétaire général de fournir les ressources nécessaires pour {t} ;"],
    "es": ["Solicita al Secretario General que le presente, en su {s} período de sesiones, un informe sobre {t};",
           "Decide incluir en el programa provisional de su {s} período de sesiones el tema titulado “{T}”;",
           "Decide seguir examinando la cuestión en su {s} período de sesiones;",
           "Toma nota del informe del Secretario General sobre {t};",
           "Invita a los Estados Miembros a que contribuyan al Fondo Fiduciario de Contribuciones Voluntarias para {t};"],
}
TOPICS = {
    "en": ["trafficking in persons", "the implementation of the present resolution",
           "the activities of the United Nations Office on Drugs and Crime", "the protection of victims of trafficking",
           "the work of the Conference of the Parties to the Convention", "the Global Plan of Action"],
    "fr": ["la traite des êtres humains", "l'application de la présente résolution",
           "les activités de l'Office des Nations Unies contre la drogue et le crime",
           "la protection des victimes de la traite", "les travaux de la Conférence des Parties à la Convention",
           "le Plan d'action mondial"],
    "es": ["la trata de personas", "la aplicación de la presente resolución",
           "las actividades de la Oficina de las Naciones Unidas contra la Droga y el Delito",
           "la protección de las víctimas de la trata", "el Plan de Acción Mundial"],
}
ITEMS = {"en": ["Crime prevention and criminal justice", "Promotion and protection of human rights"],
         "fr": ["Prévention du crime et justice pénale", "Promotion et protection des droits de l'homme"],
         "es": ["Prevención del delito y justicia penal", "Promoción y protección de los derechos humanos"]}
JOIN = {"en": ", and ", "fr": ", et ", "es": ", y "}
ALSO = {"en": ("Also", "pre"), "fr": ("également", "post"), "es": ("también", "post")}


# =========================================================================== the working text

@dataclass
class Para:
    """A paragraph on the negotiating table: its text, part (PP/OP), level (1: an item of the
    list opened by the previous top-level paragraph), the old paragraphs it comes from, the
    class tag of the amendment that made it, and whether an amendment has claimed it."""

    text: str
    kind: str
    level: int = 0
    origin: tuple[int, ...] = ()
    tag: str = ""
    taken: bool = False


@dataclass
class Table:
    """The working copy and what the amendments need to know about the text."""

    lang: str
    paras: list[Para]
    rng: random.Random
    pool: list[str] = field(default_factory=list)      # real paragraphs of other texts, same language

    def free(self, kind: Optional[str] = None, min_words: int = 0, alone: bool = True) -> list[int]:
        """Top-level paragraphs no amendment has claimed, coming from exactly one old paragraph
        (``alone``: with no list of its own below it)."""
        out = []
        for k, p in enumerate(self.paras):
            if p.taken or p.level or len(p.origin) != 1 or (kind and p.kind != kind):
                continue
            if len(p.text.split()) < min_words:
                continue
            if alone and k + 1 < len(self.paras) and self.paras[k + 1].level:
                continue
            out.append(k)
        self.rng.shuffle(out)
        return out

    def part(self, kind: str) -> tuple[int, int]:
        """[lo, hi) positions of the PPs or of the OPs."""
        n_pp = sum(p.kind == "PP" for p in self.paras)
        return (0, n_pp) if kind == "PP" else (n_pp, len(self.paras))


# =========================================================================== text surgery

def _lead(text: str, kind: str, lang: str) -> str:
    return split_leading(text, kind, lang).text


def _end(text: str) -> tuple[str, str]:
    """(body, final punctuation incl. a French space before it)."""
    m = re.search(r"\s?[,;.:]$", text)
    return (text[:m.start()], text[m.start():]) if m else (text, "")


def _clauses(body: str) -> list[str]:
    """Clauses at commas and semicolons outside numbers ("1,000") and parentheses."""
    out, depth, cur = [], 0, []
    for k, ch in enumerate(body):
        depth += ch == "(" or ch == "«"
        depth -= ch == ")" or ch == "»"
        if ch in ",;" and depth <= 0 and k + 1 < len(body) and body[k + 1] == " " and not body[k - 1].isdigit():
            out.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur).strip())
    return [c for c in out if c]


def _lower_first(s: str) -> str:
    return s[:1].lower() + s[1:] if s and not (len(s) > 1 and s[1].isupper()) else s


def _upper_first(s: str) -> str:
    return s[:1].upper() + s[1:]


def changed_share(a: str, b: str) -> float:
    """Share of the words changed between two texts (1 − difflib ratio over words)."""
    return 1.0 - difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


def update_references(text: str, lang: str, rng: random.Random) -> str:
    """A new round cites the latest texts: resolution numbers, years and session ordinals move on."""
    shift = rng.choice([1, 2, 2, 3])

    def res(m: re.Match) -> str:
        return f"{int(m.group(1)) + shift}/{rng.randint(120, 290)}"
    out = re.sub(r"\b(5\d|6\d|7\d)/(\d{2,3})\b", res, text)
    out = re.sub(r"\b(200\d|201\d)\b", lambda m: str(int(m.group(1)) + shift) if rng.random() < 0.6 else m.group(1), out)
    ords = ORDINALS[lang]
    for k in sorted(range(len(ords)), key=lambda k: -len(ords[k])):
        if ords[k] in out and k + shift < len(ords):
            out = out.replace(ords[k], ords[k + shift].upper() if False else ords[k + shift])
            break
    return out


def change_verb(text: str, kind: str, lang: str, rng: random.Random) -> str:
    lead = _lead(text, kind, lang)
    alts = VERBS[lang].get(lead) or VERBS[lang].get(lead.split(" ")[0])
    if not lead or not alts:
        also, where = ALSO[lang]
        first = text.split(" ", 1)
        if len(first) < 2:
            return text
        return (f"{also} {_lower_first(text)}" if where == "pre" else f"{first[0]} {also} {first[1]}")
    base = lead if lead in VERBS[lang] else lead.split(" ")[0]
    return rng.choice(alts) + text[len(base):]


def add_qualifier(text: str, lang: str, rng: random.Random) -> str:
    q = rng.choice([x for x in QUALIFIERS[lang] if x not in text] or QUALIFIERS[lang])
    body, end = _end(text)
    cl = _clauses(body)
    if len(cl) > 2 and rng.random() < 0.5:
        k = rng.randrange(1, len(cl))
        cl.insert(k, q)
        return ", ".join(cl) + end
    return f"{body}, {q}{end}"


def drop_qualifier(text: str, lang: str, rng: random.Random) -> str:
    for q in QUALIFIERS[lang] + ["in particular", "inter alia", "notamment", "en particulier", "entre otras cosas"]:
        for pat in (f", {q},", f", {q}", f" {q},", f" {q}"):
            if pat in text:
                return text.replace(pat, "," if pat.endswith(",") and pat.startswith(",") else "", 1)
    return delete_clause(text, rng)


def insert_clause(text: str, donor: str, rng: random.Random) -> str:
    """A clause taken from another resolution (agreed language) inserted at a clause boundary."""
    body, end = _end(text)
    cl = _clauses(body)
    dcl = [c for c in _clauses(_end(donor)[0])[1:] if 3 <= len(c.split()) <= 25] or \
        [" ".join(donor.split()[3:15])]
    cl.insert(rng.randint(1, len(cl)), _lower_first(rng.choice(dcl)))
    return ", ".join(cl) + end


def delete_clause(text: str, rng: random.Random) -> str:
    body, end = _end(text)
    cl = _clauses(body)
    if len(cl) < 3:
        words = body.split()
        if len(words) < 12:
            return text
        a = rng.randrange(len(words) // 3, len(words) // 2)
        return " ".join(words[:a] + words[a + rng.randint(2, 5):]) + end
    del cl[rng.randrange(1, len(cl))]
    return ", ".join(cl) + end


def reorder_clauses(text: str, rng: random.Random) -> str:
    body, end = _end(text)
    cl = _clauses(body)
    if len(cl) < 3:
        return text
    rest = cl[1:]
    rng.shuffle(rest)
    if rest == cl[1:]:
        rest.reverse()
    return ", ".join([cl[0]] + rest) + end


def synonyms(text: str, lang: str, rng: random.Random, share: float) -> str:
    table = SYNONYMS[lang]
    words = text.split(" ")
    spots = [k for k, w in enumerate(words) if k > 1 and w.strip(",;.:") in table]
    for k in rng.sample(spots, int(round(share * len(spots)))):
        w = words[k]
        core = w.strip(",;.:")
        words[k] = w.replace(core, table[core])
    return " ".join(words)


def cross_part(text: str, kind: str, lang: str) -> Optional[tuple[str, str]]:
    """The text as a paragraph of the other part (PP participle ↔ OP verb), or None."""
    for pp, op in sorted(CROSS[lang], key=lambda x: -len(x[0])):
        src, dst = (pp, op) if kind == "PP" else (op, pp)
        if text.startswith(src + " ") or text.startswith(src + ","):
            body, end = _end(dst + text[len(src):])
            new_end = (" ;" if lang == "fr" else ";") if kind == "PP" else ","
            return body + new_end, ("OP" if kind == "PP" else "PP")
    return None


def rewrite(text: str, kind: str, lang: str, rng: random.Random, donors: Sequence[str],
            lo: float = 0.4, hi: float = 0.6) -> str:
    """Reword a paragraph by ``lo``–``hi`` of its words, the way a facilitator's compromise
    does: clauses reordered, synonyms, qualifiers, a clause dropped, a clause of agreed language
    added, the leading verb changed.  Best effort: the closest try to the band."""
    best, best_gap = text, 9.9
    for _ in range(12):
        out = text
        steps = [lambda t: reorder_clauses(t, rng), lambda t: synonyms(t, lang, rng, rng.uniform(0.5, 1.0)),
                 lambda t: add_qualifier(t, lang, rng), lambda t: delete_clause(t, rng),
                 lambda t: insert_clause(t, rng.choice(donors), rng) if donors else t,
                 lambda t: change_verb(t, kind, lang, rng)]
        rng.shuffle(steps)
        for step in steps:
            out = step(out)
            if changed_share(text, out) >= lo:
                break
        s = changed_share(text, out)
        gap = 0.0 if lo <= s <= hi else min(abs(s - lo), abs(s - hi))
        if gap < best_gap:
            best, best_gap = out, gap
        if gap == 0.0:
            break
    return best


# =========================================================================== base texts

def _known_lead(text: str, lang: str) -> bool:
    first = text.split(" ", 1)[0].strip(",")
    heads = {p.split(" ")[0] for p in PREAMBLE.get(lang, []) + OPERATIVE.get(lang, [])}
    return first in heads


def _clean(text: str) -> str:
    """Footnote markers out ("Crime 1 and", "Slavery, 4"): the reader keeps them as text."""
    text = re.sub(r"(?<=[,;.])\s\d{1,2}$", "", text.strip())
    text = re.sub(r"\b([A-Z][a-zé]+) \d{1,2}(?=[\s,;.])", r"\1", text)
    text = re.sub(r"(?<=[A-Za-zé]{3})\s\d{1,2}(?=[,;.]\s)", "", text)
    return re.sub(r",\s\d{1,2}(?=\s[a-z])", ",", text)


@lru_cache(maxsize=None)
def real_paragraphs(lang: str) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(kind, text, list items) of the complete top-level paragraphs of the samples in ``lang``
    (not the tail of a paragraph cut by a gap; a list kept with its chapeau), deduplicated."""
    out: list[tuple[str, str, tuple[str, ...]]] = []
    seen: set[str] = set()
    for f in sorted(SAMPLES.glob(f"*.{lang}.md")):
        if "illustrative" in f.name:
            continue
        doc = load_sample_document(f)
        pars = doc.paragraphs
        k = 0
        while k < len(pars):
            p = pars[k]
            text = _clean(p.text)
            items: list[str] = []
            j = k + 1
            while j < len(pars) and (pars[j].level or re.match(r"^[a-z]\) ", pars[j].text)):
                items.append(_clean(re.sub(r"^[a-z]\) ", "", pars[j].text)))
                j += 1
            k = j
            if not text or text[-1] not in ",;.:" or not _known_lead(text, lang) or text in seen:
                continue
            if any(difflib.SequenceMatcher(None, text.split(), t.split()).ratio() > 0.8 for t in seen):
                continue        # two sessions' versions of one paragraph: keep one
            if text.endswith(":"):
                items = [i for i in items if i and i[-1] in ",;."]
                if len(items) < 2:
                    continue
            else:
                items = []
            seen.add(text)
            out.append((p.kind, text, tuple(items)))
    return tuple(out)


def base_text(lang: str, rng: random.Random) -> tuple[list[Para], list[str]]:
    """A resolution to negotiate in ``lang`` and a pool of other real paragraphs (donors of
    agreed language, insertions).  French: the complete 2008 draft.  English and Spanish: the
    real paragraphs of the excerpts, some PPs turned into OPs (participle → verb), with a few
    procedural one-liners at the end as a real resolution has."""
    reals = list(real_paragraphs(lang))
    if lang == "fr":
        doc = load_sample_document(SAMPLES / "draft-rev1-2008-11-10.fr.md")
        paras = [Para(_clean(p.text), p.kind, p.level) for p in doc.paragraphs]
        pool = [t for _, t, _ in reals if t not in {p.text for p in paras}]
        return paras, pool
    rng.shuffle(reals)
    take = reals[:max(4, int(len(reals) * rng.uniform(0.6, 0.85)))]
    pool = [t for _, t, _ in reals[len(take):]]
    pps: list[Para] = []
    ops: list[Para] = []
    for kind, text, items in take:
        as_op = cross_part(text, "PP", lang) if kind == "PP" and not items else None
        if as_op and rng.random() < 0.4:
            ops.append(Para(as_op[0], "OP"))
            continue
        target = ops if kind == "OP" else pps
        target.append(Para(text, kind))
        target.extend(Para(i, kind, 1) for i in items)
    s = rng.randrange(2, 8)
    for tpl in rng.sample(ONE_LINERS[lang], rng.randint(0, 2)):
        ops.append(Para(_one_liner(tpl, lang, rng, s), "OP"))
    return pps + ops, pool


def _one_liner(tpl: str, lang: str, rng: random.Random, s: int) -> str:
    return tpl.format(s=ORDINALS[lang][s], t=rng.choice(TOPICS[lang]), T=rng.choice(ITEMS[lang]))


# =========================================================================== amendments

def _edit_first(tb: Table, tag: str, edit: Callable[[Para], str], min_words: int = 0) -> bool:
    """Apply ``edit`` to the first free paragraph (of at least ``min_words`` words) that it
    changes; that paragraph is then claimed under ``tag``."""
    for k in tb.free(min_words=min_words):
        p = tb.paras[k]
        out = edit(p)
        if out != p.text:
            p.text, p.tag, p.taken = out, tag, True
            return True
    return False


def am_references(tb: Table, tag: str) -> bool:
    return _edit_first(tb, tag, lambda p: update_references(p.text, tb.lang, tb.rng))


def am_verb(tb: Table, tag: str) -> bool:
    return _edit_first(tb, tag, lambda p: change_verb(p.text, p.kind, tb.lang, tb.rng))


def am_qualifiers(tb: Table, tag: str) -> bool:
    def edit(p: Para) -> str:
        out = add_qualifier(p.text, tb.lang, tb.rng) if tb.rng.random() < 0.6 else drop_qualifier(p.text, tb.lang, tb.rng)
        return add_qualifier(out, tb.lang, tb.rng) if tb.rng.random() < 0.4 else out
    return _edit_first(tb, tag, edit, min_words=8)


def am_clauses(tb: Table, tag: str) -> bool:
    ops = [lambda t: insert_clause(t, tb.rng.choice(tb.pool), tb.rng) if tb.pool else t,
           lambda t: delete_clause(t, tb.rng), lambda t: reorder_clauses(t, tb.rng)]

    def edit(p: Para) -> str:
        out = p.text
        for op in tb.rng.sample(ops, tb.rng.randint(1, 3)):
            out = op(out)
        return out
    return _edit_first(tb, tag, edit, min_words=15)


def _cut(text: str, rng: random.Random) -> Optional[tuple[str, str]]:
    """A paragraph cut in two at a clause boundary (or " and ") near its middle."""
    body, end = _end(text)
    cl = _clauses(body)
    n = len(body.split())
    # each part a real clause (a quarter of the words, eight at least), not "and other forms of slavery"
    least = max(8, n // 4)
    ok = lambda a, b: min(len(a.split()), len(b.split())) >= least  # noqa: E731
    cuts = [(", ".join(cl[:at]), ", ".join(cl[at:])) for at in range(1, len(cl))]
    cuts = [c for c in cuts if ok(*c)]
    if cuts:
        return rng.choice(cuts)
    words = body.split()
    joins = [k for k, w in enumerate(words) if w in ("and", "et", "y") and least <= k < n - least]
    if joins:
        k = rng.choice(joins)
        return " ".join(words[:k]), " ".join(words[k + 1:])
    return None


def am_split_two(tb: Table, tag: str) -> bool:
    """One OP becomes two: the second part under "Also …" (sometimes placed one to three OPs
    further down), one part sometimes elaborated."""
    for k in tb.free("OP", min_words=18):
        p = tb.paras[k]
        cut = _cut(p.text, tb.rng)
        if not cut:
            continue
        a, b = cut
        lead = _lead(p.text, "OP", tb.lang).split(" ")[0] or p.text.split(" ")[0]
        also, where = ALSO[tb.lang]
        head = f"{also} {_lower_first(lead)}" if where == "pre" else f"{lead} {also}"
        b = _lower_first(b) if not b.startswith(lead) else b[len(lead):].lstrip()
        end = " ;" if tb.lang == "fr" else ";"
        first, second = a + end, f"{head} {b}{end}"
        if tb.rng.random() < 0.5:
            el = tb.rng.choice(ELABORATIONS[tb.lang])
            if tb.rng.random() < 0.5:
                first = f"{a}, {el}{end}"
            else:
                second = f"{head} {b}, {el}{end}"
        p.text, p.tag, p.taken = first, tag, True
        at = k + 1
        if tb.rng.random() < 0.4:
            hi = tb.part("OP")[1]
            slots = [j for j in range(k + 2, min(k + 5, hi) + 1) if j >= len(tb.paras) or not tb.paras[j].level]
            if slots:
                at = tb.rng.choice(slots)
        tb.paras.insert(at, Para(second, "OP", 0, p.origin, tag, True))
        return True
    return False


def am_split_list(tb: Table, tag: str) -> bool:
    """One OP becomes a chapeau with (a)–(c): "Calls upon Member States:" over its clauses."""
    for k in tb.free("OP", min_words=20):
        p = tb.paras[k]
        words = _end(p.text)[0].split()
        # the chapeau ends where the verb's object opens its clause: "Urges Member States to:"
        heads = [q for q, w in enumerate(words[:14]) if w in ("to", "that", "à", "de", "que", "a", "qu'il")]
        if not heads or len(words) - heads[0] < 12:
            continue
        chapeau = " ".join(words[:heads[0] + 1]) + (" :" if tb.lang == "fr" else ":")
        rest = _clauses(" ".join(words[heads[0] + 1:]))
        items: list[str] = []
        for c in rest:          # an item is a clause of some length, not "1999 (No. 182)"
            if items and (len(c.split()) < 6 or len(items[-1].split()) < 6):
                items[-1] += ", " + c
            else:
                items.append(c)
        if len(items) < 2 or min(len(i.split()) for i in items) < 5:
            continue            # no list in it: a one-liner is not cut in halves
        if len(items) > 4:
            items = items[:3] + [", ".join(items[3:])]
        e = tb.rng.randrange(len(items))
        if tb.rng.random() < 0.5:
            items[e] = f"{items[e]}, {tb.rng.choice(ELABORATIONS[tb.lang])}"
        sep = " ;" if tb.lang == "fr" else ";"
        items = [i + (sep if n + 1 < len(items) else ".") for n, i in enumerate(items)]
        p.text, p.tag, p.taken = chapeau, tag, True
        for n, i in enumerate(items):
            tb.paras.insert(k + 1 + n, Para(i, "OP", 1, p.origin, tag, True))
        return True
    return False


def am_list_to_op(tb: Table, tag: str) -> bool:
    """A chapeau and its list folded into one paragraph."""
    heads = [k for k, p in enumerate(tb.paras) if not p.level and not p.taken and len(p.origin) == 1
             and k + 1 < len(tb.paras) and tb.paras[k + 1].level and not tb.paras[k + 1].taken]
    if not heads:
        return False
    k = tb.rng.choice(heads)
    j = k + 1
    while j < len(tb.paras) and tb.paras[j].level:
        j += 1
    head, items = tb.paras[k], tb.paras[k + 1:j]
    body = _end(head.text)[0]
    parts = [_lower_first(_end(i.text)[0]) for i in items]
    if len(parts) >= 3 and tb.rng.random() < 0.5:
        # a middle item dropped on the way: its words are deleted inside the group (between two
        # items that were kept, it belongs to the group; a dropped first or last item would be a
        # deletion of its own)
        del parts[tb.rng.randrange(1, len(parts) - 1)]
    text = body + " " + ", ".join(parts[:-1]) + JOIN[tb.lang] + parts[-1] if len(parts) > 1 else body + " " + parts[0]
    end = "," if head.kind == "PP" else (" ;" if tb.lang == "fr" else ";")
    origin = tuple(sorted(set(head.origin).union(*(i.origin for i in items))))
    tb.paras[k:j] = [Para(text + end, head.kind, 0, origin, tag, True)]
    return True


def am_merge_two(tb: Table, tag: str) -> bool:
    """Two OPs (adjacent, or one to three apart) become one: "…, and …"."""
    free = set(tb.free("OP", min_words=6))
    for k in sorted(free, key=lambda _: tb.rng.random()):
        gap = tb.rng.choice([1, 1, 2, 3])
        j = k + gap
        if j not in free or any(tb.paras[x].level for x in range(k, j + 1)):
            continue
        a, b = tb.paras[k], tb.paras[j]
        body = _end(a.text)[0]
        second = _end(b.text)[0]
        lead_b = _lead(b.text, "OP", tb.lang)
        if lead_b and tb.rng.random() < 0.5:
            second = f"{ALSO[tb.lang][0].lower() if ALSO[tb.lang][1] == 'pre' else ''} {second}".strip()
        text = body + JOIN[tb.lang] + _lower_first(second) + (" ;" if tb.lang == "fr" else ";")
        a.text, a.origin, a.tag, a.taken = text, a.origin + b.origin, tag, True
        del tb.paras[j]
        return True
    return False


def am_moved_rewritten(tb: Table, tag: str) -> bool:
    """A paragraph moved far, into the other part, and reworded by 40–60 %."""
    for k in tb.free(min_words=14):
        p = tb.paras[k]
        crossed = cross_part(p.text, p.kind, tb.lang)
        if not crossed:
            continue
        text, kind = crossed
        text = rewrite(text, kind, tb.lang, tb.rng, tb.pool, 0.4, 0.6)
        del tb.paras[k]
        lo, hi = tb.part(kind)
        slots = [j for j in range(lo, hi + 1) if abs(j - k) >= max(3, len(tb.paras) // 4)
                 and not (j < len(tb.paras) and tb.paras[j].level)]
        if not slots:
            slots = [j for j in range(lo, hi + 1) if not (j < len(tb.paras) and tb.paras[j].level)]
        tb.paras.insert(tb.rng.choice(slots), Para(text, kind, 0, p.origin, tag, True))
        return True
    return False


def am_lookalike_swap(tb: Table, tag: str, old: list[Para]) -> bool:
    """Procedural one-liners (of the old text too: two reports noted, two items put on the
    agenda, differing only by their topic) change places, sessions and sometimes verbs; one more
    of the same kind may come in."""
    lo, hi = tb.part("OP")
    s = tb.rng.randrange(2, 8)
    # templates the text does not use yet: two copies of one sentence would make the truth a guess
    unused = [t for t in ONE_LINERS[tb.lang] if "{t}" in t
              and not any(p.text.startswith(t[:t.index("{")]) for p in tb.paras)]
    if len(unused) < 2:
        return False
    tpls = tb.rng.sample(unused, tb.rng.choice([1, 2, 2, 3]) if len(unused) > 2 else 2)
    lines: list[str] = []
    spare = None
    for t in tpls:
        topics = tb.rng.sample(TOPICS[tb.lang], 3)
        lines += [t.format(s=ORDINALS[tb.lang][s], t=x, T="") for x in topics[:2]]
        spare = t.format(s=ORDINALS[tb.lang][s + 1], t=topics[2], T="")
    tb.rng.shuffle(lines)
    n = len(lines)
    at = tb.rng.randint(lo, hi)
    while at < len(tb.paras) and tb.paras[at].level:
        at += 1
    # the old text gets them too (this amendment runs first: the table still mirrors the old text)
    at_old = at
    for p in tb.paras:
        p.origin = tuple(o + n if o >= at_old else o for o in p.origin)
    old[at_old:at_old] = [Para(x, "OP") for x in lines]
    revised = []
    for q, x in enumerate(lines):
        t = update_references(x, tb.lang, tb.rng)
        if tb.rng.random() < 0.3:
            t = change_verb(t, "OP", tb.lang, tb.rng)
        revised.append(Para(t, "OP", 0, (at_old + q,), tag, True))
    a, b = tb.rng.sample(range(n), 2)
    revised[a], revised[b] = revised[b], revised[a]
    if spare and tb.rng.random() < 0.4:
        revised.insert(tb.rng.randint(0, n), Para(spare, "OP", 0, (), tag, True))
    tb.paras[at:at] = revised
    return True


def am_drop_restore(tb: Table, tag: str) -> bool:
    """A paragraph dropped in an earlier round and restored elsewhere in its part from a
    delegation's copy, with that delegation's wording."""
    for k in tb.free(min_words=10):
        p = tb.paras[k]
        text = p.text
        for f in tb.rng.sample([lambda t: change_verb(t, p.kind, tb.lang, tb.rng),
                                lambda t: add_qualifier(t, tb.lang, tb.rng),
                                lambda t: synonyms(t, tb.lang, tb.rng, 0.5),
                                lambda t: delete_clause(t, tb.rng)], tb.rng.randint(1, 3)):
            text = f(text)
        del tb.paras[k]
        lo, hi = tb.part(p.kind)
        slots = [j for j in range(lo, hi + 1) if abs(j - k) >= 2 and not (j < len(tb.paras) and tb.paras[j].level)]
        if not slots:
            tb.paras.insert(k, p)
            continue
        tb.paras.insert(tb.rng.choice(slots), Para(text, p.kind, 0, p.origin, tag, True))
        return True
    return False


def am_insert(tb: Table, tag: str) -> bool:
    if not tb.pool:
        return False
    text = tb.rng.choice(tb.pool)
    tb.pool = [t for t in tb.pool if t != text]
    kind = "PP"
    if tb.rng.random() < 0.5:
        crossed = cross_part(text, "PP", tb.lang)
        if crossed:
            text, kind = crossed
    lo, hi = tb.part(kind)
    slots = [j for j in range(lo, hi + 1) if not (j < len(tb.paras) and tb.paras[j].level)]
    tb.paras.insert(tb.rng.choice(slots), Para(text, kind, 0, (), tag, True))
    return True


def am_delete(tb: Table, tag: str) -> bool:
    for k in tb.free():
        del tb.paras[k]
        return True
    return False


SIMPLE = {"references": am_references, "verb_change": am_verb, "qualifiers": am_qualifiers,
          "clause_edits": am_clauses, "split_two": am_split_two, "split_list": am_split_list,
          "list_to_op": am_list_to_op, "merge_two": am_merge_two, "moved_rewritten": am_moved_rewritten,
          "drop_restore": am_drop_restore}
NOISE = (am_references, am_verb, am_qualifiers, am_clauses, am_insert, am_delete)


# =========================================================================== revisions and truth

def _ensure_list(paras: list[Para], lang: str, rng: random.Random) -> None:
    """Give the text a chapeau with a list if it has none (list_to_op needs one)."""
    if any(p.level for p in paras):
        return
    tb = Table(lang, [replace(p, origin=(k,)) for k, p in enumerate(paras)], rng)
    if am_split_list(tb, ""):
        paras[:] = [replace(p, origin=(), tag="", taken=False) for p in tb.paras]


def revise(lang: str, rng: random.Random, amendments: Sequence[str], noise: int, tag_all: str = ""
           ) -> tuple[Document, Document, list[TruthGroup]]:
    """(old, new, truth): the base text in ``lang``, then ``amendments`` (class names, each tagged
    with itself, or all with ``tag_all``) and ``noise`` untagged background amendments."""
    old, pool = base_text(lang, rng)
    if "list_to_op" in amendments:
        _ensure_list(old, lang, rng)
    tb = Table(lang, [Para(p.text, p.kind, p.level, (k,)) for k, p in enumerate(old)], rng, list(pool))
    swapped = False
    for name in sorted(amendments, key=lambda a: a != "lookalike_swap"):     # it changes the old text too
        tag = tag_all or name
        if name == "lookalike_swap":
            if not swapped:         # once: the table mirrors the old text only before any amendment
                swapped = am_lookalike_swap(tb, tag, old)
        else:
            SIMPLE[name](tb, tag)
    for _ in range(noise):
        rng.choice(NOISE)(tb, "")
    return _documents(old, tb.paras, lang)


def _ids(paras: Sequence[Para]) -> list[tuple[str, Optional[str], str]]:
    """(id, parent id, number) of each paragraph: PPs counted, OPs numbered, items (a), (b) …"""
    out: list[tuple[str, Optional[str], str]] = []
    n = {"PP": 0, "OP": 0}
    parent, sub = None, 0
    for p in paras:
        if p.level:
            sub += 1
            num = "abcdefghij"[sub - 1]
            out.append((f"{parent}({num})", parent, num))
        else:
            n[p.kind] += 1
            parent, sub = f"{p.kind}{n[p.kind]}", 0
            out.append((parent, None, str(n[p.kind])))
    return out


def _document(paras: Sequence[Para], lang: str, label: str) -> Document:
    out = []
    for p, (pid, parent, num) in zip(paras, _ids(paras)):
        out.append(Paragraph(id=pid, kind=p.kind, number=num, text=p.text, level=p.level, parent=parent,
                             leading=_lead(p.text, p.kind, lang)))
    return Document(meta=Metadata(language=lang), paragraphs=out, label=label)


def _lis(seq: list[int]) -> set[int]:
    """Positions of one longest strictly increasing subsequence."""
    import bisect
    tails, idx, prev = [], [], [-1] * len(seq)
    for k, x in enumerate(seq):
        t = bisect.bisect_left(tails, x)
        if t == len(tails):
            tails.append(x)
            idx.append(k)
        else:
            tails[t], idx[t] = x, k
        prev[k] = idx[t - 1] if t else -1
    out, k = set(), idx[-1] if idx else -1
    while k >= 0:
        out.add(k)
        k = prev[k]
    return out


def _documents(old: list[Para], new: list[Para], lang: str) -> tuple[Document, Document, list[TruthGroup]]:
    od, nd = _document(old, lang, "negotiation-old"), _document(new, lang, "negotiation-new")
    oid = [p.id for p in od.paragraphs]
    nid = [p.id for p in nd.paragraphs]
    groups: dict[tuple[int, ...], list[int]] = {}
    for j, p in enumerate(new):
        if p.origin:
            groups.setdefault(p.origin, []).append(j)
    # a chapeau and its items from one old paragraph, a split: one group per origin
    order = sorted(groups.items(), key=lambda kv: kv[1][0])
    keep = _lis([o[0] for o, _ in order])
    truth: list[TruthGroup] = []
    covered: set[int] = set()
    for pos, (origin, js) in enumerate(order):
        covered.update(origin)
        o = tuple(oid[i] for i in origin)
        nn = tuple(nid[j] for j in js)
        if len(origin) > 1:
            kind = "merged"
        elif len(js) > 1:
            kind = "split"
        else:
            kind = "unchanged" if old[origin[0]].text == new[js[0]].text else "modified"
        edited = any(new[j].text not in old[origin[0]].text for j in js) if kind != "merged" else True
        lo, ln = od.paragraphs[origin[0]].leading, nd.paragraphs[js[0]].leading
        tag = next((new[j].tag for j in js if new[j].tag), "")
        truth.append(TruthGroup(o, nn, kind, pos not in keep, kind != "unchanged" and edited, o[0] != nn[0],
                                (lo, ln) if lo != ln else None, tag))
    for i, p in enumerate(old):
        if i not in covered:
            truth.append(TruthGroup((oid[i],), (), "deleted", False, False))
    for j, p in enumerate(new):
        if not p.origin:
            truth.append(TruthGroup((), (nid[j],), "inserted", False, False, tag=p.tag))
    return od, nd, truth


LANG_WEIGHTS = (("fr", 0.45), ("en", 0.45), ("es", 0.10))


def _pick_lang(rng: random.Random) -> str:
    x, acc = rng.random(), 0.0
    for lang, w in LANG_WEIGHTS:
        acc += w
        if x < acc:
            return lang
    return "fr"


def make_class_case(cls: str, rng: random.Random) -> tuple[Document, Document, list[TruthGroup]]:
    """One revision with one or two amendments of class ``cls`` over background amendments."""
    if cls not in CLASSES:
        raise ValueError(f"cls must be one of {CLASSES}")
    lang = _pick_lang(rng)
    if cls == "several":
        names = rng.sample([c for c in CLASSES if c not in ("several", "list_to_op")], rng.randint(4, 6))
        return revise(lang, rng, names, rng.randint(0, 2), tag_all="several")
    times = 2 if cls in ("references", "verb_change", "qualifiers", "clause_edits") or rng.random() < 0.3 else 1
    if cls in ("lookalike_swap", "list_to_op"):
        times = 1
    return revise(lang, rng, [cls] * times, rng.randint(1, 4))


def generate_class_pairs(n_per_class: int, seed: int, classes: Sequence[str] = CLASSES
                         ) -> list[tuple[str, Document, Document, list[TruthGroup]]]:
    out = []
    for cls in classes:
        for i in range(n_per_class):
            rng = random.Random(f"negotiation:{seed}:{cls}:{i}")
            o, nw, truth = make_class_case(cls, rng)
            out.append((cls, o, nw, truth))
    return out


STRENGTHS = (1, 2, 4, 6, 9)      # amendments per revision


def generate_pairs(n: int, seed: int) -> list[tuple[Document, Document, list[TruthGroup]]]:
    """``n`` revisions with a varied number of amendments of every class (untagged)."""
    out = []
    pick = [c for c in CLASSES if c not in ("several", "list_to_op")]
    for i in range(n):
        rng = random.Random(f"negotiation-general:{seed}:{i}")
        k = STRENGTHS[i % len(STRENGTHS)]
        names = [rng.choice(pick) for _ in range(k)]
        old, new, truth = revise(_pick_lang(rng), rng, names, rng.randint(0, 2), tag_all="general")
        out.append((old, new, [replace(t, tag="") for t in truth]))
    return out
