"""Per-language facts about UN resolution paragraphs: their leading words.

A preambular paragraph (PP) opens with a participle or adjective ("Recalling",
"Deeply concerned", « Prenant note »); an operative paragraph (OP) with a verb in
the present tense ("Urges", "Calls upon", « Note avec satisfaction »).  These
*leading words* carry weight in negotiation, so a comparison must report a change
of leading word even when the rest of the paragraph is the same.

A leading word is cut in three parts, each optional except the base:

* an intensifier before the base ("Deeply", "Strongly", « Vivement »),
* the base itself, possibly several words ("Calls upon", "Takes note of",
  « Prend note », « Se félicitant »),
* modifiers after it that usually follow from reordering rather than
  substance ("also", "further", "again", « également », « en outre »,
  « à nouveau »; Chinese puts them before: 又, 还, 并).

:func:`leading_word` returns the whole leading phrase as written in the text;
:func:`split_leading` returns its parts so callers can tell a change of base
("Encourages" → "Urges") from an added modifier ("Recalls" → "Recalls also"):
see :func:`leading_change_kind`.

Nothing here imports our other modules except the shared tokenizer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from compare.tokens import iter_tokens, word_key, words

if TYPE_CHECKING:
    from collections.abc import Sequence

    from compare.model import Document, Paragraph

LANGS = ("en", "fr", "es", "ru", "ar", "zh")

# ------------------------------------------------------------------ word lists
# Base leading words.  Multi-word bases are listed whole; the longest match wins.
# Lists are not exhaustive; an unknown leading word falls back to the first word
# (first participle/verb) of the paragraph, which is right in most languages.

PREAMBLE: dict[str, list[str]] = {
    "en": [
        "Recalling", "Reaffirming", "Reiterating", "Welcoming", "Recognizing", "Recognising",
        "Acknowledging", "Noting", "Noting with appreciation", "Noting with concern",
        "Noting with satisfaction", "Noting with interest", "Taking note", "Taking note of",
        "Taking into account", "Taking into consideration", "Bearing in mind", "Mindful",
        "Conscious", "Aware", "Convinced", "Concerned", "Alarmed", "Emphasizing",
        "Emphasising", "Stressing", "Underlining", "Underscoring", "Affirming", "Considering",
        "Guided by", "Determined", "Desiring", "Believing", "Expressing", "Expressing concern",
        "Expressing its appreciation", "Having considered", "Having examined", "Commending",
        "Appreciating", "Encouraged", "Acknowledging with appreciation", "Observing",
        "Deploring", "Condemning", "Further recalling", "Reaffirming also",
        "Cognizant", "Realizing", "Highlighting", "Noting further", "Regretting",
        "Seriously concerned", "Gravely concerned", "Deeply concerned", "Deeply alarmed",
        "Strongly condemning", "Deeply disturbed", "Stressing the need",
        "Recalling with satisfaction", "Welcoming with appreciation", "Welcoming with satisfaction",
        "Noting with deep concern", "Noting with grave concern", "Noting with regret",
        "Taking note with appreciation", "Taking note with satisfaction", "Taking note with interest",
        "Recognizing with appreciation", "Recognizing with satisfaction", "Expressing deep concern",
        "Expressing grave concern", "Expressing its deep appreciation",
    ],
    "fr": [
        "Rappelant", "Réaffirmant", "Réitérant", "Se félicitant", "Accueillant favorablement",
        "Accueillant avec satisfaction", "Considérant", "Reconnaissant", "Constatant",
        "Notant", "Notant avec satisfaction", "Notant avec préoccupation", "Notant avec intérêt",
        "Prenant note", "Prenant acte", "Tenant compte", "Ayant à l'esprit", "Gardant à l'esprit",
        "Consciente", "Conscient", "Convaincue", "Convaincu", "Préoccupée", "Préoccupé",
        "Alarmée", "Inquiète", "Soulignant", "Insistant", "Affirmant", "Guidée par",
        "Résolue", "Désireuse", "Estimant", "Exprimant", "Ayant examiné", "Saluant",
        "Appréciant", "Encouragée", "Observant", "Déplorant", "Condamnant", "Sachant",
        "Mettant l'accent", "Soulignant la nécessité", "Profondément préoccupée",
        "Vivement préoccupée", "Gravement préoccupée", "Sérieusement préoccupée",
        "Constatant avec préoccupation", "Constatant avec satisfaction",
        "Prenant note avec satisfaction", "Prenant note avec intérêt", "Prenant note avec préoccupation",
        "Rappelant avec satisfaction", "Notant avec une vive préoccupation", "Notant avec regret",
        "Saluant avec satisfaction", "Se félicitant vivement",
    ],
    "es": [
        "Recordando", "Reafirmando", "Reiterando", "Acogiendo con beneplácito",
        "Acogiendo con satisfacción", "Celebrando", "Reconociendo", "Observando",
        "Observando con aprecio", "Observando con preocupación", "Tomando nota",
        "Teniendo presente", "Teniendo en cuenta", "Consciente", "Convencida",
        "Preocupada", "Alarmada", "Destacando", "Subrayando", "Poniendo de relieve",
        "Afirmando", "Considerando", "Guiada por", "Decidida", "Deseosa", "Expresando",
        "Habiendo examinado", "Encomiando", "Apreciando", "Alentada", "Deplorando",
        "Condenando", "Profundamente preocupada", "Gravemente preocupada",
        "Seriamente preocupada", "Haciendo hincapié", "Poniendo de relieve",
        "Tomando nota con satisfacción", "Tomando nota con aprecio", "Tomando nota con interés",
        "Observando con satisfacción", "Observando con gran preocupación", "Recordando con satisfacción",
        "Acogiendo con aprecio",
    ],
    "ru": [
        "ссылаясь на", "ссылаясь", "напоминая", "вновь подтверждая", "подтверждая",
        "приветствуя", "признавая", "отмечая", "отмечая с удовлетворением",
        "отмечая с признательностью", "отмечая с обеспокоенностью", "принимая к сведению",
        "принимая во внимание", "учитывая", "памятуя", "сознавая", "будучи убеждена",
        "убежденная", "будучи обеспокоена", "обеспокоенная", "встревоженная",
        "подчеркивая", "особо отмечая", "считая", "руководствуясь", "выражая",
        "рассмотрев", "высоко оценивая", "осуждая", "глубоко обеспокоенная",
        "будучи глубоко обеспокоена", "будучи серьезно обеспокоена", "вновь заявляя",
    ],
    "ar": [
        "إذ تشير", "وإذ تشير", "إذ تعيد تأكيد", "وإذ تعيد تأكيد", "إذ تؤكد من جديد",
        "وإذ تؤكد من جديد", "إذ ترحب", "وإذ ترحب", "إذ تسلم", "وإذ تسلم", "إذ تعترف",
        "وإذ تعترف", "إذ تلاحظ", "وإذ تلاحظ", "إذ تحيط علما", "وإذ تحيط علما",
        "إذ تضع في اعتبارها", "وإذ تضع في اعتبارها", "إذ تدرك", "وإذ تدرك",
        "إذ يساورها القلق", "وإذ يساورها القلق", "إذ يساورها بالغ القلق",
        "وإذ يساورها بالغ القلق", "إذ تشدد", "وإذ تشدد", "إذ تؤكد", "وإذ تؤكد",
        "إذ تقتنع", "وإذ تقتنع", "إذ تعرب", "وإذ تعرب", "إن الجمعية العامة",
    ],
    "zh": [
        "回顾", "重申", "欢迎", "确认", "认识到", "注意到", "赞赏地注意到", "关切地注意到",
        "表示注意到", "铭记", "意识到", "深信", "关切", "深为关切", "严重关切", "震惊",
        "强调", "申明", "考虑到", "决心", "希望", "表示", "审议了", "赞扬", "谴责",
        "认为", "重申其",
    ],
}

OPERATIVE: dict[str, list[str]] = {
    "en": [
        "Decides", "Requests", "Urges", "Calls upon", "Calls on", "Encourages", "Invites",
        "Welcomes", "Notes", "Notes with appreciation", "Notes with concern",
        "Notes with satisfaction", "Notes with interest", "Takes note", "Takes note of",
        "Takes note with appreciation", "Stresses", "Reaffirms", "Reiterates", "Recalls",
        "Recognizes", "Recognises", "Acknowledges", "Emphasizes", "Emphasises", "Underlines",
        "Underscores", "Affirms", "Endorses", "Approves", "Adopts", "Expresses",
        "Expresses its appreciation", "Expresses concern", "Expresses deep concern",
        "Commends", "Appreciates", "Condemns", "Strongly condemns", "Deplores", "Declares",
        "Proclaims", "Supports", "Considers", "Believes", "Authorizes", "Designates",
        "Demands", "Remains", "Calls",
        "Welcomes with appreciation", "Welcomes with satisfaction", "Notes with deep concern",
        "Notes with grave concern", "Notes with regret", "Takes note with satisfaction",
        "Takes note with interest", "Takes note with concern", "Recalls with satisfaction",
        "Recognizes with appreciation", "Expresses grave concern", "Expresses its deep appreciation",
    ],
    "fr": [
        "Décide", "Prie", "Exhorte", "Demande", "Engage", "Encourage", "Invite", "Salue",
        "Se félicite", "Accueille avec satisfaction", "Accueille favorablement", "Note",
        "Note avec satisfaction", "Note avec préoccupation", "Note avec intérêt",
        "Prend note", "Prend acte", "Souligne", "Insiste", "Réaffirme", "Réitère", "Rappelle",
        "Reconnaît", "Considère", "Constate", "Affirme", "Fait sienne", "Fait siens",
        "Approuve", "Adopte", "Exprime", "Remercie", "Félicite", "Condamne",
        "Condamne énergiquement", "Déplore", "Déclare", "Proclame", "Appuie", "Estime",
        "Autorise", "Désigne", "Exige", "Sait", "Sait gré", "Est consciente", "Est convaincue",
        "Se déclare", "Se dit", "Lance un appel", "Demande instamment",
        "Engage vivement", "Encourage vivement",
        "Prie instamment", "Engage instamment", "Invite instamment", "Exhorte instamment",
        "Exhorte vivement", "Invite vivement", "Prie vivement", "Demande vivement",
        "Prend note avec satisfaction", "Prend note avec intérêt", "Prend note avec préoccupation",
        "Note avec une vive préoccupation", "Note avec regret", "Se félicite vivement",
        "Accueille avec intérêt", "Rappelle avec satisfaction",
    ],
    "es": [
        "Decide", "Solicita", "Pide", "Insta", "Exhorta", "Alienta", "Invita",
        "Acoge con beneplácito", "Acoge con satisfacción", "Celebra", "Observa",
        "Observa con aprecio", "Observa con preocupación", "Toma nota", "Toma conocimiento",
        "Destaca", "Subraya", "Pone de relieve", "Reafirma", "Reitera", "Recuerda",
        "Reconoce", "Afirma", "Hace suyo", "Hace suya", "Aprueba", "Adopta", "Expresa",
        "Encomia", "Agradece", "Condena", "Condena enérgicamente", "Deplora", "Declara",
        "Proclama", "Apoya", "Considera", "Autoriza", "Designa", "Exige",
        "Hace un llamamiento", "Exhorta encarecidamente", "Alienta encarecidamente",
        "Insta encarecidamente", "Solicita encarecidamente", "Pide encarecidamente", "Invita encarecidamente",
        "Toma nota con satisfacción", "Toma nota con aprecio", "Toma nota con interés",
        "Toma nota con preocupación", "Observa con interés", "Observa con satisfacción",
        "Observa con gran preocupación", "Acoge con aprecio", "Recuerda con satisfacción",
    ],
    "ru": [
        "постановляет", "просит", "настоятельно призывает", "призывает", "рекомендует",
        "предлагает", "приветствует", "отмечает", "с удовлетворением отмечает",
        "с признательностью отмечает", "с обеспокоенностью отмечает", "принимает к сведению",
        "подчеркивает", "особо отмечает", "вновь подтверждает", "подтверждает",
        "вновь заявляет", "напоминает", "признает", "заявляет", "одобряет", "утверждает",
        "принимает", "выражает", "высоко оценивает", "благодарит", "осуждает",
        "решительно осуждает", "сожалеет", "провозглашает", "поддерживает", "считает",
        "уполномочивает", "требует", "поощряет",
    ],
    "ar": [
        "تقرر", "تطلب", "تحث", "تهيب", "تشجع", "تدعو", "ترحب", "تلاحظ", "تحيط علما",
        "تشدد", "تؤكد", "تؤكد من جديد", "تعيد تأكيد", "تكرر", "تشير", "تسلم", "تعترف",
        "تؤيد", "توافق", "تعتمد", "تعرب", "تثني", "تدين", "تشجب", "تعلن", "تدعم", "ترى",
        "تأذن", "تطالب",
    ],
    "zh": [
        "决定", "请", "吁请", "促请", "敦促", "鼓励", "邀请", "欢迎", "注意到", "赞赏地注意到",
        "关切地注意到", "表示注意到", "注意", "强调", "重申", "回顾", "确认", "认识到",
        "申明", "核可", "赞同", "通过", "表示", "赞扬", "谴责", "强烈谴责", "痛惜", "宣布",
        "支持", "认为", "授权", "要求", "感谢",
    ],
}

#: words that may precede a base and strengthen it ("Deeply concerned")
INTENSIFIERS: dict[str, list[str]] = {
    "en": ["deeply", "gravely", "seriously", "strongly", "firmly", "fully", "profoundly",
           "greatly", "particularly"],
    "fr": ["profondément", "vivement", "gravement", "sérieusement", "fermement", "pleinement"],
    "es": ["profundamente", "gravemente", "seriamente", "firmemente", "enérgicamente",
           "plenamente"],
    "ru": ["глубоко", "серьезно", "решительно", "твердо"],
    "ar": [],
    "zh": [],
}

#: modifiers that may stand *before* the base ("Further requests", "Also decides",
#: «вновь просит»); Chinese ones are in :data:`ZH_PREFIX_MODIFIERS`.
PRE_MODIFIERS: dict[str, list[str]] = {
    "en": ["also", "further", "again", "once again", "once more", "moreover", "furthermore"],
    "fr": [],
    "es": [],
    "ru": ["также", "далее", "вновь", "еще раз", "кроме того"],
    "ar": [],
    "zh": [],
}

#: the word that opens an infinitive where a list item starts with one ("(a) To promote …",
#: « a) De promouvoir … »): the leading word is the verb after it, not this word alone
INFINITIVE_MARKERS: dict[str, tuple[str, ...]] = {"en": ("to",), "fr": ("de",)}


@lru_cache(maxsize=None)
def _infinitive_markers(lang: Optional[str]) -> frozenset[str]:
    if lang is None:
        return frozenset(w for ws in INFINITIVE_MARKERS.values() for w in ws)
    return frozenset(INFINITIVE_MARKERS.get(lang, ()))


#: words after the base that usually follow from reordering, not substance
MODIFIERS: dict[str, list[str]] = {
    "en": ["also", "further", "again", "once again", "once more", "moreover", "in addition",
           "in this regard", "in this context", "furthermore", "likewise", "similarly",
           "anew"],
    "fr": ["également", "en outre", "aussi", "de nouveau", "à nouveau", "une fois encore",
           "de plus", "par ailleurs", "encore", "enfin", "à cet égard", "dans ce contexte"],
    "es": ["también", "además", "asimismo", "nuevamente", "una vez más", "igualmente",
           "de nuevo", "a este respecto", "en este contexto"],
    "ru": ["также", "далее", "вновь", "кроме того", "еще раз", "в этой связи",
           "в связи с этим"],
    "ar": ["أيضا", "أيضاً", "كذلك", "كذلك أيضا", "من جديد", "مرة أخرى", "في هذا الصدد"],
    "zh": [],
}

#: words naming whom an operative paragraph addresses ("Calls upon Member States to …",
#: « Engage les gouvernements à … »): a new addressee does not make a new request.  Single words
#: (keys), as the aligner compares the first words of what is asked.
ADDRESSEES: dict[str, list[str]] = {
    "en": ["member", "states", "state", "governments", "government", "parties"],
    "fr": ["états", "membres", "état", "gouvernements", "gouvernement", "parties"],
    "es": ["estados", "miembros", "estado", "gobiernos", "gobierno", "partes"],
    "ru": ["государства", "государствам", "государств", "членов", "члены", "правительства",
           "правительствам", "участников"],
    "ar": ["الدول", "الأعضاء", "الحكومات", "الأطراف"],
    "zh": [],
}


@lru_cache(maxsize=None)
def addressee_words() -> frozenset[str]:
    """The keys of :data:`ADDRESSEES` in every language (a paragraph's language need not be known)."""
    return frozenset(word_key(w) for ws in ADDRESSEES.values() for w in ws)


#: Chinese modifiers precede the verb ("又回顾", "还决定"); they are split off first.
ZH_PREFIX_MODIFIERS = ["又", "还", "并", "再次", "也", "另外", "进一步"]

@dataclass(frozen=True)
class Leading:
    """The parts of a paragraph's leading phrase, each as written in the text."""

    pre: str = ""           # modifiers before the base ("Further" requests, 又 回顾)
    intensifier: str = ""
    base: str = ""
    modifiers: str = ""
    text: str = ""          # the whole phrase as written (intensifier+base+modifiers)

    def __bool__(self) -> bool:
        return bool(self.base)


def _key(s: str) -> tuple[str, ...]:
    """Word keys of a phrase (casefolded, typography-normalised, accents kept): ``tokens.words``."""
    return tuple(words(s))


@lru_cache(maxsize=None)
def _phrases(table_name: str, lang: Optional[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrase keys of a table, indexed by first word, longest first."""
    table = {"PP": PREAMBLE, "OP": OPERATIVE, "INT": INTENSIFIERS, "MOD": MODIFIERS,
             "PRE": PRE_MODIFIERS}[table_name]
    langs = [lang] if lang in LANGS else list(LANGS)
    keys = {_key(p) for lg in langs for p in table.get(lg, [])}
    keys.discard(())
    index: dict[str, list[tuple[str, ...]]] = {}
    for k in sorted(keys, key=len, reverse=True):
        index.setdefault(k[0], []).append(k)
    return {w: tuple(v) for w, v in index.items()}


_BARRIER = "\u0000"          # the key of a clause break: leading phrases never run across one


class _WordSpans:
    """(key, start, end) of the first words of ``text`` (and of the clause breaks between
    them), tokenized only as far as a lookup asks: a leading phrase is decided on its first
    few words, so most of the ``limit`` are never needed.  ``has(i)`` says whether entry
    ``i`` exists; entries stop after the word that makes ``limit`` of them."""

    def __init__(self, text: str, limit: int = 12) -> None:
        # leading words live in the first few hundred characters: never tokenize a whole long paragraph
        self._tokens = iter_tokens(text[:400])
        self._items: list[tuple[str, int, int]] = []
        self._pos = 0
        self._limit = limit
        self._done = False

    def has(self, i: int) -> bool:
        items = self._items
        while len(items) <= i and not self._done:
            t = next(self._tokens, None)
            if t is None:
                self._done = True
                break
            end = self._pos + len(t.text)
            if t.kind in ("word", "elision"):
                items.append((word_key(t.text), self._pos, end))
                self._done = len(items) >= self._limit
            elif t.kind == "punct" and t.text in ",;:.،؛，；：。":
                items.append((_BARRIER, self._pos, end))
            self._pos = end
        return i < len(items)

    def __getitem__(self, i: int) -> tuple[str, int, int]:
        """Entry ``i``, once :meth:`has` said it exists."""
        return self._items[i]


def _match_at(spans: _WordSpans, i: int, phrases) -> int:
    """Length (in words) of the longest phrase matching spans[i:]; 0 if none."""
    if not spans.has(i):
        return 0
    for ph in phrases.get(spans[i][0], ()):
        n = len(ph)
        if spans.has(i + n - 1) and all(spans[i + t][0] == ph[t] for t in range(1, n)):
            return n
    return 0


def _run_end(spans: _WordSpans, i: int, phrases) -> int:
    """End of a run of ``phrases`` starting at word ``i`` (``i`` itself when none starts there)."""
    while spans.has(i):
        n = _match_at(spans, i, phrases)
        if not n:
            break
        i += n
    return i


@lru_cache(maxsize=8192)
def split_leading(text: str, kind: str = "", lang: Optional[str] = None) -> Leading:
    """Cut the leading phrase of a paragraph into intensifier, base and modifiers.

    ``kind`` is ``"PP"``, ``"OP"`` or anything else (both lists are tried, OP
    first).  ``lang`` is one of :data:`LANGS` or None (all languages tried).
    When no listed base matches, the first word is taken as the base (for a PP
    or OP the first word is the participle or verb in every language but
    Chinese and Arabic, where one or two words are taken).
    """
    text = text.lstrip()
    if not text:
        return Leading()
    spans = _WordSpans(text)
    if not spans.has(0) or spans[0][0] == _BARRIER:
        return Leading()
    tables = ["OP", "PP"] if kind == "OP" else ["PP", "OP"] if kind == "PP" else ["OP", "PP"]

    def base_at(i: int) -> int:
        for tb in tables:
            n = _match_at(spans, i, _phrases(tb, lang))
            if n:
                return n
        return 0

    def run(i: int, table: str) -> int:
        return _run_end(spans, i, _phrases(table, lang))

    # a listed base at the very start wins ("Further recalling" is a base too)
    i_pre = i_int = 0
    base_n = base_at(0)
    if not base_n:
        i_pre = run(0, "PRE")
        i_int = run(i_pre, "INT")
        base_n = base_at(i_int)
        if not base_n:
            # unknown base: one word after whatever pre-modifiers/intensifiers we saw
            if spans.has(i_int) and spans[i_int][0] != _BARRIER:
                base_n = 1
            else:
                i_pre = i_int = 0
                base_n = 1
    j = i_int + base_n
    if base_n == 1 and (spans[i_int][0].endswith("'") or spans[i_int][0] in _infinitive_markers(lang)) \
            and spans.has(j) and spans[j][0] != _BARRIER:
        j += 1      # an elided article or an infinitive's "to" is no leading word by itself: « L'Assemblée »,
                    # a sub-paragraph's "(a) To promote …"
    k = run(j, "MOD")

    def cut(a: int, b: int) -> str:
        return text[spans[a][1]:spans[b - 1][2]] if b > a else ""

    return Leading(cut(0, i_pre), cut(i_pre, i_int), cut(i_int, j), cut(j, k), cut(0, k))


def _zh_prefix(s: str) -> str:
    """The modifier a Chinese leading verb opens with ("又", "进一步"), or ""."""
    return next((m for m in sorted(ZH_PREFIX_MODIFIERS, key=len, reverse=True) if s.startswith(m)), "")


def _split_zh(text: str, kind: str) -> Leading:
    s = text.lstrip()
    if not s:
        return Leading()
    prefix = _zh_prefix(s)
    rest = s[len(prefix):]
    lists = (OPERATIVE["zh"] + PREAMBLE["zh"]) if kind != "PP" else (PREAMBLE["zh"] + OPERATIVE["zh"])
    base = ""
    for w in sorted(lists, key=len, reverse=True):
        if rest.startswith(w):
            base = w
            break
    if not base:
        m = re.match(r"[\u4e00-\u9fff]{1,2}", rest)
        base = m.group() if m else ""
    if not base:
        return Leading()
    return Leading(prefix, "", base, "", prefix + base)


def _looks_chinese(text: str) -> bool:
    s = text.lstrip()[:4]
    return bool(s) and all("\u3400" <= c <= "\u9fff" for c in s[:2])


def leading_word(text: str, kind: str = "", lang: Optional[str] = None) -> str:
    """The leading word(s) of a paragraph as written: "Calls upon", "Recalling also",
    « Note avec satisfaction », « Rappelant également », "Deeply concerned".

    Returns "" for an empty text.  See :func:`split_leading` for its parts.
    """
    return split_leading_any(text, kind, lang).text


def listed_leading(text: str, kind: str = "", lang: Optional[str] = None) -> bool:
    """Whether ``text`` opens with a leading phrase of the lists (after any modifiers and
    intensifiers: "Also strongly urges", « Rappelant en outre »), not merely a first word that
    :func:`split_leading` takes for want of a listed one.  A paragraph cut by an excerpt gap
    ("exploitation, on taking immediate …") has none."""
    if lang == "zh" or (lang is None and _looks_chinese(text)):
        rest = text.lstrip()
        rest = rest[len(_zh_prefix(rest)):]
        return any(rest.startswith(w) for w in OPERATIVE["zh"] + PREAMBLE["zh"])
    spans = _WordSpans(text.lstrip())
    if not spans.has(0):
        return False
    tables = ["OP", "PP"] if kind == "OP" else ["PP", "OP"] if kind == "PP" else ["OP", "PP"]
    i = _run_end(spans, _run_end(spans, 0, _phrases("PRE", lang)), _phrases("INT", lang))
    return any(_match_at(spans, k, _phrases(tb, lang)) for k in {0, i} for tb in tables)


def found_leads(paragraphs: "Sequence[Paragraph]", after_gap: "set[str]", lang: Optional[str] = None
                ) -> dict[str, str]:
    """Paragraph id → leading words, for each preambular or operative paragraph that has none
    marked (no italics in the source, or a Document built by hand), as :func:`leading_word` reads
    them.  A paragraph an excerpt gap cut (its id in ``after_gap``: "exploitation, on taking …")
    gets none unless it opens with a listed one: its first word is the middle of a sentence."""
    out: dict[str, str] = {}
    for p in paragraphs:
        if p.leading or p.kind not in ("PP", "OP"):
            continue
        if p.id in after_gap and not listed_leading(p.text, p.kind, lang):
            continue
        lead = leading_word(p.text, p.kind, lang)
        if lead:
            out[p.id] = lead
    return out


def cut_at_start(doc: "Document") -> set[str]:
    """Ids of the paragraphs an excerpt gap may cut at their start: right after a gap, and not
    opening with a listed leading phrase (their first word is then the middle of a sentence).
    The companion of :attr:`~compare.model.Document.cut_at_end`; here because it needs the lists."""
    lang = doc.meta.language if doc.meta and doc.meta.language else None
    after = doc.after_gap
    return {p.id for p in doc.paragraphs if p.id in after and not listed_leading(p.text, p.kind, lang)}


def split_leading_any(text: str, kind: str = "", lang: Optional[str] = None) -> Leading:
    """:func:`split_leading`, with Chinese handled on characters."""
    if lang == "zh" or (lang is None and _looks_chinese(text)):
        return _split_zh(text, kind)
    return split_leading(text, kind, lang)


def _fold(s: str) -> str:
    return " ".join(_key(s))


def _fold_base(s: str) -> str:
    """A base for comparison: Arabic conjunction و ("and") before إذ is not part of it."""
    f = _fold(s)
    return f[1:] if f.startswith("وإذ") else f


def leading_change_kind(old: str, new: str, kind: str = "", lang: Optional[str] = None) -> Optional[str]:
    """How two leading phrases differ.

    ``None``: same (up to case and typography); ``"modifier"``: same base and
    intensifier, only "also"/"further"/« également »… added, removed or changed;
    ``"base"``: the leading word itself changed ("Encourages" → "Urges",
    "Concerned" → "Deeply concerned").
    """
    if _fold(old) == _fold(new):
        return None
    a = split_leading_any(old, kind, lang)
    b = split_leading_any(new, kind, lang)
    if _fold_base(a.base) == _fold_base(b.base) and _fold(a.intensifier) == _fold(b.intensifier):
        return "modifier"
    return "base"


