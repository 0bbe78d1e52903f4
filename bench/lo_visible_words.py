#!/usr/bin/python3
"""What LibreOffice shows of Word files, as text: run with the system Python that has
python3-uno (not the project's venv)::

    /usr/bin/python3 bench/lo_visible_words.py OUT.json FILE.docx [FILE.docx ...]

For each file: the text portions of the body (tables cell by cell), footnotes,
endnotes, text frames (Word text boxes) and page headers/footers, as
``{file: {"body": [...], "notes": [...], "frames": [...], "headers": [...]}}``.
Tracked changes are shown as LibreOffice shows them (deleted text included).
"""
from __future__ import annotations

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests"))
from support.lo_accept_reject import office, prop  # noqa: E402


def _texts(text_obj, out):
    enum = text_obj.createEnumeration()
    while enum.hasMoreElements():
        par = enum.nextElement()
        if par.supportsService("com.sun.star.text.TextTable"):
            for name in par.getCellNames():
                _texts(par.getCellByName(name), out)
            continue
        if not par.supportsService("com.sun.star.text.Paragraph"):
            continue
        parts = []
        portions = par.createEnumeration()
        while portions.hasMoreElements():
            portion = portions.nextElement()
            if portion.TextPortionType == "Text":
                parts.append(portion.getString())
        out.append("".join(parts))
    return out


def visible(doc) -> dict:
    notes = []
    for coll in (doc.getFootnotes(), doc.getEndnotes()):
        for k in range(coll.getCount()):
            _texts(coll.getByIndex(k), notes)
    frames = []
    tf = doc.getTextFrames()
    for name in tf.getElementNames():
        _texts(tf.getByName(name).getText(), frames)
    seen = set(frames)
    page = doc.getDrawPage()
    for k in range(page.getCount()):
        shape = page.getByIndex(k)
        text = None
        try:
            if shape.getPropertyValue("TextBox"):
                text = shape.getPropertyValue("TextBoxContent").getText()
        except Exception:
            text = None
        if text is None and hasattr(shape, "getString"):
            s = shape.getString()
            if s.strip() and s not in seen:
                frames.append(s)
            continue
        if text is not None:
            for t in _texts(text, []):
                if t not in seen:
                    frames.append(t)
    headers = set()
    styles = doc.getStyleFamilies().getByName("PageStyles")
    for name in styles.getElementNames():
        st = styles.getByName(name)
        if not st.isInUse():
            continue
        for attr in ("HeaderText", "HeaderTextFirst", "FooterText", "FooterTextFirst"):
            try:
                t = getattr(st, attr)
            except Exception:
                t = None
            if t is not None:
                headers.update(x for x in _texts(t, []) if x.strip())
    return {"body": _texts(doc.Text, []), "notes": notes, "frames": frames, "headers": sorted(headers)}


def run(files, out_json):
    import uno

    results = {}
    with office() as (_ctx, desktop):
        for f in files:
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(f)), "_blank", 0,
                                               (prop("Hidden", True),))
            try:
                results[f] = visible(doc)
            finally:
                doc.close(True)
    with open(out_json, "w", encoding="utf-8") as fh:
        json.dump(results, fh, ensure_ascii=False, indent=1)

if __name__ == "__main__":
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    run(sys.argv[2:], sys.argv[1])
