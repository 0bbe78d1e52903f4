"""The bundled examples' comparisons, kept on disk between server starts.

A new server process would otherwise import the alignment (numpy) and compare the first example again
before its first page.  Only results computed from the bundled samples are written (``ui/cached.py``
decides; uploads and pasted text stay in memory), in the user's cache folder
(``$RC_CACHE_DIR``, else ``$XDG_CACHE_HOME/resolution-compare``, else ``~/.cache/resolution-compare``),
never in the checkout.  An entry is named by a digest of its key (the samples' digests, the options)
and of the library's code (every file under ``compare/``) and the Python version, so a changed library
or sample never reads an old entry; an entry that cannot be read (corrupt, cut short, from another
version) is ignored and written again.  The folder is the user's own (mode 0700): its pickles are
trusted as the code is.
"""
from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any

LIBRARY = Path(__file__).resolve().parent.parent / "compare"
#: Bumped when what is stored changes shape without the library changing.
FORMAT = "1"


def folder() -> Path:
    """Where the entries live (not created here)."""
    if os.environ.get("RC_CACHE_DIR"):
        return Path(os.environ["RC_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "resolution-compare"


@functools.cache
def code_version() -> str:
    """A digest of the library's files and the Python version: what a stored result depends on besides its key."""
    h = hashlib.blake2b(f"{FORMAT} {sys.version}".encode(), digest_size=16)
    for path in sorted(p for p in LIBRARY.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        h.update(str(path.relative_to(LIBRARY)).encode() + b"\0")
        h.update(path.read_bytes())
    return h.hexdigest()


def _entry(key: tuple) -> tuple[Path, str]:
    name = repr(key)
    digest = hashlib.blake2b(f"{code_version()} {name}".encode(), digest_size=16).hexdigest()
    return folder() / f"{digest}.pickle", name


def get(key: tuple) -> Any | None:
    """The stored value for ``key`` (a tuple with a stable ``repr``), or None (absent or unreadable)."""
    try:
        path, name = _entry(key)
        with open(path, "rb") as f:
            stored_name, value = pickle.load(f)
    except Exception:  # noqa: BLE001 — absent, corrupt, cut short, from another version: computed again
        return None
    return value if stored_name == name else None


def put(key: tuple, value: Any) -> bool:
    """Store ``value`` for ``key``, atomically (a reader sees the old entry or the new, whole); False when
    it cannot be (a read-only home, a value that does not pickle): the app works as without a cache."""
    try:
        path, name = _entry(key)
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        data = pickle.dumps((name, value), protocol=pickle.HIGHEST_PROTOCOL)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except Exception:  # noqa: BLE001
        return False
    return True
