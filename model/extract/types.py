"""The extractor's output record, shared by the store, the importer and the command line."""

from __future__ import annotations

from typing import NamedTuple


class FoundQuote(NamedTuple):
    """One quotation found in an article (immutable; a named tuple because the extractor
    makes one per quote and a tuple is built several times faster than a frozen dataclass)."""

    start: int
    end: int
    text: str
    speaker: str | None = None
    cue: str | None = None
    paragraph: int = 0
    # Other forms under which the speaker appears in the article (Lewis, Dr Lewis); stored as
    # aliases so one person is one speaker across outlets.
    speaker_aliases: tuple[str, ...] = ()
