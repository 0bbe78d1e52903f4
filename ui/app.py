"""Resolution Compare — the Streamlit app for negotiators.

    streamlit run ui/app.py

Opens on the bundled samples; upload or paste more versions, name and order
them, pick a pair (side by side) or the whole lineage (compilation table),
and download a Word redline, the compilation table or JSON.  The
"Agreed language" view traces a version against earlier texts
(:mod:`compare.trace`): by default the bundled samples, in a temporary
in-memory library, plus the versions loaded here that come before it.

Everything comes from :mod:`compare.api` and :mod:`compare.export`; this file
only gathers inputs, caches results (:mod:`ui.cached`) and lays them out.  Uploads stay in
memory (Streamlit keeps them in RAM; nothing here writes a file — the user's
saved library is opened only when they choose it) and the caches are
in-memory only, but for the bundled samples' readings and comparisons, kept in the user's cache
folder between server starts (:mod:`ui.diskcache`).

Served by ``streamlit run ui/app.py`` through the st.App at the end of this file (its startup warms the
first page: :mod:`ui.serve`); every session's run executes this file as ``__main__``.
"""
from __future__ import annotations

import base64
import re
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from compare.api import default_label, order_versions, short_label  # noqa: E402
from compare.errors import InputError  # noqa: E402
from compare.textclean import clean  # noqa: E402
from compare.export.labels import distinct_labels  # noqa: E402
from compare.model import CompareOptions, Lineage  # noqa: E402
from ui import nodelay, render, serve  # noqa: E402

with serve.no_runtime_yet():    # `streamlit run` imports this file (for its st.App, below) before the runtime starts
    from ui import cached  # noqa: E402
from ui.cached import Source  # noqa: E402
from ui.examples import EXAMPLES  # noqa: E402

UPLOAD_TYPES = "docx, pdf, md, txt, html"
#: "§" as an SVG data URL: a non-ASCII page_icon string makes Streamlit load its emoji catalogue first
#: (0.1–0.4 s of the first page); a data URL is passed through as it is.
FAVICON = "data:image/svg+xml;base64," + base64.b64encode(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><text x="50" y="82" font-size="90" '
    'text-anchor="middle" font-family="serif">§</text></svg>'.encode("utf-8")).decode("ascii")
LINEAGE = "lineage"
VIEWS = ["Changes", "Agreed language"]
LIBRARIES = {"samples": "Bundled samples (temporary, in memory)", "saved": "My saved library (on this computer)"}


# --------------------------------------------------------------------------- inputs


def _add_pasted() -> None:
    text = st.session_state.get("paste_text", "")
    n = st.session_state.get("paste_counter", 0) + 1
    st.session_state.paste_counter = n
    label = (st.session_state.get("paste_label") or "").strip() or f"Pasted {n}"
    st.session_state.setdefault("pasted", []).append({"key": f"pasted:{n}", "label": label, "text": text})
    st.session_state.paste_text = ""
    st.session_state.paste_label = ""


def _remove_pasted(key: str) -> None:
    st.session_state.pasted = [p for p in st.session_state.get("pasted", []) if p["key"] != key]


# The sidebar's widgets are drawn after the comparison: Streamlit sends the page in the order the script
# draws it and the browser draws what it has been sent, so a first page that began with the sidebar's
# twenty widgets (each a label in Markdown, some a bundle of their own) showed its table only after them.
# Their values are read first, from the session (a widget's value is there before the widget is drawn
# again; before the first run, the default below), and the widgets are drawn with the same keys and
# defaults at the end of the run.

#: The first page's choices: the widgets' defaults, and what is read before they are drawn.
DEFAULTS = {"example": next(iter(EXAMPLES)), "ignore_case": False, "ignore_punct": False, "ignore_fn": True,
            "strict_typo": False, "fragment": "auto", "order_mode": "auto"}
FRAGMENT = {"auto": None, "on": True, "off": False}
ORDER_MODES = {"auto": "By date (what the texts say)", "mine": "As I set"}


def _chosen(key: str, default=None):
    """A widget's value before it is drawn in this run: the session's, else its default."""
    return st.session_state.get(key, DEFAULTS.get(key, default))


@dataclass
class Inputs:
    """What the sidebar holds: the versions given, read and labelled, in order, and the options."""

    sources: list          # every Source given
    loaded: list           # (Source, Document) of those that could be read, as given
    errors: list           # (Source, one-line error) of the others
    options: CompareOptions
    mode: str              # ORDER_MODES
    auto_pos: dict         # index in ``loaded`` → place by date (1-based)
    defaults: list         # default label of each of ``loaded``
    docs: list             # Documents in order
    srcs: list             # their Sources
    labels: list           # their labels (distinct)
    notes: list            # warnings about the order


