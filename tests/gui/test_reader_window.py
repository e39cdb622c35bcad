"""The reader window on the sample story: outlets, highlighted article, sidebar, find, layout."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from sqlalchemy import insert

from gui.highlights import highlighted_ranges
from gui.main_window import MainWindow
from gui.outlet_model import ARTICLE_ID_ROLE
from model import library
from model.schema import Outlet

SAMPLE_OUTLETS = {"HuffPost UK", "Inquisitr", "Newsweek", "Daily Mail", "The Washington Post"}


def _click_article(qtbot, window, outlet_name):
    model, view = window.outlets.model, window.outlets.view
    for row in range(model.rowCount()):
        parent = model.index(row, 0)
        if parent.data() == outlet_name:
            view.expand(parent)
            if model.canFetchMore(parent):
                model.fetchMore(parent)
            index = model.index(0, 0, parent)
            rect = view.visualRect(index)
            qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            return index.data(ARTICLE_ID_ROLE)
    raise AssertionError(outlet_name)


def test_the_five_sample_outlets_are_listed_with_their_counts(window):
    model = window.outlets.model
    names = {model.index(r, 0).data() for r in range(model.rowCount())}
    assert names == SAMPLE_OUTLETS
    assert {model.index(r, 1).data() for r in range(model.rowCount())} == {"1"}
    assert window.counts.text().startswith("5 outlets · 5 articles")


def test_choosing_an_article_shows_its_text_with_one_highlight_per_quote(qtbot, window, hub):
    article_id = _click_article(qtbot, window, "Newsweek")
    assert window.article.article_id == article_id
    detail = hub.read(library.article_detail, article_id)
    assert window.article.text.toPlainText() == detail.text
    assert "Newsweek" in window.article.meta.text()
    quote_ids = hub.read(library.article_quote_ids, article_id)
    ranges = highlighted_ranges(window.article.text.document())
    assert set(ranges) == set(quote_ids)
    assert all(len(r) == 1 for r in ranges.values())
    assert window.sidebar.model.ids() == quote_ids


def test_clicking_a_quote_in_the_sidebar_puts_the_cursor_on_it(qtbot, window, hub):
    view = window.sidebar.view
    index = window.sidebar.model.index(2)
    qid = index.data(Qt.ItemDataRole.UserRole + 1)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())
    row = hub.read(library.quote_rows, [qid])[0]
    cursor = window.article.text.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (row.start, row.end)
    assert cursor.selectedText() == row.text


def test_a_quote_of_another_article_opens_that_article(window, hub):
    window.sidebar.set_scope("store")
    last_id = window.sidebar.model.ids()[-1]
    row = hub.read(library.quote_rows, [last_id])[0]
    assert row.article_id != window.article.article_id
    assert window.show_quote(last_id)
    assert window.article.article_id == row.article_id
    assert window.article.text.textCursor().selectedText() == row.text
    assert window.sidebar.current_quote_id() == last_id


def test_an_outlet_without_articles_says_so(qtbot, window, hub):
    hub.write(lambda s: s.execute(insert(Outlet).values(name="Empty Gazette")))
    window.outlets.reload()
    model, view = window.outlets.model, window.outlets.view
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "Empty Gazette")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(model.index(row, 0)).center())
    assert window.article.stack.currentIndex() == 0
    assert "Empty Gazette has no articles" in window.article.message.text()
    assert window.sidebar.empty.text() == "Choose an article to see its quotes."
    window.sidebar.set_scope("outlet")
    assert window.sidebar.empty.text() == "No quotes from this outlet."


def test_ctrl_f_finds_within_the_article(qtbot, window):
    window.article.text.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.article.find_bar.isVisible()
    qtbot.keyClicks(window.article.find_bar.field, "satellite")
    text = window.article.text
    assert text.textCursor().selectedText().lower() == "satellite"
    assert "match" in window.article.find_bar.status.text()
    first = text.textCursor().selectionStart()
    qtbot.keyClick(window.article.find_bar.field, Qt.Key.Key_Return)
    second = text.textCursor().selectionStart()
    assert second > first
    qtbot.keyClick(window.article.find_bar.field, Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ShiftModifier)
    assert text.textCursor().selectionStart() == first
    qtbot.keyClick(window.article.find_bar.field, Qt.Key.Key_Escape)
    assert not window.article.find_bar.isVisible()


def test_hovering_a_quote_names_its_speaker(window):
    view = window.article.text
    span = next(s for s in view.spans if s.speaker and s.end - s.start > 4)
    view.select_offsets(span.start, span.end)
    cursor = view.textCursor()
    cursor.setPosition(span.start + 2)
    point = view.cursorRect(cursor).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    assert span.speaker in QToolTip.text()


def test_splitter_sizes_and_scope_are_remembered(qtbot, window, hub, settings):
    window.splitter.setSizes([300, 500, 400])
    window.sidebar.set_scope("outlet")
    sizes = window.splitter.sizes()
    window.close()
    again = MainWindow(hub, settings)
    qtbot.addWidget(again)
    again.resize(window.size())
    again.show()
    qtbot.waitExposed(again)
    assert again.splitter.sizes() == sizes
    assert again.sidebar.scope == "outlet"


def test_an_article_without_quotes_says_so_and_a_new_outlet_appears(window, hub):
    from model.ingest import Ingestor
    from model.records import ArticleIn

    added = hub.write(lambda s: Ingestor(s).add(ArticleIn(
        outlet="Quiet Times", title="Calm day", text="Nothing was said.\n\nNothing at all.")))
    hub.articles_changed.emit()
    model = window.outlets.model
    assert "Quiet Times" in {model.index(r, 0).data() for r in range(model.rowCount())}
    assert window.show_article(added[0])
    assert window.article.notice.text().startswith("No quotes found in this article")
    assert window.sidebar.empty.text() == "No quotes in this article."
    assert window.counts.text().startswith("6 outlets · 6 articles")


def test_a_store_that_cannot_open_is_named_in_the_window(qtbot, tmp_path, settings):
    from gui.store_hub import StoreHub

    bad = tmp_path / "bad.db"
    bad.write_text("not a database, only text " * 40)
    hub = StoreHub()
    win = MainWindow(hub, settings)
    qtbot.addWidget(win)
    with qtbot.waitSignal(hub.store_failed, timeout=20_000):
        hub.open_async(str(bad))
    assert "could not be opened" in win.article.message.text()
    assert "bad.db: " in win.article.message.text()
    assert bad.read_text().startswith("not a database")  # nothing written over it
