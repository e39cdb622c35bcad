"""Converting between the store's offsets (code points) and Qt's document positions (UTF-16).

Python counts a character outside the Basic Multilingual Plane (an emoji) as one, Qt as two; a
quote after one would be highlighted a character early without this map.
"""

from __future__ import annotations

from bisect import bisect_right


class OffsetMap:
    def __init__(self, text: str) -> None:
        # Code-point indices of characters that take two UTF-16 units.
        self._wide = [] if text.isascii() else [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._wide_pos = [i + n + 1 for n, i in enumerate(self._wide)]

    def to_qt(self, offset: int) -> int:
        if not self._wide:
            return offset
        return offset + bisect_right(self._wide, offset - 1)

    def from_qt(self, position: int) -> int:
        if not self._wide:
            return position
        # Positions after each wide character's second unit shift back by one per character.
        return position - bisect_right(self._wide_pos, position)
