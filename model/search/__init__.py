"""Searching the store's quotes and articles behind one small interface (`QuoteSearch`).

Callers use the functions below with their own session; `searcher()` is the one place that picks
the backend, so another database can bring its own full-text search later. `match_spans` is pure
Python for the quote list's highlighting.

The SQLite backend (and with it SQLAlchemy) loads on first use, not on import: the window
imports the query types before its first paint, which must not wait for SQLAlchemy.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from model.search.query import FALLBACK_MESSAGE, match_spans, parse
from model.search.types import SORT_LABELS, SORTS, QuoteSearch, SearchQuery, SearchResult, Sort

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from model.search.sqlite_fts import SQLiteQuoteSearch

__all__ = [
    "FALLBACK_MESSAGE", "SORTS", "SORT_LABELS", "QuoteSearch", "SQLiteQuoteSearch",
    "SearchQuery", "SearchResult", "Sort", "all_ids", "match_spans", "parse", "search",
    "search_articles", "searcher",
]

def __getattr__(name: str) -> Any:
    if name == "SQLiteQuoteSearch":
        from model.search.sqlite_fts import SQLiteQuoteSearch

        return SQLiteQuoteSearch
    raise AttributeError(name)


@cache
def _sqlite() -> SQLiteQuoteSearch:
    from model.search.sqlite_fts import SQLiteQuoteSearch

    return SQLiteQuoteSearch()


def searcher(session: Session) -> QuoteSearch:
    """The search of the session's database (only SQLite FTS5 so far)."""
    dialect = session.get_bind().dialect.name
    if dialect != "sqlite":
        raise NotImplementedError(f"no full-text search for {dialect} stores yet")
    return _sqlite()


def search(session: Session, query: SearchQuery) -> SearchResult:
    return searcher(session).search(session, query)


def all_ids(session: Session, query: SearchQuery) -> list[int]:
    return searcher(session).all_ids(session, query)


def search_articles(session: Session, query: SearchQuery) -> SearchResult:
    return searcher(session).search_articles(session, query)
