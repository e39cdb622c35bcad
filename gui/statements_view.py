"""The Statements view: statements carried by several outlets, and how each outlet worded one.

A list of statements (most widely carried first, fetched as it scrolls) beside a detail pane
(`StatementDetailPane`). Quotes that no grouping has seen yet (an import before statements
existed) are grouped in the background when the view populates; "Regroup all" starts over.

Signals:
    quote_activated(int): a version was clicked; open its article at that quote.
    grouping_finished(int): a background grouping ended; how many quotes it grouped.
    status_message(str): a line for the window's status bar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QThreadPool, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from gui.statements_detail import StatementDetailPane
from gui.statements_job import GroupingJob
from gui.statements_model import STATEMENT_ID_ROLE, StatementListModel

if TYPE_CHECKING:
    from gui.store_hub import StoreHub


class StatementsView(QWidget):
    quote_activated = Signal(int)
    grouping_finished = Signal(int)
    status_message = Signal(str)

    def __init__(self, hub: StoreHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hub = hub
        self._job: GroupingJob | None = None
        self._again = False
        self._pending = False
        self._statement_id: int | None = None

        self.model = StatementListModel(hub, self)
        self.min_outlets = QSpinBox(self)
        self.min_outlets.setRange(1, 99)
        self.min_outlets.setValue(2)
        self.min_outlets.setToolTip("Only statements carried by at least this many outlets")
        self.count_label = QLabel(self)
        self.regroup_button = QPushButton("Regroup all", self)
        self.regroup_button.setToolTip("Group every quote again (after many corrections)")
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.hide()
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(160)
        self.progress.hide()

        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(3)
        self.detail = StatementDetailPane(self)

        bar = QHBoxLayout()
        bar.addWidget(QLabel("Carried by at least", self))
        bar.addWidget(self.min_outlets)
        bar.addWidget(QLabel("outlets", self))
        bar.addWidget(self.count_label, 1)
        bar.addWidget(self.progress)
        bar.addWidget(self.cancel_button)
        bar.addWidget(self.regroup_button)
        split = QSplitter(self)
        split.addWidget(self.list)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.min_outlets.valueChanged.connect(self._on_min_outlets)
        self.list.selectionModel().currentChanged.connect(self._on_current)
        self.detail.quote_activated.connect(self.quote_activated)
        self.regroup_button.clicked.connect(self.regroup_all)
        self.cancel_button.clicked.connect(self.cancel_grouping)
        self.model.modelReset.connect(self._update_count)
        self._hub.store_changed.connect(self.refresh_detail)
        self._hub.store_opened.connect(self.populate)
        self._hub.articles_changed.connect(self.populate)

    # -- public API for the window ---------------------------------------------------------

    @Slot()
    def populate(self) -> None:
        """Lists the statements, and groups in the background any quotes not grouped yet.

        Grouping waits until the view is shown: on a large store it is minutes of work that
        would compete with the reader for the interpreter while nobody looks at statements.
        """
        if not self._hub.is_open:
            return
        self.model.reload()
        if self.isVisible():
            self._start(everything=False)
        else:
            self._pending = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending:
            self._pending = False
            self._start(everything=False)

    def show_statement(self, statement_id: int) -> bool:
        """Shows a statement in the detail pane and selects it in the list if it is listed."""
        from model.statements import statement_detail

        detail = self._hub.read(statement_detail, statement_id)
        if detail is None:
            return False
        self._statement_id = statement_id
        self.detail.show_detail(detail)
        row = self.model.loaded_row_of(statement_id)
        sel = self.list.selectionModel()
        if row is None:
            sel.clearSelection()
        else:
            index = self.model.index(row)
            sel.blockSignals(True)
            sel.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            sel.blockSignals(False)
            self.list.scrollTo(index)
        return True

    def show_statement_for_quote(self, quote_id: int) -> bool:
        """"Show in other outlets": the statement of a quote, grouping the quote first if needed.

        False (with a status message) if the quote is deleted or unknown.
        """
        from model.statements import ensure_statement_of_quote, statement_of_quote

        if not self._hub.is_open:
            return False
        sid = self._hub.read(statement_of_quote, quote_id)
        if sid is None:
            sid = self._hub.write(ensure_statement_of_quote, quote_id)
        if sid is None or not self.show_statement(sid):
            self.status_message.emit("This quote is not part of any statement.")
            return False
        return True

    @property
    def current_statement_id(self) -> int | None:
        return self._statement_id

    @Slot()
    def refresh_detail(self) -> None:
        """Re-reads the shown statement (a quote was corrected or deleted)."""
        if self._statement_id is not None and self._hub.is_open:
            from model.statements import statement_detail

            self.detail.show_detail(self._hub.read(statement_detail, self._statement_id))

    @Slot()
    def regroup_all(self) -> None:
        self._start(everything=True)

    @Slot()
    def cancel_grouping(self) -> None:
        if self._job is not None:
            self._job.cancel()

    @property
    def grouping(self) -> bool:
        return self._job is not None

    # -- internals -------------------------------------------------------------------------

    def _start(self, *, everything: bool) -> None:
        if self._job is not None:
            self._again = True  # an import arrived meanwhile: group its quotes afterwards
            return
        if not self._hub.is_open:
            return
        job = GroupingJob(self._hub.store, everything=everything)
        job.signals.progressed.connect(self._on_progress)
        job.signals.finished.connect(self._on_finished)
        job.signals.failed.connect(self._on_failed)
        self._job = job
        self.regroup_button.setEnabled(False)
        self.cancel_button.show()
        QThreadPool.globalInstance().start(job)

    def _stop(self) -> None:
        self._job = None
        self.progress.hide()
        self.cancel_button.hide()
        self.regroup_button.setEnabled(True)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress.show()
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    @Slot(int)
    def _on_finished(self, done: int) -> None:
        self._stop()
        if done:
            self.model.reload()
            self.refresh_detail()
            self.status_message.emit(f"Grouped {done:,} quotes into statements.")
        self.grouping_finished.emit(done)
        if self._again:
            self._again = False
            self._start(everything=False)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._stop()
        self.status_message.emit(message)
        self.grouping_finished.emit(0)

    @Slot(int)
    def _on_min_outlets(self, value: int) -> None:
        self.model.set_filter(min_outlets=value)

    @Slot()
    def _update_count(self) -> None:
        n = self.model.total
        self.count_label.setText(f"{n:,} statement{'s' if n != 1 else ''}")

    @Slot(QModelIndex, QModelIndex)
    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        sid = current.data(STATEMENT_ID_ROLE) if current.isValid() else None
        if sid is not None:
            self.show_statement(sid)