def gather_sources() -> list[Source]:
    """The examples chosen, the files uploaded and the texts pasted, as Sources."""
    sources = cached.example_sources(_chosen("example"))
    for f in st.session_state.get("uploads") or []:
        data = f.getvalue()
        sources.append(Source(f"upload:{f.file_id}", f.name, data, default_label(f.name), "upload",
                              cached.digest(data)))
    for p in st.session_state.get("pasted", []):
        data = p["text"].encode("utf-8")
        sources.append(Source(p["key"], p["label"], data, p["label"], "pasted", cached.digest(data)))
    return sources


def chosen_options() -> CompareOptions:
    return CompareOptions(
        ignore_case=bool(_chosen("ignore_case")),
        ignore_punctuation=bool(_chosen("ignore_punct")),
        ignore_footnote_markers=bool(_chosen("ignore_fn")),
        typography=not _chosen("strict_typo"),
        fragment=FRAGMENT.get(_chosen("fragment")),
    )


def read_inputs() -> Inputs:
    """Load every source; label the good ones and order them — by what they say
    (:func:`compare.api.order_versions`) unless the user sets the order."""
    sources = gather_sources()
    loaded, errors = [], []
    for s in sources:
        doc, err = cached.load_source(*s.cache_key, s.data)
        (errors if err else loaded).append((s, err or doc))
    auto = order_versions([doc for _, doc in loaded]) if loaded else None
    auto_pos = {i: k + 1 for k, i in enumerate(auto.order)} if auto else {}
    mode = _chosen("order_mode") if loaded else "auto"
    rows, defaults = [], []
    for idx, (s, doc) in enumerate(loaded):
        default = s.default_label if s.origin != "upload" else short_label(doc.meta.symbol, s.default_label)
        defaults.append(default)
        label = _chosen(f"label:{s.key}", default)
        pos = _chosen(f"pos:{s.key}", auto_pos[idx]) if mode == "mine" else auto_pos[idx]
        rows.append((int(pos), auto_pos[idx], idx, s, doc, clean(label or "").strip() or default))
    rows.sort(key=lambda r: (r[0], r[1]))        # equal numbers: by date between them
    rows = [(r[0], r[2], r[3], r[4], r[5]) for r in rows]
    labels = distinct_labels([r[4] for r in rows])            # labels name table columns: keep them distinct
    notes: list[str] = []
    if loaded:                                                # notes name versions as the columns do
        shown = {r[1]: lab for r, lab in zip(rows, labels)}
        relabelled = [replace(r[3], label=shown[r[1]]) for r in sorted(rows, key=lambda r: r[1])]
        if mode == "mine":
            check = order_versions(relabelled, [r[1] for r in rows])
            notes = list(check.warnings)
            taken = [r[0] for r in rows]
            dup = sorted({n for n in taken if taken.count(n) > 1})
            if dup:
                notes.insert(0, f"Several versions have the number {', '.join(map(str, dup))}: "
                                "they are ordered by date between them.")
        else:
            notes = list(order_versions(relabelled).warnings)
    return Inputs(sources, loaded, errors, chosen_options(), mode, auto_pos, defaults,
                  [r[3] for r in rows], [r[2] for r in rows], labels, notes)


def sidebar(inp: Inputs) -> None:
    """The sidebar's widgets, with the values :func:`read_inputs` read (same keys, same defaults)."""
    versions_widgets()
    options_widgets()
    order_widgets(inp)


def versions_widgets() -> None:
    sb = st.sidebar
    sb.header("Versions")
    sb.selectbox("Start from an example", list(EXAMPLES), key="example",
                 help="Bundled public texts. Choose “None” to compare only your own versions.")
    sb.file_uploader(
        f"Add versions ({UPLOAD_TYPES})", accept_multiple_files=True, key="uploads",
        help="Files stay in this app's memory and are never written to disk or sent anywhere.",
    )
    with sb.expander("Paste a version"):
        st.text_area("Text of the version", key="paste_text", height=150)
        st.text_input("Label (e.g. L.17, Rev.1)", key="paste_label")
        st.button("Add pasted version", key="paste_add", on_click=_add_pasted)


def order_widgets(inp: Inputs) -> None:
    """Labels and order of the versions read (their errors are on the page, above the comparison)."""
    if not inp.loaded:
        return
    sb = st.sidebar
    sb.subheader("Name and order")
    sb.radio("Order of the versions", list(ORDER_MODES), format_func=ORDER_MODES.get, key="order_mode",
             horizontal=True, help="By date: sessions, dates and symbols (base < Rev.1 < Rev.2 < A/RES). "
                                   "As I set: the numbers you give, oldest first.")
    sb.caption("Labels as negotiators cite them (61/180, L.17, Rev.1); order: oldest first.")
    for idx, (s, _doc) in enumerate(inp.loaded):
        c1, c2 = sb.columns([3, 1.3])
        c1.text_input(f"Label of {s.name}", value=inp.defaults[idx], key=f"label:{s.key}")
        if inp.mode == "mine":
            c2.number_input("Order", min_value=1, max_value=99, value=inp.auto_pos[idx], step=1, key=f"pos:{s.key}")
        else:
            c2.html(f"<div style='padding-top:2rem'>#{inp.auto_pos[idx]}</div>")   # st.html: no Markdown bundle
        if s.origin == "pasted":
            sb.button(f"Remove {s.name}", key=f"rm:{s.key}", on_click=_remove_pasted, args=(s.key,))
    for note in inp.notes:
        sb.warning(note, icon=":material/warning:")


