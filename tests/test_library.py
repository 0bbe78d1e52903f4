"""The library of earlier texts: default contents, persistence, crash safety, damaged files."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from compare.api import add_to_library, load, open_library, rebuild_library
from compare.errors import InputError
from compare.library import ENV_VAR, Library, LibraryError, default_path, default_sample_paths, session_of
from compare.export.trace_views import trace_dict
from compare.trace import trace_document


@pytest.fixture()
def lib_path(tmp_path):
    return tmp_path / "lib.sqlite3"


def test_default_library_holds_the_real_samples_only(lib_path):
    names = {p.name for p in default_sample_paths()}
    assert "A-RES-61-180.en.md" in names and "draft-rev1-2008-11-10.fr.md" in names
    assert "draft-rev2-illustrative.fr.md" not in names          # invented, not an earlier text
    assert "SOURCES.md" not in names
    with open_library(lib_path) as lib:
        docs = lib.documents()
        assert len(docs) == len(names)
        assert all(d.origin == "sample" for d in docs)
        assert lib.check() == []
        by = {d.label: d for d in docs}
        assert by["A-RES-61-180.en"].session == 61 and by["A-RES-61-180.en"].adopted
        assert by["A-RES-63-194.en"].session == 63                  # from the file name
        assert by["draft-rev1-2008-11-10.fr"].session == 63 and not by["draft-rev1-2008-11-10.fr"].adopted


def test_location_argument_env_default(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env.sqlite3"))
    assert default_path() == tmp_path / "env.sqlite3"
    monkeypatch.delenv(ENV_VAR)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert default_path() == tmp_path / "xdg" / "resolution-compare" / "library.sqlite3"


def test_session_of():
    from compare.model import Metadata
    assert session_of(Metadata(symbol="A/C.3/63/L.17")) == 63
    assert session_of(Metadata(symbol="A/RES/61/180")) == 61
    assert session_of(Metadata(), "A-RES-64-178.en") == 64
    assert session_of(Metadata(date="2008-11-10")) == 63
    assert session_of(Metadata(date="2007-03-08")) == 61
    assert session_of(Metadata()) is None
    # a draft written in April for the coming session prints that session (the Belarus draft, E/CN.6/2006/L.4:
    # "Sixty first session", 17 April 2006); another body's session is not the Assembly's
    assert session_of(Metadata(date="2006-04-17", session="Sixty first session")) == 61
    assert session_of(Metadata(date="2006-03-01", session="Fiftieth session")) == 60
    assert session_of(Metadata(session="Soixante-troisième session")) == 63


def test_same_text_is_added_once_and_remove(lib_path, samples):
    with open_library(lib_path, seed=False) as lib:
        info, new = add_to_library(lib, samples / "A-RES-61-180.en.md")
        assert new and info.origin == "user"
        info2, new2 = add_to_library(lib, samples / "A-RES-61-180.en.md", label="again")
        assert not new2 and info2.id == info.id
        add_to_library(lib, samples / "A-RES-63-194.en.md")
        assert lib.remove(info.id)
        assert [d.label for d in lib.documents()] == ["A-RES-63-194.en"]
        assert lib.check() == []
        st = lib.stats()
        assert st["texts"] == 7 and st["paragraphs"] == 7


def test_persistence_same_results_after_reopening(lib_path, samples, tmp_path):
    user = tmp_path / "earlier.md"
    user.write_text("The General Assembly,\n\nRecalling the quick brown fox that jumps over the lazy dog "
                    "in every single session,\n\n1. Decides to remain seized of the matter.\n", encoding="utf-8")
    draft = load(samples / "A-RES-63-194.en.md")
    with open_library(lib_path) as lib:
        add_to_library(lib, user)
        first = trace_dict(trace_document(draft, lib, before=63))
        docs1 = [(d.id, d.label, d.content_hash) for d in lib.documents()]
    with open_library(lib_path) as lib:
        again = trace_dict(trace_document(draft, lib, before=63))
        docs2 = [(d.id, d.label, d.content_hash) for d in lib.documents()]
    assert docs1 == docs2 and any(lab == "earlier" for _, lab, _ in docs2)
    assert first == again


def test_error_inside_the_transaction_leaves_no_partial_document(lib_path, samples, monkeypatch):
    with open_library(lib_path, seed=False) as lib:
        add_to_library(lib, samples / "A-RES-61-180.en.md")
        before = lib.stats()

        def boom(self, batch):
            raise RuntimeError("crash while writing the index")

        monkeypatch.setattr(Library, "_flush", boom)
        with pytest.raises(RuntimeError):
            add_to_library(lib, samples / "A-RES-64-178.en.md")
        monkeypatch.undo()
        assert lib.stats() == before
        assert [d.label for d in lib.documents()] == ["A-RES-61-180.en"]
        assert lib.check() == []
        add_to_library(lib, samples / "A-RES-64-178.en.md")                      # and it can be added afterwards
        assert len(lib.documents()) == 2


def test_killed_mid_insert_leaves_a_consistent_library(lib_path, samples):
    with open_library(lib_path, seed=False) as lib:
        add_to_library(lib, samples / "A-RES-61-180.en.md")
        before = lib.stats()
    child = textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(samples.parent)!r})
        from compare.api import add_to_library, open_library
        from compare.library import Library
        orig = Library._flush
        def slow(self, batch):
            orig(self, batch)                    # index rows written, transaction still open
            print("in-transaction", flush=True)
            time.sleep(60)
        Library._flush = slow
        lib = open_library({str(lib_path)!r}, seed=False)
        add_to_library(lib, {str(samples / "draft-rev1-2008-11-10.fr.md")!r})
    """)
    proc = subprocess.Popen([sys.executable, "-c", child], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "in-transaction"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    with open_library(lib_path, seed=False) as lib:
        assert lib.check() == []
        assert lib.stats() == before
        assert [d.label for d in lib.documents()] == ["A-RES-61-180.en"]


def test_garbage_file_gives_one_line_error_and_rebuild(lib_path):
    lib_path.write_bytes(b"this is not a database at all\n" * 100)
    with pytest.raises(LibraryError) as ei:
        open_library(lib_path)
    msg = str(ei.value)
    assert isinstance(ei.value, InputError) and "\n" not in msg
    assert str(lib_path) in msg and "rebuild" in msg
    lib, notes = rebuild_library(lib_path)
    with lib:
        assert len(lib.documents()) == len(default_sample_paths())
        assert lib.check() == []
    assert (lib_path.parent / (lib_path.name + ".broken")).exists()
    assert any("kept as" in n for n in notes)


def test_damaged_pages_give_library_error_not_a_traceback(lib_path, samples):
    with open_library(lib_path) as lib:
        add_to_library(lib, samples / "draft-rev2-illustrative.fr.md")
    data = bytearray(lib_path.read_bytes())
    assert len(data) > 8192
    for k in range(4096, len(data), 4096):                      # smash every page but the first
        data[k + 16:k + 4000] = os.urandom(3984)
    lib_path.write_bytes(bytes(data))
    draft = load(samples / "A-RES-63-194.en.md")
    with pytest.raises(LibraryError) as ei:
        with open_library(lib_path) as lib:
            problems = lib.check()
            trace_document(draft, lib)
            if problems:
                raise LibraryError(str(lib_path), "; ".join(problems))
    assert "\n" not in str(ei.value)


def test_rebuild_adds_user_files_again(lib_path, samples, tmp_path):
    with open_library(lib_path) as lib:
        add_to_library(lib, samples / "draft-rev2-illustrative.fr.md")
        n = len(lib.documents())
    lib, notes = rebuild_library(lib_path)
    with lib:
        assert len(lib.documents()) == n
        assert any(d.label == "draft-rev2-illustrative.fr" and d.origin == "user" for d in lib.documents())


def test_not_a_library_sqlite_file(lib_path):
    import sqlite3
    c = sqlite3.connect(lib_path)
    c.execute("CREATE TABLE other(x)")
    c.commit()
    c.close()
    with pytest.raises(LibraryError, match="not a Resolution Compare library"):
        open_library(lib_path)


def test_the_library_stores_documents_and_never_reads_files(lib_path, samples):
    # a library opened on its own holds what it is given: no samples unless a seed gives them
    with Library.open(lib_path) as lib:
        assert lib.documents() == []
        assert not hasattr(lib, "add") and not hasattr(lib, "add_samples")
        lib.add_document(load(samples / "draft-rev2-illustrative.fr.md"), source=str(samples / "draft-rev2-illustrative.fr.md"))
    lib, notes = Library.rebuild(lib_path)                       # no reader given: it says what to add again
    with lib:
        assert lib.documents() == []
    assert any("not added again" in n and "draft-rev2-illustrative" in n for n in notes)
