"""Which of the six UN languages a text is in, and the fixed phrases of each.

Detection is by script (Arabic, Cyrillic, CJK) and, for Latin-script texts,
by the frequency of each language's commonest function words: UN texts are
long and formal, so this is reliable without a model.
"""
from __future__ import annotations

import re
from collections import Counter

UN_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")

#: "The General Assembly," — the line that opens the preamble.
PREAMBLE_OPENERS = {
    "en": r"the\s+general\s+assembly\s*,?",
    "fr": r"l['’]\s*assembl[ée]e\s+g[ée]n[ée]rale\s*,?",
    "es": r"la\s+asamblea\s+general\s*,?",
    "ru": r"генеральная\s+ассамблея\s*,?",
    "ar": r"(?:إن\s+)?الجمعية\s+العامة\s*[،,]?",
    "zh": r"大会\s*[，,]?",
}
OPENER_RE = re.compile(
    r"^\s*(?:" + "|".join(f"(?P<{k}>{v})" for k, v in PREAMBLE_OPENERS.items()) + r")\s*$",
    re.IGNORECASE,
)

MONTHS = {
    "en": ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"],
}
MONTH_NUMBER = {name: i + 1 for names in MONTHS.values() for i, name in enumerate(names)}
MONTH_NUMBER.update({"fevrier": 2, "aout": 8, "decembre": 12, "setiembre": 9, "1er": 1})

_FUNCTION_WORDS = {
    "en": {"the", "of", "and", "to", "in", "that", "for", "on", "with", "its", "by", "as", "all", "which", "be"},
    "fr": {"de", "la", "le", "les", "des", "et", "à", "du", "en", "que", "l'", "d'", "qui", "une", "pour", "dans", "sur", "au", "aux"},
    "es": {"de", "la", "el", "los", "las", "y", "en", "que", "del", "para", "por", "con", "una", "su", "sus", "al"},
}
_SCRIPTS = {
    "ar": re.compile(r"[\u0600-\u06FF]"),
    "ru": re.compile(r"[\u0400-\u04FF]"),
    "zh": re.compile(r"[\u3400-\u4DBF\u4E00-\u9FFF]"),
    "latin": re.compile(r"[A-Za-z\u00C0-\u024F]"),
}
_WORD = re.compile(r"[^\W\d_]+['’]?", re.UNICODE)


def detect_language(text: str) -> str | None:
    """Return ar, zh, en, fr, ru or es, or None if the text is in none of them (or too short)."""
    sample = text[:200_000]
    letters = Counter({script: len(rx.findall(sample)) for script, rx in _SCRIPTS.items()})
    total = sum(letters.values())
    if total < 20:
        return None
    script, n = letters.most_common(1)[0]
    if script in ("ar", "ru", "zh"):
        # zh uses few characters per word: weigh it up against Latin noise
        return script if n / total > 0.3 else None
    words = [w.lower().replace("’", "'") for w in _WORD.findall(sample)]
    if len(words) < 5:
        return None
    scores = {lang: sum(1 for w in words if w in fw) / len(words) for lang, fw in _FUNCTION_WORDS.items()}
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
