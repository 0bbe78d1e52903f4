"""Which of the six UN languages a text is in, and the fixed phrases of each.

Detection is by script (Arabic, Cyrillic, CJK) and, for Latin-script texts,
by the frequency of each language's commonest function words: UN texts are
long and formal, so this is reliable without a model.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True)
class LanguageFacts:
    """What the tool knows of one UN language, beside its leading words (:mod:`compare.lexicon`)."""

    code: str
    opener: str                     # "The General Assembly," as printed: opens the preamble
    opener_pattern: str             # the same line as read (regex, case-insensitive); where the
                                    # header's organ line has the same words ("Генеральная Ассамблея",
                                    # "大会"), the opener's comma (or Arabic's "إن") tells them apart
    rtl: bool = False               # written right to left
    months: tuple[str, ...] = ()    # month names as dates print them (genitive in Russian)
    function_words: frozenset[str] = frozenset()    # commonest words: tell Latin-script languages apart
    resolution: str = ""            # the document type of an adopted text ("resolution")
    draft: str = ""                 # the word that marks a draft in its document type
    recycle: str = ""               # "Please recycle" page furniture
    plenary: str = ""               # "68th plenary meeting" closing adopted texts
    # the header block (regex alternatives, read case-insensitively by compare.structure)
    distribution: tuple[str, ...] = ()      # "Distr.: Limited"
    session: tuple[str, ...] = ()           # "Sixty-third session"
    committee: tuple[str, ...] = ()         # "Third Committee"
    agenda: tuple[str, ...] = ()            # "Agenda item 97"
    agenda_tail: tuple[str, ...] = ()       # « Point 97 de l'ordre du jour »
    doc_types: tuple[str, ...] = ()         # "Belarus, …: draft resolution" (longest first)
    adopted_heading: str = ""               # "Resolution adopted by the General Assembly [on …]"
    adopted_on: str = ""                    # the word before its date
    organs: tuple[str, ...] = ()            # "United Nations", "General Assembly"
    language_names: tuple[str, ...] = ()    # "Original: English"
    and_word: str = ""                      # "Belarus and Ecuador"
    as_well_as: str = ""                    # "as well as": joins two clauses as "and" does (a split's cut)
    # Member States whose name holds the and-word with spaces round it: one sponsor, not two
    compound_states: tuple[str, ...] = ()
    sub_label: str = "({})"                 # a sub-paragraph's typed label: "(a)", « a) »


#: The six official languages, in the UN's order: the one table of language facts.
LANGUAGES: dict[str, LanguageFacts] = {f.code: f for f in (
    LanguageFacts("ar", "إن الجمعية العامة،", r"(?:إن\s+الجمعية\s+العامة\s*[،,]?|الجمعية\s+العامة\s*[،,])", rtl=True,
                  resolution="قرار", draft="مشروع", session=("الدورة",),
                  committee=("اللجنة (?:الأولى|الثانية|الثالثة|الرابعة|الخامسة|السادسة)",),
                  agenda=("البند",), agenda_tail=("من جدول الأعمال",),
                  organs=("الأمم المتحدة", "الجمعية العامة", "المجلس الاقتصادي والاجتماعي")),
    LanguageFacts("zh", "大会，", r"大会\s*[，,]", resolution="决议", draft="草案",
                  session=(r"第[〇零一二三四五六七八九十百\d]+届会议?",),
                  committee=("第[一二三四五六]委员会",), agenda=("议程项目",),
                  organs=("联合国", "大会", "经济及社会理事会")),
    LanguageFacts("en", "The General Assembly,", r"the\s+general\s+assembly\s*,?",
                  months=("january", "february", "march", "april", "may", "june", "july", "august", "september",
                          "october", "november", "december"),
                  function_words=frozenset({"the", "of", "and", "to", "in", "that", "for", "on", "with", "its", "by",
                                            "as", "all", "which", "be"}),
                  resolution="resolution", draft="draft", recycle="please recycle", plenary="plenary meeting",
                  distribution=("general", "limited", "restricted"), session=("session",),
                  committee=(r"(?:First|Second|Third|Fourth|Fifth|Sixth)\s+Committee", r"Commission on [A-Z][\w ]+"),
                  agenda=("Agenda item", "Item"),
                  doc_types=("revised draft resolution", "draft resolution", "draft decision"),
                  adopted_heading="Resolution adopted by the General Assembly", adopted_on="on",
                  organs=("United Nations", "General Assembly", "Economic and Social Council"),
                  language_names=("English", "French", "Spanish", "Russian", "Arabic", "Chinese"), and_word="and",
                  as_well_as="as well as",
                  compound_states=("Antigua and Barbuda", "Bosnia and Herzegovina", "Saint Kitts and Nevis",
                                   "Saint Vincent and the Grenadines", "Sao Tome and Principe", "Trinidad and Tobago",
                                   "United Kingdom of Great Britain and Northern Ireland")),
    LanguageFacts("fr", "L’Assemblée générale,", r"l['’]\s*assembl[ée]e\s+g[ée]n[ée]rale\s*,?",
                  months=("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                          "octobre", "novembre", "décembre"),
                  function_words=frozenset({"de", "la", "le", "les", "des", "et", "à", "du", "en", "que", "l'", "d'",
                                            "qui", "une", "pour", "dans", "sur", "au", "aux"}),
                  resolution="résolution", draft="projet", recycle="merci de recycler", plenary="séance plénière",
                  distribution=("générale", "limitée", "restreinte"), session=("période de sessions",),
                  committee=(r"(?:Première|Deuxième|Troisième|Quatrième|Cinquième|Sixième)\s+Commission",
                             r"Commission de la [\w ]+"),
                  agenda=("Point",), agenda_tail=("de l['’]ordre du jour",),
                  doc_types=("projet de résolution révisé", "projet de résolution", "projet de décision"),
                  adopted_heading="Résolution adoptée par l['’]Assemblée générale", adopted_on="le",
                  organs=("Nations Unies", "Assemblée générale", "Conseil économique et social"),
                  language_names=("Français", "Anglais", "Espagnol", "Russe", "Arabe", "Chinois"), and_word="et",
                  as_well_as="ainsi que",
                  compound_states=("Royaume-Uni de Grande-Bretagne et d’Irlande du Nord",),
                  sub_label="{})"),
    LanguageFacts("ru", "Генеральная Ассамблея,", r"генеральная\s+ассамблея\s*,",
                  months=("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
                          "октября", "ноября", "декабря"),
                  resolution="резолюция", draft="проект", session=("сессия",),
                  committee=("(?:Первый|Второй|Третий|Четвертый|Четвёртый|Пятый|Шестой) комитет",),
                  agenda=("Пункт",), agenda_tail=("повестки дня",),
                  doc_types=("пересмотренный проект резолюции", "проект резолюции"),
                  organs=("Организация Объединенных Наций", "Генеральная Ассамблея"), and_word="и",
                  as_well_as="а также",
                  compound_states=("Антигуа и Барбуда", "Босния и Герцеговина", "Сент-Китс и Невис",
                                   "Сент-Винсент и Гренадины", "Сан-Томе и Принсипи", "Тринидад и Тобаго",
                                   "Соединенное Королевство Великобритании и Северной Ирландии"), sub_label="{})"),
    LanguageFacts("es", "La Asamblea General,", r"la\s+asamblea\s+general\s*,?",
                  months=("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                          "octubre", "noviembre", "diciembre"),
                  function_words=frozenset({"de", "la", "el", "los", "las", "y", "en", "que", "del", "para", "por",
                                            "con", "una", "su", "sus", "al"}),
                  resolution="resolución", draft="proyecto", recycle="sírvase reciclar", plenary="sesión plenaria",
                  distribution=("limitada", "reservada"), session=("período de sesiones",),
                  committee=(r"(?:Primera|Segunda|Tercera|Cuarta|Quinta|Sexta)\s+Comisión",),
                  agenda=("Tema",), agenda_tail=("del programa",),
                  doc_types=("proyecto de resolución revisado", "proyecto de resolución", "proyecto de decisión"),
                  adopted_heading="Resolución aprobada por la Asamblea General", adopted_on="el",
                  organs=("Naciones Unidas", "Asamblea General"),
                  language_names=("Español", "Inglés", "Francés", "Ruso", "Árabe", "Chino"), and_word="y",
                  as_well_as="así como",
                  compound_states=("Antigua y Barbuda", "Bosnia y Herzegovina", "Saint Kitts y Nevis",
                                   "San Vicente y las Granadinas", "Santo Tomé y Príncipe", "Trinidad y Tabago"),
                  sub_label="{})"),
)}

UN_LANGUAGES = tuple(LANGUAGES)
#: languages written right to left (views set dir="rtl", the redline w:bidi)
RTL = frozenset(k for k, f in LANGUAGES.items() if f.rtl)

#: "The General Assembly," — the line that opens the preamble.
PREAMBLE_OPENERS = {k: f.opener_pattern for k, f in LANGUAGES.items()}

OPENER_RE = re.compile(
    r"^\s*(?:" + "|".join(f"(?P<{k}>{v})" for k, v in PREAMBLE_OPENERS.items()) + r")\s*$",
    re.IGNORECASE,
)

MONTHS = {k: list(f.months) for k, f in LANGUAGES.items() if f.months}
MONTH_NUMBER = {name: i + 1 for names in MONTHS.values() for i, name in enumerate(names)}
MONTH_NUMBER.update({"fevrier": 2, "aout": 8, "decembre": 12, "setiembre": 9, "1er": 1})

_FUNCTION_WORDS = {k: set(f.function_words) for k, f in LANGUAGES.items() if f.function_words}

#: the letters of each script, as ranges of characters (a CJK character class costs ms to compile)
_SCRIPTS: dict[str, tuple[tuple[str, str], ...]] = {
    "ar": (("\u0600", "\u06FF"),),
    "ru": (("\u0400", "\u04FF"),),
    "zh": (("\u3400", "\u4DBF"), ("\u4E00", "\u9FFF")),
    "latin": (("A", "Z"), ("a", "z"), ("\u00C0", "\u024F")),
}
_WORD = re.compile(r"[^\W\d_]+['’]?", re.UNICODE)


def detect_language(text: str) -> str | None:
    """Return ar, zh, en, fr, ru or es, or None if the text is in none of them (or too short)."""
    sample = text[:200_000]
    letters = Counter(dict.fromkeys(_SCRIPTS, 0))
    for c, n in Counter(sample).items():    # each distinct character classified once
        script = next((k for k, ranges in _SCRIPTS.items() if any(lo <= c <= hi for lo, hi in ranges)), None)
        if script:
            letters[script] += n
    total = sum(letters.values())
    if total < 20:
        return None
    script, n = letters.most_common(1)[0]
    if script in ("ar", "ru", "zh"):
        # zh uses few characters per word: weigh it up against Latin noise
        return script if n / total > 0.3 else None
    found = Counter(_WORD.findall(sample))
    n_words = sum(found.values())
    if n_words < 5:
        return None
    counts: Counter[str] = Counter()    # each distinct word folded once, looked up once per language
    for w, c in found.items():
        counts[w.lower().replace("’", "'")] += c
    scores = {lang: sum(c for w, c in counts.items() if w in fw) / n_words for lang, fw in _FUNCTION_WORDS.items()}
    best = max(scores, key=scores.get)  # type: ignore[arg-type]
    if scores[best] < 0.12:
        return None
    return best


def opener_language(line: str) -> str | None:
    """If ``line`` is "The General Assembly," in a UN language, return that language."""
    m = OPENER_RE.match(line)
    if not m:
        return None
    return next(k for k, v in m.groupdict().items() if v is not None)


def opener(lang: str | None) -> str:
    """"The General Assembly," as printed in ``lang`` (English when unknown)."""
    return LANGUAGES.get(lang or "en", LANGUAGES["en"]).opener


def typed_label(number: str, level: int, lang: str | None = None) -> str:
    """The label a paragraph is printed with: "5." at the top level; a sub-paragraph's as its
    language writes it, "(a)" / "(ii)" in English, « a) » / « ii) » in French, Spanish and
    Russian (:attr:`LanguageFacts.sub_label`); "" without a number."""
    if not number:
        return ""
    if level == 0:
        return f"{number}."
    return LANGUAGES.get(lang or "en", LANGUAGES["en"]).sub_label.format(number)


def is_resolution_type(doc_type: str | None) -> bool:
    """A document type that says "resolution" (an adopted text) in one of the six languages."""
    return (doc_type or "").strip().lower() in {f.resolution for f in LANGUAGES.values()}


def is_draft_type(doc_type: str | None) -> bool:
    """A document type that says "draft" ("draft resolution", « projet de résolution révisé »)."""
    dt = (doc_type or "").lower()
    return any(f.draft and f.draft in dt for f in LANGUAGES.values())


def alternatives(field: str) -> str:
    """``a|b|c``: one field of every language of the table, as regex alternatives in table
    order (a field holding one string gives one alternative per language)."""
    out: list[str] = []
    for f in LANGUAGES.values():
        v = getattr(f, field)
        out.extend([v] if isinstance(v, str) else v)
    return "|".join(x for x in out if x)
