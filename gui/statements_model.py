"""The statements list: rows fetched a page at a time as the view scrolls to them.

A store of a million quotes may hold a hundred thousand shared statements; the model asks the
store for their count and then for 100 rows at a time (canFetchMore/fetchMore), holding only
frozen `StatementSummary` records.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from gui.item_flags import read_only_flags

if TYPE_CHECKING:
    from gui.store_hub import StoreHub
    from model.statements import StatementSummary

PAGE = 100
STATEMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def summary_line(s: StatementSummary) -> str:
    text = s.text if len(s.text) <= 140 else s.text[:139] + "…"
    who = s.speaker or "Speaker unknown"
    disputed = " (disputed)" if s.disputed else ""
    return f"“{text}”\n{who}{disputed} · {s.outlet_count} outlets"


class StatementListModel(QAbstractListModel):
    def __init__(self, hub: StoreHub, parent: Any = None) -> None:
        super().__init__(parent)
        self._hub = hub
        self._rows: list[StatementSummary] = []
        self._total = 0
        self._min_outlets = 2
        self._speaker_id: int | None = None

    @property
    def min_outlets(self) -> int:
        return self._min_outlets

    def set_filter(self, *, min_outlets: int = 2, speaker_id: int | None = None) -> None:
        self._min_outlets = max(1, min_outlets)
        self._speaker_id = speaker_id
        self.reload()

    def reload(self) -> None:
        """Starts again from the store (after grouping, or a filter change)."""
        from model.statements import count_statements

        self.beginResetModel()
        self._rows = []
        self._total = 0
        if self._hub.is_open:
            self._total = self._hub.read(
                lambda s: count_statements(
                    s, min_outlets=self._min_outlets, speaker_id=self._speaker_id
                )
            )
        self.endResetModel()
        self.fetchMore(_ROOT)  # the first page at once, so a selection can be made before paint

    @property
    def total(self) -> int:
        return self._total

    def summary(self, row: int) -> StatementSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def loaded_row_of(self, statement_id: int) -> int | None:
        """The row of a statement among those fetched so far (never fetches: lists are long)."""
        return next((i for i, s in enumerate(self._rows) if s.id == statement_id), None)

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = _ROOT) -> None:
        from model.statements import list_statements

        if parent.isValid() or not self._hub.is_open:
            return
        page = self._hub.read(
            lambda s: list_statements(
                s, min_outlets=self._min_outlets, speaker_id=self._speaker_id,
                offset=len(self._rows), limit=PAGE,
            )
        )
        if not page:  # the store shrank since counting
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(_ROOT, first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return read_only_flags(index)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return summary_line(s)
        if role == Qt.ItemDataRole.ToolTipRole:
            return ", ".join(s.outlets)
        if role == STATEMENT_ID_ROLE:
            return s.id
        if role == SUMMARY_ROLE:
            return s
        return None
