"""The agreed-language library under hostile conditions: two processes creating it at
once, a read-only folder, a rebuild that cannot move the file, malformed meta values."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from compare.library import Library, LibraryError

ROOT = Path(__file__).resolve().parent.parent

_ADD = (
    "import sys\n"
    "from compare import api\n"
    "from compare.library import Library\n"
    "doc = api.load_text(f'The General Assembly,\\n\\n1. Urges {sys.argv[2]} to act on the matter at once;',"
    " label=sys.argv[2])\n"
    "with Library.open(sys.argv[1], seed=False) as lib:\n"
    "    info, new = lib.add_document(doc)\n"
    "print(info.label, new)\n"
)


def _spawn(db: Path, who: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", _ADD, str(db), who], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_two_processes_creating_the_same_library_lose_nothing(tmp_path):
    for rnd in range(20):
        db = tmp_path / f"lib{rnd}.sqlite"
        procs = [_spawn(db, f"delegation{rnd}x{k}") for k in range(2)]
        outs = [p.communicate(timeout=60) for p in procs]
        for p, (out, err) in zip(procs, outs):
            assert p.returncode == 0, f"round {rnd}: {err}"
            assert out.strip().endswith("True"), out
        with Library.open(db, seed=False) as lib:
            labels = sorted(d.label for d in lib.documents())
        assert labels == [f"delegation{rnd}x0", f"delegation{rnd}x1"], f"round {rnd}: {labels}"


@pytest.fixture
def read_only_folder(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    folder = tmp_path / "ro"
    folder.mkdir()
    with Library.open(folder / "lib.sqlite", seed=False) as lib:
        lib.add_document(__import__("compare.api").api.load_text("The General Assembly,\n\n1. Urges all to act;"))
    folder.chmod(0o555)
    yield folder
    folder.chmod(0o755)


def test_read_only_folder_is_reported_as_read_only(read_only_folder):
    db = read_only_folder / "lib.sqlite"
    before = db.read_bytes()
    with pytest.raises(LibraryError, match="read-only") as ei:
        Library.open(db)
    assert "damaged" not in str(ei.value)
    with pytest.raises(LibraryError, match="read-only"):
        Library.rebuild(db)
    assert db.read_bytes() == before


def test_rebuild_in_read_only_folder_is_one_line_from_the_cli(read_only_folder):
    db = read_only_folder / "lib.sqlite"
    proc = subprocess.run([sys.executable, "-m", "compare", "trace", "--rebuild-library", "--library", str(db)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr and len(proc.stderr.splitlines()) == 1, proc.stderr
    assert "read-only" in proc.stderr


@pytest.mark.parametrize("key,value", [("schema", "one"), ("shingle", "x5"), ("schema", ""), ("shingle", "0")])
def test_malformed_meta_value_is_one_line(tmp_path, key, value):
    db = tmp_path / "lib.sqlite"
    Library.open(db, seed=False).close()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = ?", (value, key))
    with pytest.raises(LibraryError, match="unknown layout") as ei:
        Library.open(db, seed=False)
    assert "\n" not in str(ei.value)
    proc = subprocess.run([sys.executable, "-m", "compare", "trace", "--list-library", "--library", str(db)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 1, proc.stderr


@pytest.mark.parametrize("name", ["", ".", "folder", "~nosuchuser-16/lib.sqlite"])
@pytest.mark.parametrize("action", ["--list-library", "--rebuild-library"])
def test_a_folder_or_no_name_is_one_line_and_never_moved(tmp_path, name, action):
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "keep.txt").write_text("delegation notes")
    before = sorted(p.name for p in tmp_path.iterdir())
    proc = subprocess.run([sys.executable, "-m", "compare", "trace", action, "--library", name],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert (tmp_path / "folder" / "keep.txt").read_text() == "delegation notes"
