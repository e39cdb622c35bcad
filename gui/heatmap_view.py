"""The speakers × outlets heat map: which outlet quotes whom, and how often.

Cells are shaded from the base colour towards the palette's highlight by their heat, with the
count drawn in whichever of the two text colours reads better on that shade, so the grid works
in light and dark schemes. Clicking a cell asks for that cell's quotes.

Signals:
    cell_activated(list): the ids of the quotes behind a clicked cell (speaker, outlet).
    cell_chosen(int, int): the speaker id and outlet id of a clicked cell.
    grid_loaded(): new counts are shown (they are read in a QRunnable).
    status_message(str): a line for the status bar when counting failed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QPainter, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.heatmap_model import HEAT_ROLE, HeatMapModel

if TYPE_CHECKING:
    from gui.store_hub import StoreHub
    from model.db import Store
    from model.statements import HeatGrid


def blend(a: QColor, b: QColor, t: float) -> QColor:
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


class HeatDelegate(QStyledItemDelegate):
    """Paints a cell's heat as its background, and its count readable on top."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        heat = float(index.data(HEAT_ROLE) or 0.0)
        pal = option.palette  # type: ignore[attr-defined]
        base = pal.color(QPalette.ColorRole.Base)
        hot = pal.color(QPalette.ColorRole.Highlight)
        fill = blend(base, hot, 0.15 + 0.85 * heat) if heat else base
        rect = option.rect  # type: ignore[attr-defined]
        painter.save()
        painter.fillRect(rect, fill)
        if option.state & QStyle.StateFlag.State_HasFocus:  # type: ignore[attr-defined]
            painter.setPen(pal.color(QPalette.ColorRole.Text))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if text:
            ink = QColor("#000000") if fill.lightnessF() > 0.55 else QColor("#ffffff")
            painter.setPen(ink)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(text))
        painter.restore()


class _GridSignals(QObject):
    loaded = Signal(int, object)  # generation, HeatGrid
    failed = Signal(int, str)


class _GridJob(QRunnable):
    """Counts quotes per speaker and outlet with its own session."""

    def __init__(self, store: Store, generation: int) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the view keeps it until its signal has arrived
        self.store = store
        self.generation = generation
        self.signals = _GridSignals()

    def run(self) -> None:
        from model.statements import speaker_outlet_counts

        try:
            with self.store.sessions() as session:
                grid = speaker_outlet_counts(session)
        except Exception as exc:  # reported in the window, never a crash
            self.signals.failed.emit(self.generation, f"Counting quotes failed: {exc}")
            return
        self.signals.loaded.emit(self.generation, grid)


class HeatMapView(QWidget):
    cell_activated = Signal(list)
    cell_chosen = Signal(int, int)
    grid_loaded = Signal()
    status_message = Signal(str)

    def __init__(self, hub: StoreHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hub = hub
        # What the last clicked cell holds, for the quote list's status line.
        self.current_label = ""
        self._stale = True
        self._generation = 0
        self._jobs: dict[int, _GridJob] = {}
        self.model = HeatMapModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setItemDelegate(HeatDelegate(self.table))
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectItems)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.table.clicked.connect(self._on_clicked)
        self.table.activated.connect(self._on_clicked)
        for signal in (self._hub.store_opened, self._hub.store_changed,
                       self._hub.articles_changed):
            signal.connect(self._on_store_changed)

    @Slot()
    def populate(self) -> None:
        """Reads the grid again off the GUI thread (a million quotes take seconds to count)."""
        if not self._hub.is_open:
            return
        self._stale = False
        self._generation += 1
        job = _GridJob(self._hub.store, self._generation)
        job.signals.loaded.connect(self._on_loaded)
        job.signals.failed.connect(self._on_failed)
        self._jobs[self._generation] = job
        QThreadPool.globalInstance().start(job)

    @Slot(int, object)
    def _on_loaded(self, generation: int, grid: HeatGrid) -> None:
        self._jobs.pop(generation, None)
        if generation == self._generation:  # an older read that finished late is dropped
            self.model.set_grid(grid)
            self.grid_loaded.emit()

    @Slot(int, str)
    def _on_failed(self, generation: int, message: str) -> None:
        self._jobs.pop(generation, None)
        self.status_message.emit(message)

    @Slot()
    def _on_store_changed(self) -> None:
        """Counts change with every correction; a hidden grid is read when next shown."""
        self._stale = True
        if self.isVisible():
            self.populate()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.populate()

    def activate_cell(self, row: int, column: int) -> list[int]:
        """The quotes of a cell, announced as if it were clicked."""
        from model.statements import quotes_for_cell

        cell = self.model.cell(row, column)
        if cell is None:
            return []
        speaker_id, outlet_id, n = cell
        ids = self._hub.read(quotes_for_cell, speaker_id, outlet_id)
        speaker = self.model.headerData(row, Qt.Orientation.Vertical)
        outlet = self.model.headerData(column, Qt.Orientation.Horizontal)
        self.current_label = f"{outlet} quoting {speaker}: {n} quote{'s' if n != 1 else ''}"
        self.cell_chosen.emit(speaker_id, outlet_id)
        self.cell_activated.emit(ids)
        return ids

    @Slot(QModelIndex)
    def _on_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.activate_cell(index.row(), index.column())
