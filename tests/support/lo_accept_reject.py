#!/usr/bin/python3
"""Accept or reject all tracked changes with LibreOffice itself, through UNO.

Run with the system Python that has python3-uno (not the project's venv)::

    /usr/bin/python3 tests/support/lo_accept_reject.py OUT.json FILE.docx [FILE.docx ...]

Starts one headless ``soffice`` (private profile, pipe connection), and for each
file: loads it hidden, dispatches ``.uno:AcceptAllTrackedChanges``, reads the
paragraphs back (style name, text, footnotes as [offset, footnote text]) and
counts the remaining tracked changes; reloads it, does the same with
``.uno:RejectAllTrackedChanges``.  Also saves each result as plain text next to
OUT.json (``*.accept.txt`` / ``*.reject.txt``).  Writes
``{file: {"accept": [...], "reject": [...], "redlines": n, "accept_left": n,
"reject_left": n}}`` as JSON.
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid

import uno  # noqa: F401  (python3-uno)
from com.sun.star.beans import PropertyValue  # type: ignore


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe: str, proc, timeout: float = 60.0):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + timeout
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            if proc.poll() is not None or time.time() > deadline:
                raise RuntimeError("could not connect to soffice")
            time.sleep(0.3)


def _cell_order(name):
    letters = "".join(c for c in name if c.isalpha())
    digits = "".join(c for c in name if c.isdigit()) or "0"
    col = 0
    for c in letters:
        col = col * 52 + (ord(c.upper()) - 64) + (26 if c.islower() else 0)
    return int(digits), col


def paragraphs(doc):
    return _paragraphs(doc.Text)


def _paragraphs(text_obj):
    """Paragraphs in reading order; a table's cells row by row (each cell's
    paragraphs, with ``"cell": true``)."""
    out = []
    enum = text_obj.createEnumeration()
    while enum.hasMoreElements():
        par = enum.nextElement()
        if par.supportsService("com.sun.star.text.TextTable"):
            for name in sorted(par.getCellNames(), key=_cell_order):
                for cp in _paragraphs(par.getCellByName(name)):
                    cp["cell"] = True
                    out.append(cp)
            continue
        if not par.supportsService("com.sun.star.text.Paragraph"):
            continue
        text, notes = [], []
        n = 0
        portions = par.createEnumeration()
        while portions.hasMoreElements():
            portion = portions.nextElement()
            kind = portion.TextPortionType
            if kind == "Text":
                s = portion.getString()
                text.append(s)
                n += len(s)
            elif kind == "Footnote":
                notes.append([n, portion.Footnote.getString().strip()])
        out.append({"style": par.ParaStyleName, "text": "".join(text), "footnotes": notes})
    return out


def page_lines(doc):
    """Text of the page headers and footers in use, line by line (deduplicated)."""
    out = []
    styles = doc.getStyleFamilies().getByName("PageStyles")
    for name in styles.getElementNames():
        st = styles.getByName(name)
        if not st.isInUse():
            continue
        for attr in ("HeaderText", "FooterText"):
            t = getattr(st, attr, None)
            if t is not None:
                out.extend(p["text"] for p in _paragraphs(t) if p["text"].strip() and p["text"] not in out)
    return out


@contextlib.contextmanager
def office():
    """A private headless LibreOffice (its own profile and pipe): yields its component
    context, then terminates it and removes the profile, however the block ends."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("soffice not found")
    profile = tempfile.mkdtemp(prefix="rc-lo-profile-")
    pipe = f"rc{uuid.uuid4().hex[:12]}"
    proc = subprocess.Popen(
        [soffice, "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
         f"-env:UserInstallation=file://{profile}", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    desktop = None
    try:
        ctx = connect(pipe, proc)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        yield ctx, desktop
    finally:
        try:
            if desktop is not None:
                desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)


def run(files, out_json):
    results = {}
    with office() as (ctx, desktop):
        dispatcher = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        outdir = os.path.dirname(os.path.abspath(out_json))
        for f in files:
            url = uno.systemPathToFileUrl(os.path.abspath(f))
            entry = {}
            for mode, command in (("accept", ".uno:AcceptAllTrackedChanges"), ("reject", ".uno:RejectAllTrackedChanges")):
                doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
                try:
                    if mode == "accept":
                        entry["redlines"] = doc.Redlines.getCount() if hasattr(doc, "Redlines") else -1
                    frame = doc.getCurrentController().getFrame()
                    dispatcher.executeDispatch(frame, command, "", 0, ())
                    entry[mode] = paragraphs(doc)
                    entry[f"{mode}_pages"] = page_lines(doc)
                    entry[f"{mode}_left"] = doc.Redlines.getCount() if hasattr(doc, "Redlines") else -1
                    base = os.path.splitext(os.path.basename(f))[0]
                    txt = os.path.join(outdir, f"{base}.{mode}.txt")
                    doc.storeToURL(uno.systemPathToFileUrl(txt),
                                   (prop("FilterName", "Text (encoded)"), prop("FilterOptions", "UTF8,LF")))
                finally:
                    doc.close(True)
            results[f] = entry
    with open(out_json, "w", encoding="utf-8") as fh:
        json.dump(results, fh, ensure_ascii=False, indent=1)

if __name__ == "__main__":
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    run(sys.argv[2:], sys.argv[1])
