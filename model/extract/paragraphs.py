"""Paragraphs: the unit a quote lives in.

Any line break ends a paragraph (texts use "\\n\\n" or a single "\\n" between paragraphs), and a
quote never crosses one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# A non-blank line, white space trimmed: from its first to its last non-space character.
# `.` stops at "\n" only, and runs in C far faster than a character class, so texts without
# the rarer breaks (\r, U+2028, U+2029) take it; the others take the class.
_LINE_N = re.compile(r"\S(?:.*\S)?")
_LINE_ANY = re.compile(r"\S(?:[^\n\r\u2028\u2029]*\S)?")


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, white space trimmed, in text order."""
    rare = "\r" in text or "\u2028" in text or "\u2029" in text
    return [m.span() for m in (_LINE_ANY if rare else _LINE_N).finditer(text)]


def paragraphs(text: str) -> Iterator[tuple[int, int, int]]:
    """(index, start, end) of each non-blank line, white space trimmed."""
    for index, (s, e) in enumerate(paragraph_bounds(text)):
        yield index, s, e
