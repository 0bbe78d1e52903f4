"""A fifth revision generator, written apart from the aligner and from the other four, harder than
they are (issue #13): what informal consultations do to a text between two versions.

Each class is one thing a facilitator's compilation shows and a negotiator would still name at once:

* ``moved_reworded`` — a paragraph moved far within its part and reworded by 50–75 % (synonyms, a
  clause moved inside the paragraph, a clause dropped, a phrase added, the leading verb changed);
* ``cross_part`` — a PP made operative or an OP preambular (leading word turned: "Recognizing" ↔
  "Recognizes") and edited by 20–45 %, placed anywhere in the other part;
* ``shared_lead`` — four or five OPs opening "Urges States …"; one of them moved among its look-alikes
  and edited by 30–55 %;
* ``sublist_moved`` — sub-paragraphs moved from one OP's list (a)–(d) into another's, the receiving
  list reordered and relettered, items lightly edited;
* ``promote_demote`` — a list item promoted to an OP of its own (the chapeau's verb put in front) and
  an OP demoted to an item of a list (its verb and addressee dropped);
* ``merge_far`` — two paragraphs of one part, three or more apart, merged into one ("…, and also
  encourages …"), each trimmed;
* ``split_far`` — a paragraph split in two, the second part ("Also urges …") moved into another
  cluster of the text;
* ``refresh`` — next session's update everywhere: session ordinals, report symbols, the latest
  resolution added to "Recalling its resolutions …", footnote markers renumbered; one refreshed
  paragraph also moved;
* ``one_liners`` — the block of short procedural paragraphs (agenda item, report, session) revised
  over two or three rounds, reordered, one dropped and one added;
* ``twin_added`` — a paragraph dropped and a new near-twin of another, kept, paragraph added elsewhere
  (nothing to pair: one deleted, one inserted, the model unchanged);
* ``merge_edited`` — two or three paragraphs, near or far, each edited by 15–35 %, merged into one;
* ``split_edited`` — a paragraph split in two, both parts edited by 10–30 %, the second moved far or
  into the preamble with its leading word turned;
* ``dense`` — a late round: most paragraphs edited by 8–35 %, two or three of them also moved far (the
  moved ones are the class's groups);
* ``items_reworked`` — a list's items reordered and edited by 15–40 %, one struck, one added;
* ``list_restructured`` — a list folded into one paragraph (items edited first), an OP's two asks
  unfolded into a chapeau and a list (items edited, maybe reversed);
* ``mixed`` — three or four of these in one revision.

Every base text is a sample of samples/ in its own language (English, French, Spanish), completed
with paragraphs of the lineage and with paragraphs written here for this generator; the edits are
in that language.  Truth is built by construction (each new paragraph records the old ones it comes
from) and a case is redrawn unless a reader could tell it: a reworded paragraph is clearly closer to
its own old text than to any other (``MARGIN``, on content words: function words tell a reader nothing),
an inserted one is no revision of a deleted one (``TWIN_MAX``).

Public API, as the other generators: ``CLASSES``; ``make_class_case(cls, rng, src=None)`` → (old, new,
truth); ``generate_class_pairs(n_per_class, seed, classes)`` → [(class, old, new, truth)];
``generate_pairs(n, seed)`` → [(old, new, truth)].  Truth groups are ``synthetic.TruthGroup``; a
class's groups carry ``tag == class``.
"""
from __future__ import annotations

import difflib
import random
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional, Sequence

from compare.lexicon import leading_word
from compare.model import Document, FootnoteRef, Metadata, Paragraph

from .generator_checks import groups_by_source
from .synthetic import SAMPLES, TruthGroup, load_sample_document

# =========================================================================== words of each language

LANGS = ("en", "fr", "es")

PP_LEADS: dict[str, list[str]] = {
    "en": ["Recalling", "Recalling also", "Recalling further", "Reaffirming", "Reaffirming also", "Welcoming",
           "Welcoming also", "Recognizing", "Recognizing also", "Recognizing further", "Acknowledging",
           "Noting", "Noting with appreciation", "Taking note of", "Taking note also of", "Concerned",
           "Deeply concerned", "Gravely concerned", "Bearing in mind", "Stressing", "Underlining",
           "Emphasizing", "Reiterating", "Convinced", "Expressing concern", "Mindful", "Aware", "Considering",
           "Noting also", "Expressing its appreciation"],
    "fr": ["Rappelant", "Rappelant également", "Rappelant en outre", "Réaffirmant", "Réaffirmant également",
           "Se félicitant", "Se félicitant également", "Considérant", "Considérant également",
           "Considérant en outre", "Reconnaissant", "Reconnaissant également", "Notant", "Notant avec satisfaction",
           "Prenant note", "Prenant acte", "Consciente", "Préoccupée", "Profondément préoccupée",
           "Gravement préoccupée", "Soulignant", "Insistant", "Réitérant", "Convaincue", "Accueillant favorablement",
           "Ayant à l'esprit", "Sachant", "Notant également", "Saluant"],
    "es": ["Recordando", "Recordando también", "Recordando además", "Reafirmando", "Reafirmando también",
           "Acogiendo con beneplácito", "Acogiendo con beneplácito también", "Reconociendo", "Reconociendo también",
           "Reconociendo además", "Observando", "Observando con aprecio", "Tomando nota", "Tomando nota también",
           "Preocupada", "Profundamente preocupada", "Gravemente preocupada", "Teniendo presente", "Destacando",
           "Subrayando", "Reiterando", "Convencida", "Expresando preocupación", "Consciente", "Considerando",
           "Observando también", "Expresando su reconocimiento"],
}

OP_LEADS: dict[str, list[str]] = {
    "en": ["Urges", "Strongly urges", "Also urges", "Further urges", "Calls upon", "Also calls upon",
           "Encourages", "Also encourages", "Strongly encourages", "Invites", "Also invites", "Requests",
           "Also requests", "Further requests", "Welcomes", "Also welcomes", "Takes note of",
           "Takes note with appreciation of", "Notes", "Notes with appreciation", "Recognizes",
           "Also recognizes", "Stresses", "Also stresses", "Underlines", "Emphasizes", "Reaffirms",
           "Recalls", "Acknowledges", "Expresses concern", "Expresses its appreciation", "Decides",
           "Also decides", "Reiterates", "Considers", "Is convinced", "Is deeply concerned",
           "Expresses deep concern"],
    "fr": ["Exhorte", "Exhorte également", "Engage vivement", "Demande", "Demande également", "Engage",
           "Engage également", "Encourage", "Encourage également", "Invite", "Invite également", "Prie",
           "Prie également", "Prie en outre", "Prie à nouveau", "Salue", "Se félicite", "Se félicite également",
           "Prend note", "Prend acte", "Note", "Note avec satisfaction", "Reconnaît", "Reconnaît également",
           "Souligne", "Souligne également", "Insiste", "Réaffirme", "Rappelle", "Considère", "Décide",
           "Décide également", "Réitère", "Est convaincue", "Se déclare préoccupée", "Sait",
           "Se déclare profondément préoccupée", "Exprime sa satisfaction"],
    "es": ["Insta", "Insta también", "Insta encarecidamente", "Exhorta", "Exhorta también", "Alienta",
           "Alienta también", "Invita", "Invita también", "Solicita", "Solicita también", "Solicita además",
           "Pide", "Acoge con beneplácito", "Acoge con beneplácito también", "Toma nota", "Toma nota con aprecio",
           "Observa", "Observa con aprecio", "Reconoce", "Reconoce también", "Destaca", "Subraya", "Reafirma",
           "Recuerda", "Decide", "Decide también", "Reitera", "Considera", "Está convencida",
           "Expresa preocupación", "Expresa profunda preocupación", "Expresa su reconocimiento"],
}

# a PP's leading word and the OP verb a delegation turns it into (and back)
TURN: dict[str, dict[str, str]] = {
    "en": {"Recalling": "Recalls", "Reaffirming": "Reaffirms", "Welcoming": "Welcomes", "Recognizing": "Recognizes",
           "Acknowledging": "Acknowledges", "Noting": "Notes", "Noting with appreciation": "Notes with appreciation",
           "Taking note of": "Takes note of", "Stressing": "Stresses", "Underlining": "Underlines",
           "Emphasizing": "Emphasizes", "Reiterating": "Reiterates", "Expressing concern": "Expresses concern",
           "Deeply concerned": "Is deeply concerned", "Convinced": "Is convinced", "Considering": "Considers",
           "Expressing its appreciation": "Expresses its appreciation"},
    "fr": {"Rappelant": "Rappelle", "Réaffirmant": "Réaffirme", "Se félicitant": "Se félicite",
           "Reconnaissant": "Reconnaît", "Considérant": "Considère", "Notant": "Note",
           "Notant avec satisfaction": "Note avec satisfaction", "Prenant note": "Prend note",
           "Prenant acte": "Prend acte", "Soulignant": "Souligne", "Insistant": "Insiste", "Réitérant": "Réitère",
           "Convaincue": "Est convaincue", "Profondément préoccupée": "Se déclare profondément préoccupée",
           "Préoccupée": "Se déclare préoccupée", "Saluant": "Salue", "Sachant": "Sait",
           "Accueillant favorablement": "Accueille favorablement", "Consciente": "Est consciente"},
    "es": {"Recordando": "Recuerda", "Reafirmando": "Reafirma", "Acogiendo con beneplácito": "Acoge con beneplácito",
           "Reconociendo": "Reconoce", "Observando": "Observa", "Observando con aprecio": "Observa con aprecio",
           "Tomando nota": "Toma nota", "Destacando": "Destaca", "Subrayando": "Subraya", "Reiterando": "Reitera",
           "Convencida": "Está convencida", "Expresando preocupación": "Expresa preocupación",
           "Profundamente preocupada": "Expresa profunda preocupación", "Considerando": "Considera",
           "Expresando su reconocimiento": "Expresa su reconocimiento", "Consciente": "Es consciente"},
}

# a stronger or softer ask: what one delegation proposes for another's verb
SIBLINGS: dict[str, dict[str, list[str]]] = {
    "en": {"Urges": ["Calls upon", "Strongly urges", "Encourages"], "Calls upon": ["Urges", "Encourages"],
           "Encourages": ["Calls upon", "Invites", "Strongly encourages"], "Invites": ["Encourages"],
           "Welcomes": ["Takes note of", "Notes with appreciation"], "Takes note of": ["Welcomes"],
           "Notes with appreciation": ["Welcomes"], "Stresses": ["Underlines", "Emphasizes"],
           "Underlines": ["Stresses"], "Recognizing": ["Acknowledging"], "Acknowledging": ["Recognizing"],
           "Welcoming": ["Noting with appreciation", "Taking note of"], "Concerned": ["Deeply concerned"],
           "Deeply concerned": ["Gravely concerned"], "Stressing": ["Underlining", "Emphasizing"],
           "Requests": ["Also requests"], "Recognizes": ["Acknowledges"], "Reaffirming": ["Reiterating"]},
    "fr": {"Exhorte": ["Engage vivement", "Encourage", "Engage"],
           "Engage": ["Encourage", "Exhorte"], "Encourage": ["Engage", "Invite"], "Invite": ["Encourage"],
           "Salue": ["Prend note", "Se félicite"], "Se félicite": ["Salue", "Prend note"],
           "Prend note": ["Salue"], "Souligne": ["Insiste"], "Reconnaissant": ["Considérant"],
           "Considérant": ["Reconnaissant"], "Se félicitant": ["Notant avec satisfaction", "Prenant note"],
           "Préoccupée": ["Profondément préoccupée"], "Soulignant": ["Insistant"], "Prie": ["Prie également"],
           "Considère": ["Reconnaît"], "Réaffirmant": ["Réitérant"]},
    "es": {"Insta": ["Exhorta", "Alienta", "Insta encarecidamente"], "Exhorta": ["Insta", "Alienta"],
           "Alienta": ["Exhorta", "Invita"], "Invita": ["Alienta"], "Acoge con beneplácito": ["Toma nota"],
           "Toma nota": ["Acoge con beneplácito"], "Destaca": ["Subraya"], "Subraya": ["Destaca"],
           "Reconociendo": ["Considerando"], "Considerando": ["Reconociendo"],
           "Acogiendo con beneplácito": ["Tomando nota", "Observando con aprecio"],
           "Preocupada": ["Profundamente preocupada"], "Destacando": ["Subrayando"], "Solicita": ["Pide"],
           "Reafirmando": ["Reiterando"]},
}

