"""Roman numerals, as UN texts number sub-sub-paragraphs: (i), (ii), … — written and read in one place."""
from __future__ import annotations

_VALUES = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
_DIGIT = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


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
