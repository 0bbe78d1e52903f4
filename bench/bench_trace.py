"""Agreed-language tracing benchmark: indexing and tracing speed against libraries of
10, 100 and 1,000 resolutions.  Prints tables; not a timed test.

    . .venv/bin/activate && python bench/bench_trace.py               # full run (~1 min)
    python bench/bench_trace.py --sizes 10,100 --repeats 3             # quicker

Libraries are generated from the real paragraphs of samples/*.md (~80, three
languages):  resolutions come in lineages of 10 yearly versions on one agenda
item (so 1,000 resolutions = 100 lineages).  Each lineage rewrites the
vocabulary of the real paragraphs (a fixed random substitution of 40 % of the
word types) so lineages differ, as agenda items do; each version edits ~20 % of
its predecessor's paragraphs (word substitutions, insertions, deletions) and
adds or drops one now and then; every resolution also carries two boilerplate
operative paragraphs ("Requests the Secretary-General to submit … at its NNth
session …").  ~30 paragraphs per resolution.

The draft (40 paragraphs): the last version of lineage 0, edited again, plus
new paragraphs made of shuffled words.  Indexing = Library.add_document of
already parsed Documents (parsing is measured separately once: the 25-paragraph
French draft through compare.api.load).  Tracing = trace_document with the
library open (warm; median of --repeats) and, once, the first trace after
opening (cold: no caches).

A last row, "copies", is a pathological library: 1,000 resolutions of plain
perturbed copies of the same ~80 paragraphs (each paragraph ~375 times), the
worst case for the shingle index (every draft shingle has hundreds of postings).
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from compare.api import load  # noqa: E402
from compare.library import Library, default_sample_paths  # noqa: E402
from compare.model import Document, Metadata, Paragraph  # noqa: E402
from compare.trace import trace_document  # noqa: E402

PER_RES = 30
BATCH = 100           # resolutions per transaction when building a library
LINEAGE = 10


def pool() -> list[str]:
    out = []
    for p in default_sample_paths():
        out += [q.text for q in load(p).paragraphs if len(q.text.split()) >= 8]
    return out


def perturb(text: str, rng: random.Random, vocab: list[str], share: float) -> str:
    w = text.split()
    out = []
    for x in w:
        r = rng.random()
        if r < share / 3:
            out.append(rng.choice(vocab))            # substitution
        elif r < 2 * share / 3:
            continue                                 # deletion
        elif r < share:
            out += [x, rng.choice(vocab)]            # insertion
        else:
            out.append(x)
    return " ".join(out)


def make_doc(texts: list[str], label: str, session: int) -> Document:
    pars = []
    n_pp = len(texts) // 3
    for k, t in enumerate(texts):
        if k < n_pp:
            pars.append(Paragraph(f"PP{k + 1}", "PP", str(k + 1), t))
        else:
            pars.append(Paragraph(f"OP{k - n_pp + 1}", "OP", str(k - n_pp + 1), t))
    meta = Metadata(symbol=f"A/RES/{session}/{label}", language="en", doc_type="resolution",
                    date=f"{1945 + session}-12-18")
    return Document(meta, pars, source=f"<bench {label}>", label=label)


def boilerplate(session: int, item: int) -> list[str]:
    return [f"Requests the Secretary-General to submit to the General Assembly at its {session + 1}th session a report "
            f"on the implementation of the present resolution, including on item {item};",
            f"Decides to include in the provisional agenda of its {session + 1}th session the item entitled "
            f"\"Agenda item {item}\"."]


def lineage_library(n_res: int, seed: int = 1) -> tuple[list[Document], list[str]]:
    rng = random.Random(seed)
    P = pool()
    vocab = sorted({w for t in P for w in t.split()})
    docs: list[Document] = []
    last: list[str] = []
    n_lin = max(1, n_res // LINEAGE)
    for lin in range(n_lin):
        types = vocab[:]
        rng.shuffle(types)
        sub = {a: b for a, b in zip(vocab, types) if rng.random() < 0.4}
        base = [" ".join(sub.get(w, w) for w in t.split()) for t in rng.sample(P, min(PER_RES - 2, len(P)))]
        cur = base
        for v in range(LINEAGE):
            if len(docs) >= n_res:
                break
            session = 50 + v
            nxt = [perturb(t, rng, vocab, 0.06) if rng.random() < 0.2 else t for t in cur]
            if rng.random() < 0.3 and len(nxt) > 5:
                nxt.pop(rng.randrange(len(nxt)))
            if rng.random() < 0.3:
                nxt.insert(rng.randrange(len(nxt)), perturb(rng.choice(P), rng, vocab, 0.3))
            cur = nxt
            docs.append(make_doc(cur + boilerplate(session, lin), f"L{lin}V{v}", session))
        if lin == 0:
            last = cur
    return docs, last


def copies_library(n_res: int, seed: int = 2) -> list[Document]:
    rng = random.Random(seed)
    P = pool()
    vocab = sorted({w for t in P for w in t.split()})
    return [make_doc([perturb(t, rng, vocab, 0.06) for t in rng.sample(P, min(PER_RES, len(P)))], f"C{k}", 50 + k % 20)
            for k in range(n_res)]


def make_draft(last: list[str], seed: int = 3) -> Document:
    rng = random.Random(seed)
    P = pool()
    vocab = sorted({w for t in P for w in t.split()})
    texts = [perturb(t, rng, vocab, 0.08) for t in last]
    while len(texts) < 40:
        w = " ".join(rng.choice(P).split())
        ws = w.split()
        rng.shuffle(ws)
        texts.insert(rng.randrange(len(texts) + 1), " ".join(ws))
    return make_doc(texts[:40], "draft", 99)


def bench(docs: list[Document], draft: Document, repeats: int, tmp: str, name: str) -> dict:
    path = os.path.join(tmp, f"{name}.sqlite3")
    lib = Library.open(path, seed=False)
    t0 = time.perf_counter()
    for k in range(0, len(docs), BATCH):
        lib.add_documents(docs[k:k + BATCH])
    t_index = time.perf_counter() - t0
    # one more resolution added on its own to the full library (a user's "add")
    extra = make_doc([p.text + " (added)" for p in docs[0].paragraphs], "extra", 70)
    t0 = time.perf_counter()
    lib.add_document(extra)
    t_one = time.perf_counter() - t0
    n_par = sum(len(d.paragraphs) for d in docs)
    lib.close()
    lib = Library.open(path, seed=False)
    t0 = time.perf_counter()
    r = trace_document(draft, lib)
    t_cold = time.perf_counter() - t0
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        r = trace_document(draft, lib)
        times.append(time.perf_counter() - t0)
    st = lib.stats()
    lib.close()
    size = sum(os.path.getsize(p) for p in Path(tmp).glob(f"{name}.sqlite3*"))
    return {"name": name, "res": len(docs), "par": n_par, "index": t_index, "one_ms": 1000 * t_one, "per_res_ms": 1000 * t_index / len(docs),
            "cold": t_cold, "warm": statistics.median(times), "mb": size / 1e6, "shingles": st["shingles"],
            "agreed": r.agreed_share, "spans": sum(len(p.spans) for p in r.paragraphs)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10,100,1000")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--no-copies", action="store_true", help="skip the pathological 'copies' library")
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split(",")]
    t0 = time.perf_counter()
    load(REPO / "samples" / "draft-rev1-2008-11-10.fr.md")
    print(f"parse of the 25-paragraph French draft (compare.api.load, cold): {1000 * (time.perf_counter() - t0):.0f} ms\n")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            docs, last = lineage_library(n)
            draft = make_draft(last)
            rows.append(bench(docs, draft, a.repeats, tmp, f"lineages{n}"))
        if not a.no_copies:
            n = max(sizes)
            docs = copies_library(n)
            _, last = lineage_library(10)
            rng = random.Random(5)
            draft = make_draft([t for t in rng.sample(pool(), 30)])
            rows.append(bench(docs, draft, a.repeats, tmp, f"copies{n}"))
    print(f"{'library':<14}{'resolutions':>12}{'paragraphs':>11}{'shingles':>10}{'DB MB':>8}"
          f"{'index s':>9}{'ms/res':>8}{'add 1 ms':>9}{'trace cold ms':>15}{'trace warm ms':>15}{'agreed':>8}{'spans':>7}")
    for r in rows:
        print(f"{r['name']:<14}{r['res']:>12}{r['par']:>11}{r['shingles']:>10}{r['mb']:>8.1f}"
              f"{r['index']:>9.2f}{r['per_res_ms']:>8.1f}{r['one_ms']:>9.0f}{1000 * r['cold']:>15.0f}{1000 * r['warm']:>15.0f}"
              f"{r['agreed']:>8.0%}{r['spans']:>7}")
    print("\ntrace: a 40-paragraph draft, min_words 6, closest paragraph for unsourced paragraphs; "
          f"warm = median of {a.repeats} runs with the library open; cold = first trace after opening.")
    print(f"index = Library.add_documents in transactions of {BATCH} resolutions; add 1 = one more resolution "
          "added on its own (one transaction) to the full library.")
    print("targets: indexing 1,000 resolutions < 30 s; tracing < 500 ms.")


if __name__ == "__main__":
    main()