ALSO = {"en": "also", "fr": "également", "es": "también"}
AND = {"en": "and", "fr": "et", "es": "y"}

# synonyms a drafter reaches for: either side may replace the other
SYNONYMS: dict[str, list[tuple[str, str]]] = {
    "en": [("strengthen", "enhance"), ("Member States", "States"), ("trafficking in persons", "human trafficking"),
           ("in particular", "especially"), ("efforts", "measures"), ("cooperation", "collaboration"),
           ("ensure", "guarantee"), ("important", "essential"), ("to combat", "to counter"),
           ("to prevent", "to stop"), ("relevant", "competent"),
           ("the need", "the necessity"), ("promote", "advance"), ("assistance", "support"),
           ("adequate", "sufficient"), ("including", "among others"), ("in order to", "so as to"),
           ("comprehensive", "holistic"), ("the implementation of", "implementing"), ("Governments", "Member States"),
           ("to provide", "to offer"), ("international", "global"), ("national", "domestic"), ("measures", "steps"),
           ("take measures", "act"), ("at an early stage", "early"), ("with a view to", "in order to"),
           ("the importance of", "the need for"), ("in all its forms", "in all its forms and manifestations"),
           ("appropriate", "suitable"), ("promptly", "without delay"), ("women and children", "women and girls"),
           ("adopt", "put in place"), ("develop", "elaborate"), ("intensify", "step up"), ("address", "tackle"),
           ("responsible for", "in charge of"), ("victims of trafficking", "trafficked persons"),
           ("the prosecution of", "prosecuting"), ("access to", "the means to obtain")],
    "fr": [("renforcer", "consolider"), ("États Membres", "États"), ("traite des êtres humains", "traite des personnes"),
           ("en particulier", "notamment"), ("efforts", "mesures"), ("coopération", "collaboration"),
           ("veiller à", "faire en sorte"), ("important", "essentiel"), ("lutter contre", "combattre"),
           ("prévenir", "empêcher"), ("compétents", "concernés"),
           ("la nécessité", "le besoin"), ("promouvoir", "favoriser"), ("continuer de", "poursuivre ses efforts pour"),
           ("assistance", "aide"), ("suffisantes", "adéquates"), ("y compris", "notamment"), ("globale", "intégrée"), ("la mise en œuvre", "l'application"), ("gouvernements", "États"),
           ("fournir", "apporter"), ("international", "mondial"), ("national", "interne"), ("mesures", "dispositions"),
           ("prendre des mesures", "agir"), ("rapidement", "à un stade précoce"), ("en vue de", "dans le but de"),
           ("l'importance", "la nécessité"), ("sous toutes ses formes", "sous toutes ses formes et manifestations"),
           ("appropriés", "adaptés"), ("sans délai", "immédiatement"), ("les femmes et les enfants", "les femmes et les filles"),
           ("adopter", "mettre en place"), ("élaborer", "concevoir"), ("intensifier", "accroître"),
           ("s'attaquer", "remédier"), ("chargés", "responsables"), ("victimes de la traite", "personnes victimes de traite"),
           ("la poursuite", "le jugement"), ("accès", "la possibilité de recourir")],
    "es": [("fortalecer", "reforzar"), ("Estados Miembros", "Estados"), ("trata de personas", "trata de seres humanos"),
           ("en particular", "especialmente"), ("esfuerzos", "medidas"), ("cooperación", "colaboración"),
           ("asegurar", "garantizar"), ("importante", "esencial"), ("combatir", "luchar contra"),
           ("prevenir", "evitar"), ("pertinentes", "competentes"),
           ("la necesidad", "la urgencia"), ("promover", "fomentar"), ("seguir", "continuar"),
           ("asistencia", "apoyo"), ("suficientes", "adecuados"), ("incluso", "entre otras cosas"),
           ("a fin de", "para"), ("amplio", "integral"), ("la aplicación", "la puesta en práctica"),
           ("gobiernos", "Estados"), ("proporcionar", "prestar"), ("internacional", "mundial"),
           ("nacional", "interno"), ("medidas", "disposiciones"),
           ("adoptar medidas", "actuar"), ("en una etapa temprana", "de manera temprana"), ("con miras a", "con el fin de"),
           ("la importancia", "la necesidad"), ("en todas sus formas", "en todas sus formas y manifestaciones"),
           ("adecuados", "apropiados"), ("sin demora", "de inmediato"), ("las mujeres y los niños", "las mujeres y las niñas"),
           ("elaborar", "formular"), ("intensificar", "redoblar"), ("abordar", "hacer frente a"),
           ("encargadas", "responsables"), ("víctimas de la trata", "personas objeto de trata"),
           ("el enjuiciamiento", "la persecución"), ("acceso", "la posibilidad de acceder")],
}

PHRASES: dict[str, list[str]] = {
    "en": ["as appropriate", "in accordance with national legislation", "within existing resources",
           "including through technical assistance", "with the support of civil society",
           "in a gender- and age-sensitive manner", "at the national and regional levels",
           "taking into account the needs of children", "in close cooperation with the private sector",
           "in line with their international obligations"],
    "fr": ["selon qu'il convient", "conformément à la législation nationale",
           "dans la limite des ressources existantes",
           "y compris au moyen d'une assistance technique", "avec le soutien de la société civile",
           "en tenant compte des sexospécificités et de l'âge", "aux niveaux national et régional",
           "compte tenu des besoins des enfants", "en étroite coopération avec le secteur privé",
           "conformément à leurs obligations internationales"],
    "es": ["según proceda", "de conformidad con la legislación nacional", "con cargo a los recursos existentes",
           "incluso mediante asistencia técnica", "con el apoyo de la sociedad civil",
           "teniendo en cuenta las cuestiones de género y edad", "a nivel nacional y regional",
           "teniendo en cuenta las necesidades de los niños", "en estrecha cooperación con el sector privado",
           "de conformidad con sus obligaciones internacionales"],
}

# where a paragraph is cut in two, and how the cut-off part opens ("Also urges States to …")
CUTS = {"en": [", and to ", ", and ", "; ", ", including ", ", while "],
        "fr": [", et à ", ", et de ", ", et ", "; ", ", notamment ", ", y compris "],
        "es": [", y a ", ", y ", "; ", ", incluso ", ", en particular "]}

MONTHS = {"en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                 "October", "November", "December"],
          "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                 "novembre", "décembre"],
          "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
                 "noviembre", "diciembre"]}


def ordinal(lang: str, n: int) -> str:
    """The session's ordinal as the texts print it: "sixty-fourth", « soixante-quatrième »,
    "sexagésimo cuarto" (n from 60 to 89)."""
    tens, unit = divmod(n, 10)
    if lang == "en":
        t = {6: "sixty", 7: "seventy", 8: "eighty"}[tens]
        if not unit:
            return t[:-1] + "ieth"
        u = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"][unit]
        return f"{t}-{u}"
    if lang == "fr":
        u = ["", "unième", "deuxième", "troisième", "quatrième", "cinquième", "sixième", "septième", "huitième",
             "neuvième"]
        teen = ["dixième", "onzième", "douzième", "treizième", "quatorzième", "quinzième", "seizième", "dix-septième",
                "dix-huitième", "dix-neuvième"]
        if tens == 6:
            return "soixantième" if not unit else ("soixante et unième" if unit == 1 else f"soixante-{u[unit]}")
        if tens == 7:
            return "soixante et onzième" if unit == 1 else f"soixante-{teen[unit]}"
        return "quatre-vingtième" if not unit else ("quatre-vingt-unième" if unit == 1 else f"quatre-vingt-{u[unit]}")
    t = {6: "sexagésimo", 7: "septuagésimo", 8: "octogésimo"}[tens]
    u = ["", "primer", "segundo", "tercer", "cuarto", "quinto", "sexto", "séptimo", "octavo", "noveno"][unit]
    return f"{t} {u}" if unit else t


def _ordinal_re(lang: str) -> re.Pattern:
    words = sorted({ordinal(lang, n) for n in range(60, 90)}, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words))


# the procedural one-liners at the end of a text: {s} session number, {y} year, {r} report number
ONE_LINERS: dict[str, list[str]] = {
    "en": ["Takes note of the report of the Secretary-General on the implementation of resolution {s0}/{r}",
           "Takes note of the report of the Special Rapporteur on trafficking in persons (A/{s0}/{r})",
           "Requests the Secretary-General to submit to the General Assembly at its {o1} session a report on the "
           "implementation of the present resolution",
           "Decides to include in the provisional agenda of its {o1} session the item entitled \"Crime prevention "
           "and criminal justice\"",
           "Decides to continue its consideration of the question at its {o1} session",
           "Decides to convene a high-level meeting in {y} to appraise the Global Plan of Action",
           "Decides to remain seized of the matter",
           "Requests the Secretary-General to submit to the Commission on Crime Prevention and Criminal Justice at "
           "its next session a report on the implementation of the Global Plan of Action",
           "Takes note of the report of the Secretary-General on the activities of the Trust Fund (A/{s0}/{q})",
           "Decides to include in the provisional agenda of its {o1} session, under the item entitled \"Advancement "
           "of women\", the sub-item entitled \"Trafficking in women and girls\""],
    "fr": ["Prend note du rapport du Secrétaire général sur l'application de la résolution {s0}/{r}",
           "Prend note du rapport de la Rapporteuse spéciale sur la traite des personnes (A/{s0}/{r})",
           "Prie le Secrétaire général de lui présenter à sa {o1} session un rapport sur l'application de la "
           "présente résolution",
           "Décide d'inscrire à l'ordre du jour provisoire de sa {o1} session la question intitulée « Prévention "
           "du crime et justice pénale »",
           "Décide de poursuivre l'examen de la question à sa {o1} session",
           "Décide de convoquer en {y} une réunion de haut niveau pour évaluer le Plan d'action mondial",
           "Décide de demeurer saisie de la question",
           "Prie le Secrétaire général de présenter à la Commission pour la prévention du crime et la justice pénale, "
           "à sa prochaine session, un rapport sur l'application du Plan d'action mondial",
           "Prend note du rapport du Secrétaire général sur les activités du Fonds d'affectation spéciale (A/{s0}/{q})",
           "Décide d'inscrire à l'ordre du jour provisoire de sa {o1} session, au titre de la question intitulée "
           "« Promotion de la femme », la sous-question intitulée « Traite des femmes et des filles »"],
    "es": ["Toma nota del informe del Secretario General sobre la aplicación de la resolución {s0}/{r}",
           "Toma nota del informe de la Relatora Especial sobre la trata de personas (A/{s0}/{r})",
           "Solicita al Secretario General que le presente en su {o1} período de sesiones un informe sobre la "
           "aplicación de la presente resolución",
           "Decide incluir en el programa provisional de su {o1} período de sesiones el tema titulado "
           "\"Prevención del delito y justicia penal\"",
           "Decide seguir examinando la cuestión en su {o1} período de sesiones",
           "Decide convocar en {y} una reunión de alto nivel para evaluar el Plan de Acción Mundial",
           "Decide seguir ocupándose de la cuestión",
           "Solicita al Secretario General que presente a la Comisión de Prevención del Delito y Justicia Penal, en "
           "su próximo período de sesiones, un informe sobre la aplicación del Plan de Acción Mundial",
           "Toma nota del informe del Secretario General sobre las actividades del Fondo Fiduciario (A/{s0}/{q})",
           "Decide incluir en el programa provisional de su {o1} período de sesiones, en relación con el tema "
           "titulado \"Adelanto de la mujer\", el subtema titulado \"Trata de mujeres y niñas\""],
}

