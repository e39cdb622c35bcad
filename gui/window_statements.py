"""Wires the Statements view and the speakers × outlets heat map into the main window.

Both sit in tabbed docks below the reader, hidden until asked for, so the three reading panes
keep the room; "Show in other outlets" on any quote opens its statement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu

from gui.heatmap_view import HeatMapView
from gui.icons import tag_action
from gui.statements_view import StatementsView

if TYPE_CHECKING:
    from gui.main_window import MainWindow


class StatementTools(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._after_grouping: int | None = None
        self.view = StatementsView(window.hub)
        self.heatmap = HeatMapView(window.hub)
        self.statements_dock = self._dock("Statements across outlets", "statementsDock", self.view)
        self.heatmap_dock = self._dock("Speakers × outlets", "heatmapDock", self.heatmap)
        window.tabifyDockWidget(self.statements_dock, self.heatmap_dock)
        self.statements_dock.raise_()
        for dock in (self.statements_dock, self.heatmap_dock):
            dock.hide()

        self.show_statements = self.statements_dock.toggleViewAction()
        self.show_statements.setText("&Statements across outlets")
        self.show_statements.setShortcut(QKeySequence("Ctrl+4"))
        tag_action(self.show_statements, "statements")
        self.show_heatmap = self.heatmap_dock.toggleViewAction()
        self.show_heatmap.setText("Speakers × &outlets")
        self.show_heatmap.setShortcut(QKeySequence("Ctrl+5"))
        tag_action(self.show_heatmap, "heatmap")
        self.other_outlets = QAction("Show in &other outlets", window)
        self.other_outlets.setStatusTip("Open the statement this quote belongs to, as each "
                                        "outlet carried it")
        self.other_outlets.setShortcut(QKeySequence("Ctrl+Shift+O"))
        tag_action(self.other_outlets, "statements")
        window.add_menu_action("View", self.show_statements, toolbar=True)
        window.add_menu_action("View", self.show_heatmap)
        window.add_menu_action("Edit", self.other_outlets)
        self._extend_context_menus()
        self._connect_signals()

    def _dock(self, title: str, name: str, widget: QObject) -> QDockWidget:
        dock = QDockWidget(title, self._window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self._window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        return dock

    def _extend_context_menus(self) -> None:
        sidebar = self._window.sidebar
        previous = sidebar.context_menu_hook

        def hook(menu: QMenu, ids: list[int]) -> None:
            if previous is not None:
                previous(menu, ids)
            if len(ids) == 1:
                menu.addSeparator()
                menu.addAction(self.other_outlets)

        sidebar.set_context_menu_hook(hook)
        article_actions = [*self._window.article.text.context_actions, self.other_outlets]
        self._window.article.set_context_actions(article_actions)

    def _connect_signals(self) -> None:
        w = self._window
        self.other_outlets.triggered.connect(self.show_in_other_outlets)
        self.view.grouping_finished.connect(self._on_grouping_finished)
        self.view.quote_activated.connect(w.show_quote)
        self.view.status_message.connect(w.show_status)
        self.heatmap.status_message.connect(w.show_status)
        self.heatmap.cell_activated.connect(self._show_cell)
        w.closing.connect(self.view.cancel_grouping)
        if w.hub.is_open:  # the view itself repopulates on every later store_opened
            self.view.populate()

    @Slot(list)
    def _show_cell(self, ids: list[int]) -> None:
        self._window.sidebar.show_quote_ids(ids, self.heatmap.current_label)

    @Slot()
    def show_in_other_outlets(self) -> None:
        quote_id = self._window._target_quote_id()
        if quote_id is None:
            self._window.show_status("Choose a quote first.")
            return
        self.statements_dock.show()
        self.statements_dock.raise_()
        if self.view.grouping:
            # Showing the dock started grouping the store's new quotes: the other outlets'
            # versions are only known once it is done.
            self._window.show_status("Grouping quotes into statements…")
            self._after_grouping = quote_id
            return
        self._show_statement_of(quote_id)

    @Slot(int)
    def _on_grouping_finished(self, _done: int) -> None:
        if self._after_grouping is not None:
            quote_id, self._after_grouping = self._after_grouping, None
            self._show_statement_of(quote_id)

    def _show_statement_of(self, quote_id: int) -> None:
        if not self.view.show_statement_for_quote(quote_id):
            self._window.show_status("That quote is not part of any statement.")


def install_statements(window: MainWindow) -> StatementTools:
    return StatementTools(window)
