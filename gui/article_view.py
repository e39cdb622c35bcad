"""The article's text: read-only, selectable, with each quote's speaker shown on hover.

Signals:
    quote_clicked(int): the user clicked inside a highlighted quote (its id).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFont,
    QHelpEvent,
    QMouseEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QToolTip, QWidget

from gui.highlights import apply_highlights
from gui.text_offsets import OffsetMap
from gui.theme import tints

if TYPE_CHECKING:
    from model.library import QuoteSpan

SERIF_FAMILIES = ["Georgia", "Charter", "Noto Serif", "DejaVu Serif", "serif"]


class ArticleTextView(QPlainTextEdit):
    quote_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleText")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        font = QFont()
        font.setFamilies(SERIF_FAMILIES)
        font.setPointSizeF(11.5)
        self.setFont(font)
        self.document().setDocumentMargin(18)
        self._spans: list[QuoteSpan] = []
        self._starts: list[int] = []
        self._offsets = OffsetMap("")
        self._context_actions: list[QAction] = []
        self._context_hook: Callable[[QMenu, list[int]], None] | None = None
        self.highlight_count = 0

    @property
    def context_actions(self) -> list[QAction]:
        return list(self._context_actions)

    def set_context_actions(self, actions: list[QAction]) -> None:
        self._context_actions = actions

    def set_context_menu_hook(self, hook: Callable[[QMenu, list[int]], None] | None) -> None:
        """Lets a tool add entries (the Tag submenu) for the quote under a right click."""
        self._context_hook = hook

    def set_article(self, text: str, spans: list[QuoteSpan]) -> None:
        self._offsets = OffsetMap(text)
        self.setPlainText(text)
        self.set_spans(spans)

    def set_spans(self, spans: list[QuoteSpan]) -> None:
        """Re-applies highlights after a correction, keeping the scroll position."""
        bar = self.verticalScrollBar().value()
        doc = self.document()
        if self._spans:
            cursor = QTextCursor(doc)
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.setCharFormat(QTextCharFormat())
        self._spans = sorted(spans, key=lambda s: (s.start, s.id))
        self._starts = [s.start for s in self._spans]
        self.highlight_count = apply_highlights(doc, self._spans, tints(self.palette()),
                                                self._offsets)
        self.verticalScrollBar().setValue(bar)

    def changeEvent(self, event: QEvent) -> None:
        """Re-tints the highlights when the scheme changes: the view's own palette is the one
        the tints must contrast with, and it is only final when the view itself hears of it."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._spans:
            self.set_spans(self._spans)

    @property
    def spans(self) -> list[QuoteSpan]:
        return list(self._spans)

    def span_at_offset(self, offset: int) -> QuoteSpan | None:
        i = bisect_right(self._starts, offset) - 1
        for j in range(i, max(-1, i - 8), -1):  # a few back, in case spans overlap
            span = self._spans[j]
            if span.start <= offset < span.end:
                return span
        return None

    def span_at_point(self, point: QPoint) -> QuoteSpan | None:
        cursor = self.cursorForPosition(point)
        return self.span_at_offset(self._offsets.from_qt(cursor.position()))

    def selection_offsets(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return (self._offsets.from_qt(cursor.selectionStart()),
                self._offsets.from_qt(cursor.selectionEnd()))

    def cursor_offset(self) -> int:
        return self._offsets.from_qt(self.textCursor().position())

    def select_offsets(self, start: int, end: int) -> None:
        """Puts the cursor on a range (selected) and scrolls it to the middle of the view."""
        cursor = self.textCursor()
        cursor.setPosition(self._offsets.to_qt(start))
        cursor.setPosition(self._offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            span = self.span_at_point(event.pos())
            if span is None:
                QToolTip.hideText()
                event.ignore()
            else:
                who = span.speaker or "Speaker unknown"
                how = " (added by hand)" if span.origin == "manual" else ""
                QToolTip.showText(event.globalPos(), f"<b>{who}</b>{how}", self.viewport())
            return True
        return super().viewportEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            span = self.span_at_point(event.position().toPoint())
            if span is not None:
                self.quote_clicked.emit(span.id)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def context_menu(self, pos: QPoint) -> QMenu:
        """The menu for a right click at `pos` (viewport coordinates): the window's actions,
        Copy and Select All, then the tools' entries (Tag) for the quote under it."""
        menu = self.createStandardContextMenu(pos)
        first = menu.actions()[0] if menu.actions() else None
        for action in self._context_actions:
            menu.insertAction(first, action)
        if self._context_actions:
            menu.insertSeparator(first)
        span = self.span_at_point(pos)
        if self._context_hook is not None and span is not None:
            # Right-clicking a highlighted quote offers what the sidebar offers for it.
            menu.insertSeparator(first)
            self._context_hook(menu, [span.id])
        return menu
