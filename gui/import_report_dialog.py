"""The report shown when an import ends: counts, then every file that failed or was skipped.

A table (model/view) lists the files with their status and reason; Copy puts the whole report,
as plain text, on the clipboard so the user can paste it into a bug report or a note.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from model.importing import FileResult, ImportReport

Index = QModelIndex | QPersistentModelIndex
_STATUS_ORDER = {"failed": 0, "duplicate": 1, "imported": 2}
_STATUS_TEXT = {"failed": "Failed", "duplicate": "Duplicate", "imported": "Imported"}


class ImportResultsModel(QAbstractTableModel):
    """Files of a finished import, failures first; rows are frozen FileResult records."""

    COLUMNS = ("File", "Status", "Articles", "Reason")
    ResultRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, results: list[FileResult], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows = sorted(results, key=lambda r: (_STATUS_ORDER[r.status], str(r.path)))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        result = self._rows[index.row()]
        column = index.column()
        if role == self.ResultRole:
            return result
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return result.path.name or str(result.path)
            if column == 1:
                return _STATUS_TEXT[result.status]
            if column == 2:
                return result.articles
            if result.status == "duplicate":
                return "already in the store"
            return "; ".join(result.problems())
        if role == Qt.ItemDataRole.ToolTipRole and column in (0, 3):
            return str(result.path) if column == 0 else "\n".join(result.problems()) or None
        return None


class ImportReportDialog(QDialog):
    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import report")
        self.report = report
        self.summary = QLabel(self._summary_text(report))
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = ImportResultsModel(report.results, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton("Copy")
        self.copy_button.setToolTip("Copy the whole report as text")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(760, 420)
        self._connect_signals(buttons)

    def _connect_signals(self, buttons: QDialogButtonBox) -> None:
        self.copy_button.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)

    @staticmethod
    def _summary_text(report: ImportReport) -> str:
        failed = len(report.failed)
        text = (f"Imported {report.articles} articles with {report.quotes} quotes. "
                f"Duplicates skipped: {report.duplicates}. Files failed: {failed}.")
        return text + (" The import was cancelled." if report.cancelled else "")

    @Slot()
    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report.as_text())
