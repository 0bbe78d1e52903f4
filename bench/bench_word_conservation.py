"""Word conservation: of every word LibreOffice shows in a .docx (body, table cells,
notes, text boxes, headers/footers), the share found in our parse output — paragraphs,
footnotes, metadata or the reported ``dropped`` list.  Nothing may be lost silently:
the target is 100 % per file.

    python bench/bench_word_conservation.py [MORE.docx ...]

Files: every .docx in samples/, generated Word files covering tables (merged,
nested, numbers only), text boxes, endnotes, hidden text, pictures and a
non-resolution memo, redlines with tracked changes, and any files given.  A
footnote number that LibreOffice shows glued to a word (the displayed result of a
``NOTEREF`` cross-reference, "enfants2") counts as the word: the number is a footnote
reference in our output.  In a redline, LibreOffice shows deleted and inserted text
side by side, so a word glued across that boundary ("EncourageEngage") exists in
neither version and shows as missing.  Needs
LibreOffice and python3-uno (``bench/lo_visible_words.py`` runs under the system Python).
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from compare import api  # noqa: E402
from compare.export.redline import redline_docx  # noqa: E402

AREAS = ("body", "notes", "frames", "headers")


def words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFC", text).lower())


def generated(tmp: Path) -> list[Path]:
    """Word files built for the features LibreOffice shows and a reader may lose."""
    from support.fixtures_office import make_docx, p, r
    from test_docx_content import tbl, tc, tr
    from test_docx_redline import doc, grid, notes_xml, textbox

    hidden = '<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> hidden words</w:t></w:r>'
    nested = p(r("Outer text")) + tbl(tr(tc(p(r("cell one")) + tbl(tr(tc(p(r("inner cell"))), tc(p(r("27"))))))))
    merged = tbl(tr(tc(p(r("Merged heading")), props='<w:gridSpan w:val="2"/>')), tr(tc(p(r("a1"))), tc(p(r("b2")))))
    endnote = p(r("Text with an endnote") + '<w:r><w:endnoteReference w:id="1"/></w:r>')
    files = {
        "numbers-table": make_docx(p(r("Budget")) + grid([["Item", "2008"], ["Travel", "3"], ["Rent", "1/27"]])),
        "digits-in-words": make_docx(p(r("Text1 Text2 Text3")) + p(r("Voir l'article 1 de la Constitution"))),
        "nested-table": make_docx(nested),
        "merged-cells": make_docx(merged),
        "text-box": make_docx(p(r("Anchor") + textbox("Words in a box")) + p(r("After"))),
        "endnote": make_docx(endnote, extra={"rIdEn": ("endnotes", ("endnotes.xml", notes_xml("endnote", {1: "The endnote."})))}),
        "hidden-text": make_docx(p(r("Visible") + hidden)),
        "memo": make_docx("".join(p(r(t)) for t in ("Memo to delegations", "Geneva, 10 June", "3", "Agenda"))),
    }
    out = []
    for name, data in files.items():
        f = tmp / f"{name}.docx"
        f.write_bytes(data)
        out.append(f)
    # redlines: tracked changes as a capital receives them
    rev1 = api.load(ROOT / "samples" / "draft-rev1-2008-11-10.fr.md")
    rev2 = api.load(ROOT / "samples" / "draft-rev2-illustrative.fr.md")
    f = tmp / "redline-seed.docx"
    f.write_bytes(redline_docx(api.compare(rev1, rev2)))
    out.append(f)
    old = doc(p(r("Table")) + grid([["a", "1"], ["b", "2"], ["c", "3"]]))
    new = doc(p(r("Table")) + grid([["a", "1"], ["c", "4"], ["d", "5"]]))
    f = tmp / "redline-table.docx"
    f.write_bytes(redline_docx(api.compare(old, new), summary=False))
    out.append(f)
    return out


def ours(path: Path) -> Counter:
    d = api.load(path)
    m = d.meta
    texts = [x.text for x in d.paragraphs] + [x.text for x in d.footnotes] + [x.text for x in d.dropped]
    texts += [v for v in (m.title, m.symbol, m.session, m.committee, m.agenda_item, m.original_language) if v]
    texts += m.sponsors
    return Counter(w for t in texts for w in words(t))


def uno_python() -> str | None:
    for py in ("/usr/bin/python3", shutil.which("python3") or "", sys.executable):
        if py and subprocess.run([py, "-c", "import uno"], capture_output=True).returncode == 0:
            return py
    return None


def main(argv: list[str]) -> int:
    py = uno_python()
    if not (shutil.which("soffice") or shutil.which("libreoffice")) or py is None:
        print("LibreOffice with python3-uno is needed (apt-get install libreoffice-writer-nogui python3-uno)")
        return 1
    with tempfile.TemporaryDirectory(prefix="rc-conserve-") as tmp:
        tmp_p = Path(tmp)
        files = sorted((ROOT / "samples").glob("*.docx")) + generated(tmp_p) + [Path(a) for a in argv]
        out = tmp_p / "lo.json"
        proc = subprocess.run([py, str(ROOT / "bench" / "lo_visible_words.py"), str(out), *map(str, files)],
                              capture_output=True, text=True, timeout=600)
        if proc.returncode != 0:
            print(proc.stderr[-2000:])
            return 1
        shown = json.loads(out.read_text(encoding="utf-8"))
        print(f"{'file':<34} {'LO words':>8} {'found':>8} {'share':>7}  missing (first few)")
        total = found_total = 0
        for f in files:
            lo = Counter(w for area in AREAS for t in shown[str(f)][area] for w in words(t))
            have = ours(f)
            left = have - lo
            lo_missing = lo - have
            glued = Counter()
            for w, k in lo_missing.items():
                base = re.sub(r"\d{1,2}$", "", w)
                if base != w and left[base] > 0:
                    take = min(k, left[base])
                    glued[w] = take
                    left[base] -= take
            found = sum((lo & have).values()) + sum(glued.values())
            n = sum(lo.values())
            total += n
            found_total += found
            missing = list((lo_missing - glued).elements())[:6]
            share = found / n if n else 1.0
            print(f"{f.name[:34]:<34} {n:>8} {found:>8} {share:>7.1%}  {' '.join(missing)}")
        print(f"{'overall':<34} {total:>8} {found_total:>8} {found_total / max(total, 1):>7.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
