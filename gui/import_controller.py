"""File › Import… and drag and drop: choosing files, running the import off the GUI thread,
showing progress with Cancel, and the report at the end.

The window stays usable while an import runs: the progress dialog is not modal, and the work is
an ImportWorker on a one-thread pool, so two imports never write at once (a second request waits
its turn). The controller holds only paths, counts and frozen result records.

Signals:
    articles_imported(): some articles were stored since the last emission (at most once a
        second while files land, and once more at the end): refresh the outlet list.
    finished(object): the import ended (done or cancelled); carries the ImportReport.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QObject, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.import_report_dialog import ImportReportDialog
from gui.import_worker import ImportWorker

if TYPE_CHECKING:
    from model.db import Store
    from model.importing import FileResult, ImportOptions, ImportReport

FILE_FILTER = (
    "Articles (*.txt *.html *.htm *.xml *.rss *.atom *.jsonl *.ndjson *.json *.csv *.tsv *.src);;"
    "All files (*)"
)
_REFRESH_SECONDS = 1.0


class ImportProgressDialog(QDialog):
    """Files done of the total, the current file, and Cancel; never blocks the window."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Importing")
        self.setModal(False)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.bar = QProgressBar()
        self.bar.setFormat("%v of %m files")
        self.current = QLabel()
        self.current.setTextFormat(Qt.TextFormat.PlainText)
        self.current.setMinimumWidth(420)
        self.counts = QLabel()
        self.cancel_button = QPushButton("Cancel")
        row = QHBoxLayout()
        row.addWidget(self.counts, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.current)
        layout.addLayout(row)
        self.cancel_button.clicked.connect(self._on_cancel)

    def start(self) -> None:
        self.bar.setRange(0, 0)  # busy until the files are counted
        self.current.setText("Looking for files…")
        self.counts.clear()
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText("Cancel")

    @Slot(int, int, str)
    def set_progress(self, done: int, total: int, path: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.current.setText(Path(path).name if path else "")
        self.current.setToolTip(path)

    def set_counts(self, articles: int, failed: int) -> None:
        self.counts.setText(f"{articles} articles stored, {failed} files failed")

    def reject(self) -> None:
        """Escape or the title bar's close button cancel, as they do in QProgressDialog."""
        if self.cancel_button.isEnabled():
            self._on_cancel()

    @Slot()
    def _on_cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.cancel_button.setText("Cancelling…")
        self.current.setText("Stopping after the current file…")
        self.cancel_requested.emit()


class ImportController(QObject):
    articles_imported = Signal()
    finished = Signal(object)

    def __init__(self, store: Store | Callable[[], Store], parent: QWidget,
                 options: ImportOptions | None = None) -> None:
        """`store` may be a callable giving the store when an import starts, for a window whose
        store opens after it is shown (`lambda: hub.store`)."""
        super().__init__(parent)
        self.store = store
        self.window = parent
        self.options = options
        self.show_report = True  # tests and scripted runs turn the dialog off
        self.report_dialog: ImportReportDialog | None = None
        self.progress = ImportProgressDialog(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._worker: ImportWorker | None = None
        self._last_worker: ImportWorker | None = None
        self._queue: list[list[Path]] = []
        self._articles = 0
        self._failed = 0
        self._pending_refresh = False
        self._last_refresh = 0.0
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.progress.cancel_requested.connect(self.cancel)

    # --- starting -------------------------------------------------------------------------

    @Slot()
    def choose_and_import(self) -> None:
        """Asks for one or more files and imports them (File › Import…)."""
        names, _ = QFileDialog.getOpenFileNames(self.window, "Import articles", "", FILE_FILTER)
        self.import_paths([Path(n) for n in names])

    @Slot()
    def choose_folder_and_import(self) -> None:
        """Asks for a folder and imports everything in it (File › Import Folder…)."""
        chosen = QFileDialog.getExistingDirectory(self.window, "Import a folder")
        if chosen:
            self.import_paths([Path(chosen)])

    def import_paths(self, paths: list[Path]) -> None:
        """Starts importing, or queues the paths behind the import already running."""
        paths = [Path(p) for p in paths]
        if not paths:
            return
        if self.is_running:
            self._queue.append(paths)
            return
        self._start(paths)

    def can_accept(self, mime: QMimeData) -> bool:
        """True when a drag carries local files or folders (for dragEnterEvent)."""
        return bool(self._local_paths(mime))

    def accept_drop(self, mime: QMimeData) -> bool:
        """Imports the dropped files and folders (for dropEvent); False if there were none."""
        paths = self._local_paths(mime)
        if paths:
            self.import_paths(paths)
        return bool(paths)

    @staticmethod
    def _local_paths(mime: QMimeData) -> list[Path]:
        if not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    @property
    def is_running(self) -> bool:
        return self._worker is not None

    # --- stopping -------------------------------------------------------------------------

    @Slot()
    def cancel(self) -> None:
        """Stops after the file being stored; queued imports are dropped too."""
        self._queue.clear()
        if self._worker is not None:
            self._worker.cancel()

    def shutdown(self, msecs: int = 10_000) -> bool:
        """Cancels and waits for the job (call from the window's closeEvent)."""
        self.cancel()
        return self._pool.waitForDone(msecs)

    # --- the running job ------------------------------------------------------------------

    def _start(self, paths: list[Path]) -> None:
        try:
            store = self.store() if callable(self.store) else self.store
        except RuntimeError as exc:  # the window's store is not open (yet)
            from model.importing import FileResult as Result
            from model.importing import ImportReport as Report

            report = Report([Result(p, "failed", error=f"not imported: {exc}") for p in paths])
            self._on_finished(report)
            return
        worker = ImportWorker(store, paths, self.options)
        worker.signals.progress.connect(self.progress.set_progress)
        worker.signals.file_done.connect(self._on_file_done)
        worker.signals.finished.connect(self._on_finished)
        self._worker = worker
        self._articles = self._failed = 0
        self.progress.start()
        self.progress.show()
        self._pool.start(worker)

    @Slot(object)
    def _on_file_done(self, result: FileResult) -> None:
        self._articles += result.articles
        self._failed += result.status == "failed"
        self.progress.set_counts(self._articles, self._failed)
        if result.articles:
            self._pending_refresh = True
            now = time.monotonic()
            if now - self._last_refresh >= _REFRESH_SECONDS:
                self._emit_refresh(now)

    def _emit_refresh(self, now: float) -> None:
        self._pending_refresh = False
        self._last_refresh = now
        self.articles_imported.emit()

    @Slot(object)
    def _on_finished(self, report: ImportReport) -> None:
        # Kept until the next import: the pool thread may still be returning from its run().
        self._last_worker = self._worker
        self._worker = None
        if self._pending_refresh:
            self._emit_refresh(time.monotonic())
        self.progress.hide()
        if self.show_report:
            if self.report_dialog is not None:
                self.report_dialog.deleteLater()  # one report at a time: the latest
            self.report_dialog = ImportReportDialog(report, self.window)
            self.report_dialog.open()
        self.finished.emit(report)
        if self._queue:
            self._start(self._queue.pop(0))
