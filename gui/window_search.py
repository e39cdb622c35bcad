"""Wires search, tags, notes and export into the main window.

The search bar sits above the quote list and its results replace the list (with the matched
words marked); clearing it brings the scope's own list back. Articles found by their text
(Ctrl+Shift+F) take the list's place, and a click opens one. Tags and notes act on the
selected quotes (context menu, Ctrl+T) through undoable commands on the window's stack; a
click on a tag chip filters by that tag. Export writes the selection or every quote shown.

Kept apart from main_window.py so the window only arranges panes; this module owns the bar,
the article results and the actions, and reaches the window only through its public parts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Slot,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QWidget,
)

from gui.icons import tag_action
from gui.search_article_list import ArticleResultsList
from gui.search_bar import SearchBar

if TYPE_CHECKING:
    from gui.main_window import MainWindow

FIND_ARTICLES_SHORTCUT = "Ctrl+Shift+F"
SEARCH_QUOTES_SHORTCUT = "Ctrl+K"
TAG_SHORTCUT = "Ctrl+T"
EXPORT_SHOWN_SHORTCUT = "Ctrl+E"


def arrange_for_sidebar(bar: SearchBar) -> tuple[QWidget, QToolButton]:
    """Lays the bar out for a narrow pane: mode, box and a Filters toggle on one line; sort,
    speaker, outlet, tag and dates in a panel below that the toggle shows.

    The count moves to the list's status line ("12 quotes found"), so it is not said twice.
    """
    toggle = QToolButton(bar)
    toggle.setObjectName("searchFiltersToggle")
    toggle.setText("Filters")
    toggle.setCheckable(True)
    toggle.setToolTip("Sort the results, or narrow them by speaker, outlet, tag and date")
    # The bar's first row (mode, box, sort, count), found as a QObject rather than through
    # itemAt(), which would leave a Python wrapper of a layout item behind.
    top = next(r for r in bar.layout().findChildren(QHBoxLayout) if r.indexOf(bar.box) >= 0)
    top.addWidget(toggle)
    bar.found_label.hide()
    bar.note_label.hide()  # shown only while it has something to say
    bar.note_label.setContentsMargins(2, 0, 2, 0)

    # Widgets leave their rows through takeAt(), so the layout items are deleted from Python:
    # deleted by Qt behind PySide's back, their stale wrappers could later stand in for new
    # widgets allocated at the same address.
    for row in bar.layout().findChildren(QHBoxLayout):
        for widget in (bar.sort_combo, bar.speaker_edit, bar.outlet_combo, bar.tag_combo,
                       bar.since_check, bar.since_edit, bar.until_check, bar.until_edit):
            at = row.indexOf(widget)
            if at >= 0:
                item = row.takeAt(at)
                del item
    panel = QWidget(bar)
    panel.setObjectName("searchFilters")
    grid = QGridLayout(panel)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(6)
    grid.setVerticalSpacing(4)
    grid.addWidget(bar.speaker_edit, 0, 0, 1, 2)
    grid.addWidget(bar.outlet_combo, 0, 2, 1, 2)
    grid.addWidget(bar.tag_combo, 1, 0, 1, 2)
    grid.addWidget(bar.sort_combo, 1, 2, 1, 2)
    grid.addWidget(bar.since_check, 2, 0)
    grid.addWidget(bar.since_edit, 2, 1)
    grid.addWidget(bar.until_check, 2, 2)
    grid.addWidget(bar.until_edit, 2, 3)
    for column in (1, 3):
        grid.setColumnStretch(column, 1)
    layout = bar.layout()
    layout.insertWidget(1, panel)
    layout.setSpacing(4)
    panel.setVisible(False)
    toggle.toggled.connect(panel.setVisible)
    return panel, toggle


class _NarrowRows(QStyledItemDelegate):
    """Asks for no width, so a list row spans the pane and long titles are elided instead of
    widening the list past it."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
                 ) -> QSize:
        return QSize(1, super().sizeHint(option, index).height())


