"""Paragraphs and sentences: the units a quote and its attribution live in.

Any line break ends a paragraph (texts use "\\n\\n" or a single "\\n" between paragraphs), and a
quote never crosses one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_LINE = re.compile(r"[^\n\r\u2028\u2029]+")
# A sentence ends at . ! or ? (with closing marks or brackets after it) before white space and
# an upper-case letter, a digit or an opening mark; "Mr. Smith" and "U.S. officials" are not ends.
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+(?=[A-Z0-9\"“‘'(])|[.!?][\"”’')\]]*$")
_ABBREV_END = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|St|Jr|Sr|Prof|Rev|Adm|Maj|Hon|"
    r"Mt|No|Vol|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|Inc|Co|Corp|Ltd|vs|v|U\.S|U\.N|U\.K|D\.C)"
    r"|\b[A-Z])\.$"
)


def paragraphs(text: str) -> Iterator[tuple[int, int, int]]:
    """(index, start, end) of each non-blank line, white space trimmed."""
    index = 0
    for m in _LINE.finditer(text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            yield index, s, e
            index += 1


def sentence_bounds(text: str, ps: int, pe: int) -> list[int]:
    """Offsets where sentences of text[ps:pe] end (exclusive), the last one being pe."""
    ends: list[int] = []
    for m in _SENTENCE_END.finditer(text, ps, pe):
        dot = m.start()
        if text[dot] == "." and _ABBREV_END.search(text, max(ps, dot - 6), dot + 1):
            continue
        ends.append(m.end())
    if not ends or ends[-1] < pe:
        ends.append(pe)
    return ends