# what a round does to a one-liner besides the session: "Takes note" warmed, a qualifier added
ONE_LINER_WARM = {
    "en": [("Takes note of the report", "Takes note with appreciation of the report"),
           ("a report on the implementation", "a comprehensive report on the implementation"),
           ("Decides to continue its consideration", "Decides to continue to consider"),
           ("high-level meeting", "high-level plenary meeting")],
    "fr": [("Prend note du rapport", "Prend note avec satisfaction du rapport"),
           ("un rapport sur l'application", "un rapport détaillé sur l'application"),
           ("Décide de poursuivre l'examen", "Décide de continuer d'examiner"),
           ("réunion de haut niveau", "réunion plénière de haut niveau")],
    "es": [("Toma nota del informe", "Toma nota con aprecio del informe"),
           ("un informe sobre la aplicación", "un informe exhaustivo sobre la aplicación"),
           ("Decide seguir examinando", "Decide continuar examinando"),
           ("reunión de alto nivel", "reunión plenaria de alto nivel")],
}

# --------------------------------------------------------------------------- paragraphs written for this generator
# (the samples are excerpts: a text needs an operative part, lists and look-alikes around them)

URGES: dict[str, list[str]] = {     # one leading verb, four or five paragraphs: the look-alikes of shared_lead
    "en": ["Urges States to strengthen their national legislation in order to criminalize trafficking in persons in "
           "all its forms and to ensure that penalties are proportionate to the gravity of the offence",
           "Urges States to take measures to identify victims of trafficking at an early stage, including at borders "
           "and in places of detention, and to refer them promptly to appropriate services",
           "Urges States to ensure that victims of trafficking are not penalized for having been trafficked and are "
           "protected from revictimization and intimidation",
           "Urges States to allocate adequate resources to the law enforcement and judicial authorities responsible "
           "for investigating and prosecuting cases of trafficking",
           "Urges States to review their migration and labour policies with a view to reducing the vulnerability of "
           "migrant workers to exploitation by recruitment agencies",
           "Urges States to take measures to protect victims of trafficking at all stages of legal proceedings, "
           "including as witnesses, and to refer them to appropriate services for their recovery",
           "Urges States to strengthen the capacity of the law enforcement authorities to detect and investigate "
           "trafficking in persons in all its forms, in particular for the purpose of forced labour"],
    "fr": ["Exhorte les États à renforcer leur législation nationale afin d'ériger en infraction pénale la traite des "
           "êtres humains sous toutes ses formes et de veiller à ce que les peines soient proportionnées à la "
           "gravité de l'infraction",
           "Exhorte les États à prendre des mesures pour identifier rapidement les victimes de la traite, notamment "
           "aux frontières et dans les lieux de détention, et à les orienter sans délai vers les services appropriés",
           "Exhorte les États à veiller à ce que les victimes de la traite ne soient pas sanctionnées pour avoir fait "
           "l'objet de la traite et soient protégées contre une nouvelle victimisation et l'intimidation",
           "Exhorte les États à allouer des ressources suffisantes aux services de détection et de répression et aux "
           "autorités judiciaires chargés des enquêtes et des poursuites en matière de traite",
           "Exhorte les États à revoir leurs politiques migratoires et leurs politiques de l'emploi afin de réduire la "
           "vulnérabilité des travailleurs migrants à l'exploitation par les agences de recrutement",
           "Exhorte les États à prendre des mesures pour protéger les victimes de la traite à tous les stades de la "
           "procédure judiciaire, notamment en tant que témoins, et à les orienter vers les services appropriés",
           "Exhorte les États à renforcer la capacité des services de détection et de répression de repérer la traite "
           "des êtres humains sous toutes ses formes et d'enquêter sur celle-ci, en particulier aux fins de travail forcé"],
    "es": ["Insta a los Estados a fortalecer su legislación nacional a fin de tipificar como delito la trata de "
           "personas en todas sus formas y asegurar que las penas sean proporcionales a la gravedad del delito",
           "Insta a los Estados a adoptar medidas para identificar a las víctimas de la trata en una etapa temprana, "
           "incluso en las fronteras y en los lugares de detención, y remitirlas sin demora a los servicios adecuados",
           "Insta a los Estados a asegurar que las víctimas de la trata no sean sancionadas por haber sido objeto de "
           "trata y estén protegidas contra la revictimización y la intimidación",
           "Insta a los Estados a asignar recursos suficientes a las autoridades policiales y judiciales encargadas "
           "de investigar y enjuiciar los casos de trata",
           "Insta a los Estados a revisar sus políticas de migración y de empleo con miras a reducir la "
           "vulnerabilidad de los trabajadores migrantes a la explotación por las agencias de contratación",
           "Insta a los Estados a adoptar medidas para proteger a las víctimas de la trata en todas las etapas del "
           "proceso judicial, incluso como testigos, y remitirlas a los servicios adecuados para su recuperación",
           "Insta a los Estados a fortalecer la capacidad de las autoridades policiales para detectar e investigar la "
           "trata de personas en todas sus formas, en particular con fines de trabajo forzoso"],
}

OPERATIVE: dict[str, list[str]] = {
    "en": ["Calls upon Governments to intensify cooperation between countries of origin, transit and destination, "
           "including through the exchange of information and joint investigations",
           "Encourages Member States to develop national action plans against trafficking in persons that address "
           "prevention, the protection of victims and the prosecution of offenders",
           "Invites the private sector to adopt codes of conduct and due diligence measures to prevent trafficking "
           "in persons in its supply chains",
           "Requests the United Nations Office on Drugs and Crime to continue to provide technical assistance to "
           "Member States, upon request, for the implementation of the Protocol",
           "Stresses the importance of collecting comparable data disaggregated by sex, age and form of exploitation "
           "in order to design policies based on evidence",
           "Welcomes the work of the Inter-Agency Coordination Group against Trafficking in Persons, and encourages "
           "it to continue to enhance coordination among its members",
           "Encourages Governments to conduct awareness-raising campaigns aimed at potential victims, in particular "
           "women and children, and at those who create demand for their exploitation",
           "Calls upon States to provide victims with access to legal assistance, medical and psychological care, "
           "shelter and compensation, regardless of their willingness to cooperate with the authorities",
           "Notes with appreciation the contributions made to the United Nations Voluntary Trust Fund for Victims "
           "of Trafficking in Persons, Especially Women and Children, and invites further contributions",
           "Recognizes the role of national rapporteurs and equivalent mechanisms in monitoring the implementation "
           "of national anti-trafficking policies"],
    "fr": ["Demande aux gouvernements d'intensifier la coopération entre pays d'origine, de transit et de destination, "
           "notamment au moyen de l'échange d'informations et d'enquêtes conjointes",
           "Encourage les États Membres à élaborer des plans d'action nationaux contre la traite des êtres humains qui "
           "portent sur la prévention, la protection des victimes et la poursuite des auteurs",
           "Invite le secteur privé à adopter des codes de conduite et des mesures de diligence raisonnable pour "
           "prévenir la traite des êtres humains dans ses chaînes d'approvisionnement",
           "Souligne l'importance de recueillir des données comparables ventilées par sexe, par âge et par forme "
           "d'exploitation afin de concevoir des politiques fondées sur des données factuelles",
           "Engage les gouvernements à mener des campagnes de sensibilisation à l'intention des victimes potentielles, "
           "en particulier les femmes et les enfants, et de ceux qui alimentent la demande",
           "Reconnaît le rôle des rapporteurs nationaux et des mécanismes équivalents dans le suivi de l'application "
           "des politiques nationales de lutte contre la traite"],
    "es": ["Exhorta a los gobiernos a intensificar la cooperación entre los países de origen, tránsito y destino, "
           "incluso mediante el intercambio de información y las investigaciones conjuntas",
           "Alienta a los Estados Miembros a elaborar planes de acción nacionales contra la trata de personas que "
           "abarquen la prevención, la protección de las víctimas y el enjuiciamiento de los autores",
           "Invita al sector privado a adoptar códigos de conducta y medidas de diligencia debida para prevenir la "
           "trata de personas en sus cadenas de suministro",
           "Solicita a la Oficina de las Naciones Unidas contra la Droga y el Delito que siga prestando asistencia "
           "técnica a los Estados Miembros que lo soliciten para la aplicación del Protocolo",
           "Destaca la importancia de reunir datos comparables desglosados por sexo, edad y forma de explotación a "
           "fin de formular políticas basadas en datos empíricos",
           "Acoge con beneplácito la labor del Grupo Interinstitucional de Coordinación contra la Trata de Personas "
           "y lo alienta a seguir mejorando la coordinación entre sus miembros",
           "Alienta a los gobiernos a realizar campañas de sensibilización dirigidas a las posibles víctimas, en "
           "particular las mujeres y los niños, y a quienes crean la demanda de su explotación",
           "Exhorta a los Estados a proporcionar a las víctimas acceso a asistencia jurídica, atención médica y "
           "psicológica, alojamiento e indemnización, independientemente de su disposición a cooperar con las "
           "autoridades",
           "Observa con aprecio las contribuciones al Fondo Fiduciario de Contribuciones Voluntarias de las Naciones "
           "Unidas para las Víctimas de la Trata de Personas, Especialmente Mujeres y Niños, e invita a aportar "
           "nuevas contribuciones",
           "Reconoce la función de los relatores nacionales y los mecanismos equivalentes en la vigilancia de la "
           "aplicación de las políticas nacionales contra la trata"],
}

# OPs holding a list: (chapeau, items); items read on from the chapeau ("Calls upon Member States: (a) To …")
LISTS: dict[str, list[tuple[str, list[str]]]] = {
    "en": [("Calls upon Member States", [
                "To criminalize all forms of trafficking in persons, including for the purpose of forced labour",
                "To protect and assist victims of trafficking with full respect for their human rights",
                "To prosecute traffickers and to confiscate and dispose of the proceeds of their crimes",
                "To cooperate with civil society organizations in the identification and referral of victims"]),
           ("Encourages States", [
                "To train police, border and labour inspection officials to recognize the signs of trafficking",
                "To establish or strengthen national referral mechanisms for victims",
                "To address the factors that increase vulnerability to trafficking, such as poverty, unemployment "
                "and discrimination",
                "To share good practices through regional and subregional forums"]),
           ("Requests the Special Rapporteur", [
                "To continue to pay particular attention to the situation of children",
                "To report on the impact of conflict on trafficking in persons",
                "To cooperate closely with the treaty bodies and regional human rights mechanisms"])],
    "fr": [("Engage les États Membres", [
                "À ériger en infraction pénale toutes les formes de traite des êtres humains, y compris aux fins "
                "de travail forcé",
                "À protéger et assister les victimes de la traite dans le plein respect de leurs droits de l'homme",
                "À poursuivre les trafiquants et à confisquer le produit de leurs crimes",
                "À coopérer avec les organisations de la société civile pour identifier et orienter les victimes"]),
           ("Encourage les États", [
                "À former les agents de police, les gardes-frontières et les inspecteurs du travail à reconnaître "
                "les signes de la traite",
                "À créer ou renforcer des mécanismes nationaux d'orientation des victimes",
                "À s'attaquer aux facteurs qui accroissent la vulnérabilité à la traite, tels que la pauvreté, le "
                "chômage et la discrimination",
                "À échanger leurs bonnes pratiques dans le cadre des instances régionales et sous-régionales"]),
           ("Prie la Rapporteuse spéciale", [
                "De continuer à accorder une attention particulière à la situation des enfants",
                "De rendre compte des effets des conflits sur la traite des personnes",
                "De coopérer étroitement avec les organes conventionnels et les mécanismes régionaux"])],
    "es": [("Exhorta a los Estados Miembros a", [
                "Tipificar como delito todas las formas de trata de personas, incluso con fines de trabajo forzoso",
                "Proteger y asistir a las víctimas de la trata respetando plenamente sus derechos humanos",
                "Enjuiciar a los tratantes y decomisar el producto de sus delitos",
                "Cooperar con las organizaciones de la sociedad civil en la identificación y remisión de las víctimas"]),
           ("Alienta a los Estados a", [
                "Capacitar a los agentes de policía, de fronteras y de inspección del trabajo para reconocer los "
                "indicios de la trata",
                "Establecer o fortalecer mecanismos nacionales de remisión de las víctimas",
                "Abordar los factores que aumentan la vulnerabilidad a la trata, como la pobreza, el desempleo y "
                "la discriminación",
                "Intercambiar buenas prácticas en los foros regionales y subregionales"]),
           ("Solicita a la Relatora Especial que", [
                "Siga prestando especial atención a la situación de los niños",
                "Informe sobre los efectos de los conflictos en la trata de personas",
                "Coopere estrechamente con los órganos creados en virtud de tratados y los mecanismos regionales"])],
}