class SearchTools(QObject):
    """The window's search, tag, note and export actions and the widgets they drive."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        hub, sidebar = window.hub, window.sidebar
        self.bar = SearchBar(hub)
        self.bar.setObjectName("searchBar")
        self.bar.setContentsMargins(8, 0, 8, 0)
        self.filters, self.filters_toggle = arrange_for_sidebar(self.bar)
        sidebar.insert_header(self.bar)
        self.articles = ArticleResultsList(hub)
        self.articles.setObjectName("articleResults")
        # One title line and one outlet line a row, elided: rows keep one height, so the
        # paged list never measures every title.
        self.articles.view.setWordWrap(False)
        self.articles.view.setItemDelegate(_NarrowRows(self.articles.view))
        self.articles.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.articles.view.setStyleSheet(
            "QListView { border: none; }"
            "QListView::item { padding: 6px 10px; border-bottom: 1px solid palette(midlight); }"
        )
        sidebar.add_page(self.articles)
        sidebar.set_context_menu_hook(self.add_context_entries)
        window.article.set_context_menu_hook(self.add_context_entries)

        self.find_articles = self._action("Find in a&rticles…", "find_articles",
                                          "Find articles by their text", FIND_ARTICLES_SHORTCUT)
        self.search_quotes = self._action("Search &quotes…", "search",
                                          "Search every quote in the store by its words",
                                          SEARCH_QUOTES_SHORTCUT)
        self.tag = self._action("&Tag quotes…", "tag",
                                "Tag the selected quotes (choose a tag or type a new one)",
                                TAG_SHORTCUT)
        self.note = self._action("N&ote…", "note", "Write a note on the chosen quote")
        self.manage_tags = self._action("Ta&gs…", "tags",
                                        "Create, rename, recolour, merge and delete tags")
        self.export_selection = self._action("Export &selection…", "export_selection",
                                             "Export the selected quotes to CSV or JSON Lines")
        self.export_shown = self._action("E&xport all shown…", "export",
                                         "Export every quote the list shows to CSV or JSON Lines",
                                         EXPORT_SHOWN_SHORTCUT)
        self.export_shown.setIconText("Export")
        window.add_menu_action("File", self.export_selection)
        window.add_menu_action("File", self.export_shown, toolbar=True)
        window.menu("File").insertSeparator(self.export_selection)
        window.menu("File").insertSeparator(window.actions_.quit)
        edit = window.menu("Edit")
        edit.insertAction(window.actions_.add_quote, self.search_quotes)
        edit.insertAction(window.actions_.add_quote, self.find_articles)
        edit.insertSeparator(window.actions_.add_quote)
        edit.addSeparator()
        for action in (self.tag, self.note, self.manage_tags):
            window.add_menu_action("Edit", action)
        self._connect_signals()

    def _action(self, text: str, icon: str, tip: str, shortcut: str | None = None) -> QAction:
        action = QAction(text, self._window)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        tag_action(action, icon)
        return action

    def _connect_signals(self) -> None:
        sidebar = self._window.sidebar
        self.bar.results_changed.connect(self._on_results)
        self.bar.search_cleared.connect(self._on_cleared)
        self.articles.article_activated.connect(self._window.show_article)
        sidebar.tag_chip_clicked.connect(self.filter_by_tag)
        sidebar.scope_changed.connect(self._on_scope_chosen)
        self.find_articles.triggered.connect(self.bar.focus_articles)
        self.search_quotes.triggered.connect(self.bar.focus_quotes)
        self.tag.triggered.connect(self.tag_selected)
        self.note.triggered.connect(self.note_on_quote)
        self.manage_tags.triggered.connect(self.open_tag_manager)
        self.export_selection.triggered.connect(self.export_selected_quotes)
        self.export_shown.triggered.connect(self.export_shown_quotes)

    # --- search --------------------------------------------------------------------------------

    @Slot(list, int, str)
    def _on_results(self, ids: list[int], _total: int, mode: str) -> None:
        sidebar = self._window.sidebar
        self.bar.note_label.setVisible(bool(self.bar.note_label.text()))
        if mode == "articles":
            sidebar.set_highlight(None)
            self.articles.show_ids(ids)
            sidebar.show_page(self.articles, self.bar.summary())
            return
        sidebar.set_highlight(self.bar.query().text)
        sidebar.show_quote_ids(ids, self.bar.summary())

    @Slot()
    def _on_cleared(self) -> None:
        self.bar.note_label.hide()
        self._window.sidebar.set_highlight(None)
        self._window.sidebar.restore_scope()

    @Slot(str)
    def _on_scope_chosen(self, _scope: str) -> None:
        """A scope button (or Ctrl+1/2/3) leaves the search: the box empties to say so."""
        query = self.bar.query()
        if query.text.strip() or query.has_filters:
            self.bar.clear()

    @Slot(str)
    def filter_by_tag(self, name: str) -> None:
        self.filters_toggle.setChecked(True)
        self.bar.set_tag_filter(name)

    # --- tags and notes ------------------------------------------------------------------------

    def target_ids(self) -> list[int]:
        """The quotes a tag or export applies to: the list's selection when it has focus or
        holds several, else the quote at the article's cursor."""
        sidebar = self._window.sidebar
        selected = sidebar.selected_quote_ids()
        if selected and (sidebar.view.hasFocus() or len(selected) > 1):
            return selected
        at_cursor = self._window.article.quote_id_at_cursor() \
            if self._window.article.detail is not None else None
        if at_cursor is not None:
            return [at_cursor]
        return selected

    def tag_menu(self, ids: list[int]) -> QMenu:
        from gui.tag_menu import build_tag_menu

        w = self._window
        return build_tag_menu(w, w.hub, w.undo_stack, ids, w.show_status)

    def add_context_entries(self, menu: QMenu, ids: list[int]) -> None:
        """The sidebar's context menu: the Tag submenu (with Note… for one quote)."""
        submenu = self.tag_menu(ids)
        submenu.setParent(menu, submenu.windowFlags())
        menu.addMenu(submenu)

    @Slot()
    def tag_selected(self) -> None:
        from gui.tag_menu import tag_selection

        ids = self.target_ids()
        if not ids:
            self._window.show_status("Choose the quotes to tag first.")
            return
        w = self._window
        tag_selection(w, w.hub, w.undo_stack, ids, w.show_status)

    @Slot()
    def note_on_quote(self) -> None:
        from gui.tag_menu import edit_note

        ids = self.target_ids()
        if len(ids) != 1:
            self._window.show_status("Choose one quote to write a note on.")
            return
        w = self._window
        edit_note(w, w.hub, w.undo_stack, ids[0], w.show_status)

    @Slot()
    def open_tag_manager(self) -> None:
        from gui.tag_manager_dialog import TagManagerDialog

        w = self._window
        dialog = TagManagerDialog(w.hub, w.undo_stack, w)
        dialog.exec()
        dialog.deleteLater()

    # --- export --------------------------------------------------------------------------------

    @Slot()
    def export_selected_quotes(self) -> None:
        ids = self._window.sidebar.selected_quote_ids()
        if not ids:
            self._window.show_status("Select quotes in the list first (Ctrl+A selects all).")
            return
        self._export(ids)

    @Slot()
    def export_shown_quotes(self) -> None:
        ids = self._window.sidebar.shown_quote_ids()
        if not ids:
            self._window.show_status("The list shows no quotes to export.")
            return
        self._export(ids)

    def _export(self, ids: list[int]) -> None:
        from gui.export_dialog import ExportDialog

        ExportDialog.run_for(self._window, self._window.hub, ids=ids)


def install_search(window: MainWindow) -> SearchTools:
    return SearchTools(window)
