"""Pairing quotation marks inside one paragraph, for every house style.

Two families are paired separately: double marks (“ ” " « » and the doubled apostrophes `` and
'' of wire and archive texts) and single marks (‘ ’ '). Which way a mark faces is read from the
characters beside it, not from its glyph alone, because real text opens quotes with closing
marks, runs sentences together without a space and mixes styles inside one quote. Single marks
are also apostrophes (don't, Kim's, the leaders' meeting, '90s, rock 'n' roll), so a single mark
only counts once the context rules an apostrophe out.

Only the marks are visited (found by `str.find` per mark character, which runs at memchr speed),
never every character, and each is looked at once: the pairing is linear however hostile the
text.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from sys import maxsize
from typing import NamedTuple

from model.extract.lexicon import ELISIONS

# Every character a mark is made of; the backtick only counts doubled (``).
_MARK_CHARS = "“”\"‘’'«»„‟`"
_SINGLE_CHARS = frozenset("‘’'")

OPEN, CLOSE, EITHER, APOS, WEAK = 1, 2, 3, 0, 4

_GLYPH = {
    "``": OPEN, "“": OPEN, "«": OPEN, "„": OPEN, "‟": OPEN, "‘": OPEN,
    "”": CLOSE, "»": CLOSE, "’": CLOSE,
    '"': EITHER, "''": EITHER, "'": EITHER,
}
_LEFT_OPENERS = frozenset("([{<“‘«„\"'`/")
_RIGHT_CLOSERS = frozenset(".,;:!?)]}>”’»\"'…")
_DASHES = frozenset("—–-")
_INCH = frozenset({'"', "''", "”"})
_STRAIGHT = frozenset({'"', "''"})
_CLOSING_GLYPHS = frozenset("”»")


class Span(NamedTuple):
    """Content between a pair of marks (or from an opening mark to the paragraph's end).

    A named tuple rather than a frozen dataclass: a dozen are made per article, and a tuple
    is built several times faster."""

    start: int
    end: int
    closed: bool
    double: bool


def _facing(text: str, i: int, j: int, ps: int, pe: int, glyph: str) -> int:
    """OPEN, CLOSE or EITHER from the characters beside the mark, falling back on its glyph."""
    left = text[i - 1] if i > ps else " "
    right = text[j] if j < pe else " "
    lopen = left.isspace() or left in _LEFT_OPENERS
    rclose = right.isspace() or right in _RIGHT_CLOSERS
    if left in _DASHES and not rclose:
        lopen = True
    if lopen and not rclose:
        return OPEN
    if rclose and not lopen:
        return CLOSE
    return _GLYPH[glyph]


def _single_facing(text: str, i: int, ps: int, pe: int, glyph: str) -> int:
    """Like `_facing`, but APOS for the apostrophes single marks so often are."""
    left = text[i - 1] if i > ps else " "
    right = text[i + 1] if i + 1 < pe else " "
    if left.isalnum() and right.isalnum():
        return APOS  # don't, Kim's, rock'n'roll, 6'2"
    if right.isdigit() and (left.isspace() or left in "([-–—" or i == ps):
        return APOS  # '90s, the class of '16
    if left.isalpha() and not right.isalnum():
        before = text[i - 2] if i - 2 >= ps else " "
        if left in "nN" and before in "'’" and (i - 3 < ps or text[i - 3].isspace()):
            return APOS  # the second mark of 'n'
        if left in "sS" and right == " " and i + 2 < pe and text[i + 2].islower():
            return WEAK  # the leaders' meeting, or the close of 'disastrous' tax plan
    if right.isalpha() and not left.isalnum():
        k = i + 1
        while k < pe and k < i + 6 and text[k].isalpha():
            k += 1
        if text[i + 1:k].lower() in ELISIONS and (k >= pe or not text[k].isalpha()):
            return APOS  # 'em, 'til, 'cause, 'n'
    return _facing(text, i, i + 1, ps, pe, glyph)


def _pair_singles(
    text: str, marks: list[tuple[int, int, str]], ps: int, pe: int, doubles: list[Span]
) -> list[Span]:
    spans: list[Span] = []
    facings: list[tuple[int, int]] = []
    d = 0
    for i, _j, glyph in marks:
        while d < len(doubles) and doubles[d].end < i:
            d += 1
        if d < len(doubles) and doubles[d].start <= i <= doubles[d].end:
            continue  # inside a double quote: nested, part of the outer quote
        facing = _single_facing(text, i, ps, pe, glyph)
        if facing != APOS:
            facings.append((i, facing))
    # A plural possessive (the leaders' meeting) and a quote closing after an s ('disastrous'
    # tax) look alike: it closes the quote only when no other closing mark follows first.
    closer_follows = [False] * len(facings)
    following = False
    for n in range(len(facings) - 1, -1, -1):
        closer_follows[n] = following
        f = facings[n][1]
        if f in (CLOSE, EITHER):
            following = True
        elif f == OPEN:
            following = False
    open_at = -1
    for n, (i, facing) in enumerate(facings):
        if facing == WEAK:
            if open_at < 0 or closer_follows[n]:
                continue
            facing = CLOSE
        if open_at < 0:
            if facing != CLOSE or i == ps:
                open_at = i + 1
        elif facing == OPEN:
            open_at = i + 1  # the earlier opener was a stray
        else:
            if i > open_at:
                spans.append(Span(open_at, i, True, False))
            open_at = -1
    # An unclosed single quote is only trusted when it opens its paragraph (the multi-paragraph
    # style); elsewhere it is far more often a stray apostrophe.
    if open_at >= 0 and text[ps:open_at - 1].strip() == "":
        spans.append(Span(open_at, _rstrip(text, open_at, pe), False, False))
    return spans


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def mark_positions(text: str, lo: int = 0, hi: int | None = None) -> list[int]:
    """Sorted offsets of every character that can be part of a quotation mark in text[lo:hi].

    `str.find` runs at memchr speed, far faster than a regex over a character class (which
    tests every character in turn), and a news article holds a few dozen marks at most.
    """
    end = len(text) if hi is None else hi
    find = text.find
    out: list[int] = []
    add = out.append
    for c in _MARK_CHARS:
        i = find(c, lo, end)
        while i >= 0:
            add(i)
            i = find(c, i + 1, end)
    out.sort()
    return out


def spans_at(text: str, positions: list[int], ps: int, pe: int) -> list[Span]:
    """Quoted spans of the paragraph text[ps:pe], given the `mark_positions` inside it.

    One loop reads the marks left to right as a regex would (`` and '' are one mark), drops
    the inch marks and the apostrophes inside words (don't, Kim's), which never quote, and
    pairs the double marks as it goes; the single marks, rarer, are paired afterwards.
    """
    doubles: list[Span] = []
    singles: list[tuple[int, int, str]] = []
    open_at = -1
    open_glyph = ""
    depth = 0
    taken = -1
    for i in positions:
        if i < taken:
            continue  # the second half of `` or ''
        c = text[i]
        j = i + 1
        if c == "'" or c == "`":
            if j < pe and text[j] == c:
                taken = j = i + 2
                if c == "'" and i > ps and text[i - 1].isdigit() and _is_feet_inches(text, i, ps):
                    continue  # 5' 11''
                c += c
            elif c == "`":
                continue  # a lone backtick is no mark
        if c in _SINGLE_CHARS:
            if not (i > ps and j < pe and text[i - 1].isalnum() and text[j].isalnum()):
                singles.append((i, j, c))  # (not the don't, Kim's, rock'n'roll, 6'2" kind)
            continue
        if c in _INCH and i > ps and text[i - 1].isdigit() and _is_feet_inches(text, i, ps):
            continue  # 6'2": a double mark after feet and inches measures, it does not quote
        facing = _facing(text, i, j, ps, pe, c)
        if open_at < 0:
            if facing != CLOSE or i == ps:
                open_at, open_glyph, depth = j, c, 1
            continue
        if facing == OPEN and c not in _CLOSING_GLYPHS and not (
            c in _STRAIGHT and open_glyph in _STRAIGHT
        ):
            depth += 1  # a double quote nested in a double quote, in another style
            continue
        # A closing glyph closes the open quote even when a typo glued it to the next word
        # (“A Most Violent Year, ”out on Dec. 31): nesting never opens with ” or ».

        depth -= 1
        if depth <= 0:
            doubles.append(Span(open_at, i, True, True))
            open_at = -1
    if open_at >= 0:
        doubles.append(Span(open_at, _rstrip(text, open_at, pe), False, True))
    if not singles:
        return [s for s in doubles if s.end > s.start]
    return _with_singles(text, doubles, _pair_singles(text, singles, ps, pe, doubles))


def _with_singles(text: str, doubles: list[Span], singles: list[Span]) -> list[Span]:
    """The outermost of the double and single spans of one paragraph, in text order."""
    if not doubles:
        return [s for s in singles if s.end > s.start]
    # Single quotes holding double ones (the British style): keep the outer, drop the nested.
    merged = sorted(doubles + singles, key=lambda s: (s.start, -s.end))
    out: list[Span] = []
    for s in merged:
        if s.end <= s.start:
            continue
        if out and s.start < out[-1].end + 1:
            prev = out[-1]
            if s.end <= prev.end + 1:
                continue  # nested inside the previous span
            if not s.double:
                continue  # crossing a double span: the double wins
            if not prev.double:
                out[-1] = s
            continue
        out.append(s)
    return out


def spans_by_paragraph(
    text: str, bounds: list[tuple[int, int]]
) -> list[tuple[int, int, int, list[Span]]]:
    """(index, start, end, spans) of each paragraph in `bounds` that quotes anything.

    The marks of the whole text are found at once and each paragraph holding some is paired:
    most paragraphs hold none and cost nothing.
    """
    positions = mark_positions(text)
    out: list[tuple[int, int, int, list[Span]]] = []
    k, n = 0, len(positions)
    while k < n:
        p = positions[k]
        idx = bisect_right(bounds, (p, maxsize)) - 1
        if idx < 0 or p >= bounds[idx][1]:
            k += 1  # outside every paragraph (bounds not from this text): no quote there
            continue
        ps, pe = bounds[idx]
        h = bisect_left(positions, pe, k)
        spans = spans_at(text, positions[k:h], ps, pe)
        if spans:
            out.append((idx, ps, pe, spans))
        k = h
    return out


def find_spans(text: str, ps: int, pe: int) -> list[Span]:
    """Quoted spans in text[ps:pe] (one paragraph), outermost only, in text order."""
    positions = mark_positions(text, ps, pe)
    return spans_at(text, positions, ps, pe) if positions else []


def _is_feet_inches(text: str, i: int, ps: int) -> bool:
    """True for the inch mark of 6'2" or 5' 11'' (digits, a single mark, digits, this mark)."""
    k = i - 1
    while k >= ps and text[k].isdigit():
        k -= 1
    if k == i - 1:
        return False
    while k >= ps and text[k] == " ":
        k -= 1
    return k >= ps + 1 and text[k] in "'’" and text[k - 1].isdigit()
