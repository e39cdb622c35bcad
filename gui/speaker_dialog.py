"""Asks who said a quote, completing from the speakers already in the store."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class SpeakerDialog(QDialog):
    def __init__(self, names: Sequence[str], excerpt: str, current: str | None = None,
                 title: str = "Who said this?", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        quote = QLabel(f"“{excerpt if len(excerpt) < 300 else excerpt[:299] + '…'}”")
        quote.setWordWrap(True)
        quote.setObjectName("dialogQuote")
        self.field = QLineEdit(current or "")
        self.field.setPlaceholderText("Speaker's name (leave empty if unknown)")
        completer = QCompleter(QStringListModel(list(names), self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.field.setCompleter(completer)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(quote)
        layout.addWidget(QLabel("Speaker:"))
        layout.addWidget(self.field)
        layout.addWidget(buttons)

    def speaker(self) -> str | None:
        name = " ".join(self.field.text().split())
        return name or None

    @classmethod
    def ask(cls, parent: QWidget | None, names: Sequence[str], excerpt: str,
            current: str | None = None, title: str = "Who said this?") -> tuple[bool, str | None]:
        """(accepted, speaker or None for unknown). Tests patch `exec`."""
        dialog = cls(names, excerpt, current, title, parent)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return accepted, dialog.speaker()
        finally:
            dialog.deleteLater()
