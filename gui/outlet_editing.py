"""Renaming (F2) and merging outlets from the outlet list.

Importers name outlets from whatever the source says ("nytimes.com", "The New York Times"), so
users need to fold two names for one outlet into one. F2 in the outlet list renames; a name that
another outlet already has offers to merge the two. The window-wide F2 (change speaker) still
works elsewhere: the list claims F2 only while it has focus.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Slot
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from gui.icons import tag_action
from gui.outlet_model import IS_OUTLET_ROLE

if TYPE_CHECKING:
    from gui.main_window import MainWindow


class OutletEditor(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._view = window.outlets.view
        self.rename_action = QAction("&Rename outlet…", window)
        self.rename_action.setStatusTip("Rename the chosen outlet (F2 in the outlet list)")
        tag_action(self.rename_action, "rename")
        self.merge_action = QAction("&Merge outlet into…", window)
        self.merge_action.setStatusTip("Move the chosen outlet's articles into another outlet")
        tag_action(self.merge_action, "merge")
        self.rename_action.triggered.connect(self.rename_current)
        self.merge_action.triggered.connect(self.merge_current)
        self._view.installEventFilter(self)
        self._view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._view.customContextMenuRequested.connect(self._on_context_menu)
        window.add_menu_action("Edit", self.rename_action)
        window.add_menu_action("Edit", self.merge_action)

    def current_outlet(self) -> tuple[int, str] | None:
        index = self._view.currentIndex()
        if not index.isValid():
            return None
        if not index.data(IS_OUTLET_ROLE):
            index = index.parent()
        outlet = self._window.outlets.model.outlet(index.siblingAtColumn(0))
        return (outlet.id, outlet.name) if outlet is not None else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_F2 and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    self.rename_current()
                return True
        return False

    @Slot(QPoint)
    def _on_context_menu(self, pos: QPoint) -> None:
        if self.current_outlet() is None:
            return
        menu = QMenu(self._view)
        menu.addAction(self.rename_action)
        menu.addAction(self.merge_action)
        menu.exec(self._view.viewport().mapToGlobal(pos))

    @Slot()
    def rename_current(self) -> None:
        from model.outlets import OutletError, OutletNameTaken, rename_outlet

        current = self.current_outlet()
        if current is None:
            self._window.show_status("Choose an outlet in the list first.")
            return
        outlet_id, name = current
        new_name, ok = QInputDialog.getText(self._window, "Rename outlet", "New name:", text=name)
        new_name = new_name.strip()
        if not ok or not new_name or new_name == name:
            return
        try:
            self._window.hub.write(rename_outlet, outlet_id, new_name)
        except OutletNameTaken:
            answer = QMessageBox.question(
                self._window, "Merge outlets",
                f"An outlet named “{new_name}” exists already. Move the articles of “{name}” "
                f"into it?",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            self._window.hub.write(
                lambda s: rename_outlet(s, outlet_id, new_name, merge=True)
            )
        except OutletError as exc:
            QMessageBox.warning(self._window, "Rename outlet", str(exc))
            return
        self._window.hub.articles_changed.emit()
        self._window.show_status(f"Renamed “{name}” to “{new_name}”.")

    @Slot()
    def merge_current(self) -> None:
        from model.library import outlets_with_counts
        from model.outlets import merge_outlets

        current = self.current_outlet()
        if current is None:
            self._window.show_status("Choose an outlet in the list first.")
            return
        source_id, name = current
        others = [o for o in self._window.hub.read(outlets_with_counts) if o.id != source_id]
        if not others:
            self._window.show_status("There is no other outlet to merge into.")
            return
        labels = [o.name for o in others]
        choice, ok = QInputDialog.getItem(
            self._window, "Merge outlet", f"Move the articles of “{name}” into:", labels, 0, False
        )
        if not ok:
            return
        target = others[labels.index(choice)]
        moved = self._window.hub.write(merge_outlets, source_id, target.id)
        self._window.hub.articles_changed.emit()
        self._window.show_status(f"Moved {moved} article(s) from “{name}” into “{target.name}”.")


def install_outlet_editing(window: MainWindow) -> OutletEditor:
    return OutletEditor(window)
