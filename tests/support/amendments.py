"""A fourth revision generator, written apart from the aligner and from the other three
(synthetic.py, negotiation.py, rounds.py), for a held-out estimate of the aligner on issue #13.

It writes amendments the way delegations table them — "insert 'and girls' after 'women'",
"replace 'Urges' by 'Calls upon'", "delete 'as appropriate'", "add at the end: ', including
through …'" — several to a paragraph, and the round's structural changes: far moves (within a part,
a PP made operative or an OP preambular, to the end), a clause split off as a paragraph of its own
(next to it or elsewhere), two paragraphs on one topic merged (each trimmed), an OP turned into a
chapeau with (a)–(c) and a list folded back, the block of procedural one-liners at the end revised
and reordered, deletions and additions.  Base texts: every sample in samples/ (English, French,
Spanish), completed with other paragraphs of the lineage in the same language; the edits are in
that language.

Truth stays believable: a 1:1 paragraph keeps at least half of its words (MIN_KEPT), split parts and
merged parts keep theirs, and a revised one-liner is clearly closer to its own old text than to any
other (else the round is redrawn).

Public API, as the other generators: ``CLASSES``; ``make_class_case(cls, rng, src=None)`` →
(old, new, truth); ``generate_class_pairs(n_per_class, seed, classes)`` → [(class, old, new, truth)];
``generate_pairs(n, seed)`` → [(old, new, truth)].  Truth groups are ``synthetic.TruthGroup``; the class
groups carry ``tag == class``.
"""
from __future__ import annotations

import difflib
import random
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence

from compare.model import Document, Metadata, Paragraph
from compare.sequences import longest_increasing_subsequence

from .generator_checks import groups_by_source
from .synthetic import SAMPLES, TruthGroup, load_sample_document

# =========================================================================== the delegations' wording

# Leading words, longest first when matched (a PP may open with "Recalling also", an OP with
# "Takes note of").  The lead is what a strengthening or weakening amendment replaces.
PP_LEADS = {
    "en": ["Recalling", "Recalling also", "Recalling further", "Reaffirming", "Recognizing",
           "Recognizing also", "Recognizing further", "Welcoming", "Welcoming also", "Taking note of",
           "Bearing in mind", "Underlining", "Reiterating", "Noting", "Noting with concern",
           "Stressing", "Acknowledging", "Deeply concerned", "Concerned", "Convinced", "Mindful"],
    "fr": ["Rappelant", "Rappelant également", "Rappelant en outre", "Réaffirmant", "Considérant",
           "Considérant également", "Considérant en outre", "Se félicitant", "Accueillant favorablement",
           "Prenant note", "Prenant acte", "Consciente", "Profondément préoccupée", "Préoccupée",
           "Soulignant", "Réitérant", "Sachant", "Convaincue", "Notant"],
    "es": ["Recordando", "Recordando también", "Recordando además", "Reafirmando", "Reconociendo",
           "Reconociendo también", "Acogiendo con beneplácito", "Tomando nota", "Teniendo presente",
           "Subrayando", "Reiterando", "Observando", "Destacando", "Profundamente preocupada",
           "Preocupada", "Convencida", "Consciente"],
}
OP_LEADS = {
    "en": ["Urges", "Strongly urges", "Also urges", "Calls upon", "Also calls upon", "Encourages",
           "Strongly encourages", "Also encourages", "Invites", "Also invites", "Requests", "Also requests",
           "Further requests", "Welcomes", "Also welcomes", "Takes note of", "Takes note with appreciation of",
           "Notes with appreciation", "Notes", "Recognizes", "Also recognizes", "Stresses", "Underlines",
           "Emphasizes", "Decides", "Also decides", "Reaffirms", "Recalls", "Acknowledges", "Bears in mind"],
    "fr": ["Exhorte", "Exhorte également", "Engage", "Engage également", "Encourage", "Encourage également",
           "Invite", "Invite également", "Prie", "Prie également", "Prie à nouveau", "Demande",
           "Demande également", "Demande instamment", "Salue", "Se félicite", "Accueille avec satisfaction",
           "Prend note", "Prend acte", "Note avec satisfaction", "Considère", "Reconnaît", "Souligne",
           "Insiste", "Décide", "Décide également", "Réaffirme", "Rappelle", "Sait"],
    "es": ["Insta", "Insta también", "Exhorta", "Exhorta también", "Alienta", "Alienta también", "Invita",
           "Invita también", "Solicita", "Solicita también", "Pide", "Pide también", "Acoge con beneplácito",
           "Toma nota", "Toma nota con aprecio", "Observa con aprecio", "Reconoce", "Reconoce también",
           "Subraya", "Destaca", "Decide", "Decide también", "Reafirma", "Recuerda"],
}

# "Encourages" → "Calls upon" → "Urges": swaps that keep the sentence grammatical.
VERB_SWAPS = {
    "en": {"Urges": ["Calls upon", "Strongly urges", "Encourages"], "Calls upon": ["Urges", "Encourages"],
           "Encourages": ["Urges", "Calls upon", "Strongly encourages", "Invites"],
           "Invites": ["Encourages", "Calls upon"], "Requests": ["Also requests", "Further requests"],
           "Welcomes": ["Takes note of", "Notes with appreciation", "Also welcomes"],
           "Takes note of": ["Welcomes", "Takes note with appreciation of"],
           "Recognizes": ["Acknowledges", "Also recognizes"], "Stresses": ["Underlines", "Emphasizes"],
           "Decides": ["Also decides"], "Reaffirms": ["Recalls"],
           "Recalling": ["Recalling also", "Reaffirming"], "Recognizing": ["Recognizing also", "Acknowledging"],
           "Welcoming": ["Welcoming also", "Taking note of"], "Taking note of": ["Welcoming"],
           "Reaffirming": ["Recalling"], "Concerned": ["Deeply concerned"], "Deeply concerned": ["Concerned"],
           "Noting": ["Noting with concern"], "Stressing": ["Underlining"], "Underlining": ["Stressing"]},
    "fr": {"Exhorte": ["Engage", "Encourage", "Invite"], "Engage": ["Exhorte", "Encourage"],
           "Encourage": ["Exhorte", "Engage", "Invite"], "Invite": ["Encourage", "Engage"],
           "Prie": ["Prie également", "Prie à nouveau"], "Demande": ["Demande instamment", "Demande également"],
           "Salue": ["Accueille avec satisfaction", "Note avec satisfaction"],
           "Note avec satisfaction": ["Salue"], "Prend note": ["Prend acte"], "Prend acte": ["Prend note"],
           "Considère": ["Reconnaît"], "Reconnaît": ["Considère"], "Souligne": ["Insiste sur le fait"],
           "Décide": ["Décide également"], "Réaffirme": ["Rappelle"],
           "Rappelant": ["Rappelant également", "Réaffirmant"],
           "Considérant": ["Considérant également", "Sachant"],
           "Réaffirmant": ["Rappelant"], "Prenant note": ["Prenant acte"], "Prenant acte": ["Prenant note"],
           "Consciente": ["Profondément consciente"], "Préoccupée": ["Profondément préoccupée"]},
    "es": {"Insta": ["Exhorta", "Alienta"], "Exhorta": ["Insta", "Alienta", "Invita"],
           "Alienta": ["Exhorta", "Insta", "Invita"], "Invita": ["Alienta", "Exhorta"],
           "Solicita": ["Solicita también", "Pide"], "Pide": ["Solicita", "Pide también"],
           "Acoge con beneplácito": ["Observa con aprecio"], "Toma nota": ["Toma nota con aprecio"],
           "Reconoce": ["Reconoce también"], "Subraya": ["Destaca"], "Destaca": ["Subraya"],
           "Decide": ["Decide también"], "Reafirma": ["Recuerda"],
           "Recordando": ["Recordando también", "Reafirmando"], "Reconociendo": ["Reconociendo también"],
           "Reafirmando": ["Recordando"], "Tomando nota": ["Acogiendo con beneplácito"],
           "Preocupada": ["Profundamente preocupada"], "Subrayando": ["Destacando"], "Destacando": ["Subrayando"]},
}

# A preambular paragraph made operative (and back): "Recognizing that …," ↔ "Recognizes that …;".
PP_TO_OP = {
    "en": {"Recalling": "Recalls", "Recalling also": "Also recalls", "Recalling further": "Further recalls",
           "Reaffirming": "Reaffirms", "Recognizing": "Recognizes", "Recognizing also": "Also recognizes",
           "Recognizing further": "Further recognizes", "Welcoming": "Welcomes", "Welcoming also": "Also welcomes",
           "Taking note of": "Takes note of", "Bearing in mind": "Bears in mind", "Underlining": "Underlines",
           "Stressing": "Stresses", "Noting": "Notes", "Acknowledging": "Acknowledges", "Reiterating": "Reiterates"},
    "fr": {"Rappelant": "Rappelle", "Rappelant également": "Rappelle également", "Réaffirmant": "Réaffirme",
           "Considérant": "Considère", "Considérant également": "Considère également",
           "Se félicitant": "Se félicite", "Accueillant favorablement": "Accueille favorablement",
           "Prenant note": "Prend note", "Prenant acte": "Prend acte", "Soulignant": "Souligne",
           "Réitérant": "Réitère", "Notant": "Note"},
    "es": {"Recordando": "Recuerda", "Recordando también": "Recuerda también", "Reafirmando": "Reafirma",
           "Reconociendo": "Reconoce", "Reconociendo también": "Reconoce también",
           "Acogiendo con beneplácito": "Acoge con beneplácito", "Tomando nota": "Toma nota",
           "Teniendo presente": "Tiene presente", "Subrayando": "Subraya", "Reiterando": "Reitera",
           "Observando": "Observa", "Destacando": "Destaca"},
}

