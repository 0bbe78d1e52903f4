"""Words shared by every view of a comparison: how a pair is named and described."""
from __future__ import annotations

import re
from typing import Optional, Sequence

from ..model import Comparison, Pair, PairStatus
from ..numerals import INSERTED_NUMBER_SUFFIXES
from .words import word

#: status → the word every view shows (:attr:`PairStatus.word`: "new" for inserted)
STATUS_WORD = {s.value: s.word for s in PairStatus}


def distinct_labels(labels: Sequence[str]) -> list[str]:
    """Version labels made distinct, as they name table columns: a repeated label gets
    " (2)", " (3)" …; an empty one ``v1``, ``v2`` … by its position."""
    seen: dict[str, int] = {}
    out = []
    for v, lab in enumerate(labels):
        lab = (lab or "").strip() or f"v{v + 1}"
        seen[lab] = seen.get(lab, 0) + 1
        out.append(lab if seen[lab] == 1 else f"{lab} ({seen[lab]})")
    return out


def unknown_segments(segments: Sequence, cut_start: bool = False, cut: bool = False) -> tuple[set[int], set[int]]:
    """(shown, hidden): indexes of the segments that are words one copy does not hold because it
    is cut there — not deleted, not inserted.  ``cut_start`` (:attr:`Pair.cut_start`): the first
    minor segment is the words before a side's cut start.  ``cut`` (:attr:`Pair.cut`): minor
    segments after the last equal text are the words past a side's cut end, where the cut side's
    text is a prefix of the other's ("trafficking i" ↔ "trafficking in persons …"): the longer is
    shown as unknown, the shorter hidden.  A typographic variant at the very end is neither."""
    head = next((k for k, s in enumerate(segments) if s.minor), None) if cut_start else None
    shown = {head} if head is not None else set()
    last_equal = max((k for k, s in enumerate(segments) if s.op == "equal"), default=-1)
    tail = [k for k, s in enumerate(segments) if cut and s.minor and k > last_equal and k != head]
    if not tail:
        return shown, set()
    longest = max(tail, key=lambda k: len(segments[k].text))
    if not all(segments[longest].text.casefold().startswith(segments[k].text.casefold()) for k in tail):
        return shown, set()
    return shown | {longest}, set(tail) - {longest}


def unknown(text: str, lang: Optional[str] = None) -> str:
    """Words one copy does not hold because it is cut there: "(not in this copy: …)" in ``lang``,
    the segment's outer spaces kept outside the brackets."""
    body = text.strip()
    return text[:len(text) - len(text.lstrip())] + word("not_in_copy", lang, text=body) + text[len(text.rstrip()):]


def is_change(pair: Pair) -> bool:
    """What "changes only", the change list and the next/previous-change controls keep, in
    every view: anything but an unchanged paragraph that stayed in place with its leading
    word (a paragraph only renumbered by others' insertions is not a change of its own)."""
    return not (pair.status == PairStatus.UNCHANGED and not pair.moved and pair.leading_change is None
                and not pair.footnote_changes)


#: Language names for messages (the codes are those of ``Metadata.language``).
LANGUAGE_NAME = {"ar": "Arabic", "zh": "Chinese", "en": "English", "fr": "French", "ru": "Russian", "es": "Spanish"}


def language_banner(cmp: Comparison) -> str:
    """What every view says first about a cross-language comparison ("" otherwise)."""
    if not cmp.cross_language:
        return ""
    lo, ln = (LANGUAGE_NAME.get(x or "", x or "unknown") for x in cmp.languages)
    return (f"{cmp.new.label} is {ln} and {cmp.old.label} {lo}: paragraphs are matched across languages; "
            "word changes are shown only between versions in the same language.")


_SUB_MARK = re.compile(r"(?<=\S)(?=\()|(?<=\d)(?=(?:" + "|".join(INSERTED_NUMBER_SUFFIXES) + r")\b)")


def cite(pid: str) -> str:
    """A paragraph id as negotiators cite it: "OP5 (a) (ii)" for the id ``OP5(a)(ii)``, "OP5 bis"
    for ``OP5bis`` (ids keep their compact form in JSON and in the data)."""
    return _SUB_MARK.sub(" ", pid)


def cite_all(ids: Sequence[str], joint: str = " + ") -> str:
    """Several ids cited together: "OP3 + OP4 (a)"."""
    return joint.join(cite(i) for i in ids)


def pair_ids(pair: Pair, old_label: str = "", new_label: str = "") -> str:
    """ "OP7 (L.17) → OP8 (Rev.1)" in negotiators' terms."""
    def side(ids: list[str], label: str) -> str:
        if not ids:
            return "—"
        s = cite_all(ids)
        return f"{s} ({label})" if label else s

    return f"{side(pair.old, old_label)} → {side(pair.new, new_label)}"


