"""Finding direct quotations in news text and attributing them to speakers.

`extract_quotes(text)` is the one entry point the rest of QuoteDesk uses. Offsets are code-point
indices into `text` as given, and `text[q.start:q.end] == q.text` (the content between the marks).
"""

from model.extract.pipeline import extract_quotes
from model.extract.types import FoundQuote

__all__ = ["FoundQuote", "extract_quotes"]
