"""Flags shared by the read-only flat lists (quotes, statements, heat-map cells)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

READ_ONLY_ROW = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                 | Qt.ItemFlag.ItemNeverHasChildren)


def read_only_flags(index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
    """Selectable, never editable, never a parent: what a flat list model answers in flags()."""
    return READ_ONLY_ROW if index.isValid() else Qt.ItemFlag.NoItemFlags