def options_widgets() -> None:
    sb = st.sidebar
    sb.subheader("What counts as a change")
    sb.checkbox("Ignore case", value=DEFAULTS["ignore_case"], key="ignore_case")
    sb.checkbox("Ignore punctuation", value=DEFAULTS["ignore_punct"], key="ignore_punct")
    sb.checkbox("Ignore footnote markers", value=DEFAULTS["ignore_fn"], key="ignore_fn")
    with sb.expander("More options"):
        st.checkbox("Typographic variants are changes (’ vs ', no-break spaces)", value=DEFAULTS["strict_typo"],
                    key="strict_typo")
        st.selectbox("Excerpts (fragment comparison)", list(FRAGMENT), key="fragment",
                     help="Auto: texts with gaps or few paragraphs are compared as fragments, so "
                          "paragraphs outside them are not reported as deleted.")


# --------------------------------------------------------------------------- views


def doc_line(doc) -> str:
    m = doc.meta
    bits = [f"<b>{render.escape(doc.label)}</b>"]
    for v in (m.symbol, m.date, (m.language or "").upper() or None, m.doc_type):
        if v:
            bits.append(render.escape(v))
    bits.append(f"{len(doc.preamble)} PP, {len(doc.operative)} OP" + (", excerpt" if doc.is_excerpt else ""))
    return " · ".join(bits)


def language_banners(comparisons) -> None:
    """Say it first when versions are in different languages: matched, not diffed."""
    from compare.export.labels import language_banner

    for c in comparisons:
        if c.cross_language:
            st.info(language_banner(c), icon=":material/language:")


def concordance_block(cmp) -> None:
    """The concordance table of a cross-language pair (ids, leading words, similarity)."""
    if cmp.cross_language:
        import pandas as pd             # only here: importing it costs the first page half a second

        st.markdown("**Concordance**")
        st.dataframe(pd.DataFrame(render.concordance_rows(cmp)), hide_index=True, width="stretch",
                     key="concordance")


def summary_block(cmp) -> None:
    st.html(render.summary_html(cmp))
    for line in render.leading_changes(cmp):
        st.warning(f"Leading word changed — {line}", icon=":material/warning:")


def position_chart(cmp, slot) -> None:
    """Bars of words changed per paragraph, in reading order (plain HTML: no chart library to load)."""
    chart = render.position_chart_html(cmp)
    if chart:
        slot.html(chart)


def chosen_filters(cmp) -> tuple[render.Filters, str]:
    """The filters and the view of the pair as the session holds them (their widgets are drawn after the table)."""
    kinds = tuple(k for k in _chosen("kinds", ()) or () if k in kinds_of(cmp))
    statuses = tuple(_chosen("statuses", ()) or ())
    query = (_chosen("search", "") or "").strip()
    return render.Filters(bool(_chosen("changes_only", False)), kinds, statuses, query), \
        _chosen("pair_view", PAIR_VIEWS[0]) or PAIR_VIEWS[0]


def kinds_of(cmp) -> list[str]:
    return sorted({p.kind for p in cmp.old.paragraphs + cmp.new.paragraphs}, key="PPOPP".find)


def filters_block(cmp) -> None:
    """The filters and the choice of view (side by side, or the new text with the changes inline)."""
    c1, c2, c3, c4, c5 = st.columns([1.3, 1.2, 2.2, 1.8, 1.6], vertical_alignment="bottom")
    c1.toggle("Changes only", key="changes_only")
    c2.multiselect("Part", kinds_of(cmp), key="kinds", placeholder="PP and OP")
    c3.multiselect("Status", render.STATUS_CHOICES, key="statuses", placeholder="any status")
    c4.text_input("Search the text", key="search", placeholder="e.g. Protocole")
    c5.radio("View", PAIR_VIEWS, key="pair_view", horizontal=True,
             help="Side by side: old and new in two columns. Inline: the new text laid out "
                  "as the resolution, deletions struck and insertions underlined in place.")


PAIR_VIEWS = ["Side by side", "Inline"]


def _step_change(step: int, n: int) -> None:
    """Next/previous change (button callbacks: they run before the page, so the list shows the move)."""
    st.session_state["change_pos"] = render.step_position(st.session_state.get("change_pos"), n, step)
    st.session_state["_scroll"] = st.session_state.get("_scroll", 0) + 1


def _picked_change() -> None:
    st.session_state["_scroll"] = st.session_state.get("_scroll", 0) + 1


def navigation_state(pairs) -> tuple[list, int | None, object]:
    """The changes among the rows shown, the position chosen among them (None: none) and the pair in focus."""
    changes = render.change_list(pairs)
    pos = st.session_state.get("change_pos")
    if pos is not None and not (isinstance(pos, int) and 0 <= pos < len(changes)):   # the filters left fewer
        st.session_state["change_pos"] = pos = None
    st.session_state.setdefault("change_pos", None)
    return changes, pos, (changes[pos] if pos is not None else None)


