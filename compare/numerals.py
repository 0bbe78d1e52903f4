"""Numbers as UN texts write them, read in one place: roman numerals of sub-sub-paragraphs
((i), (ii), …) and the ordinal words of a session in the six languages ("Sixty-first session",
« Soixante-troisième session », "sexagésimo tercer período de sesiones", «Шестьдесят третья
сессия», "الدورة الثالثة والستون", "第六十三届会议")."""
from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Iterator, Optional

_VALUES = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
_DIGIT = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


#: what follows a paragraph number for a paragraph proposed between two others ("5 bis", « 5 ter »,
#: «5 бис», "5 مكررا"), longest first
INSERTED_NUMBER_SUFFIXES = ("quinquies", "quater", "sexies", "bis", "ter", "бис", "مكررا")


# a run of digits, spelled so that the engine skips to the next digit in its fast loop for a
# leading character set (``\d+`` is tried at every character: about twice the time)
_DIGIT_RUN = re.compile(r"[\d]\d*")


def whole_digit_runs(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """``pattern.finditer(text)`` for a pattern whose matches are whole runs of digits (its
    look-arounds allow no digit before or after): it is tried only where a run starts.  Such
    patterns open with a look-behind, which the regex engine tries at every character; runs
    of digits are found several times faster."""
    for run in _DIGIT_RUN.finditer(text):
        m = pattern.match(text, run.start())
        if m:
            yield m


def to_roman(n: int) -> str:
    """Lower-case roman numeral of ``n`` (1–3999); other numbers as digits."""
    if n <= 0 or n >= 4000:
        return str(n)
    out = []
    for v, s in _VALUES:
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)


def to_letters(n: int, repeat: bool = False) -> str:
    """Lower-case letter label of ``n``: a … z, then aa, ab … as a browser counts an ``<ol
    type="a">`` (``repeat=False``), or aa, bb … the letter repeated as Word numbers a list
    (``repeat=True``).  Zero and below, and past 26 × 40 (a crafted start value must not make a
    huge label), as digits."""
    if n <= 0 or n > 26 * 40:
        return str(n)
    if repeat:
        return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(ord("a") + r) + out
    return out


def roman_value(s: str) -> int:
    """Value of a roman numeral (case-insensitive); 0 if ``s`` is not one."""
    s = s.lower()
    if not s or any(c not in _DIGIT for c in s):
        return 0
    total = 0
    for i, ch in enumerate(s):
        v = _DIGIT[ch]
        total += -v if i + 1 < len(s) and _DIGIT[s[i + 1]] > v else v
    return total


# Ordinal and cardinal words of session numbers (English, French, Spanish, Russian, Arabic), each
# word's value; keys are folded as _fold folds the header (accents, hamza, case); the words of one
# language never occur in another's numbers.  Chinese numerals are read by _chinese_number.
_SESSION_WORDS_RAW: dict[str, int] = {
    # English
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
    # French ("quatre-vingt…" is four times twenty: see session_number)
    "premiere": 1, "premier": 1, "unieme": 1, "deuxieme": 2, "troisieme": 3,
    "quatrieme": 4, "cinquieme": 5, "sixieme": 6, "septieme": 7, "huitieme": 8, "neuvieme": 9,
    "dixieme": 10, "onzieme": 11, "douzieme": 12, "treizieme": 13, "quatorzieme": 14,
    "quinzieme": 15, "seizieme": 16, "vingtieme": 20, "trentieme": 30, "quarantieme": 40,
    "cinquantieme": 50, "soixantieme": 60,
    "un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
    "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50,
    "soixante": 60,
    # Spanish
    "primer": 1, "primero": 1, "primera": 1, "segundo": 2, "segunda": 2, "tercer": 3,
    "tercero": 3, "tercera": 3, "cuarto": 4, "cuarta": 4, "quinto": 5, "quinta": 5,
    "sexto": 6, "sexta": 6, "septimo": 7, "septima": 7, "setimo": 7, "octavo": 8, "octava": 8,
    "noveno": 9, "novena": 9, "decimo": 10, "decima": 10, "undecimo": 11, "duodecimo": 12,
    "vigesimo": 20, "vigesima": 20, "trigesimo": 30, "trigesima": 30, "cuadragesimo": 40,
    "cuadragesima": 40, "quincuagesimo": 50, "quincuagesima": 50, "sexagesimo": 60,
    "sexagesima": 60, "septuagesimo": 70, "septuagesima": 70, "octogesimo": 80,
    "octogesima": 80, "nonagesimo": 90, "nonagesima": 90,
    # Russian (a session is feminine: «Шестьдесят третья сессия»)
    "первая": 1, "вторая": 2, "третья": 3, "четвёртая": 4, "пятая": 5, "шестая": 6, "седьмая": 7,
    "восьмая": 8, "девятая": 9, "десятая": 10, "одиннадцатая": 11, "двенадцатая": 12,
    "тринадцатая": 13, "четырнадцатая": 14, "пятнадцатая": 15, "шестнадцатая": 16,
    "семнадцатая": 17, "восемнадцатая": 18, "девятнадцатая": 19, "двадцатая": 20, "тридцатая": 30,
    "сороковая": 40, "пятидесятая": 50, "шестидесятая": 60, "семидесятая": 70, "восьмидесятая": 80,
    "девяностая": 90, "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60,
    "семьдесят": 70, "восемьдесят": 80, "девяносто": 90,
    # Arabic (after the noun, feminine, the tens joined by و: "الدورة الثالثة والستون")
    "الأولى": 1, "الحادية": 1, "الثانية": 2, "الثالثة": 3, "الرابعة": 4, "الخامسة": 5,
    "السادسة": 6, "السابعة": 7, "الثامنة": 8, "التاسعة": 9, "العاشرة": 10, "عشرة": 10,
    "العشرون": 20, "الثلاثون": 30, "الأربعون": 40, "الخمسون": 50, "الستون": 60, "السبعون": 70,
    "الثمانون": 80, "التسعون": 90, "العشرين": 20, "الثلاثين": 30, "الأربعين": 40, "الخمسين": 50,
    "الستين": 60, "السبعين": 70, "الثمانين": 80, "التسعين": 90,
}
_SESSION_FILLER = {"et", "y", "and"}
_SESSION_NOUN = re.compile(r"\b(session|período|periodo|сессия)\b", re.I)
_SESSION_NOUN_AR = re.compile(r"(?:^|\s)الدورة(?:\s|$)")             # the number follows the noun
_SESSION_ZH = re.compile(r"第([〇零一二三四五六七八九十百]+|\d{1,3})届会")
_ZH_DIGITS = {c: k for k, c in enumerate("零一二三四五六七八九")} | {"〇": 0}


