"""The right pane: a list of quotes with a switch between the article's, the outlet's and the
whole store's; other tools (search, tags) can show any list of quote ids in it.

Signals:
    quote_activated(int): the user clicked (or pressed Enter on) a quote.
    scope_changed(str): the switch moved to "article", "outlet" or "store".
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui import icons
from gui.quote_delegate import QuoteDelegate
from gui.quote_model import QUOTE_ID_ROLE, QuoteListModel
from gui.store_hub import QuoteChange, StoreHub

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
    activates the current quote, as a click does."""

    activated_by_key = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_by_key.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class QuoteSidebar(QWidget):
    quote_activated = Signal(int)
    scope_changed = Signal(str)

    def __init__(self, hub: StoreHub, scope: str = "article",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hub = hub
        self._scope = scope if scope in SCOPE_LABELS else "article"
        self._article_id: int | None = None
        self._outlet_id: int | None = None
        self._custom: str | None = None  # status text of a list shown by another tool
        self._context_actions: list[QAction] = []

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
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
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

    def apply_icons(self) -> None:
        for button in self.scope_buttons.buttons():
            button.setIcon(icons.icon(f"scope_{button.property('scope')}"))

    def set_context_actions(self, actions: list[QAction]) -> None:
        self._context_actions = actions

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
        self.scope_buttons.setExclusive(False)
        for button in self.scope_buttons.buttons():
            button.setChecked(False)
        self.scope_buttons.setExclusive(True)
        self._show_ids(ids, status, "No quotes match.")

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
        if self.model.rowCount() == 0:
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

    def _show_ids(self, ids: Sequence[int], status: str, empty: str) -> None:
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
        qid = index.data(QUOTE_ID_ROLE)
        if qid is not None:
            self.quote_activated.emit(int(qid))

    @Slot(QPoint)
    def _on_context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid() or not self._context_actions:
            return
        self.view.setCurrentIndex(index)
        menu = QMenu(self)
        for action in self._context_actions:
            menu.addAction(action)
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()
