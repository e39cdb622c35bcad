"""The quote sidebar's rows: a list of quote ids, whose rows are fetched by page when shown.

Only ids are held for the whole list (8 bytes a quote), and rows are read from the store 200 at
a time in one query when the view first paints them, so a list of the whole store (a million
quotes) opens and scrolls without reading it all.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from gui.item_flags import read_only_flags

if TYPE_CHECKING:
    from gui.store_hub import StoreHub
    from model.library import QuoteRow

PAGE = 200
MAX_PAGES = 50  # rows cached at most: 10,000
QUOTE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
QUOTE_ROW_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root, as a shared default argument


class QuoteListModel(QAbstractListModel):
    def __init__(self, hub: StoreHub, parent: Any = None) -> None:
        super().__init__(parent)
        self._hub = hub
        self._ids: list[int] = []
        self._rows_of: dict[int, int] | None = None
        self._pages: OrderedDict[int, dict[int, QuoteRow]] = OrderedDict()

    def set_ids(self, ids: Sequence[int]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._rows_of = None
        self._pages.clear()
        self.endResetModel()

    def ids(self) -> list[int]:
        return list(self._ids)

    def ids_of_rows(self, first: int, last: int) -> list[int]:
        """The ids of rows first..last (inclusive), without copying the whole list."""
        return self._ids[max(first, 0) : last + 1]

    def invalidate(self) -> None:
        """Forgets cached rows (speakers or tags changed) and repaints what is visible."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1))

    def remove_ids(self, ids: tuple[int, ...] | list[int]) -> None:
        """Drops rows in place (a deleted quote), without re-reading the list."""
        rows = sorted({r for r in (self.row_of(q) for q in ids) if r is not None}, reverse=True)
        if not rows:
            return
        for row in rows:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._ids[row]
            self.endRemoveRows()
        self._rows_of = None
        self._pages.clear()  # pages are cut by row number, which just shifted

    def row_of(self, quote_id: int) -> int | None:
        if self._rows_of is None:
            self._rows_of = {qid: row for row, qid in enumerate(self._ids)}
        return self._rows_of.get(quote_id)

    def quote_row(self, row: int) -> QuoteRow | None:
        if not 0 <= row < len(self._ids):
            return None
        page_no = row // PAGE
        page = self._pages.get(page_no)
        if page is None:
            page = self._load_page(page_no)
        else:
            self._pages.move_to_end(page_no)
        return page.get(self._ids[row])

    def _load_page(self, page_no: int) -> dict[int, QuoteRow]:
        from model.library import quote_rows

        ids = self._ids[page_no * PAGE : (page_no + 1) * PAGE]
        page = {r.id: r for r in self._hub.read(quote_rows, ids)} if self._hub.is_open else {}
        self._pages[page_no] = page
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return page

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return read_only_flags(index)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == QUOTE_ID_ROLE:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, QUOTE_ROW_ROLE):
            return None
        row = self.quote_row(index.row())
        if row is None:  # removed since the list was made
            return "(quote no longer in the store)" if role == Qt.ItemDataRole.DisplayRole else None
        if role == QUOTE_ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return row.text
        who = row.speaker or "Speaker unknown"
        tip = f"“{row.text}”\n— {who}\n{row.outlet}: {row.article_title}"
        return f"{tip}\n\nNote: {row.note}" if row.note else tip
