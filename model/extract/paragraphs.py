"""Paragraphs: the unit a quote lives in.

Any line break ends a paragraph (texts use "\\n\\n" or a single "\\n" between paragraphs), and a
quote never crosses one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_LINE = re.compile(r"[^\n\r\u2028\u2029]+")


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
