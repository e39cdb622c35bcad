"""The left pane: outlets and their articles.

Signals:
    outlet_chosen(int): an outlet row was selected (outlet id).
    article_chosen(int, int): an article was selected (article id, outlet id).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from gui.outlet_model import ARTICLE_ID_ROLE, IS_OUTLET_ROLE, OUTLET_ID_ROLE, OutletTreeModel
from gui.store_hub import StoreHub


class OutletPane(QWidget):
    outlet_chosen = Signal(int)
    article_chosen = Signal(int, int)

    def __init__(self, hub: StoreHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = OutletTreeModel(hub, self)
        self.title = QLabel("Outlets")
        self.title.setObjectName("paneTitle")
        self.view = QTreeView()
        self.view.setObjectName("outletTree")
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setHeaderHidden(True)
        self.view.setAllColumnsShowFocus(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # A fixed date column: ResizeToContents would measure every loaded row.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, self.view.fontMetrics().horizontalAdvance("00 Mmm 0000") + 16)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.view)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.view.selectionModel().selectionChanged.connect(self._on_selection)

    def reload(self) -> None:
        self.model.reload()

    def select_article(self, outlet_id: int, article_id: int) -> None:
        """Shows the article as selected in the tree, without emitting a new choice."""
        index = self.model.article_index(outlet_id, article_id)
        if not index.isValid():
            return
        self.view.expand(index.parent())
        self.blockSignals(True)
        try:
            self.view.setCurrentIndex(index)
        finally:
            self.blockSignals(False)
        self.view.scrollTo(index)

    @Slot(QItemSelection, QItemSelection)
    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        index: QModelIndex = indexes[0]
        if index.data(IS_OUTLET_ROLE):
            self.outlet_chosen.emit(index.data(OUTLET_ID_ROLE))
        else:
            self.article_chosen.emit(index.data(ARTICLE_ID_ROLE), index.data(OUTLET_ID_ROLE))
