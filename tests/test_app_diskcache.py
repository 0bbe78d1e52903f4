"""The bundled examples' readings and comparisons kept on disk between server starts (ui/diskcache.py,
ui/cached.py): a new server takes them from there; a corrupt or outdated entry is computed again; an
upload or pasted text is never written."""
from __future__ import annotations

import logging
import pickle
from pathlib import Path

import pytest

pytest.importorskip("streamlit")

from compare import api  # noqa: E402
from compare.model import CompareOptions  # noqa: E402
from ui import cached, diskcache, serve  # noqa: E402
from ui.examples import EXAMPLES  # noqa: E402

FIRST = next(iter(EXAMPLES))


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    """An empty cache folder, and the app's in-memory caches emptied (as in a new server process)."""
    monkeypatch.setenv("RC_CACHE_DIR", str(tmp_path))
    logging.getLogger("streamlit").setLevel(logging.ERROR)

    def new_process():
        cached.load_source.clear()
        cached.compare.clear()

    new_process()
    yield tmp_path
    new_process()


@pytest.fixture
def compares(monkeypatch) -> list[int]:
    """How many times the library compared (one entry per call)."""
    calls: list[int] = []
    real = cached.compare_versions

    def counting(docs, options=None):
        calls.append(len(docs))
        return real(docs, options)

    monkeypatch.setattr(cached, "compare_versions", counting)
    return calls


def first_example(sources=None):
    sources = sources or cached.example_sources(FIRST)
    with serve.no_runtime_yet():
        return cached.compare(tuple(s.cache_key for s in sources), CompareOptions(), tuple(sources))


def statuses(lineage) -> list[tuple]:
    return [(p.status, tuple(p.old), tuple(p.new)) for c in lineage.comparisons for p in c.pairs]


def test_a_new_server_takes_the_first_example_from_disk(cache_dir, compares):
    first = first_example()
    assert compares == [2] and list(cache_dir.glob("*.pickle"))
    cached.load_source.clear()
    cached.compare.clear()                          # a new process: nothing in memory
    again = first_example()
    assert compares == [2]                          # not compared again …
    assert statuses(again) == statuses(first)       # … and the same comparison
    (old, _), (new, _) = EXAMPLES[FIRST]
    assert statuses(again) == [(p.status, tuple(p.old), tuple(p.new))
                               for p in api.compare(api.load(str(cached.SAMPLES / old)),
                                                    api.load(str(cached.SAMPLES / new))).pairs]


@pytest.mark.parametrize("damage", [b"", b"not a pickle", None])
def test_a_corrupt_or_cut_entry_is_computed_again(cache_dir, compares, damage):
    first = first_example()
    for entry in cache_dir.glob("*.pickle"):
        data = entry.read_bytes()
        entry.write_bytes(data[: len(data) // 2] if damage is None else damage)
    cached.load_source.clear()
    cached.compare.clear()
    again = first_example()
    assert compares == [2, 2]
    assert statuses(again) == statuses(first)
    cached.compare.clear()
    first_example()                                 # written again, whole
    assert compares == [2, 2]


def test_a_changed_library_does_not_read_old_entries(cache_dir, compares, monkeypatch):
    first_example()
    monkeypatch.setattr(diskcache, "code_version", lambda: "another version of compare/")
    cached.load_source.clear()
    cached.compare.clear()
    first_example()
    assert compares == [2, 2]


def test_uploads_and_pasted_text_are_never_written(cache_dir, compares):
    samples = cached.example_sources(FIRST)
    (a, _), (b, _) = EXAMPLES[FIRST]
    edited = samples[1].data.replace(b"Protocole", b"Protocole additionnel", 1)
    assert edited != samples[1].data
    uploads = [
        cached.Source("upload:1", "mine.md", samples[0].data, "Mine", "upload", cached.digest(samples[0].data)),
        # an upload named as a bundled sample, with other bytes
        cached.Source("upload:2", b, edited, "Edited", "upload", cached.digest(edited)),
        cached.Source("pasted:1", "Pasted 1", samples[1].data, "Pasted", "pasted", cached.digest(samples[1].data)),
    ]
    for pair in ([uploads[0], samples[1]], [samples[0], uploads[1]], [samples[0], uploads[2]]):
        with serve.no_runtime_yet():
            for s in pair:
                doc, err = cached.load_source(*s.cache_key, s.data)
                assert doc is not None, err
        first_example(pair)
    assert compares == [2, 2, 2]
    written = {pickle.loads(entry.read_bytes())[0] for entry in cache_dir.iterdir()}
    # the bundled samples' own readings only: no upload's or pasted text's, no comparison involving them
    assert written == {repr(("load", s.digest, s.name)) for s in samples}
    assert not cached.bundled(*uploads[1].cache_key) and cached.bundled(*samples[1].cache_key)


def test_an_unwritable_cache_folder_leaves_the_app_working(tmp_path, monkeypatch, compares):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("RC_CACHE_DIR", str(blocker / "cache"))
    cached.load_source.clear()
    cached.compare.clear()
    assert statuses(first_example())
    assert compares == [2]
    cached.load_source.clear()
    cached.compare.clear()