PREAMBLE: dict[str, list[str]] = {
    "en": ["Recalling its resolutions 61/180 of 20 December 2006, 63/194 of 18 December 2008 and 64/178 of "
           "18 December 2009",
           "Deeply concerned that, despite the measures taken at the international, regional and national levels, "
           "trafficking in persons remains one of the most serious challenges facing the international community",
           "Noting with appreciation the report of the Secretary-General submitted to the General Assembly at its "
           "sixty-fourth session",
           "Stressing the need for a comprehensive approach to trafficking that addresses its root causes and the "
           "demand that fosters all forms of exploitation",
           "Concerned about the use of information and communications technologies by traffickers to recruit and "
           "exploit victims"],
    "fr": ["Rappelant ses résolutions 61/180 du 20 décembre 2006, 63/194 du 18 décembre 2008 et 64/178 du "
           "18 décembre 2009",
           "Profondément préoccupée par le fait que, malgré les mesures prises aux niveaux international, régional "
           "et national, la traite des êtres humains demeure l'un des problèmes les plus graves auxquels se heurte "
           "la communauté internationale",
           "Notant avec satisfaction le rapport du Secrétaire général présenté à l'Assemblée générale à sa "
           "soixante-quatrième session",
           "Soulignant la nécessité d'une approche globale de la traite qui s'attaque à ses causes profondes et à la "
           "demande qui favorise toutes les formes d'exploitation",
           "Préoccupée par l'utilisation des technologies de l'information et des communications par les trafiquants "
           "pour recruter et exploiter leurs victimes"],
    "es": ["Recordando sus resoluciones 61/180, de 20 de diciembre de 2006, 63/194, de 18 de diciembre de 2008, y "
           "64/178, de 18 de diciembre de 2009",
           "Profundamente preocupada porque, a pesar de las medidas adoptadas a nivel internacional, regional y "
           "nacional, la trata de personas sigue siendo uno de los problemas más graves que enfrenta la comunidad "
           "internacional",
           "Observando con aprecio el informe del Secretario General presentado a la Asamblea General en su "
           "sexagésimo cuarto período de sesiones",
           "Destacando la necesidad de un enfoque amplio de la trata que aborde sus causas profundas y la demanda "
           "que propicia todas las formas de explotación",
           "Preocupada por el uso de las tecnologías de la información y las comunicaciones por los tratantes para "
           "captar y explotar a las víctimas",
           "Reconociendo que la trata de personas vulnera los derechos humanos y menoscaba su disfrute, y que sigue "
           "constituyendo un grave problema para la humanidad",
           "Reafirmando el compromiso de los líderes mundiales de elaborar y aplicar medidas eficaces para combatir "
           "la trata de personas",
           "Teniendo presente que todos los Estados tienen la obligación de actuar con la diligencia debida para "
           "prevenir e investigar la trata de personas y castigar a los culpables",
           "Acogiendo con beneplácito los esfuerzos de los Estados Miembros y de las organizaciones no "
           "gubernamentales para prevenir la trata y prestar asistencia a las víctimas"],
}

CONNECT = {"en": "to", "fr": "à", "es": "a"}       # "Urges States to …": what ties a verb's addressee to its ask

# =========================================================================== measuring a change

CLASSES = ("moved_reworded", "cross_part", "shared_lead", "sublist_moved", "promote_demote", "merge_far",
           "split_far", "refresh", "one_liners", "twin_added", "merge_edited", "split_edited", "dense",
           "items_reworked", "list_restructured", "mixed")

MIN_SIM = 0.30     # a reworded paragraph still shares this much of its vocabulary with its old text …
MARGIN = 0.10      # … and clearly more than with any other paragraph of either version: a reader can tell
TWIN_MAX = 0.45    # an inserted paragraph sharing this much with a deleted one would read as its revision


@lru_cache(maxsize=65536)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[^\W_]+", text.lower()))


# words every paragraph has: a reader tells paragraphs apart by the others
STOP = frozenset("""
the of and to in for on a an by with at as its their that this these be is are or from which all into
other upon such has have been not who also further them it his her through including particular
le la les de des du d l à au aux et en par pour sur dans avec un une qui que ses leur leurs sa son se
ce cette ces est sont ou été également notamment y compris ne pas qu ont afin ainsi lors
el los las del al y en por para con un una que su sus se es son o como sobre entre también a lo
""".split())


def _content(text: str) -> tuple[str, ...]:
    return tuple(w for w in _tokens(text) if w not in STOP)


@lru_cache(maxsize=65536)
def dice(a: str, b: str) -> float:
    """Shared content words of two texts, 0 to 1 (bag of words, order and function words ignored): what a
    reader goes by to tell which paragraph a reworded one was."""
    ca, cb = Counter(_content(a)), Counter(_content(b))
    total = sum(ca.values()) + sum(cb.values())
    return 2 * sum((ca & cb).values()) / total if total else 1.0


def changed(a: str, b: str) -> float:
    """Share of words changed reading in order, 0 (same) to 1 (nothing kept in order)."""
    ta, tb = _tokens(a), _tokens(b)
    kept = sum(m.size for m in difflib.SequenceMatcher(None, ta, tb, autojunk=False).get_matching_blocks())
    return 1.0 - 2.0 * kept / max(len(ta) + len(tb), 1)


def contained(part: str, whole: str) -> float:
    """Share of ``part``'s words found in ``whole`` (bag of words)."""
    cp, cw = Counter(_content(part)), Counter(_content(whole))
    return sum((cp & cw).values()) / max(sum(cp.values()), 1)


def _leads(lang: str) -> list[str]:
    return sorted(set(PP_LEADS[lang]) | set(OP_LEADS[lang]) | set(TURN[lang].values()), key=len, reverse=True)


def lead_of(text: str, lang: str) -> str:
    """The paragraph's leading word(s), the longest known ("Recalling also" before "Recalling"); "" if none."""
    for lead in _leads(lang):
        if text.startswith(lead) and (len(text) == len(lead) or not text[len(lead)].isalnum()):
            return lead
    return ""


def _low(s: str) -> str:
    """"To act" → "to act"; an acronym or a name ("UNODC", "United Nations") kept."""
    first = s.split(" ", 1)[0]
    return s[:1].lower() + s[1:] if (first[1:].islower() or len(first) == 1) and not _proper(first) else s


def _proper(word: str) -> bool:
    return word in ("United", "Member", "States", "Governments", "Estados", "États", "Nations", "Naciones")


def _up(s: str) -> str:
    return s[:1].upper() + s[1:]


def _also(lead: str, lang: str) -> str:
    """"Urges" → "Also urges", « Exhorte » → « Exhorte également », "Insta" → "Insta también"."""
    if lang == "en":
        return lead if lead.startswith("Also") else "Also " + lead[:1].lower() + lead[1:]
    return lead if ALSO[lang] in lead else f"{lead} {ALSO[lang]}"


# =========================================================================== one delegation's edit to a paragraph
# Each takes (text, lang, rng) and returns the edited text, or None when it does not apply.  ``text`` is
# a paragraph's body (no closing mark); the leading word(s) stay first.

def _split_lead(text: str, lang: str) -> tuple[str, str]:
    lead = lead_of(text, lang)
    return lead, text[len(lead):]


def _word_re(s: str) -> re.Pattern:
    return re.compile(r"(?<![^\W_])" + re.escape(s) + r"(?![^\W_])")


def edit_synonym(text: str, lang: str, rng: random.Random) -> Optional[str]:
    """A drafter's synonym ("strengthen" → "enhance"), everywhere in the paragraph."""
    lead, body = _split_lead(text, lang)
    pairs = [(a, b) for x, y in SYNONYMS[lang] for a, b in ((x, y), (y, x))
             if _word_re(a).search(body) and a not in b]          # "States" → "Member States" would stutter
    if not pairs:
        return None
    a, b = rng.choice(pairs)
    return lead + _word_re(a).sub(b, body)


def edit_phrase(text: str, lang: str, rng: random.Random) -> Optional[str]:
    """A qualifier proposed by one delegation: ", as appropriate," after a clause, or at the end."""
    lead, body = _split_lead(text, lang)
    phrase = rng.choice(PHRASES[lang])
    if phrase in body:
        return None
    parts = _clauses(body, lang)
    parts.insert(rng.randint(1, len(parts)), phrase)
    return lead + ", ".join(parts)


def edit_replace_clause(text: str, lang: str, rng: random.Random) -> Optional[str]:
    """'replace "…, including at borders" by ", in accordance with national legislation"'."""
    lead, body = _split_lead(text, lang)
    parts = _clauses(body, lang)
    if len(parts) < 2:
        return None
    k = rng.randrange(1, len(parts))
    phrase = rng.choice(PHRASES[lang])
    if phrase in body:
        return None
    parts[k] = phrase
    return lead + ", ".join(parts)


OPENERS = {   # words that open a clause a drafter may move or strike (not an item of an enumeration)
    "en": ("including", "in particular", "especially", "inter alia", "notably", "as appropriate", "in accordance",
           "within", "with", "in ", "through", "taking", "at the", "while", "upon", "regardless", "without", "among"),
    "fr": ("notamment", "y compris", "en particulier", "selon", "conformément", "dans", "avec", "en ", "compte",
           "aux niveaux", "tout en", "sans", "sur ", "afin"),
    "es": ("incluso", "en particular", "especialmente", "según", "de conformidad", "con ", "en ", "teniendo",
           "a nivel", "entre otras", "sin ", "mediante", "independientemente", "a fin"),
}


def _clauses(body: str, lang: str) -> list[str]:
    """The body cut at commas into clauses; a piece that does not open a clause (an enumeration's next
    item: "origin, transit and destination") stays with the one before."""
    units: list[str] = []
    for k, seg in enumerate(body.split(", ")):
        if k == 0 or not seg.startswith(OPENERS[lang]) or not units:
            if units and k:
                units[-1] += ", " + seg
            else:
                units.append(seg)
        else:
            units.append(seg)
    return units


def edit_move_clause(text: str, lang: str, rng: random.Random) -> Optional[str]:
    """A clause taken to another place in the same paragraph (same words, new order)."""
    lead, body = _split_lead(text, lang)
    parts = _clauses(body, lang)
    if len(parts) < 2:
        return None
    if len(parts) == 2:                       # "X, including Y" → "including Y, X" reads badly: keep X first
        return None
    k = rng.randrange(1, len(parts))
    seg = parts.pop(k)
    spots = [j for j in range(1, len(parts) + 1) if j != k]
    parts.insert(rng.choice(spots), seg)
    return lead + ", ".join(parts)


