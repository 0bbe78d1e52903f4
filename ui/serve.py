"""Start the app with the library already imported: ``python ui/serve.py [streamlit options]``.

Exactly ``streamlit run ui/app.py …`` (same process, same config from
``.streamlit/config.toml``), except that the heavy imports (the comparison
library with numpy, pandas, the Word and Excel writers) happen
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
    import compare.api as api  # noqa: F401
    import compare.classify  # noqa: F401
    import compare.lineage  # noqa: F401
    import ui.render  # noqa: F401

    for optional in ("compare.export.redline", "compare.export.table", "pandas", "openpyxl"):
        try:
            __import__(optional)
        except ImportError:
            pass
    # one small comparison fills the tokenizer caches and loads lazily imported readers
    api.compare(api.load_text("The General Assembly,\n\n1. Decides to remain seized of the matter.\n"),
                api.load_text("The General Assembly,\n\n1. Decides to remain actively seized of the matter.\n"))


def main() -> None:
    warm()
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(APP), *sys.argv[1:]]
    sys.exit(cli.main())


if __name__ == "__main__":
    main()
