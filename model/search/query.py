"""What a user typed, read as search terms: words, "exact phrases", prefix*, and FTS5 operators.

The box accepts FTS5's own syntax (OR, NOT, NEAR, parentheses) but builds the expression itself,
quoting every word, so ordinary text with hyphens, apostrophes or colons never trips FTS5. Text
FTS5 would still reject (an unbalanced quote mark, a stray operator) is searched as plain words,
with a quiet note saying so. The same terms drive `match_spans`, the list's highlighting.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
FALLBACK_MESSAGE = "Search syntax not understood: searched for the plain words instead."

# A quoted phrase, a parenthesis, or a run of anything else up to white space or a bracket.
_PIECE = re.compile(r'"[^"]*"|[()]|[^\s()"]+')
_WORD = re.compile(r"\w+")


def fold(word: str) -> str:
    """Case- and accent-folded, as FTS5's unicode61 tokenizer with remove_diacritics sees it."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words_of(text: str) -> list[str]:
    return [fold(w) for w in _WORD.findall(text)]


@dataclass(frozen=True, slots=True)
class Term:
    """A phrase of one or more folded words; `prefix` when the last word ends in *."""

    words: tuple[str, ...]
    prefix: bool = False

    def fts(self) -> str:
        body = '"' + " ".join(self.words) + '"'
        return body + "*" if self.prefix else body


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """The FTS5 MATCH expression for a query and the terms to highlight."""

    expression: str
    terms: tuple[Term, ...]
    fell_back: bool = False
    message: str = ""

    @property
    def empty(self) -> bool:
        return not self.terms


def _term(piece: str) -> Term | None:
    words = tuple(words_of(piece.strip('"*')))
    if not words:
        return None
    return Term(words, piece.endswith("*") and not piece.startswith('"'))


def plain_words(text: str) -> ParsedQuery:
    """Every word on its own, AND-ed; a trailing * still makes a prefix."""
    terms = []
    for raw in text.replace('"', " ").split():
        prefix = raw.endswith("*")
        for i, w in enumerate(words_of(raw)):
            last = i == len(words_of(raw)) - 1
            terms.append(Term((w,), prefix and last))
    return ParsedQuery(" ".join(t.fts() for t in terms), tuple(terms))


def parse(text: str) -> ParsedQuery:
    """Reads the query; never raises. Operators are kept only where FTS5 could accept them."""
    if text.count('"') % 2:
        parsed = plain_words(text)
        return ParsedQuery(parsed.expression, parsed.terms, bool(parsed.terms), FALLBACK_MESSAGE)
    parts: list[str] = []
    terms: list[Term] = []
    uses_syntax = False
    for piece in _PIECE.findall(text):
        if piece in OPERATORS or piece in ("(", ")"):
            parts.append(piece)
            uses_syntax = True
            continue
        term = _term(piece)
        if term is not None:
            parts.append(term.fts())
            terms.append(term)
    if not uses_syntax:
        return ParsedQuery(" ".join(t.fts() for t in terms), tuple(terms))
    if not terms:  # "NOT", "( )": nothing to look for but the operator words themselves
        return fallback(text)
    return ParsedQuery(" ".join(parts), tuple(terms))


def fallback(text: str) -> ParsedQuery:
    """For an expression FTS5 refused: the plain words, and the note that says so."""
    parsed = plain_words(text)
    return ParsedQuery(parsed.expression, parsed.terms, True, FALLBACK_MESSAGE)


def match_spans(text: str, query: str | ParsedQuery) -> list[tuple[int, int]]:
    """(start, end) offsets in `text` of the words the query matched, merged and in order.

    Pure Python, so the quote list's delegate can call it while painting.
    """
    parsed = parse(query) if isinstance(query, str) else query
    if parsed.empty:
        return []
    tokens = [(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(text)]
    spans: list[tuple[int, int]] = []
    for term in parsed.terms:
        n = len(term.words)
        for i in range(len(tokens) - n + 1):
            ok = all(tokens[i + k][2] == term.words[k] for k in range(n - 1))
            last = tokens[i + n - 1][2]
            ok = ok and (last.startswith(term.words[-1]) if term.prefix else last == term.words[-1])
            if ok:
                spans.append((tokens[i][0], tokens[i + n - 1][1]))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