def edit_drop_clause(text: str, lang: str, rng: random.Random) -> Optional[str]:
    """'delete "…"': a short clause struck out."""
    lead, body = _split_lead(text, lang)
    parts = _clauses(body, lang)
    total = len(_tokens(body))
    cands = [k for k in range(1, len(parts)) if len(_tokens(parts[k])) <= 0.35 * total]
    if len(parts) < 2 or not cands:
        return None
    parts.pop(rng.choice(cands))
    return lead + ", ".join(parts)


SWAPS = {"en": re.compile(r"^(.+?)(,? and to )(.+)$"),
         "fr": re.compile(r"^(.+?)(,? et (?:à|de) )(.+)$"),
         "es": re.compile(r"^(.+?(?<!ar)(?<!er)(?<!ir))(,? y )(\w+(?:ar|er|ir)(?:la|lo|las|los|se)? .+)$")}


def edit_swap(text: str, lang: str, rng: random.Random) -> Optional[str]:
    """Two asks of the paragraph given in the other order ("Urges States to X and to Y" → "Urges States
    to Y and to X"): only after the verb's addressee and connective, where the asks begin."""
    m = _DEMOTE[lang].match(text)
    if not m or m.group("lead") != lead_of(text, lang):
        return None
    head, rest = text[:m.start("rest")], m.group("rest")
    sw = SWAPS[lang].match(rest)
    if not sw or len(_tokens(sw.group(1))) < 3 or len(_tokens(sw.group(3))) < 3:
        return None
    return head + sw.group(3) + sw.group(2) + sw.group(1)


def edit_lead(text: str, lang: str, rng: random.Random) -> Optional[str]:
    """Another verb for the ask: "Urges" → "Calls upon"."""
    lead, body = _split_lead(text, lang)
    swaps = SIBLINGS[lang].get(lead)
    return rng.choice(swaps) + body if swaps else None


EDITS = (edit_synonym, edit_synonym, edit_synonym, edit_synonym, edit_phrase, edit_replace_clause, edit_move_clause,
         edit_move_clause, edit_drop_clause, edit_lead, edit_swap)
ADDING = (edit_phrase, edit_replace_clause)      # at most two phrases of the list in one paragraph


def reword(text: str, lang: str, rng: random.Random, lo: float, hi: float, keep_lead: bool = False,
           tries: int = 30) -> Optional[str]:
    """Edits by several delegations until ``lo`` ≤ changed ≤ ``hi``; None when no draw lands there."""
    edits = [e for e in EDITS if not (keep_lead and e is edit_lead)]
    for _ in range(tries):
        t, added = text, 0
        for _ in range(16):
            if changed(text, t) >= lo:
                break
            e = rng.choice(edits)
            if e in ADDING and added >= 3:
                continue
            out = e(t, lang, rng)
            if out and out.strip() and len(_tokens(out)) >= 4:
                t = out
                added += e in ADDING
        if lo <= changed(text, t) <= hi and t != text:
            return t
    return None


# =========================================================================== a version being written

@dataclass
class Block:
    """One paragraph of a version: ``src`` the positions in the old version of the paragraphs it comes
    from (empty: new text); ``level`` 1 an item of the list of the level-0 block before it; ``tag`` the
    class it illustrates; ``liner`` one of the procedural one-liners closing the text; ``refs`` its
    footnote numbers."""

    text: str
    kind: str
    level: int = 0
    src: tuple[int, ...] = ()
    tag: str = ""
    liner: bool = False
    refs: tuple[str, ...] = ()
    touched: bool = False


@dataclass(frozen=True)
class Source:
    """A sample text: its language and its complete paragraphs as (text, kind, level, footnote numbers)."""

    name: str
    lang: str
    paras: tuple[tuple[str, str, int, tuple[str, ...]], ...]


def samples() -> list[Path]:
    """Every sample text in samples/ (Markdown; the .docx/.pdf hold the French draft again)."""
    return sorted(p for p in SAMPLES.glob("*.md") if p.name != "SOURCES.md")


_MARKER = re.compile(r"(?<=[^\W\d_]) (\d{1,2})(?=[ ,;.:]|$)")
_NOT_MARKER = ("article", "paragraph", "paragraphs", "resolution", "No.", "Núm.", "artículo", "párrafo", "session",
               "Goal", "objectif", "Objetivo", "items", "item", "annex", "chapter", "Protocol")


def _strip_markers(text: str) -> tuple[str, tuple[str, ...]]:
    """Footnote numbers a conversion left in the text ("Crime 1 and") taken out (they are not words)."""
    refs: list[str] = []

    months = {w for ms in MONTHS.values() for w in ms} | {w.lower() for ms in MONTHS.values() for w in ms}

    def repl(m: re.Match) -> str:
        before = text[:m.start()].rsplit(" ", 1)[-1]
        after = text[m.end():].split()
        nxt = after[1] if after[:1] == ["de"] and len(after) > 1 else (after[0] if after else "")
        if before in _NOT_MARKER or before in ("du", "of", "de", "el", "le", "au", "on") or nxt.strip(",;.") in months:
            return m.group(0)                         # "du 20 décembre", "of 15 November": a date
        refs.append(m.group(1))
        return ""
    return _MARKER.sub(repl, text), tuple(refs)


def _complete(text: str, lang: str, level: int) -> bool:
    if not text or text[-1] not in ",;.:" or len(_tokens(text)) < 5:
        return False
    return (level > 0 and text[:1].isupper()) or bool(lead_of(text, lang))


@lru_cache(maxsize=None)
def load_source(path: Path) -> Source:
    """A sample's complete paragraphs (those cut at an excerpt's edge dropped, with their items)."""
    doc = load_sample_document(path)
    lang = doc.meta.language or "en"
    out: list[tuple[str, str, int, tuple[str, ...]]] = []
    keep = False
    for p in doc.paragraphs:
        text, refs = _strip_markers(p.text.strip())
        level = p.level
        if re.match(r"^[a-z]\) ", text):            # "a) …": the Spanish texts' item label
            text, level = text[3:], 1
        if level == 0:
            keep = _complete(text, lang, 0) and p.kind in ("PP", "OP")
            if keep:
                out.append((text.rstrip(",;.:").rstrip(), p.kind, 0, refs))
        elif keep and level == 1 and _complete(text, lang, 1):
            out.append((text.rstrip(",;.:").rstrip(), p.kind, 1, refs))
    # an item list whose chapeau lost all its items is a plain paragraph again; a lone item is dropped
    return Source(path.name, lang, tuple(out))


def first_case(draw, cls: str, rng: random.Random, src: Optional[Source], tries: int
               ) -> tuple[Document, Document, list[TruthGroup]]:
    """The first of ``tries`` draws (``draw(cls, source, rng)``, None when not believable) that
    holds a group of ``cls``: the held-out generators' shared retry loop."""
    pool = sources()
    for _ in range(tries):
        got = draw(cls, src or rng.choice(pool), rng)
        if got and any(t.tag == cls for t in got[2]):
            return got
    raise RuntimeError(f"no believable case of {cls}")


def sources() -> tuple[Source, ...]:
    return tuple(load_source(p) for p in samples())


def _liner_text(tpl: str, lang: str, s: int, r: int) -> str:
    return tpl.format(s0=s, o1=ordinal(lang, s + 1), y=s + 1946, r=r, q=(r * 7) % 300 + 100)


def base_text(src: Source, rng: random.Random, needs: frozenset[str]) -> list[Block]:
    """A whole text on the sample: its own complete paragraphs, completed with the lineage's (other
    samples in the language) and this module's paragraphs — 7–11 PPs, 9–14 OPs with lists and, for some
    classes, four or five "Urges States …", a block of one-liners at the end."""
    lang = src.lang
    own_pp: list[Block] = []
    own_op: list[Block] = []
    for t, k, lv, refs in src.paras:
        (own_pp if k == "PP" else own_op).append(Block(t, k, lv, refs=refs))
    others = [s for s in sources() if s.lang == lang and s.name != src.name]
    pool_pp = [t for s in others for t, k, lv, _ in s.paras if k == "PP" and lv == 0] + PREAMBLE[lang]
    have = [b.text for b in own_pp + own_op]

    def fresh(cands: list[str], n: int) -> list[str]:
        out: list[str] = []
        for t in cands:
            if len(out) >= n:
                break
            if all(dice(t, h) < 0.6 for h in have + out):
                out.append(t)
        have.extend(out)
        return out

    forced_pp = [PREAMBLE[lang][0], PREAMBLE[lang][2]] if "refresh" in needs else []
    pps = fresh(forced_pp, 2) + fresh(rng.sample(pool_pp, len(pool_pp)), max(0, rng.randint(7, 11) - len(own_pp)))
    pp_blocks = [Block(t, "PP") for t in pps]
    cut = rng.randint(0, len(pp_blocks))
    head = pp_blocks[:cut] + own_pp + pp_blocks[cut:]

    n_lists = 2 if needs & {"lists"} else rng.choice((0, 1, 1, 2))
    lists = rng.sample(LISTS[lang], n_lists)
    n_urges = rng.randint(4, 5) if "urges" in needs else rng.choice((0, 1, 2, 3))
    urges = fresh(URGES[lang][:], n_urges)
    want_op = rng.randint(9, 14) - sum(b.level == 0 for b in own_op) - len(lists) - len(urges)
    extra = fresh(rng.sample(OPERATIVE[lang], len(OPERATIVE[lang])), max(0, want_op))
    units: list[list[Block]] = [[Block(t, "OP")] for t in extra]
    for chapeau, items in lists:
        picked = items[:]
        units.append([Block(chapeau, "OP")] + [Block(i, "OP", 1) for i in picked])
    rng.shuffle(units)
    at = rng.randint(0, len(units))
    units[at:at] = [[Block(t, "OP")] for t in urges]          # the look-alikes stand together, as drafted
    ops = own_op + [b for u in units for b in u]
    tail: list[Block] = []
    if needs & {"liners"} or rng.random() < 0.5:
        s = rng.randint(63, 77)
        n = rng.randint(5, 7) if "liners" in needs else rng.randint(2, 4)
        order = sorted(rng.sample(range(len(ONE_LINERS[lang])), n))
        tail = [Block(_liner_text(ONE_LINERS[lang][k], lang, s, rng.randint(100, 399)), "OP", liner=True)
                for k in order]
    blocks = head + ops + tail
    for k, b in enumerate(blocks):
        b.src = (k,)
    return blocks


# =========================================================================== documents and truth

def _marks(blocks: list[Block]) -> list[str]:
    """The closing mark each place calls for: PP ",", OP ";", the text's last ".", a chapeau ":"."""
    out = []
    for k, b in enumerate(blocks):
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        if nxt is not None and nxt.level > b.level:
            mark = ":"
        elif nxt is None:
            mark = "."
        elif b.kind == "PP" and (nxt.kind == "OP" or (b.level and nxt.level == 0)):
            mark = ","
        elif b.kind == "PP" and not b.level:
            mark = ","
        else:
            mark = ";"
        out.append(b.text.rstrip(" ,;.:") + mark)
    return out


def document(blocks: list[Block], lang: str, label: str) -> Document:
    paras: list[Paragraph] = []
    pp = op = sub = 0
    parent: Optional[str] = None
    for b, text in zip(blocks, _marks(blocks)):
        if b.level == 0:
            if b.kind == "PP":
                pp += 1
                pid, number = f"PP{pp}", str(pp)
            else:
                op += 1
                pid, number = f"OP{op}", str(op)
            parent, sub = pid, 0
            # the leading words as a real text's italics mark them, verb and modifiers (« *Encourage en
            # outre* », "*Further encourages*"): this generator's list of leads lacks many such phrases
            lead, found = lead_of(text, lang), leading_word(text, b.kind, lang)
            par, leading = None, found if found.startswith(lead) else lead
        else:
            number = "abcdefghijklmnopqrstuvwxyz"[sub]
            sub += 1
            pid, par, leading = f"{parent}({number})", parent, ""
        refs = tuple(FootnoteRef(n, len(text) - 1) for n in b.refs)
        paras.append(Paragraph(id=pid, kind=b.kind, number=number, text=text, level=b.level, parent=par,
                               footnote_refs=refs, leading=leading))
    return Document(meta=Metadata(language=lang, doc_type="draft resolution"), paragraphs=paras, label=label,
                    has_opener=True)


