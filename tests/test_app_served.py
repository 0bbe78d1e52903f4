"""Plain ``streamlit run ui/app.py`` serves the app through its st.App (``ui/app.py``), whose startup runs
before the server answers: the first page then finds the bundled example read and compared, and the
server's connections without Nagle's delay (``ui/serve.py``, ``ui/nodelay.py``).

The server's startup runs in a separate process (it starts Streamlit's runtime, one per process), as
``streamlit run`` has it: the module found the way Streamlit finds it, imported the way uvicorn imports it.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("streamlit")

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "ui" / "app.py"

# Streamlit's discovery (cli.py: `streamlit run` serves an st.App it finds in the script), the module imported
# as uvicorn does (the script's folder first on sys.path, as bootstrap._fix_sys_path puts it), then the ASGI
# lifespan's startup driven by hand; after it, the first example's comparison must come from the cache
# (comparing again would raise) and the listening socket opened before startup must have TCP_NODELAY.
SERVED = r"""
import asyncio, importlib, json, socket, sys
from pathlib import Path

app_py = Path(sys.argv[1])
if sys.argv[2] == "broken":                     # the warm-up fails (a bug, a missing sample)
    sys.path.insert(0, str(app_py.parent.parent))
    from ui import serve

    def broken(full=True):
        raise OSError("no samples")

    serve.warm = broken
from streamlit.web.server.app_discovery import discover_asgi_app
found = discover_asgi_app(app_py)
out = {"is_app": found.is_asgi_app, "import": found.import_string}
sys.path.insert(0, str(app_py.parent))
module_name, _, attr = found.import_string.partition(":")
app = getattr(importlib.import_module(module_name), attr)
out["script"] = str(Path(app.script_path).resolve())

listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.bind(("127.0.0.1", 0))
listener.listen(8)

async def startup():
    queue = asyncio.Queue()
    await queue.put({"type": "lifespan.startup"})
    sent = []

    async def send(message):
        sent.append(message["type"])
        if message["type"].startswith("lifespan.startup."):
            await queue.put({"type": "lifespan.shutdown"})

    await app({"type": "lifespan", "asgi": {"version": "3.0"}, "state": {}}, queue.get, send)
    return sent

out["lifespan"] = asyncio.run(startup())
out["nodelay"] = bool(listener.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
if sys.argv[2] == "broken":
    print(json.dumps(out))
    sys.exit(0)

from compare.model import CompareOptions
from ui import cached, serve
from ui.examples import EXAMPLES

def boom(*args, **kwargs):
    raise AssertionError("compared again")

cached.compare_versions = boom
sources = cached.example_sources(next(iter(EXAMPLES)))
with serve.no_runtime_yet():
    lineage = cached.compare(tuple(s.cache_key for s in sources), CompareOptions(), tuple(sources))
out["pairs"] = len(lineage.comparisons[0].pairs)
print(json.dumps(out))
"""


def serve_once(how: str) -> dict:
    done = subprocess.run([sys.executable, "-c", SERVED, str(APP), how], capture_output=True, text=True, cwd=ROOT,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def served() -> dict:
    return serve_once("as is")


def test_streamlit_run_serves_the_script_through_its_app(served):
    assert served["is_app"] and served["import"] == "app:app"
    assert served["script"] == str(APP.resolve())           # the App runs this same script for every session
    assert served["lifespan"] == ["lifespan.startup.complete", "lifespan.shutdown.complete"]


def test_the_first_example_is_compared_before_the_server_answers(served):
    from compare import api
    from ui.examples import EXAMPLES, SAMPLES

    (old, _), (new, _) = EXAMPLES[next(iter(EXAMPLES))][:2]
    assert served["pairs"] == len(api.compare(api.load(str(SAMPLES / old)), api.load(str(SAMPLES / new))).pairs)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ui/nodelay.py lists /proc/self/fd")
def test_the_listening_socket_has_nagle_off_before_the_first_page(served):
    assert served["nodelay"]


def test_a_failed_warm_up_still_starts_the_server():
    broken = serve_once("broken")
    assert broken["lifespan"] == ["lifespan.startup.complete", "lifespan.shutdown.complete"]
