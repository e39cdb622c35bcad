"""Search, tags and export as a user meets them in the main window."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint, Qt, QThreadPool
from PySide6.QtWidgets import QDialog, QInputDialog

from gui.export_dialog import ExportDialog
from model.library import article_quote_ids, quote_rows
from model.search import SearchQuery, search, search_articles


@pytest.fixture
def tools(window):
    yield window.search_tools
    QThreadPool.globalInstance().waitForDone(5000)


def _search(qtbot, window, text: str) -> None:
    qtbot.keyClicks(window.search_tools.bar.box, text)


def _select_rows(window, rows: list[int]) -> None:
    view = window.sidebar.view
    selection = QItemSelection()
    for row in rows:
        index = window.sidebar.model.index(row)
        selection.select(index, index)
    view.selectionModel().select(
        selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)


def _chip_point(window, row: int) -> QPoint:
    """Scans the row for the point where its first tag chip is drawn."""
    view = window.sidebar.view
    rect = view.visualRect(window.sidebar.model.index(row))
    for x in range(rect.right() - 2, rect.left(), -2):
        for y in range(rect.top(), rect.bottom(), 2):
            if view.chip_at(QPoint(x, y)) is not None:
                return QPoint(x, y)
    raise AssertionError("no chip drawn in that row")


def test_typing_a_word_lists_the_matching_quotes_and_the_count(qtbot, window, tools, hub):
    article_ids = window.sidebar.model.ids()
    expected = hub.read(search, SearchQuery("korea")).ids
    assert expected and expected != article_ids
    _search(qtbot, window, "korea")
    qtbot.waitUntil(lambda: window.sidebar.model.ids() == expected, timeout=5000)
    assert window.sidebar.status.text() == f"{len(expected)} quotes found"
    first = window.sidebar.model.index(0).data()
    assert window.sidebar.delegate.match_spans(f"“{first}”")  # the matched word is marked

    tools.bar.box.clear()
    tools.bar.run_now()
    qtbot.waitUntil(lambda: window.sidebar.model.ids() == article_ids, timeout=5000)
    assert window.sidebar.status.text().endswith("in this article")
    assert window.sidebar.delegate.match_spans(f"“{first}”") == []


def test_tagging_two_selected_quotes_from_the_menu_shows_chips_and_undoes(
        qtbot, window, tools, hub, monkeypatch):
    ids = window.sidebar.model.ids()[:2]
    _select_rows(window, [0, 1])
    assert window.sidebar.selected_quote_ids() == ids
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Denials", True))
    menu = window.sidebar.context_menu()
    tag_menu = next(a.menu() for a in menu.actions() if a.menu() is not None)
    new_tag = next(a for a in tag_menu.actions() if a.text() == "&New tag…")
    new_tag.trigger()

    def chips(qid: int) -> list[str]:
        return [t.name for t in hub.read(quote_rows, [qid])[0].tags]

    assert [chips(q) for q in ids] == [["Denials"], ["Denials"]]
    qtbot.waitUntil(lambda: [t.name for t in window.sidebar.model.quote_row(0).tags]
                    == ["Denials"], timeout=3000)
    assert window.sidebar.selected_quote_ids() == ids  # the selection survives the refresh
    assert window.sidebar.view.chip_at(_chip_point(window, 1)) == "Denials"

    window.undo_stack.undo()
    assert [chips(q) for q in ids] == [[], []]
    assert window.sidebar.model.quote_row(0).tags == ()


def test_ctrl_t_tags_the_selection(qtbot, window, tools, hub, monkeypatch):
    ids = window.sidebar.model.ids()[1:3]
    _select_rows(window, [1, 2])
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Threats", True))
    window.sidebar.view.setFocus()
    tools.tag.trigger()
    assert all([t.name for t in r.tags] == ["Threats"] for r in hub.read(quote_rows, ids))


def test_clicking_a_chip_filters_the_list_by_its_tag(qtbot, window, tools, hub, monkeypatch):
    ids = window.sidebar.model.ids()
    _select_rows(window, [2])
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Warnings", True))
    window.sidebar.view.setFocus()
    tools.tag.trigger()
    qtbot.waitUntil(lambda: bool(window.sidebar.model.quote_row(2).tags), timeout=3000)
    point = _chip_point(window, 2)
    qtbot.mouseClick(window.sidebar.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: window.sidebar.model.ids() == [ids[2]], timeout=5000)
    assert tools.bar.tag_combo.currentText() == "Warnings"
    assert window.sidebar.status.text() == "1 quote found"


def test_ctrl_shift_f_lists_articles_and_a_click_opens_one(qtbot, window, tools, hub):
    qtbot.keySequence(window, "Ctrl+Shift+F")
    assert tools.bar.mode == "articles"
    expected = hub.read(search_articles, SearchQuery("satellite")).ids
    assert expected
    _search(qtbot, window, "satellite")
    qtbot.waitUntil(lambda: window.sidebar.stack.currentWidget() is tools.articles,
                    timeout=5000)
    model = tools.articles.model
    assert [model.index(r).data(Qt.ItemDataRole.UserRole + 1)
            for r in range(model.rowCount())] == expected
    target = expected[-1]
    row = expected.index(target)
    view = tools.articles.view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(model.index(row)).center())
    assert window.article.article_id == target


def test_export_all_shown_writes_the_listed_quotes(qtbot, window, tools, hub, tmp_path,
                                                   monkeypatch):
    out = tmp_path / "shown.csv"
    shown = hub.read(article_quote_ids, window.article.article_id)
    assert window.sidebar.model.ids() == shown

    def fake_exec(dialog: ExportDialog) -> int:
        dialog.path_edit.setText(str(out))
        dialog.start()
        qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10_000)
        return dialog.result()

    monkeypatch.setattr(ExportDialog, "exec", fake_exec)
    qtbot.keySequence(window, "Ctrl+E")
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [int(r["quote_id"]) for r in rows] == shown
    texts = {r.id: r.text for r in hub.read(quote_rows, shown)}
    assert [r["quote"] for r in rows] == [texts[q] for q in shown]


def test_a_note_from_the_tag_submenu_is_saved_and_undone(qtbot, window, tools, hub,
                                                         monkeypatch):
    from model.notes import note_of

    qid = window.sidebar.model.ids()[0]
    _select_rows(window, [0])
    monkeypatch.setattr(QInputDialog, "getMultiLineText",
                        lambda *a, **k: ("Check the date", True))
    menu = window.sidebar.context_menu()
    tag_menu = next(a.menu() for a in menu.actions() if a.menu() is not None)
    next(a for a in tag_menu.actions() if a.text() == "N&ote…").trigger()
    assert hub.read(note_of, qid) == "Check the date"
    window.undo_stack.undo()
    assert not hub.read(note_of, qid)


def test_tags_menu_item_opens_the_tag_manager(qtbot, window, tools, monkeypatch):
    from gui.tag_manager_dialog import TagManagerDialog

    opened: list[TagManagerDialog] = []
    monkeypatch.setattr(TagManagerDialog, "exec", lambda self: opened.append(self) or 0)
    assert tools.manage_tags in window.menus["Edit"].actions()
    tools.manage_tags.trigger()
    assert len(opened) == 1


def test_ctrl_a_selects_every_listed_quote_for_export(qtbot, window, tools):
    window.sidebar.set_scope("store")
    shown = window.sidebar.model.ids()
    window.sidebar.view.setFocus()
    qtbot.keySequence(window.sidebar.view, "Ctrl+A")
    assert window.sidebar.selected_quote_ids() == shown
    exported: list[list[int]] = []
    tools._export = exported.append  # type: ignore[method-assign]
    tools.export_selection.trigger()
    assert exported == [shown]


def _point_on_quote(window, index: int = 1):
    view = window.article.text
    span = [s for s in view.spans if s.end - s.start > 4][index]
    cursor = view.textCursor()
    cursor.setPosition(view._offsets.to_qt(span.start + 2))
    return span, view.cursorRect(cursor).center()


def test_right_clicking_a_highlighted_quote_tags_that_quote(qtbot, window, tools, hub,
                                                            monkeypatch):
    span, point = _point_on_quote(window)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Claims", True))
    menu = window.article.text.context_menu(point)
    tag_menu = next(a.menu() for a in menu.actions() if a.menu() is not None)
    assert tag_menu.title() == "&Tag"
    next(a for a in tag_menu.actions() if a.text() == "&New tag…").trigger()
    tagged = {r.id for r in hub.read(quote_rows, window.sidebar.model.ids()) if r.tags}
    assert tagged == {span.id}


def test_plain_text_has_no_tag_submenu(window, tools):
    view = window.article.text
    quoted = {(s.start, s.end) for s in view.spans}
    cursor = view.textCursor()
    offset = next(o for o in range(len(view.toPlainText()))
                  if not any(a <= o < b for a, b in quoted) and view.toPlainText()[o].isalpha())
    cursor.setPosition(offset)
    menu = view.context_menu(view.cursorRect(cursor).center())
    assert all(a.menu() is None for a in menu.actions())


def test_a_noted_quote_says_so_in_its_tooltip(qtbot, window, tools, hub, monkeypatch):
    _select_rows(window, [0])
    monkeypatch.setattr(QInputDialog, "getMultiLineText",
                        lambda *a, **k: ("Ask the press office", True))
    menu = window.sidebar.context_menu()
    tag_menu = next(a.menu() for a in menu.actions() if a.menu() is not None)
    next(a for a in tag_menu.actions() if a.text() == "N&ote…").trigger()
    index = window.sidebar.model.index(0)
    qtbot.waitUntil(lambda: "Ask the press office" in (
        index.data(Qt.ItemDataRole.ToolTipRole) or ""), timeout=3000)
    other = window.sidebar.model.index(1).data(Qt.ItemDataRole.ToolTipRole)
    assert "Note:" not in other