def _fold(text: str) -> str:
    """Accents and case folded (NFKD without combining marks): « Soixante-troisième » and
    "soixante-troisieme", «четвёртая» and «четвертая», "الأولى" and "الاولى" read alike."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


@cache
def _session_words() -> dict[str, int]:
    """The session words folded, on first use (most versions state a symbol)."""
    return {_fold(w): v for w, v in _SESSION_WORDS_RAW.items()}


def _chinese_number(s: str) -> Optional[int]:
    """六十三 → 63, 十一 → 11, 八十 → 80, 一百 → 100, 63 → 63; None when not a number."""
    if s.isdigit():
        return int(s)
    total, k = 0, 0
    for c in s:
        if c in _ZH_DIGITS:
            k = _ZH_DIGITS[c]
        elif c == "十":
            total += (k or 1) * 10
            k = 0
        elif c == "百":
            total += (k or 1) * 100
            k = 0
        else:
            return None
    return total + k or None


def session_number(text: Optional[str]) -> Optional[int]:
    """The number of a session as its header writes it: "Sixty-first session" → 61,
    « Soixante et onzième session » → 71, « Quatre-vingtième session » → 80, "sexagésimo
    tercer période de sesiones" → 63, «Шестьдесят третья сессия» → 63, "الدورة الثالثة والستون" → 63,
    "第六十三届会议" → 63, "63rd session" → 63; None when the words beside the session noun are
    not all number words (a date, a name)."""
    if not text:
        return None
    zh = _SESSION_ZH.search(text)
    if zh:
        return _chinese_number(zh.group(1))
    ar = _SESSION_NOUN_AR.search(text)
    m = _SESSION_NOUN.search(text)
    if ar:
        # "الدورة الثالثة والستون": the tens are joined by و ("and")
        head = " ".join(w[1:] if w.startswith("وال") else w for w in text[ar.end():].split())
    elif m:
        head = text[:m.start()].strip()
    else:
        return None
    digits = re.fullmatch(r"(\d{1,3})\s*(?:st|nd|rd|th|e|ème|eme|re|er|º|°|o|a|-я)?\.?", head, re.I)
    if digits:
        return int(digits.group(1)) or None
    folded = _fold(head)
    words = [w for w in re.split(r"[\s\-‐‑–]+", folded) if w and w not in _SESSION_FILLER]
    table = _session_words()
    if not words or any(w not in table for w in words):
        return None
    total, last = 0, 0
    for w in words:
        v = table[w]
        if v == 20 and last == 4 and w.startswith("vingt"):    # quatre-vingt(s/ième): 4 × 20
            total += 80 - 4
        else:
            total += v
        last = v
    return total or None
