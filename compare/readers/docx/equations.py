"""Office Math (OMML) as readable linear text."""
from __future__ import annotations


from lxml import etree

from ...namespaces import M_NS
from .tags import w


_M = f"{{{M_NS}}}"


def omml_linear(el: etree._Element) -> str:
    """An Office Math (OMML) equation as readable linear text: ``(a+b)/2``,
    ``x^(2)``, ``√(x)``, ``∑_(i=1)^(n) i`` — close to Word's linear format."""
    tag = el.tag
    if not isinstance(tag, str):
        return ""

    def part(name: str) -> str:
        child = el.find(_M + name)
        return omml_linear(child) if child is not None else ""

    def grp(name: str) -> str:
        t = part(name)
        return t if len(t) <= 1 else f"({t})"

    if tag == _M + "t":
        return el.text or ""
    if tag == _M + "f":
        return f"{grp('num')}/{grp('den')}"
    if tag == _M + "sSup":
        return f"{part('e')}^{grp('sup')}"
    if tag == _M + "sSub":
        return f"{part('e')}_{grp('sub')}"
    if tag == _M + "sSubSup":
        return f"{part('e')}_{grp('sub')}^{grp('sup')}"
    if tag == _M + "sPre":
        return f"_{grp('sub')}^{grp('sup')}{part('e')}"
    if tag == _M + "rad":
        deg = part("deg")
        return f"√({part('e')})" if not deg else f"√({deg}&{part('e')})"
    if tag == _M + "nary":
        pr = el.find(_M + "naryPr")
        chr_el = pr.find(_M + "chr") if pr is not None else None
        op = chr_el.get(_M + "val") if chr_el is not None and chr_el.get(_M + "val") else "∫"
        sub, sup = part("sub"), part("sup")
        return op + (f"_({sub})" if sub else "") + (f"^({sup})" if sup else "") + " " + part("e")
    if tag == _M + "d":
        pr = el.find(_M + "dPr")
        beg = end = None
        if pr is not None:
            b, e = pr.find(_M + "begChr"), pr.find(_M + "endChr")
            beg = b.get(_M + "val") if b is not None else None
            end = e.get(_M + "val") if e is not None else None
        inner = ",".join(omml_linear(e) for e in el.findall(_M + "e"))
        return f"{'(' if beg is None else beg}{inner}{')' if end is None else end}"
    if tag in (w("rPr"), _M + "rPr", _M + "ctrlPr") or tag.endswith("Pr"):
        return ""
    return "".join(omml_linear(c) for c in el)
