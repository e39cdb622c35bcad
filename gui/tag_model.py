"""The store's tags as a list model: name, colour swatch, and how many quotes carry each."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from gui.store_hub import StoreHub

TAG_ID_ROLE = Qt.ItemDataRole.UserRole + 1
TAG_NAME_ROLE = Qt.ItemDataRole.UserRole + 2
TAG_COUNT_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class TagListModel(QAbstractListModel):
    """Holds frozen TagInfo rows (tags are few), re-read on `reload()`."""

    def __init__(self, hub: StoreHub, parent: Any = None) -> None:
        super().__init__(parent)
        self._hub = hub
        self._rows: list[Any] = []

    def reload(self) -> None:
        from model.tags import list_tags

        self.beginResetModel()
        self._rows = self._hub.read(list_tags) if self._hub.is_open else []
        self.endResetModel()

    def tag_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, tag_id: int) -> int | None:
        return next((i for i, t in enumerate(self._rows) if t.id == tag_id), None)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        tag = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{tag.name}  ({tag.count:,})"
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(tag.colour or "#888888")
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{tag.name}: on {tag.count:,} quote{'s' if tag.count != 1 else ''}"
        if role == TAG_ID_ROLE:
            return tag.id
        if role == TAG_NAME_ROLE:
            return tag.name
        if role == TAG_COUNT_ROLE:
            return tag.count
        return None
