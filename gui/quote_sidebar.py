"""The right pane: a list of quotes with a switch between the article's, the outlet's and the
whole store's; other tools (search, tags) can show any list of quote ids in it.

The list selects many quotes (Ctrl/Shift-click, Ctrl+A) for tagging and export; a plain click
(or Enter) opens the quote. Other tools add to it without reaching inside: a header widget
above the list (the search bar), extra pages in place of the list (article results), words to
mark in every quote, and a hook that adds entries to the context menu for the selection.

Signals:
    quote_activated(int): the user clicked (or pressed Enter on) a quote.
    scope_changed(str): the switch moved to "article", "outlet" or "store".
    tag_chip_clicked(str): the user clicked a quote's tag chip; the tag's name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QStackedWidget,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui import icons
from gui.quote_delegate import QuoteDelegate
from gui.quote_model import QUOTE_ID_ROLE, QuoteListModel
from gui.store_hub import QuoteChange, StoreHub

# Adds entries to the context menu for the selected quote ids.
ContextMenuHook = Callable[[QMenu, list[int]], None]

# Lists up to this long are simply re-read after a correction; longer ones are patched.
REREAD_LIMIT = 20_000

SCOPE_LABELS = {"article": "Article", "outlet": "Outlet", "store": "All"}
SCOPE_TIPS = {
    "article": "Quotes of the shown article",
    "outlet": "Quotes of every article of the shown outlet",
    "store": "Every quote in the store",
}


class QuoteListView(QTableView):
    """A one-column table with fixed row heights: unlike QListView, whose layout visits every
    row (4 s for 300,000 quotes here), its header lays out uniform rows at once. Enter
    activates the current quote, as a click does; a click on a tag chip reports the tag
    instead of selecting the row."""

    activated_by_key = Signal(QModelIndex)
    chip_clicked = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_by_key.emit(self.currentIndex())
            return
        super().keyPressEvent(event)

    def chip_at(self, pos: QPoint) -> str | None:
        """The tag chip under `pos` (viewport coordinates), if any."""
        index = self.indexAt(pos)
        delegate = self.itemDelegate()
        if not index.isValid() or not isinstance(delegate, QuoteDelegate):
            return None
        option = QStyleOptionViewItem()
        option.font = self.font()
        option.rect = self.visualRect(index)
        return delegate.chip_at(option, index, pos)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton \
                and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            name = self.chip_at(event.position().toPoint())
            if name is not None:
                event.accept()
                self.chip_clicked.emit(name)
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        over_chip = self.chip_at(event.position().toPoint()) is not None
        if over_chip:
            self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self.viewport().unsetCursor()
        super().mouseMoveEvent(event)


class QuoteSidebar(QWidget):
    quote_activated = Signal(int)
    scope_changed = Signal(str)
    tag_chip_clicked = Signal(str)

    def __init__(self, hub: StoreHub, scope: str = "article",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hub = hub
        self._scope = scope if scope in SCOPE_LABELS else "article"
        self._article_id: int | None = None
        self._outlet_id: int | None = None
        self._custom: str | None = None  # status text of a list shown by another tool
        self._context_actions: list[QAction] = []
        self._context_hook: ContextMenuHook | None = None

        self.title = QLabel("Quotes")
        self.title.setObjectName("paneTitle")
        self.scope_buttons = QButtonGroup(self)
        self.scope_buttons.setExclusive(True)
        switch = QHBoxLayout()
        switch.setContentsMargins(8, 0, 8, 0)
        switch.setSpacing(0)
        for name, label in SCOPE_LABELS.items():
            button = QToolButton(text=label, checkable=True, toolTip=SCOPE_TIPS[name])
            button.setObjectName(f"scope_{name}")
            button.setProperty("scope", name)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            self.scope_buttons.addButton(button)
            switch.addWidget(button)
            button.setChecked(name == self._scope)
        switch.addStretch(1)
        self.status = QLabel("")
        self.status.setObjectName("mutedLabel")
        self.status.setContentsMargins(10, 2, 10, 4)

        self.model = QuoteListModel(hub, self)
        self.view = QuoteListView()
        self.view.setObjectName("quoteList")
        self.view.setModel(self.model)
        delegate = QuoteDelegate(self.view)
        self.delegate = delegate
        self.view.setItemDelegate(delegate)
        self.view.horizontalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        rows = self.view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(delegate.row_height(self.view.font()))
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setMouseTracking(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.empty = QLabel("")
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.view)

        layout = QVBoxLayout(self)
        self._layout = layout
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addLayout(switch)
        layout.addWidget(self.status)
        layout.addWidget(self.stack, 1)
        self._show_empty("Choose an article to see its quotes.")
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.scope_buttons.buttonClicked.connect(self._on_scope_clicked)
        self.view.clicked.connect(self._on_activated)
        self.view.activated_by_key.connect(self._on_activated)
        self.view.customContextMenuRequested.connect(self._on_context_menu)
        self.view.chip_clicked.connect(self.tag_chip_clicked)

    def apply_icons(self) -> None:
        for button in self.scope_buttons.buttons():
            button.setIcon(icons.icon(f"scope_{button.property('scope')}"))

    def set_context_actions(self, actions: list[QAction]) -> None:
        self._context_actions = actions

    @property
    def context_menu_hook(self) -> ContextMenuHook | None:
        return self._context_hook

    def set_context_menu_hook(self, hook: ContextMenuHook | None) -> None:
        """`hook(menu, ids)` adds entries (a Tag submenu) for the selected quotes."""
        self._context_hook = hook

    def insert_header(self, widget: QWidget) -> None:
        """Puts a widget (the search bar) between the pane's title and the scope switch."""
        widget.setParent(self)
        self._layout.insertWidget(1, widget)

    def add_page(self, widget: QWidget) -> None:
        """Adds a page that can stand in for the quote list (`show_page`)."""
        self.stack.addWidget(widget)

    def show_page(self, widget: QWidget, status: str) -> None:
        """Shows another tool's page (article results) in place of the list until
        `show_quote_ids`, a scope button or `restore_scope` brings quotes back."""
        self._custom = status
        self._release_scope_buttons()
        self.status.setText(status)
        self.stack.setCurrentWidget(widget)

    def set_highlight(self, query_text: str | None) -> None:
        """Marks the words this search matched in every quote shown (None: no marks)."""
        self.delegate.set_highlight(query_text)
        self.view.viewport().update()

    # --- API for the window and for other tools ------------------------------------------------

    @property
    def scope(self) -> str:
        return self._scope

    def set_scope(self, scope: str) -> None:
        if scope not in SCOPE_LABELS:
            raise ValueError(scope)
        self._scope = scope
        for button in self.scope_buttons.buttons():
            button.setChecked(button.property("scope") == scope)
        self.reload()
        self.scope_changed.emit(scope)

    def set_context(self, article_id: int | None, outlet_id: int | None) -> None:
        """The article and outlet on screen; the article/outlet scopes list their quotes."""
        self._article_id, self._outlet_id = article_id, outlet_id
        if self._custom is None:
            self.reload()

    def show_quote_ids(self, ids: Sequence[int], status: str) -> None:
        """Shows any list of quotes (search results, a tag's quotes) with a line saying what it is.

        The scope switch is released; clicking one of its buttons returns to the usual lists.
        """
        self._custom = status
        self._release_scope_buttons()
        self._show_ids(ids, status, "No quotes match.")

    def restore_scope(self) -> None:
        """Back from another tool's list to the scope's own list (a search was cleared)."""
        if self._custom is None:
            return
        self._custom = None
        for button in self.scope_buttons.buttons():
            button.setChecked(button.property("scope") == self._scope)
        self.reload()

    @property
    def showing_custom(self) -> bool:
        return self._custom is not None

    def selected_quote_ids(self) -> list[int]:
        """The selected quotes in list order; read from the selection's row ranges, so Ctrl+A
        on a million quotes costs one slice, not a million indexes."""
        selection = self.view.selectionModel()
        if self.stack.currentWidget() is not self.view or selection is None:
            return []
        ranges = sorted((span.top(), span.bottom()) for span in selection.selection())
        merged: list[list[int]] = []
        for top, bottom in ranges:
            if merged and top <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], bottom)
            else:
                merged.append([top, bottom])
        picked: list[int] = []
        for top, bottom in merged:
            picked.extend(self.model.ids_of_rows(top, bottom))
        return picked

    def shown_quote_ids(self) -> list[int]:
        """Every quote the list shows (none while another page stands in for it)."""
        return self.model.ids() if self.stack.currentWidget() is self.view else []

    def reload(self) -> None:
        """Re-reads the list for the current scope (after a correction or an import)."""
        if self._custom is not None:
            self.model.invalidate()
            return
        if not self._hub.is_open:
            self._show_empty("Opening the store…")
            return
        from model import library  # only now: SQLAlchemy must not delay the first paint

        if self._scope == "article":
            if self._article_id is None:
                self._show_empty("Choose an article to see its quotes.")
                return
            ids = self._hub.read(library.article_quote_ids, self._article_id)
            self._show_ids(ids, self._count_text(len(ids), "in this article"),
                           "No quotes in this article.")
        elif self._scope == "outlet":
            if self._outlet_id is None:
                self._show_empty("Choose an outlet or an article to see the outlet's quotes.")
                return
            ids = self._hub.read(library.outlet_quote_ids, self._outlet_id)
            self._show_ids(ids, self._count_text(len(ids), "from this outlet"),
                           "No quotes from this outlet.")
        else:
            ids = self._hub.read(library.all_quote_ids)
            self._show_ids(ids, self._count_text(len(ids), "in the store"),
                           "The store holds no quotes yet.")

    def apply_change(self, change: QuoteChange) -> None:
        """Updates the list after a correction: short lists are re-read, long ones patched.

        A list shown by another tool loses removed quotes and repaints edited ones; quotes
        added back are not put into it (the tool may show its list again).
        """
        if self._custom is None and (change.added or self.model.rowCount() <= REREAD_LIMIT):
            self.reload()
            return
        self.model.remove_ids(change.removed)
        if change.edited:
            self.model.invalidate()
        if self.model.rowCount() == 0 and self.stack.currentIndex() <= 1:  # not another page
            if self._custom is not None:
                self._show_empty("No quotes match.", self._custom)
            else:
                self.reload()

    def select_quote(self, quote_id: int) -> None:
        row = self.model.row_of(quote_id)
        if row is None:
            self.view.clearSelection()
            return
        index = self.model.index(row)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def current_quote_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(QUOTE_ID_ROLE) if index.isValid() else None

    # --- internals -----------------------------------------------------------------------------

    @staticmethod
    def _count_text(n: int, where: str) -> str:
        return f"{n:,} quote{'s' if n != 1 else ''} {where}"

    def _release_scope_buttons(self) -> None:
        self.scope_buttons.setExclusive(False)
        for button in self.scope_buttons.buttons():
            button.setChecked(False)
        self.scope_buttons.setExclusive(True)

    def _show_ids(self, ids: Sequence[int], status: str, empty: str) -> None:
        if ids and self.stack.currentWidget() is self.view and self.model.ids() == list(ids):
            # The same list (after a tag change): repaint, keeping the selection.
            self.model.invalidate()
            self.status.setText(status)
            return
        current = self.current_quote_id()
        self.model.set_ids(ids)
        self.status.setText(status)
        if not ids:
            self._show_empty(empty, status)
            return
        self.stack.setCurrentIndex(1)
        if current is not None:
            self.select_quote(current)

    def _show_empty(self, message: str, status: str = "") -> None:
        if self.model.rowCount():
            self.model.set_ids([])
        self.empty.setText(message)
        self.status.setText(status)
        self.stack.setCurrentIndex(0)

    @Slot()
    def _on_scope_clicked(self) -> None:
        button = self.scope_buttons.checkedButton()
        if button is None:
            return
        self._custom = None
        self.set_scope(button.property("scope"))

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        modifiers = QApplication.keyboardModifiers()
        if modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
            return  # extending the selection, not opening a quote
        qid = index.data(QUOTE_ID_ROLE)
        if qid is not None:
            self.quote_activated.emit(int(qid))

    @Slot(QPoint)
    def _on_context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid() or not (self._context_actions or self._context_hook):
            return
        selection = self.view.selectionModel()
        if selection.isSelected(index):  # keep the selection the menu is for
            selection.setCurrentIndex(index, selection.SelectionFlag.NoUpdate)
        else:
            self.view.setCurrentIndex(index)
        menu = self.context_menu()
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def context_menu(self) -> QMenu:
        """The menu for the selected quotes: the window's actions, then the hook's entries."""
        menu = QMenu(self)
        for action in self._context_actions:
            menu.addAction(action)
        if self._context_hook is not None:
            ids = self.selected_quote_ids()
            if ids:
                if self._context_actions:
                    menu.addSeparator()
                self._context_hook(menu, ids)
        return menu
