"""Comparing what stands above the paragraphs: header block, sponsors line, title.

Co-sponsorship and the title are among the first things a delegation checks,
so a comparison that reports "unchanged: 25" while France joined the sponsors
misleads.  :func:`compare_headers` turns two :class:`~compare.model.Metadata`
into a :class:`~compare.model.HeaderComparison`:

* a field is compared only when **both** versions state it — an excerpt with no
  header, or an adopted text with no sponsors line, changes nothing;
* the title gets a word diff (the same diff as paragraphs), and counts as
  changed only for a substantive difference (not ’ vs ');
* sponsors are compared as sets of normalised names (case, accents,
  typography, a leading "the" aside), so reordering the list is no change;
* other fields count as changed only when their words differ (case, accents,
  hyphens and punctuation aside: "Sixty first session" is "Sixty-first session");
* across languages only language-neutral fields are compared (symbol, date,
  agenda item): « Troisième Commission » is not a change from "Third Committee".
"""
from __future__ import annotations

import re
import unicodedata
from typing import Optional

from compare.diff import diff_texts
from compare.model import HEADER_FIELDS, CompareOptions, HeaderComparison, Metadata

#: Fields whose value does not depend on the document's language.
NEUTRAL_FIELDS = ("symbol", "date", "agenda_item")

_LEADING_ARTICLE = re.compile(r"^(the|la|le|les|l|el|los|las)\s+")
_NON_WORD = re.compile(r"[^\w]+")


def sponsor_key(name: str) -> str:
    """A sponsor's name reduced to what identifies it: "the  Russian Federation*"
    and "Russian federation" give the same key, « Équateur » and « Equateur » too."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    s = _NON_WORD.sub(" ", s).strip()
    s = _LEADING_ARTICLE.sub("", s)
    return re.sub(r"\d+$", "", s).strip()


def field_key(value: str) -> str:
    """A header field reduced to its content: "Sixty first session" and "Sixty-first session",
    « Troisieme » and « Troisième » give the same key (a typographic variant is no change)."""
    s = unicodedata.normalize("NFKD", str(value))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    return _NON_WORD.sub(" ", s).strip()


def _stated(v: Optional[str]) -> bool:
    return bool(v and str(v).strip())


def compare_headers(old: Metadata, new: Metadata, options: Optional[CompareOptions] = None) -> HeaderComparison:
    """The header changes from ``old`` to ``new`` (see the module docstring for the rules)."""
    options = options or CompareOptions()
    same_lang = not (old.language and new.language and old.language != new.language)
    out = HeaderComparison()
    if same_lang and _stated(old.title) and _stated(new.title):
        if old.title != new.title:
            out.title_diff = diff_texts(old.title, new.title, options)
            if any(s.op != "equal" and not s.minor for s in out.title_diff):
                out.fields["title"] = (old.title, new.title)
    for name in HEADER_FIELDS:
        if not same_lang and name not in NEUTRAL_FIELDS:
            continue
        a, b = getattr(old, name), getattr(new, name)
        if _stated(a) and _stated(b) and field_key(a) != field_key(b):
            out.fields[name] = (a, b)
    if same_lang and old.sponsors and new.sponsors:
        okeys = {sponsor_key(s) for s in old.sponsors}
        nkeys = {sponsor_key(s) for s in new.sponsors}
        out.sponsors_added = [s for s in new.sponsors if sponsor_key(s) not in okeys]
        out.sponsors_removed = [s for s in old.sponsors if sponsor_key(s) not in nkeys]
    return out