# "replace 'strengthen' by 'enhance'": word-for-word substitutions, both directions.
SYNONYMS = {
    "en": [("strengthen", "enhance"), ("combat", "counter"), ("measures", "steps"), ("ensure", "guarantee"),
           ("efforts", "actions"), ("cooperation", "collaboration"), ("effective", "efficient"),
           ("victims", "victims and survivors"), ("relevant", "competent"), ("comprehensive", "holistic"),
           ("support", "assistance"), ("Member States", "States"), ("Governments", "States"),
           ("promote", "foster"), ("important", "essential"), ("consider", "examine"),
           ("prevent", "prevent and combat"),
           ("international", "global"), ("role", "contribution")],
    "fr": [("renforcer", "intensifier"), ("mesures", "dispositions"), ("lutter contre", "combattre"),
           ("efforts", "actions"), ("coopération", "collaboration"), ("efficace", "effective"),
           ("victimes", "victimes et survivants"), ("pertinents", "compétents"), ("globale", "intégrée"),
           ("appui", "soutien"), ("États Membres", "États"), ("gouvernements", "États"),
           ("promouvoir", "favoriser"), ("importance", "utilité"), ("envisager", "examiner"),
           ("prévenir", "prévenir et combattre"), ("internationale", "mondiale"), ("continuer", "poursuivre"),
           ("rôle", "contribution"), ("activités", "travaux")],
    "es": [("fortalecer", "reforzar"), ("medidas", "disposiciones"), ("luchar contra", "combatir"),
           ("esfuerzos", "actividades"), ("cooperación", "colaboración"), ("eficaces", "efectivas"),
           ("víctimas", "víctimas y supervivientes"), ("pertinentes", "competentes"), ("amplia", "integral"),
           ("apoyo", "asistencia"), ("Estados Miembros", "Estados"), ("Gobiernos", "Estados"),
           ("promover", "fomentar"), ("importancia", "utilidad"), ("considerar", "examinar"),
           ("prevenir", "prevenir y combatir"), ("internacional", "mundial"), ("seguir", "continuar"),
           ("función", "contribución"), ("labor", "actividad")],
}

# "insert 'and girls' after 'women'".
INSERT_AFTER = {
    "en": [("women", "and girls"), ("victims", "of trafficking"), ("States", "and relevant stakeholders"),
           ("cooperation", "and coordination"), ("prevent", "and combat"), ("national", "and local"),
           ("regional", "and subregional"), ("support", "and protection")],
    "fr": [("femmes", "et les filles"), ("victimes", "de la traite"), ("coopération", "et la coordination"),
           ("prévenir", "et réprimer"), ("nationales", "et locales"), ("régionale", "et sous-régionale"),
           ("appui", "et la protection"), ("États", "et les parties prenantes concernées")],
    "es": [("mujeres", "y las niñas"), ("víctimas", "de la trata"), ("cooperación", "y la coordinación"),
           ("prevenir", "y reprimir"), ("nacionales", "y locales"), ("regional", "y subregional"),
           ("apoyo", "y la protección"), ("Estados", "y los interesados pertinentes")],
}

# ", as appropriate" and friends: qualifiers slipped in before a comma or the final mark, and the
# first thing another delegation asks to delete.
QUALIFIERS = {
    "en": [", as appropriate", ", where appropriate", ", in accordance with national legislation",
           ", within existing resources", ", upon request", ", on a voluntary basis",
           ", in accordance with international law", ", in particular women and children"],
    "fr": [", selon qu'il conviendra", ", le cas échéant", ", conformément à la législation nationale",
           ", dans la limite des ressources existantes", ", sur demande", ", à titre volontaire",
           ", conformément au droit international", ", en particulier les femmes et les enfants"],
    "es": [", según proceda", ", cuando proceda", ", de conformidad con la legislación nacional",
           ", con cargo a los recursos existentes", ", previa solicitud", ", con carácter voluntario",
           ", de conformidad con el derecho internacional", ", en particular las mujeres y los niños"],
}
DELETABLE = {
    "en": QUALIFIERS["en"] + [" also", " further", " all", ", inter alia,", " relevant", " strongly",
                              " effective", " urgently", " fully"],
    "fr": QUALIFIERS["fr"] + [" également", " en outre", " tous", " notamment", " pertinents", " efficaces",
                              " pleinement", " d'urgence"],
    "es": QUALIFIERS["es"] + [" también", " además", " todos", ", entre otras cosas,", " pertinentes",
                              " eficaces", " plenamente", " urgentemente"],
}

# "add at the end: ', including through …'".
ADD_AT_END = {
    "en": [", including through international cooperation and technical assistance",
           ", with full respect for human rights and fundamental freedoms",
           ", taking into account the specific needs of women and children",
           ", and to share best practices and lessons learned in this regard",
           ", in close cooperation with civil society and the private sector",
           ", including by addressing the root causes of trafficking in persons",
           ", and to report thereon to the Commission on Crime Prevention and Criminal Justice"],
    "fr": [", notamment grâce à la coopération internationale et à l'assistance technique",
           ", dans le plein respect des droits de l'homme et des libertés fondamentales",
           ", en tenant compte des besoins particuliers des femmes et des enfants",
           ", et à échanger les meilleures pratiques et les enseignements tirés en la matière",
           ", en étroite coopération avec la société civile et le secteur privé",
           ", notamment en s'attaquant aux causes profondes de la traite des personnes",
           ", et de faire rapport à ce sujet à la Commission pour la prévention du crime et la justice pénale"],
    "es": [", incluso mediante la cooperación internacional y la asistencia técnica",
           ", respetando plenamente los derechos humanos y las libertades fundamentales",
           ", teniendo en cuenta las necesidades específicas de las mujeres y los niños",
           ", y a intercambiar mejores prácticas y lecciones aprendidas a ese respecto",
           ", en estrecha cooperación con la sociedad civil y el sector privado",
           ", incluso abordando las causas profundas de la trata de personas",
           ", y a informar al respecto a la Comisión de Prevención del Delito y Justicia Penal"],
}

ALSO = {"en": "also", "fr": "également", "es": "también"}
AND = {"en": "and", "fr": "et", "es": "y"}
# Where a clause or split-off part starts: after these, a paragraph can be cut in two.
CUTS = {"en": [", and to ", "; ", ", and ", " and to ", ", while "],
        "fr": [", et à ", ", et de ", ", et d'", "; ", ", et ", " et à ", " tout en "],
        "es": [", y a ", ", y de ", "; ", ", y ", " y a ", " al tiempo que "]}
# The word that ends an addressee: "Urges Member States *to*", "Exhorte les États *à*", "Insta a los Estados *a*".
INFINITIVE_MARKS = {"en": ("to",), "fr": ("à", "de", "d'"), "es": ("a", "que")}

ORDINALS = {
    "en": ["sixty-fourth", "sixty-fifth", "sixty-sixth", "sixty-seventh", "sixty-eighth", "sixty-ninth",
           "seventieth", "seventy-first", "seventy-second", "seventy-third", "seventy-fourth", "seventy-fifth",
           "seventy-sixth", "seventy-seventh", "seventy-eighth", "seventy-ninth", "eightieth"],
    "fr": ["soixante-quatrième", "soixante-cinquième", "soixante-sixième", "soixante-septième",
           "soixante-huitième", "soixante-neuvième", "soixante-dixième", "soixante et onzième",
           "soixante-douzième", "soixante-treizième", "soixante-quatorzième", "soixante-quinzième",
           "soixante-seizième", "soixante-dix-septième", "soixante-dix-huitième", "soixante-dix-neuvième",
           "quatre-vingtième"],
    "es": ["sexagésimo cuarto", "sexagésimo quinto", "sexagésimo sexto", "sexagésimo séptimo",
           "sexagésimo octavo", "sexagésimo noveno", "septuagésimo", "septuagésimo primer",
           "septuagésimo segundo", "septuagésimo tercer", "septuagésimo cuarto", "septuagésimo quinto",
           "septuagésimo sexto", "septuagésimo séptimo", "septuagésimo octavo", "septuagésimo noveno",
           "octogésimo"],
}

