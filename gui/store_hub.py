"""The one open store of the window, and the signals that tell views when it changed.

Widgets never hold a session: they ask the hub to run a `model` function with a fresh session
(`read`) or inside one transaction per user action (`write`). SQLAlchemy is imported only when
the store opens, after the window's first paint, so the window appears fast.

Signals:
    store_opened(): a store is open and views may populate.
    store_failed(str): opening failed; the message names the store and the problem.
    store_changed(): quotes changed (a tag, a re-extraction); the article, sidebar and counts
        refresh in full.
    quotes_changed(QuoteChange): these quotes were added, removed or edited (a correction); views
        update just those, so a sidebar listing a million quotes need not re-read its ids.
    articles_changed(): articles or outlets were added or removed (an import); the outlet list
        reloads too. Emit it after such a change; it implies store_changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

if TYPE_CHECKING:
    from model.db import Store

T = TypeVar("T")


def open_and_fill(db: str | None, load_sample: bool = True) -> Store:
    from model.library import first_article_id
    from model.quick_open import open_store_quickly

    store = open_store_quickly(db)
    # An import killed while it held the index triggers off left articles unindexed.
    from model.search.maintenance import repair_search_index

    repair_search_index(store.sessions)
    if load_sample:
        with store.sessions() as session:
            empty = first_article_id(session) is None
        if empty:  # importing the sample loads the extractor: only when needed
            from model.sample import load_sample_if_empty

            load_sample_if_empty(store.sessions)
    return store


@dataclass(frozen=True)
class QuoteChange:
    """Which quotes a write touched: made live (added), made not live (removed) or edited."""

    added: tuple[int, ...] = ()
    removed: tuple[int, ...] = ()
    edited: tuple[int, ...] = ()


class _OpenSignals(QObject):
    opened = Signal(object)
    failed = Signal(str)


class _OpenJob(QRunnable):
    """Opens (and migrates, and fills with the sample if empty) the store off the GUI thread."""

    def __init__(self, db: str | None, load_sample: bool) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the hub keeps it until its signal has arrived
        self.db = db
        self.load_sample = load_sample
        self.signals = _OpenSignals()

    def run(self) -> None:
        try:
            store = open_and_fill(self.db, self.load_sample)
        except Exception as exc:  # reported in the window, never a crash
            first_line = (str(exc).splitlines() or [type(exc).__name__])[0]
            self.signals.failed.emit(f"{self.db or 'default store'}: {first_line}")
            return
        self.signals.opened.emit(store)


class StoreHub(QObject):
    store_opened = Signal()
    store_failed = Signal(str)
    store_changed = Signal()
    quotes_changed = Signal(object)
    articles_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store: Store | None = None
        self._job: _OpenJob | None = None

    @property
    def is_open(self) -> bool:
        return self._store is not None

    @property
    def store(self) -> Store:
        if self._store is None:
            raise RuntimeError("no store is open yet")
        return self._store

    def open_async(self, db: str | None, load_sample: bool = True) -> None:
        self._job = _OpenJob(db, load_sample)
        self._job.signals.opened.connect(self._on_opened)
        self._job.signals.failed.connect(self._on_failed)
        QThreadPool.globalInstance().start(self._job)

    def open_now(self, db: str | None, load_sample: bool = True) -> None:
        self.set_store(open_and_fill(db, load_sample))

    def set_store(self, store: Store) -> None:
        self._store = store
        self.store_opened.emit()

    @Slot(object)
    def _on_opened(self, store: Store) -> None:
        self._job = None
        self.set_store(store)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._job = None
        self.store_failed.emit(message)

    def read(self, fn: Callable[..., T], *args: Any) -> T:
        with self.store.sessions() as session:
            return fn(session, *args)

    def write(self, fn: Callable[..., T], *args: Any,
              change: Callable[[T], QuoteChange] | None = None) -> T:
        """Runs one user action in one transaction, then tells every view.

        With `change`, views hear `quotes_changed(change(result))` and update only those
        quotes; without it they hear `store_changed` and refresh in full.
        """
        with self.store.sessions.begin() as session:
            result = fn(session, *args)
        if change is None:
            self.store_changed.emit()
        else:
            self.quotes_changed.emit(change(result))
        return result

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
