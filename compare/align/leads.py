"""A paragraph's leading words as the aligner reads them: how many words they take, the
content words that follow (what it asks), and whether two paragraphs keep one leading verb
("Considérant en outre" / « Considérant également ») or one adds a modifier ("Also …")."""
from __future__ import annotations

from typing import Optional, Sequence

from compare.model import Paragraph
from compare.tokens import words


def _lead_len(p: Paragraph) -> int:
    """Number of word tokens of the paragraph's leading words ("Takes note of": 3)."""
    return len(words(p.leading)) if p.leading and p.text.startswith(p.leading) else 0


def _head(p: Paragraph, k: int, keys: Optional[Sequence[str]] = None) -> set[str]:
    """The first ``k`` content words (4+ letters) after the leading words: what the paragraph
    notes, welcomes, requests (« the reports of the Special Rapporteur » → reports, special).
    Whom it addresses is not what it asks: "Calls upon Governments to intensify cooperation" and
    "Encourages Member States to step up cooperation" ask the same thing of new addressees.
    ``keys``: the paragraph's words as the similarity matched them (« coop- eration » mended)."""
    from compare.lexicon import addressee_words

    skip = addressee_words()
    out: list[str] = []
    for w in (words(p.text) if keys is None else keys)[_lead_len(p):]:
        if len(w) >= 4 and w.isalpha() and w not in skip:
            out.append(w)
            if len(out) == k:
                break
    return set(out)


def _same_verb(po: Paragraph, pn: Paragraph) -> bool:
    """Whether two leading phrases have the same leading verb: only a modifier changed
    ("Considérant en outre" → « Considérant également », "Invites" → "Invites also") or the verb
    took the other part's form (« Considère » → « Considérant », "Takes note of" → "Taking note
    of": a paragraph moved between preamble and operative part).  Such a paragraph did not get
    a new leading word over a new object; its head words may still have been reworded."""
    a, b = _base(po), _base(pn)
    if not a or not b:
        return False
    # the same stem; the rest the same or only extended by a manner ("Invite" / « Invite
    # instamment », "Welcomes with appreciation")
    rest, longer = sorted((a[1:], b[1:]), key=len)
    return _stem_alike(a[0], b[0]) and longer[:len(rest)] == rest


def _stem_alike(x: str, y: str) -> bool:
    """Whether two verb forms share a stem: "recogniz-es" / "recogniz-ing", « consid-ère » /
    « consid-érant »."""
    common = 0
    for cx, cy in zip(x, y):
        if cx != cy:
            break
        common += 1
    return common >= 3 and common >= 0.6 * min(len(x), len(y))


def _base(p: Paragraph) -> list[str]:
    """The words of a paragraph's leading phrase without its modifiers ("Also strongly urges" →
    ["urges"], "Takes note of" → ["takes", "note", "of"]), casefolded; [] without leading words."""
    from compare.lexicon import split_leading

    return words(split_leading(p.leading, p.kind).base) if p.leading else []


def _verb(p: Paragraph) -> str:
    """The leading verb of a paragraph, casefolded ("" when it has no leading words)."""
    base = _base(p)
    return base[0] if base else ""


def _also(pw: Paragraph, pc: Paragraph) -> bool:
    """Whether ``pc``'s leading words carry a modifier ("Also", « également », « también ») that
    ``pw``'s do not."""
    from compare.lexicon import split_leading

    a, b = split_leading(pw.leading, pw.kind), split_leading(pc.leading, pc.kind)
    mods_c = words(f"{b.pre} {b.modifiers}")
    return bool(mods_c) and mods_c != words(f"{a.pre} {a.modifiers}")
