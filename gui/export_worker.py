"""Exporting quotes on the thread pool, with progress and a Cancel flag checked per batch."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from model.db import Store
from model.search import SearchQuery


class ExportSignals(QObject):
    progressed = Signal(int, int)  # rows written, rows in all (0 when not known)
    finished = Signal(int, bool)  # rows written, cancelled
    failed = Signal(str)


class ExportJob(QRunnable):
    """Writes `ids` (in order) or the quotes `query` finds to `path`, in its own session."""

    def __init__(self, store: Store, path: Path, *, ids: Sequence[int] | None = None,
                 query: SearchQuery | None = None, fmt: str = "csv", bom: bool = False) -> None:
        super().__init__()
        self.signals = ExportSignals()
        self.store, self.path, self.ids, self.query = store, path, ids, query
        self.fmt, self.bom = fmt, bom
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        from sqlalchemy.exc import SQLAlchemyError

        from model.export import export_to_path

        try:
            with self.store.sessions() as session:
                summary = export_to_path(
                    session, self.path, ids=self.ids, query=self.query, fmt=self.fmt,
                    bom=self.bom, progress=self._progress, cancelled=self._cancel.is_set,
                )
        except OSError as exc:
            self.signals.failed.emit(f"{self.path}: {exc.strerror or exc}")
            return
        except SQLAlchemyError as exc:
            self.signals.failed.emit(f"Cannot read the store: {exc.__class__.__name__}")
            return
        self.signals.finished.emit(summary.rows, summary.cancelled)

    def _progress(self, done: int, total: int | None) -> None:
        self.signals.progressed.emit(done, total or 0)