# Procedural one-liners, {s} a session ordinal, {r} a report, {i} an agenda item: the paragraphs
# that look alike and get reordered at the end of every text.
ONE_LINERS = {
    "en": ["Takes note of the report of the Secretary-General on {r};",
           "Takes note with appreciation of the report of the Special Rapporteur on {r};",
           "Requests the Secretary-General to submit to the General Assembly at its {s} session a report on "
           "the implementation of the present resolution;",
           "Requests the Secretary-General to report to the General Assembly at its {s} session on {r};",
           "Decides to include in the provisional agenda of its {s} session the item entitled \"{i}\";",
           "Decides to continue its consideration of the question at its {s} session;",
           "Invites Member States to contribute to the United Nations Voluntary Trust Fund for Victims of "
           "Trafficking in Persons, Especially Women and Children;",
           "Decides to remain seized of the matter."],
    "fr": ["Prend note du rapport du Secrétaire général sur {r} ;",
           "Prend note avec satisfaction du rapport de la Rapporteuse spéciale sur {r} ;",
           "Prie le Secrétaire général de lui présenter, à sa {s} session, un rapport sur l'application de "
           "la présente résolution ;",
           "Prie le Secrétaire général de lui faire rapport à sa {s} session sur {r} ;",
           "Décide d'inscrire à l'ordre du jour provisoire de sa {s} session la question intitulée « {i} » ;",
           "Décide de poursuivre l'examen de la question à sa {s} session ;",
           "Invite les États Membres à verser des contributions au Fonds de contributions volontaires des "
           "Nations Unies pour les victimes de la traite des personnes, en particulier les femmes et les enfants ;",
           "Décide de demeurer saisie de la question."],
    "es": ["Toma nota del informe del Secretario General sobre {r};",
           "Toma nota con aprecio del informe de la Relatora Especial sobre {r};",
           "Solicita al Secretario General que le presente, en su {s} período de sesiones, un informe sobre "
           "la aplicación de la presente resolución;",
           "Solicita al Secretario General que le informe en su {s} período de sesiones sobre {r};",
           "Decide incluir en el programa provisional de su {s} período de sesiones el tema titulado «{i}»;",
           "Decide seguir examinando la cuestión en su {s} período de sesiones;",
           "Invita a los Estados Miembros a que aporten contribuciones al Fondo Fiduciario de Contribuciones "
           "Voluntarias de las Naciones Unidas para las Víctimas de la Trata de Personas, Especialmente Mujeres "
           "y Niños;",
           "Decide seguir ocupándose de la cuestión."],
}
REPORTS = {
    "en": ["trafficking in persons, especially women and children", "the implementation of the present resolution",
           "the activities of the United Nations Office on Drugs and Crime", "the Global Plan of Action",
           "the coordination of efforts against trafficking in persons", "contemporary forms of slavery"],
    "fr": ["la traite des personnes, en particulier les femmes et les enfants",
           "l'application de la présente résolution", "les activités de l'Office des Nations Unies contre la drogue "
           "et le crime", "le Plan d'action mondial", "la coordination de l'action contre la traite des personnes",
           "les formes contemporaines d'esclavage"],
    "es": ["la trata de personas, especialmente mujeres y niños", "la aplicación de la presente resolución",
           "las actividades de la Oficina de las Naciones Unidas contra la Droga y el Delito",
           "el Plan de Acción Mundial", "la coordinación de la acción contra la trata de personas",
           "las formas contemporáneas de la esclavitud"],
}
ITEMS = {
    "en": ["Crime prevention and criminal justice", "Promotion and protection of human rights",
           "Advancement of women", "Social development"],
    "fr": ["Prévention du crime et justice pénale", "Promotion et protection des droits de l'homme",
           "Promotion de la femme", "Développement social"],
    "es": ["Prevención del delito y justicia penal", "Promoción y protección de los derechos humanos",
           "Adelanto de la mujer", "Desarrollo social"],
}
# One-liner edits: "Takes note of" → "Takes note with appreciation of", "report" → "reports".
ONE_LINER_SWAPS = {
    "en": [("Takes note of the report", "Takes note with appreciation of the report"),
           ("Takes note with appreciation of the report", "Welcomes the report"),
           ("the report of", "the reports of"), ("to submit to", "to submit to"),
           ("Requests the", "Also requests the"), ("a report on", "a comprehensive report on"),
           ("Invites Member States", "Invites all Member States and other donors"),
           ("on the implementation", "on the full implementation")],
    "fr": [("Prend note du rapport", "Prend note avec satisfaction du rapport"),
           ("Prend note avec satisfaction du rapport", "Se félicite du rapport"),
           ("du rapport", "des rapports"), ("Prie le", "Prie également le"),
           ("un rapport sur", "un rapport détaillé sur"),
           ("Invite les États Membres", "Invite tous les États Membres et les autres donateurs"),
           ("sur l'application", "sur la pleine application")],
    "es": [("Toma nota del informe", "Toma nota con aprecio del informe"),
           ("Toma nota con aprecio del informe", "Acoge con beneplácito el informe"),
           ("del informe", "de los informes"), ("Solicita al", "Solicita también al"),
           ("un informe sobre", "un informe exhaustivo sobre"),
           ("Invita a los Estados Miembros", "Invita a todos los Estados Miembros y otros donantes"),
           ("sobre la aplicación", "sobre la plena aplicación")],
}

# Operative paragraphs the excerpts lack (the samples are mostly preambles): the operative part of
# the lineage's resolutions, in each language, to complete a base text.  Several share a leading
# verb, as in the real texts.
OPERATIVE = {
    "en": [
        "Urges Member States that have not yet done so to consider taking measures to ratify or accede to the "
        "United Nations Convention against Transnational Organized Crime and the Protocol to Prevent, Suppress and "
        "Punish Trafficking in Persons, Especially Women and Children, and to take steps to implement them fully;",
        "Welcomes the steps taken by the human rights treaty bodies, the special rapporteurs and the relevant "
        "United Nations agencies to address the problem of trafficking in persons within their respective "
        "mandates, and encourages them to continue to do so;",
        "Calls upon Governments to criminalize trafficking in persons in all its forms, including for purposes of "
        "labour exploitation, and to condemn, investigate, prosecute and punish traffickers and intermediaries, "
        "while providing protection and assistance to victims with full respect for their human rights;",
        "Encourages all stakeholders, including the private sector, to coordinate their efforts to prevent and "
        "combat trafficking in persons and to protect and assist victims;",
        "Recognizes the importance of comparable data disaggregated by type of exploitation, sex and age on all "
        "forms of trafficking in persons, and encourages Member States to share data and information with the "
        "United Nations Office on Drugs and Crime;",
        "Requests the Secretary-General to provide the United Nations Office on Drugs and Crime with sufficient "
        "resources for the full implementation of its mandates in the fight against trafficking in persons, in "
        "accordance with its high priority;",
        "Invites all Member States to expedite their consideration of a global plan of action against trafficking "
        "in persons, in consultation with civil society and other relevant stakeholders;",
        "Urges Member States to strengthen international, regional and subregional cooperation, including through "
        "mutual legal assistance and extradition, in order to dismantle the criminal networks involved in "
        "trafficking in persons;",
        "Calls upon Member States to address the factors that increase vulnerability to trafficking in persons, "
        "such as poverty, unemployment, inequality, humanitarian emergencies, armed conflict and discrimination;",
        "Encourages Member States to establish national rapporteurs or equivalent mechanisms to monitor the "
        "implementation of national plans of action against trafficking in persons and to collect and share data;",
        "Requests the United Nations Office on Drugs and Crime to continue to provide technical assistance to "
        "Member States, upon request, in order to strengthen the capacity of their criminal justice systems to "
        "identify, investigate and prosecute cases of trafficking in persons;",
        "Stresses the need to ensure that victims of trafficking are treated as victims of crime and are not "
        "penalized for unlawful acts they have been compelled to commit as a direct consequence of having been "
        "trafficked;",
        "Urges Member States to take measures to discourage the demand that fosters all forms of exploitation of "
        "persons, especially women and children, and to raise public awareness of the harm it causes;",
        "Requests the Secretary-General to continue to strengthen the Inter-Agency Coordination Group against "
        "Trafficking in Persons, so as to foster a holistic and comprehensive approach by the international "
        "community;",
    ],
    "es": [
        "Insta a los Estados Miembros que aún no lo hayan hecho a que consideren la posibilidad de ratificar la "
        "Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional y el Protocolo para "
        "Prevenir, Reprimir y Sancionar la Trata de Personas, Especialmente Mujeres y Niños, o de adherirse a "
        "ellos, y a que adopten medidas para aplicarlos plenamente;",
        "Acoge con beneplácito las medidas adoptadas por los órganos creados en virtud de tratados de derechos "
        "humanos, los relatores especiales y los organismos competentes de las Naciones Unidas para hacer frente "
        "al problema de la trata de personas en el marco de sus respectivos mandatos, y los alienta a que sigan "
        "haciéndolo;",
        "Exhorta a los Gobiernos a que tipifiquen como delito la trata de personas en todas sus formas, incluida "
        "la explotación laboral, y a que condenen, investiguen, enjuicien y castiguen a los tratantes y a los "
        "intermediarios, protegiendo y asistiendo al mismo tiempo a las víctimas con pleno respeto de sus "
        "derechos humanos;",
        "Alienta a todos los interesados, incluido el sector privado, a que coordinen sus esfuerzos para prevenir "
        "y combatir la trata de personas y para proteger y asistir a las víctimas;",
        "Reconoce la importancia de disponer de datos comparables desglosados por tipo de explotación, sexo y "
        "edad sobre todas las formas de trata de personas, y alienta a los Estados Miembros a que compartan datos "
        "e información con la Oficina de las Naciones Unidas contra la Droga y el Delito;",
        "Solicita al Secretario General que proporcione a la Oficina de las Naciones Unidas contra la Droga y el "
        "Delito recursos suficientes para la plena ejecución de sus mandatos en la lucha contra la trata de "
        "personas, de conformidad con su alta prioridad;",
        "Invita a todos los Estados Miembros a que agilicen el examen de un plan de acción mundial contra la "
        "trata de personas, en consulta con la sociedad civil y otros interesados pertinentes;",
        "Insta a los Estados Miembros a que fortalezcan la cooperación internacional, regional y subregional, "
        "incluso mediante la asistencia judicial recíproca y la extradición, a fin de desarticular las redes "
        "delictivas que participan en la trata de personas;",
        "Exhorta a los Estados Miembros a que aborden los factores que aumentan la vulnerabilidad a la trata de "
        "personas, como la pobreza, el desempleo, la desigualdad, las emergencias humanitarias, los conflictos "
        "armados y la discriminación;",
        "Alienta a los Estados Miembros a que establezcan relatores nacionales o mecanismos equivalentes para "
        "vigilar la aplicación de los planes de acción nacionales contra la trata de personas y para reunir e "
        "intercambiar datos;",
        "Solicita a la Oficina de las Naciones Unidas contra la Droga y el Delito que siga prestando asistencia "
        "técnica a los Estados Miembros que la soliciten a fin de fortalecer la capacidad de sus sistemas de "
        "justicia penal para detectar, investigar y enjuiciar los casos de trata de personas;",
        "Subraya la necesidad de asegurar que las víctimas de la trata sean tratadas como víctimas de delitos y no "
        "sean sancionadas por los actos ilícitos que se hayan visto obligadas a cometer como consecuencia directa "
        "de haber sido objeto de trata;",
        "Insta a los Estados Miembros a que adopten medidas para desalentar la demanda que propicia todas las "
        "formas de explotación de personas, especialmente mujeres y niños, y a que sensibilicen al público "
        "sobre el daño que causa;",
    ],
    "fr": [],          # the French revised draft is complete: its own operative part
}
# Preambular paragraphs for the Spanish texts (the Spanish excerpt holds three).
PREAMBLE = {
    "es": [
        "Recordando su resolución 61/180, de 20 de diciembre de 2006, relativa a la mejora de la coordinación de "
        "los esfuerzos contra la trata de personas, y todas las resoluciones anteriores sobre la trata de "
        "personas,",
        "Reafirmando el compromiso contraído por los dirigentes mundiales en la Cumbre del Milenio y en la Cumbre "
        "Mundial 2005 de elaborar y aplicar medidas eficaces y reforzar las existentes para combatir y eliminar "
        "todas las formas de trata de personas,",
        "Reconociendo que la trata de personas menoscaba el disfrute de los derechos humanos, sigue planteando "
        "un grave problema a la humanidad y exige una respuesta internacional concertada,",
        "Reconociendo también que una amplia cooperación internacional entre los Estados Miembros y las "
        "organizaciones intergubernamentales y no gubernamentales pertinentes es esencial para contrarrestar "
        "eficazmente la amenaza de la trata de personas,",
        "Acogiendo con beneplácito la labor de la Relatora Especial del Consejo de Derechos Humanos sobre la "
        "trata de personas, especialmente mujeres y niños, y de la Relatora Especial sobre las formas "
        "contemporáneas de la esclavitud,",
        "Profundamente preocupada porque, a pesar de las medidas adoptadas a nivel internacional, regional y "
        "nacional, la trata de personas sigue siendo uno de los problemas más graves a que se enfrenta la "
        "comunidad internacional,",
        "Teniendo presente que todos los Estados tienen la obligación de actuar con la diligencia debida para "
        "prevenir la trata de personas, investigar y castigar a los autores y rescatar a las víctimas,",
    ],
    "en": [], "fr": [],
}

