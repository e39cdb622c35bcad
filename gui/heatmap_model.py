"""Speakers × outlets: how many quotes each outlet printed from each speaker.

The grid is small by construction (the 60 most quoted speakers by the store's outlets), so it is
read in one query and held as a frozen `HeatGrid`; cells give their count and their heat (0-1).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from gui.item_flags import read_only_flags

if TYPE_CHECKING:
    from model.statements import HeatGrid

HEAT_ROLE = Qt.ItemDataRole.UserRole + 1
SPEAKER_ID_ROLE = Qt.ItemDataRole.UserRole + 2
OUTLET_ID_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class HeatMapModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._grid: HeatGrid | None = None

    def set_grid(self, grid: HeatGrid | None) -> None:
        self.beginResetModel()
        self._grid = grid
        self.endResetModel()

    @property
    def grid(self) -> HeatGrid | None:
        return self._grid

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() or self._grid is None else len(self._grid.speakers)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() or self._grid is None else len(self._grid.outlets)

    def cell(self, row: int, column: int) -> tuple[int, int, int] | None:
        """(speaker id, outlet id, count) of a cell."""
        g = self._grid
        if g is None or not (0 <= row < len(g.speakers) and 0 <= column < len(g.outlets)):
            return None
        sid, oid = g.speakers[row][0], g.outlets[column][0]
        return sid, oid, g.count(sid, oid)

    def heat(self, count: int) -> float:
        """0-1 on a square-root scale, so one prolific pair does not wash out the rest."""
        top = self._grid.maximum if self._grid else 0
        return math.sqrt(count / top) if top and count else 0.0

    def flags(self, index: Index) -> Qt.ItemFlag:
        return read_only_flags(index)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cell = self.cell(index.row(), index.column())
        if cell is None:
            return None
        sid, oid, n = cell
        if role == Qt.ItemDataRole.DisplayRole:
            return str(n) if n else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            assert self._grid is not None
            speaker = self._grid.speakers[index.row()][1]
            outlet = self._grid.outlets[index.column()][1]
            return f"{outlet} quoted {speaker} {n} time{'s' if n != 1 else ''}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == HEAT_ROLE:
            return self.heat(n)
        if role == SPEAKER_ID_ROLE:
            return sid
        if role == OUTLET_ID_ROLE:
            return oid
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or self._grid is None:
            return None
        vertical = orientation == Qt.Orientation.Vertical
        names = self._grid.speakers if vertical else self._grid.outlets
        return names[section][1] if 0 <= section < len(names) else None
