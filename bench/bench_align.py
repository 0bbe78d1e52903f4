"""Alignment benchmark: accuracy on synthetic revisions with ground truth, speed, and a
naive difflib baseline in the same run.  Prints tables; not a timed test.

    . .venv/bin/activate && python bench/bench_align.py            # full run (~1–2 min)
    python bench/bench_align.py --pairs 300 --repeats 3            # quicker

Accuracy (tests/support/synthetic.py, French draft + real pool paragraphs):
  link F1 overall, F1 on links of paragraphs both moved and edited, split/merge
  recall (exact groups), false deleted+inserted for renumber-only paragraphs.
Speed (medians over repeats, each run cold: tokenizer and text caches cleared):
  a typical ~30-paragraph pair, align + diff (+ parse of both files when
  compare.api is available); two N-paragraph versions (N = 100 … 2,000) made by
  replicating and perturbing real paragraphs, align + diff.
Hard classes (--per-class N, tests/support/synthetic.py CLASSES): recall of each class's
  groups, exact; moved_rewritten, lookalike_block and several_at_once are the harder ones
  (far moves across PP/OP with 40–60 % of the words changed; slot-built procedural
  one-liners revised and reordered; several operations in one revision).
Second generator (--generator negotiation, tests/support/negotiation.py): the same tables on
  revisions made independently of synthetic.py, the way delegations amend (references and years,
  leading verbs, qualifiers, clauses, splits in two or into a list, lists folded, merges, far moves
  with rewording, look-alike one-liners, drop and restore) on the samples in French, English and
  Spanish.  Its classes: negotiation.CLASSES; `several` holds 4–6 amendments at once.

    python bench/bench_align.py --generator negotiation --per-class 100 --only-classes
    python bench/bench_align.py --generator negotiation --per-class 0 --sizes 1000
Third generator (--generator rounds, tests/support/rounds.py): a text negotiated over 3–5 rounds
  (Rev.1, Rev.2, oral revisions, adopted, next year's draft), first version against last: paragraphs
  moved twice and edited three times, splits whose parts drift apart, merges of edited paragraphs,
  chapeau ↔ list, a block of slot-built one-liners revised round by round, drop and later restore,
  next year's references updated everywhere at once; every sample text in turn is the base.
  Its harder classes: moved_far_edited (moved far, maybe into the other part, beside look-alikes of
  its leading word, edited by two or three delegations: a verb, a clause, wording, 30–50 % of its
  words), split_part_moved (a split part moved far and edited there), merge_source_edited (a source
  edited that much before the merge, near or far), several_hard (the three with 2–3 others).

    python bench/bench_align.py --generator rounds --per-class 100 --only-classes
Fifth generator (--generator consultations, tests/support/consultations.py): held out (written apart
  from the aligner), harder than the others, what informal consultations do between two versions:
  far moves reworded by 45–70 % (synonyms, clauses moved, struck, added), PP ↔ OP with the leading word
  turned and edited, one of four or five "Urges States …" moved among them and edited, list items moved
  to another OP's list and relettered, an item promoted to an OP and an OP demoted to an item, merges of
  paragraphs three or more apart, a split whose second part goes elsewhere, next session's update
  everywhere (ordinals, symbols, the latest resolution, footnotes), the one-liners revised over 2–3
  rounds, a paragraph dropped beside a new near-twin of another, merges and splits of edited paragraphs,
  dense rounds (most paragraphs edited, some moved), lists reworked, folded and unfolded; every sample
  (en, fr, es) as base.  A case is redrawn unless a reader could tell its truth (content words).

    python bench/bench_align.py --generator consultations --per-class 100 --only-classes
Sixth generator (--generator delegations, tests/support/delegations.py): held out too, what the other
  five do not make: "5 bis"/"5 ter" paragraphs inserted beside edited neighbours and an old "OP5 bis"
  renumbered; the old version in brackets ("[Urges][Calls upon]", "[, including …]", "OP4 alt") settled
  in the new; a run of 3–5 paragraphs moved together and edited; the new text as a careless PDF reader
  gives it (hyphenated line breaks, ligatures, soft hyphens, odd spaces and quotes, a running header or
  footnote inside a paragraph); agreed language from another resolution grafted onto a paragraph's
  second half, or replacing one under another verb; many OPs inserted at the top and PPs dropped;
  preambles trimmed and merged; typos made and corrected, punctuation, capitals, symbols.

    python bench/bench_align.py --generator delegations --per-class 60 --only-classes
Seventh generator (--generator facilitator, tests/support/facilitator.py): held out too, a facilitator's
  successive compilation texts: list items moved between OPs' lists, merged, split and reordered; a
  chapeau given another verb and addressee with its items edited; non-adjacent OPs gathered as the items
  of a new chapeau, and a list's items promoted to OPs placed apart; a long OP split in three (one part
  moved far and edited) and three OPs merged and condensed; far moves reworded by 40–60 % as delegates
  do; one-liners of one frame (reports, sessions) updated, reordered, one dropped, one added.

    python bench/bench_align.py --generator facilitator --per-class 60 --only-classes
Eighth generator (--generator drafting, tests/support/drafting.py): held out too, versions written as a
  delegation's plain text and read with the product's own parser (truth by the ids the parse gives):
  lists two levels deep reworked, a long OP split in four or five and four OPs merged, adjacent pairs
  swapped and edited, templated OPs re-objected, reordered, one dropped and one added, a block of OPs
  moved into the preamble (verbs made participles) or far down and reworded.

    python bench/bench_align.py --generator drafting --per-class 60 --only-classes

Sweeps (--sweep NAME=V1,V2, repeatable): one more per-class column per value of an AlignParams
  threshold, in the same run as the defaults:

    python bench/bench_align.py --generator rounds --per-class 50 --only-classes --sweep join_gain=0.01,0.04

Baseline: difflib.SequenceMatcher over the paragraph texts, then
  get_close_matches between the leftovers (to catch moves and edits).
"""
from __future__ import annotations

