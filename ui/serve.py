"""Start the app with the library already imported: ``python ui/serve.py [streamlit options]``.

Exactly ``streamlit run ui/app.py …`` (same process, same config from
``.streamlit/config.toml``), except that the heavy imports (the comparison
library with numpy, the comparison of the first example) happen
*before* the server reports itself up, so the first page a delegate opens
renders at once instead of paying for them.  ``./dev app`` uses this.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "ui" / "app.py"


def warm() -> None:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import compare.api as api
    import compare.classify  # noqa: F401
    import compare.lineage  # noqa: F401
    import compare.order  # noqa: F401
    from ui import render
    from ui.examples import EXAMPLES, SAMPLES

    # the downloads' writers (compare.export.table brings pandas): the app imports them only when the
    # downloads are prepared or a lineage is shown; here they cost the server's start, not a page
    for optional in ("compare.export.redline", "compare.export.table", "compare.export.jsonout"):
        try:
            __import__(optional)
        except ImportError:
            pass
    # the first example, as the page opens on it: fills the readers', tokenizers' and aligner's
    # first-call caches (the comparison itself is cached by the app, per session server)
    first = next(iter(EXAMPLES.values()))
    docs = [api.load((SAMPLES / name).read_bytes(), name=name) for name, _ in first]
    api.order_versions(docs)
    lineage = api.compare_versions(docs)
    cmp = lineage.comparisons[0]
    render.comparison_html(cmp, render.filter_pairs(cmp, render.Filters()))
    render.summary_html(cmp)
    # Streamlit's first element looks up the root frame's file (inspect.stack, once per process), which
    # maps every imported module to its file (a quarter of a second cold): import the server's modules
    # and fill that cache now
    import inspect

    import streamlit.web.bootstrap  # noqa: F401
    import streamlit.web.server.starlette.starlette_server  # noqa: F401
    from streamlit.runtime.scriptrunner import script_runner  # noqa: F401

    inspect.stack()


def main() -> None:
    warm()
    from ui.nodelay import patch_bind

    patch_bind()            # Nagle off on the server's connections (see ui/nodelay.py): ~40 ms per file otherwise
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(APP), *sys.argv[1:]]
    sys.exit(cli.main())


if __name__ == "__main__":
    main()
