"""The tool's own words in the documents it writes, in the document's language.

A French redline whose summary reads "Counts: unchanged 25" breaks the text a
delegation sends to its capital, so the redline summary and the compilation
table's headings speak the document's language.  One table, :data:`WORDS`,
holds every such phrase (English, French, Spanish); a language it does not
know falls back to English phrase by phrase.  The app and the CLI's text views
stay in English (the user's interface), only exported documents change.
"""
from __future__ import annotations

from typing import Optional

from ..model import HEADER_FIELDS, HeaderComparison, Pair

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "changes_from": "Changes from {old} to {new}",
        "fragment": " (excerpt)",
        "counts": "Counts: ",
        "no_paragraphs": "Counts: no paragraphs.",
        "unchanged": "unchanged", "modified": "modified", "inserted": "new", "deleted": "deleted",
        "split": "split", "merged": "merged", "moved": "moved", "renumbered": "renumbered",
        "leading_changed": "leading word changed", "PP↔OP": "PP↔OP",
        "n_unchanged": "unchanged", "n_modified": "modified", "n_inserted": "new", "n_deleted": "deleted",
        "n_split": "split", "n_merged": "merged", "n_moved": "moved", "n_renumbered": "renumbered",
        "n_leading_changed": "leading word changed",
        "footnote changed": "footnote changed", "n_footnotes_changed": "footnote changed",
        "uncertain": "uncertain", "n_uncertain": "uncertain", "cut in this copy": "cut in this copy",
        "footnote_added": "footnote added", "footnote_removed": "footnote removed", "footnote": "footnote",
        "footnote_moved": "footnote moved to other words",
        "renumbered_only": "Renumbered only, text unchanged (no revision marks): ",
        "outside_shown": "Outside the compared excerpt, shown untracked in grey and marked “{mark}” "
                         "(neither deleted nor inserted): {old_label} {old}; {new_label} {new}.",
        "outside_omitted": "Outside the compared excerpt, left out of this document "
                           "(neither deleted nor inserted): {old_label} {old}; {new_label} {new}.",
        "outside_mark": "outside the excerpt",
        "renumbered_only_typed": "Renumbered only, text unchanged (only a typed number is marked): ",
        "minor_author": "{a} (minor)",
        "tracked_by": "Tracked changes by “{a}”; typographic and other minor variants by “{m}”. ",
        "moves_as_moves": "Moved paragraphs are tracked as moves. ",
        "moves_as_del_ins": "Moved paragraphs are tracked as a deletion and an insertion. ",
        "numbers_auto": "Operative paragraphs use automatic numbering, so renumbering alone carries no mark. ",
        "numbers_typed": "Paragraph numbers are typed: a renumbering shows the old number deleted and the new "
                         "one inserted. ",
        "not_the_text": "This summary is not part of the resolution text.",
        "header": "Header: ",
        "no_header_change": "Header, sponsors and title: no change.",
        "title": "title", "symbol": "symbol", "date": "date", "session": "session", "committee": "committee",
        "agenda_item": "agenda item", "doc_type": "document type", "distribution": "distribution",
        "sponsors_added": "sponsors added", "sponsors_removed": "sponsors removed",
        "table_title": "Compilation table: ",
        "table_legend": "Changes against the previous column: ",
        "ins_word": "inserted", "del_word": "deleted",
        "deleted_note": "(deleted) ",
        "restored_note": "(restored) ",
        "restored_from": "(restored; changes against {where}) ", "restored_same": "(restored as in {where}) ",
        "not_in_excerpt": "(not in this excerpt)",
        "header_row": "Header",
        "page_line_removed": "{what}: {text} removed ({how}).", "page_line_added": "{what}: {text} added ({how}).",
        "page header": "Page header", "page footer": "Page footer", "page header or footer": "Page header or footer",
        "tracked_in_header": "tracked in the page header", "tracked_in_footer": "tracked in the page footer",
        "not_tracked": "not tracked", "page_of": "page &P of &N",
        "sponsors": "sponsors",
        "gap": "[… text not available in this copy …]",
        "unknown_number": "PP?n: the n-th preambular paragraph after a gap in an excerpt — its true number is "
                          "unknown because text before it is missing.",
        "appendix_title": "Agreed language in {label}",
        "appendix_overall": "Overall {agreed} of {words} words ({share}) are agreed language: runs of at least "
                            "{min} words found verbatim (case, typography and punctuation aside) in earlier adopted "
                            "texts{before}.{drafts} Paragraphs: {whole} wholly agreed, {partly} partly, {new} entirely "
                            "new.",
        "appendix_before_session": "; only texts before session {x}",
        "appendix_before": "; only texts before {x}",
        "appendix_drafts": " A further {n} words ({share}) are found only in earlier drafts: negotiated before, but "
                           "not agreed language.",
        "appendix_used": "Traced against: {used}.", "appendix_nothing": "nothing",
        "appendix_note": "Note: {w}.",
        "appendix_not_text": "This appendix is not part of the resolution text and is not tracked.",
        "appendix_head": "Paragraph|Agreed share|Sources (document and paragraph)|New wording",
        "appendix_new_share": "0 % (new)", "appendix_draft_share": " (+{share} from earlier drafts)",
        "appendix_draft_ref": " (draft)", "appendix_more": " (+{n} more)",
        "appendix_closest": "none verbatim; closest: {ref} (similarity {sim})",
        "appendix_no_source": "none (nothing similar in the earlier texts)",
        "appendix_all_agreed": "— (all agreed language)", "appendix_all_new": "entirely new",
        "new_version": "the new version",
    },
    "fr": {
        "changes_from": "Modifications de {old} à {new}",
        "fragment": " (extrait)",
        "counts": "Décompte : ",
        "no_paragraphs": "Décompte : aucun paragraphe.",
        "unchanged": "inchangé", "modified": "modifié", "inserted": "nouveau", "deleted": "supprimé",
        "split": "scindé", "merged": "fusionné", "moved": "déplacé", "renumbered": "renuméroté",
        "leading_changed": "mot initial changé", "PP↔OP": "PP↔OP",
        "n_unchanged": "inchangés", "n_modified": "modifiés", "n_inserted": "nouveaux", "n_deleted": "supprimés",
        "n_split": "scindés", "n_merged": "fusionnés", "n_moved": "déplacés", "n_renumbered": "renumérotés",
        "n_leading_changed": "mot initial changé",
        "footnote changed": "note modifiée", "n_footnotes_changed": "note modifiée",
        "uncertain": "incertain", "n_uncertain": "incertains", "cut in this copy": "coupé dans cette copie",
        "footnote_added": "note ajoutée", "footnote_removed": "note supprimée", "footnote": "note",
        "footnote_moved": "appel de note déplacé",
        "renumbered_only": "Seulement renumérotés, texte inchangé (sans marque de révision) : ",
        "outside_shown": "Hors de l’extrait comparé, affichés sans suivi en gris et marqués « {mark} » "
                         "(ni supprimés ni insérés) : {old_label} {old} ; {new_label} {new}.",
        "outside_omitted": "Hors de l’extrait comparé, omis dans ce document "
                           "(ni supprimés ni insérés) : {old_label} {old} ; {new_label} {new}.",
        "outside_mark": "hors de l’extrait",
        "renumbered_only_typed": "Seulement renumérotés, texte inchangé (seul un numéro saisi est marqué) : ",
        "minor_author": "{a} (mineur)",
        "tracked_by": "Modifications suivies par « {a} » ; variantes typographiques et mineures par « {m} ». ",
        "moves_as_moves": "Les paragraphes déplacés sont suivis comme déplacements. ",
        "moves_as_del_ins": "Les paragraphes déplacés sont suivis comme une suppression et une insertion. ",
        "numbers_auto": "Les paragraphes du dispositif sont numérotés automatiquement : une renumérotation seule "
                        "ne porte aucune marque. ",
        "numbers_typed": "Les numéros des paragraphes sont saisis comme texte : une renumérotation montre l’ancien "
                         "numéro supprimé et le nouveau inséré. ",
        "not_the_text": "Ce résumé ne fait pas partie du texte de la résolution.",
        "header": "En-tête : ",
        "no_header_change": "En-tête, auteurs et titre : aucune modification.",
        "title": "titre", "symbol": "cote", "date": "date", "session": "session", "committee": "commission",
        "agenda_item": "point de l’ordre du jour", "doc_type": "type de document", "distribution": "distribution",
        "sponsors_added": "auteurs ajoutés", "sponsors_removed": "auteurs retirés",
        "table_title": "Tableau de compilation : ",
        "table_legend": "Modifications par rapport à la colonne précédente : ",
        "ins_word": "insertions", "del_word": "suppressions",
        "deleted_note": "(supprimé) ",
        "restored_note": "(rétabli) ",
        "restored_from": "(rétabli ; modifications par rapport à {where}) ", "restored_same": "(rétabli tel que dans {where}) ",
        "not_in_excerpt": "(absent de cet extrait)",
        "header_row": "En-tête",
        "page_line_removed": "{what} : {text} supprimé ({how}).", "page_line_added": "{what} : {text} ajouté ({how}).",
        "page header": "En-tête de page", "page footer": "Pied de page", "page header or footer": "En-tête ou pied de page",
        "tracked_in_header": "suivi dans l’en-tête de page", "tracked_in_footer": "suivi dans le pied de page",
        "not_tracked": "non suivi", "page_of": "page &P sur &N",
        "sponsors": "auteurs",
        "gap": "[… texte non disponible dans cette copie …]",
        "unknown_number": "PP?n : n-ième alinéa du préambule après une lacune de l’extrait — son vrai numéro est "
                          "inconnu, le texte qui le précède manquant.",
        "appendix_title": "Libellé agréé dans {label}",
        "appendix_overall": "Au total, {agreed} mots sur {words} ({share}) sont du libellé agréé : des suites d’au "
                            "moins {min} mots trouvées telles quelles (casse, typographie et ponctuation mises à part) "
                            "dans des textes adoptés antérieurs{before}.{drafts} Paragraphes : {whole} entièrement "
                            "agréés, {partly} en partie, {new} entièrement nouveaux.",
        "appendix_before_session": " ; uniquement des textes antérieurs à la session {x}",
        "appendix_before": " ; uniquement des textes antérieurs à {x}",
        "appendix_drafts": " {n} autres mots ({share}) ne figurent que dans des projets antérieurs : déjà négociés, "
                           "mais pas du libellé agréé.",
        "appendix_used": "Textes consultés : {used}.", "appendix_nothing": "aucun",
        "appendix_note": "Remarque : {w}.",
        "appendix_not_text": "Cette annexe ne fait pas partie du texte de la résolution et n’est pas suivie en mode "
                             "révision.",
        "appendix_head": "Paragraphe|Part agréée|Sources (document et paragraphe)|Nouveau libellé",
        "appendix_new_share": "0 % (nouveau)", "appendix_draft_share": " (+{share} de projets antérieurs)",
        "appendix_draft_ref": " (projet)", "appendix_more": " (+{n} autres)",
        "appendix_closest": "aucune à l’identique ; la plus proche : {ref} (similarité {sim})",
        "appendix_no_source": "aucune (rien de semblable dans les textes antérieurs)",
        "appendix_all_agreed": "— (entièrement agréé)", "appendix_all_new": "entièrement nouveau",
        "new_version": "la nouvelle version",
    },
    "es": {
        "changes_from": "Cambios de {old} a {new}",
        "fragment": " (extracto)",
        "counts": "Recuento: ",
        "no_paragraphs": "Recuento: ningún párrafo.",
        "unchanged": "sin cambios", "modified": "modificado", "inserted": "nuevo", "deleted": "suprimido",
        "split": "dividido", "merged": "fusionado", "moved": "desplazado", "renumbered": "renumerado",
        "leading_changed": "palabra inicial cambiada", "PP↔OP": "PP↔OP",
        "n_unchanged": "sin cambios", "n_modified": "modificados", "n_inserted": "nuevos", "n_deleted": "suprimidos",
        "n_split": "divididos", "n_merged": "fusionados", "n_moved": "desplazados", "n_renumbered": "renumerados",
        "n_leading_changed": "palabra inicial cambiada",
        "footnote changed": "nota modificada", "n_footnotes_changed": "nota modificada",
        "uncertain": "incierto", "n_uncertain": "inciertos", "cut in this copy": "cortado en esta copia",
        "footnote_added": "nota añadida", "footnote_removed": "nota suprimida", "footnote": "nota",
        "footnote_moved": "llamada de nota desplazada",
        "renumbered_only": "Solo renumerados, texto sin cambios (sin marcas de revisión): ",
        "outside_shown": "Fuera del extracto comparado, mostrados sin control de cambios en gris y marcados "
                         "«{mark}» (ni suprimidos ni insertados): {old_label} {old}; {new_label} {new}.",
        "outside_omitted": "Fuera del extracto comparado, omitidos en este documento "
                           "(ni suprimidos ni insertados): {old_label} {old}; {new_label} {new}.",
        "outside_mark": "fuera del extracto",
        "renumbered_only_typed": "Solo renumerados, texto sin cambios (solo se marca un número escrito): ",
        "minor_author": "{a} (menor)",
        "tracked_by": "Cambios registrados por «{a}»; variantes tipográficas y menores por «{m}». ",
        "moves_as_moves": "Los párrafos desplazados se registran como movimientos. ",
        "moves_as_del_ins": "Los párrafos desplazados se registran como una supresión y una inserción. ",
        "numbers_auto": "Los párrafos dispositivos usan numeración automática: una renumeración sola no lleva "
                        "marca. ",
        "numbers_typed": "Los números de los párrafos están escritos como texto: una renumeración muestra el "
                         "número anterior suprimido y el nuevo insertado. ",
        "not_the_text": "Este resumen no forma parte del texto de la resolución.",
        "header": "Encabezado: ",
        "no_header_change": "Encabezado, patrocinadores y título: sin cambios.",
        "title": "título", "symbol": "signatura", "date": "fecha", "session": "período de sesiones",
        "committee": "comisión", "agenda_item": "tema del programa", "doc_type": "tipo de documento",
        "distribution": "distribución",
        "sponsors_added": "patrocinadores añadidos", "sponsors_removed": "patrocinadores retirados",
        "table_title": "Cuadro de compilación: ",
        "table_legend": "Cambios respecto de la columna anterior: ",
        "ins_word": "inserciones", "del_word": "supresiones",
        "deleted_note": "(suprimido) ",
        "restored_note": "(restablecido) ",
        "restored_from": "(restablecido; cambios respecto de {where}) ", "restored_same": "(restablecido como en {where}) ",
        "not_in_excerpt": "(no figura en este extracto)",
        "header_row": "Encabezado",
        "page_line_removed": "{what}: {text} suprimido ({how}).", "page_line_added": "{what}: {text} añadido ({how}).",
        "page header": "Encabezado de página", "page footer": "Pie de página", "page header or footer": "Encabezado o pie de página",
        "tracked_in_header": "registrado en el encabezado de página", "tracked_in_footer": "registrado en el pie de página",
        "not_tracked": "no registrado", "page_of": "página &P de &N",
        "sponsors": "patrocinadores",
        "gap": "[… texto no disponible en esta copia …]",
        "unknown_number": "PP?n: n-ésimo párrafo del preámbulo tras una laguna del extracto; su número real se "
                          "desconoce porque falta el texto anterior.",
        "appendix_title": "Lenguaje acordado en {label}",
        "appendix_overall": "En total, {agreed} de {words} palabras ({share}) son lenguaje acordado: secuencias de "
                            "al menos {min} palabras halladas literalmente (salvo mayúsculas, tipografía y "
                            "puntuación) en textos aprobados anteriores{before}.{drafts} Párrafos: {whole} "
                            "totalmente acordados, {partly} en parte, {new} totalmente nuevos.",
        "appendix_before_session": "; solo textos anteriores al período de sesiones {x}",
        "appendix_before": "; solo textos anteriores a {x}",
        "appendix_drafts": " Otras {n} palabras ({share}) solo figuran en proyectos anteriores: negociadas antes, "
                           "pero no son lenguaje acordado.",
        "appendix_used": "Textos consultados: {used}.", "appendix_nothing": "ninguno",
        "appendix_note": "Nota: {w}.",
        "appendix_not_text": "Este apéndice no forma parte del texto de la resolución y no tiene control de cambios.",
        "appendix_head": "Párrafo|Parte acordada|Fuentes (documento y párrafo)|Nueva redacción",
        "appendix_new_share": "0 % (nuevo)", "appendix_draft_share": " (+{share} de proyectos anteriores)",
        "appendix_draft_ref": " (proyecto)", "appendix_more": " (+{n} más)",
        "appendix_closest": "ninguna literal; la más cercana: {ref} (similitud {sim})",
        "appendix_no_source": "ninguna (nada similar en los textos anteriores)",
        "appendix_all_agreed": "— (todo lenguaje acordado)", "appendix_all_new": "totalmente nuevo",
        "new_version": "la nueva versión",
    },
}

