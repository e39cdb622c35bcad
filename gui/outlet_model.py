"""The outlet list as a lazy tree: outlets with article counts, then their articles by date.

Articles are fetched a page at a time when the view asks (canFetchMore/fetchMore), so an outlet
with 100,000 articles expands at once. Indexes carry a number: 0 for an outlet, outlet row + 1
for an article, so `parent()` needs no lookup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QGuiApplication

from gui.theme import muted

if TYPE_CHECKING:
    from gui.store_hub import StoreHub
    from model.library import ArticleHeader, OutletRow

PAGE = 500
OUTLET_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
IS_OUTLET_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root, as a shared default argument


def format_date(header: ArticleHeader) -> str:
    return header.published.strftime("%d %b %Y") if header.published else "undated"


class OutletTreeModel(QAbstractItemModel):
    def __init__(self, hub: StoreHub, parent: Any = None) -> None:
        super().__init__(parent)
        self._hub = hub
        self._outlets: list[OutletRow] = []
        self._articles: list[list[ArticleHeader]] = []

    def reload(self) -> None:
        from model.library import outlets_with_counts

        self.beginResetModel()
        self._outlets = self._hub.read(outlets_with_counts) if self._hub.is_open else []
        self._articles = [[] for _ in self._outlets]
        self.endResetModel()

    def outlet_row_of(self, outlet_id: int) -> int | None:
        for row, outlet in enumerate(self._outlets):
            if outlet.id == outlet_id:
                return row
        return None

    def outlet(self, index: Index) -> OutletRow | None:
        if index.isValid() and index.internalId() == 0:
            return self._outlets[index.row()]
        return None

    def article_index(self, outlet_id: int, article_id: int, max_pages: int = 4) -> QModelIndex:
        """The article's index, fetching a few pages of its outlet until it is found (or not)."""
        row = self.outlet_row_of(outlet_id)
        if row is None:
            return QModelIndex()
        parent = self.index(row, 0)
        start = 0
        while True:
            loaded = self._articles[row]
            for i in range(start, len(loaded)):
                if loaded[i].id == article_id:
                    return self.index(i, 0, parent)
            if not self.canFetchMore(parent) or len(loaded) >= max_pages * PAGE:
                return QModelIndex()
            start = len(loaded)
            self.fetchMore(parent)

    # --- Qt model interface -------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self._outlets)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._articles[parent.row()])
        return 0

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 2

    def hasChildren(self, parent: Index = _ROOT) -> bool:
        if not parent.isValid():
            return bool(self._outlets)
        if parent.internalId() == 0 and parent.column() == 0:
            return self._outlets[parent.row()].article_count > 0
        return False

    def canFetchMore(self, parent: Index) -> bool:
        if not parent.isValid() or parent.internalId() != 0 or parent.column() != 0:
            return False
        row = parent.row()
        return len(self._articles[row]) < self._outlets[row].article_count

    def fetchMore(self, parent: Index) -> None:
        from model.library import article_headers

        if not self.canFetchMore(parent):
            return
        row = parent.row()
        loaded = self._articles[row]
        page = self._hub.read(article_headers, self._outlets[row].id, len(loaded), PAGE)
        if not page:  # the store shrank under us: stop asking
            self._outlets[row] = type(self._outlets[row])(
                self._outlets[row].id, self._outlets[row].name, self._outlets[row].colour,
                len(loaded),
            )
            return
        self.beginInsertRows(parent, len(loaded), len(loaded) + len(page) - 1)
        loaded.extend(page)
        self.endInsertRows()

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return ("Outlet / article", "Articles / date")[section] if 0 <= section < 2 else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        col = index.column()
        if index.internalId() == 0:
            outlet = self._outlets[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return outlet.name if col == 0 else f"{outlet.article_count:,}"
            if role == Qt.ItemDataRole.ToolTipRole:
                n = outlet.article_count
                return f"{outlet.name}: {n:,} article{'s' if n != 1 else ''}"
            if role == Qt.ItemDataRole.DecorationRole and col == 0:
                return QColor(outlet.colour or "#888888")
            if role == OUTLET_ID_ROLE:
                return outlet.id
            if role == IS_OUTLET_ROLE:
                return True
        else:
            outlet_row = index.internalId() - 1
            article = self._articles[outlet_row][index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return (article.title or "(untitled)") if col == 0 else format_date(article)
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{article.title or '(untitled)'}\n{format_date(article)}"
            if role == ARTICLE_ID_ROLE:
                return article.id
            if role == OUTLET_ID_ROLE:
                return self._outlets[outlet_row].id
            if role == IS_OUTLET_ROLE:
                return False
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == 1:
            return muted(QGuiApplication.palette())
        return None