def _kept_order(seq: list[int]) -> set[int]:
    """Positions (in ``seq``) of a longest increasing run: what kept its order; the rest moved."""
    best: list[list[int]] = []
    for k, v in enumerate(seq):
        cands = [c for c in best if seq[c[-1]] < v]
        chain = max(cands, key=len) + [k] if cands else [k]
        best.append(chain)
    return set(max(best, key=len)) if best else set()


def finish(old: list[Block], new: list[Block], lang: str, label: str) -> tuple[Document, Document, list[TruthGroup]]:
    """Both documents and the truth built from each new paragraph's sources."""
    od, nd = document(old, lang, f"{label}-old"), document(new, lang, f"{label}-new")
    return od, nd, truth_of(old, new, od, nd)


def truth_of(old: list[Block], new: list[Block], od: Document, nd: Document) -> list[TruthGroup]:
    """The truth built from each new paragraph's sources, by the ids of ``od`` and ``nd``, the
    documents made of ``old`` and ``new`` (paragraph k of a version is its block k)."""
    groups = groups_by_source(new)
    kept = _kept_order([g[0][0] for g in groups])
    truth: list[TruthGroup] = []
    for k, (o, n, tag) in enumerate(groups):
        ot = [od.paragraphs[i] for i in o]
        nt = [nd.paragraphs[j] for j in n]
        edited = " ".join(p.text.rstrip(",;.:") for p in ot) != " ".join(p.text.rstrip(",;.:") for p in nt)
        kind = "merged" if len(o) > 1 else "split" if len(n) > 1 else ("modified" if edited else "unchanged")
        lo, ln = ot[0].leading, nt[0].leading
        truth.append(TruthGroup(tuple(p.id for p in ot), tuple(p.id for p in nt), kind, k not in kept,
                                edited if kind in ("modified", "unchanged") else False, ot[0].id != nt[0].id,
                                (lo, ln) if lo != ln else None, tag))
    covered = {i for o, _, _ in groups for i in o}
    truth += [TruthGroup((od.paragraphs[i].id,), (), "deleted", False, False, tag=old[i].tag)
              for i in range(len(old)) if i not in covered]
    truth += [TruthGroup((), (nd.paragraphs[j].id,), "inserted", False, False, tag=b.tag)
              for j, b in enumerate(new) if not b.src]
    return truth


def believable(old: list[Block], new: list[Block]) -> bool:
    """Would a reader draw the same lines?  An edited paragraph is clearly closer to its own old text
    than to any other paragraph of either version; a split part and a merged source are mostly kept; an
    inserted paragraph is no revision of a deleted one; no two paragraphs of a version are copies."""
    ot = [b.text for b in old]
    nt = [b.text for b in new]
    for a in range(len(new)):          # an edit must not make a copy of another paragraph (the base text's
        if not new[a].touched:           # own near-twins, e.g. a PP restated as an OP, stay: real texts have them)
            continue
        if any(dice(nt[a], nt[b]) > 0.8 for b in range(len(new)) if b != a):
            return False
    kept_src = {s for b in new for s in b.src}
    for j, b in enumerate(new):
        if len(b.src) > 1:
            if any(contained(ot[s], b.text) < 0.5 for s in b.src):
                return False
        elif len(b.src) == 1:
            i = b.src[0]
            parts = [x for x in new if x.src == b.src]
            if len(parts) > 1:
                if contained(b.text, ot[i]) < 0.6:
                    return False
                continue
            if b.text == ot[i]:
                continue
            own = dice(ot[i], b.text)
            if own < MIN_SIM:
                return False
            rivals = [dice(t, b.text) for k, t in enumerate(ot) if k != i] + \
                     [dice(ot[i], x.text) for k, x in enumerate(new) if k != j]
            if rivals and own < max(rivals) + MARGIN:
                return False
        else:
            if any(dice(b.text, ot[i]) >= TWIN_MAX for i in range(len(old)) if i not in kept_src):
                return False
    return True


# =========================================================================== where a paragraph can go

def _has_items(new: list[Block], j: int) -> bool:
    return j + 1 < len(new) and new[j + 1].level > new[j].level


def _free(new: list[Block], j: int, kind: Optional[str] = None, min_words: int = 0) -> bool:
    """Untouched so far, whole, without a list, not a one-liner."""
    b = new[j]
    return (b.level == 0 and len(b.src) == 1 and not b.tag and not b.touched and not b.liner
            and (kind is None or b.kind == kind) and not _has_items(new, j) and len(_tokens(b.text)) >= min_words)


def _pick(new: list[Block], rng: random.Random, kind: Optional[str] = None, min_words: int = 0,
          where: Callable[[Block], bool] = lambda b: True) -> Optional[int]:
    cands = [j for j in range(len(new)) if _free(new, j, kind, min_words) and where(new[j])]
    return rng.choice(cands) if cands else None


def _slots(new: list[Block], kind: str) -> list[int]:
    """Indices where a level-0 paragraph of ``kind`` may be inserted: before a paragraph of its part
    (never inside a list, never into the one-liners' block), or at the end of its part."""
    first_op = next((k for k, b in enumerate(new) if b.kind == "OP"), len(new))
    if kind == "PP":
        return [k for k in range(first_op) if new[k].level == 0] + [first_op]
    first_liner = next((k for k, b in enumerate(new) if b.liner), len(new))
    return [k for k in range(first_op, first_liner) if new[k].level == 0] + [first_liner]


def _place(new: list[Block], block: Block, rng: random.Random, home: Optional[int] = None, far: int = 3) -> int:
    """Insert ``block`` in its part, ``far`` paragraphs or more from index ``home`` when it can; returns
    its index."""
    slots = _slots(new, block.kind)
    if home is not None:
        rank = sum(1 for k in slots if k < home)
        good = [k for n, k in enumerate(slots) if abs(n - rank) >= far]
    else:
        good = slots
    k = rng.choice(good or slots)
    new.insert(k, block)
    return k


def _mark(b: Block, tag: str, text: Optional[str] = None, **kw) -> Block:
    return replace(b, text=text if text is not None else b.text, tag=tag, touched=True, **kw)


# =========================================================================== what a round of consultations does

def story_moved_reworded(old, new, lang, rng, tag) -> bool:
    """A paragraph moved far within its part and reworded by 45–70 %."""
    for _ in range(6):
        j = _pick(new, rng, min_words=16)
        if j is None:
            return False
        text = reword(new[j].text, lang, rng, 0.50, 0.75)
        if text and dice(new[j].text, text) <= 0.7:
            b = new.pop(j)
            _place(new, _mark(b, tag, text), rng, home=j, far=4)
            return True
    return False


def turn(text: str, kind: str, lang: str) -> Optional[tuple[str, str]]:
    """A PP made operative ("Recognizing that …" → "Recognizes that …") or an OP preambular."""
    lead = lead_of(text, lang)
    table = TURN[lang] if kind == "PP" else {v: k for k, v in TURN[lang].items()}
    if lead not in table:
        return None
    return table[lead] + text[len(lead):], "OP" if kind == "PP" else "PP"


def story_cross_part(old, new, lang, rng, tag) -> bool:
    """A paragraph moved into the other part, its leading word turned and its words edited by 20–45 %."""
    for _ in range(8):
        kind = rng.choice(("PP", "OP"))
        j = _pick(new, rng, kind, min_words=10, where=lambda b: turn(b.text, b.kind, lang) is not None)
        if j is None:
            continue
        text, other = turn(new[j].text, kind, lang)
        edited = reword(text, lang, rng, 0.2, 0.45, keep_lead=True)
        if edited and changed(new[j].text, edited) >= 0.25:
            b = new.pop(j)
            _place(new, _mark(b, tag, edited, kind=other), rng)
            return True
    return False


def story_shared_lead(old, new, lang, rng, tag) -> bool:
    """Of the paragraphs opening with one verb ("Urges States …" ×4), one moved among them and edited."""
    lead = lead_of(URGES[lang][0], lang)
    family = [j for j in range(len(new)) if _free(new, j, "OP") and lead_of(new[j].text, lang) == lead]
    if len(family) < 3:
        return False
    j = rng.choice(family)
    text = reword(new[j].text, lang, rng, 0.30, 0.55, keep_lead=True)
    if not text:
        return False
    if rng.random() < 0.5:
        text = _also(lead, lang) + text[len(lead):]
    b = new.pop(j)
    others = [k for k in range(len(new)) if new[k].level == 0 and lead_of(new[k].text, lang) == lead]
    spots = sorted({k for k in others} | {k + 1 for k in others})
    spots = [k for k in spots if abs(k - j) >= 2] or spots
    new.insert(rng.choice(spots), _mark(b, tag, text))
    # a second delegation touched another of them lightly
    rest = [k for k in range(len(new)) if _free(new, k, "OP") and lead_of(new[k].text, lang) == lead]
    if rest:
        k = rng.choice(rest)
        light = reword(new[k].text, lang, rng, 0.05, 0.2, keep_lead=True)
        if light:
            new[k] = replace(new[k], text=light, touched=True)
    return True


def _lists(new: list[Block]) -> list[int]:
    """Indices of chapeaux of operative lists."""
    return [j for j in range(len(new)) if new[j].level == 0 and new[j].kind == "OP" and _has_items(new, j)
            and not new[j].tag]


def _items(new: list[Block], j: int) -> list[int]:
    out = []
    k = j + 1
    while k < len(new) and new[k].level > 0:
        out.append(k)
        k += 1
    return out


def story_sublist_moved(old, new, lang, rng, tag) -> bool:
    """Items moved from one OP's list into another's, lightly edited; the receiving list reordered."""
    chapeaux = _lists(new)
    if len(chapeaux) < 2:
        return False
    a, b = rng.sample(chapeaux, 2)
    items_a = _items(new, a)
    if len(items_a) < 3:
        return False
    moving = sorted(rng.sample(items_a, rng.choice((1, 1, 2))), reverse=True)
    taken = []
    for k in moving:
        it = new.pop(k)
        text = reword(it.text, lang, rng, 0.10, 0.40) if rng.random() < 0.7 else None
        taken.append(_mark(it, tag, text or it.text))
    b = b if b < min(moving) else b - len(moving)             # the receiving chapeau, after the items left
    items_b = [new[k] for k in _items(new, b)]
    del new[b + 1:b + 1 + len(items_b)]
    if len(items_b) >= 2 and rng.random() < 0.7:                 # the receiving list reordered
        x = rng.randrange(len(items_b) - 1)
        items_b[x], items_b[x + 1] = _mark(items_b[x + 1], tag), _mark(items_b[x], tag)
    for it in taken:
        items_b.insert(rng.randint(0, len(items_b)), it)
    new[b + 1:b + 1] = items_b
    return True


