"""Page headers and footers: read apart from the body (symbol, job number, emblem)."""
from __future__ import annotations

from .body import Where, read_container
from .notes import Notes
from .package import Package, rel_targets
from .paragraphs import ParagraphReader, clean
from .styles import Styles


def header_footer_lines(pkg: Package, main: str, styles: Styles) -> list[tuple[str, str]]:
    """(``"header"`` or ``"footer"``, text line) of the page headers and footers (symbol,
    job number, emblem): kept apart from the body, read like it (tables, text boxes once)."""
    lines: list[tuple[str, str]] = []
    for rel_type in ("header", "footer"):
        for name in sorted({v for k, v in pkg.rel_list(main) if k == rel_type}):
            root = pkg.xml(name)
            if root is None:
                continue
            reader = ParagraphReader(styles, Notes(), Notes(), rel_targets(pkg, name))
            for para, _ in read_container(root, reader, Where("body"), [0], []):
                t = clean("".join(pc.text for pc in para.pieces if not pc.is_marker))
                if t:
                    lines.append((rel_type, t))
    return lines