import argparse
import dataclasses
import difflib
import random
import re
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from compare.align import DEFAULT_PARAMS, AlignParams, align  # noqa: E402
from compare.classify import compare_documents  # noqa: E402
from compare.model import CompareOptions, Document, Metadata, Paragraph  # noqa: E402
from tests.support import (amendments, consultations, delegations, drafting, facilitator, negotiation,  # noqa: E402
                           rounds, synthetic)

GENERATORS = {"synthetic": synthetic, "negotiation": negotiation, "rounds": rounds, "amendments": amendments,
              "consultations": consultations, "delegations": delegations, "facilitator": facilitator,
              "drafting": drafting}

OPTS = CompareOptions(fragment=False)


# ----------------------------------------------------------------------------- baseline

def difflib_groups(old: Document, new: Document, cutoff: float = 0.6):
    """Naive paragraph matcher: SequenceMatcher over paragraph texts (exact equality),
    then get_close_matches (character ratio ≥ cutoff) among the leftovers."""
    a = [p.text for p in old.paragraphs]
    b = [p.text for p in new.paragraphs]
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    groups = []
    left_old, left_new = [], []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            groups += [([old.paragraphs[i1 + k].id], [new.paragraphs[j1 + k].id]) for k in range(i2 - i1)]
        else:
            left_old += range(i1, i2)
            left_new += range(j1, j2)
    free_new = {b[j]: [] for j in left_new}
    for j in left_new:
        free_new[b[j]].append(j)
    for i in left_old:
        cands = [t for t, js in free_new.items() if js]
        m = difflib.get_close_matches(a[i], cands, n=1, cutoff=cutoff)
        if m:
            j = free_new[m[0]].pop(0)
            groups.append(([old.paragraphs[i].id], [new.paragraphs[j].id]))
        else:
            groups.append(([old.paragraphs[i].id], []))
    for js in free_new.values():
        groups += [([], [new.paragraphs[j].id]) for j in js]
    return groups


