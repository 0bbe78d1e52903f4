"""Data flows one way: no module imports a later stage.

The stages, in order (a module may import its own stage and earlier ones, never a later one):

    foundation   model, errors, tokens, sequences, numerals,  (nothing of ours)
                 namespaces (OOXML names, reader and writer), textclean (valid Unicode)
    facts        symbols, furniture, language, lexicon        (UN symbols, per-language words)
    read         readers/                                     (bytes → raw blocks)
    structure    structure                                    (blocks → Document)
    similarity   similarity, embed                            (the notions of "close": words; meaning across languages)
    align        align, concordance                           (paragraph links within and across languages)
    diff         diff
    classify     classify, header                            (pairs and header fields → Comparison)
    lineage      lineage, order                              (N versions: their order, their rows)
    export       export/                                      (views of a Comparison, Lineage or trace)
    library      library                                      (stores and queries Documents)
    trace        trace                                        (agreed language against the library)
    api          api                                          (the public face: load, compare, trace)
    shell        cli, trace_cli, __main__
    ui           ui/

Exports sit before the agreed-language wing on purpose: a trace view reads a
TraceResult by its attributes (or its JSON form), so no exporter imports the
library or the trace, and the library never imports the readers or the api.
Imports under ``if TYPE_CHECKING:`` (annotations only) are not imports at run time
and are not counted.  Lazy imports inside functions are.
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

STAGES: list[tuple[str, tuple[str, ...]]] = [
    ("foundation", ("compare", "compare.model", "compare.errors", "compare.collector", "compare.tokens", "compare.sequences",
                    "compare.numerals", "compare.namespaces", "compare.textclean", "compare.assignment")),
    ("facts", ("compare.symbols", "compare.furniture", "compare.language", "compare.lexicon")),
    ("read", ("compare.readers",)),
    ("structure", ("compare.structure",)),
    ("similarity", ("compare.similarity", "compare.embed")),
    ("align", ("compare.align", "compare.concordance")),
    ("diff", ("compare.diff",)),
    ("classify", ("compare.classify", "compare.placement", "compare.header")),
    ("lineage", ("compare.lineage", "compare.order")),
    ("export", ("compare.export",)),
    ("library", ("compare.library",)),
    ("trace", ("compare.trace",)),
    ("api", ("compare.api",)),
    ("shell", ("compare.cli", "compare.trace_cli", "compare.__main__")),
    ("ui", ("ui",)),
]


def stage_of(module: str) -> int:
    """Index of the stage holding ``module`` (a package stage holds its submodules)."""
    best, best_len = None, -1
    for k, (_, mods) in enumerate(STAGES):
        for m in mods:
            inside = module.startswith(m + ".") and m != "compare"     # the package is not a catch-all
            if (module == m or inside) and len(m) > best_len:
                best, best_len = k, len(m)
    if best is None:
        raise AssertionError(f"{module} is in no stage: add it to STAGES in tests/test_imports.py")
    return best


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(node: ast.If) -> bool:
    t = node.test
    return (isinstance(t, ast.Name) and t.id == "TYPE_CHECKING") or \
        (isinstance(t, ast.Attribute) and t.attr == "TYPE_CHECKING")


def _imports(path: Path) -> set[str]:
    """Our modules that ``path`` imports at run time (absolute names)."""
    mod = _module_name(path)
    package = mod if path.name == "__init__.py" else mod.rpartition(".")[0]
    out: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                name = ".".join(base + ([node.module] if node.module else []))
                if node.module:
                    out.add(name)
                else:                                     # from . import api
                    out.update(f"{name}.{a.name}" for a in node.names)
            elif node.module and node.module.split(".")[0] in ("compare", "ui"):
                out.add(node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.split(".")[0] in ("compare", "ui"))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return out


def _modules() -> list[Path]:
    return sorted(list((ROOT / "compare").rglob("*.py")) + list((ROOT / "ui").rglob("*.py")))


def test_every_module_has_a_stage():
    for path in _modules():
        stage_of(_module_name(path))


def test_no_module_imports_a_later_stage():
    wrong = []
    for path in _modules():
        mod = _module_name(path)
        here = stage_of(mod)
        for dep in sorted(_imports(path)):
            there = stage_of(dep)
            if there > here:
                wrong.append(f"{mod} ({STAGES[here][0]}) imports {dep} ({STAGES[there][0]})")
    assert not wrong, "imports against the flow:\n" + "\n".join(wrong)


def test_the_agreed_language_wing_flows_one_way():
    """The three back doors of the first build stay shut."""
    assert "compare.api" not in _imports(ROOT / "compare" / "library.py")           # storage never parses
    for path in (ROOT / "compare" / "export").rglob("*.py"):                        # exports never trace
        assert not {d for d in _imports(path) if d in ("compare.trace", "compare.library")}, path
    assert "compare.align" not in _imports(ROOT / "compare" / "trace.py")           # trace never aligns


def test_the_checker_sees_lazy_and_relative_imports():
    f = ROOT / "compare" / "trace.py"
    assert "compare.library" in _imports(f) and "compare.similarity" in _imports(f)   # one lazy, one relative
