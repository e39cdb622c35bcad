"""What other tools use to plug into the reader: menus, the sidebar's lists, opening quotes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from model import library


def _menu_titles(window):
    return [a.text() for a in window.menuBar().actions()]


def test_actions_go_into_existing_or_new_menus(window):
    imp = QAction("&Import files…", window)
    window.add_menu_action("File", imp, toolbar=True)
    file_actions = window.menus["File"].actions()
    assert file_actions.index(imp) < file_actions.index(window.actions_.quit)
    assert imp in window.toolbar.actions()
    tag = QAction("&Tag quote…", window)
    window.add_menu_action("Tags", tag)
    assert _menu_titles(window) == ["&File", "&Edit", "&View", "&Tags", "&Help"]
    assert window.menu("Tags").actions() == [tag]


def test_the_sidebar_shows_any_list_of_quotes_until_a_scope_is_chosen(qtbot, window, hub):
    every = hub.read(library.all_quote_ids)
    chosen = [every[-1], every[0]]
    window.sidebar.show_quote_ids(chosen, "2 quotes tagged “denial”")
    assert window.sidebar.model.ids() == chosen
    assert window.sidebar.status.text() == "2 quotes tagged “denial”"
    assert all(not b.isChecked() for b in window.sidebar.scope_buttons.buttons())
    window.sidebar.show_quote_ids([], "No quotes tagged “calm”")
    assert window.sidebar.empty.text() == "No quotes match."
    button = window.sidebar.findChild(type(window.sidebar.scope_buttons.buttons()[0]),
                                      "scope_store")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.sidebar.scope == "store"
    assert window.sidebar.model.ids() == every


def test_show_article_and_show_quote_by_id(window, hub):
    every = hub.read(library.all_quote_ids)
    row = hub.read(library.quote_rows, [every[-1]])[0]
    assert window.show_article(row.article_id)
    assert window.article.article_id == row.article_id
    assert window.show_quote(row.id)
    assert window.article.text.textCursor().selectedText() == row.text
    assert not window.show_quote(10_000_000)
    assert "no longer in the store" in window.statusBar().currentMessage()


def test_model_modules_of_the_reader_never_import_qt():
    import subprocess
    import sys

    code = ("import sys, model.library, model.corrections, model.quick_open;"
            "print('PySide6' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
