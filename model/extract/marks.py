"""Pairing quotation marks inside one paragraph, for every house style.

Two families are paired separately: double marks (“ ” " « » and the doubled apostrophes `` and
'' of wire and archive texts) and single marks (‘ ’ '). Which way a mark faces is read from the
characters beside it, not from its glyph alone, because real text opens quotes with closing
marks, runs sentences together without a space and mixes styles inside one quote. Single marks
are also apostrophes (don't, Kim's, the leaders' meeting, '90s, rock 'n' roll), so a single mark
only counts once the context rules an apostrophe out.

Only the marks are visited (found by one regex over a character class), never every character,
and each is looked at once: the pairing is linear however hostile the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from model.extract.lexicon import ELISIONS

_MARK = re.compile(r"``|''|[“”\"‘’'«»„‟]")
_DOUBLE = frozenset({"``", "''", "“", "”", '"', "«", "»", "„", "‟"})

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


@dataclass(frozen=True, slots=True)
class Span:
    """Content between a pair of marks (or from an opening mark to the paragraph's end)."""

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


def _pair_doubles(text: str, marks: list[tuple[int, int, str]], ps: int, pe: int) -> list[Span]:
    spans: list[Span] = []
    open_at = -1
    open_glyph = ""
    depth = 0
    for i, j, glyph in marks:
        facing = _facing(text, i, j, ps, pe, glyph)
        if open_at < 0:
            if facing != CLOSE or i == ps:
                open_at, open_glyph, depth = j, glyph, 1
            continue
        straight = glyph in ('"', "''") and open_glyph in ('"', "''")
        if facing == OPEN and not straight:
            depth += 1  # a double quote nested in a double quote, in another style
            continue
        depth -= 1
        if depth <= 0:
            spans.append(Span(open_at, i, True, True))
            open_at = -1
    if open_at >= 0:
        spans.append(Span(open_at, _rstrip(text, open_at, pe), False, True))
    return spans


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


def find_spans(text: str, ps: int, pe: int) -> list[Span]:
    """Quoted spans in text[ps:pe] (one paragraph), outermost only, in text order."""
    doubles_marks: list[tuple[int, int, str]] = []
    singles_marks: list[tuple[int, int, str]] = []
    add_double, add_single = doubles_marks.append, singles_marks.append
    for m in _MARK.finditer(text, ps, pe):
        i, j = m.span()
        glyph = m.group()
        if glyph in _DOUBLE:
            # 6'2" or 5' 11'': a double mark after feet and inches measures, it does not quote.
            if glyph in _INCH and i > ps and text[i - 1].isdigit() and _is_feet_inches(text, i, ps):
                continue
            add_double((i, j, glyph))
        else:
            add_single((i, j, glyph))
    doubles = _pair_doubles(text, doubles_marks, ps, pe) if doubles_marks else []
    singles = _pair_singles(text, singles_marks, ps, pe, doubles) if singles_marks else []
    if not singles:
        return [s for s in doubles if s.end > s.start]
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
