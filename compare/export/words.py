"""The tool's own words in the documents it writes, in the document's language.

A French redline whose summary reads "Counts: unchanged 25" breaks the text a
delegation sends to its capital, so the redline summary and the compilation
table's headings speak the document's language.  One table, :data:`WORDS`,
holds every such phrase in the six UN languages (a phrase it lacks falls back to
English), with each language's quotation marks and list punctuation.  The app and the CLI's text views
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
        "n_split_merged_modified": "split/merged and modified", "n_split": "split", "n_merged": "merged", "n_moved": "moved", "n_renumbered": "renumbered",
        "n_leading_changed": "leading word changed",
        "footnote changed": "footnote changed", "n_footnotes_changed": "footnote changed",
        "uncertain": "uncertain", "n_uncertain": "uncertain", "cut in this copy": "cut in this copy",
        "into sub-paragraphs": "into sub-paragraphs", "sub-paragraphs joined": "sub-paragraphs joined",
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
        "unknown_author": "{a} (not in this copy)",
        "unknown_tracked": "Words before the cut start or past the cut end of a paragraph in an excerpt are not in that copy: tracked by “{u}”, neither deleted nor added; so are their footnote markers, and a note whose text one copy lacks. ",
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
        "cross_language_note": "(↔ 0.83): matched to the previous column's paragraph in another language, with the similarity of the match (0–1); words are not compared across languages.",
        "table_legend": "Changes against the previous column: ",
        "ins_word": "inserted", "del_word": "deleted",
        "deleted_note": "(deleted) ",
        "restored_note": "(restored) ",
        "restored_from": "(restored; changes against {where}) ", "restored_same": "(restored as in {where}) ",
        "not_in_excerpt": "(not in this excerpt)",
        "not_in_copy": "(not in this copy: {text})",
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
        "appendix_unmeasured": "Agreed language could not be measured: see the note below.",
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
        "appendix_cut_overall": "{n} more words are not measured: they lie beyond where the copy of an excerpt "
                                "source is cut, so they may be agreed language as well as new.",
        "appendix_cut_cell": "{n} words not measured (a copy is cut)",
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
        "n_split_merged_modified": "scindés/fusionnés et modifiés", "n_split": "scindés", "n_merged": "fusionnés", "n_moved": "déplacés", "n_renumbered": "renumérotés",
        "n_leading_changed": "mot initial changé",
        "footnote changed": "note modifiée", "n_footnotes_changed": "note modifiée",
        "uncertain": "incertain", "n_uncertain": "incertains", "cut in this copy": "coupé dans cette copie",
        "into sub-paragraphs": "mis en alinéas", "sub-paragraphs joined": "alinéas réunis",
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
        "unknown_author": "{a} (absent de cette copie)",
        "unknown_tracked": "Les mots qui précèdent le début coupé ou suivent la fin coupée d'un paragraphe d'un extrait ne figurent pas dans cette copie : suivis par « {u} », ni supprimés ni ajoutés ; de même leurs appels de note, et une note dont une copie n'a pas le texte. ",
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
        "cross_language_note": "(↔ 0,83) : apparié au paragraphe de la colonne précédente dans une autre langue, avec la similarité de l’appariement (0–1) ; les mots ne sont pas comparés d’une langue à l’autre.",
        "table_legend": "Modifications par rapport à la colonne précédente : ",
        "ins_word": "insertions", "del_word": "suppressions",
        "deleted_note": "(supprimé) ",
        "restored_note": "(rétabli) ",
        "restored_from": "(rétabli ; modifications par rapport à {where}) ", "restored_same": "(rétabli tel que dans {where}) ",
        "not_in_excerpt": "(absent de cet extrait)",
        "not_in_copy": "(absent de cette copie : {text})",
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
        "appendix_unmeasured": "Le libellé agréé n’a pas pu être mesuré : voir la note ci-dessous.",
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
        "appendix_cut_overall": "{n} autres mots ne sont pas mesurés : ils se trouvent au-delà de l’endroit où la "
                                "copie d’un extrait source s’arrête ; ils peuvent être du libellé agréé comme du nouveau.",
        "appendix_cut_cell": "{n} mots non mesurés (copie incomplète)",
        "trace_undated": "{n} texte(s) sans date laissé(s) de côté, faute de pouvoir les placer avant le projet : "
                         "{names} ; indiquez une date pour les utiliser",
        "trace_nothing": "aucun texte antérieur auquel comparer : chaque paragraphe apparaît comme nouveau libellé "
                         "pour cette seule raison",
        "trace_other_language": "aucun des textes consultés n’est dans la langue du projet ({lang}) : le libellé "
                                "agréé n’est trouvé tel quel que dans cette langue, et « nouveau libellé » signifie ici "
                                "seulement qu’aucun texte en {lang} n’était là pour comparer ; ajoutez des textes "
                                "antérieurs en {lang}",
        "trace_foreign": "textes consultés dans une autre langue ({langs}) que le projet ({lang}) : {n} ; le libellé "
                         "agréé n’est trouvé tel quel que dans la langue du projet ; pour les paragraphes sans source "
                         "à l’identique, des équivalents proches dans ces textes sont indiqués à part",
        "trace_no_adopted": "aucun des textes consultés n’est un texte adopté dans la langue du projet ({lang}) : le libellé agréé est un libellé adopté trouvé tel quel, donc « nouveau libellé » signifie seulement qu’aucun texte adopté en {lang} n’était là pour comparer (les mots trouvés dans des projets antérieurs sont indiqués à part) ; ajoutez les résolutions adoptées en {lang}, ou marquez un texte comme adopté",
        "trace_no_cuts": "{n} texte(s) de la bibliothèque ajouté(s) avant que les coupures d’extrait soient enregistrées ({names}) : les mots du projet situés au-delà de l’endroit où la copie d’une telle source s’arrête apparaissent comme nouveaux ; reconstruisez la bibliothèque (--rebuild-library) ou ajoutez-les de nouveau",
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
        "n_split_merged_modified": "divididos/fusionados y modificados", "n_split": "divididos", "n_merged": "fusionados", "n_moved": "desplazados", "n_renumbered": "renumerados",
        "n_leading_changed": "palabra inicial cambiada",
        "footnote changed": "nota modificada", "n_footnotes_changed": "nota modificada",
        "uncertain": "incierto", "n_uncertain": "inciertos", "cut in this copy": "cortado en esta copia",
        "into sub-paragraphs": "dividido en apartados", "sub-paragraphs joined": "apartados unidos",
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
        "unknown_author": "{a} (no figura en esta copia)",
        "unknown_tracked": "Las palabras anteriores al comienzo cortado o posteriores al final cortado de un párrafo de un extracto no figuran en esa copia: registradas por «{u}», ni suprimidas ni añadidas; también sus llamadas de nota y una nota cuyo texto falta en una copia. ",
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
        "cross_language_note": "(↔ 0,83): emparejado con el párrafo de la columna anterior en otro idioma, con la similitud del emparejamiento (0–1); las palabras no se comparan entre idiomas.",
        "table_legend": "Cambios respecto de la columna anterior: ",
        "ins_word": "inserciones", "del_word": "supresiones",
        "deleted_note": "(suprimido) ",
        "restored_note": "(restablecido) ",
        "restored_from": "(restablecido; cambios respecto de {where}) ", "restored_same": "(restablecido como en {where}) ",
        "not_in_excerpt": "(no figura en este extracto)",
        "not_in_copy": "(no figura en esta copia: {text})",
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
        "appendix_unmeasured": "No se pudo medir el lenguaje acordado: véase la nota siguiente.",
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
        "appendix_cut_overall": "Otras {n} palabras no se miden: están más allá del punto en que se corta la copia "
                                "de un extracto fuente, por lo que pueden ser lenguaje acordado o nuevo.",
        "appendix_cut_cell": "{n} palabras no medidas (copia cortada)",
        "trace_undated": "se dejaron de lado {n} texto(s) sin fecha que no pueden situarse antes del proyecto: "
                         "{names}; indique una fecha para usarlos",
        "trace_nothing": "no hay ningún texto anterior con el que comparar: cada párrafo aparece como redacción nueva "
                         "solo por esa razón",
        "trace_other_language": "ninguno de los textos consultados está en el idioma del proyecto ({lang}): el "
                                "lenguaje acordado solo se encuentra literalmente en ese idioma, así que «redacción "
                                "nueva» significa aquí solo que no había ningún texto en {lang} con el que comparar; "
                                "añada textos anteriores en {lang}",
        "trace_foreign": "textos consultados en otro idioma ({langs}) que el del proyecto ({lang}): {n}; el lenguaje "
                         "acordado solo se encuentra literalmente en el idioma del proyecto; para los párrafos sin "
                         "fuente literal se indican aparte equivalentes cercanos en esos textos",
        "trace_no_adopted": "ninguno de los textos consultados es un texto aprobado en el idioma del proyecto ({lang}): el lenguaje acordado es redacción aprobada encontrada literalmente, así que «redacción nueva» solo significa que no había ningún texto aprobado en {lang} con el que comparar (las palabras halladas en proyectos anteriores se indican aparte); añada las resoluciones aprobadas en {lang} o marque un texto como aprobado",
        "trace_no_cuts": "{n} texto(s) de la biblioteca añadido(s) antes de que se registraran los cortes de los extractos ({names}): las palabras del proyecto situadas más allá del punto en que se corta la copia de esa fuente aparecen como nuevas; reconstruya la biblioteca (--rebuild-library) o vuelva a añadirlos",
        "new_version": "la nueva versión",
    },
    "ru": {
        "changes_from": "Изменения в {new} по сравнению с {old}",
        "fragment": " (выдержка)",
        "counts": "Итого: ",
        "no_paragraphs": "Итого: пунктов нет.",
        "unchanged": "без изменений", "modified": "изменён", "inserted": "новый", "deleted": "исключён",
        "split": "разделён", "merged": "объединён", "moved": "перемещён", "renumbered": "перенумерован",
        "leading_changed": "изменено первое слово", "PP↔OP": "PP↔OP",
        "n_unchanged": "без изменений", "n_modified": "изменено", "n_inserted": "новых", "n_deleted": "исключено",
        "n_split_merged_modified": "разделено/объединено с изменениями", "n_split": "разделено", "n_merged": "объединено", "n_moved": "перемещено", "n_renumbered": "перенумеровано",
        "n_leading_changed": "изменено первое слово",
        "footnote changed": "сноска изменена", "n_footnotes_changed": "сноска изменена",
        "uncertain": "сопоставление под вопросом", "n_uncertain": "сопоставлений под вопросом",
        "cut in this copy": "обрезан в этой копии",
        "into sub-paragraphs": "разбит на подпункты", "sub-paragraphs joined": "подпункты объединены",
        "footnote_added": "сноска добавлена", "footnote_removed": "сноска исключена", "footnote": "сноска",
        "footnote_moved": "знак сноски перенесён к другим словам",
        "renumbered_only": "Только перенумерованы, текст без изменений (без исправлений): ",
        "outside_shown": "Вне сравниваемой выдержки, показаны серым без отслеживания и помечены «{mark}» "
                         "(не исключены и не вставлены): {old_label} {old}; {new_label} {new}.",
        "outside_omitted": "Вне сравниваемой выдержки, не включены в этот документ "
                           "(не исключены и не вставлены): {old_label} {old}; {new_label} {new}.",
        "outside_mark": "вне выдержки",
        "renumbered_only_typed": "Только перенумерованы, текст без изменений (помечен лишь набранный номер): ",
        "minor_author": "{a} (мелкие)",
        "unknown_author": "{a} (нет в этой копии)",
        "unknown_tracked": "Слова перед обрезанным началом или после обрезанного конца абзаца в отрывке отсутствуют в этой копии: отмечены от имени «{u}», не удалены и не добавлены; так же отмечены их знаки сносок и сноска, текста которой нет в одной из копий. ",
        "tracked_by": "Исправления внесены от имени «{a}»; типографские и другие мелкие расхождения — от имени "
                      "«{m}». ",
        "moves_as_moves": "Перемещённые пункты отслеживаются как перемещения. ",
        "moves_as_del_ins": "Перемещённые пункты отслеживаются как исключение и вставка. ",
        "numbers_auto": "Пункты постановляющей части пронумерованы автоматически, поэтому перенумерация сама по "
                        "себе не помечается. ",
        "numbers_typed": "Номера пунктов набраны текстом: при перенумерации старый номер показан исключённым, а "
                         "новый — вставленным. ",
        "not_the_text": "Эта сводка не является частью текста резолюции.",
        "header": "Реквизиты: ",
        "no_header_change": "Реквизиты, авторы и название: без изменений.",
        "title": "название", "symbol": "условное обозначение", "date": "дата", "session": "сессия",
        "committee": "комитет", "agenda_item": "пункт повестки дня", "doc_type": "тип документа",
        "distribution": "распространение",
        "sponsors_added": "добавлены авторы", "sponsors_removed": "исключены авторы",
        "table_title": "Сводная таблица: ",
        "cross_language_note": "(↔ 0,83): сопоставлен с пунктом предыдущей колонки на другом языке, с мерой сходства (0–1); слова на разных языках не сравниваются.",
        "table_legend": "Изменения по сравнению с предыдущей колонкой: ",
        "ins_word": "вставки", "del_word": "исключения",
        "deleted_note": "(исключён) ",
        "restored_note": "(восстановлен) ",
        "restored_from": "(восстановлен; изменения по сравнению с {where}) ",
        "restored_same": "(восстановлен в редакции {where}) ",
        "not_in_excerpt": "(нет в этой выдержке)",
        "not_in_copy": "(нет в этой копии: {text})",
        "header_row": "Реквизиты",
        "page_line_removed": "{what}: {text} удалён ({how}).", "page_line_added": "{what}: {text} добавлен ({how}).",
        "page header": "Верхний колонтитул", "page footer": "Нижний колонтитул",
        "page header or footer": "Колонтитул",
        "tracked_in_header": "отслеживается в верхнем колонтитуле",
        "tracked_in_footer": "отслеживается в нижнем колонтитуле",
        "not_tracked": "не отслеживается", "page_of": "стр. &P из &N",
        "sponsors": "авторы",
        "gap": "[… текст в этой копии отсутствует …]",
        "unknown_number": "PP?n: n-й пункт преамбулы после пропуска в выдержке — его настоящий номер неизвестен, "
                          "так как предшествующий текст отсутствует.",
        "appendix_title": "Согласованные формулировки в {label}",
        "appendix_unmeasured": "Согласованные формулировки измерить не удалось: см. примечание ниже.",
        "appendix_overall": "Всего {agreed} из {words} слов ({share}) — согласованные формулировки: "
                            "последовательности не менее чем из {min} слов, найденные дословно (без учёта регистра, "
                            "типографики и пунктуации) в ранее принятых текстах{before}.{drafts} Пункты: полностью "
                            "согласованных — {whole}, частично — {partly}, полностью новых — {new}.",
        "appendix_before_session": "; только тексты до {x}-й сессии",
        "appendix_before": "; только тексты до {x}",
        "appendix_drafts": " Ещё {n} слов ({share}) встречаются только в прежних проектах: они уже обсуждались, но "
                           "не являются согласованными формулировками.",
        "appendix_used": "Сопоставлено с: {used}.", "appendix_nothing": "ничем",
        "appendix_note": "Примечание: {w}.",
        "appendix_not_text": "Это приложение не является частью текста резолюции, и изменения в нём не "
                             "отслеживаются.",
        "appendix_head": "Пункт|Доля согласованного|Источники (документ и пункт)|Новые формулировки",
        "appendix_new_share": "0 % (новый)", "appendix_draft_share": " (+{share} из прежних проектов)",
        "appendix_draft_ref": " (проект)", "appendix_more": " (+ ещё {n})",
        "appendix_closest": "дословных совпадений нет; ближайший: {ref} (сходство {sim})",
        "appendix_no_source": "нет (ничего похожего в прежних текстах)",
        "appendix_all_agreed": "— (всё согласовано)", "appendix_all_new": "полностью новый",
        "appendix_cut_overall": "Ещё {n} слов не измерены: они находятся за местом, где обрывается копия "
                                "исходного отрывка, и могут быть как согласованными, так и новыми.",
        "appendix_cut_cell": "{n} слов не измерено (копия оборвана)",
        "trace_undated": "не учтены тексты без даты ({n}), которые нельзя поместить до проекта: {names}; укажите "
                         "дату, чтобы их использовать",
        "trace_nothing": "нет более ранних текстов для сопоставления: только поэтому каждый пункт показан как новая "
                         "формулировка",
        "trace_other_language": "ни один из использованных текстов не составлен на языке проекта ({lang}): "
                                "согласованные формулировки ищутся дословно только на этом языке, поэтому «новая "
                                "формулировка» здесь означает лишь, что текстов на языке {lang} для сопоставления не "
                                "было; добавьте более ранние тексты на языке {lang}",
        "trace_foreign": "использованные тексты на другом языке ({langs}), чем проект ({lang}): {n}; согласованные "
                         "формулировки ищутся дословно только на языке проекта; для пунктов без дословного источника "
                         "близкие эквиваленты в этих текстах приводятся отдельно",
        "trace_no_adopted": "ни один из использованных текстов не является принятым текстом на языке проекта ({lang}): согласованные формулировки — это принятый текст, найденный дословно, поэтому «новая формулировка» здесь означает лишь, что принятого текста на {lang} для сравнения не было (слова из прежних проектов указаны отдельно); добавьте принятые резолюции на {lang} или отметьте текст как принятый",
        "trace_no_cuts": "тексты библиотеки ({n}), добавленные до того, как стали записываться обрывы отрывков ({names}): слова проекта за местом, где обрывается копия такого источника, показаны как новые; перестройте библиотеку (--rebuild-library) или добавьте их снова",
        "new_version": "новая редакция",
    },
    "ar": {
        "changes_from": "التغييرات من {old} إلى {new}",
        "fragment": " (مقتطف)",
        "counts": "الإحصاء: ",
        "no_paragraphs": "الإحصاء: لا توجد فقرات.",
        "unchanged": "دون تغيير", "modified": "معدَّلة", "inserted": "جديدة", "deleted": "محذوفة",
        "split": "مقسَّمة", "merged": "مدمجة", "moved": "منقولة", "renumbered": "أعيد ترقيمها",
        "leading_changed": "تغيَّرت الكلمة الأولى", "PP↔OP": "PP↔OP",
        "n_unchanged": "دون تغيير", "n_modified": "معدَّلة", "n_inserted": "جديدة", "n_deleted": "محذوفة",
        "n_split_merged_modified": "مقسَّمة/مدمجة ومعدَّلة", "n_split": "مقسَّمة", "n_merged": "مدمجة", "n_moved": "منقولة", "n_renumbered": "أعيد ترقيمها",
        "n_leading_changed": "تغيَّرت الكلمة الأولى",
        "footnote changed": "تغيَّرت الحاشية", "n_footnotes_changed": "تغيَّرت الحاشية",
        "uncertain": "مطابقة غير مؤكدة", "n_uncertain": "مطابقة غير مؤكدة",
        "cut in this copy": "مبتورة في هذه النسخة",
        "into sub-paragraphs": "قُسِّمت إلى فقرات فرعية", "sub-paragraphs joined": "دُمجت الفقرات الفرعية",
        "footnote_added": "أضيفت حاشية", "footnote_removed": "حُذفت حاشية", "footnote": "الحاشية",
        "footnote_moved": "نُقلت علامة الحاشية إلى كلمات أخرى",
        "renumbered_only": "أعيد ترقيمها فقط، والنص دون تغيير (دون علامات تنقيح): ",
        "outside_shown": "خارج المقتطف المقارَن، معروضة بالرمادي دون تتبع ومعلَّمة «{mark}» "
                         "(لا محذوفة ولا مدرجة): {old_label} {old}؛ {new_label} {new}.",
        "outside_omitted": "خارج المقتطف المقارَن، غير واردة في هذه الوثيقة "
                           "(لا محذوفة ولا مدرجة): {old_label} {old}؛ {new_label} {new}.",
        "outside_mark": "خارج المقتطف",
        "renumbered_only_typed": "أعيد ترقيمها فقط، والنص دون تغيير (لم يُعلَّم إلا الرقم المكتوب): ",
        "minor_author": "{a} (طفيفة)",
        "unknown_author": "{a} (غير موجود في هذه النسخة)",
        "unknown_tracked": "الكلمات التي تسبق بداية فقرة مقطوعة أو تلي نهايتها المقطوعة في مقتطف غير موجودة في تلك النسخة: متتبَّعة باسم «{u}»، فلا هي محذوفة ولا مضافة؛ وكذلك علامات حواشيها، والحاشية التي يخلو نصها في إحدى النسختين. ",
        "tracked_by": "التغييرات المتتبَّعة باسم «{a}»؛ والفروق المطبعية وغيرها من الفروق الطفيفة باسم «{m}». ",
        "moves_as_moves": "تُتتبَّع الفقرات المنقولة بوصفها عمليات نقل. ",
        "moves_as_del_ins": "تُتتبَّع الفقرات المنقولة بوصفها حذفًا وإدراجًا. ",
        "numbers_auto": "فقرات المنطوق مرقَّمة تلقائيًا، ولذلك لا تحمل إعادة الترقيم وحدها أي علامة. ",
        "numbers_typed": "أرقام الفقرات مكتوبة نصًّا: تظهر إعادة الترقيم بحذف الرقم القديم وإدراج الرقم الجديد. ",
        "not_the_text": "هذا الموجز ليس جزءًا من نص القرار.",
        "header": "الترويسة: ",
        "no_header_change": "الترويسة ومقدمو المشروع والعنوان: دون تغيير.",
        "title": "العنوان", "symbol": "الرمز", "date": "التاريخ", "session": "الدورة", "committee": "اللجنة",
        "agenda_item": "البند من جدول الأعمال", "doc_type": "نوع الوثيقة", "distribution": "التوزيع",
        "sponsors_added": "مقدمو المشروع المضافون", "sponsors_removed": "مقدمو المشروع المنسحبون",
        "table_title": "جدول التجميع: ",
        "cross_language_note": "(↔ 0.83): مطابَقة مع فقرة العمود السابق بلغة أخرى، مع درجة التشابه (0–1)؛ لا تُقارن الكلمات بين اللغات.",
        "table_legend": "التغييرات مقارنةً بالعمود السابق: ",
        "ins_word": "إدراج", "del_word": "حذف",
        "deleted_note": "(محذوفة) ",
        "restored_note": "(أعيدت) ",
        "restored_from": "(أعيدت؛ التغييرات مقارنةً بـ {where}) ", "restored_same": "(أعيدت كما في {where}) ",
        "not_in_excerpt": "(غير واردة في هذا المقتطف)",
        "not_in_copy": "(غير وارد في هذه النسخة: {text})",
        "header_row": "الترويسة",
        "page_line_removed": "{what}: حُذف {text} ({how}).", "page_line_added": "{what}: أضيف {text} ({how}).",
        "page header": "رأس الصفحة", "page footer": "تذييل الصفحة", "page header or footer": "رأس الصفحة أو تذييلها",
        "tracked_in_header": "متتبَّع في رأس الصفحة", "tracked_in_footer": "متتبَّع في تذييل الصفحة",
        "not_tracked": "غير متتبَّع", "page_of": "الصفحة &P من &N",
        "sponsors": "مقدمو المشروع",
        "gap": "[… النص غير متاح في هذه النسخة …]",
        "unknown_number": "PP?n: الفقرة الديباجية رقم n بعد ثغرة في المقتطف — رقمها الحقيقي غير معروف لأن النص "
                          "الذي يسبقها مفقود.",
        "appendix_title": "الصيغ المتفق عليها في {label}",
        "appendix_unmeasured": "تعذّر قياس الصيغ المتفق عليها: انظر الملاحظة أدناه.",
        "appendix_overall": "إجمالًا، {agreed} من أصل {words} كلمة ({share}) صيغ متفق عليها: تتابعات من {min} "
                            "كلمات على الأقل وُجدت حرفيًا (بصرف النظر عن حالة الأحرف والطباعة وعلامات الترقيم) في "
                            "نصوص سبق اعتمادها{before}.{drafts} الفقرات: {whole} متفق عليها كليًا، و{partly} جزئيًا، "
                            "و{new} جديدة كليًا.",
        "appendix_before_session": "؛ النصوص السابقة للدورة {x} فقط",
        "appendix_before": "؛ النصوص السابقة لـ {x} فقط",
        "appendix_drafts": " وتوجد {n} كلمة أخرى ({share}) في مشاريع سابقة فقط: سبق التفاوض عليها، لكنها ليست "
                           "صيغًا متفقًا عليها.",
        "appendix_used": "قورن بما يلي: {used}.", "appendix_nothing": "لا شيء",
        "appendix_note": "ملاحظة: {w}.",
        "appendix_not_text": "هذا المرفق ليس جزءًا من نص القرار ولا تُتتبَّع فيه التغييرات.",
        "appendix_head": "الفقرة|نسبة المتفق عليه|المصادر (الوثيقة والفقرة)|الصيغ الجديدة",
        "appendix_new_share": "0 % (جديدة)", "appendix_draft_share": " (+{share} من مشاريع سابقة)",
        "appendix_draft_ref": " (مشروع)", "appendix_more": " (+{n} أخرى)",
        "appendix_closest": "لا تطابق حرفيًا؛ الأقرب: {ref} (التشابه {sim})",
        "appendix_no_source": "لا شيء (لا يوجد ما يشبهها في النصوص السابقة)",
        "appendix_all_agreed": "— (كلها صيغ متفق عليها)", "appendix_all_new": "جديدة كليًا",
        "appendix_cut_overall": "لم تُقَس {n} كلمة أخرى: فهي تقع بعد الموضع الذي تنقطع فيه نسخة مقتطف المصدر، "
                                "فقد تكون صيغًا متفقًا عليها أو جديدة.",
        "appendix_cut_cell": "{n} كلمة لم تُقَس (نسخة منقطعة)",
        "trace_undated": "استُبعدت نصوص غير مؤرخة ({n}) لا يمكن وضعها قبل المشروع: {names}؛ أعط تاريخًا "
                         "لاستخدامها",
        "trace_nothing": "لا يوجد نص سابق للمقارنة: لهذا السبب وحده تظهر كل فقرة بوصفها صيغة جديدة",
        "trace_other_language": "لا يوجد أي من النصوص المستخدمة بلغة المشروع ({lang}): لا يُعثر على الصيغ المتفق "
                                "عليها حرفيًا إلا بتلك اللغة، ولذلك فإن «صيغة جديدة» تعني هنا فقط أنه لم يكن هناك نص "
                                "بلغة {lang} للمقارنة؛ أضف نصوصًا سابقة بلغة {lang}",
        "trace_foreign": "نصوص مستخدمة بلغة ({langs}) غير لغة المشروع ({lang}): {n}؛ لا يُعثر على الصيغ المتفق "
                         "عليها حرفيًا إلا بلغة المشروع؛ وللفقرات التي ليس لها مصدر حرفي، تُذكر على حدة مكافئات "
                         "قريبة في تلك النصوص",
        "trace_no_adopted": "لا يوجد بين النصوص المستخدمة نص معتمد بلغة المشروع ({lang}): الصيغ المتفق عليها هي صيغ معتمدة يُعثر عليها حرفيًا، فعبارة «صيغة جديدة» هنا تعني فقط أنه لم يكن هناك نص معتمد بلغة {lang} للمقارنة (تُذكر على حدة الكلمات الواردة في مشاريع سابقة)؛ أضف القرارات المعتمدة بلغة {lang} أو اعتبر نصًا ما معتمدًا",
        "trace_no_cuts": "نصوص في المكتبة ({n}) أضيفت قبل تسجيل مواضع انقطاع المقتطفات ({names}): تظهر كلمات المشروع الواقعة بعد موضع انقطاع نسخة هذا المصدر على أنها جديدة؛ أعد بناء المكتبة (--rebuild-library) أو أضفها من جديد",
        "new_version": "الصيغة الجديدة",
    },
    "zh": {
        "changes_from": "从{old}到{new}的修改",
        "fragment": "（节选）",
        "counts": "统计：",
        "no_paragraphs": "统计：没有段落。",
        "unchanged": "未改动", "modified": "已修改", "inserted": "新增", "deleted": "已删除",
        "split": "已拆分", "merged": "已合并", "moved": "已移动", "renumbered": "已重新编号",
        "leading_changed": "首词已改", "PP↔OP": "PP↔OP",
        "n_unchanged": "未改动", "n_modified": "已修改", "n_inserted": "新增", "n_deleted": "已删除",
        "n_split_merged_modified": "已拆分/合并并修改", "n_split": "已拆分", "n_merged": "已合并", "n_moved": "已移动", "n_renumbered": "已重新编号",
        "n_leading_changed": "首词已改",
        "footnote changed": "脚注已改", "n_footnotes_changed": "脚注已改",
        "uncertain": "对应不确定", "n_uncertain": "对应不确定", "cut in this copy": "本副本中被截断",
        "into sub-paragraphs": "分为分段", "sub-paragraphs joined": "分段合而为一",
        "footnote_added": "新增脚注", "footnote_removed": "删除脚注", "footnote": "脚注",
        "footnote_moved": "脚注标记移至其他词语",
        "renumbered_only": "仅重新编号，文字未改（无修订标记）：",
        "outside_shown": "在所比较的节选之外，以灰色显示、不作修订跟踪，并标为“{mark}”（既未删除也未插入）："
                         "{old_label} {old}；{new_label} {new}。",
        "outside_omitted": "在所比较的节选之外，本文件中略去（既未删除也未插入）：{old_label} {old}；"
                           "{new_label} {new}。",
        "outside_mark": "节选之外",
        "renumbered_only_typed": "仅重新编号，文字未改（仅标出键入的编号）：",
        "minor_author": "{a}（细微）",
        "unknown_author": "{a}（本副本中没有）",
        "unknown_tracked": "节选中被截断段落开头之前或结尾之后的文字不在该副本中：其作者为“{u}”，既非删除也非添加；其脚注标记以及某一副本缺少其文字的脚注亦然。",
        "tracked_by": "修订标记作者为“{a}”；排版及其他细微差异的作者为“{m}”。",
        "moves_as_moves": "移动的段落作为移动进行跟踪。",
        "moves_as_del_ins": "移动的段落作为删除和插入进行跟踪。",
        "numbers_auto": "执行部分段落采用自动编号，因此仅重新编号不带任何标记。",
        "numbers_typed": "段落编号为键入的文字：重新编号显示为删除旧编号、插入新编号。",
        "not_the_text": "本摘要不构成决议案文的一部分。",
        "header": "文头：",
        "no_header_change": "文头、提案国和标题：无改动。",
        "title": "标题", "symbol": "文号", "date": "日期", "session": "届会", "committee": "委员会",
        "agenda_item": "议程项目", "doc_type": "文件类型", "distribution": "分发",
        "sponsors_added": "新增提案国", "sponsors_removed": "撤出的提案国",
        "table_title": "汇编表：",
        "cross_language_note": "（↔ 0.83）：与前一栏另一种语言的段落配对，并给出配对相似度（0–1）；不同语言之间不比较字词。",
        "table_legend": "与前一栏相比的修改：",
        "ins_word": "插入", "del_word": "删除",
        "deleted_note": "（已删除）",
        "restored_note": "（已恢复）",
        "restored_from": "（已恢复；与{where}相比的修改）", "restored_same": "（已恢复，与{where}相同）",
        "not_in_excerpt": "（不在本节选中）",
        "not_in_copy": "（本副本中没有：{text}）",
        "header_row": "文头",
        "page_line_removed": "{what}：{text}已删除（{how}）。", "page_line_added": "{what}：{text}已添加（{how}）。",
        "page header": "页眉", "page footer": "页脚", "page header or footer": "页眉或页脚",
        "tracked_in_header": "在页眉中跟踪", "tracked_in_footer": "在页脚中跟踪",
        "not_tracked": "未跟踪", "page_of": "第 &P 页，共 &N 页",
        "sponsors": "提案国",
        "gap": "[……本副本中无此文字……]",
        "unknown_number": "PP?n：节选中断处之后的第 n 个序言部分段落——其前文缺失，故真实编号不详。",
        "appendix_title": "{label}中的商定措辞",
        "appendix_unmeasured": "无法衡量商定措辞：见下文说明。",
        "appendix_overall": "在{words}个字词中，共有{agreed}个（{share}）为商定措辞：即在以往通过的案文{before}中"
                            "逐字找到（不计大小写、排版和标点）的至少{min}个字词的连续词串。{drafts}段落：{whole}段"
                            "完全为商定措辞，{partly}段部分为商定措辞，{new}段完全为新措辞。",
        "appendix_before_session": "（仅限第{x}届会之前的案文）",
        "appendix_before": "（仅限{x}之前的案文）",
        "appendix_drafts": "另有{n}个字词（{share}）仅见于以往草案：曾经谈判，但不是商定措辞。",
        "appendix_used": "比对的案文：{used}。", "appendix_nothing": "无",
        "appendix_note": "注：{w}。",
        "appendix_not_text": "本附录不构成决议案文的一部分，也不作修订跟踪。",
        "appendix_head": "段落|商定措辞比例|来源（文件和段落）|新措辞",
        "appendix_new_share": "0 %（新）", "appendix_draft_share": "（另有{share}来自以往草案）",
        "appendix_draft_ref": "（草案）", "appendix_more": "（另有{n}处）",
        "appendix_closest": "无逐字相同者；最接近：{ref}（相似度{sim}）",
        "appendix_no_source": "无（以往案文中无相似内容）",
        "appendix_all_agreed": "—（全部为商定措辞）", "appendix_all_new": "全新",
        "appendix_cut_overall": "另有 {n} 个词未计量：它们位于来源摘录副本中断之处以后，可能是商定措辞，也可能是新措辞。",
        "appendix_cut_cell": "{n} 个词未计量（副本不完整）",
        "trace_undated": "略去了{n}份无日期的案文，因无法确定其在草案之前：{names}；请注明日期以便使用",
        "trace_nothing": "没有可供比对的以往案文：仅因此每个段落都显示为新措辞",
        "trace_other_language": "所比对的案文均非草案语言（{lang}）：商定措辞只能在该语言中逐字查找，因此此处的"
                                "“新措辞”仅表示没有{lang}案文可供比对；请添加以往的{lang}案文",
        "trace_foreign": "所用案文中使用草案语言（{lang}）以外语言（{langs}）的：{n}份；商定措辞只能在草案语言中"
                         "逐字查找；对于没有逐字来源的段落，另行列出这些案文中的相近对应段落",
        "trace_no_adopted": "所用案文中没有草案语言（{lang}）的已通过案文：商定措辞是逐字找到的已通过措辞，因此此处的“新措辞”仅表示没有{lang}的已通过案文可供比较（在以往草案中找到的词另行列出）；请添加{lang}的已通过决议，或将某一案文标为已通过",
        "trace_no_cuts": "库中有{n}份案文是在记录摘录截断之前添加的（{names}）：草案中位于此类来源副本截断处以后的词显示为新措辞；请重建库（--rebuild-library）或重新添加这些案文",
        "new_version": "新版本",
    },
}

#: Quotation marks around a quoted word, per language.
QUOTES = {"fr": ("« ", " »"), "es": ("«", "»"), "ru": ("«", "»"), "ar": ("«", "»"), "zh": ("“", "”")}
#: ": ", "; ", ", " and the full stop as each language writes them (French spaces before the colon
#: and the semicolon; Chinese full-width marks; Arabic's own comma and semicolon).
_PUNCT = {"en": (": ", "; ", ", ", "."), "fr": (" : ", " ; ", ", ", "."), "zh": ("：", "；", "，", "。"),
          "ar": (": ", "؛ ", "، ", ".")}


def word(key: str, lang: Optional[str] = None, **fmt: str) -> str:
    """The phrase ``key`` in ``lang`` (English when the language or the phrase is not known)."""
    text = WORDS.get(lang or "en", {}).get(key) or WORDS["en"][key]
    return text.format(**fmt) if fmt else text


def quote(text: str, lang: Optional[str] = None) -> str:
    a, b = QUOTES.get(lang or "en", ("“", "”"))
    return f"{a}{text}{b}"


def colon(lang: Optional[str] = None) -> str:
    """": " — with the space French typography puts before it, full width in Chinese."""
    return _PUNCT.get(lang or "en", _PUNCT["en"])[0]


def semicolon(lang: Optional[str] = None) -> str:
    return _PUNCT.get(lang or "en", _PUNCT["en"])[1]


def comma(lang: Optional[str] = None) -> str:
    """The separator of a list (sponsors, counts): "، " in Arabic, "，" in Chinese."""
    return _PUNCT.get(lang or "en", _PUNCT["en"])[2]


def full_stop(lang: Optional[str] = None) -> str:
    return _PUNCT.get(lang or "en", _PUNCT["en"])[3]


def header_lines(h: HeaderComparison, lang: Optional[str] = None) -> list[str]:
    """One line per header change, in ``lang``: 'sponsors added: France', 'date: “…” → “…”'."""
    lines = []
    for name in ("title",) + HEADER_FIELDS:
        if name in h.fields:
            a, b = h.fields[name]
            lines.append(f"{word(name, lang)}{colon(lang)}{quote(a, lang)} → {quote(b, lang)}")
    colon_ = colon(lang)
    if h.sponsors_added:
        lines.append(word("sponsors_added", lang) + colon_ + comma(lang).join(h.sponsors_added))
    if h.sponsors_removed:
        lines.append(word("sponsors_removed", lang) + colon_ + comma(lang).join(h.sponsors_removed))
    return lines


def pair_flag_words(flags: list[str], lang: Optional[str]) -> list[str]:
    """:func:`compare.export.labels.pair_flags` words in ``lang``."""
    back = {"new": "inserted"}
    return [word(back.get(f, f), lang) if back.get(f, f) in WORDS["en"] else f for f in flags]


def describe_in(pair: Pair, lang: Optional[str]) -> str:
    """:func:`compare.export.labels.describe` in ``lang`` (ids stay as negotiators cite them)."""
    from .labels import footnote_notes, pair_flags, pair_ids

    bits = comma(lang).join(pair_flag_words(pair_flags(pair), lang))
    lead = ""
    if pair.leading_words and all(pair.leading_words):     # an uncertain pair: both leading words, no claim
        lead = f"{comma(lang)}{quote(pair.leading_words[0], lang)} ↔ {quote(pair.leading_words[1], lang)}"
    elif pair.leading_change:
        lead = f"{comma(lang)}{quote(pair.leading_change[0], lang)} → {quote(pair.leading_change[1], lang)}"
    notes = "".join(semicolon(lang) + n for n in footnote_notes(
        pair, lambda t: quote(t, lang), word("footnote_added", lang), word("footnote_removed", lang),
        word("footnote", lang), word("footnote_moved", lang)))
    return f"{pair_ids(pair)}{colon(lang)}{bits}{lead}{notes}"


def shows_unknown_numbers(cmp) -> bool:
    """Whether a view of ``cmp`` shows ids with an unknown number (``PP?7``) that need explaining."""
    ids = [i for p in cmp.pairs for i in p.old + p.new]
    ids += list(cmp.out_of_scope.get("old", [])) + list(cmp.out_of_scope.get("new", []))
    return any("?" in i for i in ids)