_WHO = {   # who an ask is addressed to: the words a list's chapeau carries for its items
    "en": r"(?:all |relevant )?(?:Member States|States|Governments|the Secretary-General|the private sector|"
          r"the United Nations Office on Drugs and Crime|the Special Rapporteur|States parties|all stakeholders|"
          r"the international community)(?: that have not yet done so)?",
    "fr": r"(?:les |aux |le |la |tous les |toutes les |à la )(?:États Membres|États|gouvernements|Secrétaire général|"
          r"secteur privé|Office des Nations Unies contre la drogue et le crime|Rapporteuse spéciale|"
          r"parties prenantes|communauté internationale)(?: qui ne l'ont pas encore fait)?",
    "es": r"(?:a |al )(?:los |las |la |el |todos los )?(?:Estados Miembros|Estados|gobiernos|Secretario General|"
          r"sector privado|Oficina de las Naciones Unidas contra la Droga y el Delito|Relatora Especial)"
          r"(?: que aún no lo hayan hecho)?",
}
_DEMOTE = {"en": re.compile(r"^(?P<lead>[^,]+?) (?P<who>" + _WHO["en"] + r") (?P<c>to) (?P<rest>.+)$"),
           "fr": re.compile(r"^(?P<lead>[^,]+?) (?P<who>" + _WHO["fr"] + r") (?P<c>à|de|d')(?: |(?<=d'))(?P<rest>.+)$"),
           "es": re.compile(r"^(?P<lead>[^,]+?) (?P<who>" + _WHO["es"] + r") (?P<c>a) (?P<rest>\w+(?:ar|er|ir)(?:la|lo|las|los|se|le|les)?\b.+)$")}


def _demote(text: str, lang: str) -> Optional[str]:
    """"Urges States to review …" → "To review …" (the list's chapeau carries the verb and addressee)."""
    lead = lead_of(text, lang)
    m = _DEMOTE[lang].match(text)
    if not lead or not m or m.group("lead") != lead or lead_of(m.group("lead"), lang) != lead:
        return None
    rest = m.group("rest")
    if lang == "en":
        return "To " + rest
    if lang == "fr":
        c = m.group("c")
        return _up(c) + ("" if c.endswith("'") else " ") + rest
    return _up(rest)


def story_promote_demote(old, new, lang, rng, tag) -> bool:
    """A list item promoted to an OP of its own, and an OP demoted to an item of a list."""
    chapeaux = _lists(new)
    if not chapeaux:
        return False
    j = rng.choice(chapeaux)
    items = _items(new, j)
    demotable = [k for k in range(len(new)) if _free(new, k, "OP") and _demote(new[k].text, lang)]
    if len(items) < 3 or not demotable:
        return False
    k = rng.choice(items)
    it = new.pop(k)
    chapeau = new[j].text
    promoted = chapeau + " " + _low(it.text)        # (_low keeps an acronym; « À coopérer » → « à coopérer »)
    light = reword(promoted, lang, rng, 0.03, 0.15, keep_lead=True) if rng.random() < 0.5 else None
    _place(new, _mark(it, tag, light or promoted, level=0), rng, home=j, far=2)
    demotable = [k for k in range(len(new)) if _free(new, k, "OP") and _demote(new[k].text, lang)]
    if not demotable:
        return False
    d = rng.choice(demotable)
    op = new.pop(d)
    chapeaux = [c for c in _lists(new)]
    if not chapeaux:
        return False
    c = rng.choice(chapeaux)
    spot = rng.choice([c + 1] + [x + 1 for x in _items(new, c)])
    new.insert(spot, _mark(op, tag, _demote(op.text, lang), level=1))
    return True


def _join(a: str, b: str, lang: str) -> str:
    """Two paragraphs in one: "Urges States to X, and also encourages Governments to Y"."""
    lead_b = lead_of(b, lang)
    if lang == "en" and lead_b and not lead_b.startswith("Also"):
        tail = "also " + _low(b)
    elif lead_b and lang != "en":
        tail = _low(_also(lead_b, lang)) + b[len(lead_b):]
    else:
        tail = _low(b)
    return f"{a}, {AND[lang]} {tail}"


def merge_blocks(new: list[Block], picks: Sequence[int], texts: Sequence[str], lang: str, tag: str, at: int,
                 make: Callable[..., Block] = Block) -> None:
    """Blocks ``picks`` of ``new`` (in order) become one, ``texts`` joined as a merge joins them, with
    the sources of all, in the place of block ``at`` (one of them); ``make``: the block type."""
    text = texts[0]
    for t in texts[1:]:
        text = _join(text, t, lang)
    merged = make(text, new[picks[0]].kind, src=tuple(s for k in picks for s in new[k].src), tag=tag, touched=True)
    for k in sorted(picks, reverse=True):
        if k == at:
            new[k] = merged
        else:
            del new[k]


def story_merge_far(old, new, lang, rng, tag) -> bool:
    """Two paragraphs of one part, three or more apart, merged into one; each trimmed."""
    for _ in range(8):
        kind = rng.choice(("PP", "OP", "OP"))
        cands = [j for j in range(len(new)) if _free(new, j, kind, min_words=8)]
        if len(cands) < 2:
            continue
        a, b = sorted(rng.sample(cands, 2))
        if sum(1 for k in range(a, b) if new[k].level == 0) < 3:
            continue
        ta = reword(new[a].text, lang, rng, 0.0, 0.15) if rng.random() < 0.6 else None
        tb = reword(new[b].text, lang, rng, 0.0, 0.15) if rng.random() < 0.6 else None
        merge_blocks(new, [a, b], [ta or new[a].text, tb or new[b].text], lang, tag, at=b if rng.random() < 0.5 else a)
        return True
    return False


_CUT = {"en": re.compile(r"^(?P<head>.+?)(?:, and | and |; )(?P<c>to) (?P<tail>.{20,})$"),
        "fr": re.compile(r"^(?P<head>.+?)(?:, et | et |; )(?P<c>à|de) (?P<tail>(?:les |leur |se |s')?\w+(?:er|ir|re|oir)\b.{20,})$"),
        "es": re.compile(r"^(?P<head>.+?)(?:, y | y |; )(?P<tail>\w+(?:ar|er|ir)(?:la|lo|las|los|se)? .{20,})$")}


def cut_in_two(text: str, lang: str) -> Optional[tuple[str, str]]:
    """"Urges States to X, and to Y" → ("Urges States to X", "Also urges States to Y")."""
    m = _DEMOTE[lang].match(text)
    lead = lead_of(text, lang)
    if not m or m.group("lead") != lead:
        return None
    body = text[m.start("rest"):]
    cut = _CUT[lang].match(body)
    if not cut or len(_tokens(cut.group("head"))) < 5:
        return None
    head = text[:m.start("rest")] + cut.group("head")
    c = m.group("c")
    if lang == "fr" and cut.group("c") != c.replace("d'", "de"):
        return None                       # "afin d'ériger … et de veiller": the second ask is not the verb's
    sep = " " if not c.endswith("'") else ""
    if lang == "fr" and c == "d'":
        c, sep = "de", " "
    tail = f"{_also(lead, lang)} {m.group('who')} {c}{sep}{cut.group('tail')}"
    return head, tail


def story_split_far(old, new, lang, rng, tag) -> bool:
    """A paragraph split in two, the second part moved into another cluster of the text."""
    j = _pick(new, rng, "OP", where=lambda b: cut_in_two(b.text, lang) is not None)
    if j is None:
        return False
    head, tail = cut_in_two(new[j].text, lang)
    if rng.random() < 0.5:
        head = reword(head, lang, rng, 0.0, 0.15, keep_lead=True) or head
    b = new[j]
    new[j] = _mark(b, tag, head)
    _place(new, _mark(b, tag, tail), rng, home=j + 1, far=3)
    return True


def _ordinals(lang: str) -> dict[str, int]:
    return {ordinal(lang, n): n for n in range(60, 90)}


_REF = {"en": re.compile(r"(\d\d)/(\d+) of (\d{1,2}) (\w+) (\d{4})"),
        "fr": re.compile(r"(\d\d)/(\d+),? du (\d{1,2}) (\w+) (\d{4})"),
        "es": re.compile(r"(\d\d)/(\d+), de (\d{1,2}) de (\w+) de (\d{4})")}
_LAST_AND = {"en": " and ", "fr": " et ", "es": ", y "}


def refresh_text(text: str, lang: str, step: int, rng: random.Random) -> str:
    """Next session's text: session ordinals and report symbols moved on by ``step``, the year of a
    planned meeting too, and the latest resolution added to a "Recalling its resolutions …" list."""
    ords = _ordinals(lang)
    text = _ordinal_re(lang).sub(lambda m: ordinal(lang, min(ords[m.group(0)] + step, 89)), text)
    text = re.sub(r"\bA/(\d\d)/", lambda m: f"A/{int(m.group(1)) + step}/", text)
    text = re.sub(r"\b(resolution|résolution|resolución) (\d\d)/", lambda m: f"{m.group(1)} {int(m.group(2)) + step}/",
                  text)
    if re.search(r"\b(its resolutions|ses résolutions|sus resoluciones)\b", text):
        refs = list(_REF[lang].finditer(text))
        if refs:
            last = refs[-1]
            s = int(last.group(1)) + step
            y = int(last.group(5)) + step
            n = rng.randint(120, 260)
            month = MONTHS[lang][11]
            new_ref = {"en": f"{s}/{n} of {rng.randint(14, 22)} {month} {y}",
                       "fr": f"{s}/{n} du {rng.randint(14, 22)} {month} {y}",
                       "es": f"{s}/{n}, de {rng.randint(14, 22)} de {month} de {y}"}[lang]
            head = text[:last.start()]
            joiner = _LAST_AND[lang]
            if head.endswith(joiner):
                head = head[:-len(joiner)] + ", "
            text = head + text[last.start():last.end()] + joiner + new_ref + text[last.end():]
    return text


def story_refresh(old, new, lang, rng, tag) -> bool:
    """Next session's update everywhere; one refreshed paragraph also moved; footnotes renumbered."""
    step = rng.choice((1, 1, 2))
    shift = rng.randint(1, 3)
    hits = 0
    for j, b in enumerate(new):
        t = refresh_text(b.text, lang, step, rng)
        refs = tuple(str(int(r) + shift) for r in b.refs)
        if t != b.text:
            new[j] = _mark(b, tag, t, refs=refs)
            hits += 1
        elif refs != b.refs:
            new[j] = replace(b, refs=refs)
    if hits < 2:
        return False
    movable = [j for j, b in enumerate(new) if b.tag == tag and b.level == 0 and not b.liner
               and not _has_items(new, j)]
    if movable:
        j = rng.choice(movable)
        b = new.pop(j)
        _place(new, b, rng, home=j, far=2)
    return True


def _revise_liner(text: str, lang: str, rng: random.Random) -> str:
    text = refresh_text(text, lang, 1, rng)
    text = re.sub(r"(?<=/)(\d{3})\b", lambda m: str(rng.randint(100, 399)), text) if rng.random() < 0.5 else text
    if rng.random() < 0.3:
        for a, b in rng.sample(ONE_LINER_WARM[lang], len(ONE_LINER_WARM[lang])):
            if a in text:
                return text.replace(a, b)
    return text


def story_one_liners(old, new, lang, rng, tag) -> bool:
    """The procedural one-liners revised over two or three rounds, reordered, one dropped, one added."""
    js = [j for j, b in enumerate(new) if b.liner]
    if len(js) < 3:
        return False
    block = [new[j] for j in js]
    for _ in range(rng.randint(2, 3)):
        block = [_mark(b, tag, _revise_liner(b.text, lang, rng), liner=True) for b in block]
        if rng.random() < 0.5:
            x = rng.randrange(len(block) - 1)
            block[x], block[x + 1] = block[x + 1], block[x]
    if rng.random() < 0.7:                   # one dropped (the old one stays tagged: its deletion is the class's)
        gone = block.pop(rng.randrange(len(block)))
        old[gone.src[0]].tag = tag
    if rng.random() < 0.7:
        used = {re.sub(r"\W+", "", b.text)[:25] for b in block}
        m = re.search(r"A/(\d\d)/|(\d\d)/\d+", " ".join(b.text for b in block) + " A/70/")
        s = int(m.group(1) or m.group(2))
        fresh = [t for t in ONE_LINERS[lang] if re.sub(r"\W+", "", _liner_text(t, lang, s, 101))[:25] not in used]
        if fresh:
            added = Block(_liner_text(rng.choice(fresh), lang, s, rng.randint(100, 399)), "OP", tag=tag, liner=True,
                          touched=True)
            block.insert(rng.randint(0, len(block)), added)
    new[js[0]:js[-1] + 1] = block
    return True