def navigation_block(cmp, changes: list, pos: int | None, bar) -> None:
    """Previous / next change (keys K / J), "change 3 of 12", and the change list, in ``bar`` (the keyed
    container "rc_navbar").  The change list holds every change among the rows shown."""
    n = len(changes)
    # the bar stays at the top of the window while the table scrolls under it
    # (on the keyed container's wrapper: the container itself is only as tall as the bar)
    st.html("<style>div:has(> .st-key-rc_navbar){position:sticky;top:3.5rem;z-index:50;background:#fff;"
            "border-bottom:1px solid #ddd;padding-bottom:.25rem}</style>")
    c1, c2, c3, c4 = bar.columns([1.3, 1.2, 1.2, 5], vertical_alignment="bottom")
    c1.button("↑ Previous", key="prev_change", shortcut="K", on_click=_step_change, args=(-1, n), disabled=n == 0,
              help="Previous change (key K)", width="stretch")
    c2.button("↓ Next", key="next_change", shortcut="J", on_click=_step_change, args=(1, n), disabled=n == 0,
              help="Next change (key J)", width="stretch")
    c3.html(f'<div data-testid="rc-position" style="padding-bottom:.5rem;font-weight:600">'
            f"{render.escape(render.position_text(pos, n))}</div>")
    c4.selectbox("Change list", range(n), key="change_pos", on_change=_picked_change,
                 placeholder=f"{n} change{'s' if n != 1 else ''} — choose one, or press J for the next",
                 format_func=lambda i: f"{i + 1}. {render.change_line(cmp, changes[i])}")


def pair_view(lineage: Lineage, key: tuple, vs: Versions) -> None:
    cmp = lineage.comparisons[0]
    top = st.container()            # the versions and the summary, drawn after the table (sent first)
    chart = st.empty()
    table_part(cmp)
    with top:
        st.html(f'<div style="font-size:.9rem">{doc_line(cmp.old)}<br>{doc_line(cmp.new)}'
                + (" · compared as a fragment" if cmp.fragment else "") + "</div>")
        language_banners([cmp])
        head = render.header_html(cmp)
        if head:
            st.html(head)
        summary_block(cmp)
        concordance_block(cmp)
        legend = render.unknown_number_legend(cmp)
        if legend:
            st.html(legend)
    position_chart(cmp, chart)
    if not cmp.cross_language:
        parallel_block(cmp, vs)
    if cmp.fragment and (cmp.out_of_scope["old"] or cmp.out_of_scope["new"]):
        st.caption("Outside the fragment (not compared): "
                   + ", ".join(cmp.out_of_scope["old"] + cmp.out_of_scope["new"]))


def parallel_block(cmp, vs: Versions) -> None:
    """Parallel view: the new version's paragraphs beside a loaded version in another
    language, matched by the concordance (the model loads only when one is picked)."""
    new_lang = cmp.new.meta.language
    others = [k for k, d in enumerate(vs.docs)
              if k not in vs.chosen and d.meta.language and d.meta.language != new_lang]
    if not others:
        return
    with st.expander(f"Beside {cmp.new.label} in another language"):
        k = st.selectbox("Version in another language", [None] + others, key="parallel",
                         format_func=lambda i: "—" if i is None else f"{vs.labels[i]} ({vs.docs[i].meta.language})")
        if k is None:
            return
        sel = (vs.srcs[vs.chosen[-1]], vs.srcs[k])
        par = cached.compare(tuple(s.cache_key for s in sel), CompareOptions(), sel)
        _relabel(par, [vs.labels[vs.chosen[-1]], vs.labels[k]])
        c = par.comparisons[0]
        if not c.cross_language:
            st.caption("These two texts share too many words to be told apart by language.")
            return
        st.caption(render.escape(f"{c.old.label} ({c.languages[0]}) beside {c.new.label} ({c.languages[1]}): "
                                 "paragraphs matched across languages, with the link's similarity"))
        st.html(render.comparison_html(c, c.pairs))


#: A session's first run waits this long (seconds) once its table is sent, before the widgets: the
#: browser draws what has arrived in one go, and the two dozen widgets sent within milliseconds of the
#: table held it back until all of them were drawn (their bundles fetched and compiled first: 0.5-0.7 s
#: of a fresh browser on a busy machine); given a moment alone, the table is drawn in about 0.1 s.
FIRST_TABLE_PAUSE = 0.15


def let_the_table_draw() -> None:
    """Pause once per session, after its first table is sent (see :data:`FIRST_TABLE_PAUSE`)."""
    if not st.session_state.get("_first_table_sent"):
        st.session_state["_first_table_sent"] = True
        time.sleep(FIRST_TABLE_PAUSE)


