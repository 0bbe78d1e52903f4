"""Paragraph lineages across N versions (61/180 → L.17 → Rev.1 → 63/194 …).

``build_lineage(docs, options)`` compares each version with the next
(:func:`compare.classify.compare_documents`) and chains the pairs: every
paragraph of every version is a node, each pair links its old and new
paragraphs, and a lineage row is one connected component — so a split or a
merge joins rows, and a paragraph can be followed through every version.

``rows[i][v]`` lists the ids of version ``v`` in lineage ``i`` (document
order; empty where the lineage is absent from that version).  Rows are in
reading order of the *latest* version; a lineage that no longer exists there
is placed right after the row of the paragraph that preceded it in the last
version where it existed (as deleted paragraphs are in a Comparison).

Out-of-scope paragraphs of a fragment comparison (see :mod:`compare.align`)
link to nothing in the neighbouring version, so they form rows of their own.

**Restored paragraphs.**  A paragraph deleted in one step and inserted again in
a later one (absent from the versions between) is rightly "deleted" and
"inserted" in the two pairwise comparisons, but for a negotiator it is one
paragraph whose language came back: the two rows become one, and
``Lineage.restored`` records the version where it returned.  Only deletions and
insertions link this way (an out-of-scope paragraph of an excerpt was never
deleted), one to one, most similar first, at :data:`RESTORE_MIN` or above — a paragraph that comes
back reads almost as it was; "Recalling also the Convention against Corruption," after "… against
Transnational Organized Crime," was deleted (0.66) is a new paragraph, not a restoration.
``Lineage.restored_from`` keeps, for each, the version it was last seen in and the word diff of the
restored text against it (what came back changed).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional, Sequence

from compare.similarity import text_similarity
from compare.classify import compare_documents
from compare.diff import diff_texts
from compare.model import CompareOptions, Comparison, Document, Lineage

#: similarity above which a later insertion is the return of an earlier deletion
RESTORE_MIN = 0.75


class _DSU:
    def __init__(self) -> None:
        self.parent: dict[tuple[int, str], tuple[int, str]] = {}

    def add(self, x: tuple[int, str]) -> None:
        self.parent.setdefault(x, x)

    def find(self, x: tuple[int, str]) -> tuple[int, str]:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: tuple[int, str], b: tuple[int, str]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def lineage_from_comparisons(docs: Sequence[Document], comparisons: Sequence[Comparison]) -> Lineage:
    """Chain existing pairwise comparisons (``comparisons[v]``: docs[v] → docs[v+1])."""
    if len(comparisons) != max(len(docs) - 1, 0):
        raise ValueError("need one comparison per consecutive pair of versions")
    dsu = _DSU()
    for v, d in enumerate(docs):
        for p in d.paragraphs:
            dsu.add((v, p.id))
    for v, comp in enumerate(comparisons):
        for pair in comp.pairs:
            nodes = [(v, o) for o in pair.old] + [(v + 1, n) for n in pair.new]
            for x in nodes[1:]:
                dsu.union(nodes[0], x)
    back = _restorations(docs, comparisons, dsu)
    # rows keyed by component root
    members: dict[tuple[int, str], list[list[str]]] = {}
    for v, d in enumerate(docs):
        for p in d.paragraphs:
            r = dsu.find((v, p.id))
            members.setdefault(r, [[] for _ in docs])[v].append(p.id)
    # order: walk versions from the latest back; rows already placed are anchors,
    # a row first seen in an earlier version goes right after the row that
    # preceded it in that version (after rows of later versions at the same spot)
    order: list[tuple[int, str]] = []
    placed: set[tuple[int, str]] = set()
    for v in range(len(docs) - 1, -1, -1):
        cursor = 0
        index = {r: k for k, r in enumerate(order)}
        fresh: list[tuple[int, tuple[int, str]]] = []     # (insert before old index, root)
        fresh_roots: set[tuple[int, str]] = set()
        for p in docs[v].paragraphs:
            r = dsu.find((v, p.id))
            if r in placed:
                cursor = index[r] + 1
            elif r not in fresh_roots:
                fresh.append((cursor, r))
                fresh_roots.add(r)
        if fresh:
            out: list[tuple[int, str]] = []
            k = 0
            for at, r in fresh:
                while k < at:
                    out.append(order[k])
                    k += 1
                out.append(r)
                placed.add(r)
            out.extend(order[k:])
            order = out
    rows = [members[r] for r in order]
    restored = {k: back[dsu.find(r)] for k, r in enumerate(order) if dsu.find(r) in back}
    restored_from = {k: _restored_from(docs, rows[k], w) for k, w in restored.items()}
    comparisons = _mark_restored(docs, comparisons, rows, restored, restored_from)
    return Lineage(versions=list(docs), comparisons=list(comparisons), rows=rows, restored=restored,
                   restored_from=restored_from)


def _mark_restored(docs: Sequence[Document], comparisons: Sequence[Comparison], rows: list[list[list[str]]],
                   restored: dict[int, int], restored_from: dict[int, tuple[int, list]]) -> list[Comparison]:
    """The comparisons with each insertion that restores a paragraph saying from where
    (:attr:`Pair.restored_from`: "new, restored from L.17 OP10").  Copies: a pairwise comparison
    may be shared (a cache, another lineage) where the same insertion restores nothing."""
    out = list(comparisons)
    for k, w in restored.items():
        u = restored_from.get(k, (None,))[0]
        if u is None:
            continue
        comp = out[w - 1]
        new_ids = rows[k][w]
        at = next((j for j, p in enumerate(comp.pairs) if p.status == "inserted" and p.new == new_ids), None)
        if at is None:
            continue
        pairs = list(comp.pairs)
        pairs[at] = replace(pairs[at], restored_from=(docs[u], tuple(rows[k][u])))
        out[w - 1] = replace(comp, pairs=pairs)
    return out


def _restored_from(docs: Sequence[Document], row: list[list[str]], w: int) -> tuple[int, list]:
    """(version the paragraph was last seen in before version ``w`` restored it, the word diff of
    the restored text against that one — ``[]`` when the two are in different languages)."""
    v = max(u for u in range(w) if row[u])
    a, b = docs[v], docs[w]
    if a.meta.language and b.meta.language and a.meta.language != b.meta.language:
        return v, []
    ta = {p.id: p.text for p in a.paragraphs}
    tb = {p.id: p.text for p in b.paragraphs}
    return v, diff_texts("\n".join(ta[i] for i in row[v]), "\n".join(tb[i] for i in row[w]))


def _restorations(docs: Sequence[Document], comparisons: Sequence[Comparison], dsu: _DSU
                  ) -> dict[tuple[int, str], int]:
    """Join each paragraph deleted at some step to the paragraph that brings its text back
    at a later step (not the next: then it was never gone); returns component root → the
    version where the paragraph returned."""
    gone: list[tuple[int, str]] = []         # (last version holding it, id)
    came: list[tuple[int, str]] = []         # (version it appears in, id)
    for v, comp in enumerate(comparisons):
        gone += [(v, p.old[0]) for p in comp.pairs if p.status == "deleted" and len(p.old) == 1]
        came += [(v + 1, p.new[0]) for p in comp.pairs if p.status == "inserted" and len(p.new) == 1]
    if not gone or not came or max(w for w, _ in came) < min(v for v, _ in gone) + 2:
        return {}       # no insertion two versions or more after a deletion (always so for a pair)
    text = [{p.id: p.text for p in d.paragraphs} for d in docs]

    def versions_of(node: tuple[int, str]) -> set[int]:
        root = dsu.find(node)
        return {v for v, d in enumerate(docs) for p in d.paragraphs if dsu.find((v, p.id)) == root}

    S = text_similarity([text[v][i] for v, i in gone], [text[w][j] for w, j in came])
    cands = sorted(((float(S[a, b]), -(came[b][0] - gone[a][0]), a, b)
                    for a in range(len(gone)) for b in range(len(came))
                    if came[b][0] >= gone[a][0] + 2 and S[a, b] >= RESTORE_MIN), reverse=True)
    used_a: set[int] = set()
    used_b: set[int] = set()
    back: dict[tuple[int, str], int] = {}
    for _, _, a, b in cands:
        if a in used_a or b in used_b:
            continue
        v, w = gone[a][0], came[b][0]
        # the deleted paragraph's lineage ends at v, the returning one starts at w
        if max(versions_of(gone[a])) != v or min(versions_of(came[b])) != w:
            continue
        dsu.union(gone[a], came[b])
        used_a.add(a)
        used_b.add(b)
        back[gone[a]] = w
    return {dsu.find(node): w for node, w in back.items()}


def build_lineage(docs: Sequence[Document], options: Optional[CompareOptions] = None) -> Lineage:
    """Compare each version with the next and chain the results into lineage rows."""
    options = options or CompareOptions()
    comps = [compare_documents(docs[v], docs[v + 1], options) for v in range(len(docs) - 1)]
    return lineage_from_comparisons(docs, comps)