#: Quotation marks around a quoted word, per language.
QUOTES = {"fr": ("« ", " »"), "es": ("«", "»")}


def word(key: str, lang: Optional[str] = None, **fmt: str) -> str:
    """The phrase ``key`` in ``lang`` (English when the language or the phrase is not known)."""
    text = WORDS.get(lang or "en", {}).get(key) or WORDS["en"][key]
    return text.format(**fmt) if fmt else text


def quote(text: str, lang: Optional[str] = None) -> str:
    a, b = QUOTES.get(lang or "en", ("“", "”"))
    return f"{a}{text}{b}"


def colon(lang: Optional[str] = None) -> str:
    """": " — with the space French typography puts before it."""
    return " : " if lang == "fr" else ": "


def semicolon(lang: Optional[str] = None) -> str:
    return " ; " if lang == "fr" else "; "


def header_lines(h: HeaderComparison, lang: Optional[str] = None) -> list[str]:
    """One line per header change, in ``lang``: 'sponsors added: France', 'date: “…” → “…”'."""
    lines = []
    for name in ("title",) + HEADER_FIELDS:
        if name in h.fields:
            a, b = h.fields[name]
            lines.append(f"{word(name, lang)}{colon(lang)}{quote(a, lang)} → {quote(b, lang)}")
    colon_ = colon(lang)
    if h.sponsors_added:
        lines.append(word("sponsors_added", lang) + colon_ + ", ".join(h.sponsors_added))
    if h.sponsors_removed:
        lines.append(word("sponsors_removed", lang) + colon_ + ", ".join(h.sponsors_removed))
    return lines