@st.fragment
def table_part(cmp) -> None:
    """Filters, change navigation and the comparison (side by side or inline): a filter change
    or a step to the next change reruns only this part.  The table is sent first, its controls
    drawn into their places above it after it."""
    controls = st.container()
    bar = st.container(key="rc_navbar")         # a child of the fragment's own block, so it can stick
    caption = st.empty()
    f, view = chosen_filters(cmp)
    pairs = render.filter_pairs(cmp, f)
    changes, pos, focus = navigation_state(pairs)
    if view == "Inline":
        st.html(render.inline_view(cmp, pairs, highlight=f.query, focus=focus))
    else:
        st.html(render.comparison_html(cmp, pairs, highlight=f.query, focus=focus))
    if focus is not None:
        token = f"{st.session_state.get('_scroll', 0)}:{view}"
        st.html(render.scroll_script(render.pair_anchor(focus), token), unsafe_allow_javascript=True)
    let_the_table_draw()
    with controls:
        filters_block(cmp)
        navigation_block(cmp, changes, pos, bar)
    caption.caption(f"{len(pairs)} of {len(cmp.pairs)} paragraph pairs shown · deletions [−struck through], "
                    "insertions [+underlined]")


def lineage_view(lineage: Lineage, key: tuple, vs: Versions) -> None:
    top = st.container()            # the versions and the counts, drawn after the table (sent first)
    try:
        st.html(render.lineage_html(lineage))
    except ImportError:  # the table exporter is missing: show the bare lineage ids
        import pandas as pd

        st.dataframe(pd.DataFrame([[" + ".join(c) for c in row] for row in lineage.rows],
                                  columns=[d.label for d in lineage.versions]), width="stretch")
    let_the_table_draw()
    with top:
        st.html('<div style="font-size:.9rem">' + "<br>".join(doc_line(d) for d in lineage.versions) + "</div>")
        language_banners(lineage.comparisons)
        st.html(render.step_table_html(lineage))
        st.caption(f"{len(lineage.rows)} paragraph lineages · each column marked up against the one before it: "
                   "deletions [−struck through], insertions [+underlined]")


TABLE_MIME = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv",
}


def _safe(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name).strip("_")[:80] or "comparison"


@dataclass
class Versions:
    """Every version loaded, in the user's order, with labels; ``chosen``: the indices of
    the versions of the lineage/pair shown."""

    docs: list
    srcs: list
    labels: list
    chosen: list

    def older(self, i: int) -> tuple:
        return tuple((self.docs[k], self.labels[k]) for k in range(i))

    def newer(self, i: int) -> tuple:
        return tuple((self.docs[k], self.labels[k]) for k in range(i + 1, len(self.docs)))


def trace_of(vs: Versions, i: int):
    """The trace of version ``i`` with the current settings: (trace_dict or None, names, problem, cache key)."""
    min_words = int(st.session_state.get("trace_min_words", 6))
    before = bool(st.session_state.get("trace_before", False))
    library = st.session_state.get("trace_library", "samples")
    lib_key = cached.saved_library_path() if library == "saved" else "samples"
    key = (vs.srcs[i].cache_key, vs.labels[i], tuple((vs.srcs[k].cache_key, vs.labels[k]) for k in range(len(vs.docs))),
           lib_key)
    not_later = bool(st.session_state.get("trace_not_later", True))
    dates = _trace_dates(st.session_state.get("trace_dates", ""))
    adopted = tuple(st.session_state.get("trace_adopted") or ())
    t, names, err = cached.trace(key, min_words, before, not_later, library, vs.docs[i], vs.older(i), vs.newer(i),
                                 dates, adopted)
    return t, names, err, (key, min_words, before, not_later, library, dates, adopted)


def _trace_dates(text: str) -> tuple[tuple[str, str], ...]:
    """"A-RES-63-194.en=2008-12-18; …" → ((name, date), …): dates the user gives undated texts."""
    out = []
    for item in text.replace(",", ";").split(";"):
        name, sep, date = item.rpartition("=")
        if sep and name.strip() and date.strip():
            out.append((name.strip(), date.strip()))
    return tuple(out)


def downloads(lineage: Lineage, key: tuple, *, pair: bool, vs: Versions | None = None,
              notes: tuple = ()) -> None:
    """Download buttons in the sidebar; every file is produced by the library (and cached).

    Asked for, not drawn with the first page ("Prepare the downloads"): writing the files took longer
    than comparing the texts, and their options and buttons as long again for the browser to draw.
    A new comparison asks again."""
    sb = st.sidebar
    sb.subheader("Download")
    with sb:
        if st.session_state.get("dl_ready") != key:
            st.button("Prepare the downloads", key="dl_prepare", on_click=_prepare_downloads, args=(key,),
                      width="stretch",
                      help="The Word redline, the compilation tables (.docx, .xlsx, .csv), JSON and PDF of this "
                           "comparison: their options, then the files (a second or so)")
            return
        download_section(lineage, key, pair=pair, vs=vs, notes=notes)


