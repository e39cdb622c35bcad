"""The reader's main window: outlets | article | quotes, with menus, toolbar and status bar.

It only arranges the panes and routes between them; each pane is its own widget and every
read or write goes through `model` functions via the StoreHub.

Extension points for other tools:
    add_menu_action(menu_name, action, toolbar=False)  put an action in File/Edit/View/Help
                                                        (or a new menu) and optionally the toolbar
    sidebar.show_quote_ids(ids, status)                 show any list of quotes in the sidebar
    show_quote(quote_id) / show_article(article_id)     open an article (at a quote)
    hub.store_changed / hub.articles_changed            emit after changing quotes / articles
    hub.quotes_changed(QuoteChange)                     emitted after each correction

Signals:
    first_painted(): the window has painted once (start-up then opens the store).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QPaintEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QToolBar,
    QWidget,
)

from gui import icons
from gui.actions import ReaderActions
from gui.article_pane import ArticlePane
from gui.outlet_pane import OutletPane
from gui.quote_sidebar import QuoteSidebar
from gui.settings import Settings
from gui.speaker_dialog import SpeakerDialog
from gui.store_hub import QuoteChange, StoreHub
from gui.undo_commands import AddQuoteCommand, ChangeSpeakerCommand, DeleteQuoteCommand

if TYPE_CHECKING:
    from model.library import StoreCounts

MENU_NAMES = ("File", "Edit", "View", "Help")


class MainWindow(QMainWindow):
    first_painted = Signal()
    closing = Signal()

    def __init__(self, hub: StoreHub, settings: Settings, parent: QWidget | None = None,
                 *, defer_tools: bool = False) -> None:
        """`defer_tools`: the caller installs the tools (`install_tools`) after the first
        paint, so the reading panes appear ~0.15 s sooner at start-up."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("QuoteDesk")
        self.hub = hub
        self.settings = settings
        self.undo_stack = QUndoStack(self)
        self.actions_ = ReaderActions(self, self.undo_stack)
        self._painted = False
        self._icons_drawn = False  # qtawesome is imported only once the store has opened
        self._counts: StoreCounts | None = None

        self.outlets = OutletPane(hub)
        self.article = ArticlePane(hub)
        self.sidebar = QuoteSidebar(hub, settings.sidebar_scope())
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        for pane in (self.outlets, self.article, self.sidebar):
            self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)

        self.menus: dict[str, QMenu] = {}
        self.toolbar = QToolBar("Main toolbar")
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(self.toolbar)
        self.counts = QLabel("")
        self.counts.setObjectName("mutedLabel")
        self.statusBar().addPermanentWidget(self.counts)
        self._build_menus()
        self._build_toolbar()
        self.article.set_context_actions([self.actions_.add_quote, self.actions_.change_speaker,
                                          self.actions_.delete_quote])
        self.sidebar.set_context_actions([self.actions_.change_speaker,
                                          self.actions_.delete_quote])
        self._restore_layout()
        self.article.show_message("Opening the store…")
        self.sidebar.reload()
        self._connect_signals()
        if not defer_tools:
            self.install_tools()

    # --- building ------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        a = self.actions_
        layout: dict[str, list[QAction | None]] = {
            "File": [a.quit],
            "Edit": [a.undo, a.redo, None, a.copy, a.find, None,
                     a.add_quote, a.change_speaker, a.delete_quote],
            "View": [a.scope_article, a.scope_outlet, a.scope_store, None,
                     self.toolbar.toggleViewAction()],
            "Help": [a.about],
        }
        for name in MENU_NAMES:
            menu = self.menuBar().addMenu(f"&{name}")
            menu.setObjectName(f"menu{name}")
            self.menus[name] = menu
            for action in layout[name]:
                if action is None:
                    menu.addSeparator()
                else:
                    menu.addAction(action)

    def _build_toolbar(self) -> None:
        a = self.actions_
        for action in (a.undo, a.redo, None, a.add_quote, a.change_speaker, a.delete_quote,
                       None, a.find):
            if action is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(action)

    def _connect_signals(self) -> None:
        a = self.actions_
        a.quit.triggered.connect(self.close)
        a.copy.triggered.connect(self.article.text.copy)
        a.find.triggered.connect(self.article.open_find)
        a.add_quote.triggered.connect(self.add_quote_from_selection)
        a.change_speaker.triggered.connect(self.change_speaker_of_quote)
        a.delete_quote.triggered.connect(self.delete_quote)
        a.scope_article.triggered.connect(lambda: self.sidebar.set_scope("article"))
        a.scope_outlet.triggered.connect(lambda: self.sidebar.set_scope("outlet"))
        a.scope_store.triggered.connect(lambda: self.sidebar.set_scope("store"))
        a.about.triggered.connect(self._about)
        self.hub.store_opened.connect(self.populate)
        self.hub.store_failed.connect(self._on_store_failed)
        self.hub.store_changed.connect(self._on_store_changed)
        self.hub.quotes_changed.connect(self._on_quotes_changed)
        self.hub.articles_changed.connect(self._on_articles_changed)
        self.outlets.article_chosen.connect(self._on_article_chosen)
        self.outlets.outlet_chosen.connect(self._on_outlet_chosen)
        self.article.selection_changed.connect(self._update_actions)
        self.article.quote_clicked.connect(self.sidebar.select_quote)
        self.article.quote_clicked.connect(lambda _qid: self._update_actions())
        self.article.text.cursorPositionChanged.connect(self._update_actions)
        self.sidebar.quote_activated.connect(self.show_quote)
        self.sidebar.scope_changed.connect(self.settings.set_sidebar_scope)
        self.sidebar.view.selectionModel().currentChanged.connect(self._update_actions)
        self.sidebar.model.modelReset.connect(self._update_actions)

    def install_tools(self) -> None:
        """Adds the tools that live in their own modules: importing, outlet editing, search,
        tags and export, statements across outlets."""
        from gui.outlet_editing import install_outlet_editing
        from gui.window_import import install_import
        from gui.window_search import install_search
        from gui.window_statements import install_statements

        self.importer = install_import(self)
        self.outlet_editor = install_outlet_editing(self)
        self.search_tools = install_search(self)
        self.statement_tools = install_statements(self)
        state = self.settings.window_state()
        if state is not None:  # again, now that the tools' docks exist
            self.restoreState(state)

    def apply_icons(self) -> None:
        """Draws icons (after first paint: qtawesome is slow to import) in palette colours."""
        # Every action of the window, its own and those the tools added (Import, Export, Tag…).
        icons.apply_icons(self.findChildren(QAction))
        self._icons_drawn = True
        self.article.find_bar.apply_icons()
        self.sidebar.apply_icons()
        self.setWindowIcon(QApplication.windowIcon())

    # --- extension points ----------------------------------------------------------------------

    def menu(self, menu_name: str) -> QMenu:
        """The menu of that name; a new one (before Help) if it does not exist yet."""
        menu = self.menus.get(menu_name)
        if menu is None:
            menu = QMenu(f"&{menu_name}", self)
            menu.setObjectName(f"menu{menu_name}")
            self.menuBar().insertMenu(self.menus["Help"].menuAction(), menu)
            self.menus[menu_name] = menu
        return menu

    def add_menu_action(self, menu_name: str, action: QAction, toolbar: bool = False) -> QAction:
        """Adds another tool's action; in File it goes above Quit, elsewhere at the end."""
        menu = self.menu(menu_name)
        if menu_name == "File":
            menu.insertAction(self.actions_.quit, action)
        else:
            menu.addAction(action)
        if toolbar:
            self.toolbar.addAction(action)
        if action.property(icons.ICON_PROPERTY) and self._icons_drawn:
            icons.apply_icons([action])  # a tool added later; the rest were drawn together
        return action

    def show_status(self, text: str, msecs: int = 5000) -> None:
        self.statusBar().showMessage(text, msecs)

    @Slot(int)
    def show_article(self, article_id: int) -> bool:
        if not self.article.show_article(article_id):
            self._update_actions()
            return False
        detail = self.article.detail
        assert detail is not None
        self.setWindowTitle(f"{detail.title or '(untitled)'} — {detail.outlet_name} — QuoteDesk")
        self.sidebar.set_context(detail.id, detail.outlet_id)
        self.outlets.select_article(detail.outlet_id, detail.id)
        self.settings.set_last_article(detail.id)
        self._update_actions()
        return True

    @Slot(int)
    def show_quote(self, quote_id: int) -> bool:
        """Opens the quote's article scrolled to it, the quote selected in text and sidebar."""
        from model.library import quote_rows

        rows = self.hub.read(quote_rows, [quote_id])
        if not rows:
            self.show_status("That quote is no longer in the store.")
            return False
        row = rows[0]
        if self.article.article_id != row.article_id and not self.show_article(row.article_id):
            return False
        marked = self.article.mark_quote(quote_id)
        self.sidebar.select_quote(quote_id)
        self.article.text.setFocus()
        self._update_actions()
        return marked

    # --- start-up and refresh ------------------------------------------------------------------

    @Slot()
    def populate(self) -> None:
        """Fills the panes once the store is open, showing the last (or first) article."""
        from model.library import first_article_id

        self.outlets.reload()
        self.refresh_counts()
        article_id = self.settings.last_article()
        if article_id is None or not self.show_article(article_id):
            first = self.hub.read(first_article_id)
            if first is None:
                self.article.show_message("The store holds no articles yet.")
                self.sidebar.set_context(None, None)
            else:
                self.show_article(first)

    def refresh_counts(self) -> None:
        from model.library import store_counts

        self._show_counts(self.hub.read(store_counts))

    def _show_counts(self, c: StoreCounts) -> None:
        self._counts = c
        self.counts.setText(
            f"{c.outlets:,} outlet{'s' if c.outlets != 1 else ''} · "
            f"{c.articles:,} article{'s' if c.articles != 1 else ''} · "
            f"{c.quotes:,} quote{'s' if c.quotes != 1 else ''}"
        )

    @Slot()
    def _on_store_changed(self) -> None:
        self.article.refresh()
        self.sidebar.reload()
        self.refresh_counts()
        self._update_actions()

    @Slot(object)
    def _on_quotes_changed(self, change: QuoteChange) -> None:
        self.article.refresh()
        self.sidebar.apply_change(change)
        if self._counts is not None:
            live = self._counts.quotes + len(change.added) - len(change.removed)
            self._show_counts(replace(self._counts, quotes=live))
        self._update_actions()

    @Slot()
    def _on_articles_changed(self) -> None:
        """Reloads the outlet list (expansion is lost) and reselects the shown article."""
        self.outlets.reload()
        detail = self.article.detail
        if detail is not None:
            self.outlets.select_article(detail.outlet_id, detail.id)
            self._on_store_changed()
        else:
            self.populate()

    @Slot(str)
    def _on_store_failed(self, message: str) -> None:
        self.article.show_message(f"The store could not be opened.\n\n{message}")
        self.show_status("The store could not be opened", 0)

    # --- corrections ---------------------------------------------------------------------------

    def _target_quote_id(self) -> int | None:
        """The quote an Edit action applies to: the sidebar's if it has focus, else the text's."""
        if self.sidebar.view.hasFocus() and self.sidebar.current_quote_id() is not None:
            return self.sidebar.current_quote_id()
        at_cursor = self.article.quote_id_at_cursor() if self.article.detail else None
        return at_cursor if at_cursor is not None else self.sidebar.current_quote_id()

    @Slot()
    def add_quote_from_selection(self) -> None:
        from model.library import speaker_names

        span = self.article.selection_offsets()
        detail = self.article.detail
        if span is None or detail is None:
            self.show_status("Select the words of the quote in the article first.")
            return
        excerpt = detail.text[span[0] : span[1]].strip()
        ok, speaker = SpeakerDialog.ask(self, self.hub.read(speaker_names), excerpt,
                                        title="Add as quote")
        if not ok:
            return
        command = AddQuoteCommand(self.hub, detail.id, span[0], span[1], speaker,
                                  self.show_status, excerpt)
        self.undo_stack.push(command)
        if command.added is not None:
            self.show_quote(command.added.id)

    @Slot()
    def change_speaker_of_quote(self) -> None:
        from model.library import quote_rows, speaker_names

        quote_id = self._target_quote_id()
        rows = self.hub.read(quote_rows, [quote_id]) if quote_id is not None else []
        if not rows:
            self.show_status("Choose a quote first.")
            return
        ok, speaker = SpeakerDialog.ask(self, self.hub.read(speaker_names), rows[0].text,
                                        rows[0].speaker, title="Change speaker")
        if ok and speaker != rows[0].speaker:
            self.undo_stack.push(ChangeSpeakerCommand(self.hub, rows[0].id, speaker,
                                                      self.show_status))

    @Slot()
    def delete_quote(self) -> None:
        from model.library import quote_rows

        quote_id = self._target_quote_id()
        rows = self.hub.read(quote_rows, [quote_id]) if quote_id is not None else []
        if not rows:
            self.show_status("Choose a quote first.")
            return
        self.undo_stack.push(DeleteQuoteCommand(self.hub, rows[0].id, self.show_status,
                                                rows[0].text))
        self.show_status("Quote deleted. Undo brings it back.")

    @Slot()
    def _update_actions(self) -> None:
        a = self.actions_
        has_store = self.hub.is_open
        selection = self.article.selection_offsets()
        has_selection = selection is not None
        already = any((s.start, s.end) == selection for s in self.article.text.spans)
        a.add_quote.setEnabled(has_store and has_selection and not already
                               and self.article.detail is not None)
        a.copy.setEnabled(has_selection)
        has_quote = has_store and self._target_quote_id() is not None
        a.change_speaker.setEnabled(has_quote)
        a.delete_quote.setEnabled(has_quote)
        a.find.setEnabled(self.article.detail is not None)

    # --- pane routing --------------------------------------------------------------------------

    @Slot(int, int)
    def _on_article_chosen(self, article_id: int, _outlet_id: int) -> None:
        if article_id != self.article.article_id:
            self.show_article(article_id)

    @Slot(int)
    def _on_outlet_chosen(self, outlet_id: int) -> None:
        row = self.outlets.model.outlet_row_of(outlet_id)
        outlet = self.outlets.model.outlet(self.outlets.model.index(row, 0)) if row is not None \
            else None
        if outlet is None:
            return
        if outlet.article_count == 0:
            self.article.show_message(f"{outlet.name} has no articles yet.")
        else:
            n = outlet.article_count
            self.article.show_message(
                f"{outlet.name}: {n:,} article{'s' if n != 1 else ''}.\n"
                "Expand the outlet and choose one to read it."
            )
        self.setWindowTitle(f"{outlet.name} — QuoteDesk")
        self.sidebar.set_context(None, outlet_id)
        self._update_actions()

    # --- window state --------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.settings.window_geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1400, 860)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        self.splitter.setSizes(self.settings.splitter_sizes())

    def save_layout(self) -> None:
        self.settings.set_window_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        self.settings.set_splitter_sizes(self.splitter.sizes())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        self.save_layout()
        super().closeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange) \
                and self._painted:
            self.apply_icons()  # the article view re-tints its own highlights

    def _about(self) -> None:
        QMessageBox.about(
            self, "About QuoteDesk",
            "<b>QuoteDesk</b><p>Compare how news outlets covered one story and whom they "
            "quoted. Quotes are found automatically; select text to add one, and correct "
            "speakers or delete wrong quotes — every correction can be undone.</p>",
        )