#: a split or merge that made or unmade a list (:attr:`compare.model.Pair.list_change`), as a flag
LIST_CHANGE_WORD = {"into_list": "into sub-paragraphs", "from_list": "sub-paragraphs joined"}


def pair_flags(pair: Pair) -> list[str]:
    flags = [STATUS_WORD[pair.status]]
    if pair.text_changed:           # a split or merge that also changed words: "split, modified"
        flags.append(STATUS_WORD[PairStatus.MODIFIED])
    if pair.moved:
        flags.append("moved")
    if pair.renumbered:             # a moved paragraph's new number too: every view's "renumbered" count includes it
        flags.append("renumbered")
    if pair.cross_kind:
        flags.append("PP↔OP")
    if pair.list_change:
        flags.append(LIST_CHANGE_WORD[pair.list_change])
    if pair.footnote_changes:
        flags.append("footnote changed")
    if pair.uncertain:
        flags.append("uncertain")
    if pair.cut:
        flags.append("cut in this copy")
    if pair.restored_from:          # "new, restored from L.17 OP10" (describe, restored_note)
        flags.insert(1, "restored")
    return flags


def flag_tokens(pair: Pair) -> str:
    """The pair's flags as one space-separated attribute value (``data-status``), each flag one token:
    "unchanged footnote-changed"."""
    return " ".join(f.replace(" ", "-") for f in pair_flags(pair))


#: what each counter of :meth:`compare.model.Comparison.summary` is called in every view
COUNT_WORD = {**STATUS_WORD, "split_merged_modified": "split/merged and modified", "leading_changed": "leading word changed",
              "footnotes_changed": "footnote changed", "uncertain": "uncertain"}


def counts_line(cmp: Comparison) -> str:
    """ "modified: 2, new: 1, footnote changed: 1" — the counters that are not zero, named as the
    pairs' own lines name them ("new", not "inserted"); when there is no pair, why."""
    line = ", ".join(f"{COUNT_WORD.get(k, k)}: {v}" for k, v in cmp.summary().items() if v)
    if line:
        return line
    if any(cmp.out_of_scope.get(side) for side in ("old", "new")):
        return "nothing compared: no paragraph of either text lies within the other's excerpt"
    return "no paragraphs"


def footnote_notes(pair: Pair, quote=lambda t: f"“{t}”", added: str = "footnote added",
                   removed: str = "footnote removed", changed: str = "footnote",
                   moved: str = "footnote moved to other words") -> list[str]:
    """One phrase per cited footnote changed: 'footnote “annexe I.” → “annexe III.”'."""
    out = []
    for o, n in pair.footnote_changes:
        if o == n:
            out.append(f"{moved} {quote(o)}")
        elif not o:
            out.append(f"{added} {quote(n)}")
        elif not n:
            out.append(f"{removed} {quote(o)}")
        else:
            o, n = changed_part(o, n)
            out.append(f"{changed} {quote(o)} → {quote(n)}")
    return out


def changed_part(old: str, new: str, context: int = 3, longer_than: int = 12) -> tuple[str, str]:
    """Two long texts cut to where they differ, ``context`` words either side, "…" for the
    rest: a reader spots "Sixty-third → Sixty-fourth" in a 40-word citation at once.  Texts of
    at most ``longer_than`` words (or without spaces: Chinese) are given whole."""
    a, b = old.split(" "), new.split(" ")
    if max(len(a), len(b)) <= longer_than:
        return old, new
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    start = head - context if head - context >= context else 0      # "…" only where it saves words
    drop = tail - context if tail - context >= context else 0

    def cut(words: list[str]) -> str:
        end = len(words) - drop
        return ("… " if start else "") + " ".join(words[start:end]) + (" …" if drop else "")

    return cut(a), cut(b)


def restored_note(pair: Pair) -> str:
    """ "restored from L.17 OP10" for an insertion that brings back a deleted paragraph, else ""."""
    if not pair.restored_from:
        return ""
    version, ids = pair.restored_from
    return " ".join(x for x in ("restored from", version.label, cite_all(ids)) if x)


def leading_note(pair: Pair) -> str:
    if pair.leading_words and all(pair.leading_words):
        old, new = pair.leading_words
        return f"“{old}” ↔ “{new}”"
    if not pair.leading_change:
        return ""
    old, new = pair.leading_change
    return f"“{old}” → “{new}”"


def describe(pair: Pair, old_label: str = "", new_label: str = "") -> str:
    """One line a negotiator can read: "OP7 → OP8: moved, “Encourages” → “Urges”"."""
    bits = ", ".join(restored_note(pair) if f == "restored" else f for f in pair_flags(pair))
    if pair.status == "matched":
        bits += f" (similarity {pair.similarity:.2f})"
    lead = leading_note(pair)
    notes = "".join(f"; {n}" for n in footnote_notes(pair))
    return f"{pair_ids(pair, old_label, new_label)}: {bits}" + (f", {lead}" if lead else "") + notes
