"""The export dialog: format, BOM, file; the export itself runs on the thread pool.

Open it with the ids to export (Export selection…, Export all shown…) or a SearchQuery (what
the search bar finds), e.g. `ExportDialog.run_for(parent, hub, ids=[...])`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QThreadPool, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.export_worker import ExportJob
from gui.store_hub import StoreHub
from model.search import SearchQuery

FORMATS = {"csv": "CSV (spreadsheets)", "jsonl": "JSON Lines"}
SUFFIX = {"csv": ".csv", "jsonl": ".jsonl"}


class ExportDialog(QDialog):
    def __init__(self, hub: StoreHub, *, ids: Sequence[int] | None = None,
                 query: SearchQuery | None = None, parent: QWidget | None = None,
                 pool: QThreadPool | None = None, start_dir: Path | None = None) -> None:
        super().__init__(parent)
        self._hub, self._ids, self._query = hub, list(ids) if ids is not None else None, query
        self._pool = pool or QThreadPool.globalInstance()
        self._job: ExportJob | None = None
        self._start_dir = start_dir or Path.home()
        what = (f"{len(self._ids):,} quote{'s' if len(self._ids) != 1 else ''}"
                if self._ids is not None else "the quotes the search finds" if query
                else "every quote in the store")
        self.setWindowTitle("Export quotes")
        self.what_label = QLabel(f"Export {what}.", self)
        self.format_combo = QComboBox(self)
        for key, label in FORMATS.items():
            self.format_combo.addItem(label, key)
        self.bom_check = QCheckBox("Begin with a byte-order mark (for Excel)", self)
        self.path_edit = QLineEdit(str(self._start_dir / "quotes.csv"), self)
        self.browse_button = QPushButton("&Browse…", self)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.status_label = QLabel(self)
        self.export_button = QPushButton("&Export", self)
        self.export_button.setDefault(True)
        self.cancel_button = QPushButton("Cancel", self)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow("&Format:", self.format_combo)
        form.addRow("", self.bom_check)
        form.addRow("&File:", path_row)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.what_label)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        self._connect_signals()

    @classmethod
    def run_for(cls, parent: QWidget | None, hub: StoreHub, *,
                ids: Sequence[int] | None = None, query: SearchQuery | None = None) -> None:
        dialog = cls(hub, ids=ids, query=query, parent=parent)
        dialog.exec()
        dialog.deleteLater()

    def _connect_signals(self) -> None:
        self.format_combo.currentIndexChanged.connect(self._on_format_changed)
        self.browse_button.clicked.connect(self._browse)
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self._on_cancel)

    @property
    def fmt(self) -> str:
        return str(self.format_combo.currentData())

    @Slot()
    def _on_format_changed(self) -> None:
        self.bom_check.setEnabled(self.fmt == "csv")
        path = Path(self.path_edit.text())
        if path.suffix.lower() in (".csv", ".jsonl"):
            self.path_edit.setText(str(path.with_suffix(SUFFIX[self.fmt])))

    @Slot()
    def _browse(self) -> None:
        filters = "CSV files (*.csv)" if self.fmt == "csv" else "JSON Lines (*.jsonl)"
        name, _ = QFileDialog.getSaveFileName(self, "Export quotes", self.path_edit.text(),
                                              filters)
        if name:
            self.path_edit.setText(name)

    @Slot()
    def start(self) -> None:
        text = self.path_edit.text().strip()
        if not text:
            self.status_label.setText("Choose a file to write.")
            return
        path = Path(text).expanduser()
        if path.is_dir() or not path.parent.is_dir():
            self.status_label.setText(f"{path}: not a file in an existing folder.")
            return
        job = ExportJob(self._hub.store, path, ids=self._ids, query=self._query, fmt=self.fmt,
                        bom=self.bom_check.isChecked() and self.fmt == "csv")
        job.signals.progressed.connect(self._on_progressed)
        job.signals.finished.connect(self._on_finished)
        job.signals.failed.connect(self._on_failed)
        self._job = job
        self.export_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.status_label.setText("Exporting…")
        self._pool.start(job)

    @Slot()
    def _on_cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.status_label.setText("Cancelling…")
        else:
            self.reject()

    @Slot(int, int)
    def _on_progressed(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        self.status_label.setText(f"{done:,} quotes written…")

    @Slot(int, bool)
    def _on_finished(self, rows: int, cancelled: bool) -> None:
        self._job = None
        self.export_button.setEnabled(True)
        self.progress.setVisible(False)
        if cancelled:
            self.status_label.setText("Cancelled; no file was written.")
            return
        self.status_label.setText(f"Exported {rows:,} quotes to {self.path_edit.text()}.")
        self.accept()

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._job = None
        self.export_button.setEnabled(True)
        self.progress.setVisible(False)
        self.status_label.setText(message)

    def reject(self) -> None:
        if self._job is not None:  # closing mid-export cancels it; nothing partial is left
            self._job.cancel()
        super().reject()