# =========================================================================== the text under negotiation

CLASSES = ("moved_edited", "split", "merge", "restructure", "short_lookalikes", "mixed")

MIN_KEPT = 0.5        # a 1:1 paragraph keeps at least half of its words, in order: still "the same paragraph"


@dataclass
class Block:
    """One paragraph of a version being written: ``src`` are the positions, in the old version, of the
    paragraphs it descends from (empty: new text); ``level`` 1 is a sub-paragraph of the level-0 block
    before it; ``tag`` the class this block illustrates."""

    text: str
    kind: str
    level: int = 0
    src: tuple[int, ...] = ()
    tag: str = ""


@lru_cache(maxsize=65536)
def _words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+(?:['’]\w+)?", text.lower()))


def _matched(a: str, b: str) -> int:
    wa, wb = _words(a), _words(b)
    return sum(m.size for m in difflib.SequenceMatcher(None, wa, wb, autojunk=False).get_matching_blocks())


def changed_share(a: str, b: str) -> float:
    """Share of words changed between two texts, 0 (same words) to 1 (nothing in common)."""
    na, nb = len(_words(a)), len(_words(b))
    return 1.0 - 2.0 * _matched(a, b) / max(na + nb, 1)


def kept_share(a: str, b: str) -> float:
    """Share of ``a``'s words still in ``b``, in order."""
    return _matched(a, b) / max(len(_words(a)), 1)


def lead_of(text: str, kind: str, lang: str) -> str:
    """The paragraph's leading word(s), longest known match ("Recalling also" before "Recalling")."""
    leads = sorted(set(PP_LEADS[lang]) | set(OP_LEADS[lang]), key=len, reverse=True)
    for lead in leads:
        if text.startswith(lead) and (len(text) == len(lead) or not text[len(lead)].isalnum()):
            return lead
    return text.split(" ", 1)[0].rstrip(",;.:") if text else ""


def _body(text: str) -> str:
    return text.rstrip(" ,;.:\u00a0")


def _lower_first(s: str) -> str:
    """"To act" → "to act", "À envisager" → "à envisager"; an acronym ("UNODC …") kept."""
    first = s.split(" ", 1)[0]
    return s[:1].lower() + s[1:] if first[1:].islower() or len(first) == 1 else s


def _upper_first(s: str) -> str:
    return s[:1].upper() + s[1:]


# =========================================================================== amendments to one paragraph
# Each takes (text, lang, rng) and returns the amended text, or None when it does not apply.

def amend_verb(text: str, lang: str, rng: random.Random) -> Optional[str]:
    """'replace "Urges" by "Calls upon"'."""
    lead = lead_of(text, "", lang)
    swaps = VERB_SWAPS[lang].get(lead)
    return rng.choice(swaps) + text[len(lead):] if swaps else None


def amend_synonym(text: str, lang: str, rng: random.Random) -> Optional[str]:
    """'replace "strengthen" by "enhance"' (or back), once, never in the leading words."""
    lead = lead_of(text, "", lang)
    spans = [(m.start(), m.end(), y) for a, b in SYNONYMS[lang] for x, y in ((a, b), (b, a))
             for m in re.finditer(rf"(?<!\w){re.escape(x)}(?!\w)", text) if m.start() > len(lead)]
    # "States" inside "Member States" is not a word of its own; never write "holistic and holistic"
    found = [(s, e, y) for s, e, y in spans if y not in text
             and not any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for s2, e2, _ in spans)]
    if not found:
        return None
    s, e, y = rng.choice(found)
    return text[:s] + y + text[e:]


def amend_insert_after(text: str, lang: str, rng: random.Random) -> Optional[str]:
    """'insert "and girls" after "women"'."""
    found = [(m.end(), add) for anchor, add in INSERT_AFTER[lang]      # not "States" of "States Members"
             for m in re.finditer(rf"(?<!\w){re.escape(anchor)}(?!\w)(?! [A-ZÀ-Ý])", text) if add not in text]
    if not found:
        return None
    at, add = rng.choice(found)
    return text[:at] + " " + add + text[at:]


def amend_qualifier(text: str, lang: str, rng: random.Random) -> Optional[str]:
    """'insert ", as appropriate" after "…"': before a comma or before the final mark."""
    q = rng.choice([q for q in QUALIFIERS[lang] if q not in text] or [None])
    if q is None:
        return None
    body = _body(text)
    spots = [m.start() for m in re.finditer(r",(?= [a-zà-ÿ])", body) if m.start() > len(body) // 4] + [len(body)]
    at = rng.choice(spots)
    return body[:at] + q + body[at:] + text[len(body):]


def amend_add_at_end(text: str, lang: str, rng: random.Random) -> Optional[str]:
    """'add at the end: ", including through …"'."""
    add = rng.choice(ADD_AT_END[lang])
    if add.startswith(f", {AND[lang]} ") and not addressee(text, lang):
        return None                       # ", and to share …" continues an "Urges States to …" only
    if add in text:
        return None
    body = _body(text)
    return body + add + text[len(body):]


def amend_delete(text: str, lang: str, rng: random.Random) -> Optional[str]:
    """'delete "as appropriate"', "delete 'also'"."""
    lead = lead_of(text, "", lang)
    found = [(m.start(), m.end(), ",") if d.endswith(",") else (m.start(), m.end(), "")
             for d in DELETABLE[lang] for m in re.finditer(rf"{re.escape(d)}(?!\w)", text) if m.start() >= len(lead)]
    if not found:
        return None
    s, e, keep = rng.choice(found)
    return text[:s] + keep + text[e:]


def _clause_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """Clauses between two commas (or a comma and the end) of 3–16 words, after the leading words."""
    body = _body(text)
    lead = lead_of(text, "", lang)
    commas = [m.start() for m in re.finditer(r",", body) if m.start() > len(lead) + 10]
    spans = []
    for k, s in enumerate(commas):
        e = commas[k + 1] if k + 1 < len(commas) else len(body)
        if 3 <= len(body[s:e].split()) <= 16:
            spans.append((s, e))
    return spans


def amend_delete_clause(text: str, lang: str, rng: random.Random) -> Optional[str]:
    """'delete ", including …"'."""
    spans = _clause_spans(text, lang)
    if not spans:
        return None
    s, e = rng.choice(spans)
    return text[:s] + text[e:]


def amend_replace_clause(text: str, lang: str, rng: random.Random) -> Optional[str]:
    """'replace ", in consultation with …" by ", with full respect for …"': a clause reworded."""
    spans = _clause_spans(text, lang)
    subs = [a for a in ADD_AT_END[lang] + QUALIFIERS[lang] if not a.startswith(f", {AND[lang]} ") and a not in text]
    if not spans or not subs:
        return None
    s, e = rng.choice(spans)
    return text[:s] + rng.choice(subs) + text[e:]


AMENDMENTS = (amend_verb, amend_synonym, amend_synonym, amend_insert_after, amend_qualifier, amend_add_at_end,
              amend_delete, amend_delete_clause, amend_replace_clause, amend_replace_clause)


def amend(text: str, lang: str, rng: random.Random, lo: float, hi: float, ops: int = 12) -> str:
    """Table amendments to ``text`` until ``lo`` ≤ changed share ≤ ``hi`` (or ``ops`` tries run out); an
    amendment that would overshoot ``hi`` or leave less than MIN_KEPT of the words is withdrawn."""
    out = text
    for _ in range(ops):
        if changed_share(text, out) >= lo:
            break
        cand = rng.choice(AMENDMENTS)(out, lang, rng)
        if cand is None or cand == out:
            continue
        if changed_share(text, cand) <= hi and kept_share(text, cand) >= MIN_KEPT:
            out = cand
    return out


def cross_part(text: str, kind: str, lang: str) -> Optional[tuple[str, str]]:
    """A PP made operative ("Recognizing that …" → "Recognizes that …") or an OP made preambular."""
    table = PP_TO_OP[lang] if kind == "PP" else {v: k for k, v in PP_TO_OP[lang].items()}
    lead = lead_of(text, kind, lang)
    if lead not in table:
        return None
    return table[lead] + text[len(lead):], ("OP" if kind == "PP" else "PP")


def _also(lead: str, lang: str) -> str:
    """"Urges" → "Also urges", "Exhorte" → "Exhorte également", "Insta" → "Insta también"."""
    if lang == "en":
        if lead.endswith(" also"):
            return lead[: -len("also")] + "further"
        if "further" in lead.lower():
            return lead
        if lead.startswith("Also "):
            return "Further " + lead[len("Also "):]
        return lead + " also" if lead.split(" ")[0].endswith("ing") else "Also " + _lower_first(lead)
    word = ALSO[lang]
    if word in lead:
        return lead.replace(word, "en outre" if lang == "fr" else "además")
    return lead + " " + word


def _verb_next(w: str, lang: str) -> bool:
    """Does ``w``, after an infinitive mark, open the asked-for action ("to *consider*", "à *envisager*")?"""
    w = w.strip(",;:.").lower()
    if lang == "en":
        return w.isalpha() and w not in {"the", "a", "an", "all", "their", "its", "this", "these", "those", "be"}
    if lang == "fr":
        return w.endswith(("er", "ir", "re", "oir"))
    return w == "que" or w.endswith(("ar", "er", "ir"))


def addressee(text: str, lang: str) -> Optional[str]:
    """The opening up to the infinitive mark: "Urges Member States to", "Exhorte les États Membres à",
    "Insta a los Estados Miembros a (que)"; None when the paragraph asks no one to do anything."""
    words = text.split(" ")
    for k, w in enumerate(words[2:16], 2):
        if w in INFINITIVE_MARKS[lang] and k + 1 < len(words) and _verb_next(words[k + 1], lang):
            return " ".join(words[:k + 1])
    return None


# =========================================================================== base texts

@dataclass(frozen=True)
class Source:
    """One sample text: its language and complete paragraphs as (text, kind, level)."""

    name: str
    lang: str
    paras: tuple[tuple[str, str, int], ...]


def samples() -> list[Path]:
    """Every sample text in samples/ (Markdown: the .docx/.pdf hold the same French draft)."""
    return sorted(p for p in SAMPLES.glob("*.md") if p.name != "SOURCES.md")


def _complete(text: str, lang: str, level: int) -> bool:
    if not text or text[-1] not in ",;.:":
        return False
    return level > 0 and text[:1].isupper() or lead_of(text, "", lang) in set(PP_LEADS[lang]) | set(OP_LEADS[lang])


@lru_cache(maxsize=None)
def load_source(path: Path) -> Source:
    """The complete paragraphs of a sample (cut ones at an excerpt's edges dropped, with their
    sub-paragraphs), footnote numbers left in the text dropped."""
    doc = load_sample_document(path)
    lang = doc.meta.language or "en"
    out: list[tuple[str, str, int]] = []
    keep_parent = False
    for p in doc.paragraphs:
        text = re.sub(r"(?<=[\w,]) \d{1,2}(?=[,;.:]?$)", "", p.text).strip()     # "Slavery, 4"
        level = p.level
        if re.match(r"^[a-z]\) ", text):            # "a) …": the Spanish texts' sub-paragraph label
            text, level = text[3:], 1
        if level == 0:
            keep_parent = _complete(text, lang, 0) and p.kind in ("PP", "OP")
            if keep_parent:
                out.append((text, p.kind, 0))
        elif keep_parent and _complete(text, lang, level) and level == 1:
            out.append((text, p.kind, 1))
    return Source(path.name, lang, tuple(out))


NEAR = 0.3       # a paragraph with more than 70 % of its words inside another of the text: one is a copy


@lru_cache(maxsize=65536)
def _near(a: str, b: str) -> bool:
    """Too alike to be two paragraphs of one text (the lineage's texts repeat paragraphs year on year,
    and one may hold another whole)."""
    wa, wb = Counter(_words(a)), Counter(_words(b))
    if sum((wa & wb).values()) <= (1.0 - NEAR) * max(min(sum(wa.values()), sum(wb.values())), 1):
        return False            # the bag of words bounds the in-order share: no need to align them
    return max(kept_share(a, b), kept_share(b, a)) > 1.0 - NEAR


def base_text(src: Source, rng: random.Random) -> list[Block]:
    """A whole text on the sample's paragraphs: its own, completed with other complete paragraphs of
    the lineage in the same language (the excerpts are a few paragraphs), then an operative part
    (the sample's own OPs, else the lineage's operative paragraphs) — 7–12 PPs, 8–13 OPs."""
    own = [Block(t, k, lv) for t, k, lv in src.paras]
    others = [s for s in (load_source(p) for p in samples()) if s.lang == src.lang and s.name != src.name]
    pool_pp = [t for s in others for t, k, lv in s.paras if k == "PP" and lv == 0] + PREAMBLE[src.lang]
    pool_op = [t for s in others for t, k, lv in s.paras if k == "OP" and lv == 0] + OPERATIVE[src.lang]
    have = [b.text for b in own]

    def fresh(pool: list[str]) -> list[str]:
        out: list[str] = []
        for t in rng.sample(pool, len(pool)):
            if not any(_near(t, h) for h in have + out):
                out.append(t)
        return out

    n_pp = sum(b.kind == "PP" and not b.level for b in own)
    want_pp = rng.randint(7, 12)
    pps = [Block(t, "PP") for t in fresh(pool_pp)[:max(0, want_pp - n_pp)]]
    ops_own = [b for b in own if b.kind == "OP"]
    n_op = sum(not b.level for b in ops_own)
    want_op = rng.randint(8, 13)
    ops = [Block(t, "OP") for t in fresh(pool_op)[:max(0, want_op - n_op)]]
    head = [b for b in own if b.kind == "PP"]
    # the sample's paragraphs stay in their order; others come before or after them
    cut = rng.randint(0, len(pps))
    blocks = pps[:cut] + head + pps[cut:] + ops_own + ops
    return [Block(b.text, b.kind, b.level, (k,)) for k, b in enumerate(blocks)]


# =========================================================================== documents and truth

def _terminal(blocks: list[Block]) -> list[str]:
    """Texts with the marks their place calls for: PP ",", OP ";", the last OP ".", a chapeau ":"."""
    last_op = max((k for k, b in enumerate(blocks) if b.kind == "OP"), default=-1)
    out = []
    for k, b in enumerate(blocks):
        chapeau = k + 1 < len(blocks) and blocks[k + 1].level > b.level
        body = _body(b.text)
        if chapeau:
            mark = ":" if not body.endswith(":") else ""
        elif b.kind == "PP":
            mark = ","
        else:
            mark = "." if k == last_op else ";"
        out.append(body + mark)
    return out


def _ids(blocks: list[Block]) -> list[tuple[str, Optional[str]]]:
    out: list[tuple[str, Optional[str]]] = []
    pp = op = 0
    parent: Optional[str] = None
    sub = 0
    for b in blocks:
        if b.level == 0:
            if b.kind == "PP":
                pp += 1
                parent = f"PP{pp}"
            else:
                op += 1
                parent = f"OP{op}"
            sub = 0
            out.append((parent, None))
        else:
            pid = parent or "PP0"
            out.append((f"{pid}({'abcdefghijklmnopqrstuvwxyz'[sub]})", pid))
            sub += 1
    return out


def document(blocks: list[Block], lang: str, label: str) -> Document:
    texts = _terminal(blocks)
    paras = []
    for b, t, (pid, parent) in zip(blocks, texts, _ids(blocks)):
        number = pid.rsplit("(", 1)[-1].rstrip(")") if b.level else re.sub(r"\D", "", pid)
        paras.append(Paragraph(id=pid, kind=b.kind, number=number, text=t, level=b.level, parent=parent,
                               leading=lead_of(t, b.kind, lang)))
    return Document(meta=Metadata(language=lang, doc_type="draft resolution"), paragraphs=paras, label=label,
                    has_opener=True)


def finish(old: list[Block], new: list[Block], lang: str, label: str
           ) -> tuple[Document, Document, list[TruthGroup]]:
    """Both documents and the truth: a new block with several sources is a merge, an old paragraph
    with several descendants a split, one to one an unchanged or modified paragraph."""
    od, nd = document(old, lang, f"{label}-old"), document(new, lang, f"{label}-new")
    oid = [p.id for p in od.paragraphs]
    nid = [p.id for p in nd.paragraphs]
    groups = groups_by_source(new)
    order = set(longest_increasing_subsequence([g[0][0] for g in groups]))   # what kept its order
    truth = []
    for k, (o, n, tag) in enumerate(groups):
        ot = " ".join(od.paragraphs[i].text for i in o)
        nt = " ".join(nd.paragraphs[j].text for j in n)
        kind = "merged" if len(o) > 1 else "split" if len(n) > 1 else ("unchanged" if ot == nt else "modified")
        lo, ln = od.paragraphs[o[0]].leading, nd.paragraphs[n[0]].leading
        truth.append(TruthGroup(tuple(oid[i] for i in o), tuple(nid[j] for j in n), kind, k not in order,
                                ot != nt, oid[o[0]] != nid[n[0]], (lo, ln) if lo != ln else None, tag))
    covered = {i for o, _, _ in groups for i in o}
    truth += [TruthGroup((oid[i],), (), "deleted", False, False, tag=old[i].tag)
              for i in range(len(old)) if i not in covered]
    truth += [TruthGroup((), (nid[j],), "inserted", False, False, tag=b.tag) for j, b in enumerate(new) if not b.src]
    return od, nd, truth

# =========================================================================== where things may go

def _free(new: list[Block], j: int, kind: Optional[str] = None, min_words: int = 0) -> bool:
    """Untouched so far, a whole paragraph without sub-paragraphs, not a procedural one-liner."""
    b = new[j]
    return (b.level == 0 and len(b.src) == 1 and not b.tag and (kind is None or b.kind == kind)
            and not (j + 1 < len(new) and new[j + 1].level) and len(_words(b.text)) >= min_words)


def _pick(new: list[Block], rng: random.Random, kind: Optional[str] = None, min_words: int = 0) -> Optional[int]:
    cands = [j for j in range(len(new)) if _free(new, j, kind, min_words) and not _one_liner(new[j])]
    return rng.choice(cands) if cands else None


def _slots(new: list[Block], kind: str) -> list[int]:
    """Where a whole paragraph of ``kind`` can be placed: before a paragraph of that part, or at the
    end of the part (never between a chapeau and its list)."""
    first_op = next((k for k, b in enumerate(new) if b.kind == "OP"), len(new))
    lo, hi = (0, first_op) if kind == "PP" else (first_op, len(new))
    return [k for k in range(lo, hi) if new[k].level == 0] + [hi]


def _place(new: list[Block], block: Block, rng: random.Random, away_from: Optional[int] = None,
           far: int = 3, at_end: bool = False) -> int:
    """Insert ``block`` in its part, ``far`` slots or more from ``away_from`` when it can be; returns
    its index."""
    slots = _slots(new, block.kind)
    if at_end:
        k = slots[-1]
    else:
        good = [k for k in slots if away_from is None or abs(k - away_from) >= far]
        k = rng.choice(good or slots)
    new.insert(k, block)
    return k


# =========================================================================== one-liners

def _one_liner(b: Block) -> bool:
    return b.tag == "one-liner"


def _fill(tpl: str, lang: str, s: int, r: int, i: int) -> str:
    return tpl.format(s=ORDINALS[lang][s % len(ORDINALS[lang])], r=REPORTS[lang][r % len(REPORTS[lang])],
                      i=ITEMS[lang][i % len(ITEMS[lang])])


@dataclass
class OneLiner:
    """A procedural one-liner by its template and slots, so a revision can move its session on."""

    tpl: int
    s: int
    r: int
    i: int
    swaps: tuple[int, ...] = ()

    def text(self, lang: str) -> str:
        t = _fill(ONE_LINERS[lang][self.tpl], lang, self.s, self.r, self.i)
        for k in self.swaps:
            a, b = ONE_LINER_SWAPS[lang][k]
            t = t.replace(a, b, 1)
        return t


def one_liner_block(lang: str, rng: random.Random) -> list[OneLiner]:
    """4–6 one-liners closing the operative part, at least two pairs built on one template."""
    n_tpl = len(ONE_LINERS[lang])
    seized = n_tpl - 1
    tpls = rng.sample(range(seized), 3)
    tpls += [rng.choice(tpls), rng.choice(range(seized))][: rng.randint(1, 2)]
    s0 = rng.randrange(0, 8)
    out: list[OneLiner] = []
    for t in tpls:               # no two with one text: a reader could not tell which one went where
        for _ in range(20):
            ol = OneLiner(t, s0 + rng.randint(0, 1), rng.randrange(6), rng.randrange(4))
            if ol.text(lang) not in {x.text(lang) for x in out}:
                out.append(ol)
                break
    rng.shuffle(out)
    if rng.random() < 0.5:
        out.append(OneLiner(seized, 0, 0, 0))
    return out


def _peel_ok(pairs: list[tuple[str, str]], old_all: list[str], new_all: list[str], margin: float = 0.08) -> bool:
    """Each kept one-liner is clearly closer to its own old text than to any other old one-liner, and
    the old one closer to its own new text than to any other new one: a reader would pair them so."""
    for o, n in pairs:
        own = changed_share(o, n)
        if any(changed_share(x, n) - margin < own for x in old_all if x != o):
            return False
        if any(changed_share(o, y) - margin < own for y in new_all if y != n):
            return False
    return True


def revise_one_liners(old: list[Block], new: list[Block], lang: str, rng: random.Random, tag: str,
                      block: list[OneLiner]) -> None:
    """Next session's edits to the one-liner block: sessions moved on, "Takes note" warmed to
    "Welcomes", one or two moved within the block, one dropped, one added on a template already there.
    Retried until the truth is believable; the block is left as it was if no try is."""
    idx = [k for k, b in enumerate(new) if _one_liner(b)]
    if not idx:
        return
    start = idx[0]          # stories may have placed a paragraph among them: it goes after the block
    old_texts = [new[k].text for k in idx]
    for _ in range(30):
        shift = rng.choice([0, 1, 1, 2])
        revised = []
        for ol in block:
            sw = list(ol.swaps)
            if rng.random() < 0.45:
                sw.append(rng.randrange(len(ONE_LINER_SWAPS[lang])))
            # the report stays: a note of another report is another paragraph, not this one edited
            revised.append(OneLiner(ol.tpl, ol.s + shift, ol.r, ol.i, tuple(sw)))
        items: list[tuple[Optional[int], OneLiner]] = list(enumerate(revised))
        dropped: Optional[int] = None
        if rng.random() < 0.35 and len(items) > 3:
            dropped = rng.randrange(len(items) - 1)
            items.pop(dropped)
        if rng.random() < 0.45:
            twin = rng.choice(block)
            if twin.tpl != len(ONE_LINERS[lang]) - 1:
                items.insert(rng.randrange(len(items)), (None, OneLiner(twin.tpl, twin.s + shift + 1,
                                                                        twin.r + 2, twin.i + 1)))
        last = items.pop() if items[-1][1].tpl == len(ONE_LINERS[lang]) - 1 else None    # "remain seized" stays last
        for _ in range(rng.randint(1, 2)):
            a = rng.randrange(len(items))
            it = items.pop(a)
            items.insert(rng.randrange(len(items) + 1), it)
        items += [last] if last else []
        texts = [(k, ol.text(lang)) for k, ol in items]
        plain = [t for _, t in texts]
        if len(set(plain)) < len(plain) or any(t in old_texts and (k is None or old_texts[k] != t) for k, t in texts):
            continue                     # two paragraphs with one text: no truth a reader would agree on
        gone = [old_texts[dropped]] if dropped is not None else []
        added = [t for k, t in texts if k is None]
        if any(changed_share(x, y) < 0.35 for x in gone for y in added):
            continue                     # "dropped one, added its twin" reads as one paragraph edited
        if _peel_ok([(old_texts[k], t) for k, t in texts if k is not None], old_texts, plain):
            break
    else:
        return
    srcs = [new[k].src for k in idx]
    for s in srcs:
        old[s[0]].tag = tag
    rest = [b for k, b in enumerate(new) if k not in set(idx)]
    new[:] = rest[:start] + [Block(t, "OP", 0, srcs[k] if k is not None else (), tag) for k, t in texts] + rest[start:]


# =========================================================================== the classes

def _far_apart(a: str, b: str) -> bool:
    """Sharing so few words that neither could be taken for the other (skips the exact measure)."""
    wa, wb = Counter(_words(a)), Counter(_words(b))
    return 1.0 - 2.0 * sum((wa & wb).values()) / max(sum(wa.values()) + sum(wb.values()), 1) > 0.7


def story_moved_edited(old: list[Block], new: list[Block], lang: str, rng: random.Random, tag: str,
                       pool: Sequence[str] = ()) -> bool:
    """A paragraph reworded (several amendments, 15–50 % of its words; the hardest half 30–50 %) and
    moved far: within its part, across it (a PP made operative, an OP preambular) or to the end.  Now
    and then the round also drops another paragraph with the same leading verb, or puts a new one with
    that verb where the moved one was."""
    done = False
    for _ in range(1 if rng.random() < 0.7 else 2):
        j = _pick(new, rng, min_words=12)
        if j is None:
            break
        b = new.pop(j)
        lo, hi = (rng.uniform(0.30, 0.45), 0.50) if rng.random() < 0.5 else (rng.uniform(0.15, 0.25), 0.30)
        others = [x.text for x in old if x.src != b.src]
        for _ in range(6):       # the reworded text is still plainly its own paragraph's, not a neighbour's
            text = amend(b.text, lang, rng, lo, hi, ops=40)
            own = changed_share(b.text, text)
            if all(changed_share(o, text) - 0.1 > own for o in others if not _far_apart(o, text)):
                break
            lo, hi = lo * 0.7, hi * 0.7
        else:
            text = b.text
        kind = b.kind
        how = rng.random()
        crossed = cross_part(text, kind, lang) if how < 0.3 else None
        if crossed:
            text, kind = crossed
        if text == b.text:
            text = amend(text, lang, rng, 0.1, 0.3)
        moved = Block(text, kind, 0, b.src, tag)
        far = max(3, len(new) // 6)
        verb = lead_of(text, kind, lang).split(" ")[0]
        twins = [k for k in _slots(new, kind) if (crossed or abs(k - j) >= far) and any(
            0 <= x < len(new) and new[x].level == 0 and new[x].kind == kind
            and lead_of(new[x].text, kind, lang).split(" ")[0] == verb for x in (k - 1, k))]
        if twins and 0.45 <= how < 0.75:          # among paragraphs with the same leading verb
            new.insert(rng.choice(twins), moved)
        else:
            _place(new, moved, rng, away_from=None if crossed else j, far=far,
                   at_end=(not crossed and kind == "OP" and 0.3 <= how < 0.45))
        old_verb = lead_of(b.text, b.kind, lang).split(" ")[0]
        if rng.random() < 0.35:
            rivals = [k for k in range(len(new)) if _free(new, k) and not _one_liner(new[k])
                      and lead_of(new[k].text, new[k].kind, lang).split(" ")[0] in (verb, old_verb)]
            if rivals:
                del new[rng.choice(rivals)]
        if rng.random() < 0.35:
            have = [x.text for x in new] + [x.text for x in old]
            fresh = [t for t in pool if lead_of(t, b.kind, lang).split(" ")[0] == old_verb
                     and not any(_near(t, h) or _akin(t, h) for h in have)]
            if fresh and j <= len(new) and (j == len(new) or new[j].level == 0) and (
                    (new[j].kind if j < len(new) else new[-1].kind) == b.kind):
                new.insert(j, Block(rng.choice(fresh), b.kind))
        done = True
    return done


def cut_in_two(text: str, kind: str, lang: str, rng: random.Random) -> Optional[tuple[str, str]]:
    """A paragraph cut at a clause, the second part made a paragraph of its own: "Urges States to A,
    and to B;" → "Urges States to A;" + "Also urges States to B;"."""
    lead = lead_of(text, kind, lang)
    body = _body(text)
    opening = addressee(body, lang)
    cands = []
    for conn in CUTS[lang]:
        for m in re.finditer(re.escape(conn), body):
            head, rest = body[:m.start()], body[m.end():]
            if len(_words(head)) < 8 or len(_words(rest)) < 6 or m.start() <= len(lead):
                continue
            mark = conn.strip(" ,;").split(" ")[-1]
            first = rest.split(" ", 1)[0]
            if mark in INFINITIVE_MARKS[lang] and opening and m.start() > len(opening):
                middle = opening[len(lead):].rsplit(" ", 1)[0]
                tail = f"{_also(lead, lang)}{middle} {mark} {rest}"
            elif lead_of(_upper_first(rest), "OP", lang) in OP_LEADS[lang] and first[:1].islower():
                tail = _upper_first(rest)
            elif first in INFINITIVE_MARKS[lang] + ("that", "que", "qu'il"):
                middle = opening[len(lead):].rsplit(" ", 1)[0] if opening and first != "that" else ""
                tail = f"{_also(lead, lang)}{middle} {rest}"
            else:
                continue
            cands.append((head, tail))
    return rng.choice(cands) if cands else None


def story_split(old: list[Block], new: list[Block], lang: str, rng: random.Random, tag: str) -> bool:
    """A clause split off as a paragraph of its own, next to it or placed elsewhere; either part may
    be touched up in the same round."""
    cands = [j for j in range(len(new)) if _free(new, j, min_words=22) and not _one_liner(new[j])]
    rng.shuffle(cands)
    for j in cands:
        parts = cut_in_two(new[j].text, new[j].kind, lang, rng)
        if not parts:
            continue
        head, tail = parts
        if rng.random() < 0.5:
            head = amend(head, lang, rng, 0.05, 0.2, ops=3)
        if rng.random() < 0.5:
            tail = amend(tail, lang, rng, 0.05, 0.2, ops=3)
        b = new[j]
        new[j] = Block(head, b.kind, 0, b.src, tag)
        tb = Block(tail, b.kind, 0, b.src, tag)
        if rng.random() < 0.6:
            new.insert(j + 1, tb)
        else:
            _place(new, tb, rng, away_from=j, far=3)
        old[b.src[0]].tag = tag
        return True
    return False


def _same_topic(a: Block, b: Block, lang: str) -> float:
    la, lb = lead_of(a.text, a.kind, lang), lead_of(b.text, b.kind, lang)
    core = lambda l: l.replace("Also ", "").replace(" also", "").split(" ")[0].lower()  # noqa: E731
    return (2.0 * (core(la) == core(lb)) + (1 - changed_share(a.text, b.text))
            + (addressee(a.text, lang) == addressee(b.text, lang) is not None))


def story_merge(old: list[Block], new: list[Block], lang: str, rng: random.Random, tag: str) -> bool:
    """Two paragraphs on one topic (same leading verb or addressee, near each other) merged into one,
    each trimmed first: "Urges States to A;" + "Urges States to B;" → "Urges States to A, and to B;"."""
    free = [j for j in range(len(new)) if _free(new, j, min_words=8) and not _one_liner(new[j])]
    pairs = [(j, k) for j in free for k in free if j < k <= j + 5 and new[j].kind == new[k].kind]
    if not pairs:
        return False
    pairs.sort(key=lambda p: -_same_topic(new[p[0]], new[p[1]], lang))
    j, k = rng.choice(pairs[:3])
    a, b = new[j], new[k]
    ta, tb = a.text, b.text
    for trim in (amend_delete_clause, amend_delete):
        if rng.random() < 0.6:
            ta = trim(ta, lang, rng) or ta
        if rng.random() < 0.6:
            tb = trim(tb, lang, rng) or tb
    if ta == a.text and tb == b.text:
        ta = amend_delete_clause(ta, lang, rng) or amend_delete(ta, lang, rng) or ta
    oa, ob = addressee(ta, lang), addressee(tb, lang)
    lb = lead_of(tb, b.kind, lang)
    if oa and oa == ob:
        mark = oa.rsplit(" ", 1)[-1]
        joined = f"{_body(ta)}, {AND[lang]} {mark} {_body(tb)[len(ob):].lstrip()}"
    else:
        joined = f"{_body(ta)}, {AND[lang]} {_lower_first(_also(lb, lang))}{_body(tb)[len(lb):]}"
    if min(kept_share(a.text, joined), kept_share(b.text, joined)) < MIN_KEPT:
        return False
    new[j] = Block(joined, a.kind, 0, a.src + b.src, tag)
    del new[k]
    old[a.src[0]].tag = old[b.src[0]].tag = tag
    return True


def to_list(text: str, kind: str, lang: str, rng: random.Random) -> Optional[tuple[str, list[str]]]:
    """"Urges States to A, to B and to C;" → chapeau "Urges States:" and items "To A;", "To B;", "To C;"."""
    body = _body(text)
    opening = addressee(body, lang)
    if not opening:
        return None
    mark = opening.rsplit(" ", 1)[-1]
    rest = body[len(opening):].strip()
    # an item starts where the text takes up the infinitive again: ", and to …", " and to …"
    cuts = [m for m in re.finditer(rf"(?:,\s+(?:{AND[lang]}\s+)?|\s+{AND[lang]}\s+)(?={re.escape(mark)}\s+(\S+))", rest)
            if _verb_next(m.group(1), lang)]          # not ", a fin de …": the mark must open an action
    bounds = [0] + [x for m in cuts for x in (m.start(), m.end())] + [len(rest)]
    segs = [rest[bounds[k]:bounds[k + 1]] for k in range(0, len(bounds), 2) if rest[bounds[k]:bounds[k + 1]]]
    items: list[str] = []
    for s in segs:
        if items and (len(_words(items[-1])) < 5 or len(_words(s)) < 4):
            items[-1] = items[-1] + " " + AND[lang] + " " + s
        else:
            items.append(s)
    if len(items) > 4:
        items = items[:3] + [", ".join(items[3:])]
    if len(items) < 2 or len(_words(items[-1])) < 4:
        return None
    if lang == "es":
        chapeau = opening
        items = [_upper_first(re.sub(rf"^{mark}\s+", "", s)) for s in items]
    else:
        chapeau = opening[: -len(mark)].rstrip()
        items = [_upper_first(mark + " " + re.sub(rf"^{re.escape(mark)}\s+", "", s)) for s in items]
    return chapeau + ":", items


def fold(chapeau: str, items: list[str], lang: str) -> str:
    """A chapeau and its items written as one paragraph again."""
    parts = [_lower_first(_body(t)) for t in items]
    joined = ", ".join(parts[:-1]) + f" {AND[lang]} " + parts[-1] if len(parts) > 1 else parts[0]
    head = _body(chapeau)
    return f"{head} {joined}"


def make_list(blocks: list[Block], lang: str, rng: random.Random) -> bool:
    """Before the round: an operative paragraph of the base written as a chapeau and a list (so that
    the round can fold it back)."""
    for j in rng.sample(range(len(blocks)), len(blocks)):
        b = blocks[j]
        if b.level or b.kind != "OP" or (j + 1 < len(blocks) and blocks[j + 1].level) or len(_words(b.text)) < 22:
            continue
        res = to_list(b.text, b.kind, lang, rng)
        if res:
            chapeau, items = res
            blocks[j:j + 1] = [Block(chapeau, "OP")] + [Block(t, "OP", 1) for t in items]
            return True
    return False


def story_restructure(old: list[Block], new: list[Block], lang: str, rng: random.Random, tag: str,
                      direction: str) -> bool:
    """OP → chapeau + (a)–(c) (an item may be added or touched up), or a list folded back into one
    paragraph (and touched up)."""
    if direction == "to_list":
        cands = [j for j in range(len(new)) if _free(new, j, min_words=22) and not _one_liner(new[j])]
        rng.shuffle(cands)
        for j in cands:
            res = to_list(new[j].text, new[j].kind, lang, rng)
            if not res:
                continue
            chapeau, items = res
            if rng.random() < 0.4:
                k = rng.randrange(len(items))
                items[k] = amend(items[k], lang, rng, 0.05, 0.25, ops=3)
            b = new[j]
            blocks = [Block(chapeau, b.kind, 0, b.src, tag)] + [Block(t, b.kind, 1, b.src, tag) for t in items]
            joins = [a[len(f", {AND[lang]} "):] for a in ADD_AT_END[lang] if a.startswith(f", {AND[lang]} ")]
            if joins and rng.random() < 0.3:         # a delegation adds an item
                extra = rng.choice(joins)
                blocks.append(Block(_upper_first(extra[2:] if lang == "es" else extra), b.kind, 1, (), tag))
            new[j:j + 1] = blocks
            old[b.src[0]].tag = tag
            return True
        return False
    starts = [j for j in range(len(new) - 1) if new[j].level == 0 and new[j + 1].level == 1
              and len(new[j].src) == 1 and not new[j].tag]
    if not starts:
        return False
    j = rng.choice(starts)
    e = j + 1
    while e < len(new) and new[e].level == 1:
        e += 1
    parts = [b.text for b in new[j:e]]
    text = fold(parts[0], parts[1:], lang)
    if rng.random() < 0.5:
        edited = amend(text, lang, rng, 0.05, 0.2, ops=3)
        if all(kept_share(p, edited) >= MIN_KEPT for p in parts):     # no item amended away
            text = edited
    src = tuple(s for b in new[j:e] for s in b.src)
    new[j:e] = [Block(text, new[j].kind, 0, src, tag)]
    for s in src:
        old[s].tag = tag
    return True


def story_insert(old: list[Block], new: list[Block], lang: str, rng: random.Random, tag: str,
                 pool: list[str]) -> bool:
    """A new paragraph proposed by a delegation (a real paragraph of the lineage not in the text)."""
    have = [b.text for b in new] + [b.text for b in old]
    fresh = [t for t in pool if not any(_near(t, h) or _akin(t, h) for h in have)]
    if not fresh:
        return False
    t = rng.choice(fresh)
    kind = "OP" if lead_of(t, "", lang) in OP_LEADS[lang] else "PP"
    _place(new, Block(t, kind, 0, (), tag), rng)
    return True


def _akin(a: str, b: str) -> bool:
    """Half of either's words in the other: a new paragraph that a reader would take for an old one
    reworded (so the truth could not call it new)."""
    return not _far_apart(a, b) and max(kept_share(a, b), kept_share(b, a)) >= 0.5


def story_delete(old: list[Block], new: list[Block], lang: str, rng: random.Random, tag: str) -> bool:
    j = _pick(new, rng)
    if j is None:
        return False
    old[new[j].src[0]].tag = tag
    del new[j]
    return True


def noise(old: list[Block], new: list[Block], lang: str, rng: random.Random, tag: str, pool: list[str]) -> None:
    """The rest of the round: light amendments elsewhere, now and then a new paragraph or a deletion."""
    for _ in range(rng.randint(1, 3)):
        j = _pick(new, rng)
        if j is not None:
            b = new[j]
            new[j] = Block(amend(b.text, lang, rng, 0.03, 0.15, ops=3), b.kind, 0, b.src, tag or "")
            if tag:
                old[b.src[0]].tag = tag
    if rng.random() < 0.35:
        story_insert(old, new, lang, rng, tag, pool)
    if rng.random() < 0.3:
        story_delete(old, new, lang, rng, tag)


# =========================================================================== cases

@lru_cache(maxsize=None)
def sources() -> tuple[Source, ...]:
    return tuple(load_source(p) for p in samples())


def _pool(src: Source) -> list[str]:
    """Paragraphs a delegation might propose: the lineage's, in the text's language."""
    out = [t for s in sources() if s.lang == src.lang for t, _, lv in s.paras if lv == 0]
    return out + PREAMBLE[src.lang] + OPERATIVE[src.lang]


def make_class_case(cls: str, rng: random.Random, src: Optional[Source] = None
                    ) -> tuple[Document, Document, list[TruthGroup]]:
    """One revision of a text built on a sample (``src``, else one drawn by ``rng``) holding the class
    ``cls`` over a round's other amendments; the class's truth groups carry ``tag == cls``."""
    src = src or rng.choice(sources())
    lang = src.lang
    base = base_text(src, rng)
    direction = rng.choice(["to_list", "back"])
    if cls == "restructure" and direction == "back" and not any(b.level for b in base):
        make_list(base, lang, rng)
    if cls == "mixed" and rng.random() < 0.5:
        make_list(base, lang, rng)
    block: list[OneLiner] = []
    if cls in ("short_lookalikes", "mixed") or rng.random() < 0.4:
        block = one_liner_block(lang, rng)
        base += [Block(ol.text(lang), "OP", 0, (), "one-liner") for ol in block]
    old = [Block(b.text, b.kind, b.level, (k,), "one-liner" if _one_liner(b) else "") for k, b in enumerate(base)]
    new = [Block(b.text, b.kind, b.level, b.src, b.tag) for b in old]
    for b in old:
        if _one_liner(b):
            b.tag = ""
    pool = _pool(src)
    if cls == "moved_edited":
        story_moved_edited(old, new, lang, rng, cls, pool)
    elif cls == "split":
        story_split(old, new, lang, rng, cls)
    elif cls == "merge":
        story_merge(old, new, lang, rng, cls)
    elif cls == "restructure":
        if not story_restructure(old, new, lang, rng, cls, direction):
            story_restructure(old, new, lang, rng, cls, "to_list" if direction == "back" else "back")
    elif cls == "short_lookalikes":
        revise_one_liners(old, new, lang, rng, cls, block)
    elif cls == "mixed":
        if block:
            revise_one_liners(old, new, lang, rng, cls, block)
        story_moved_edited(old, new, lang, rng, cls, pool)
        (story_split if rng.random() < 0.5 else story_merge)(old, new, lang, rng, cls)
        story_restructure(old, new, lang, rng, cls, "back" if any(b.level for b in new) else "to_list")
        story_insert(old, new, lang, rng, cls, pool)
        story_delete(old, new, lang, rng, cls)
    else:
        raise ValueError(f"unknown class {cls!r}; known: {', '.join(CLASSES)}")
    if block and cls not in ("short_lookalikes", "mixed") and rng.random() < 0.5:
        revise_one_liners(old, new, lang, rng, "", block)
    for b in new:
        if _one_liner(b):
            b.tag = ""
    noise(old, new, lang, rng, cls if cls == "mixed" else "", pool)
    return finish(old, new, lang, f"amendments-{cls}-{src.name}")


def generate_class_pairs(n_per_class: int, seed: int, classes: Sequence[str] = CLASSES
                         ) -> list[tuple[str, Document, Document, list[TruthGroup]]]:
    """``n_per_class`` (class, old, new, truth) cases of each class, deterministic in ``seed``; case i
    of a class is built on sample i (cycling), so every sample text is a base."""
    srcs = sources()
    out = []
    for cls in classes:
        for i in range(n_per_class):
            rng = random.Random(f"amendments:{seed}:{cls}:{i}")
            out.append((cls, *make_class_case(cls, rng, srcs[i % len(srcs)])))
    return out


def generate_pairs(n: int, seed: int) -> list[tuple[Document, Document, list[TruthGroup]]]:
    """``n`` (old, new, truth) revisions, the classes and the samples in turn."""
    srcs = sources()
    out = []
    for i in range(n):
        cls = CLASSES[i % len(CLASSES)]
        rng = random.Random(f"amendments-pairs:{seed}:{i}")
        out.append(make_class_case(cls, rng, srcs[i % len(srcs)]))
    return out