def story_twin_added(old, new, lang, rng, tag) -> bool:
    """A paragraph dropped; a near-twin of another, kept, paragraph added elsewhere."""
    j = _pick(new, rng)
    if j is None:
        return False
    gone = new.pop(j)
    old[gone.src[0]].tag = tag
    for _ in range(6):
        m = _pick(new, rng, min_words=12)
        if m is None:
            return False
        twin = reword(new[m].text, lang, rng, 0.30, 0.45, keep_lead=True)
        if twin and dice(twin, gone.text) < TWIN_MAX - 0.1:
            new[m] = replace(new[m], touched=True)
            _place(new, Block(twin, new[m].kind, tag=tag, touched=True), rng, home=m, far=3)
            return True
    return False


def story_merge_edited(old, new, lang, rng, tag) -> bool:
    """Two or three paragraphs of one part merged, each edited by 15–35 % first (near or far apart)."""
    for _ in range(8):
        kind = rng.choice(("PP", "OP", "OP"))
        cands = [j for j in range(len(new)) if _free(new, j, kind, min_words=10)]
        n = rng.choice((2, 2, 3))
        if len(cands) < n:
            continue
        js = sorted(rng.sample(cands, n))
        texts = [reword(new[j].text, lang, rng, 0.15, 0.35) for j in js]
        if not all(texts):
            continue
        text = texts[0]
        for t in texts[1:]:
            text = _join(text, t, lang)
        merged = Block(text, kind, src=tuple(x for j in js for x in new[j].src), tag=tag, touched=True)
        at = rng.choice(js)
        for j in reversed(js):
            if j == at:
                new[j] = merged
            else:
                del new[j]
        return True
    return False


def story_split_edited(old, new, lang, rng, tag) -> bool:
    """A paragraph split in two, both parts edited by 10–30 %; the second part moved far, or into the
    preamble with its leading word turned when it can be."""
    j = _pick(new, rng, "OP", where=lambda b: cut_in_two(b.text, lang) is not None)
    if j is None:
        return False
    head, tail = cut_in_two(new[j].text, lang)
    head = reword(head, lang, rng, 0.10, 0.30, keep_lead=True)
    tail = reword(tail, lang, rng, 0.10, 0.30, keep_lead=True)
    if not head or not tail:
        return False
    b = new[j]
    new[j] = _mark(b, tag, head)
    turned = turn(tail, "OP", lang)
    if turned and rng.random() < 0.5:
        _place(new, _mark(b, tag, turned[0], kind=turned[1]), rng)
    else:
        _place(new, _mark(b, tag, tail), rng, home=j + 1, far=3)
    return True


def story_dense(old, new, lang, rng, tag) -> bool:
    """A late round: most paragraphs edited by 8–35 %, two or three of them also moved far."""
    cands = [j for j in range(len(new)) if _free(new, j, min_words=8)]
    if len(cands) < 8:
        return False
    for j in rng.sample(cands, int(len(cands) * rng.uniform(0.6, 0.8))):
        t = reword(new[j].text, lang, rng, 0.08, 0.35)
        if t:
            new[j] = replace(new[j], text=t, touched=True)
    movers = [j for j in range(len(new)) if new[j].touched and not new[j].tag and new[j].level == 0
              and not _has_items(new, j) and not new[j].liner]
    if len(movers) < 2:
        return False
    for j in sorted(rng.sample(movers, min(len(movers), rng.randint(2, 3))), reverse=True):
        b = new.pop(j)
        _place(new, _mark(b, tag), rng, home=j, far=4)
    return True


def story_items_reworked(old, new, lang, rng, tag) -> bool:
    """A list reworked: its items reordered and edited by 15–40 %, one struck, one added."""
    chapeaux = [j for j in _lists(new) if len(_items(new, j)) >= 3]
    if not chapeaux:
        return False
    j = rng.choice(chapeaux)
    ks = _items(new, j)
    items = [new[k] for k in ks]
    del new[ks[0]:ks[-1] + 1]
    gone = items.pop(rng.randrange(len(items)))
    old[gone.src[0]].tag = tag
    out = []
    for it in items:
        t = reword(it.text, lang, rng, 0.15, 0.40) if rng.random() < 0.7 else None
        out.append(_mark(it, tag, t or it.text))
    order = list(range(len(out)))
    while order == sorted(order) and len(out) > 1:
        rng.shuffle(order)
    out = [out[k] for k in order]
    here = new + out + [gone]                 # the list's own items are out of ``new`` for now
    spare = [i for _, its in LISTS[lang] for i in its
             if all(i != b.text and dice(i, b.text) < 0.6 and dice(i, old[s].text) < 0.6 for b in here for s in b.src)
             and all(i != b.text and dice(i, b.text) < 0.6 for b in here)]
    if spare:
        out.insert(rng.randint(0, len(out)), Block(rng.choice(spare), new[j].kind, 1, tag=tag, touched=True))
    new[j + 1:j + 1] = out
    return True


LAST_AND = {"en": " and ", "fr": " et ", "es": " y "}


def fold(chapeau: str, items: list[str], lang: str) -> str:
    """A list read as one paragraph: "Calls upon Member States to X, to Y and to Z"."""
    parts = [_low(t) for t in items]
    if lang == "es":
        body = ", ".join(parts[:-1]) + LAST_AND[lang] + parts[-1]
    else:
        body = ", ".join(parts[:-1]) + "," * (lang == "en" and len(parts) > 2) + LAST_AND[lang] + parts[-1]
    return f"{chapeau} {body}"


def unfold(text: str, lang: str) -> Optional[tuple[str, list[str]]]:
    """One OP with two asks as a chapeau and its list: "Urges States to X and to Y" → "Urges States:",
    "(a) To X", "(b) To Y"."""
    m = _DEMOTE[lang].match(text)
    if not m or m.group("lead") != lead_of(text, lang):
        return None
    sw = SWAPS[lang].match(m.group("rest"))
    if not sw or len(_tokens(sw.group(1))) < 4 or len(_tokens(sw.group(3))) < 4:
        return None
    c = m.group("c")
    first = _demote(text[:m.start("rest")] + sw.group(1), lang)
    second = _demote(text[:m.start("rest")] + sw.group(3), lang)
    if lang == "fr" and sw.group(2).strip(", ").split(" ")[-1] != c:
        return None
    if not first or not second:
        return None
    chapeau = f"{m.group('lead')} {m.group('who')}" + (f" {c}" if lang == "es" else "")
    return chapeau, [first, second]


def story_list_restructured(old, new, lang, rng, tag) -> bool:
    """A list folded into one paragraph (its items edited first), or a paragraph's asks unfolded into
    a chapeau and a list (items reordered, edited); some rounds do both."""
    did = False
    chapeaux = [j for j in _lists(new) if new[j].kind == "OP"]
    if chapeaux and rng.random() < 0.7:
        j = rng.choice(chapeaux)
        ks = _items(new, j)
        items = [reword(new[k].text, lang, rng, 0.05, 0.25) or new[k].text if rng.random() < 0.5 else new[k].text
                 for k in ks]
        src = new[j].src + tuple(x for k in ks for x in new[k].src)
        new[j:ks[-1] + 1] = [Block(fold(new[j].text, items, lang), "OP", src=src, tag=tag, touched=True)]
        did = True
    j = _pick(new, rng, "OP", where=lambda b: unfold(b.text, lang) is not None)
    if j is not None and (not did or rng.random() < 0.5):
        chapeau, items = unfold(new[j].text, lang)
        items = [reword(t, lang, rng, 0.05, 0.3) or t if rng.random() < 0.6 else t for t in items]
        if rng.random() < 0.5:
            items.reverse()
        b = new[j]
        new[j:j + 1] = [_mark(b, tag, chapeau)] + [_mark(b, tag, t, level=1) for t in items]
        did = True
    return did


STORIES: dict[str, Callable] = {
    "moved_reworded": story_moved_reworded, "cross_part": story_cross_part, "shared_lead": story_shared_lead,
    "sublist_moved": story_sublist_moved, "promote_demote": story_promote_demote, "merge_far": story_merge_far,
    "split_far": story_split_far, "refresh": story_refresh, "one_liners": story_one_liners,
    "twin_added": story_twin_added, "merge_edited": story_merge_edited, "split_edited": story_split_edited,
    "dense": story_dense, "items_reworked": story_items_reworked, "list_restructured": story_list_restructured,
}
NEEDS = {"shared_lead": {"urges"}, "sublist_moved": {"lists"}, "promote_demote": {"lists", "urges"},
         "refresh": {"refresh", "liners"}, "one_liners": {"liners"}, "split_far": {"urges"}, "split_edited": {"urges"},
         "items_reworked": {"lists"}, "list_restructured": {"lists", "urges"}}


def noise(old, new, lang, rng) -> None:
    """What else the round did, untagged: one or two light edits, sometimes a new paragraph."""
    for _ in range(rng.randint(1, 2)):
        j = _pick(new, rng, min_words=8)
        if j is not None:
            t = reword(new[j].text, lang, rng, 0.04, 0.2)
            if t:
                new[j] = replace(new[j], text=t, touched=True)


# =========================================================================== public API

def make_class_case(cls: str, rng: random.Random, src: Optional[Source] = None
                    ) -> tuple[Document, Document, list[TruthGroup]]:
    """One revision illustrating ``cls`` (its groups tagged ``cls``) with some untagged edits beside it."""
    pool = sources()
    for attempt in range(60):
        s = src or rng.choice(pool)
        lang = s.lang
        if cls == "mixed":
            chosen = rng.sample([c for c in STORIES if c != "refresh"], rng.randint(3, 4))
        else:
            chosen = [cls]
        needs = frozenset(n for c in chosen for n in NEEDS.get(c, ()))
        old = base_text(s, rng, needs)
        new = [replace(b) for b in old]
        ok = True
        for c in chosen:
            ok = STORIES[c](old, new, lang, rng, cls) and ok
            if not ok:
                break
        if not ok:
            continue
        noise(old, new, lang, rng)
        if not believable(old, new):
            continue
        return finish(old, new, lang, f"{cls}-{s.name}")
    raise RuntimeError(f"no believable case of {cls}")


def generate_class_pairs(n_per_class: int, seed: int, classes: Sequence[str] = CLASSES
                         ) -> list[tuple[str, Document, Document, list[TruthGroup]]]:
    """``n_per_class`` cases of each class; the base texts go round the samples in turn."""
    out = []
    pool = sources()
    for cls in classes:
        for i in range(n_per_class):
            rng = random.Random(f"consultations:{seed}:{cls}:{i}")
            out.append((cls, *make_class_case(cls, rng, pool[i % len(pool)])))
    return out


def generate_pairs(n: int, seed: int) -> list[tuple[Document, Document, list[TruthGroup]]]:
    """``n`` revisions of mixed classes."""
    pool = sources()
    out = []
    for i in range(n):
        rng = random.Random(f"consultations-pairs:{seed}:{i}")
        out.append(make_class_case("mixed", rng, pool[i % len(pool)]))
    return out


def assert_readable(cls: str, ot: dict[str, str], nt: dict[str, str], t) -> None:
    """What the truth pairs a reader would too: an edited paragraph shares clearly more of its content
    words with its own old text than with any other; merged sources keep half of theirs in the whole."""
    if t.kind == "modified":
        own = dice(ot[t.old[0]], nt[t.new[0]])
        rivals = [dice(x, nt[t.new[0]]) for i, x in ot.items() if i != t.old[0]]
        assert own >= MIN_SIM and own >= max(rivals) + MARGIN, (cls, t)
    if t.kind == "merged":
        assert all(contained(ot[o], nt[t.new[0]]) >= 0.5 for o in t.old), (cls, t)
