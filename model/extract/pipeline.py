"""Placeholder pairing of quotation marks, to be replaced by the real extractor."""

from __future__ import annotations

import re

from model.extract.types import FoundQuote

_PAIR = re.compile(r"[“\"]([^“”\"\n]+)[”\"]")


def extract_quotes(text: str) -> list[FoundQuote]:
    paragraph = 0
    out: list[FoundQuote] = []
    for m in _PAIR.finditer(text):
        paragraph = text.count("\n\n", 0, m.start())
        out.append(FoundQuote(m.start(1), m.end(1), m.group(1), None, None, paragraph))
    return out