def tfidf_hungarian_groups(old: Document, new: Document, cutoff: float = 0.3):
    """The textbook baseline: TF-IDF word vectors (IDF over both versions), cosine
    similarity, an optimal one-to-one assignment (Hungarian), pairs below ``cutoff``
    dropped.  No splits or merges."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    from compare.tokens import words
    docs = [list(words(p.text)) for p in old.paragraphs] + [list(words(p.text)) for p in new.paragraphs]
    vocab = {w: k for k, w in enumerate(sorted({w for d in docs for w in d}))}
    X = np.zeros((len(docs), max(len(vocab), 1)))
    for r, d in enumerate(docs):
        for w in d:
            X[r, vocab[w]] += 1.0
    df = (X > 0).sum(axis=0)
    X *= np.log((1 + len(docs)) / (1 + df)) + 1.0
    X /= np.maximum(np.linalg.norm(X, axis=1, keepdims=True), 1e-12)
    n = len(old.paragraphs)
    S = X[:n] @ X[n:].T
    groups, used_o, used_n = [], set(), set()
    if S.size:
        r, c = linear_sum_assignment(S, maximize=True)
        for i, j in zip(r, c):
            if S[i, j] >= cutoff:
                groups.append(([old.paragraphs[i].id], [new.paragraphs[j].id]))
                used_o.add(i)
                used_n.add(j)
    groups += [([p.id], []) for i, p in enumerate(old.paragraphs) if i not in used_o]
    groups += [([], [p.id]) for j, p in enumerate(new.paragraphs) if j not in used_n]
    return groups


def load_align_from(tree: str):
    """``align`` from another checkout (e.g. the commit before a change), so before and
    after run interleaved in one process on the same cases and the same machine load."""
    import importlib.util
    package = Path(tree) / "compare" / "align"          # a package since session 11, one file before
    if (package / "__init__.py").exists():              # (its modules import each other relatively)
        spec = importlib.util.spec_from_file_location("align_before", package / "__init__.py",
                                                      submodule_search_locations=[str(package)])
    else:
        spec = importlib.util.spec_from_file_location("align_before", Path(tree) / "compare" / "align.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["align_before"] = mod
    spec.loader.exec_module(mod)
    return mod.align


def per_class(cases, matchers: dict) -> dict:
    """{class: {matcher: (found, total)}} plus link F1 per matcher over all class cases."""
    out: dict = {}
    links: dict = {name: [set(), set()] for name in matchers}
    for k, (cls, a, b, truth) in enumerate(cases):
        gold = {(k, l) for l in synthetic._links((t.old, t.new) for t in truth)}
        for name, fn in matchers.items():
            groups = fn(a, b)
            f, t = synthetic.class_recall(truth, groups, cls)
            row = out.setdefault(cls, {}).setdefault(name, [0, 0])
            row[0] += f
            row[1] += t
            links[name][0] |= {(k, l) for l in synthetic._links(groups)}
            links[name][1] |= gold
    for name, (pred, gold) in links.items():
        hit = len(pred & gold)
        p, r = hit / max(len(pred), 1), hit / max(len(gold), 1)
        out.setdefault("link F1 (all class cases)", {})[name] = (2 * p * r / (p + r) if p + r else 0.0, None)
    return out


# ----------------------------------------------------------------------------- accuracy

def accuracy(pairs, matcher):
    gold_all, pred_all = set(), set()
    me_gold, me_pred = set(), set()
    sm_found = sm_n = false_di = ren_n = 0
    t0 = time.perf_counter()
    preds = [matcher(a, b) for a, b, _ in pairs]
    elapsed = time.perf_counter() - t0
    for k, ((a, b, truth), groups) in enumerate(zip(pairs, preds)):
        gold = synthetic._links((t.old, t.new) for t in truth)
        pred = synthetic._links(groups)
        gold_all |= {(k, l) for l in gold}
        pred_all |= {(k, l) for l in pred}
        me = [t for t in truth if t.moved and t.edited]
        mo = {o for t in me for o in t.old}
        mn = {n for t in me for n in t.new}
        touches = lambda l: l[0] in mo or l[1] in mn  # noqa: E731
        me_gold |= {(k, l) for l in gold if touches(l)}
        me_pred |= {(k, l) for l in pred if touches(l)}
        s = synthetic.score(truth, groups)
        if s["split_merge_n"]:
            sm_n += s["split_merge_n"]
            sm_found += round(s["split_merge_recall"] * s["split_merge_n"])
        false_di += s["renumbered_false_del_ins"]
        ren_n += s["renumbered_only_n"]

    def f1(p, g):
        hit = len(p & g)
        pr, rc = hit / max(len(p), 1), hit / max(len(g), 1)
        return pr, rc, (2 * pr * rc / (pr + rc) if pr + rc else 0.0)

    p, r, f = f1(pred_all, gold_all)
    _, _, mef = f1(me_pred, me_gold)
    return {"precision": p, "recall": r, "f1": f, "moved_edited_f1": mef, "moved_edited_links": len(me_gold),
            "split_merge_recall": sm_found / max(sm_n, 1), "split_merge_n": sm_n,
            "renumbered_false_del_ins": false_di, "renumbered_only_n": ren_n,
            "ms_per_pair": 1000 * elapsed / len(pairs)}


def interleaved_ms_per_pair(pairs, matchers, rounds: int = 2) -> list[float]:
    """Milliseconds per pair of each matcher, the matchers taking turns over ``rounds`` rounds (the
    last round's times): neither is measured cold while the other runs warm."""
    out = [0.0] * len(matchers)
    for _ in range(rounds):
        for k, matcher in enumerate(matchers):
            t0 = time.perf_counter()
            for a, b, _ in pairs:
                matcher(a, b)
            out[k] = 1000 * (time.perf_counter() - t0) / len(pairs)
    return out


# ----------------------------------------------------------------------------- big documents

def real_paragraphs() -> list[str]:
    base = synthetic.base_document()
    texts = [p.text for p in base.paragraphs]
    try:
        texts += synthetic.paragraph_pool()
    except Exception:
        pass
    return [t for t in dict.fromkeys(texts) if len(t.split()) >= 8]


def perturb(text: str, rng: random.Random, vocab: list[str], share: float) -> str:
    words = text.split(" ")
    for i in rng.sample(range(1, len(words)), int(share * (len(words) - 1))):
        words[i] = rng.choice(vocab)
    return " ".join(words)


def big_pair(n: int, seed: int):
    """Two versions of n paragraphs: variants of real paragraphs (each ~40 % of its
    words replaced, so variants of one paragraph are distinct paragraphs), and a
    revision with ~6 % light edits, 2 % heavy edits, 2 % deletions, 2 % insertions,
    1 % moves, 1 % splits.  Returns (old, new, gold links)."""
    rng = random.Random(seed)
    pool = real_paragraphs()
    vocab = sorted({w for t in pool for w in re.findall(r"[^\W\d_]{4,}", t) if w.islower()})
    n_pp = n // 4
    texts = [perturb(pool[k % len(pool)], rng, vocab, 0.4) for k in range(n)]
    old = _doc([("PP" if k < n_pp else "OP", t) for k, t in enumerate(texts)])
    items = [(p.kind, p.text, [p.id]) for p in old.paragraphs]
    out = []
    for kind, text, ids in items:
        r = rng.random()
        if r < 0.06:
            out.append((kind, perturb(text, rng, vocab, 0.1), ids))
        elif r < 0.08:
            out.append((kind, perturb(text, rng, vocab, 0.35), ids))
        elif r < 0.10:
            out.append(("DEL", "", ids))
        elif r < 0.12:
            out.append((kind, text, ids))
            out.append((kind, perturb(rng.choice(pool), rng, vocab, 0.5), []))
        elif r < 0.13 and len(text.split()) > 20:
            w = text.split(" ")
            cut = len(w) // 2
            out.append((kind, " ".join(w[:cut]), ids))
            out.append((kind, " ".join(w[cut:]), ids))
        else:
            out.append((kind, text, ids))
    moves = [k for k in range(len(out)) if rng.random() < 0.01]
    for k in moves:
        it = out.pop(k)
        out.insert(rng.randrange(len(out) + 1), it)
    dels = [ids for kind, _, ids in out if kind == "DEL"]
    out = [it for it in out if it[0] != "DEL"]
    out.sort(key=lambda it: 0 if it[0] == "PP" else 1)           # PPs before OPs
    new = _doc([(k, t) for k, t, _ in out])
    gold = set()
    for p, (_, _, ids) in zip(new.paragraphs, out):
        if ids:
            gold |= {(o, p.id) for o in ids}
        else:
            gold.add((None, p.id))
    gold |= {(o, None) for ids in dels for o in ids}
    return old, new, gold


def _doc(items) -> Document:
    """A French document of these (kind, text) paragraphs, with the leading words the parse would
    give them (so the aligner is timed on what users' documents hold, not filling them itself)."""
    from compare.lexicon import found_leads

    paras, counts = [], {"PP": 0, "OP": 0}
    for kind, text in items:
        counts[kind] += 1
        paras.append(Paragraph(id=f"{kind}{counts[kind]}", kind=kind, number=str(counts[kind]), text=text))
    leads = found_leads(paras, set(), "fr")
    for p in paras:
        p.leading = leads.get(p.id, "")
    return Document(meta=Metadata(language="fr"), paragraphs=paras)


def clear_caches() -> None:
    """Time cold runs: drop the tokenizer's and our per-text caches first."""
    from compare import lexicon, tokens
    tokens._tokenize_cached.cache_clear()
    tokens._words_cached.cache_clear()
    tokens.word_key.cache_clear()
    lexicon.split_leading.cache_clear()


def timed(fn, repeats):
    times = []
    out = None
    for _ in range(repeats):
        clear_caches()
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


# ----------------------------------------------------------------------------- main

def parse_sweeps(ap: argparse.ArgumentParser, specs: list[str]) -> list[tuple[str, AlignParams]]:
    """``["join_gain=0.01,0.04"]`` → [("join_gain=0.01", AlignParams(join_gain=0.01)), …]: the
    thresholds live in one dataclass, so a sweep is a column per value, nothing patched."""
    fields = {f.name: f for f in dataclasses.fields(AlignParams)}
    out = []
    for spec in specs:
        name, _, values = spec.partition("=")
        if name not in fields or not values:
            ap.error(f"--sweep {spec!r}: expected NAME=V1,V2 with NAME one of AlignParams' fields")
        kind = type(getattr(DEFAULT_PARAMS, name))
        for v in values.split(","):
            try:
                value = (v.lower() in ("1", "true", "yes")) if kind is bool else kind(v)
            except ValueError:
                ap.error(f"--sweep {spec!r}: {v!r} is not a {kind.__name__}")
            out.append((f"{name}={v}", dataclasses.replace(DEFAULT_PARAMS, **{name: value})))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pairs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--sizes", default="100,250,500,1000,2000")
    ap.add_argument("--baseline-max", type=int, default=1000, help="largest size the difflib baseline is run on")
    ap.add_argument("--per-class", type=int, default=60, help="cases per hard class (0: skip)")
    ap.add_argument("--before", default=None,
                    help="a checkout whose aligner (compare/align/ or compare/align.py) runs as an extra column (before/after)")
    ap.add_argument("--only-classes", action="store_true", help="print the per-class table only")
    ap.add_argument("--generator", choices=sorted(GENERATORS), default="synthetic",
                    help="revision generator: synthetic.py (the first), negotiation.py (independent, "
                         "delegation-style amendments on the samples in French, English and Spanish) or "
                         "rounds.py (several rounds of them, first version against last), amendments.py or "
                         "consultations.py (held out, harder: informal consultations' moves, rewordings, lists) or "
                         "delegations.py (held out: bis/ter, brackets, block moves, PDF noise, grafts, typos) or "
                         "facilitator.py (held out: lists regrouped, chapeaux reworded, OPs into a list and back, "
                         "splits and merges in three, one-liners of one frame) or drafting.py (held out: "
                         "plain-text versions read by our parser, two-level lists, splits and merges in four "
                         "or five, swapped pairs, templated OPs, a block moved into the preamble)")
    ap.add_argument("--classes", default=None, help="comma-separated hard classes (default: all of the generator's)")
    ap.add_argument("--sweep", action="append", default=[], metavar="NAME=V1,V2,…",
                    help="per-class table: one more column per value of this AlignParams threshold "
                         "(repeatable), e.g. --sweep join_containment=0.4,0.5,0.6")
    args = ap.parse_args()
    sweeps = parse_sweeps(ap, args.sweep)
    gen = GENERATORS[args.generator]
    classes = args.classes.split(",") if args.classes else list(gen.CLASSES)

    if args.per_class:
        cases = gen.generate_class_pairs(args.per_class, args.seed, classes)
        one_run = AlignParams(scattered_groups=False)
        matchers = {"align": lambda a, b: [(g.old, g.new) for g in align(a, b, OPTS)],
                    "one-run": lambda a, b: [(g.old, g.new) for g in align(a, b, OPTS, one_run)]}
        for label, params in sweeps:
            matchers[label] = lambda a, b, params=params: [(g.old, g.new) for g in align(a, b, OPTS, params)]
        if args.before:
            before = load_align_from(args.before)
            matchers["before"] = lambda a, b: [(g.old, g.new) for g in before(a, b, OPTS)]
        matchers["tfidf+hung"] = tfidf_hungarian_groups
        matchers["difflib"] = difflib_groups
        table = per_class(cases, matchers)
        print(f"== hard classes: {args.per_class} cases each (tests/support/{args.generator}.py, "
              f"seed {args.seed}); recall of the class's groups, exact")
        widths = [max(10, len(m)) for m in matchers]
        print(f"{'class':28s} {'groups':>6s} " + " ".join(f"{m:>{w}s}" for m, w in zip(matchers, widths)))
        for cls, row in table.items():
            total = next(iter(row.values()))[1]
            cells = " ".join(f"{(v[0] / max(v[1], 1)) if v[1] is not None else v[0]:{w}.4f}"
                             for v, w in zip(row.values(), widths))
            print(f"{cls:28s} {total if total is not None else '':>6} {cells}")
        if args.only_classes:
            return
        print()

    print(f"== accuracy over {args.pairs} revisions (tests/support/{args.generator}.py, seed {args.seed})")
    pairs = gen.generate_pairs(args.pairs, args.seed)
    ours = accuracy(pairs, lambda a, b: [(g.old, g.new) for g in align(a, b, OPTS)])
    prev = None
    if args.before:
        before = load_align_from(args.before)
        prev = accuracy(pairs, lambda a, b: [(g.old, g.new) for g in before(a, b, OPTS)])
    base = accuracy(pairs, difflib_groups)
    if prev:
        # the first pass above paid for caches both share (word keys, lexicon tables): time both again,
        # round by round, and keep the last round
        ours["ms_per_pair"], prev["ms_per_pair"] = interleaved_ms_per_pair(
            pairs, [lambda a, b: align(a, b, OPTS), lambda a, b: before(a, b, OPTS)])
    rows = [("link F1 overall (target ≥ 0.98)", "f1"), ("link precision", "precision"), ("link recall", "recall"),
            ("F1 moved+edited (target ≥ 0.95)", "moved_edited_f1"),
            ("split/merge recall (target ≥ 0.9)", "split_merge_recall"),
            ("false del+ins, renumber-only (must be 0)", "renumbered_false_del_ins"),
            ("ms per pair (align only)", "ms_per_pair")]
    print(f"{'measure':44s} {'align':>10s} " + (f"{'before':>10s} " if prev else "") + f"{'difflib':>10s}")
    for label, key in rows:
        a, b = ours[key], base[key]
        fmt = (lambda v: f"{v:10d}") if isinstance(a, int) else (lambda v: f"{v:10.4f}")
        print(f"{label:44s} {fmt(a)} " + (f"{fmt(prev[key])} " if prev else "") + f"{fmt(b)}")
    print(f"(moved+edited links: {ours['moved_edited_links']}, splits/merges: {ours['split_merge_n']}, "
          f"renumber-only paragraphs: {ours['renumbered_only_n']})")

    print("\n== typical pair: French revised draft (25 paragraphs) vs a synthetic revision, align + diff")
    a, b, _ = pairs[2]
    t, _ = timed(lambda: compare_documents(a, b, OPTS), max(args.repeats, 20))
    print(f"compare_documents (align+diff+classify): median {1000 * t:.1f} ms  (target < 100 ms)")
    try:
        from compare.api import load
        orig = REPO / "samples" / "draft-rev1-2008-11-10.fr.md"
        rev = REPO / "samples" / "draft-rev2-illustrative.fr.md"
        if orig.exists() and rev.exists():
            t, c = timed(lambda: compare_documents(load(str(orig)), load(str(rev))), max(args.repeats, 20))
            print(f"parse both files + compare (illustrative Rev.2): median {1000 * t:.1f} ms "
                  f"({len(c.old.paragraphs)} → {len(c.new.paragraphs)} paragraphs)")
    except ImportError:
        print("(compare.api not available: parse time not included)")

    print("\n== growth: two N-paragraph versions, align + diff (medians of "
          f"{args.repeats}); difflib baseline up to N = {args.baseline_max}")
    before = load_align_from(args.before) if args.before else None
    print(f"{'N':>6s} {'align ms':>10s} {'align+diff ms':>14s} {'link F1':>8s} {'difflib ms':>11s} "
          f"{'difflib F1':>10s} {'time ratio':>10s}" + (f" {'before ms':>10s} {'before F1':>9s}" if before else ""))
    for n in [int(x) for x in args.sizes.split(",")]:
        old, new, gold = big_pair(n, args.seed + n)
        if before:      # interleaved with ours, repeat by repeat, so both see the same load
            ta_l, tb_l = [], []
            for _ in range(args.repeats):
                t1, groups = timed(lambda: align(old, new, OPTS), 1)
                t2, bgroups = timed(lambda: before(old, new, OPTS), 1)
                ta_l.append(t1)
                tb_l.append(t2)
            ta, tbefore = statistics.median(ta_l), statistics.median(tb_l)
            bpred = synthetic._links((g.old, g.new) for g in bgroups)
            bf1 = 2 * len(bpred & gold) / (len(bpred) + len(gold))
        else:
            ta, groups = timed(lambda: align(old, new, OPTS), args.repeats)
        tc, _ = timed(lambda: compare_documents(old, new, OPTS), args.repeats)
        pred = synthetic._links((g.old, g.new) for g in groups)
        f = 2 * len(pred & gold) / (len(pred) + len(gold))
        if n <= args.baseline_max:
            tb, bg = timed(lambda: difflib_groups(old, new), max(1, min(args.repeats, 3)))
            bp = synthetic._links(bg)
            bf = 2 * len(bp & gold) / (len(bp) + len(gold))
            extra = f"{1000 * tb:11.0f} {bf:10.4f} {tb / tc:10.1f}x"
        else:
            extra = f"{'-':>11s} {'-':>10s} {'-':>10s}"
        if before:
            extra += f" {1000 * tbefore:10.0f} {bf1:9.4f}"
        print(f"{n:6d} {1000 * ta:10.0f} {1000 * tc:14.0f} {f:8.4f} {extra}")
    print("(time ratio = difflib time / our align+diff time)")


if __name__ == "__main__":
    main()
