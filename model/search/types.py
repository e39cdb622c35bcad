"""The search interface every backend implements, and the records that cross it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# "newest" is the order quotes were added (id descending): the one order any match set can be
# read in without sorting it, so a backend falls back to it when a sort would be too slow.
Sort = Literal["relevance", "newest", "date", "speaker", "outlet"]
SORTS: tuple[Sort, ...] = ("relevance", "newest", "date", "speaker", "outlet")
SORT_LABELS: dict[Sort, str] = {
    "relevance": "Relevance",
    "newest": "Newest added",
    "date": "Date published",
    "speaker": "Speaker",
    "outlet": "Outlet",
}


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """What to look for: words (with "phrases" and prefix*) and filters, all AND-ed."""

    text: str = ""
    speaker: str | None = None
    outlet: str | None = None
    tag: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None  # inclusive
    sort: Sort = "relevance"
    limit: int = 200
    offset: int = 0

    @property
    def has_filters(self) -> bool:
        return any((self.speaker, self.outlet, self.tag, self.since, self.until))


@dataclass(frozen=True, slots=True)
class SearchResult:
    """One page of ids, the number found, and what the user should be told about how.

    `total_exact` is False when counting further would be slow: `total` is then a lower bound.
    `sort` is the order actually applied, which differs from the one asked for when the match
    set was too large to sort quickly (then `message` says so).
    """

    ids: list[int] = field(default_factory=list)
    total: int = 0
    total_exact: bool = True
    sort: Sort = "newest"
    fell_back: bool = False
    message: str = ""

    @property
    def total_label(self) -> str:
        return f"{self.total:,}" if self.total_exact else f"{self.total:,}+"


class QuoteSearch(Protocol):
    """Full-text search over one kind of store; another database brings its own implementation."""

    def search(self, session: Session, query: SearchQuery) -> SearchResult:
        """The page query.offset..+query.limit of matching live quote ids, in query.sort order."""
        ...

    def all_ids(self, session: Session, query: SearchQuery) -> list[int]:
        """Every matching live quote id, in the order `search` pages through."""
        ...

    def search_articles(self, session: Session, query: SearchQuery) -> SearchResult:
        """Article ids whose title or text match (speaker and tag filters do not apply)."""
        ...