def download_section(lineage: Lineage, key: tuple, *, pair: bool, vs: Versions | None, notes: tuple = ()) -> None:
    """The options of the files, then a button for each (the PDFs written when clicked)."""
    stem = _safe("_to_".join(d.label for d in lineage.versions))
    step = 0
    if not pair:
        step = st.selectbox("Word redline of", range(len(lineage.comparisons)), key="redline_step",
                            format_func=lambda i: f"{lineage.comparisons[i].old.label} → "
                                                  f"{lineage.comparisons[i].new.label}")
    c = lineage.comparisons[step]
    # the author starts as the new version's label (as on the command line), again for each new pair
    if st.session_state.get("_author_for") != c.new.label:
        st.session_state["_author_for"] = c.new.label
        st.session_state["author"] = c.new.label
    author = st.text_input("Author of the tracked changes", key="author",
                           help="Starts as the new version's label; Word shows it on every change")
    moves = "move" if st.checkbox("Track moves as moves", value=True, key="moves",
                                  help="Off: a moved paragraph is a deletion plus an insertion") \
        else "delete-insert"
    from compare.export.redline import numbering_mode

    source_mode = {"auto": "automatic", "typed": "typed"}[numbering_mode(c)]
    numbering = st.selectbox(
        "Paragraph numbers", ("typed", "source", "auto"), key="numbering",
        format_func=lambda m: {"source": f"As in the new version ({source_mode})",
                               "typed": "Typed, renumbering tracked (“6.” deleted, “5.” inserted)",
                               "auto": "Word automatic numbering (no mark for a renumbering)"}[m],
        help="Typed numbers read the same in every application's markup view, as UN redlines show them; "
             "Word's automatic numbering renumbers by itself when changes are accepted or rejected "
             "(LibreOffice's markup view mislabels it next to a tracked deletion)")
    outside = "show"
    if c.out_of_scope["old"] or c.out_of_scope["new"]:
        outside = "omit" if st.checkbox(
            "Leave out paragraphs outside the excerpt", key="omit_outside",
            help="Off: they are shown untracked, in grey, marked “outside the excerpt”. "
                 "Either way they are never tracked deletions or insertions.") else "show"
    appendix = st.checkbox("Agreed-language appendix", key="redline_trace",
                           help="A table at the end of the redline: each paragraph of the new version with its "
                                "agreed share and sources (settings of the “Agreed language” view)")
    t = tkey = None
    if appendix and vs is not None:
        t, _names, err, tkey = trace_of(vs, vs.chosen[step + 1])
        if err:
            st.caption(f"Appendix left out — {err}")
    files(lineage, key, c, step, author, moves, outside, t, tkey, stem, numbering, notes)
    pdf_buttons(lineage, key, stem)


def _prepare_downloads(key: tuple) -> None:
    """The files are written only once asked for, for this comparison (a new one asks again)."""
    st.session_state["dl_ready"] = key


def files(lineage: Lineage, key: tuple, c, step: int, author: str, moves: str, outside: str, t, tkey,
          stem: str, numbering: str = "auto", notes: tuple = ()) -> None:
    """The download buttons of the prepared files; each is written on its own (and cached by content),
    so one that fails shows why in a caption and the others are there."""
    if c.cross_language:
        st.caption("Word redline: not across languages (tracked changes between two languages mean "
                   "nothing) — the compilation table below is the concordance")
    else:
        try:
            data = cached.redline(key, step, clean(author), moves, tkey if t is not None else None, lineage, t, outside,
                            numbering)
        except ImportError:
            st.caption("Word redline: not available in this build")
        except Exception as exc:  # noqa: BLE001 — one failing file must not take the page down
            st.caption(f"⛔ Word redline could not be written ({type(exc).__name__})")
        else:
            st.download_button("⬇ Word redline (.docx)", data, key="dl_redline", on_click="ignore",
                               file_name=f"{_safe(c.old.label + '_to_' + c.new.label)}-redline.docx",
                               mime=TABLE_MIME["docx"], width="stretch")
    for fmt in ("docx", "xlsx", "csv"):
        try:
            data = cached.table(key, fmt, lineage)
        except ImportError:
            st.caption(f"Compilation table (.{fmt}): not available in this build")
            continue
        except Exception as exc:  # noqa: BLE001 — this button shows why, the others work
            st.caption(f"⛔ Compilation table (.{fmt}) could not be written ({type(exc).__name__})")
            continue
        st.download_button(f"⬇ Compilation table (.{fmt})", data, file_name=f"{stem}-table.{fmt}",
                           mime=TABLE_MIME[fmt], key=f"dl_table_{fmt}", on_click="ignore", width="stretch")
    try:
        data = cached.json_bytes(key, lineage, notes)
    except Exception as exc:  # noqa: BLE001
        st.caption(f"⛔ JSON could not be written ({type(exc).__name__})")
    else:
        st.download_button("⬇ JSON", data, file_name=f"{stem}.json", mime="application/json",
                           key="dl_json", on_click="ignore", width="stretch")


PDF_VIEWS = {"side-by-side": "side by side, landscape", "inline": "inline, portrait"}


