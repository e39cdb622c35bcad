"""When two wordings are versions of one statement: the rules, in one place.

Three relations make two quotes one statement: the same words once folded; one a fragment of the
other; or a near copy (a changed word, a dropped clause) scored with rapidfuzz. The speaker is
evidence, not a wall: long wordings group across speakers (the statement is then "disputed"),
but short ones, which different people say all the time ("no collusion", "we'll see"), group
only when both quotes name the same speaker.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence

from rapidfuzz import fuzz

from model.statements.text import STOPWORDS, Wording

# A wording of fewer words is "short": it groups only under one named speaker, and never fuzzily.
SHORT_WORDS = 8
# A fragment must hold this many content words to say something distinctive ("very disappointed").
FRAGMENT_CONTENT_WORDS = 2
# A long fragment may cross speakers only if it is this rich.
LONG_FRAGMENT_CONTENT_WORDS = 3
# rapidfuzz scores (0-100) on folded text for near copies; stricter when speakers differ.
NEAR_SAME_SPEAKER = 85.0
NEAR_OTHER_SPEAKER = 92.0
# A near copy of part of a longer quote (partial_ratio) must be closer still.
PARTIAL_EXTRA = 4.0
# Overlapping slices share a run of this many words, covering this share of the shorter one;
# under one speaker, or (speaker unknown on a side) a run of SHORT_WORDS + 2 words.
OVERLAP_WORDS = 6
OVERLAP_SHARE = 0.4


def contains(long: Sequence[str], short: Sequence[str]) -> bool:
    """`short` is a run of consecutive words of `long`."""
    if len(short) > len(long):
        return False
    return f" {' '.join(short)} " in f" {' '.join(long)} "


def _contains(long: Wording, short: Wording) -> bool:
    return len(short.tokens) <= len(long.tokens) and f" {short.norm} " in f" {long.norm} "


def match_score(
    a: Wording,
    a_speaker: int | None,
    b: Wording,
    b_speaker: int | None,
    same_person: Callable[[int, int], bool] | None = None,
) -> float | None:
    """How surely `a` and `b` are versions of one statement (higher is surer), or None.

    `same_person(x, y)` says whether two different speaker ids name one person ("Lewis",
    "Jeffrey Lewis"); without it only equal ids agree.
    """
    if not a.tokens or not b.tokens:
        return None
    both = a_speaker is not None and b_speaker is not None
    agree = both and (
        a_speaker == b_speaker
        or (same_person is not None and same_person(a_speaker, b_speaker))  # type: ignore[arg-type]
    )
    conflict = both and not agree
    short, long = (a, b) if len(a.tokens) <= len(b.tokens) else (b, a)
    is_short = len(short.tokens) < SHORT_WORDS

    if a.tokens == b.tokens:
        return 300.0 if (agree or not is_short) else None
    if _contains(long, short):
        rich = len(short.content) >= LONG_FRAGMENT_CONTENT_WORDS
        if not is_short and rich:
            return 200.0 + len(short.tokens) / len(long.tokens)
        if agree and len(short.content) >= FRAGMENT_CONTENT_WORDS:
            return 200.0 + len(short.tokens) / len(long.tokens)
        return None
    if is_short:
        return None
    # Cheap guard before fuzzy scoring: a near copy shares most of its content words.
    mine = short.content_set
    if len(mine.intersection(long.content)) * 2 < len(mine):
        return None
    need = NEAR_OTHER_SPEAKER if conflict else NEAR_SAME_SPEAKER
    whole = fuzz.ratio(a.norm, b.norm, score_cutoff=need)
    if whole:
        return 100.0 + whole
    part = fuzz.partial_ratio(short.norm, long.norm, score_cutoff=need + PARTIAL_EXTRA)
    if part:
        return part
    return None if conflict else _overlap_score(short, long, agree)


def _overlap_score(short: Wording, long: Wording, agree: bool) -> float | None:
    """Two outlets quoting overlapping slices of one longer statement ("... at Sanumdong" and
    "at Sanumdong, but also ..."): a long shared run of words, rich in content words."""
    m = difflib.SequenceMatcher(None, short.tokens, long.tokens, autojunk=False)
    start, _b, run = m.find_longest_match(0, len(short.tokens), 0, len(long.tokens))
    if run < OVERLAP_WORDS or run < OVERLAP_SHARE * len(short.tokens):
        return None
    content = sum(1 for t in short.tokens[start : start + run] if t not in STOPWORDS)
    if content < LONG_FRAGMENT_CONTENT_WORDS or not (agree or run >= SHORT_WORDS + 2):
        return None
    return 50.0 + run / len(short.tokens)


def fullest_index(wordings: Sequence[Wording]) -> int:
    """The version that holds the most others, then the longest: the statement's fullest wording.

    Not simply the longest: an outlet that garbled a quote by adding a word ("put that all that
    together") must not become the wording everyone else is measured against.
    """
    seen: dict[tuple[str, ...], int] = {}
    for i, w in enumerate(wordings):
        seen.setdefault(w.tokens, i)
    distinct = sorted(seen, key=len, reverse=True)[:30]
    counts: dict[tuple[str, ...], int] = {}
    for w in wordings:
        counts[w.tokens] = counts.get(w.tokens, 0) + 1

    def coverage(tokens: tuple[str, ...]) -> tuple[int, int, int]:
        held = sum(n for other, n in counts.items() if contains(tokens, other))
        return held, len(tokens), -seen[tokens]

    return seen[max(distinct, key=coverage)]
