"""Page furniture: lines that belong to the printed page, not to the resolution.

Running headers (the document symbol, page numbers), the job number and date
stamp ("08-59312 (F)    101108    101108"), its barcode ("*0859312*"),
"Please recycle", and the closing "68th plenary meeting" of adopted texts.
"""
from __future__ import annotations

import re

from .language import LANGUAGES
from .symbols import SYMBOL

_FURNITURE = [        # each a whole line; (?i:…) where case does not matter
    r"^\d{2}-\d{4,6}\s*(?:\([A-Z]\))?(?:\s+\d{6}){0,2}\s*$",                    # job number + date stamp
    r"^\*\s*\d{6,}\s*\*$",                                                      # barcode
    r"(?i:^(?:" + "|".join(f.recycle for f in LANGUAGES.values() if f.recycle) + r")\W*$)",
    rf"^(?:\d{{1,3}}\s+)?{SYMBOL}(?:\s+\d{{1,3}})?$",                           # running header
    r"^\d{1,3}(?:\s*/\s*\d{1,3})?$",                                            # page number
    r"^[-–—]\s*\d{1,3}\s*[-–—]$",
    r"(?i:^\d{1,3}(?:st|nd|rd|th|e|re|a|ª)?\.?\s+(?:" + "|".join(f.plenary for f in LANGUAGES.values() if f.plenary)
    + r")\W*$)",
]
#: the patterns above as one, compiled once: a line of text is tried once, not once per pattern
_ANY_FURNITURE = re.compile("|".join(f"(?:{p})" for p in _FURNITURE))
_BARCODE_DIGITS = re.compile(r"\d{7}")     # the barcode's number, its stars lost in a conversion


def is_furniture(line: str) -> bool:
    raw = line.strip()
    bare = raw.strip("*").strip()
    if not bare:
        return False
    return bool(_ANY_FURNITURE.match(raw) or _ANY_FURNITURE.match(bare) or _BARCODE_DIGITS.fullmatch(bare))
