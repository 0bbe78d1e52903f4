"""Every threshold of the aligner in one dataclass (:class:`AlignParams`), so a benchmark can
sweep one (``bench_align.py --sweep``) and a test can name the one it relies on."""
from __future__ import annotations

from dataclasses import dataclass



@dataclass(frozen=True)
class AlignParams:
    """Every threshold of the aligner in one place, so a benchmark can sweep them
    and a test can state the one it relies on (instead of patching globals)."""

    threshold: float = 0.28          # minimum similarity of a one-to-one match
    anchor_min: float = 0.5          # anchors: mutual best, at least this similar ...
    anchor_margin: float = 0.08      # ... and this much better than any rival
    order_bonus: float = 0.05
    position_tie: float = 0.01
    cross_kind_penalty: float = 0.12
    level_penalty: float = 0.05
    parent_bonus: float = 0.05
    join_containment: float = 0.5    # split/merge: share of a part's weight found in the whole
    join_gain: float = 0.02          # split/merge: the group must explain the whole better by this
    join_window: int = 3             # split/merge: parts at most this many positions from the group
    join_steal_containment: float = 0.8  # a part matched elsewhere joins only if this contained in the whole
    join_steal_margin: float = 0.25      # ... and this much more than in its current partner
    # a part the assignment gave to a partner less like it than the whole (the whole went to the
    # other part of a merge, the leftover found a look-alike): it joins on the usual evidence
    join_steal_weaker_containment: float = 0.5
    join_steal_weaker_margin: float = 0.15
    # an elaborated split part / a condensed merge source: less than half of its weight is in the
    # whole, but it alone explains a good share of the whole that the group's parts do not
    join_evidence_containment: float = 0.3
    join_cover: float = 0.15             # share of the whole's weight only this part explains
    join_cover_min_words: int = 30       # ... for a whole at least this long (not a one-liner)
    # a part elaborated past the evidence floor (a long clause added to a split half, a merged source
    # condensed, over several rounds): little of ITS weight is in the whole, but it holds a stretch
    # of the whole the other parts do not, and with them it accounts for nearly all of the whole
    join_elaborated_containment: float = 0.12   # at least this share of the part's weight in the whole
    join_elaborated_cover: float = 0.1          # ... explaining this share of the whole alone
    join_elaborated_own: float = 0.12           # ... this share of its own weight found there only
    join_elaborated_total: float = 0.85         # ... the group then holds this share of the whole
    # a merge source edited before it was merged (a split part edited after): the whole GAINED its
    # words — a share of the part's own weight is in the whole and in none of the group's parts,
    # nearly all it shares with the whole is new there — and no other paragraph gained as much of it
    # (a look-alike matched to its own twin shares words with it, but gained none of them)
    join_gained_own: float = 0.25        # share of the part's weight found in the whole only
    join_gained_novelty: float = 0.6     # ... this share of what it shares with the whole
    join_gained_rival: float = 0.75      # ... the whole holds at least this share of what any other
                                         # paragraph holds of it (an inserted one-liner of a template
                                         # that shares a name with the whole is its siblings' look-alike)
    join_gained_words: int = 3           # ... and these many content words of it are new in the whole
                                         # (not a shared reference "58/137 of 22 December 2003")
    # the rest of the whole: a part holding, in order, most of the stretch of the whole's words that
    # the group's parts leave out (OP4's closing clause made "Also welcomes …"; a merge source whose
    # words are the half of the new OP the matched source lacks), however elaborated it is: the
    # elaborated route read by word runs (off with it, join_elaborated_cover=0)
    join_rest_fill: float = 0.8          # share of the left-out words (runs of 2+ words) it holds in order
    join_rest_words: int = 6             # ... at least this many of them (a clause, not a phrase)
    join_novelty: float = 0.5            # a part brings this share of what it shares with the whole
                                         # that the group's parts do not hold already (no look-alikes)
    join_gain_sure: float = 0.06         # ... unless the group gains this much (two similar OPs merged)
    chapeau_loss: float = 0.03           # a chapeau ("Calls upon Member States:") joins its list's group
                                         # even if the group's similarity drops by up to this
    replace_sim: float = 0.35        # a one-to-one match below this similarity is checked for ...
    replace_ratio: float = 0.85      # ... sharing little beyond its leading words (tail < ratio × sim)
    replace_head: int = 3            # ... or a new leading word over a new object: these many first
                                     # content words after the leading words, none in common
    # a slot-built one-liner whose object changed ("… a report on X" → "… a report on Y"): all the
    # two share is the template, which a third paragraph holds too, and each has words of its own
    slot_max_words: int = 40         # both at most this many words (one-liners)
    slot_sim_max: float = 0.7        # ... a match below this similarity
    slot_boilerplate: float = 0.93   # ... another paragraph holds this share of what the two share
    slot_own: float = 0.15           # ... and each keeps this share of its weight to itself (its object)
    slot_rivals: int = 3             # ... looked for among this many most similar other paragraphs
    slot_object_words: int = 2       # ... each with this many content words neither the other nor
                                     # that third paragraph has (another object, not another symbol),
                                     # and no content word in common that the third lacks (one subject)
    unrivalled_tail: float = 0.75    # neither, if the two share words beyond their leading words (this
                                     # share of their similarity) and are each other's best by
                                     # leftover_ratio over every other paragraph (a far-moved rewrite)
    scattered_groups: bool = True    # keep split/merge parts that are not one unbroken run (else
                                     # each group is cut to one run, see _contiguous)
    scattered_window: int = 30       # ... and then look this far for parts instead of join_window
    join_cross_containment: float = 0.8  # ... of the other part (PP↔OP) only a split part, free, with this
                                         # share of it in the whole, more than in any other paragraph
    leftover_min: float = 0.2        # second chance for leftovers that are each other's clear best
    leftover_floor: float = 0.12     # ... and, of any kind (PP↔OP), for leftovers that are each other's
    leftover_ratio: float = 2.0      # best by this factor over every other leftover, at least this similar
    leftover_words: float = 0.3          # the last leftovers, by single words (TF-IDF cosine) ...
    leftover_words_max: int = 12         # ... when at most this many are left on each side
    leftover_length_ratio: float = 2.0   # ... and of comparable length (a rewrite, not a one-liner
                                         # that shares the long paragraph's boilerplate)
    leftover_length_ratio_long: float = 2.5  # ... this ratio when the shorter has leftover_long_words or more
    leftover_long_words: int = 30            # (a long paragraph condensed to less than half is still a rewrite)
    short_tail_weight: float = 0.5   # one-liners: the score moves by this times (alike past the leading words − alike)
    short_tail_tie: float = 0.1      # ... for pairs this near the best of their row or column
    short_tail_pairs: int = 5000     # ... when there are at most this many (templated texts: no rule, bounded time)
    mutual_margin: float = 0.05      # assignment: mutual best partners by this margin are kept first
    # a match gives way to a free paragraph that holds what the two share (this share of its
    # weight) and more of the paragraph (this share of its weight), when the partner has this share
    # of its own weight to itself: the paragraph's revision, where the match is a look-alike that
    # shares its frame only ("Takes note of the report … on X" + a clause vs "… on Y")
    fuller_cover: float = 0.95            # (above 1: the pass is off)
    fuller_extra: float = 0.05
    fuller_sim: float = 0.6               # ... and at least this share of the match's similarity
    similar_margin: float = 0.1      # ... and before that, pairs at least `threshold` similar that are each
                                     # other's best by this margin in plain similarity (no bonus, no penalty)
    fragment_ratio: float = 1 / 3    # auto fragment: one side has at most this share of the other's paragraphs


DEFAULT_PARAMS = AlignParams()
