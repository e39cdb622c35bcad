"""The import job: runs model.importing's pipeline on the thread pool and reports by signals.

The job opens its own session (through the store's session factory) inside the pipeline, never
touches a widget, and checks a cancel flag between files, so Cancel takes effect after the file
being stored and everything stored so far stays stored.

Signals (on `ImportWorker.signals`):
    progress(int, int, str): files done, files in all, the file being read.
    file_done(object): a model.importing.FileResult, once that file is stored (or failed).
    finished(object): the model.importing.ImportReport, at the end (also after a cancel).
    cancelled(): the user's Cancel took effect; sent just before finished.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, Signal

if TYPE_CHECKING:
    from model.db import Store
    from model.importing import FileResult, ImportOptions


class ImportSignals(QObject):
    progress = Signal(int, int, str)
    file_done = Signal(object)
    finished = Signal(object)
    cancelled = Signal()


class ImportWorker(QRunnable):
    def __init__(self, store: Store, paths: list[Path], options: ImportOptions | None = None):
        super().__init__()
        self.setAutoDelete(False)  # the controller keeps it until `finished` has been handled
        self.store = store
        self.paths = list(paths)
        self.options = options
        self.signals = ImportSignals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Asks the job to stop after the file it is storing; safe from any thread."""
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        from model.importing import ImportReport, import_paths

        def progress(done: int, total: int, path: Path) -> None:
            self.signals.progress.emit(done, total, str(path) if done < total else "")

        def on_result(result: FileResult) -> None:
            self.signals.file_done.emit(result)

        try:
            report = import_paths(
                self.store.sessions, self.paths, self.options, progress, self._cancel.is_set,
                on_result,
            )
        except Exception as exc:  # the pipeline reports per file; this is a last resort
            from model.importing import FileResult as Result

            report = ImportReport()
            report.add(Result(Path(""), "failed", error=f"import stopped: {exc}"))
        if report.cancelled:
            self.signals.cancelled.emit()
        self.signals.finished.emit(report)
