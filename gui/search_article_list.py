"""The articles the search bar found by their text, as a list to pick from.

Signals:
    article_activated(int): the user clicked (or pressed Enter on) an article.

Holds only ids; titles and outlets are read a page at a time as rows come into view.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QListView, QVBoxLayout, QWidget

from gui.store_hub import StoreHub

ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE = 200

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class ArticleHitModel(QAbstractListModel):
    def __init__(self, hub: StoreHub, parent: Any = None) -> None:
        super().__init__(parent)
        self._hub = hub
        self._ids: list[int] = []
        self._pages: dict[int, dict[int, Any]] = {}

    def set_ids(self, ids: Sequence[int]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._pages.clear()
        self.endResetModel()

    def _hit(self, row: int) -> Any:
        from model.search.articles import article_hits

        page_no = row // PAGE
        page = self._pages.get(page_no)
        if page is None:
            ids = self._ids[page_no * PAGE : (page_no + 1) * PAGE]
            page = {h.id: h for h in self._hub.read(article_hits, ids)}
            self._pages[page_no] = page
        return page.get(self._ids[row])

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ARTICLE_ID_ROLE:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        hit = self._hit(index.row())
        if hit is None:
            return "(article no longer in the store)"
        date = f"{hit.published:%Y-%m-%d} · " if hit.published else ""
        return f"{hit.title or 'Untitled'}\n{date}{hit.outlet}"


class ArticleResultsList(QWidget):
    article_activated = Signal(int)

    def __init__(self, hub: StoreHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ArticleHitModel(hub, self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)
        self.view.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.view.activated.connect(self._on_activated)
        self.view.clicked.connect(self._on_activated)

    def show_ids(self, ids: Sequence[int]) -> None:
        self.model.set_ids(ids)

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        article_id = index.data(ARTICLE_ID_ROLE)
        if article_id is not None:
            self.article_activated.emit(int(article_id))
