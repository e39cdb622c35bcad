"""Managing tags: create, rename, recolour, merge and delete, each one undoable.

Delete asks first, naming how many quotes carry the tag. Every change is a command pushed on
the QUndoStack the window passes, so Ctrl+Z in the window undoes it too.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QColor, QUndoStack
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.store_hub import StoreHub
from gui.tag_commands import (
    CreateTagCommand,
    DeleteTagCommand,
    MergeTagsCommand,
    RecolourTagCommand,
    RenameTagCommand,
)
from gui.tag_model import TagListModel


def confirm_delete_text(name: str, count: int) -> str:
    if not count:
        return f"Delete the tag “{name}”? No quote carries it."
    return (f"Delete the tag “{name}”? It is on {count:,} quote{'s' if count != 1 else ''}; "
            "they keep everything else. You can undo this.")


class TagManagerDialog(QDialog):
    def __init__(self, hub: StoreHub, stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Tags")
        self._hub, self._stack = hub, stack
        self.model = TagListModel(hub, self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.new_button = QPushButton("&New…", self)
        self.rename_button = QPushButton("&Rename…", self)
        self.colour_button = QPushButton("&Colour…", self)
        self.merge_button = QPushButton("&Merge into…", self)
        self.delete_button = QPushButton("&Delete…", self)
        buttons = QVBoxLayout()
        for b in (self.new_button, self.rename_button, self.colour_button, self.merge_button,
                  self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.view, 1)
        row.addLayout(buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self._connect_signals()
        self.model.reload()
        self._update_buttons()

    def _connect_signals(self) -> None:
        self.new_button.clicked.connect(self.create_tag)
        self.rename_button.clicked.connect(self.rename_tag)
        self.colour_button.clicked.connect(self.recolour_tag)
        self.merge_button.clicked.connect(self.merge_tag)
        self.delete_button.clicked.connect(self.delete_tag)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self._hub.store_changed.connect(self._on_store_changed)

    def _report(self, message: str) -> None:
        self.message.setText(message)

    def _selected(self):  # type: ignore[no-untyped-def]
        index = self.view.currentIndex()
        return self.model.tag_at(index.row()) if index.isValid() else None

    def select_tag(self, tag_id: int) -> None:
        row = self.model.row_of(tag_id)
        if row is not None:
            self.view.setCurrentIndex(self.model.index(row))

    def _push(self, command) -> None:  # type: ignore[no-untyped-def]
        self.message.clear()
        self._stack.push(command)

    @Slot()
    def _update_buttons(self) -> None:
        has = self._selected() is not None
        for b in (self.rename_button, self.colour_button, self.merge_button, self.delete_button):
            b.setEnabled(has)
        self.merge_button.setEnabled(has and self.model.rowCount() > 1)

    @Slot()
    def _on_store_changed(self) -> None:
        current = self._selected()
        self.model.reload()
        if current is not None:
            self.select_tag(current.id)
        self._update_buttons()

    @Slot()
    def create_tag(self) -> None:
        name, ok = QInputDialog.getText(self, "New tag", "Name:")
        if ok and name.strip():
            self._push(CreateTagCommand(self._hub, name, report=self._report))

    @Slot()
    def rename_tag(self) -> None:
        tag = self._selected()
        if tag is None:
            return
        name, ok = QInputDialog.getText(self, "Rename tag", "New name:", text=tag.name)
        if ok and name.strip() and name.strip() != tag.name:
            self._push(RenameTagCommand(self._hub, tag.id, name, report=self._report))

    @Slot()
    def recolour_tag(self) -> None:
        tag = self._selected()
        if tag is None:
            return
        colour = QColorDialog.getColor(QColor(tag.colour or "#888888"), self, "Tag colour")
        if colour.isValid():
            self._push(RecolourTagCommand(self._hub, tag.id, colour.name(), report=self._report))

    @Slot()
    def merge_tag(self) -> None:
        tag = self._selected()
        if tag is None:
            return
        others = [self.model.tag_at(r) for r in range(self.model.rowCount())]
        names = [t.name for t in others if t.id != tag.id]
        target, ok = QInputDialog.getItem(
            self, "Merge tag", f"Move every quote of “{tag.name}” to:", names, 0, False
        )
        chosen = next((t for t in others if t.name == target and t.id != tag.id), None)
        if ok and chosen is not None:
            label = f"Merge “{tag.name}” into “{chosen.name}”"
            self._push(MergeTagsCommand(self._hub, tag.id, chosen.id, label, self._report))

    @Slot()
    def delete_tag(self) -> None:
        from model.tags import tag_usage

        tag = self._selected()
        if tag is None:
            return
        count = self._hub.read(tag_usage, tag.id)
        answer = QMessageBox.question(self, "Delete tag", confirm_delete_text(tag.name, count))
        if answer == QMessageBox.StandardButton.Yes:
            self._push(DeleteTagCommand(self._hub, tag.id, tag.name, self._report))
