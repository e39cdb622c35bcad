"""Ctrl+F within the shown article: a bar under the text that finds forwards and backwards.

Signals:
    closed(): the bar was dismissed (Esc or its close button); focus goes back to the text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QToolButton, QWidget

from gui import icons

MAX_COUNTED = 999


class FindBar(QWidget):
    closed = Signal()

    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self._editor = editor
        self.field = QLineEdit()
        self.field.setPlaceholderText("Find in article")
        self.field.setClearButtonEnabled(True)
        self.status = QLabel("")
        self.status.setObjectName("mutedLabel")
        self.previous_button = QToolButton(text="Previous", toolTip="Previous match (Shift+Enter)")
        self.next_button = QToolButton(text="Next", toolTip="Next match (Enter)")
        self.close_button = QToolButton(text="Close", toolTip="Close (Esc)")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.status)
        for button in (self.previous_button, self.next_button, self.close_button):
            button.setAutoRaise(True)
            layout.addWidget(button)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.field.textChanged.connect(self._on_text_changed)
        self.field.installEventFilter(self)
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        self.close_button.clicked.connect(self.dismiss)

    def apply_icons(self) -> None:
        self.previous_button.setIcon(icons.icon("find_previous"))
        self.next_button.setIcon(icons.icon("find_next"))
        self.close_button.setIcon(icons.icon("close"))
        for button in (self.previous_button, self.next_button, self.close_button):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)

    def open(self) -> None:
        selected = self._editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.field.setText(selected)
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    @Slot()
    def dismiss(self) -> None:
        self.hide()
        self._editor.setFocus()
        self.closed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter finds the next match, Shift+Enter the previous one, Esc closes the bar."""
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                self.dismiss()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.find_previous()
                else:
                    self.find_next()
                return True
        return super().eventFilter(watched, event)

    def match_count(self) -> int:
        needle = self.field.text()
        if not needle:
            return 0
        doc = self._editor.document()
        count, cursor = 0, QTextCursor(doc)
        while count < MAX_COUNTED:
            cursor = doc.find(needle, cursor)
            if cursor.isNull():
                break
            count += 1
        return count

    @Slot(str)
    def _on_text_changed(self, _text: str) -> None:
        cursor = self._editor.textCursor()
        cursor.setPosition(cursor.selectionStart())
        self._editor.setTextCursor(cursor)
        self.find_next()

    @Slot()
    def find_next(self) -> bool:
        return self._find(QTextDocument.FindFlag(0))

    @Slot()
    def find_previous(self) -> bool:
        return self._find(QTextDocument.FindFlag.FindBackward)

    def _find(self, flags: QTextDocument.FindFlag) -> bool:
        needle = self.field.text()
        if not needle:
            self.status.setText("")
            return False
        found = self._editor.find(needle, flags)
        if not found:  # wrap around
            cursor = self._editor.textCursor()
            backward = bool(flags & QTextDocument.FindFlag.FindBackward)
            cursor.movePosition(
                QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start
            )
            self._editor.setTextCursor(cursor)
            found = self._editor.find(needle, flags)
        count = self.match_count()
        if not found:
            self.status.setText("Not found")
        else:
            shown = f"{count}+" if count >= MAX_COUNTED else str(count)
            self.status.setText(f"{shown} match{'es' if count != 1 else ''}")
        return found
