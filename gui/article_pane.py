"""The centre pane: the article's title, outlet, date and author above its highlighted text.

When nothing is shown it says why (nothing chosen, an outlet without articles, a missing
article) instead of showing a blank page.

Signals:
    article_shown(int): an article is now on screen (its id).
    selection_changed(bool): whether some text is selected (enables "Add as quote…").
    quote_clicked(int): the user clicked inside a highlighted quote.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QLabel, QMenu, QStackedWidget, QVBoxLayout, QWidget

from gui.article_view import SERIF_FAMILIES, ArticleTextView
from gui.find_bar import FindBar
from gui.store_hub import StoreHub

if TYPE_CHECKING:
    from model.library import ArticleDetail

NOTHING_CHOSEN = "Choose an article from the outlets on the left."


def format_published(detail: ArticleDetail) -> str:
    if detail.published is None:
        return "Date unknown"
    stamp = detail.published
    day = f"{stamp.day} {stamp:%B %Y}"
    return day if (stamp.hour, stamp.minute) == (0, 0) else f"{day}, {stamp:%H:%M}"


class ArticlePane(QWidget):
    article_shown = Signal(int)
    selection_changed = Signal(bool)
    quote_clicked = Signal(int)

    def __init__(self, hub: StoreHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articlePane")
        self._hub = hub
        self._detail: ArticleDetail | None = None

        self.message = QLabel(NOTHING_CHOSEN)
        self.message.setObjectName("emptyState")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)

        self.title = QLabel()
        self.title.setObjectName("articleTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        title_font = QFont()
        title_font.setFamilies(SERIF_FAMILIES)
        title_font.setPointSizeF(17)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.meta = QLabel()
        self.meta.setObjectName("articleMeta")
        self.meta.setWordWrap(True)
        self.meta.setTextFormat(Qt.TextFormat.RichText)
        self.notice = QLabel()
        self.notice.setObjectName("articleNotice")
        self.notice.setWordWrap(True)
        self.text = ArticleTextView()
        self.find_bar = FindBar(self.text)
        self.find_bar.hide()

        header = QWidget()
        header.setObjectName("articleHeader")
        head_layout = QVBoxLayout(header)
        head_layout.setContentsMargins(22, 18, 22, 6)
        head_layout.setSpacing(6)
        head_layout.addWidget(self.title)
        head_layout.addWidget(self.meta)
        head_layout.addWidget(self.notice)

        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.setSpacing(0)
        page_layout.addWidget(header)
        page_layout.addWidget(self.text, 1)
        page_layout.addWidget(self.find_bar)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.text.selectionChanged.connect(self._on_selection_changed)
        self.text.quote_clicked.connect(self.quote_clicked)

    # --- what the window asks ------------------------------------------------------------------

    @property
    def article_id(self) -> int | None:
        return self._detail.id if self._detail else None

    @property
    def outlet_id(self) -> int | None:
        return self._detail.outlet_id if self._detail else None

    @property
    def detail(self) -> ArticleDetail | None:
        return self._detail

    def set_context_actions(self, actions: list[QAction]) -> None:
        self.text.set_context_actions(actions)

    def set_context_menu_hook(self, hook: Callable[[QMenu, list[int]], None] | None) -> None:
        self.text.set_context_menu_hook(hook)

    def show_message(self, message: str) -> None:
        self._detail = None
        self.message.setText(message)
        self.stack.setCurrentIndex(0)
        self.selection_changed.emit(False)

    def show_article(self, article_id: int) -> bool:
        from model.library import article_detail, quote_spans

        detail = self._hub.read(article_detail, article_id)
        if detail is None:
            self.show_message("This article is no longer in the store.")
            return False
        spans = self._hub.read(quote_spans, article_id)
        self._detail = detail
        self.title.setText(detail.title or "(untitled)")
        self.meta.setText(self._meta_html(detail))
        self.text.set_article(detail.text, spans)
        self._update_notice()
        self.stack.setCurrentIndex(1)
        self.article_shown.emit(article_id)
        return True

    def refresh(self) -> None:
        """Re-reads the shown article's quotes after the store changed."""
        from model.library import article_detail, quote_spans

        if self._detail is None:
            return
        if self._hub.read(article_detail, self._detail.id) is None:
            self.show_message("This article is no longer in the store.")
            return
        self.text.set_spans(self._hub.read(quote_spans, self._detail.id))
        self._update_notice()

    def mark_quote(self, quote_id: int) -> bool:
        """Puts the cursor on a quote of the shown article, selected and scrolled into view."""
        for span in self.text.spans:
            if span.id == quote_id:
                self.text.select_offsets(span.start, span.end)
                return True
        return False

    def selection_offsets(self) -> tuple[int, int] | None:
        return self.text.selection_offsets()

    def quote_id_at_cursor(self) -> int | None:
        span = self.text.span_at_offset(self.text.cursor_offset())
        return span.id if span else None

    def open_find(self) -> None:
        if self._detail is not None:
            self.find_bar.open()

    # --- internals ---------------------------------------------------------------------------

    def _meta_html(self, detail: ArticleDetail) -> str:
        colour = html.escape(detail.outlet_colour or "#888888")
        parts = [
            f"<span style='color:{colour}; font-size:14pt'>●</span>&nbsp;"
            f"<b>{html.escape(detail.outlet_name)}</b>",
            html.escape(format_published(detail)),
        ]
        if detail.author:
            parts.append(f"By {html.escape(detail.author)}")
        if detail.url:
            url = html.escape(detail.url, quote=True)
            parts.append(f"<a href='{url}'>source</a>")
        self.meta.setOpenExternalLinks(True)
        return " &nbsp;·&nbsp; ".join(parts)

    def _update_notice(self) -> None:
        spans = self.text.spans
        if not spans:
            self.notice.setText("No quotes found in this article. Select text and choose "
                                "“Add as quote…” to mark one.")
        else:
            speakers = {s.speaker for s in spans if s.speaker}
            n = len(spans)
            parts = [f"{n} quote{'s' if n != 1 else ''} highlighted",
                     f"{len(speakers)} speaker{'s' if len(speakers) != 1 else ''}"]
            if any(s.origin == "manual" for s in spans):
                parts.append("green: added by hand")
            if any(not s.speaker for s in spans):
                parts.append("dotted: speaker unknown")
            parts.append("hover a quote to see who said it")
            self.notice.setText(" · ".join(parts))

    @Slot()
    def _on_selection_changed(self) -> None:
        self.selection_changed.emit(self.text.textCursor().hasSelection())
