"""Our Word redline against python-redlines (Docxodus, the maintained WmlComparer successor).

Prints a table; not a timed test.  Needs the benchmark-only dependencies::

    pip install -r requirements-bench.txt
    python bench/bench_redline.py [--pairs 15] [--seed 11]

Same pairs for both engines: the illustrative revision of the 2008 French draft,
the 61/180 → 63/194 excerpts, ``--pairs`` generated revisions
(``tests/support/synthetic.py``; every 5th is "renumber-only"), plus built cases:
three move-only revisions (one OP moved) and three renumber-only ones (one OP
inserted at the top, every later OP renumbered).

python-redlines compares two .docx files, so each version is written as a plain
Word file (python-docx; OPs and sub-paragraphs with Word automatic numbering,
like ours, so numbers are not text for either engine; footnotes are left out
of those inputs).  Measured per engine:

* accept/reject oracle: accepting all revisions gives exactly the new
  version's paragraph texts, rejecting all the old one's (our XML oracle,
  ``tests/support/ooxml_oracle.py``; for python-redlines empty paragraphs are ignored);
* markup problems found by ``ooxml_oracle.check_markup`` (files affected);
* revision marks (inline + paragraph marks + property changes) on the
  renumber-only and the move-only pairs;
* median time per pair: ours = align + diff + build from the loaded versions
  (and the build alone), python-redlines = its engine call (includes starting
  the .NET process, as every call does).
"""
from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from support import ooxml_oracle as oracle  # noqa: E402
from support.synthetic import generate_pairs  # noqa: E402

from compare import api  # noqa: E402
from compare.export.redline import BODY_STYLES, redline_docx  # noqa: E402
from compare.model import Document  # noqa: E402

SAMPLES = ROOT / "samples"


def plain_docx(doc: Document, typed: bool = False) -> bytes:
    """``typed``: numbers typed in the text ("5.<tab>"), as many drafts are, instead of automatic numbering."""
    import docx

    d = docx.Document()
    for p in doc.paragraphs:
        style = "Normal"
        if typed:
            label = f"{p.number}.\t" if (p.kind == "OP" and p.level == 0) else (f"({p.number})\t" if p.level else "")
            d.add_paragraph(label + p.text)
            continue
        if p.kind == "OP":
            style = {0: "List Number", 1: "List Number 2"}.get(p.level, "List Number 3")
        d.add_paragraph(p.text, style=style)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def moved(doc: Document, src: int, dst: int) -> Document:
    pps = [p for p in doc.paragraphs if p.kind == "PP"]
    ops = [p for p in doc.paragraphs if p.kind == "OP" and p.level == 0]
    ops.insert(dst - 1, ops.pop(src - 1))
    ops = [replace(p, id=f"OP{k}", number=str(k)) for k, p in enumerate(ops, 1)]
    return replace(doc, paragraphs=pps + ops, label=f"move OP{src}→OP{dst}")


def renumbered(doc: Document, text: str) -> Document:
    pps = [p for p in doc.paragraphs if p.kind == "PP"]
    ops = [p for p in doc.paragraphs if p.kind == "OP" and p.level == 0]
    first = replace(ops[0], text=text, leading=text.split(" ")[0], footnote_refs=())
    ops = [replace(p, id=f"OP{k}", number=str(k)) for k, p in enumerate([first] + ops, 1)]
    return replace(doc, paragraphs=pps + ops, label="insert OP1")