def pdf_buttons(lineage: Lineage, key: tuple, stem: str) -> None:
    """PDF of the comparison (every step of a lineage), side by side or inline; written only when
    clicked (a callable), since laying out the pages takes a second."""
    from importlib.util import find_spec

    if find_spec("weasyprint") is None:             # imported only when a PDF is asked for
        st.caption("PDF: needs WeasyPrint (pip install weasyprint)")
        return
    paper = st.radio("PDF paper", ["A4", "Letter"], key="pdf_paper", horizontal=True)
    for view, words in PDF_VIEWS.items():
        st.download_button(f"⬇ PDF ({words})", lambda v=view: cached.pdf(key, v, paper, lineage),
                           file_name=f"{stem}-{view}.pdf", mime="application/pdf", key=f"dl_pdf_{view}",
                           on_click="ignore", width="stretch")


def trace_view(lineage: Lineage, key: tuple, vs: Versions, default: int) -> None:
    """Agreed language of one version: spans shaded by source, shares, sources, closest paragraphs."""
    n = len(vs.docs)
    if st.session_state.get("_trace_default") != (default, n):      # a new pair: trace its new version again
        st.session_state["_trace_default"] = (default, n)
        st.session_state["trace_version"] = default
    c1, c2, c3, c4 = st.columns([2, 1.2, 2, 2.4], vertical_alignment="bottom")
    i = c1.selectbox("Version to trace", range(n), key="trace_version", format_func=lambda k: vs.labels[k])
    c2.number_input("Shortest span (words)", min_value=5, max_value=100, value=6, step=1, key="trace_min_words",
                    help="A run of at least this many words found verbatim (case, typography and punctuation "
                         "aside) counts as agreed language")
    c3.checkbox("Leave out later texts", value=True, key="trace_not_later",
                help="Leave out the library's texts dated after the traced version (or of a later session); "
                     "versions loaded here after it are always left out")
    c3.checkbox("Only texts older than this session", key="trace_before",
                help="Leave out every text of the traced version's General Assembly session (its earlier "
                     "drafts too) and any later ones")
    c4.selectbox("Library", list(LIBRARIES), key="trace_library", format_func=LIBRARIES.get,
                 help="Bundled samples: a temporary library in memory, nothing written to disk. "
                      "Your saved library: the one `python -m compare trace` keeps (created with the samples "
                      "if it does not exist yet).")
    st.text_input("Dates for undated texts", key="trace_dates", placeholder="A-RES-63-194.en=2008-12-18; …",
                  help="A text without a date cannot be placed before or after the traced version, so it is left "
                       "out; give it a date (name or symbol = YYYY-MM-DD) to use it")
    statuses = st.multiselect("Show", render.TRACE_STATUS_CHOICES, key="trace_statuses",
                              placeholder="every paragraph")
    t, names, err, _ = trace_of(vs, i)
    st.html(f'<div style="font-size:.9rem">{doc_line(replace(vs.docs[i], label=vs.labels[i]))}</div>')
    if err:
        st.warning(err)
        return
    for w in t.get("warnings", []):
        st.warning(w)
    older = [vs.labels[k] for k in range(i)]
    used, left = render.trace_context(t, names)
    st.caption("Library: " + ("your saved library (a temporary copy)" if st.session_state.get("trace_library") == "saved"
                              else "the bundled samples (temporary)")
               + (f" + the versions before it here: {', '.join(older)}" if older else "")
               + f". Traced against: {used}." + (f" Left out: {left}." if left else ""))
    drafts = {d.get("symbol") or d["label"]: names.get(d["id"]) or d.get("symbol") or d["label"]
              for d in t.get("documents", []) if not d.get("adopted")}
    chosen = list(st.session_state.get("trace_adopted") or ())
    st.multiselect("Count as adopted", sorted(set(drafts) | set(chosen)), key="trace_adopted",
                   format_func=lambda k: drafts.get(k, k),
                   placeholder="only A/RES resolutions are agreed language",
                   help="Agreed language is adopted text: words found only in earlier drafts are counted apart "
                        "(\"from earlier drafts\"). Mark a text adopted here to count its words as agreed.")
    st.html(render.trace_summary_html(t))
    st.html(render.trace_legend_html(t, names))
    st.html(render.trace_html(t, names, statuses=tuple(statuses)))
    from compare.export.jsonout import dumps

    st.download_button("⬇ Agreed language (.json)", (dumps(t) + "\n").encode("utf-8"),
                       file_name=f"{_safe(vs.labels[i])}-agreed-language.json", mime="application/json",
                       key="dl_trace_json", on_click="ignore")


# --------------------------------------------------------------------------- page