def pair_flag_words(flags: list[str], lang: Optional[str]) -> list[str]:
    """:func:`compare.export.labels.pair_flags` words in ``lang``."""
    back = {"new": "inserted"}
    return [word(back.get(f, f), lang) if back.get(f, f) in WORDS["en"] else f for f in flags]


def describe_in(pair: Pair, lang: Optional[str]) -> str:
    """:func:`compare.export.labels.describe` in ``lang`` (ids stay as negotiators cite them)."""
    from .labels import footnote_notes, pair_flags, pair_ids

    bits = ", ".join(pair_flag_words(pair_flags(pair), lang))
    lead = ""
    if pair.leading_change:
        lead = f", {quote(pair.leading_change[0], lang)} → {quote(pair.leading_change[1], lang)}"
    notes = "".join(semicolon(lang) + n for n in footnote_notes(
        pair, lambda t: quote(t, lang), word("footnote_added", lang), word("footnote_removed", lang),
        word("footnote", lang), word("footnote_moved", lang)))
    return f"{pair_ids(pair)}{colon(lang)}{bits}{lead}{notes}"


def shows_unknown_numbers(cmp) -> bool:
    """Whether a view of ``cmp`` shows ids with an unknown number (``PP?7``) that need explaining."""
    ids = [i for p in cmp.pairs for i in p.old + p.new]
    ids += list(cmp.out_of_scope.get("old", [])) + list(cmp.out_of_scope.get("new", []))
    return any("?" in i for i in ids)
