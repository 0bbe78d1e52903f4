"""The app's start: the first page's work done before the server answers, under both launchers.

* Plain ``streamlit run ui/app.py``: ``ui/app.py`` defines an st.App serving itself, so Streamlit runs
  it with uvicorn and calls :func:`lifespan` before the server answers (Nagle off on the listening
  socket, the first example read, compared — from disk when a previous server left it there, see
  ``ui/diskcache.py`` — and rendered once, the script compiled).
* ``python ui/serve.py [streamlit options]`` (``./dev app``): the same ``streamlit run ui/app.py`` in this
  process, after a fuller warm-up (the alignment and the downloads' writers too), with the listener
  bound without Nagle from the start.

Either way the first page a delegate opens renders at once instead of paying for the imports and the
comparison.
"""
from __future__ import annotations

import logging
import sys
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "ui" / "app.py"


@contextmanager
def no_runtime_yet() -> Iterator[None]:
    """Streamlit's warnings quiet while caches are made before its runtime exists (here, or as
    ``streamlit run`` imports ``ui/app.py`` to find its st.App): such caches keep Streamlit's in-memory
    storage, which is what the app uses anyway ("No runtime found", "missing ScriptRunContext")."""
    import streamlit.runtime.caching.cache_data_api as cache_data_api
    import streamlit.runtime.scriptrunner_utils.script_run_context as script_run_context

    logs = [logging.getLogger(m.__name__) for m in (cache_data_api, script_run_context)]
    levels = [log.level for log in logs]
    for log in logs:
        log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        for log, level in zip(logs, levels):
            log.setLevel(level)


def warm(full: bool = True) -> None:
    """The first page's work, done before the server answers.  ``full`` (``./dev app``): also the modules
    later pages need (the alignment with numpy, the downloads' writers with pandas); without it (the
    st.App's lifespan under plain ``streamlit run``) only the first page's, so the server answers sooner
    — the first example's comparison then usually comes from disk (ui/diskcache.py), without numpy."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import compare.api as api
    from compare.model import CompareOptions
    from ui import render
    from ui.examples import EXAMPLES

    if full:
        import compare.classify  # noqa: F401
        import compare.lineage  # noqa: F401
        import compare.order  # noqa: F401

        # the downloads' writers (compare.export.table brings pandas): the app imports them only when the
        # downloads are prepared or a lineage is shown; here they cost the server's start, not a page
        for optional in ("compare.export.redline", "compare.export.table", "compare.export.jsonout"):
            try:
                __import__(optional)
            except ImportError:
                pass
    # the first example, as the page opens on it, through the app's own caches (ui/cached.py): the first
    # session finds the versions read and compared (with the first page's options, the defaults)
    with no_runtime_yet():
        from ui import cached

        sources = cached.example_sources(next(iter(EXAMPLES)))
        docs = [cached.load_source(*s.cache_key, s.data)[0] for s in sources]
        lineage = cached.compare(tuple(s.cache_key for s in sources), CompareOptions(), tuple(sources))
    api.order_versions(docs)
    cmp = lineage.comparisons[0]
    render.comparison_html(cmp, render.filter_pairs(cmp, render.Filters()))
    render.summary_html(cmp)
    render.position_chart_html(cmp)
    # the server's modules, and the page icon's (st.set_page_config sends it through image_to_url, which
    # imports numpy and PIL whatever the icon)
    import numpy  # noqa: F401
    import streamlit.web.bootstrap  # noqa: F401
    import streamlit.web.server.starlette.starlette_server  # noqa: F401
    from PIL import Image, ImageFile  # noqa: F401
    from streamlit.runtime.scriptrunner import script_runner  # noqa: F401

    skip_bare_mode_check()


def skip_bare_mode_check() -> None:
    """Streamlit's first element in a process checks whether it runs outside ``streamlit run`` (to warn
    that it does) with ``inspect.stack()``, which reads the source of every frame on the stack and maps
    every imported module to its file: 0.1-0.4 s of the first page.  The app runs in the server: there is
    nothing to warn about, so the warning is marked as given (Streamlit's own flag; nothing if it is gone)."""
    import streamlit.delta_generator as dg

    if hasattr(dg, "_use_warning_has_been_displayed"):
        dg._use_warning_has_been_displayed = True


_warmed = False


def warm_once(full: bool = True) -> None:
    """:func:`warm`, once per process (``./dev app`` warms before the server; the App's lifespan after)."""
    global _warmed
    if not _warmed:
        _warmed = True
        warm(full)


@asynccontextmanager
async def lifespan(app) -> AsyncIterator[None]:
    """The st.App's startup (``ui/app.py``), before the server answers: Nagle off on the listening socket
    (bound by now; every connection accepted later inherits it), the first page's work (:func:`warm`)
    and the script compiled into Streamlit's cache (its first run would compile it: 25-100 ms)."""
    from ui.nodelay import set_on_open_sockets

    set_on_open_sockets()
    try:
        warm_once(full=False)
        precompile(app.script_path)
    except Exception:  # noqa: BLE001 — the server must start: the first page then does the work, or shows the error
        logging.getLogger(__name__).warning("Warm-up failed; the first page will do its work", exc_info=True)
    yield


def precompile(script: Path) -> bool:
    """Compile the app's script into the running Streamlit's script cache (a private attribute: False,
    and nothing done, where it is gone)."""
    from streamlit import runtime

    cache = getattr(runtime.get_instance(), "_script_cache", None) if runtime.exists() else None
    if cache is None or not hasattr(cache, "get_bytecode"):
        return False
    cache.get_bytecode(str(script))
    return True


def main() -> None:
    warm_once()
    from ui.nodelay import patch_bind

    patch_bind()            # Nagle off on the server's connections (see ui/nodelay.py): ~40 ms per file otherwise
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(APP), *sys.argv[1:]]
    sys.exit(cli.main())


if __name__ == "__main__":
    # as ``ui.serve``: the module the app's lifespan sees, so the warm-up done here is not done again there
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from ui import serve

    serve.main()