def cases(n: int, seed: int):
    rev1 = api.load(SAMPLES / "draft-rev1-2008-11-10.fr.md")
    out = [("illustrative", "mixed", rev1, api.load(SAMPLES / "draft-rev2-illustrative.fr.md")),
           ("61/180→63/194", "mixed", api.load(SAMPLES / "A-RES-61-180.en.md"), api.load(SAMPLES / "A-RES-63-194.en.md"))]
    for k, (old, new, _) in enumerate(generate_pairs(n, seed)):
        kind = "renumber-only" if "renumber-only" in new.label else "mixed"
        out.append((f"synthetic {k}", kind, old, new))
    for src, dst in ((3, 10), (12, 2), (7, 8)):
        out.append((f"move OP{src}→OP{dst}", "move-only", rev1, moved(rev1, src, dst)))
    for k, text in enumerate((
        "Décide de poursuivre l'examen de la question à sa soixante-quatrième session;",
        "Prie le Secrétaire général de lui présenter un rapport sur l'application de la présente résolution;",
        "Invite les États Membres à renforcer leur coopération;",
    )):
        out.append((f"insert OP1 #{k + 1}", "renumber-only", rev1, renumbered(rev1, text)))
    return out


def texts_ok(docx: bytes, old: Document, new: Document, styles, typed: bool = False,
             outside: dict | None = None) -> tuple[bool, bool]:
    """Accept all gives the new paragraphs, reject all the old ones.  ``outside``: the ids an
    excerpt does not cover (``Comparison.out_of_scope``): our redline keeps them untracked in
    their own style, outside the body styles compared here, so they are left out on both sides."""
    import re

    skip = outside or {"old": [], "new": []}

    def view(mode):
        paras = oracle.view(docx, mode, styles)
        texts = [p.text for p in paras if styles is not None or p.text.strip()]
        return [re.sub(r"^(\d+\.|\([a-z]+\))\t", "", t) for t in texts] if typed else texts

    return (view("accept") == [p.text for p in new.paragraphs if p.id not in skip["new"]],
            view("reject") == [p.text for p in old.paragraphs if p.id not in skip["old"]])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pairs", type=int, default=15)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    all_cases = cases(args.pairs, args.seed)

    try:
        from python_redlines import DocxodusEngine

        engine = DocxodusEngine()
        theirs_error = None
    except Exception as exc:   # not installed, or no binary for this platform
        engine, theirs_error = None, f"{type(exc).__name__}: {exc}"

    rows = []
    for name, kind, old, new in all_cases:
        t0 = time.perf_counter()
        cmp = api.compare(old, new)
        t1 = time.perf_counter()
        # Docxodus gets the pairs as Word files with automatic numbering; ours keeps that numbering
        # here (--numbering auto, or source) so the marks compare like with like
        ours = redline_docx(cmp, author="Bench", date="2008-11-17", numbering="auto")
        t2 = time.perf_counter()
        acc, rej = texts_ok(ours, cmp.old, cmp.new, BODY_STYLES, outside=cmp.out_of_scope)
        row = {"name": name, "kind": kind, "ours_acc": acc, "ours_rej": rej,
               "ours_bad": bool(oracle.check_markup(ours)), "ours_marks": oracle.total_marks(ours),
               "ours_t": t2 - t0, "ours_build_t": t2 - t1}
        # our redline with typed numbers (numbering="typed", CLI --numbering typed)
        typed_ours = redline_docx(cmp, author="Bench", date="2008-11-17", numbering="typed")
        acc_t, rej_t = texts_ok(typed_ours, cmp.old, cmp.new, BODY_STYLES, typed=True, outside=cmp.out_of_scope)
        row.update(ours_typed_ok=acc_t and rej_t and not oracle.check_markup(typed_ours),
                   ours_typed_marks=oracle.total_marks(typed_ours))
        if engine is not None:
            a, b = plain_docx(old), plain_docx(new)
            t3 = time.perf_counter()
            try:
                theirs = engine.run_redline("Bench", a, b, detect_moves=True)[0]
                t4 = time.perf_counter()
                acc2, rej2 = texts_ok(theirs, old, new, None)
                row.update(theirs_acc=acc2, theirs_rej=rej2, theirs_bad=bool(oracle.check_markup(theirs)),
                           theirs_marks=oracle.total_marks(theirs), theirs_t=t4 - t3)
                if kind in ("renumber-only", "move-only"):
                    typed = engine.run_redline("Bench", plain_docx(old, True), plain_docx(new, True), detect_moves=True)[0]
                    acc3, rej3 = texts_ok(typed, old, new, None, typed=True)
                    row.update(typed_marks=oracle.total_marks(typed), typed_ok=acc3 and rej3)
            except Exception as exc:
                row.update(theirs_acc=False, theirs_rej=False, theirs_bad=True, theirs_marks=-1, theirs_t=float("nan"),
                           theirs_err=str(exc).splitlines()[0])
        rows.append(row)

    def count(key):
        return f"{sum(bool(r.get(key)) for r in rows)}/{len(rows)}"

    def marks(kind, key):
        sel = [r[key] for r in rows if r["kind"] == kind and key in r]
        return f"{sum(sel)} ({', '.join(map(str, sel))})" if sel else "—"

    def median(key):
        sel = [r[key] for r in rows if key in r and r[key] == r[key]]
        return f"{statistics.median(sel) * 1000:.0f} ms" if sel else "—"

    print(f"{len(rows)} pairs: 2 samples, {args.pairs} generated (seed {args.seed}), 3 move-only, 3 renumber-only built")
    header = f"{'measure':<44} {'ours':>22} {'python-redlines (Docxodus)':>28}"
    print(header)
    print("-" * len(header))
    theirs_na = theirs_error is not None

    def line(label, ours, theirs):
        print(f"{label:<44} {ours:>22} {('n/a' if theirs_na else theirs):>28}")

    line("accept all = new version (pairs)", count("ours_acc"), count("theirs_acc"))
    line("reject all = old version (pairs)", count("ours_rej"), count("theirs_rej"))
    line("files with markup problems", count("ours_bad"), count("theirs_bad"))
    line("marks, renumber-only pairs (sum (each))", marks("renumber-only", "ours_marks"), marks("renumber-only", "theirs_marks"))
    line("marks, move-only pairs (sum (each))", marks("move-only", "ours_marks"), marks("move-only", "theirs_marks"))
    typed_rows = [r for r in rows if "typed_ok" in r]
    # typed-number inputs: ours types its numbers (the default, and as the source does; rows below)
    line("  renumber-only, inputs with typed numbers", marks("renumber-only", "ours_typed_marks"),
         marks("renumber-only", "typed_marks"))
    line("  move-only, inputs with typed numbers", marks("move-only", "ours_typed_marks"),
         marks("move-only", "typed_marks"))
    line("  typed-number inputs round-tripping", "—", f"{sum(r['typed_ok'] for r in typed_rows)}/{len(typed_rows)}")
    line("marks, all pairs (sum)", str(sum(r["ours_marks"] for r in rows)),
         str(sum(r.get("theirs_marks", 0) for r in rows)))
    print("ours as by default (typed numbers: a renumbering = old number deleted + new one inserted)")
    line("  accept/reject exact, no markup problem", count("ours_typed_ok"), "—")
    line("  marks, renumber-only pairs (sum (each))", marks("renumber-only", "ours_typed_marks"), "—")
    line("  marks, move-only pairs (sum (each))", marks("move-only", "ours_typed_marks"), "—")
    line("  marks, all pairs (sum)", str(sum(r["ours_typed_marks"] for r in rows)), "—")
    line("median time per pair, in-process (compare + build)", median("ours_t"), "—")
    line("median time per pair, in-process (build only)", median("ours_build_t"), "—")
    line("median engine call per pair (starts .NET)", "—", median("theirs_t"))
    print("(not comparable side by side: whole-process times of both are in bench/bench_cli.py)")
    if theirs_error:
        print(f"\npython-redlines could not run here: {theirs_error}")
    failed = [r["name"] for r in rows if "theirs_acc" in r and not (r["theirs_acc"] and r["theirs_rej"])]
    if failed:
        print(f"\npython-redlines oracle failures: {', '.join(failed)}")
    errs = {r["name"]: r["theirs_err"] for r in rows if "theirs_err" in r}
    for k, v in errs.items():
        print(f"python-redlines error on {k}: {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
