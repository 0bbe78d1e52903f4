"""Word automatic numbering: the label Word prints for each numbered paragraph."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from lxml import etree

from ...numerals import to_letters, to_roman
from .styles import Styles
from .tags import is_on, to_int, w


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: Optional[int] = None   # lvlRestart value, None = default behaviour
    legal: bool = False


@dataclass
class _Num:
    abstract: str
    overrides: dict[int, int] = field(default_factory=dict)       # ilvl → startOverride
    level_overrides: dict[int, _Level] = field(default_factory=dict)


def _parse_level(lvl: etree._Element, base: Optional[_Level] = None) -> _Level:
    out = _Level(**vars(base)) if base else _Level()
    el = lvl.find(w("start"))
    if el is not None:
        out.start = to_int(el.get(w("val")), out.start)
    el = lvl.find(w("numFmt"))
    if el is not None:
        out.fmt = el.get(w("val")) or "decimal"
    el = lvl.find(w("lvlText"))
    if el is not None:
        out.text = el.get(w("val")) or ""
    el = lvl.find(w("lvlRestart"))
    if el is not None:
        out.restart = to_int(el.get(w("val")), None)
    out.legal = bool(is_on(lvl.find(w("isLgl"))))
    return out


class Numbering:
    """Computes the label Word renders for each numbered paragraph, in document order."""

    def __init__(self, root: Optional[etree._Element], styles: Styles):
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.abstract_link: dict[str, str] = {}     # abstractNum id → numStyleLink style id
        self.nums: dict[str, _Num] = {}
        self.counters: dict[str, list[Optional[int]]] = {}
        self.started_nums: set[str] = set()
        self.styles = styles
        if root is None:
            return
        for an in root.findall(w("abstractNum")):
            aid = an.get(w("abstractNumId"))
            levels = {}
            for lvl in an.findall(w("lvl")):
                levels[to_int(lvl.get(w("ilvl")), 0)] = _parse_level(lvl)
            self.abstract[aid] = levels
            link = an.find(w("numStyleLink"))
            if link is not None:
                self.abstract_link[aid] = link.get(w("val"))
        for num in root.findall(w("num")):
            nid = num.get(w("numId"))
            ab = num.find(w("abstractNumId"))
            if nid is None or ab is None:
                continue
            n = _Num(abstract=ab.get(w("val")))
            for ov in num.findall(w("lvlOverride")):
                il = to_int(ov.get(w("ilvl")), 0)
                so = ov.find(w("startOverride"))
                if so is not None:
                    n.overrides[il] = to_int(so.get(w("val")), 1)
                lvl = ov.find(w("lvl"))
                if lvl is not None:
                    n.level_overrides[il] = _parse_level(lvl)
                    if so is None and lvl.find(w("start")) is not None:
                        n.overrides[il] = n.level_overrides[il].start
            self.nums[nid] = n

    def _abstract_of(self, num_id: str) -> Optional[str]:
        num = self.nums.get(num_id)
        if num is None:
            return None
        aid = num.abstract
        for _ in range(5):  # numStyleLink → style's numId → its abstractNum
            link = self.abstract_link.get(aid)
            if not link or self.abstract.get(aid):
                break
            nid = self.styles.prop(link, "num_id")
            if not nid or nid not in self.nums:
                break
            aid = self.nums[nid].abstract
        return aid

    def _level(self, num_id: str, aid: str, ilvl: int) -> _Level:
        num = self.nums[num_id]
        if ilvl in num.level_overrides:
            return num.level_overrides[ilvl]
        return self.abstract.get(aid, {}).get(ilvl) or _Level(text=f"%{ilvl + 1}.")

    def label(self, num_id: Optional[str], ilvl: int) -> Optional[str]:
        if not num_id or num_id == "0" or num_id not in self.nums:
            return None
        ilvl = max(0, min(8, ilvl))
        aid = self._abstract_of(num_id)
        if aid is None:
            return None
        num = self.nums[num_id]
        counters = self.counters.setdefault(aid, [None] * 9)
        if num_id not in self.started_nums:
            self.started_nums.add(num_id)
            for il, start in num.overrides.items():
                if 0 <= il < 9:
                    counters[il] = start - 1
                    for deeper in range(il + 1, 9):
                        counters[deeper] = None
        lvl = self._level(num_id, aid, ilvl)
        counters[ilvl] = lvl.start if counters[ilvl] is None else counters[ilvl] + 1
        for deeper in range(ilvl + 1, 9):
            dl = self._level(num_id, aid, deeper)
            if dl.restart == 0:
                continue
            if dl.restart is None or ilvl < dl.restart:
                counters[deeper] = None
        text = lvl.text
        if lvl.fmt == "bullet":
            return _bullet(text)

        def sub(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            if not 0 <= k < 9:
                return ""
            kl = self._level(num_id, aid, k)
            value = counters[k] if counters[k] is not None else kl.start
            fmt = "decimal" if (lvl.legal and kl.fmt != "none") else kl.fmt
            return format_number(value, fmt)

        out = re.sub(r"%(\d)", sub, text).strip()
        return out or None


def _bullet(text: str) -> Optional[str]:
    if not text:
        return None
    ch = text[0]
    if "\uf000" <= ch <= "\uf0ff" or ch in "\u00b7\u2022":   # Symbol/Wingdings bullets
        return "\u2022"
    return text.strip() or None


def format_number(n: int, fmt: str) -> str:
    if fmt == "none":
        return ""
    if fmt == "lowerLetter":
        return to_letters(n, repeat=True)
    if fmt == "upperLetter":
        return to_letters(n, repeat=True).upper()
    if fmt == "lowerRoman":
        return to_roman(n)
    if fmt == "upperRoman":
        return to_roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("chicago",):
        return "*†‡§"[(n - 1) % 4] * ((n - 1) // 4 + 1) if 0 < n <= 160 else str(n)
    return str(n)
