"""The window's own actions, made in one place with their shortcuts, tips and icon names.

Shortcuts use `QKeySequence.StandardKey` where the platform defines one, so Undo is Cmd+Z on a
Mac and Ctrl+Z elsewhere.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QWidget

from gui.icons import tag_action

ADD_QUOTE_SHORTCUT = "Ctrl+Shift+A"


def _action(parent: QWidget, text: str, icon: str | None, tip: str,
            *shortcuts: QKeySequence | QKeySequence.StandardKey | str) -> QAction:
    action = QAction(text, parent)
    action.setStatusTip(tip)
    action.setToolTip(tip)
    if shortcuts:
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    if icon:
        tag_action(action, icon)
    return action


class ReaderActions:
    def __init__(self, window: QWidget, undo_stack: QUndoStack) -> None:
        self.quit = _action(window, "&Quit", "quit", "Close QuoteDesk",
                            QKeySequence.StandardKey.Quit)
        self.undo = undo_stack.createUndoAction(window, "&Undo")
        self.undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        tag_action(self.undo, "undo")
        self.redo = undo_stack.createRedoAction(window, "&Redo")
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"),
                                QKeySequence(QKeySequence.StandardKey.Redo)])
        tag_action(self.redo, "redo")
        self.copy = _action(window, "&Copy", "copy", "Copy the selected text",
                            QKeySequence.StandardKey.Copy)
        self.find = _action(window, "&Find in article…", "find", "Find text in the shown article",
                            QKeySequence.StandardKey.Find)
        self.add_quote = _action(window, "&Add as quote…", "add_quote",
                                 "Mark the selected text as a quote and say who said it",
                                 ADD_QUOTE_SHORTCUT)
        self.change_speaker = _action(window, "Change &speaker…", "change_speaker",
                                      "Say who said the chosen quote", "F2")
        self.delete_quote = _action(window, "&Delete quote", "delete_quote",
                                    "Remove a wrongly found quote (undo brings it back)",
                                    QKeySequence.StandardKey.Delete)
        self.scope_article = _action(window, "Quotes of the &article", "scope_article",
                                     "List the quotes of the shown article", "Ctrl+1")
        self.scope_outlet = _action(window, "Quotes of the &outlet", "scope_outlet",
                                    "List the quotes of the shown outlet", "Ctrl+2")
        self.scope_store = _action(window, "&All quotes", "scope_store",
                                   "List every quote in the store", "Ctrl+3")
        self.about = _action(window, "&About QuoteDesk", "about", "What QuoteDesk is")
        for action in (self.add_quote, self.change_speaker, self.delete_quote, self.copy):
            action.setEnabled(False)

    def all(self) -> list[QAction]:
        return [v for v in vars(self).values() if isinstance(v, QAction)]
