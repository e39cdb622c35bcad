"""The stretch of a quote's sentence on either side of it, where its credit stands.

A credit never crosses a sentence end, so the frames stop at the nearest full stop, question or
exclamation mark that is followed by a capital, except the full stops of abbreviations (Mr.
Gen. Sen.). A frame is at most `FRAME_CHARS` long: the cost per quote stays bounded.
"""

from __future__ import annotations

import re

from model.extract.frames import Tok, tokens
from model.extract.lexicon import ABBREVIATIONS
from model.extract.marks import Span

# The sentence end nearest a quote: . ! ? then space and a capital, or the end of the text.
# (The look-behind comes after the mark it guards so that the regex opens on a character set,
# which the engine skips to directly.)
_SENT_END = re.compile(r"[.!?](?<![A-Z][.!?])[\"”’')\]]*(?=\s+[A-Z\"“‘'(]|\s*$)")
_ABBREV = re.compile(r"(\w+)\.$")
FRAME_CHARS = 300


def post_frame(text: str, span: Span, nxt: int, pe: int) -> tuple[int, int]:
    start = span.end
    while start < pe and text[start] in "”\"’'»` ":
        start += 1
    end = min(nxt, pe, start + FRAME_CHARS)
    for m in _SENT_END.finditer(text, start, end):
        if not is_abbreviation(text, m.start()):
            return start, m.start()
    return start, end


def sentence_start(text: str, lo: int, hi: int) -> int:
    """Where the sentence ending at `hi` begins (not before `lo`)."""
    for m in reversed(list(_SENT_END.finditer(text, lo, hi))):
        if not is_abbreviation(text, m.start()):
            return m.end()
    return lo


def is_abbreviation(text: str, dot: int) -> bool:
    """Mr. Rev. Gen. Sen.: a full stop that ends a title, not a sentence."""
    if text[dot] != ".":
        return False
    m = _ABBREV.search(text, max(0, dot - 12), dot + 1)
    return m is not None and (m.group(1).lower() in ABBREVIATIONS or len(m.group(1)) == 1)


def pre_frame(text: str, span: Span, prev: int, ps: int) -> tuple[int, int]:
    end = span.start
    while end > ps and text[end - 1] in "“\"‘'«`":
        end -= 1
    start = word_start(text, max(prev, ps, end - FRAME_CHARS), max(prev, ps), end)
    # The last sentence end before the quote: the abbreviation test runs from the quote back,
    # only until one end is not an abbreviation.
    for m in reversed(list(_SENT_END.finditer(text, start, end))):
        if not is_abbreviation(text, m.start()):
            return m.end(), end
    return start, end


def frame_tokens(text: str, a2: int, b2: int, a: int, b: int, toks: list[Tok]) -> list[Tok]:
    """The tokens of text[a2:b2], reusing those of text[a:b] when it is the same window."""
    return toks if (a2, b2) == (a, b) else tokens(text, a2, b2)


def word_start(text: str, start: int, lo: int, end: int) -> int:
    """`start`, moved past a word it cuts in two: a window must not read "chers" for
    "researchers"."""
    if start > lo and text[start - 1].isalnum():
        while start < end and text[start].isalnum():
            start += 1
    return start