def main() -> None:
    nodelay.set_on_open_sockets()       # once per process: ~40 ms per file and message otherwise (ui/nodelay.py)
    serve.skip_bare_mode_check()        # Streamlit's check, on the first element, that costs a plain `streamlit run`
    st.set_page_config(page_title="Resolution Compare", page_icon=FAVICON, layout="wide")
    st.html('<div style="display:flex;align-items:baseline;gap:1rem;flex-wrap:wrap">'
            '<span style="font-size:1.6rem;font-weight:700">Resolution Compare</span>'
            '<span style="color:#666">how a UN resolution changed between versions — paragraph by paragraph, '
            "word by word · everything stays on this machine</span></div>")
    inp = read_inputs()
    shown = page(inp)                   # the comparison first …
    sidebar(inp)                        # … then the sidebar's widgets
    if shown is not None:
        lineage, key, pair, vs = shown
        downloads(lineage, key, pair=pair, vs=vs, notes=tuple(inp.notes))


def page(inp: Inputs):
    """The main area: the errors, the choice of versions and of the view, and the view — its table sent
    first (the choices above it are drawn into their place after it).  Returns what the downloads need
    (lineage, key, pair, versions) or None when nothing is compared."""
    for _s, err in inp.errors:
        st.error(err, icon=":material/error:")
    docs, srcs, labels, options = inp.docs, inp.srcs, inp.labels, inp.options
    if len(docs) < 2:
        st.info("Add at least two versions (upload files, paste text or pick an example) to compare them.")
        return None

    pick_opts = [f"pair:{a.key}|{b.key}" for i, a in enumerate(srcs) for b in srcs[i + 1:]]
    if len(srcs) >= 3:
        pick_opts.insert(0, LINEAGE)
    names = {s.key: lab for s, lab in zip(srcs, labels)}

    def pick_name(o: str) -> str:
        if o == LINEAGE:
            return f"All {len(srcs)} versions — compilation table"
        a, b = o[5:].split("|")
        return f"{names[a]} → {names[b]}"

    # a new set of versions starts on the natural view again: the lineage for three or more, else the pair
    version_set = tuple(sorted(s.key for s in srcs))
    if st.session_state.get("_version_set") != version_set or st.session_state.get("pick") not in pick_opts:
        st.session_state["_version_set"] = version_set
        # the user's own two versions beside an example are compared with each other first, not
        # chained to the example's unrelated text
        own = [s.key for s in srcs if s.origin != "example"]
        natural = f"pair:{own[0]}|{own[1]}" if len(own) == 2 and len(srcs) > 2 else pick_opts[0]
        st.session_state["pick"] = natural if natural in pick_opts else pick_opts[0]   # set, so the browser shows it
    pick = st.session_state["pick"]
    top = st.container()                # the choices: drawn after the view below
    chosen = [i for i, s in enumerate(srcs) if pick == LINEAGE or s.key in pick[5:].split("|")]
    sel = tuple(srcs[i] for i in chosen)
    sel_labels = [labels[i] for i in chosen]
    key = (tuple(s.cache_key for s in sel), options)
    try:
        lineage = cached.compare(key[0], options, sel)
    except InputError as err:           # too large to compare: say so, the rest of the page stays
        lineage, problem = None, f"⛔ {err}"
    except Exception as exc:  # noqa: BLE001 — a bug in one comparison must not take the page down
        lineage, problem = None, (f"⛔ These versions could not be compared ({type(exc).__name__}); "
                                  "choose other versions.")
    view = _chosen("view", VIEWS[0])
    if lineage is not None:
        _relabel(lineage, sel_labels)
        dl_key = (key, tuple(sel_labels))
        vs = Versions(docs, srcs, labels, chosen)
        if view == "Agreed language":
            trace_view(lineage, dl_key, vs, chosen[-1])
        elif pick == LINEAGE:
            lineage_view(lineage, dl_key, vs)
        else:
            pair_view(lineage, dl_key, vs)
    with top:
        st.selectbox("Compare", pick_opts, key="pick", format_func=pick_name,
                     help="A pair side by side, or every version in one compilation table")
        if lineage is None:
            st.error(problem)
            return None
        warnings = [(d.label, w) for d in lineage.versions for w in d.warnings]
        if warnings:
            with st.expander(f"Reading notes ({len(warnings)})"):
                for lab, w in warnings:
                    st.write(f"{lab}: {w}")
        st.radio("View", VIEWS, key="view", horizontal=True, label_visibility="collapsed",
                 help="Changes between the versions, or the agreed language of one version")
    return lineage, dl_key, len(lineage.comparisons) == 1 and len(lineage.versions) == 2, vs


def _relabel(lineage: Lineage, labels: list[str]) -> None:
    """Cached results carry the file names; give them the user's labels (a cached copy, safe to edit)."""
    for d, lab in zip(lineage.versions, labels):
        d.label = lab
    for v, c in enumerate(lineage.comparisons):
        c.old.label, c.new.label = labels[v], labels[v + 1]


if __name__ == "__main__":          # a run of the script (every session, every change)
    main()
else:
    # Imported by ``streamlit run ui/app.py`` itself: finding this st.App, Streamlit serves it (with uvicorn)
    # and runs its lifespan before the server answers, so the library is imported, the first example
    # compared and Nagle turned off on the listener before the first page is fetched (ui/serve.py).
    app = st.App(__file__, lifespan=serve.lifespan)
