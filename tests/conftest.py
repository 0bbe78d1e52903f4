from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES


@pytest.fixture(scope="session", autouse=True)
def _app_cache_dir(tmp_path_factory):
    """The app keeps the bundled samples' comparisons in the user's cache folder (ui/diskcache.py);
    the tests, and the servers they start, keep theirs in a temporary one."""
    before = os.environ.get("RC_CACHE_DIR")
    os.environ["RC_CACHE_DIR"] = str(tmp_path_factory.mktemp("rc-cache"))
    yield
    if before is None:
        os.environ.pop("RC_CACHE_DIR", None)
    else:
        os.environ["RC_CACHE_DIR"] = before


@pytest.fixture(scope="module")
def lib(tmp_path_factory):
    """A library seeded with the bundled samples, in a temporary folder, shared by a module's tests."""
    from compare import api

    lib = api.open_library(tmp_path_factory.mktemp("lib") / "lib.sqlite3")
    yield lib
    lib.close()
