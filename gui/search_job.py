"""Running one search off the GUI thread: the first page at once, then every id.

The first page answers in milliseconds even on a million quotes; listing every match of a
common word takes longer (300 ms for 700,000 ids), so it follows as a second report and the
list can show the page meanwhile. Each job carries the generation it was started for, so the
bar drops the reports of searches the user has already typed past.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, Signal

from model.search.types import SearchQuery

if TYPE_CHECKING:
    from model.db import Store


class SearchSignals(QObject):
    page_found = Signal(int, object)  # generation, SearchResult
    all_found = Signal(int, object)  # generation, list[int]
    failed = Signal(int, str)


class SearchJob(QRunnable):
    def __init__(self, store: Store, query: SearchQuery, mode: str, generation: int) -> None:
        super().__init__()
        self.signals = SearchSignals()
        self.store, self.query, self.mode, self.generation = store, query, mode, generation

    def run(self) -> None:
        from sqlalchemy.exc import SQLAlchemyError

        from model import search

        try:
            with self.store.sessions() as session:
                if self.mode == "articles":
                    result = search.search_articles(session, self.query)
                    self.signals.page_found.emit(self.generation, result)
                    if result.total > len(result.ids) or not result.total_exact:
                        wide = replace(self.query, limit=100_000, offset=0)
                        self.signals.all_found.emit(
                            self.generation, search.search_articles(session, wide).ids
                        )
                    return
                result = search.search(session, self.query)
                self.signals.page_found.emit(self.generation, result)
                if result.total > len(result.ids) or not result.total_exact:
                    self.signals.all_found.emit(
                        self.generation, search.all_ids(session, self.query)
                    )
        except SQLAlchemyError as exc:
            self.signals.failed.emit(self.generation, f"Search failed: {exc.__class__.__name__}")
